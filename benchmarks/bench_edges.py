"""Benchmark the edges that used to be slow: obligations over a century, wide CSVs.

Run: ``python benchmarks/bench_edges.py [--quick]``. Each case prints its best
time of a few runs, its peak Python memory (``tracemalloc``) and its ratio
to a reference measured in the same run, so the figures compare across
machines:

- ``obligations_status`` of a daily rule over 126 years with 13,000 done
  dates (``missed`` was quadratic), against listing the rule's dates with
  ``dateutil`` alone;
- the status of rules that ended (COUNT, UNTIL), which used to overflow;
- reading a CSV whose header has 100,000 columns for ``check`` (a count per
  column), and one with a 200,000-character field (which aborted the check),
  against reading the same file with ``csv.reader``.

With ``--quick`` the sizes are small: a smoke run, not a measurement.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
from dateutil.rrule import rrulestr

from common import fmt_seconds
from servicecharter import RecurringObligation, examples, obligations_status
from servicecharter.io.csv_requests import read_requests

RUNS = 3


def measure(run: Callable[[], Any], runs: int = RUNS) -> tuple[float, int]:
    """Best time of ``runs`` calls, and the peak memory of one (bytes)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(times), peak


def row(name: str, ours: tuple[float, int], reference: tuple[float, int]) -> None:
    ratio = ours[0] / reference[0] if reference[0] > 0 else float("nan")
    print(
        f"  {name:<44} {fmt_seconds(ours[0]):>10} {ours[1] / 2**20:>9.1f} MiB"
        f"   x{ratio:,.1f} the reference ({fmt_seconds(reference[0])})"
    )


def with_rule(rule: str, first_after: str | None = None) -> Any:
    charter = examples.load("technical-support")
    obligation = RecurringObligation("o", "O", rule, first_after=first_after)
    return attrs.evolve(charter, obligations=[obligation])


def obligations(years: int, done_count: int) -> None:
    start, today = dt.date(2026 - years, 1, 1), dt.date(2026, 1, 1)
    charter = with_rule("FREQ=DAILY")
    span = (today - start).days
    done = [
        start + dt.timedelta(days=i * span // done_count) for i in range(done_count)
    ]

    def ours() -> None:
        obligations_status(charter, {"o": done}, start=start, today=today)

    def reference() -> None:
        rule = rrulestr("FREQ=DAILY", dtstart=dt.datetime.combine(start, dt.time()))
        rule.between(
            dt.datetime.combine(start, dt.time()),
            dt.datetime.combine(today, dt.time()),
            inc=True,
        )

    name = f"daily rule, {years} years, {done_count:,} done dates"
    row(name, measure(ours), measure(reference))
    for rule, first_after, done_dates in (
        ("FREQ=YEARLY;COUNT=2", None, [dt.date(2021, 1, 1), dt.date(2022, 1, 1)]),
        ("FREQ=YEARLY;UNTIL=20230101", None, [dt.date(2023, 1, 1)]),
        ("FREQ=YEARLY;COUNT=1", "1 month", [dt.date(2020, 2, 1)]),
    ):
        ended = with_rule(rule, first_after)

        def status(c: Any = ended, d: list[dt.date] = done_dates) -> None:
            obligations_status(
                c, {"o": d}, start=dt.date(2020, 1, 1), today=dt.date(2026, 3, 1)
            )

        try:
            row(f"ended rule {rule}", measure(status), measure(reference, 1))
        except Exception as error:  # the figure to report: what it raised
            print(f"  ended rule {rule:<33} raised {type(error).__name__}: {error}")


def wide_csv(folder: Path, columns: int, field: int) -> None:
    tz = examples.load("technical-support").tz
    cases = {
        f"CSV header of {columns:,} columns": (
            ["engagement", "received_at", *(f"c{i}" for i in range(columns))],
            [["anomalies", "2026-03-27T10:00", *([""] * columns)]],
        ),
        f"CSV field of {field:,} characters": (
            ["engagement", "received_at", "note"],
            [
                ["anomalies", "2026-03-27T10:00", "x" * field],
                ["anomalies", "2026-03-27T11:00", ""],
            ],
        ),
    }
    for name, (header, records) in cases.items():
        path = folder / "requests.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(records)

        def ours(p: Path = path) -> None:
            read_requests(p, tz)

        def reference(p: Path = path) -> None:
            limit = csv.field_size_limit(sys.maxsize)
            try:
                with p.open(encoding="utf-8", newline="") as handle:
                    list(csv.reader(handle))
            finally:
                csv.field_size_limit(limit)

        try:
            row(name, measure(ours), measure(reference))
        except Exception as error:  # the figure to report: what it raised
            print(f"  {name:<44} raised {type(error).__name__}: {error}")


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    print(f"{'':2}{'case':<44} {'best':>10} {'peak':>13}")
    obligations(*((3, 300) if quick else (126, 13_000)))
    with tempfile.TemporaryDirectory() as folder:
        wide_csv(Path(folder), *((1_000, 2_000) if quick else (100_000, 200_000)))


if __name__ == "__main__":
    main()
