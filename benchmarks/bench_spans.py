"""Time and peak memory of single calls over long spans and at the supported edges.

Each call runs alone in a fresh interpreter (so its peak memory is its own)
with a time limit, on ``Mo-Fr 09:00-17:00`` in Europe/Paris with no public
holidays (French ones are known up to 2100 only). Run from the repository
root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_spans.py [--timeout S]

The table gives each call's wall time (start-up of the interpreter and its
imports subtracted), its peak resident memory, and what it returned or
raised.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence

from common import argument_parser, columns

SETUP = """
import datetime as dt, json, resource, sys, time
from zoneinfo import ZoneInfo
import numpy as np
from servicecharter import BusinessCalendar, OpeningHours
cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, sys.argv[2]))
tz = ZoneInfo(sys.argv[2])
t = dt.datetime(2026, 3, 27, 10, tzinfo=tz)
"""

RUN = """
start = time.perf_counter()
try:
    answer = repr(eval(sys.argv[1]))
except Exception as error:
    answer = f"{type(error).__name__}: {error}"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak": peak, "answer": answer}))
"""

CALLS = [
    ("12", "Europe/Paris", "cal.add(t, dt.timedelta(days=4999 * 365))"),
    (
        "12",
        "Europe/Paris",
        "cal.count_business_days(dt.date(2, 1, 5), dt.date(9998, 12, 1))",
    ),
    ("12", "Europe/Paris", "cal.elapsed(dt.datetime(9000, 1, 1, tzinfo=tz), t)"),
    ("12", "Europe/Paris", "cal.add(t, dt.timedelta(days=300 * 365))"),
    ("12", "Europe/Paris", "cal.add(t, dt.timedelta(days=30 * 365))"),
    ("22", "Etc/GMT+12", "cal.day_start(dt.date(9998, 12, 31))"),
    ("22", "Pacific/Kiritimati", "cal.first_open(dt.date(2, 1, 1))"),
    (
        "22",
        "Europe/Paris",
        "cal.is_open(dt.datetime(9998, 12, 31, 12, tzinfo=tz))",
    ),
    ("22", "Etc/GMT+12", "cal.local_date(dt.datetime(2, 1, 1, tzinfo=dt.UTC))"),
]


def run_call(code: str, zone: str, timeout: float) -> dict[str, object]:
    begin = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", SETUP + RUN, code, zone],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        wall = time.perf_counter() - begin
        return {"seconds": wall, "peak": None, "answer": f"over {timeout:g} s"}
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argument_parser(__doc__)
    parser.add_argument("--timeout", type=float, default=120, help="seconds per call")
    args = parser.parse_args(argv)
    rows = []
    for item, zone, code in CALLS:
        out = run_call(code, zone, args.timeout)
        peak = out["peak"]
        answer = str(out["answer"])
        rows.append(
            [
                item,
                zone,
                code.removeprefix("cal."),
                f"{float(str(out['seconds'])):.3f} s",
                "-" if peak is None else f"{int(str(peak)) / 2**20:,.0f} MiB",
                answer if len(answer) < 90 else answer[:87] + "...",
            ]
        )
    header = ("item", "zone", "call", "time", "peak memory", "answer")
    print(columns(header, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
