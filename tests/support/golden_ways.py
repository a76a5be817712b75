"""Compare servicecharter's reading of opening_hours values with opening_hours.js.

For each record of the golden tables (tests/hours/golden) whose value both
libraries accept, the value is compiled over each window in the record's
zone, with the public holidays opening_hours.js used there, and the open
intervals are compared: with ``unknown="closed"`` against the intervals
opening_hours.js marks open, with ``unknown="open"`` against all of them.

Run as a script it prints the figures the issue asks for:

    python -m tests.support.golden_ways
"""

from __future__ import annotations

import itertools
import json
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from servicecharter import HolidayDates, OpeningHours, ServiceCharterError
from servicecharter._core.units import day_number
from servicecharter.calendar.compile import compile_days

from ..hours.golden.load import GoldenRecord, Zone, records, zones

DIFFERENCES_PATH = Path(__file__).resolve().parents[1] / "hours" / "differences.json"

Intervals = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Outcome:
    """How one value in one zone compares: ``status`` and the windows that differ.

    ``status`` is ``agree``, ``dst`` (the intervals differ only within a day
    of a daylight-saving change, where DESIGN.md's policy decides),
    ``differ``, ``we_refuse`` (opening_hours.js reads it, we do not),
    ``they_refuse`` (the reverse) or ``both_refuse``.
    """

    value: str
    zone: str
    status: str
    windows: tuple[str, ...] = ()
    reason: str = ""


def _merge(pairs: list[tuple[int, int]]) -> Intervals:
    out: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif start < end:
            out.append((start, end))
    return tuple(out)


def theirs(record: GoldenRecord, window: str, *, unknown_open: bool) -> Intervals:
    """opening_hours.js's intervals of a window, touching ones joined."""
    result = record.results[window]
    return _merge(
        [
            (i.start_us, i.end_us)
            for i in result.intervals
            if unknown_open or not i.unknown
        ]
    )


@cache
def _holidays_of(zone: str) -> HolidayDates:
    info = next(z for z in zones() if z.zone == zone)
    return HolidayDates(sorted(info.public_holidays.days))


def _holidays(zone: Zone) -> HolidayDates:
    return _holidays_of(zone.zone)


def ours(hours: OpeningHours, zone: Zone, window: str) -> Intervals:
    """servicecharter's open intervals of a window (UTC µs)."""
    info = next(w for w in zone.windows if w.name == window)
    timeline = compile_days(hours, day_number(info.first_day), day_number(info.end_day))
    pairs = zip(timeline.opens_us.tolist(), timeline.closes_us.tolist(), strict=True)
    return _merge(list(pairs))


def _parse(value: str, zone: Zone, unknown: str) -> OpeningHours:
    with warnings.catch_warnings():
        # "PH" with the zone's holidays never warns; other warnings (none
        # today) are not the comparison's business.
        warnings.simplefilter("ignore")
        return OpeningHours.parse(
            value,
            tz=zone.zone,
            holidays=_holidays(zone),
            unknown=unknown,  # type: ignore[arg-type]
            school_holidays=sorted(zone.school_holidays.days),
            location=(zone.nominatim["lat"], zone.nominatim["lon"]),
        )


def compare(record: GoldenRecord) -> Outcome:
    """Compare one record; see ``Outcome``."""
    zone = record.zone
    try:
        closed = _parse(record.value, zone, "closed")
        opened = _parse(record.value, zone, "open")
    except ServiceCharterError as error:
        status = "both_refuse" if not record.parses else "we_refuse"
        return Outcome(record.value, zone.zone, status, reason=str(error))
    if not record.parses:
        return Outcome(record.value, zone.zone, "they_refuse")
    differing = []
    near_dst = True
    for window, result in record.results.items():
        if result.error is not None:
            continue  # opening_hours.js threw for this window (variable times)
        for hours, unknown_open in ((closed, False), (opened, True)):
            mine = ours(hours, zone, window)
            other = theirs(record, window, unknown_open=unknown_open)
            if mine != other:
                differing.append(window)
                near_dst = near_dst and _near_dst(mine, other, zone)
                break
    status = "agree" if not differing else "dst" if near_dst else "differ"
    return Outcome(record.value, zone.zone, status, tuple(differing))


_DAY_US = 86_400_000_000


def _near_dst(first: Intervals, second: Intervals, zone: Zone) -> bool:
    """Whether the two sets of intervals differ only within a day of a change."""
    changes = [c.at_us for c in zone.dst_changes]
    edges = sorted({t for pair in (*first, *second) for t in pair})
    for start, end in itertools.pairwise(edges):
        middle = (start + end) // 2
        if _covers(first, middle) != _covers(second, middle) and not any(
            change - _DAY_US <= start and end <= change + _DAY_US for change in changes
        ):
            return False
    return True


def _covers(intervals: Intervals, instant: int) -> bool:
    return any(start <= instant < end for start, end in intervals)


def outcomes(zone: str | None = None) -> Iterator[Outcome]:
    """The outcome of every record (of one zone, or all)."""
    for record in records(zone):
        yield compare(record)


def documented() -> dict[str, str]:
    """Values whose differences are documented, with the reason (committed)."""
    with DIFFERENCES_PATH.open(encoding="utf-8") as f:
        return {item["value"]: item["reason"] for item in json.load(f)}


def suite_values() -> list[str]:
    """The values of opening_hours.js's own test suite."""
    path = Path(__file__).resolve().parents[1] / "hours" / "golden"
    return list(json.loads((path / "suite_values.json").read_text("utf-8"))["values"])


def _figures() -> None:
    counts: Counter[str] = Counter()
    suite_counts: Counter[str] = Counter()
    suite = set(suite_values())
    for outcome in outcomes("Europe/Berlin"):
        counts[outcome.status] += 1
        if outcome.value in suite:
            suite_counts[outcome.status] += 1
    parsed = sum(suite_counts[s] for s in ("agree", "dst", "differ", "they_refuse"))
    both = sum(suite_counts[s] for s in ("agree", "dst", "differ"))
    total = sum(counts.values())
    print(f"Europe/Berlin, all {total} values: {dict(sorted(counts.items()))}")
    print(
        f"suite values: {len(suite)}; servicecharter parses {parsed} "
        f"({parsed / len(suite):.1%}); read by both: {both}, of which agree "
        f"{suite_counts['agree']} ({suite_counts['agree'] / max(both, 1):.1%}), "
        f"differ only near a DST change {suite_counts['dst']}, documented "
        f"{suite_counts['differ']}"
    )


if __name__ == "__main__":
    sys.exit(_figures())
