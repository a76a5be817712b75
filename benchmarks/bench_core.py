"""Benchmark the vectorised core of servicecharter against plain numpy and pandas.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_core.py
    PYTHONPATH=src .venv/bin/python benchmarks/bench_core.py --json out.json --check

See benchmarks/README.md for what each row measures and how to read the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from common import (
    add_json_option,
    add_seed_option,
    argument_parser,
    columns,
    emit,
    facts,
    fmt_seconds,
    load_average,
    median_best,
)
from floor import FLOOR_COLUMNS, Floor, FloorRow, Measured, floor_call, floor_rows
from servicecharter import BusinessCalendar, OpeningHours, PublicHolidays

SPEC = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
TZ_NAME = "Europe/Paris"
UTC = dt.UTC
YEAR_START = dt.datetime(2026, 1, 1, tzinfo=UTC)
YEAR_END = dt.datetime(2027, 1, 1, tzinfo=UTC)
FOUR_HOURS = np.timedelta64(4, "h")
TEN_DAYS_US = 10 * 86_400 * 1_000_000
STAMP = "%a %Y-%m-%d %H:%M:%S"

Instants = npt.NDArray[np.datetime64]
Days = npt.NDArray[np.datetime64]
I64 = npt.NDArray[np.int64]


# ------------------------------------------------------------------ results --


@dataclass(frozen=True)
class Target:
    """A pass/fail bound on one measured value of a row (a ratio, us, ms...)."""

    metric: str
    op: Literal["<=", "<", ">="]
    bound: float

    def passes(self, value: float) -> bool:
        if self.op == "<=":
            return value <= self.bound
        if self.op == "<":
            return value < self.bound
        return value >= self.bound

    def __str__(self) -> str:
        return f"{self.metric} {self.op} {self.bound:g}"


@dataclass(frozen=True)
class Row:
    """One line of the report. ``value`` is what ``target`` is checked against."""

    operation: str
    n: int
    seconds: float
    best: float
    per_second: float | None
    reference: str = "-"
    ref_seconds: float | None = None
    ratio: float | None = None
    target: Target | None = None
    value: float | None = None
    note: str = ""

    @property
    def status(self) -> str:
        if self.target is None or self.value is None:
            return "info"
        return "pass" if self.target.passes(self.value) else "FAIL"


@dataclass(frozen=True)
class Timing:
    """Median and best of repeated wall-clock measurements, in seconds."""

    median: float
    best: float

    @staticmethod
    def of(samples: Sequence[float]) -> Timing:
        return Timing(*median_best(samples))


@dataclass
class Report:
    """Everything the run found: rows plus facts worth keeping next to them."""

    rows: list[Row] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    floor: Measured | None = None
    floor_rows: list[FloorRow] = field(default_factory=list)


# ------------------------------------------------------------------- timing --


def measure_pair(
    ours: Callable[[], object], ref: Callable[[], object], repeat: int
) -> tuple[Timing, Timing]:
    """Time ``ours`` and ``ref`` alternately (after one warm-up call each).

    Alternating keeps slow drifts (turbo, other load) from favouring either side.
    """
    ours()
    ref()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        mine.append(_clock(ours))
        theirs.append(_clock(ref))
    return Timing.of(mine), Timing.of(theirs)


def _clock(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# ------------------------------------------------------------------- inputs --


@dataclass(frozen=True)
class Inputs:
    """The random inputs shared by our calls and the references."""

    instants: Instants  # datetime64[us], UTC, uniform over 2026
    ends: Instants  # instants + uniform 0..10 days
    days: Days  # datetime64[D], uniform over 2026
    opens_us: I64  # the calendar's openings over 2026 (searchsorted reference)
    holidays: Days  # French public holidays 2026-2027


def make_calendar() -> BusinessCalendar:
    hours = OpeningHours.parse(SPEC, tz=TZ_NAME, holidays="FR")
    return BusinessCalendar(hours)


def make_inputs(cal: BusinessCalendar, n: int, seed: int) -> Inputs:
    rng = np.random.default_rng(seed)
    lo = int(np.datetime64("2026-01-01T00:00:00", "us").astype(np.int64))
    hi = int(np.datetime64("2027-01-01T00:00:00", "us").astype(np.int64))
    start = rng.integers(lo, hi, n, dtype=np.int64)
    ends = start + rng.integers(0, TEN_DAYS_US, n, dtype=np.int64, endpoint=True)
    day0 = int(np.datetime64("2026-01-01", "D").astype(np.int64))
    days = rng.integers(day0, day0 + 365, n, dtype=np.int64).astype("datetime64[D]")
    opens_us, _ = cal.opening_arrays(YEAR_START, YEAR_END)
    holidays = sorted(PublicHolidays("FR").dates(2026, 2027))
    return Inputs(
        instants=start.astype("datetime64[us]"),
        ends=ends.astype("datetime64[us]"),
        days=days,
        opens_us=opens_us,
        holidays=np.array(holidays, dtype="datetime64[D]"),
    )


# ------------------------------------------------------------- array rows --


def searchsorted_reference(inp: Inputs) -> Callable[[], object]:
    """One plain binary search of the same instants into the calendar's openings."""
    opens, x = inp.opens_us, inp.instants.view(np.int64)
    return lambda: np.searchsorted(opens, x)


def array_row(
    name: str,
    ours: Callable[[], object],
    ref: tuple[str, Callable[[], object]],
    *,
    n: int,
    repeat: int,
    target: Target | None,
) -> Row:
    mine, theirs = measure_pair(ours, ref[1], repeat)
    ratio = mine.median / theirs.median
    return Row(
        operation=name,
        n=n,
        seconds=mine.median,
        best=mine.best,
        per_second=n / mine.median,
        reference=ref[0],
        ref_seconds=theirs.median,
        ratio=ratio,
        target=target,
        value=ratio if target is not None else None,
    )


def instant_rows(cal: BusinessCalendar, inp: Inputs, repeat: int) -> list[Row]:
    x, ends, n = inp.instants, inp.ends, len(inp.instants)
    ref = ("np.searchsorted", searchsorted_reference(inp))
    cases: list[tuple[str, Callable[[], object], Target | None]] = [
        (
            "add 4 business hours",
            lambda: cal.add(x, FOUR_HOURS),
            Target("ratio", "<=", 1.0),
        ),
        (
            "elapsed(a, a + 0..10d)",
            lambda: cal.elapsed(x, ends),
            Target("ratio", "<=", 1.5),
        ),
        ("next_open", lambda: cal.next_open(x), None),
        ("is_open", lambda: cal.is_open(x), None),
    ]
    return [
        array_row(name, fn, ref, n=n, repeat=repeat, target=tgt)
        for name, fn, tgt in cases
    ]


def busday_row(cal: BusinessCalendar, inp: Inputs, repeat: int) -> Row:
    days, hol = inp.days, inp.holidays

    def ours() -> Days:
        return cal.add_business_days(days, 3, roll="forward")

    def ref() -> Days:
        return np.busday_offset(days, 3, roll="forward", holidays=hol)

    name = "add_business_days(3, forward)"
    reference = ("np.busday_offset", ref)
    row = array_row(name, ours, reference, n=len(days), repeat=repeat, target=None)
    differ = int(np.count_nonzero(ours() != ref()))
    target = Target("ratio", "<=", 1.5)
    note = f"{differ} results differ from numpy"
    return replace(row, target=target, value=row.ratio, note=note)


# ------------------------------------------------------------------- floor --


def floor_table(
    cal: BusinessCalendar, inp: Inputs, repeat: int
) -> tuple[Measured, list[FloorRow]]:
    """The array operations against the floor of a lookup on the same instants.

    The floor is ``index.take((t - origin) // width)`` with an int32 table
    the size of the calendar's bucket index (see floor.py); targets are on
    the hot ratio.
    """
    x, ends = inp.instants, inp.ends
    tl = cal._horizon.current  # the compiled grid, for the floor
    assert tl is not None
    floor = floor_call(Floor(*tl.bucket_grid), x.view(np.int64))
    cases: list[tuple[str, Callable[[], object], float | None]] = [
        ("add 4 business hours", lambda: cal.add(x, FOUR_HOURS), 4.0),
        (
            "add 4 business hours, close",
            lambda: cal.add(x, FOUR_HOURS, boundary="close"),
            None,
        ),
        ("elapsed(a, a + 0..10d)", lambda: cal.elapsed(x, ends), 5.0),
        ("is_open", lambda: cal.is_open(x), None),
        ("next_open", lambda: cal.next_open(x), None),
        ("next_close", lambda: cal.next_close(x), None),
        ("previous_close", lambda: cal.previous_close(x), None),
        ("local_date", lambda: cal.local_date(x), None),
    ]
    return floor_rows(cases, floor, searchsorted_reference(inp), max(repeat, 7))


# ------------------------------------------------------------------ pandas --


def pandas_row(
    cal: BusinessCalendar, inp: Inputs, size: int, repeat: int
) -> Row | None:
    """CustomBusinessHour on Paris wall-clock times vs our add on the same subset."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        return None
    sub = inp.instants[:size]
    local = paris_wall_clock(sub)
    offset = business_hour_offset(inp.holidays)
    mine, slow = measure_pair(
        lambda: cal.add(sub, FOUR_HOURS), lambda: apply_offset(local, offset), repeat
    )
    speedup = slow.median / mine.median
    return Row(
        operation="add 4h vs pandas CBH",
        n=size,
        seconds=mine.median,
        best=mine.best,
        per_second=size / mine.median,
        reference=f"pandas CBH ({size / slow.median:,.0f}/s)",
        ref_seconds=slow.median,
        ratio=speedup,
        target=Target("speedup", ">=", 1000),
        value=speedup,
        note=agreement(cal, sub, offset, "random instants")
        + "\n  "
        + agreement(cal, hourly_2026(), offset, "whole UTC hours of 2026"),
    )


def paris_wall_clock(instants: Instants) -> Any:
    """UTC datetime64 -> tz-naive Paris wall-clock DatetimeIndex (what pandas uses)."""
    import pandas as pd

    utc = pd.DatetimeIndex(instants).tz_localize("UTC")
    return utc.tz_convert(TZ_NAME).tz_localize(None).as_unit("us")


def business_hour_offset(holidays: Days) -> Any:
    import pandas as pd

    return pd.offsets.CustomBusinessHour(
        n=4, start=["09:00", "14:00"], end=["12:00", "17:00"], holidays=list(holidays)
    )


def apply_offset(local: Any, offset: Any) -> Any:
    import pandas as pd

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
        return (local + offset).as_unit("us")


def hourly_2026() -> Instants:
    """Every whole UTC hour of 2026: hits openings, closings and DST days exactly."""
    hours = np.arange("2026-01-01T00", "2027-01-01T00", dtype="datetime64[h]")
    return hours.astype("datetime64[us]")


def agreement(
    cal: BusinessCalendar, instants: Instants, offset: Any, label: str
) -> str:
    """Deadlines that differ from pandas' (as Paris wall-clock), with examples."""
    local = paris_wall_clock(instants)
    ours = paris_wall_clock(cal.add(instants, FOUR_HOURS))
    theirs = apply_offset(local, offset)
    bad = np.flatnonzero(np.asarray(ours != theirs))
    shown = [
        f"\n    from {local[i]:{STAMP}}: ours {ours[i]:{STAMP}}"
        f", pandas {theirs[i]:{STAMP}}"
        for i in bad[:3]
    ]
    head = f"{len(bad)} of {len(instants)} {label} disagree with pandas"
    return head + "".join(shown)


# ------------------------------------------------------------------ scalar --


def scalar_row(cal: BusinessCalendar, inp: Inputs, calls: int, repeat: int) -> Row:
    """Per-call cost of one deadline from an aware datetime (the fast path)."""
    paris = ZoneInfo(TZ_NAME)
    epoch = dt.datetime(1970, 1, 1, tzinfo=UTC)
    stamps = inp.instants[:calls].view(np.int64).tolist()
    starts = [
        (epoch + dt.timedelta(microseconds=us)).astimezone(paris) for us in stamps
    ]
    delta = dt.timedelta(hours=4)

    def run() -> None:
        add = cal.add
        for t in starts:
            add(t, delta)

    run()  # warm-up
    # timeit switches the garbage collector off while timing, as usual.
    timing = Timing.of(timeit.Timer(run).repeat(repeat=repeat, number=1))
    per_call = timing.median / len(starts)
    return Row(
        operation="scalar add (aware datetime)",
        n=len(starts),
        seconds=per_call,
        best=timing.best / len(starts),
        per_second=1 / per_call,
        target=Target("us/call", "<", 3),
        value=per_call * 1e6,
        note=f"median {per_call * 1e6:.2f} us per call",
    )


def small_array_row(cal: BusinessCalendar, inp: Inputs, repeat: int) -> Row:
    """The fixed cost of one array call: ``add`` on 1 and on 2,048 instants.

    A DuckDB batch, a polars streaming chunk and each group of ``evaluate``
    pay it once per call, whatever their size.
    """
    one, batch = inp.instants[:1], inp.instants[:2048]
    calls = 2_000

    def per_call(x: np.ndarray[Any, Any]) -> Timing:
        def run() -> None:
            for _ in range(calls):
                cal.add(x, FOUR_HOURS)

        run()
        return Timing.of(
            [t / calls for t in timeit.Timer(run).repeat(repeat=repeat, number=1)]
        )

    single, chunk = per_call(one), per_call(batch)
    return Row(
        operation="add on a 1-element array",
        n=1,
        seconds=single.median,
        best=single.best,
        per_second=1 / single.median,
        reference="add on 2,048 instants",
        ref_seconds=chunk.median,
        ratio=single.median / chunk.median,
        note=(
            f"one array call costs {single.median * 1e6:.0f} us whatever its "
            f"size; 2,048 instants {chunk.median * 1e6:.0f} us"
        ),
    )


# ------------------------------------------------------------- subprocess --

COMPILE_CODE = f"""
import sys
import time
import numpy as np
from servicecharter import BusinessCalendar, OpeningHours
if sys.argv[1] == "warm":
    # Load the holidays package and its country registry (a one-time cost of
    # that package, paid by any user of it) through another country, so the
    # French years are still computed inside the timing.
    import holidays
    holidays.country_holidays("BE", years=2000)
start = time.perf_counter()
hours2 = OpeningHours.parse({SPEC!r}, tz={TZ_NAME!r}, holidays="FR")
cal2 = BusinessCalendar(hours2)
days = np.array(["2026-01-02", "2035-12-28"], dtype="datetime64[D]")
cal2.add_business_days(days, 0, roll="forward")
print(time.perf_counter() - start)
"""

IMPORT_CHECK_CODE = """
import sys
import servicecharter
print(",".join(m for m in ("numpy", "holidays", "pandas") if m in sys.modules))
"""

PYCACHE = Path(tempfile.gettempdir()) / "servicecharter-bench-pycache"


def child_env() -> dict[str, str]:
    """The caller's environment, with bytecode caching on (as for an installed wheel).

    Bytecode goes to a private prefix, so the source tree gets no __pycache__.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def python(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter and return its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        env=child_env(),
    )
    return done.stdout.strip()


def compile_rows(repeat: int) -> list[Row]:
    """Build a calendar and compile ten years with FR holidays, in fresh processes.

    The target row has the ``holidays`` package already imported (its own
    one-time start-up); the info row shows the fully cold total as well.
    """
    python(COMPILE_CODE, "cold")  # unmeasured: fills the bytecode cache
    rows = []
    for mode, target in (("warm", Target("ms", "<", 100)), ("cold", None)):
        timing = Timing.of([float(python(COMPILE_CODE, mode)) for _ in range(repeat)])
        rows.append(
            Row(
                operation=f"compile 2026-2035 ({mode} holidays pkg)",
                n=1,
                seconds=timing.median,
                best=timing.best,
                per_second=None,
                target=target,
                value=timing.median * 1e3,
                note="holidays package loaded beforehand; FR years computed inside"
                if mode == "warm"
                else "includes the holidays package's first import and registry load",
            )
        )
    return rows


def wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=child_env())
    return time.perf_counter() - start


def import_row(repeat: int) -> Row:
    """`import servicecharter` in a fresh interpreter, minus bare start-up.

    The three interpreters run in turn each round, so load changes hit all three.
    """
    wall("import servicecharter")  # unmeasured: fills the bytecode cache
    rounds = [
        (wall("pass"), wall("import servicecharter"), wall("import numpy"))
        for _ in range(max(repeat, 5))
    ]
    timing = Timing.of([ours - base for base, ours, _ in rounds])
    numpy_ms = statistics.median(np_ - base for base, _, np_ in rounds) * 1e3
    heavy = python(IMPORT_CHECK_CODE)
    loaded = (
        f"loaded on import: {heavy}"
        if heavy
        else "numpy, holidays, pandas not imported"
    )
    note = f"{loaded}; `import numpy` alone: {numpy_ms:.0f} ms"
    return Row(
        operation="import servicecharter",
        n=1,
        seconds=timing.median,
        best=timing.best,
        per_second=None,
        target=Target("ms", "<", 50),
        value=timing.median * 1e3,
        note=note,
    )


# ------------------------------------------------------------------ output --

COLUMNS = (
    "operation",
    "n",
    "median",
    "best",
    "per s",
    "reference",
    "ref median",
    "ratio",
    "target",
    "status",
)


def cells(row: Row) -> list[str]:
    return [
        row.operation,
        f"{row.n:,}",
        fmt_seconds(row.seconds, us_digits=2),
        fmt_seconds(row.best, us_digits=2),
        "-" if row.per_second is None else f"{row.per_second:,.0f}",
        row.reference,
        fmt_seconds(row.ref_seconds, us_digits=2),
        "-" if row.ratio is None else f"{row.ratio:,.2f}",
        "-" if row.target is None else str(row.target),
        row.status,
    ]


def render_table(report: Report) -> str:
    table = columns(COLUMNS, [cells(r) for r in report.rows])
    notes = [f"- {r.operation}: {r.note}" for r in report.rows if r.note]
    head = [f"{k}: {v}" for k, v in report.facts.items()]
    return "\n".join([*head, "", table, *render_floor(report), "", "notes:", *notes])


def render_floor(report: Report) -> list[str]:
    """The floor table: each operation as a multiple of the floor, hot and fresh."""
    base = report.floor
    if base is None:
        return []
    title = (
        f"against the floor, index.take((t - origin) // width) on the same "
        f"instants: {base.hot * 1e3:.2f} ms hot, {base.fresh * 1e3:.2f} ms fresh, "
        f"{base.hot_faults:,.0f} / {base.fresh_faults:,.0f} page faults"
    )
    rows = [r.cells() for r in report.floor_rows]
    return ["", title, "", columns(FLOOR_COLUMNS, rows)]


def as_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data: facts, and rows with their status."""
    rows = [
        {
            **asdict(r),
            "target": None if r.target is None else str(r.target),
            "status": r.status,
        }
        for r in report.rows
    ]
    floor = [r.as_data() for r in report.floor_rows]
    return {"facts": report.facts, "rows": rows, "floor": floor}


# -------------------------------------------------------------------- main --


def run_facts(args: argparse.Namespace) -> dict[str, Any]:
    return facts(
        ["pandas"],
        {
            "calendar": f"{SPEC!r} tz={TZ_NAME} holidays=FR",
            "settings": f"n={args.n:,} repeat={args.repeat} seed={args.seed}",
            "load average": load_average(),
            "subprocesses": f"bytecode cached in {PYCACHE}",
        },
    )


def run(args: argparse.Namespace) -> Report:
    cal = make_calendar()
    inp = make_inputs(cal, args.n, args.seed)
    cal.add(inp.instants, FOUR_HOURS)  # compile the horizon outside the timings
    report = Report(facts=run_facts(args))
    report.rows += instant_rows(cal, inp, args.repeat)
    report.floor, report.floor_rows = floor_table(cal, inp, args.repeat)
    report.rows.append(busday_row(cal, inp, args.repeat))
    pandas = pandas_row(cal, inp, args.pandas_n, args.repeat)
    if pandas is not None:
        report.rows.append(pandas)
    report.rows.append(scalar_row(cal, inp, args.scalar_n, args.repeat))
    report.rows.append(small_array_row(cal, inp, args.repeat))
    report.rows += [*compile_rows(args.repeat), import_row(args.repeat)]
    return report


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000, help="array size")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per row")
    add_seed_option(parser)
    parser.add_argument(
        "--pandas-n", type=int, default=20_000, help="pandas subset size"
    )
    parser.add_argument(
        "--scalar-n", type=int, default=20_000, help="scalar calls per run"
    )
    add_json_option(parser, "table")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    if min(args.n, args.repeat, args.pandas_n, args.scalar_n) < 1:
        parser.error("--n, --repeat, --pandas-n and --scalar-n must be positive")
    args.pandas_n = min(args.pandas_n, args.n)
    args.scalar_n = min(args.scalar_n, args.n)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    emit(args.json, render_table(report), as_data(report))
    statuses = [row.status for row in report.rows]
    statuses += [row.status for row in report.floor_rows]
    failed = "FAIL" in statuses
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
