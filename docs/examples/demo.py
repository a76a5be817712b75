"""A tour of servicecharter's business calendar; ``make demo`` runs it.

The desk is open Monday to Friday, 09:00-12:00 and 14:00-17:00, Paris time,
closed on French public holidays. Every figure printed below is computed.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from servicecharter import BusinessCalendar, OpeningHours

NOTATION = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
PARIS = ZoneInfo("Europe/Paris")
N_RANDOM = 100_000


def show(t: datetime) -> str:
    """Format an aware datetime as 'Mon 2026-03-30 14:30+02:00'."""
    return f"{t:%a} {t.astimezone(PARIS).isoformat(' ', 'minutes')}"


def paris(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """An aware datetime, Paris time."""
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def deadlines(cal: BusinessCalendar) -> None:
    """Business-time deadlines, including a DST change and a holiday."""
    print("\nDeadlines (latest on-time instant; 'display' is boundary='close')")
    cases = [
        (paris(2026, 3, 27, 16, 30), timedelta(hours=4), "clocks change Sunday"),
        (paris(2026, 4, 5, 18, 0), timedelta(hours=1), "Easter Monday closed"),
        (paris(2026, 3, 27, 16, 0), timedelta(hours=1), "ends at Friday close"),
        (paris(2026, 3, 31, 9, 0), timedelta(hours=-1), "one hour back"),
    ]
    for received, within, note in cases:
        due = cal.add(received, within)
        shown = cal.add(received, within, boundary="close")
        print(
            f"  {show(received)} {within_str(within):>4} -> {show(due)}"
            f"   display {show(shown)}   ({note})"
        )


def within_str(d: timedelta) -> str:
    """Format a whole number of hours as '+4h' or '-1h'."""
    hours = int(d.total_seconds() // 3600)
    return f"{hours:+d}h"


def open_or_not(cal: BusinessCalendar) -> None:
    """is_open, next_open and next_close at a few instants."""
    print("\nOpen now? When next?")
    for t in (
        paris(2026, 4, 1, 10, 0),  # a Wednesday morning
        paris(2026, 3, 30, 12, 30),  # Monday lunch break
        paris(2026, 4, 4, 11, 0),  # Saturday before Easter
        paris(2026, 5, 1, 10, 0),  # Labour Day
    ):
        state = "open  " if cal.is_open(t) else "closed"
        print(
            f"  {show(t)}  {state}  next open {show(cal.next_open(t))}"
            f"  next close {show(cal.next_close(t))}"
        )


def elapsed(cal: BusinessCalendar) -> None:
    """Business time between two instants."""
    start, end = paris(2026, 3, 27, 10, 0), paris(2026, 3, 31, 11, 0)
    print("\nElapsed business time")
    print(f"  {show(start)} -> {show(end)}: {cal.elapsed(start, end)}")
    print(f"  wall-clock time between them: {end - start}")


def vectorised(cal: BusinessCalendar) -> None:
    """add() over random instants of 2026, timed, and its law checked."""
    rng = np.random.default_rng(2026)
    year_us = 365 * 86_400 * 1_000_000
    start = np.datetime64("2026-01-01T00:00:00", "us")
    received = start + rng.integers(0, year_us, N_RANDOM).astype("timedelta64[us]")
    within = np.timedelta64(4, "h")
    cal.add(received[:10], within)  # compile the year before timing
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        due = cal.add(received, within)
        best = min(best, time.perf_counter() - began)
    agree = bool(np.all(cal.elapsed(received, due) == within))
    print(f"\nVectorised: add(+4h) over {N_RANDOM:,} random instants of 2026")
    print(f"  {best * 1e3:.1f} ms, {N_RANDOM / best / 1e6:.2f} M deadlines/s")
    print(f"  elapsed(received, due) == 4h for every element: {agree}")
    for r, d in zip(received[:3], due[:3], strict=True):
        print(f"  {show(to_paris(r))} -> {show(to_paris(d))}")


def to_paris(t: np.datetime64) -> datetime:
    """A UTC datetime64[us] as an aware datetime in Paris."""
    naive: datetime = t.astype("datetime64[us]").item()
    return naive.replace(tzinfo=UTC).astimezone(PARIS)


def main() -> None:
    """Build the calendar and print every section."""
    hours = OpeningHours.parse(NOTATION, tz="Europe/Paris", holidays="FR")
    cal = BusinessCalendar(hours)
    print(f"Opening hours: {NOTATION!r}, Europe/Paris, French public holidays")
    deadlines(cal)
    open_or_not(cal)
    elapsed(cal)
    vectorised(cal)


if __name__ == "__main__":
    main()
