"""Benchmark calendar algebra: a combination against one of its operands.

Run: ``python benchmarks/bench_algebra.py [n]`` (default 1,000,000). Times
compiling ten years and ``add``, ``elapsed`` and ``is_open`` on ``n`` random
instants of 2026, for a follow-the-sun union of three desks (Sydney,
London, New York, national holidays each) and for the London desk alone,
measured in the same run. Once compiled, a combination is one timeline like
any other, so the arithmetic ratios should stay near 1; compiling costs
about one compilation per operand plus the sweep.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable

import numpy as np

from common import SEED, columns, fmt_seconds, median_best, rows_argument
from servicecharter import BusinessCalendar, OpeningHours
from servicecharter.calendar import union

RUNS = 5
DESKS = (
    ("Australia/Sydney", "AU"),
    ("Europe/London", "GB"),
    ("America/New_York", "US"),
)


def desks() -> list[BusinessCalendar]:
    """Fresh, uncompiled desks open 09:00-17:00 on weekdays."""
    return [
        BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, tz, holidays=c))
        for tz, c in DESKS
    ]


def timed(run: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return median_best(times)


def compile_years(make: Callable[[], BusinessCalendar]) -> Callable[[], object]:
    first = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    last = dt.datetime(2035, 12, 31, tzinfo=dt.UTC)
    return lambda: make().elapsed(first, last)


def main() -> None:
    n = rows_argument(sys.argv[1:], 1_000_000)
    rng = np.random.default_rng(SEED)
    start = np.datetime64("2026-01-01T00:00", "us").astype(np.int64)
    year_us = 365 * 86_400_000_000
    t = (start + rng.integers(0, year_us, n)).view("M8[us]")
    u = (t.view(np.int64) + rng.integers(0, 30 * 86_400_000_000, n)).view("M8[us]")
    d = rng.integers(0, 40 * 3_600_000_000, n).view("m8[us]")
    sun, london = union(*desks(), tz="UTC"), desks()[1]
    for cal in (sun, london):
        cal.add(t, d)  # compile the year first
    rows = []
    cases: list[tuple[str, Callable[[BusinessCalendar], Callable[[], object]]]] = [
        ("compile 10 years", lambda c: compile_years(lambda: type(c)(c.hours))),
        ("add", lambda c: lambda: c.add(t, d)),
        ("elapsed", lambda c: lambda: c.elapsed(t, u)),
        ("is_open", lambda c: lambda: c.is_open(t)),
    ]
    for name, case in cases:
        combined, _ = timed(case(sun))
        alone, _ = timed(case(london))
        rows.append(
            [name, fmt_seconds(combined), fmt_seconds(alone), f"{combined / alone:.2f}"]
        )
    print(f"calendar algebra, {n:,} instants, median of {RUNS} runs")
    header = ["operation", "sydney | london | new_york", "london alone", "ratio"]
    print(columns(header, rows))


if __name__ == "__main__":
    main()
