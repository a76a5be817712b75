"""Run servicecharter and its installed peers on the same workloads; compare answers.

Run from the repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_peers.py
    PYTHONPATH=src .venv/bin/python benchmarks/bench_peers.py --sizes 1000,10000

Each workload is timed per library at n = 10^3 ... 10^7 (a library stops when
its next size would exceed ``--budget`` seconds; servicecharter always runs
every size). The answers are compared element by element, where the
semantics match, on the random inputs of the largest size a peer ran and on a
fixed set of edge inputs (boundaries, holidays, weekends, DST days). Every
disagreement is counted and sorted into a cause class; none is hidden. See
docs/benchmarks.md for the workloads and the causes found.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import math
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from common import (
    OURS,
    add_json_option,
    add_seed_option,
    argument_parser,
    emit,
    facts,
    fmt_n,
    fmt_rate,
    fmt_seconds,
    load_average,
    markdown,
    median_best,
)
from servicecharter import BusinessCalendar, OpeningHours, SpecialDay

I64 = npt.NDArray[np.int64]

TZ_NAME = "Europe/Paris"
PARIS = ZoneInfo(TZ_NAME)
UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
ONE_US = dt.timedelta(microseconds=1)
SECOND_US = 1_000_000
MINUTE_US = 60 * SECOND_US
HOUR_US = 60 * MINUTE_US
DAY_US = 24 * HOUR_US
NAT = int(np.iinfo(np.int64).min)  # NaT as int64, in every unit
DT_US = "datetime64[us]"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLOT = ROOT / "docs" / "img" / "peers.png"
DEFAULT_SIZES = (10**3, 10**4, 10**5, 10**6, 10**7)

DAY_SPEC = "Mo-Fr 09:00-17:00; PH off"
NIGHT_SPEC = "Mo-Su 22:00-06:00"
# French public holidays 2026-2027, as a fixed list given to every library.
HOLIDAYS = tuple(
    dt.date(y, m, d)
    for y, m, d in (
        (2026, 1, 1), (2026, 4, 6), (2026, 5, 1), (2026, 5, 8), (2026, 5, 14),
        (2026, 5, 25), (2026, 7, 14), (2026, 8, 15), (2026, 11, 1), (2026, 11, 11),
        (2026, 12, 25), (2027, 1, 1), (2027, 3, 29), (2027, 5, 1), (2027, 5, 6),
        (2027, 5, 8), (2027, 5, 17), (2027, 7, 14), (2027, 8, 15), (2027, 11, 1),
        (2027, 11, 11), (2027, 12, 25),
    )
)  # fmt: skip
WEEKMASK = "1111100"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ROLLS = ("forward", "backward", "modifiedfollowing", "modifiedpreceding", "nat")
FOUR_HOURS = np.timedelta64(4, "h")
XPAR_MINUTES = 240
# Local date windows of the edge inputs: New Year, both 2026 DST weekends,
# Easter (Good Friday closes the exchange), May 1 and Ascension, Christmas.
EDGE_WINDOWS = (
    ("2026-01-01", "2026-01-06"),
    ("2026-03-27", "2026-04-01"),
    ("2026-04-02", "2026-04-09"),
    ("2026-04-30", "2026-05-05"),
    ("2026-05-13", "2026-05-16"),
    ("2026-10-23", "2026-10-28"),
    ("2026-12-23", "2026-12-29"),
    ("2026-12-30", "2027-01-05"),
)
DST_WINDOWS = (("2026-03-27", "2026-04-01"), ("2026-10-23", "2026-10-28"))
EXAMPLES = 3


# ---------------------------------------------------------------- warnings --


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence the peers' known warnings (tests run with filterwarnings=error).

    - pandas ``PerformanceWarning`` "Non-vectorized DateOffset being applied":
      CustomBusinessHour is applied element by element; that is what we time.
    - pandas 3.1 ``Pandas4Warning`` (a DeprecationWarning) ".values returning
      an ndarray that drops timezone information", raised inside
      exchange_calendars 4.13 when it builds a calendar.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Non-vectorized DateOffset")
        warnings.filterwarnings(
            "ignore",
            message=r"(Series|DatetimeIndex)\.values returning an ndarray",
            category=DeprecationWarning,
        )
        yield


def load(module: str) -> Any:
    """Import an optional, untyped peer (read as Any)."""
    with quiet():
        return importlib.import_module(module)


# ---------------------------------------------------------------- instants --


def _offset_us(utc_us: int) -> int:
    moment = EPOCH + dt.timedelta(microseconds=utc_us)
    offset = moment.astimezone(PARIS).utcoffset()
    return 0 if offset is None else offset // ONE_US


def paris_offsets(utc_us: I64) -> I64:
    """UTC offset of Paris at each instant (Paris changes its clocks on the hour)."""
    hours = np.where(utc_us == NAT, 0, utc_us // HOUR_US)
    uniq, inverse = np.unique(hours, return_inverse=True)
    table = np.array([_offset_us(int(h) * HOUR_US) for h in uniq], dtype=np.int64)
    return table[inverse.reshape(-1)]


def wall_us(utc_us: I64) -> I64:
    """UTC instants -> naive Paris wall-clock times (what naive peers work on)."""
    out = utc_us + paris_offsets(utc_us)
    out[utc_us == NAT] = NAT
    return out


def py_naive(us: I64) -> list[dt.datetime]:
    values: list[dt.datetime] = us.view(DT_US).tolist()
    return values


def py_utc(us: I64) -> list[dt.datetime]:
    return [d.replace(tzinfo=UTC) for d in py_naive(us)]


def from_aware(values: Sequence[dt.datetime]) -> I64:
    return np.fromiter(((d - EPOCH) // ONE_US for d in values), np.int64, len(values))


def from_timedeltas(values: Sequence[dt.timedelta]) -> I64:
    return np.fromiter((d // ONE_US for d in values), np.int64, len(values))


def fmt_instant(us: int) -> str:
    if us == NAT:
        return "NaT"
    local = (EPOCH + dt.timedelta(microseconds=us)).astimezone(PARIS)
    frac = f".{local.microsecond:06d}" if local.microsecond else ""
    return f"{local:%a %Y-%m-%d %H:%M:%S}{frac}{local:%z}"


def fmt_wall(us: int) -> str:
    if us == NAT:
        return "NaT"
    local = EPOCH + dt.timedelta(microseconds=us)
    frac = f".{local.microsecond:06d}" if local.microsecond else ""
    return f"{local:%a %Y-%m-%d %H:%M:%S}{frac} (wall)"


def fmt_duration(us: int) -> str:
    return "NaT" if us == NAT else str(dt.timedelta(microseconds=us))


def fmt_day(days: int) -> str:
    if days == NAT:
        return "NaT"
    return f"{dt.date(1970, 1, 1) + dt.timedelta(days=days):%a %Y-%m-%d}"


def grid_us(windows: Sequence[tuple[str, str]], step_minutes: int) -> I64:
    """Every ``step_minutes`` of the windows' local dates (approximated in UTC +-1h)."""
    parts = [
        np.arange(
            np.datetime64(start, "m") - np.timedelta64(1, "h"),
            np.datetime64(end, "m"),
            np.timedelta64(step_minutes, "m"),
        )
        for start, end in windows
    ]
    return np.unique(np.concatenate(parts)).astype(DT_US).view(np.int64)


# -------------------------------------------------------------------- data --


@dataclass(frozen=True)
class Schedule:
    """One daily range on some weekdays, with holidays: what every peer can take."""

    start: int  # hour
    end: int  # hour; not after start: the range ends the next day
    weekmask: str  # "1111100": Monday to Friday
    holidays: tuple[dt.date, ...] = ()

    @property
    def weekdays(self) -> list[int]:
        return [i for i, on in enumerate(self.weekmask) if on == "1"]


DAY = Schedule(9, 17, WEEKMASK, HOLIDAYS)
NIGHT = Schedule(22, 6, "1111111")


@dataclass(frozen=True)
class Data:
    """Inputs of one workload, as int64: instants (UTC us) or days since 1970.

    ``a`` is the start instant (or day), ``b`` the end instant (or day, or the
    business-day offset), ``c`` an index into ROLLS (business-day offsets).
    """

    a: I64
    b: I64
    c: I64

    def __len__(self) -> int:
        return len(self.a)

    def head(self, n: int) -> Data:
        return Data(self.a[:n], self.b[:n], self.c[:n])

    @staticmethod
    def of(a: I64, b: I64 | None = None, c: I64 | None = None) -> Data:
        zeros = np.zeros(len(a), dtype=np.int64)
        return Data(a, zeros if b is None else b, zeros if c is None else c)


@dataclass(frozen=True)
class Impl:
    """One library's way of doing a workload.

    ``prepare`` turns Data into the library's own input objects (not timed),
    ``call`` is the timed work, ``result`` reads its output as int64.
    """

    library: str
    api: str
    prepare: Callable[[Data], Any]
    call: Callable[[Any], Any]
    result: Callable[[Any], I64]
    budgeted: bool = True


@dataclass(frozen=True)
class Cause:
    """A known reason for a disagreement, recognised by ``applies``."""

    label: str
    applies: Callable[[Data, int, int, int], bool]  # data, index, ours, theirs


@dataclass(frozen=True)
class Check:
    """What a peer's answer is compared with: our answer in its own terms."""

    semantics: str
    expected: Callable[[Data], I64]
    fmt: Callable[[int], str]
    causes: tuple[Cause, ...] = ()
    # Another of our answers, reported (not counted) to show a convention.
    alternative: tuple[str, Callable[[Data], I64]] | None = None


@dataclass(frozen=True)
class Peer:
    impl: Impl
    check: Check


@dataclass(frozen=True)
class Missing:
    library: str
    reason: str


@dataclass
class Workload:
    key: str
    title: str
    ours: Impl
    peers: list[Peer | Missing]
    random: Data | None  # None: agreement only, not timed
    edge: Data
    describe: Callable[[Data, int], str]


# ----------------------------------------------------------------- results --


@dataclass(frozen=True)
class SizeTiming:
    n: int
    median: float | None = None
    best: float | None = None
    runs: int = 0
    status: str = "ok"  # ok, "skipped: ...", "error: ..."


@dataclass
class LibraryRun:
    workload: str
    library: str
    api: str
    timings: list[SizeTiming] = field(default_factory=list)
    note: str = ""

    def measured(self) -> list[SizeTiming]:
        return [t for t in self.timings if t.median is not None]

    def at(self, n: int) -> SizeTiming | None:
        return next((t for t in self.measured() if t.n == n), None)


@dataclass(frozen=True)
class DiffClass:
    cause: str
    count: int
    examples: list[str]


@dataclass
class CheckReport:
    workload: str
    library: str
    semantics: str
    random_n: int = 0
    random_differ: int = 0
    edge_n: int = 0
    edge_differ: int = 0
    classes: list[DiffClass] = field(default_factory=list)
    alternative: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class Report:
    facts: dict[str, Any] = field(default_factory=dict)
    runs: list[LibraryRun] = field(default_factory=list)
    checks: list[CheckReport] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)


# -------------------------------------------------------------- comparison --


def differing(ours: I64, theirs: I64) -> npt.NDArray[np.intp]:
    """Indices where two answers differ (NaT equals NaT: both are int64 min)."""
    if ours.shape != theirs.shape:
        raise ValueError(f"shapes differ: {ours.shape} vs {theirs.shape}")
    return np.flatnonzero(ours != theirs)


def classify(
    data: Data,
    ours: I64,
    theirs: I64,
    *,
    causes: Sequence[Cause],
    describe: Callable[[Data, int], str],
    fmt: Callable[[int], str],
    library: str,
) -> list[DiffClass]:
    """Sort disagreements into causes (first that applies), with a few examples.

    A disagreement no cause explains lands in "unexplained", shown like the rest.
    """
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for i in differing(ours, theirs).tolist():
        o, t = int(ours[i]), int(theirs[i])
        label = next(
            (c.label for c in causes if c.applies(data, i, o, t)), "unexplained"
        )
        counts[label] = counts.get(label, 0) + 1
        shown = examples.setdefault(label, [])
        if len(shown) < EXAMPLES:
            shown.append(f"{describe(data, i)}: {OURS} {fmt(o)}, {library} {fmt(t)}")
    return [DiffClass(k, counts[k], examples[k]) for k in counts]


def merge(classes: Sequence[DiffClass]) -> list[DiffClass]:
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for c in classes:
        counts[c.cause] = counts.get(c.cause, 0) + c.count
        shown = examples.setdefault(c.cause, [])
        shown.extend(c.examples[: EXAMPLES - len(shown)])
    return [DiffClass(k, counts[k], examples[k]) for k in counts]


# ------------------------------------------------------------------ timing --


def call_once(impl: Impl, data: Data) -> Any:
    return impl.call(impl.prepare(data))


def measure(impl: Impl, data: Data, min_time: float) -> tuple[SizeTiming, Any]:
    """Median of repeated calls on the same inputs.

    One call when it takes 2 s or more; otherwise 3 to 25 calls, as many as
    it takes to add up to ``min_time``.
    """
    native = impl.prepare(data)
    samples: list[float] = []
    out: Any = None
    while True:
        start = time.perf_counter()
        out = impl.call(native)
        samples.append(time.perf_counter() - start)
        first = samples[0]
        if first >= 2.0:
            break
        wanted = min(25, max(3, math.ceil(min_time / first) if first > 0 else 25))
        if len(samples) >= wanted:
            break
    timing = SizeTiming(len(data), *median_best(samples), len(samples))
    return timing, out


def skip_reason(prev: SizeTiming | None, n: int, budget: float) -> str:
    if prev is None or prev.median is None:
        return ""
    if prev.median > budget:
        return f"skipped: n={prev.n:,} took {prev.median:.1f} s > budget {budget:g} s"
    estimate = prev.median * n / prev.n
    if estimate > budget:
        return f"skipped: estimated {estimate:.0f} s > budget {budget:g} s"
    return ""


def run_sizes(
    impl: Impl,
    data: Data,
    workload: str,
    sizes: Sequence[int],
    *,
    budget: float,
    min_time: float,
) -> tuple[LibraryRun, Any, int]:
    """Time ``impl`` at each size; returns the run and the largest size's output."""
    run = LibraryRun(workload, impl.library, impl.api)
    call_once(impl, data.head(min(100, sizes[0])))  # warm-up
    prev: SizeTiming | None = None
    out: Any = None
    largest = 0
    for n in sizes:
        reason = skip_reason(prev, n, budget) if impl.budgeted else ""
        if reason:
            run.timings.append(SizeTiming(n, status=reason))
            continue
        try:
            timing, out = measure(impl, data.head(n), min_time)
        except Exception as exc:  # a peer's failure is a result
            run.timings.append(SizeTiming(n, status=f"error: {exc!r}"[:200]))
            break
        run.timings.append(timing)
        prev, largest = timing, n
    return run, out, largest


# ----------------------------------------------------------------- causes --


def _is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def _next_business_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not _is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def _local(us: int) -> dt.datetime:
    return (EPOCH + dt.timedelta(microseconds=us)).astimezone(PARIS)


def sub_second(data: Data, i: int, ours: int, theirs: int) -> bool:
    """An input has a fraction of a second and the answers differ by less than 1 s."""
    fraction = data.a[i] % SECOND_US or data.b[i] % SECOND_US
    return bool(fraction) and abs(ours - theirs) < SECOND_US


def after_close_to_next_day_close(data: Data, i: int, ours: int, theirs: int) -> bool:
    """Start after 17:00 on a business day, end at/after 17:00 on the next one."""
    a, b = _local(int(data.a[i])), _local(int(data.b[i]))
    return (
        ours - theirs == 8 * HOUR_US
        and _is_business_day(a.date())
        and a.time() > dt.time(17)
        and b.date() == _next_business_day(a.date())
        and b.time() >= dt.time(17)
    )


def _transitions() -> I64:
    hours = np.arange(
        np.datetime64("2025-01-01T00", "h"), np.datetime64("2028-01-01T00", "h")
    )
    us = hours.astype(DT_US).view(np.int64)
    offsets = paris_offsets(us)
    changes: I64 = us[1:][np.diff(offsets) != 0]
    return changes


TRANSITIONS = _transitions()


def crosses_clock_change(data: Data, i: int, ours: int, theirs: int) -> bool:
    """A DST change lies between the start and the later answer (wall clock)."""
    latest_utc = max(ours, theirs) - HOUR_US  # wall - smallest Paris offset
    start = int(data.a[i])
    first = np.searchsorted(TRANSITIONS, start, side="left")
    past = np.searchsorted(TRANSITIONS, latest_utc, side="right")
    return bool(past > first)


def starts_in_night_range(data: Data, i: int, ours: int, theirs: int) -> bool:
    """Start at/after 22:00 or before 06:00, i.e. in a range crossing midnight."""
    t = _local(int(data.a[i])).time()
    return t >= dt.time(22) or t < dt.time(6)


SUB_SECOND = Cause(
    "an input has a fraction of a second, which the peer drops", sub_second
)
DST_WALL = Cause(
    "wall-clock arithmetic across a DST change: the open range that contains "
    "the change lasts one hour more or less in real time",
    crosses_clock_change,
)
BT_AFTER_CLOSE = Cause(
    "start after closing on a business day, end at or after closing on the next "
    "business day: that day's 8 hours are dropped",
    after_close_to_next_day_close,
)
BTD_NIGHT = Cause(
    "start at or after 22:00 or before 06:00, inside a range that crosses "
    "midnight: WorkDayRule.next skips to the next range",
    starts_in_night_range,
)


# -------------------------------------------------------------- workloads --


def instants(data: Data) -> npt.NDArray[np.datetime64]:
    return data.a.view(DT_US)


def ends(data: Data) -> npt.NDArray[np.datetime64]:
    return data.b.view(DT_US)


def as_i64(values: Any) -> I64:
    return np.asarray(values).view(np.int64)


def describe_start(data: Data, i: int) -> str:
    return f"from {fmt_instant(int(data.a[i]))}"


def describe_span(data: Data, i: int) -> str:
    return f"{fmt_instant(int(data.a[i]))} -> {fmt_instant(int(data.b[i]))}"


def describe_offset(data: Data, i: int) -> str:
    roll = ROLLS[int(data.c[i])]
    return f"{fmt_day(int(data.a[i]))} {int(data.b[i]):+d} days roll={roll}"


def describe_days(data: Data, i: int) -> str:
    return f"[{fmt_day(int(data.a[i]))}, {fmt_day(int(data.b[i]))})"


def adder(
    cal: BusinessCalendar, d: np.timedelta64, boundary: str
) -> Callable[[Data], I64]:
    if boundary == "close":
        return lambda data: as_i64(cal.add(instants(data), d, boundary="close"))
    return lambda data: as_i64(cal.add(instants(data), d))


def our_add(cal: BusinessCalendar, d: np.timedelta64, text: str) -> Impl:
    return Impl(
        OURS,
        f"cal.add(t, {text})",
        instants,
        lambda x: cal.add(x, d),
        as_i64,
        budgeted=False,
    )


def our_elapsed(cal: BusinessCalendar) -> Impl:
    return Impl(
        OURS,
        "cal.elapsed(a, b)",
        lambda data: (instants(data), ends(data)),
        lambda ab: cal.elapsed(ab[0], ab[1]),
        as_i64,
        budgeted=False,
    )


def edge_instants(cal: BusinessCalendar, step_minutes: int, sub_second: bool) -> I64:
    """A grid over the edge windows plus every opening and closing, and around them."""
    grid = grid_us(EDGE_WINDOWS, step_minutes)
    lo = dt.datetime.fromisoformat(EDGE_WINDOWS[0][0]).replace(tzinfo=UTC)
    hi = dt.datetime.fromisoformat(EDGE_WINDOWS[-1][1]).replace(tzinfo=UTC)
    opens, closes = cal.opening_arrays(lo, hi)
    bounds = np.concatenate([opens, closes])
    inside = np.zeros(len(bounds), dtype=bool)
    for start, end in EDGE_WINDOWS:
        s = np.datetime64(start, "us").astype(np.int64) - DAY_US
        e = np.datetime64(end, "us").astype(np.int64) + DAY_US
        inside |= (bounds >= s) & (bounds < e)
    deltas = [-MINUTE_US, 0, MINUTE_US]
    if sub_second:
        deltas += [-SECOND_US, -1, 1, SECOND_US // 2]
    near = (bounds[inside][:, None] + np.array(deltas, dtype=np.int64)).ravel()
    return np.unique(np.concatenate([grid, near]))


def spans_for(starts: I64, minutes: Sequence[int]) -> I64:
    cycle = np.array(minutes, dtype=np.int64) * MINUTE_US
    return starts + cycle[np.arange(len(starts)) % len(cycle)]


EDGE_SPANS = (15, 60, 240, 480, 1440, 3 * 1440 + 30, 2 * 1440 + 8 * 60, 7 * 1440)


@dataclass(frozen=True)
class Inputs:
    """Random inputs, generated once at the largest size (prefixes are used)."""

    starts: I64  # whole seconds, uniform over 2026 (UTC us)
    ends: I64  # starts + 1 s .. 10 days
    minute_starts: I64  # starts floored to the minute
    minute_ends: I64  # minute_starts + 1 min .. 10 days
    days: I64  # days of 2026
    days_end: I64  # days + -60 .. 60

    @staticmethod
    def make(n: int, seed: int) -> Inputs:
        rng = np.random.default_rng(seed)
        lo = int(np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64))
        hi = int(np.datetime64("2027-01-01T00:00:00", "s").astype(np.int64))
        starts = rng.integers(lo, hi, n, dtype=np.int64) * SECOND_US
        span = rng.integers(1, 10 * 86_400, n, dtype=np.int64, endpoint=True)
        minute_starts = starts - starts % MINUTE_US
        minutes = rng.integers(1, 10 * 1440, n, dtype=np.int64, endpoint=True)
        day0 = int(np.datetime64("2026-01-01", "D").astype(np.int64))
        days = rng.integers(day0, day0 + 365, n, dtype=np.int64)
        shift = rng.integers(-60, 60, n, dtype=np.int64, endpoint=True)
        return Inputs(
            starts=starts,
            ends=starts + span * SECOND_US,
            minute_starts=minute_starts,
            minute_ends=minute_starts + minutes * MINUTE_US,
            days=days,
            days_end=days + shift,
        )


def day_desk(inp: Inputs | None) -> list[Workload]:
    hours = OpeningHours.parse(DAY_SPEC, tz=TZ_NAME, holidays=list(HOLIDAYS))
    cal = BusinessCalendar(hours)
    edge_a = edge_instants(cal, 15, sub_second=True)
    add_edge = Data.of(edge_a)
    span_edge = Data.of(edge_a, spans_for(edge_a, EDGE_SPANS))
    add = adder(cal, FOUR_HOURS, "next_open")
    close = adder(cal, FOUR_HOURS, "close")
    return [
        Workload(
            "add",
            f"add 4 business hours ({DAY_SPEC})",
            our_add(cal, FOUR_HOURS, "4 h"),
            [
                pandas_add(add, close, DAY, ()),
                btd_add(add, close, DAY, ()),
            ],
            None if inp is None else Data.of(inp.starts),
            add_edge,
            describe_start,
        ),
        Workload(
            "elapsed",
            f"elapsed(a, a + 1 s..10 d) ({DAY_SPEC})",
            our_elapsed(cal),
            [
                businesstime_elapsed(cal),
                btd_elapsed(cal, DAY, ()),
            ],
            None if inp is None else Data.of(inp.starts, inp.ends),
            span_edge,
            describe_span,
        ),
    ]


def night_desk() -> list[Workload]:
    """Agreement only: a desk open every night, across both DST changes of 2026."""
    cal = BusinessCalendar(OpeningHours.parse(NIGHT_SPEC, tz=TZ_NAME))
    starts = grid_us(DST_WINDOWS, 15)
    add = adder(cal, FOUR_HOURS, "next_open")
    close = adder(cal, FOUR_HOURS, "close")
    return [
        Workload(
            "night-add",
            f"add 4 business hours ({NIGHT_SPEC}), DST weeks",
            our_add(cal, FOUR_HOURS, "4 h"),
            [
                pandas_add(add, close, NIGHT, (DST_WALL,)),
                btd_add(add, close, NIGHT, (BTD_NIGHT,)),
            ],
            None,
            Data.of(starts),
            describe_start,
        ),
        Workload(
            "night-elapsed",
            f"elapsed(a, a + 1 h..1 d) ({NIGHT_SPEC}), DST weeks",
            our_elapsed(cal),
            [btd_elapsed(cal, NIGHT, (BTD_NIGHT,))],
            None,
            Data.of(starts, spans_for(starts, (60, 240, 480, 720, 1440))),
            describe_span,
        ),
    ]


# ------------------------------------------------------------------ pandas --


def pandas_add(
    add: Callable[[Data], I64],
    close: Callable[[Data], I64],
    sched: Schedule,
    causes: tuple[Cause, ...],
) -> Peer | Missing:
    try:
        pd = load("pandas")
    except ImportError:
        return Missing("pandas", "not installed")
    start, end = f"{sched.start:02d}:00", f"{sched.end:02d}:00"
    offset = pd.offsets.CustomBusinessHour(
        n=4,
        start=start,
        end=end,
        weekmask=" ".join(WEEKDAYS[i] for i in sched.weekdays),
        holidays=list(sched.holidays),
    )

    def call(index: Any) -> Any:
        with quiet():
            return index + offset

    impl = Impl(
        "pandas",
        f"DatetimeIndex + CustomBusinessHour(n=4, start={start!r}, end={end!r})",
        lambda data: pd.DatetimeIndex(wall_us(data.a).view(DT_US)),
        call,
        lambda out: np.asarray(out.as_unit("us").asi8, dtype=np.int64),
    )
    check = Check(
        "add(t, 4 h) as Paris wall clock",
        lambda data: wall_us(add(data)),
        fmt_wall,
        causes,
        ('add(t, 4 h, boundary="close")', lambda data: wall_us(close(data))),
    )
    return Peer(impl, check)


# ------------------------------------------------------- businesstimedelta --


def btd_rule(sched: Schedule) -> tuple[Any, Any]:
    btd = load("businesstimedelta")
    pytz = load("pytz")
    tz = pytz.timezone(TZ_NAME)
    rules = [
        btd.WorkDayRule(
            start_time=dt.time(sched.start),
            end_time=dt.time(sched.end),
            working_days=sched.weekdays,
            tz=tz,
        )
    ]
    if sched.holidays:
        rules.append(btd.HolidayRule(frozenset(sched.holidays), tz=tz))
    return btd, btd.Rules(rules)


def btd_add(
    add: Callable[[Data], I64],
    close: Callable[[Data], I64],
    sched: Schedule,
    causes: tuple[Cause, ...],
) -> Peer | Missing:
    try:
        btd, rule = btd_rule(sched)
    except ImportError:
        return Missing("businesstimedelta", "not installed")
    delta = btd.BusinessTimeDelta(rule, hours=4)

    def call(starts: list[dt.datetime]) -> list[dt.datetime]:
        return [t + delta for t in starts]

    impl = Impl(
        "businesstimedelta",
        "t + BusinessTimeDelta(rule, hours=4)",
        lambda data: py_utc(data.a),
        call,
        from_aware,
    )
    check = Check(
        'add(t, 4 h, boundary="close")',
        close,
        fmt_instant,
        causes,
        ("add(t, 4 h) (default boundary)", add),
    )
    return Peer(impl, check)


def our_elapsed_us(cal: BusinessCalendar) -> Callable[[Data], I64]:
    return lambda data: as_i64(cal.elapsed(instants(data), ends(data)))


def btd_elapsed(
    cal: BusinessCalendar, sched: Schedule, causes: tuple[Cause, ...]
) -> Peer | Missing:
    try:
        _, rule = btd_rule(sched)
    except ImportError:
        return Missing("businesstimedelta", "not installed")

    def call(pairs: tuple[list[dt.datetime], list[dt.datetime]]) -> list[Any]:
        return [rule.difference(a, b) for a, b in zip(*pairs, strict=True)]

    impl = Impl(
        "businesstimedelta",
        "rule.difference(a, b)",
        lambda data: (py_utc(data.a), py_utc(data.b)),
        call,
        lambda out: from_timedeltas([d.timedelta for d in out]),
    )
    check = Check(
        "elapsed(a, b)", our_elapsed_us(cal), fmt_duration, (SUB_SECOND, *causes)
    )
    return Peer(impl, check)


# ------------------------------------------------------------ businesstime --


def businesstime_elapsed(cal: BusinessCalendar) -> Peer | Missing:
    try:
        businesstime = load("businesstime")
    except ImportError:
        return Missing("businesstime", "not installed")
    bt = businesstime.BusinessTime(
        business_hours=(dt.time(9), dt.time(17)), holidays=frozenset(HOLIDAYS)
    )

    def call(pairs: tuple[list[dt.datetime], list[dt.datetime]]) -> list[Any]:
        hours = bt.businesstime_hours
        return [hours(a, b) for a, b in zip(*pairs, strict=True)]

    impl = Impl(
        "businesstime",
        "BusinessTime.businesstime_hours(a, b)",
        lambda data: (py_naive(wall_us(data.a)), py_naive(wall_us(data.b))),
        call,
        from_timedeltas,
    )
    check = Check(
        "elapsed(a, b) (inputs as Paris wall clock)",
        our_elapsed_us(cal),
        fmt_duration,
        (SUB_SECOND, BT_AFTER_CLOSE),
    )
    return Peer(impl, check)


# ------------------------------------------------------- exchange_calendars --


def xpar_calendar(xc: Any) -> tuple[Any, BusinessCalendar, str]:
    """XPAR from exchange_calendars, and the same schedule as OpeningHours.

    Weekly hours are the most common session; weekdays without a session are
    holidays, sessions with other hours special days. The replica is checked
    against every open and close of the exchange calendar.
    """
    with quiet():
        xcal = xc.get_calendar("XPAR", start="2025-12-01", end="2027-03-31")
        sched = xcal.schedule
    local = [
        (s.date(), f"{o.tz_convert(TZ_NAME):%H:%M}-{c.tz_convert(TZ_NAME):%H:%M}")
        for s, o, c in zip(sched.index, sched.open, sched.close, strict=True)
    ]
    ranges = [r for _, r in local]
    usual = max(set(ranges), key=ranges.count)
    sessions = {d for d, _ in local}
    first, last = local[0][0], local[-1][0]
    weekdays = np.arange(first, last + dt.timedelta(days=1), dtype="datetime64[D]")
    on = np.is_busday(weekdays, weekmask=WEEKMASK)
    holidays = [d for d in weekdays[on].tolist() if d not in sessions]
    hours = OpeningHours(
        {"Mo-Fr": usual},
        TZ_NAME,
        holidays=holidays,
        special_days=[SpecialDay(d, r) for d, r in local if r != usual],
    )
    cal = BusinessCalendar(hours)
    lo = dt.datetime.combine(first, dt.time(), UTC)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), UTC)
    opens, closes = cal.opening_arrays(lo, hi)
    with quiet():
        same = np.array_equal(opens * 1000, np.asarray(xcal.opens_nanos)) and (
            np.array_equal(closes * 1000, np.asarray(xcal.closes_nanos))
        )
    note = (
        f"XPAR {first}..{last}: Mo-Fr {usual}, {len(holidays)} holidays, "
        f"{sum(r != usual for r in ranges)} special days; replica "
        + ("matches every open and close" if same else "DIFFERS from the exchange")
    )
    return xcal, cal, note


def xpar(inp: Inputs | None, facts: dict[str, Any]) -> list[Workload]:
    try:
        xc = load("exchange_calendars")
    except ImportError:
        facts["XPAR"] = "exchange_calendars not installed: XPAR workloads skipped"
        return []
    xcal, cal, note = xpar_calendar(xc)
    facts["XPAR"] = note
    pd = load("pandas")
    d = np.timedelta64(XPAR_MINUTES, "m")
    add = adder(cal, d, "next_open")
    close = adder(cal, d, "close")
    edge = edge_instants(cal, 5, sub_second=False)

    def stamps(us: I64) -> list[Any]:
        return list(pd.DatetimeIndex(us.view(DT_US)).tz_localize("UTC"))

    def offset(ts: list[Any]) -> list[Any]:
        with quiet():
            to_minute, move = xcal.minute_to_trading_minute, xcal.minute_offset
            return [move(to_minute(t, "next"), XPAR_MINUTES) for t in ts]

    def distance(pairs: tuple[list[Any], list[Any]]) -> list[int]:
        with quiet():
            dist = xcal.minutes_distance
            return [dist(a, b) for a, b in zip(*pairs, strict=True)]

    add_peer = Peer(
        Impl(
            "exchange_calendars",
            f"minute_offset(minute_to_trading_minute(t, 'next'), {XPAR_MINUTES})",
            lambda data: stamps(data.a),
            offset,
            lambda out: np.fromiter((t.value // 1000 for t in out), np.int64, len(out)),
        ),
        Check(
            f"add(t, {XPAR_MINUTES} min) (t in whole minutes)",
            add,
            fmt_instant,
            (),
            (f'add(t, {XPAR_MINUTES} min, boundary="close")', close),
        ),
    )
    distance_peer = Peer(
        Impl(
            "exchange_calendars",
            "minutes_distance(a, b - 1 min)",
            lambda data: (stamps(data.a), stamps(data.b - MINUTE_US)),
            distance,
            lambda out: np.asarray(out, dtype=np.int64) * MINUTE_US,
        ),
        Check(
            "elapsed(a, b) (a < b, whole minutes)", our_elapsed_us(cal), fmt_duration
        ),
    )
    return [
        Workload(
            "xpar-add",
            f"add {XPAR_MINUTES} trading minutes (XPAR)",
            our_add(cal, d, f"{XPAR_MINUTES} min"),
            [add_peer],
            None if inp is None else Data.of(inp.minute_starts),
            Data.of(edge),
            describe_start,
        ),
        Workload(
            "xpar-elapsed",
            "elapsed in trading minutes, a + 1 min..10 d (XPAR)",
            our_elapsed(cal),
            [distance_peer],
            None if inp is None else Data.of(inp.minute_starts, inp.minute_ends),
            Data.of(edge, spans_for(edge, EDGE_SPANS)),
            describe_span,
        ),
    ]


# ------------------------------------------------------------ business days --


def by_roll(data: Data, offset: Callable[[Any, Any, Any], Any]) -> I64:
    """Apply ``offset(days, n, roll)`` per roll present (one roll per call)."""
    days = data.a.view("datetime64[D]")
    rolls = np.unique(data.c)
    if len(rolls) == 1:
        return as_i64(offset(days, data.b, ROLLS[int(rolls[0])]))
    out = np.empty(len(data), dtype=np.int64)
    for r in rolls.tolist():
        pick = data.c == r
        out[pick] = as_i64(offset(days[pick], data.b[pick], ROLLS[r]))
    return out


def business_days(inp: Inputs | None) -> list[Workload]:
    hours = OpeningHours.parse(DAY_SPEC, tz=TZ_NAME, holidays=list(HOLIDAYS))
    cal = BusinessCalendar(hours)
    hol = np.array(HOLIDAYS, dtype="datetime64[D]")
    day0 = int(np.datetime64("2025-12-15", "D").astype(np.int64))
    all_days = np.arange(day0, day0 + 400, dtype=np.int64)
    ns = np.array([-3, -1, 0, 1, 3], dtype=np.int64)
    grid = np.array(np.meshgrid(all_days, ns, np.arange(len(ROLLS)), indexing="ij"))
    offset_edge = Data(*(g.ravel().astype(np.int64) for g in grid))
    ks = np.arange(-10, 11, dtype=np.int64)
    starts, shifts = (g.ravel() for g in np.meshgrid(all_days, ks, indexing="ij"))
    count_edge = Data.of(starts.astype(np.int64), (starts + shifts).astype(np.int64))

    def ours_offset(data: Data) -> I64:
        return by_roll(data, lambda d, n, r: cal.add_business_days(d, n, roll=r))

    def numpy_offset(data: Data) -> I64:
        return by_roll(
            data,
            lambda d, n, r: np.busday_offset(
                d, n, roll=r, weekmask=WEEKMASK, holidays=hol
            ),
        )

    def day_pair(data: Data) -> tuple[Any, Any]:
        return data.a.view("datetime64[D]"), data.b.view("datetime64[D]")

    random_offset = None
    random_count = None
    if inp is not None:
        random_offset = Data.of(inp.days, np.full(len(inp.days), 3, dtype=np.int64))
        random_count = Data.of(inp.days, inp.days_end)
    return [
        Workload(
            "busday-offset",
            "add_business_days(day, 3, roll='forward')",
            Impl(
                OURS,
                "cal.add_business_days(days, n, roll=...)",
                lambda d: d,
                ours_offset,
                as_i64,
                budgeted=False,
            ),
            [
                Peer(
                    Impl(
                        "numpy",
                        "np.busday_offset(days, n, roll=..., holidays=...)",
                        lambda d: d,
                        numpy_offset,
                        as_i64,
                    ),
                    Check("add_business_days(day, n, roll=roll)", ours_offset, fmt_day),
                )
            ],
            random_offset,
            offset_edge,
            describe_offset,
        ),
        Workload(
            "busday-count",
            "count_business_days(day, day + -60..60)",
            Impl(
                OURS,
                "cal.count_business_days(begin, end)",
                day_pair,
                lambda p: cal.count_business_days(p[0], p[1]),
                as_i64,
                budgeted=False,
            ),
            [
                Peer(
                    Impl(
                        "numpy",
                        "np.busday_count(begin, end, holidays=...)",
                        day_pair,
                        lambda p: np.busday_count(
                            p[0], p[1], weekmask=WEEKMASK, holidays=hol
                        ),
                        as_i64,
                    ),
                    Check(
                        "count_business_days(begin, end)",
                        lambda data: as_i64(cal.count_business_days(*day_pair(data))),
                        str,
                    ),
                )
            ],
            random_count,
            count_edge,
            describe_days,
        ),
    ]


# --------------------------------------------------------------- agreement --


def compare_peer(w: Workload, peer: Peer, out: Any, n: int) -> CheckReport:
    """Compare a peer with our answer in its terms: random inputs, then edge inputs."""
    impl, check = peer.impl, peer.check
    rep = CheckReport(w.key, impl.library, check.semantics)
    sets: list[tuple[str, Data, I64]] = []
    if out is not None and w.random is not None and n:
        sets.append(("random", w.random.head(n), impl.result(out)))
    try:
        edge_out = call_once(impl, w.edge)
        sets.append(("edge", w.edge, impl.result(edge_out)))
    except Exception as exc:  # a peer's failure is a result
        rep.error = f"edge inputs: {exc!r}"[:300]
    classes: list[DiffClass] = []
    alt_differ, alt_total = 0, 0
    alt_examples: list[str] = []
    for label, data, theirs in sets:
        ours = check.expected(data)
        bad = differing(ours, theirs)
        if label == "random":
            rep.random_n, rep.random_differ = len(data), len(bad)
        else:
            rep.edge_n, rep.edge_differ = len(data), len(bad)
        classes += classify(
            data,
            ours,
            theirs,
            causes=check.causes,
            describe=w.describe,
            fmt=check.fmt,
            library=impl.library,
        )
        if check.alternative is not None:
            other = check.alternative[1](data)
            alt_bad = differing(other, theirs)
            alt_differ, alt_total = alt_differ + len(alt_bad), alt_total + len(data)
            alt_examples += [
                f"{w.describe(data, i)}: {check.alternative[0]} gives "
                f"{check.fmt(int(other[i]))}, "
                f"{impl.library} {check.fmt(int(theirs[i]))}"
                for i in alt_bad[: 2 - len(alt_examples)].tolist()
            ]
    rep.classes = merge(classes)
    if check.alternative is not None:
        rep.alternative = [
            f"{alt_differ:,} of {alt_total:,} answers differ from our "
            f"{check.alternative[0]}",
            *alt_examples,
        ]
    return rep


# --------------------------------------------------------------------- run --


def progress(started: float, text: str) -> None:
    print(
        f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True
    )


def workloads(inp: Inputs | None, facts: dict[str, Any]) -> list[Workload]:
    return [*day_desk(inp), *xpar(inp, facts), *business_days(inp), *night_desk()]


def run(args: argparse.Namespace) -> Report:
    started = time.perf_counter()
    report = Report(facts=run_facts(args))
    inp = Inputs.make(max(args.sizes), args.seed)
    limits = {"budget": args.budget, "min_time": args.min_time}
    progress(started, f"inputs ready (n={max(args.sizes):,})")
    for w in workloads(inp, report.facts):
        report.titles[w.key] = w.title
        if w.random is not None:
            ours, _, _ = run_sizes(w.ours, w.random, w.key, args.sizes, **limits)
            report.runs.append(ours)
            progress(started, f"{w.key} / {OURS}: {summary(ours)}")
        for peer in w.peers:
            if isinstance(peer, Missing):
                if w.random is not None:
                    report.runs.append(
                        LibraryRun(w.key, peer.library, "-", note=peer.reason)
                    )
                report.checks.append(
                    CheckReport(w.key, peer.library, "-", error=peer.reason)
                )
                continue
            out, n = None, 0
            if w.random is not None:
                lib, out, n = run_sizes(
                    peer.impl, w.random, w.key, args.sizes, **limits
                )
                report.runs.append(lib)
                progress(started, f"{w.key} / {peer.impl.library}: {summary(lib)}")
            report.checks.append(compare_peer(w, peer, out, n))
            del out
    report.facts["run time"] = f"{time.perf_counter() - started:.0f} s"
    report.facts["load average at end"] = load_average()
    return report


def summary(run: LibraryRun) -> str:
    done = run.measured()
    if not done:
        return run.note or "nothing measured"
    last = done[-1]
    assert last.median is not None
    assert last.best is not None
    rate = last.n / last.best
    return f"n={last.n:,} median {fmt_seconds(last.median)}, best {rate:,.0f}/s"


# ------------------------------------------------------------------ output --


def ours_run(report: Report, key: str) -> LibraryRun | None:
    return next(
        (r for r in report.runs if r.workload == key and r.library == OURS), None
    )


def throughput_table(report: Report) -> str:
    """Each library at the largest size it ran; ratios from the best runs."""
    rows: list[list[str]] = []
    for run in report.runs:
        done = run.measured()
        if not done:
            note = run.note or "nothing measured"
            rows.append([run.workload, run.library, "-", "-", "-", "-", note, "-", "-"])
            continue
        last = done[-1]
        assert last.median is not None
        assert last.best is not None
        cells = [run.workload, run.library, f"{last.n:,}", str(last.runs)]
        cells += [fmt_seconds(last.median), fmt_seconds(last.best)]
        cells.append(fmt_rate(last.n / last.best))
        ours = ours_run(report, run.workload)
        same = None if ours is None or run.library == OURS else ours.at(last.n)
        if same is None or same.best is None:
            rows.append([*cells, "-", "-"])
            continue
        speedup = last.best / same.best
        ratio = f"{speedup:,.0f}x" if speedup >= 10 else f"{speedup:.1f}x"
        rows.append([*cells, fmt_rate(last.n / same.best), ratio])
    header = ["workload", "library", "n (largest run)", "runs", "median", "best"]
    header += ["throughput (best)", f"{OURS} at same n", f"{OURS} speedup"]
    return markdown(header, rows)


def scaling_table(report: Report, sizes: Sequence[int]) -> str:
    rows = []
    for run in report.runs:
        cells = []
        for n in sizes:
            t = next((x for x in run.timings if x.n == n), None)
            if t is None:
                cells.append(run.note or "-")
            elif t.best is not None:
                cells.append(fmt_seconds(t.best))
            elif "estimated" in t.status:
                cells.append(
                    "skipped (est. "
                    + t.status.split("estimated ")[1].split(" >")[0]
                    + ")"
                )
            else:
                cells.append(t.status.split(":")[0])
        rows.append([run.workload, run.library, *cells])
    return markdown(["workload", "library", *(f"n={fmt_n(n)}" for n in sizes)], rows)


def agreement_table(report: Report) -> str:
    rows = []
    for c in report.checks:
        random = f"{c.random_differ:,} of {c.random_n:,}" if c.random_n else "-"
        edge = f"{c.edge_differ:,} of {c.edge_n:,}" if c.edge_n else "-"
        rows.append([c.workload, c.library, c.semantics, random, edge, c.error])
    header = ["workload", "library", f"compared with {OURS}'s"]
    header += ["random: differ", "edge: differ", "error"]
    if not any(c.error for c in report.checks):
        header, rows = header[:-1], [r[:-1] for r in rows]
    return markdown(header, rows)


def differences(report: Report) -> str:
    lines = []
    for c in report.checks:
        for k in c.classes:
            lines.append(f"- {c.workload} / {c.library}: {k.count:,} x {k.cause}")
            lines += [f"    - {e}" for e in k.examples]
    lines.append("")
    lines.append("Conventions (our other boundary, for information):")
    for c in report.checks:
        if c.alternative:
            lines.append(f"- {c.workload} / {c.library}: {c.alternative[0]}")
            lines += [f"    - {e}" for e in c.alternative[1:]]
    return "\n".join(lines)


def render(report: Report, sizes: Sequence[int]) -> str:
    facts = [f"{k}: {v}" for k, v in report.facts.items()]
    return "\n\n".join(
        [
            "\n".join(facts),
            "Throughput (largest n each library ran):\n\n" + throughput_table(report),
            "Time for n elements, by size (best run):\n\n"
            + scaling_table(report, sizes),
            "Agreement:\n\n" + agreement_table(report),
            "Disagreements by cause (examples):\n\n" + differences(report),
        ]
    )


# -------------------------------------------------------------------- plot --


def plot(report: Report, path: Path, budget: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = list(dict.fromkeys(r.workload for r in report.runs))
    cols = 3
    rows = math.ceil(len(keys) / cols)
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=(4.6 * cols, 3.9 * rows),
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    colours = {
        OURS: "C0",
        "pandas": "C1",
        "businesstimedelta": "C2",
        "businesstime": "C3",
        "exchange_calendars": "C4",
        "numpy": "C5",
    }
    for ax, key in zip(axes.flat, keys, strict=False):
        for run in (r for r in report.runs if r.workload == key):
            done = run.measured()
            if not done:
                continue
            xs = [t.n for t in done]
            ys = [t.best for t in done]
            label = run.library
            for t in run.timings:
                if t.median is None:
                    why = "error" if t.status.startswith("error") else "skipped: budget"
                    label += f" (n>={fmt_n(t.n)} {why})"
                    break
            ax.loglog(xs, ys, marker="o", color=colours.get(run.library), label=label)
            if run.library == OURS and ys[-1] is not None:
                guide = [ys[-1] * n / xs[-1] for n in xs]
                ax.loglog(
                    xs,
                    guide,
                    color="0.75",
                    linestyle=":",
                    linewidth=1,
                    label="proportional to n",
                )
        ax.set_title(report.titles.get(key, key), fontsize=8.5)
        ax.grid(True, which="major", linewidth=0.4)
        ax.legend(fontsize=6.5, loc="lower right")
    for ax in list(axes.flat)[len(keys) :]:
        ax.set_visible(False)
    fig.supxlabel("input size n (elements)")
    fig.supylabel("time for n elements (s), best run")
    fig.suptitle(
        f"{OURS} and peers: time against input size, one thread. A size whose time "
        f"would exceed the {budget:g} s budget is skipped, not extrapolated.",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)


# -------------------------------------------------------------------- main --


def run_facts(args: argparse.Namespace) -> dict[str, Any]:
    peers = (
        "pandas",
        "businesstime",
        "businesstimedelta",
        "exchange_calendars",
        "pytz",
        "matplotlib",
    )
    settings = (
        f"sizes={','.join(map(str, args.sizes))} budget={args.budget:g} s "
        f"min-time={args.min_time:g} s seed={args.seed}"
    )
    return facts(peers, {"settings": settings, "load average at start": load_average()})


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(float(s)) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected sizes like 1000,10000, got {text!r}"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated input sizes (default 1000,...,10000000)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=20.0,
        help="seconds: a peer skips a size whose time, estimated from the "
        "previous size, would exceed this (default 20)",
    )
    parser.add_argument("--plot", type=Path, default=DEFAULT_PLOT, help="PNG to write")
    add_json_option(parser, "tables")
    add_seed_option(parser)
    parser.add_argument(
        "--min-time",
        type=float,
        default=1.0,
        help="seconds: a call is repeated (3 to 25 times) until the runs add up "
        "to this; a call of 2 s or more runs once (default 1)",
    )
    args = parser.parse_args(argv)
    if args.budget <= 0 or args.min_time < 0:
        parser.error("--budget must be positive and --min-time not negative")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    try:
        plot(report, args.plot, args.budget)
        report.facts["plot"] = str(args.plot)
    except ImportError:
        report.facts["plot"] = "not written: matplotlib is not installed"
    emit(args.json, render(report, args.sizes), asdict(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
