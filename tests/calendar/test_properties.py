"""Laws of the business clock, on random schedules, instants and durations.

B(t) is the open time accumulated up to t: continuous, non-decreasing, flat
while closed, rising one second per second while open. With
``add(t, d) = max{u : B(u) <= B(t) + d}`` and, for ``boundary="close"``,
``min{u : B(u) >= B(t) + d}``, continuity gives B(add(t, d)) = B(t) + d
*exactly*, for every t and every d of either sign. Everything below follows
from that and from B being non-decreasing:

* elapsed(t, add(t, d)) == d, for all t and d (both boundaries);
* add(t, elapsed(t, u)) == next_open(u) (the latest instant at u's clock);
  with ``close``: u if open just before u, else previous_close(u);
* r <= add(t, d)  iff  elapsed(t, r) <= d;  r >= add(t, d, close) iff
  elapsed(t, r) >= d;
* add is non-decreasing in t and in d; add(add(t, a), b) == add(t, a + b)
  for a and b of any sign; add(t, 0) == next_open(t);
* elapsed is antisymmetric and additive, 0 <= elapsed(a, b) <= b - a for
  a <= b, and equals the total length of open_intervals(a, b);
* next_open, next_close, previous_close bracket t as documented;
* every array operation gives what the scalar one gives, NaT gives NaT.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from servicecharter import (
    BusinessCalendar,
    NoOpenTimeError,
    NotBusinessDayError,
    OpeningHours,
)
from servicecharter.strategies import business_durations, instants, opening_hours

UTC = dt.UTC
US = dt.timedelta(microseconds=1)
DAY = dt.timedelta(days=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
ZERO = dt.timedelta(0)
BOUNDARIES = ("next_open", "close")


def as_utc(t: dt.datetime) -> dt.datetime:
    """In UTC: do arithmetic there (``paris_time - US`` is wall-clock arithmetic,
    and can land in a DST gap) and compare there (PEP 495 makes ``==`` false
    across zones for an instant in a fold)."""
    return t.astimezone(UTC)


def utc64(moments: list[dt.datetime]) -> np.ndarray:
    return np.array(
        [m.astimezone(UTC).replace(tzinfo=None) for m in moments],
        dtype="datetime64[us]",
    )


def from64(value: np.datetime64) -> dt.datetime | None:
    if np.isnat(value):
        return None
    return EPOCH + int(value.astype("datetime64[us]").astype(np.int64)) * US


# ------------------------------------------------------------------ setups --


class Setup:
    """A calendar, a few instants near each other, and a few durations."""

    def __init__(
        self,
        hours: OpeningHours,
        moments: list[dt.datetime],
        durations: list[dt.timedelta],
    ) -> None:
        self.hours = hours
        self.cal = BusinessCalendar(hours)
        self.moments = moments
        self.durations = durations

    def __repr__(self) -> str:
        return f"Setup({self.hours!r}, {self.moments!r}, {self.durations!r})"

    def search(self, name: str, t: dt.datetime) -> dt.datetime | None:
        """``cal.<name>(t)``, or None when no closing exists within the bound.

        Hours open around the clock (from some date on, or before it) have no
        closing to find: ``next_close`` / ``previous_close`` then raise
        NoOpenTimeError, and the service must indeed be open throughout.
        """
        try:
            found: dt.datetime = getattr(self.cal, name)(t)
        except NoOpenTimeError:
            assert name in ("next_close", "previous_close"), name
            month = 30 * DAY
            if name == "next_close":
                assert self.cal.elapsed(t, as_utc(t) + month) == month
            else:
                assert self.cal.elapsed(as_utc(t) - month, t) == month
            event(f"{name}: no closing within the search bound")
            return None
        return found


@st.composite
def setups(draw: st.DrawFn, n_moments: int = 3, n_durations: int = 2) -> Setup:
    hours = draw(opening_hours())
    zone = hours.tz
    first = draw(instants(tz=zone, minute_aligned=draw(st.booleans())))
    nearby = st.one_of(
        st.integers(-10 * 86_400_000_000, 10 * 86_400_000_000).map(
            lambda n: as_utc(first) + n * US
        ),
        st.integers(-3 * 86_400, 3 * 86_400).map(
            lambda s: as_utc(first) + dt.timedelta(seconds=s)
        ),
        instants(tz=zone),
    )
    moments = [first] + [draw(nearby) for _ in range(n_moments - 1)]
    moments = [m.astimezone(draw(st.sampled_from([zone, UTC]))) for m in moments]
    durations = [
        draw(
            st.one_of(
                business_durations(60), business_durations(60, minute_aligned=False)
            )
        )
        for _ in range(n_durations)
    ]
    return Setup(hours, moments, durations)


# -------------------------------------------------------------------- laws --


class TestAddInvertsElapsed:
    @given(setups())
    def test_elapsed_of_add_is_the_duration(self, s: Setup) -> None:
        # Holds for every t (open or closed) and every d (positive, zero,
        # negative), since B is continuous: B(add(t, d)) == B(t) + d.
        t = s.moments[0]
        for d in [*s.durations, ZERO]:
            for boundary in BOUNDARIES:
                due = s.cal.add(t, d, boundary=boundary)
                assert s.cal.elapsed(t, due) == d, (d, boundary, due)

    @given(setups())
    def test_add_of_elapsed_is_the_latest_instant_at_that_clock(self, s: Setup) -> None:
        t, u = s.moments[0], s.moments[1]
        spent = s.cal.elapsed(t, u)
        assert as_utc(s.cal.add(t, spent)) == as_utc(s.cal.next_open(u))
        want = u if s.cal.is_open(as_utc(u) - US) else s.search("previous_close", u)
        assume(want is not None)
        assert as_utc(s.cal.add(t, spent, boundary="close")) == as_utc(want)

    @given(setups(), st.data())
    def test_deadline_agrees_with_elapsed(self, s: Setup, data: st.DataObject) -> None:
        # responded <= add(received, d)  iff  elapsed(received, responded) <= d
        received, d = s.moments[0], s.durations[0]
        due = s.cal.add(received, d)
        due_close = s.cal.add(received, d, boundary="close")
        for anchor in (due, due_close, s.moments[1]):
            step = data.draw(
                st.one_of(
                    st.sampled_from([-1, 0, 1]),
                    st.integers(-86_400_000_000, 86_400_000_000),
                )
            )
            responded = as_utc(anchor) + step * US
            spent = s.cal.elapsed(received, responded)
            assert (as_utc(responded) <= as_utc(due)) == (spent <= d)
            assert (as_utc(responded) >= as_utc(due_close)) == (spent >= d)


class TestAddAlgebra:
    @given(setups())
    def test_monotone_in_the_instant(self, s: Setup) -> None:
        a, b = sorted(s.moments[:2], key=as_utc)
        d = s.durations[0]
        for boundary in BOUNDARIES:
            assert as_utc(s.cal.add(a, d, boundary=boundary)) <= as_utc(
                s.cal.add(b, d, boundary=boundary)
            )

    @given(setups())
    def test_monotone_in_the_duration(self, s: Setup) -> None:
        t = s.moments[0]
        small, large = sorted(s.durations[:2])
        for boundary in BOUNDARIES:
            assert as_utc(s.cal.add(t, small, boundary=boundary)) <= as_utc(
                s.cal.add(t, large, boundary=boundary)
            )

    @given(setups())
    def test_adding_twice_is_adding_the_sum(self, s: Setup) -> None:
        # True for a and b of either sign, and across boundaries, since only
        # the business clock of the intermediate instant matters.
        t = s.moments[0]
        a, b = s.durations[:2]
        for first in BOUNDARIES:
            middle = s.cal.add(t, a, boundary=first)
            for then in BOUNDARIES:
                assert as_utc(s.cal.add(middle, b, boundary=then)) == as_utc(
                    s.cal.add(t, a + b, boundary=then)
                ), (first, then)

    @given(setups())
    def test_adding_zero_is_next_open(self, s: Setup) -> None:
        t = s.moments[0]
        assert as_utc(s.cal.add(t, ZERO)) == as_utc(s.cal.next_open(t))

    @given(setups())
    def test_adding_zero_up_to_the_close(self, s: Setup) -> None:
        t = s.moments[0]
        want = t if s.cal.is_open(as_utc(t) - US) else s.search("previous_close", t)
        assume(want is not None)
        assert as_utc(s.cal.add(t, ZERO, boundary="close")) == as_utc(want)


class TestElapsed:
    @given(setups())
    def test_antisymmetric_and_zero_on_the_diagonal(self, s: Setup) -> None:
        a, b = s.moments[:2]
        assert s.cal.elapsed(a, b) == -s.cal.elapsed(b, a)
        assert s.cal.elapsed(a, a) == ZERO

    @given(setups())
    def test_additive(self, s: Setup) -> None:
        a, b, c = s.moments
        assert s.cal.elapsed(a, b) + s.cal.elapsed(b, c) == s.cal.elapsed(a, c)

    @given(setups())
    def test_bounded_by_real_time(self, s: Setup) -> None:
        a, b = sorted(s.moments[:2], key=as_utc)
        assert ZERO <= s.cal.elapsed(a, b) <= as_utc(b) - as_utc(a)

    @given(setups())
    def test_is_the_length_of_the_open_intervals(self, s: Setup) -> None:
        a, b = sorted(s.moments[:2], key=as_utc)
        intervals = list(s.cal.open_intervals(a, b))
        # Subtract in UTC: aware datetimes of one zone subtract as wall clocks.
        total = sum((as_utc(c) - as_utc(o) for o, c in intervals), ZERO)
        assert total == s.cal.elapsed(a, b)
        for (_, c), (o, _) in itertools.pairwise(intervals):
            assert as_utc(c) < as_utc(o)  # merged: never touching
        for o, c in intervals:
            assert as_utc(a) <= as_utc(o) < as_utc(c) <= as_utc(b)
            assert s.cal.is_open(o)
            assert not s.cal.is_open(c) or as_utc(c) == as_utc(b)


class TestSearches:
    @given(setups())
    def test_next_open(self, s: Setup) -> None:
        t = s.moments[0]
        opened = s.cal.next_open(t)
        assert as_utc(opened) >= as_utc(t)
        assert s.cal.is_open(opened)
        assert (as_utc(opened) == as_utc(t)) == s.cal.is_open(t)
        assert s.cal.elapsed(t, opened) == ZERO  # nothing open in between

    @given(setups())
    def test_next_close(self, s: Setup) -> None:
        t = s.moments[0]
        closed = s.search("next_close", t)
        assume(closed is not None)
        opened = s.cal.next_open(t)
        assert as_utc(t) < as_utc(closed)
        assert not s.cal.is_open(closed)
        assert as_utc(opened) < as_utc(closed)
        # Open all the way from the next opening to that closing.
        assert s.cal.elapsed(opened, closed) == as_utc(closed) - as_utc(opened)

    @given(setups())
    def test_previous_close(self, s: Setup) -> None:
        t = s.moments[0]
        closed = s.search("previous_close", t)
        assume(closed is not None)
        assert as_utc(closed) <= as_utc(t)
        assert not s.cal.is_open(closed)
        assert s.cal.is_open(as_utc(closed) - US)
        assert as_utc(s.cal.next_close(closed)) > as_utc(t)
        if not s.cal.is_open(t):
            assert s.cal.elapsed(closed, t) == ZERO
        assert as_utc(s.cal.previous_close(closed)) == as_utc(closed)


class TestScalarEqualsArray:
    @given(setups(n_moments=4, n_durations=4))
    def test_every_operation(self, s: Setup) -> None:
        cal = s.cal
        ts = utc64(s.moments)
        others = s.moments[1:] + s.moments[:1]
        nat_t = np.datetime64("NaT", "us")
        with_nat = np.append(ts, nat_t)
        assert cal.is_open(with_nat).tolist() == [
            *(cal.is_open(t) for t in s.moments),
            False,
        ]
        for name in ("next_open", "next_close", "previous_close"):
            # An element with nothing to find raises for the whole array, so
            # those (checked in Setup.search) are masked with NaT here.
            scalar = [s.search(name, t) for t in s.moments]
            ok = [found is not None for found in scalar]
            got = getattr(cal, name)(np.where(ok, ts, nat_t))
            assert got.dtype == np.dtype("datetime64[us]")
            for t, found, value in zip(s.moments, scalar, got, strict=True):
                want = None if found is None else as_utc(found)
                assert from64(value) == want, (name, t)
        ds = np.array(s.durations, dtype="timedelta64[us]")
        for boundary in BOUNDARIES:
            got = cal.add(
                with_nat, np.append(ds, np.timedelta64(0, "us")), boundary=boundary
            )
            want = [
                as_utc(cal.add(t, d, boundary=boundary))
                for t, d in zip(s.moments, s.durations, strict=True)
            ]
            assert [from64(v) for v in got] == [*want, None]
        elapsed = cal.elapsed(with_nat, np.append(utc64(others), nat_t))
        want_elapsed = [
            cal.elapsed(a, b) for a, b in zip(s.moments, others, strict=True)
        ]
        assert elapsed[:-1].astype("timedelta64[us]").tolist() == want_elapsed
        assert np.isnat(elapsed[-1])
        days = sorted({m.astimezone(s.hours.tz).date() for m in s.moments})
        assert cal.is_business_day(np.array(days, dtype="datetime64[D]")).tolist() == [
            cal.is_business_day(day) for day in days
        ]

    @given(setups(n_moments=3, n_durations=3))
    def test_broadcasting_one_duration(self, s: Setup) -> None:
        d = s.durations[0]
        got = s.cal.add(utc64(s.moments), np.timedelta64(d, "us"))
        assert [from64(v) for v in got] == [as_utc(s.cal.add(t, d)) for t in s.moments]


@pytest.mark.parametrize("zone", ["Europe/Paris", "Australia/Lord_Howe"])
def test_pandas_series_matches_numpy(zone: str) -> None:
    pd = pytest.importorskip("pandas")
    cal = BusinessCalendar(
        OpeningHours({"Mo-Fr": "09:00-17:00", "Sa": "22:00-02:00"}, zone)
    )
    stamps = pd.Series(pd.date_range("2026-03-25", "2026-04-10", freq="97min", tz=zone))
    as_numpy = (
        stamps.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[us]")
    )
    d = np.timedelta64(5, "h")
    assert (cal.add(stamps, d) == cal.add(as_numpy, d)).all()
    assert (
        cal.elapsed(stamps, stamps + pd.Timedelta(hours=30))
        == cal.elapsed(as_numpy, as_numpy + np.timedelta64(30, "h"))
    ).all()


# ----------------------------------------------------------- business days --

ROLLS = (
    "forward",
    "following",
    "backward",
    "preceding",
    "modifiedfollowing",
    "modifiedpreceding",
)


@st.composite
def day_setups(draw: st.DrawFn) -> tuple[BusinessCalendar, list[dt.date], list[int]]:
    hours = draw(opening_hours())
    days = draw(
        st.lists(
            st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), min_size=1, max_size=5
        )
    )
    steps = draw(st.lists(st.integers(-15, 15), min_size=len(days), max_size=len(days)))
    return BusinessCalendar(hours), days, steps


def step_business_days(cal: BusinessCalendar, day: dt.date, n: int) -> dt.date:
    """Move n business days from a business day, one calendar day at a time."""
    one = DAY if n >= 0 else -DAY
    for _ in range(abs(n)):
        day += one
        while not cal.is_business_day(day):
            day += one
    return day


class TestBusinessDays:
    @settings(max_examples=50)
    @given(day_setups())
    def test_offset_steps_over_business_days(
        self, setup: tuple[BusinessCalendar, list[dt.date], list[int]]
    ) -> None:
        cal, days, steps = setup
        for day, n in zip(days, steps, strict=True):
            rolled = cal.add_business_days(day, 0, roll="forward")
            assert rolled >= day
            assert cal.is_business_day(rolled)
            assert all(not cal.is_business_day(d) for d in _dates(day, rolled))
            assert cal.add_business_days(day, n, roll="forward") == step_business_days(
                cal, rolled, n
            )

    @settings(max_examples=50)
    @given(day_setups())
    def test_count_is_the_number_of_business_days(
        self, setup: tuple[BusinessCalendar, list[dt.date], list[int]]
    ) -> None:
        # numpy.busday_count semantics: [begin, end) when begin <= end, else
        # minus the count in (end, begin] (busday_count("2026-01-02",
        # "2025-12-26", weekmask="Fri") == -1 while ("2026-01-01", ...) == 0).
        cal, days, steps = setup
        begin = days[0]
        end = begin + steps[0] * DAY
        if end >= begin:
            want = sum(cal.is_business_day(d) for d in _dates(begin, end))
        else:
            want = -sum(cal.is_business_day(d) for d in _dates(end + DAY, begin + DAY))
        assert cal.count_business_days(begin, end) == want

    @settings(max_examples=50)
    @given(day_setups(), st.sampled_from(ROLLS))
    def test_scalar_equals_array(
        self, setup: tuple[BusinessCalendar, list[dt.date], list[int]], roll: str
    ) -> None:
        cal, days, steps = setup
        as_days = np.array(days, dtype="datetime64[D]")
        got = cal.add_business_days(as_days, np.array(steps), roll=roll)
        want = [
            cal.add_business_days(d, n, roll=roll)
            for d, n in zip(days, steps, strict=True)
        ]
        assert got.astype("datetime64[D]").tolist() == want
        ends = np.roll(as_days, 1)
        counts = cal.count_business_days(as_days, ends)
        assert counts.tolist() == [
            cal.count_business_days(d, e)
            for d, e in zip(days, ends.tolist(), strict=True)
        ]

    @settings(max_examples=50)
    @given(day_setups())
    def test_raise_and_nat_policies(
        self, setup: tuple[BusinessCalendar, list[dt.date], list[int]]
    ) -> None:
        cal, days, steps = setup
        nat = cal.add_business_days(
            np.array(days, dtype="datetime64[D]"), np.array(steps), roll="nat"
        )
        for day, n, value in zip(days, steps, nat, strict=True):
            if cal.is_business_day(day):
                assert value == np.datetime64(cal.add_business_days(day, n))
            else:
                assert np.isnat(value)
                with pytest.raises(NotBusinessDayError):
                    cal.add_business_days(day, n)

    def test_scalar_nat_roll_on_a_closed_day(self) -> None:
        # Saturday 2026-03-28 with Mo-Fr hours: the array form gives NaT, the
        # scalar form None.
        cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
        assert cal.add_business_days(dt.date(2026, 3, 28), 1, roll="nat") is None


def _dates(first: dt.date, stop: dt.date) -> list[dt.date]:
    """Dates in [first, stop)."""
    return [first + k * DAY for k in range((stop - first).days)]
