"""The whole-array kernels against the previous ones, on random calendars.

``tests/support/old_timeline.py`` keeps the kernel as it was before the
per-bucket tables and the chunks. Each random calendar is compiled once and
read three ways: the new timeline as the library builds it (per-bucket
tables when every opening lies on the grid, the general lookup otherwise),
the new timeline forced onto the general lookup (``tables=False``), and the
old one. Every operation must give the same answers on instants drawn over
the whole compiled span, on every opening, closing and midnight and the
microseconds around them, in arrays of awkward sizes (empty, one element,
around a chunk, not a multiple of it). Minute-aligned hours mostly take
the general lookup; quarter-hour hours always take the tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, OpeningHours, TimeRange
from servicecharter._core.chunks import CHUNK
from servicecharter._core.timeline import Timeline
from servicecharter._core.units import NAT, day_number
from servicecharter.calendar import busdays
from servicecharter.calendar.compile import compile_days
from servicecharter.strategies import ZONES, opening_hours
from tests.support import old_timeline as old

H_US = 3_600_000_000
SIZES = (0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 17)
KERNEL_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def quarter_hours(draw: st.DrawFn) -> OpeningHours:
    """Weekly hours whose every time is a quarter hour: the per-bucket path."""
    quarters = st.integers(0, 95)
    week = []
    for _ in range(7):
        starts = sorted(draw(st.sets(quarters, max_size=3)))
        ranges = []
        for i, q in enumerate(starts):
            stop = starts[i + 1] if i + 1 < len(starts) else 96
            end = draw(st.integers(q + 1, stop))
            ranges.append(TimeRange(q * 900, end * 900))
        week.append(ranges)
    if not any(week):
        week[0] = [TimeRange("09:00", "17:00")]
    return OpeningHours(week, draw(st.sampled_from(ZONES)))  # type: ignore[arg-type]


class Compiled:
    """One calendar compiled over about a year, read the three ways."""

    def __init__(self, hours: OpeningHours, start: dt.date) -> None:
        first = day_number(start)
        self.new = compile_days(hours, first, first + 400)
        tl = self.new
        self.general = Timeline(tl.opens_us, tl.closes_us, tl.days, tables=False)
        self.old = old.Timeline(tl.opens_us, tl.closes_us, tl.days)

    def instants(self, seed: int, size: int) -> np.ndarray:
        """Random instants in the span, half of them on or next to an edge."""
        tl, rng = self.new, np.random.default_rng(seed)
        edges = np.concatenate((tl.opens_us, tl.closes_us, tl.days.midnights))
        edges = np.concatenate((edges - 1, edges, edges + 1))
        edges = edges[(edges >= tl.start_us) & (edges < tl.end_us)]
        uniform = rng.integers(tl.start_us, tl.end_us, size, dtype=np.int64)
        if edges.size == 0:
            return uniform
        picked = rng.choice(edges, size)
        return np.where(rng.random(size) < 0.5, picked, uniform)

    def durations(self, seed: int, size: int) -> np.ndarray:
        rng = np.random.default_rng(seed + 1)
        hours = rng.integers(-60 * H_US, 60 * H_US, size, dtype=np.int64)
        return np.where(rng.random(size) < 0.3, hours // H_US * H_US, hours)


def hours_of_any_kind() -> st.SearchStrategy[OpeningHours]:
    return st.one_of(opening_hours(), quarter_hours())


def same(new: Any, old_answer: Any) -> None:
    np.testing.assert_array_equal(np.asarray(new), np.asarray(old_answer))


def check_search(new: tuple[Any, Any, Any], old_found: tuple[Any, Any, Any]) -> None:
    """A search answers as before, or asks for more days exactly when it did."""
    answer, later, earlier = new
    old_answer, old_later, old_earlier = old_found
    needs = bool(np.any(old_later)) or bool(np.any(old_earlier))
    assert (answer is None) == needs
    if answer is None:
        assert (later, earlier) == (bool(np.any(old_later)), bool(np.any(old_earlier)))
    else:
        same(answer, old_answer)


@KERNEL_SETTINGS
@given(
    hours=hours_of_any_kind(),
    start=st.dates(dt.date(2025, 6, 1), dt.date(2026, 9, 1)),
    size=st.sampled_from(SIZES),
    seed=st.integers(0, 2**32 - 1),
)
def test_instant_kernels_agree_with_the_old_ones(
    hours: OpeningHours, start: dt.date, size: int, seed: int
) -> None:
    c = Compiled(hours, start)
    t = c.instants(seed, size)
    for tl in (c.new, c.general):
        same(tl.clock(t), c.old.clock(t))
        same(tl.is_open(t), c.old.is_open(t))
        same(tl.local_day(t), c.old.local_day(t))
        for name in ("next_open", "next_close", "previous_close"):
            check_search(getattr(tl, name)(t), getattr(c.old, name)(t))


@KERNEL_SETTINGS
@given(
    hours=hours_of_any_kind(),
    start=st.dates(dt.date(2025, 6, 1), dt.date(2026, 9, 1)),
    size=st.sampled_from(SIZES),
    seed=st.integers(0, 2**32 - 1),
    closing=st.booleans(),
)
def test_add_and_elapsed_agree_with_the_old_ones(
    hours: OpeningHours, start: dt.date, size: int, seed: int, closing: bool
) -> None:
    c = Compiled(hours, start)
    t, u = c.instants(seed, size), c.instants(seed + 7, size)
    d = c.durations(seed, size)
    one_t, one_d = t[:1], d[:1]  # one instant or one duration, broadcast
    cases = [(t, d), (t, one_d), (one_t, d), (one_t, one_d)] if size else [(t, d)]
    for tl in (c.new, c.general):
        same(tl.elapsed(t, u), old.elapsed(c.old, t, u))
        if size:
            same(tl.elapsed(one_t, u), old.elapsed(c.old, one_t, u))
        for a, b in cases:
            answer, later, earlier = tl.add(a, b, closing)
            if size == 0:
                continue
            expected = old.add(c.old, a, b, closing)
            assert (answer is None) == (expected is None)
            if answer is not None:
                same(answer, expected)
            else:  # one flag at least, each one true of some element
                target = c.old.clock(a) + b
                assert later or earlier
                assert not later or bool((target >= c.old.total_us).any())
                assert not earlier or bool((target <= 0).any())


@KERNEL_SETTINGS
@given(
    hours=hours_of_any_kind(),
    start=st.dates(dt.date(2025, 6, 1), dt.date(2026, 9, 1)),
    size=st.sampled_from(SIZES),
    seed=st.integers(0, 2**32 - 1),
    roll=st.sampled_from(
        ["nat", "forward", "backward", "modifiedfollowing", "modifiedpreceding"]
    ),
)
def test_business_day_kernels_agree_with_the_old_ones(
    hours: OpeningHours, start: dt.date, size: int, seed: int, roll: str
) -> None:
    c = Compiled(hours, start)
    rng = np.random.default_rng(seed)
    lo, hi = c.new.day0, c.new.day_end
    days = rng.integers(lo + 30, hi - 30, size, dtype=np.int64)
    other = rng.integers(lo, hi, size, dtype=np.int64)
    n = rng.integers(-10, 11, size, dtype=np.int64)
    extremes = [_span(days), _span(n)]
    for tl in (c.new, c.general):
        counted, _, _ = busdays.count(tl, days, other, extremes=None)
        same(counted, old.count_business_days(c.old, days, other))
        same(tl.on_days(tl.business, days), c.old.business.take(days - c.old.day0))
        if size:
            answer, later, earlier = busdays.offsetter(roll)(
                tl, days, n, extremes=extremes
            )
            expected = old.add_business_days(c.old, days, n, roll)
            assert (answer is None) == (expected is None), (later, earlier)
            if answer is not None:
                same(answer, expected)


def _span(a: np.ndarray) -> tuple[int, int]:
    return (int(a.min()), int(a.max())) if a.size else (0, 0)


class TestPaths:
    """Which lookup a calendar takes, so the tests above cover both."""

    def test_quarter_hours_read_tables(self) -> None:
        hours = OpeningHours({"Mo-Fr": "09:15-12:00,13:45-17:30"}, "Asia/Kathmandu")
        assert Compiled(hours, dt.date(2026, 1, 1)).new.grid

    def test_minutes_take_the_general_lookup(self) -> None:
        hours = OpeningHours({"Mo-Fr": "09:10-17:00"}, "Europe/Paris")
        c = Compiled(hours, dt.date(2026, 1, 1))
        assert not c.new.grid
        assert not c.general.grid

    def test_tables_false_takes_the_general_lookup_on_a_grid(self) -> None:
        hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris")
        assert not Compiled(hours, dt.date(2026, 1, 1)).general.grid


class TestNaTAnywhere:
    """NaT at any position of any argument, on the new path, in every size."""

    @pytest.mark.parametrize("size", [1, 2, CHUNK + 3])
    @pytest.mark.parametrize("where", ["first", "last", "every third", "all"])
    def test_nat_positions(self, cal: Any, size: int, where: str) -> None:
        rng = np.random.default_rng(size)
        lo = int(np.datetime64("2026-01-01", "us").astype(np.int64))
        t = lo + rng.integers(0, 300 * 24 * H_US, size, dtype=np.int64)
        d = rng.integers(-40 * H_US, 40 * H_US, size, dtype=np.int64)
        nat = np.zeros(size, dtype=bool)
        picks = {"first": [0], "last": [-1], "all": slice(None)}
        nat[picks.get(where, slice(0, None, 3))] = True
        k = cal.kernel
        clean_add = k.add(t, d)
        for holed_t, holed_d in (
            (np.where(nat, NAT, t), d),
            (t, np.where(nat, NAT, d)),
        ):
            got = k.add(holed_t, holed_d)
            same(got[nat], np.full(nat.sum(), NAT))
            same(got[~nat], clean_add[~nat])
        holed = np.where(nat, NAT, t)
        same(k.elapsed(holed, t)[~nat], np.zeros((~nat).sum(), dtype=np.int64))
        assert (k.elapsed(holed, t)[nat] == NAT).all()
        for name in ("next_open", "next_close", "previous_close", "local_day"):
            got, clean = getattr(k, name)(holed), getattr(k, name)(t)
            same(got[~nat], clean[~nat])
            assert (got[nat] == NAT).all()
        assert not k.is_open(holed)[nat].any()
        same(k.is_open(holed)[~nat], k.is_open(t)[~nat])


class TestGrowth:
    """Answers that need the horizon grown, on the new path, against the old
    kernel on a window compiled wide enough from the start."""

    HOURS = OpeningHours(
        {"Mo-Fr": "09:00-12:00,14:00-17:15"},
        "America/New_York",
        closures=[dt.date(2026, 7, 1) + dt.timedelta(days=i) for i in range(400)],
    )

    def wide(self) -> old.Timeline:
        first = day_number(dt.date(2018, 1, 1))
        tl = compile_days(self.HOURS, first, day_number(dt.date(2035, 1, 1)))
        return old.Timeline(tl.opens_us, tl.closes_us, tl.days)

    def instants(self, size: int) -> np.ndarray:
        rng = np.random.default_rng(size)
        lo = int(np.datetime64("2026-05-01", "us").astype(np.int64))
        return lo + rng.integers(0, 120 * 24 * H_US, size, dtype=np.int64)

    @pytest.mark.parametrize("size", [1, CHUNK + 5])
    @pytest.mark.parametrize("closing", [False, True])
    def test_add_grows_both_ways(self, size: int, closing: bool) -> None:
        t = self.instants(size)
        rng = np.random.default_rng(size + 1)
        d = rng.integers(-3000 * H_US, 3000 * H_US, size, dtype=np.int64)
        got = BusinessCalendar(self.HOURS).kernel.add(t, d, closing=closing)
        same(got, old.add(self.wide(), t, d, closing))
        one = BusinessCalendar(self.HOURS).kernel.add(t, d[:1], closing=closing)
        same(one, old.add(self.wide(), t, d[:1], closing))

    @pytest.mark.parametrize("size", [1, CHUNK + 5])
    def test_searches_grow(self, size: int) -> None:
        t = self.instants(size)
        wide = self.wide()
        for name in ("next_open", "next_close", "previous_close"):
            got = getattr(BusinessCalendar(self.HOURS).kernel, name)(t)
            answer, later, earlier = getattr(wide, name)(t)
            assert not np.any(later)
            assert not np.any(earlier)
            same(got, answer)
