"""The horizon: bounded searches, far instants, threads and pickles.

A calendar compiles its timeline lazily over the dates asked for. Searches
never loop: with no open time within ``search_bound`` they raise
``NoOpenTimeError`` naming the bound; instants outside years 2-9998 raise
``HorizonError``; threads sharing a fresh calendar get single-threaded
answers; a pickled calendar is small (the timeline stays behind) and answers
the same.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import pickle
import re
import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from servicecharter import (
    BusinessCalendar,
    HorizonError,
    NoOpenTimeError,
    OpeningHours,
    ScheduleChange,
)
from tests.support.calendars import WEEKLY, closed_calendar, paris_calendar, paris_hours
from tests.support.calls import (
    AWARE,
    DAY_ARRAY_CALLS,
    FRIDAY,
    HOUR,
    INSTANT_ARRAY_CALLS,
    SCALAR_CALLS,
    us,
)
from tests.support.messages import assert_message
from tests.support.zones import PARIS


class TestNoOpenTime:
    def test_constructing_works(self) -> None:
        cal = closed_calendar()
        assert cal.is_open(AWARE) is False
        assert cal.is_business_day(FRIDAY) is False
        assert cal.elapsed(AWARE, AWARE + dt.timedelta(days=30)) == dt.timedelta(0)
        assert cal.count_business_days(FRIDAY, dt.date(2027, 3, 27)) == 0
        assert list(cal.open_intervals(AWARE, AWARE + dt.timedelta(days=30))) == []

    @pytest.mark.parametrize(
        ("name", "search", "where"),
        [
            ("next_open", lambda c: c.next_open(AWARE), "after"),
            ("next_close", lambda c: c.next_close(AWARE), "after"),
            ("previous_close", lambda c: c.previous_close(AWARE), "before"),
            ("add", lambda c: c.add(AWARE, HOUR), "after"),
            ("add_zero", lambda c: c.add(AWARE, dt.timedelta(0)), "after"),
            ("add_negative", lambda c: c.add(AWARE, -HOUR), "before"),
            (
                "add_array",
                lambda c: c.add(us("2026-03-27T09:00"), np.timedelta64(1, "h")),
                "after",
            ),
            ("next_open_array", lambda c: c.next_open(us("2026-03-27T09:00")), "after"),
            (
                "add_business_days",
                lambda c: c.add_business_days(FRIDAY, 1, roll="forward"),
                "after",
            ),
            (
                "add_business_days_back",
                lambda c: c.add_business_days(FRIDAY, -1, roll="backward"),
                "before",
            ),
        ],
    )
    def test_first_search_raises_naming_the_bound(
        self, name: str, search: Callable[[BusinessCalendar], Any], where: str
    ) -> None:
        # Returns promptly (no loop): the whole class runs in well under a second.
        with pytest.raises(NoOpenTimeError) as info:
            search(closed_calendar())
        assert isinstance(info.value, ValueError)
        assert_message(info.value, "3653 days", where, "search_bound")

    def test_message_names_where_the_search_started(self) -> None:
        with pytest.raises(NoOpenTimeError) as info:
            closed_calendar().next_open(AWARE)
        assert_message(info.value, "2026-03-27")

    def test_custom_bound_is_named(self) -> None:
        cal = closed_calendar(search_bound=dt.timedelta(days=30))
        with pytest.raises(NoOpenTimeError) as info:
            cal.next_open(AWARE)
        assert_message(info.value, "30 days", "2026-03-27")

    def test_repeated_failing_searches_stay_the_same(self) -> None:
        # Each failing search must not push the compiled horizon another bound
        # further: the message keeps naming the instant asked about, and the
        # calls do not get slower and slower (they used to, quadratically).
        cal = closed_calendar()
        for _ in range(4):
            with pytest.raises(NoOpenTimeError) as info:
                cal.next_open(AWARE)
            assert_message(info.value, "3653 days", "after 2026-03-27")

    def test_holidays_and_closures_only_calendar(self) -> None:
        # Open weekly hours, but sixty dates in a row closed: the search
        # crosses them (the bound is a safety net, not a promise to fail).
        closures = [dt.date(2026, 3, 27) + dt.timedelta(days=i) for i in range(60)]
        hours = OpeningHours(WEEKLY, "Europe/Paris", closures=closures)
        expected = dt.datetime(2026, 5, 26, 9, 0, tzinfo=PARIS)
        assert BusinessCalendar(hours).next_open(AWARE) == expected
        tight = BusinessCalendar(hours, search_bound=dt.timedelta(days=20))
        try:
            assert tight.next_open(AWARE) == expected
        except NoOpenTimeError as error:
            assert_message(error, "20 days")


class TestHoursStop:
    @pytest.fixture
    def stopping(self) -> BusinessCalendar:
        change = ScheduleChange("2027-01-01", {})
        return BusinessCalendar(paris_hours(changes=[change]))

    def test_next_open_before_the_change_works(
        self, stopping: BusinessCalendar
    ) -> None:
        friday_evening = dt.datetime(2026, 3, 27, 18, 0, tzinfo=PARIS)
        assert stopping.next_open(friday_evening) == dt.datetime(
            2026, 3, 30, 9, 0, tzinfo=PARIS
        )
        assert stopping.add(AWARE, dt.timedelta(hours=3)) == dt.datetime(
            2026, 3, 27, 15, 0, tzinfo=PARIS
        )

    def test_add_far_beyond_raises(self, stopping: BusinessCalendar) -> None:
        with pytest.raises(NoOpenTimeError) as info:
            stopping.add(AWARE, dt.timedelta(days=365))
        assert_message(info.value, "3653 days", "search_bound")
        with pytest.raises(NoOpenTimeError):
            stopping.add(us("2026-03-27T09:00"), np.timedelta64(365, "D"))

    def test_searches_after_the_last_close(self, stopping: BusinessCalendar) -> None:
        with pytest.raises(NoOpenTimeError):
            stopping.next_open(dt.datetime(2026, 12, 31, 18, 0, tzinfo=PARIS))
        with pytest.raises(NoOpenTimeError):
            stopping.add_business_days(dt.date(2026, 12, 1), 100)
        last_close = dt.datetime(2026, 12, 31, 17, 0, tzinfo=PARIS)
        assert (
            stopping.previous_close(dt.datetime(2027, 6, 1, tzinfo=PARIS)) == last_close
        )
        assert stopping.add(dt.datetime(2027, 6, 1, tzinfo=PARIS), -HOUR) == (
            last_close - HOUR
        )


# ---------------------------------------------------------------------------


class TestFarInstants:
    @pytest.mark.parametrize(("year", "national"), [(1900, True), (2200, False)])
    def test_four_business_hours_far_from_today(
        self, year: int, national: bool
    ) -> None:
        # French holidays are known up to 2100 (see the next tests); past
        # that, a calendar without them still computes.
        hours = OpeningHours.parse("Mo-Fr 09:00-12:00,14:00-17:00", tz="Europe/Paris")
        cal = paris_calendar() if national else BusinessCalendar(hours)
        # The first Tuesday of March: no French holiday then.
        tuesday = dt.date(year, 3, 1)
        tuesday += dt.timedelta(days=(1 - tuesday.weekday()) % 7)
        t = dt.datetime.combine(tuesday, dt.time(10, 0), tzinfo=PARIS)
        due = cal.add(t, dt.timedelta(hours=4))
        assert due == dt.datetime.combine(tuesday, dt.time(16, 0), tzinfo=PARIS)
        assert cal.elapsed(t, due) == dt.timedelta(hours=4)
        assert cal.is_business_day(tuesday) is True

    @pytest.mark.parametrize(
        "value", ["20000-01-01T00:00", "0001-01-01T00:00", "-1000-06-01"]
    )
    def test_datetime64_out_of_range(self, cal: BusinessCalendar, value: str) -> None:
        year = value.lstrip("-").split("-")[0].lstrip("0")
        t = np.array([value, "2026-03-27T10:00"], dtype="datetime64[us]")
        for name in sorted(INSTANT_ARRAY_CALLS):
            with pytest.raises(HorizonError) as info:
                INSTANT_ARRAY_CALLS[name](cal, t)
            assert isinstance(info.value, ValueError)
            assert_message(info.value, "2-9998")
        days = t.astype("datetime64[D]")
        for name in ("is_business_day", "add_business_days", "day_start"):
            with pytest.raises(HorizonError) as info:
                DAY_ARRAY_CALLS[name](cal, days)
            assert_message(info.value, "2-9998")
        # The message names the offending year (not a clamped one).
        with pytest.raises(HorizonError) as info:
            cal.next_open(t)
        assert re.search(rf"year -?{year}\b", str(info.value)), str(info.value)

    @pytest.mark.parametrize("year", [1, 9999])
    def test_scalar_out_of_range(self, cal: BusinessCalendar, year: int) -> None:
        t = dt.datetime(year, 6, 1, tzinfo=dt.UTC)
        for name in ("is_open", "next_open", "add", "elapsed_a"):
            with pytest.raises(HorizonError):
                SCALAR_CALLS[name](cal, t)

    def test_array_mixing_1950_and_2100(self, cal: BusinessCalendar) -> None:
        t = us("1950-06-01T10:00", "2100-06-01T10:00", "NaT")
        out = cal.add(t, np.timedelta64(4, "h"))
        for i in range(2):
            scalar = t[i].astype(dt.datetime).replace(tzinfo=dt.UTC)
            expected = paris_calendar().add(scalar, dt.timedelta(hours=4))
            assert out[i].astype(dt.datetime).replace(tzinfo=dt.UTC) == expected
        assert np.isnat(out[2])
        days = t.astype("datetime64[D]")
        assert cal.is_business_day(days).tolist() == [True, True, False]


# ---------------------------------------------------------------------------


def _answers(cal: BusinessCalendar, index: int) -> list[Any]:
    """A batch of answers over a year range of its own, scalar and array."""
    first = 2000 + 2 * index
    rng = np.random.default_rng(index)
    span = np.int64(3 * 365 * 86_400 * 1_000_000)
    start = np.datetime64(f"{first}-01-01T00:00", "us").astype(np.int64)
    t = (start + rng.integers(0, span, 400)).view("datetime64[us]")
    d = rng.integers(-200, 200, 400).astype("timedelta64[h]")
    days = t.astype("datetime64[D]")
    scalar = dt.datetime(first + 1, 5, 7, 11, 30, tzinfo=PARIS)
    return [
        cal.is_open(t),
        cal.next_open(t),
        cal.next_close(t),
        cal.previous_close(t),
        cal.add(t, d),
        cal.add(t, d, boundary="close"),
        cal.elapsed(t, t + d),
        cal.is_business_day(days),
        cal.add_business_days(days, 3, roll="forward"),
        cal.count_business_days(days, days + np.timedelta64(30, "D")),
        cal.add(scalar, dt.timedelta(hours=30)),
        cal.next_open(scalar),
        cal.add_business_days(scalar.date(), 10, roll="modifiedfollowing"),
    ]


def _same(a: list[Any], b: list[Any]) -> bool:
    return all(
        np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y
        for x, y in zip(a, b, strict=True)
    )


class TestThreads:
    def test_shared_fresh_calendar_gives_single_threaded_answers(self) -> None:
        workers = 8
        expected = [_answers(paris_calendar(), i) for i in range(workers)]
        for _ in range(2):
            shared = paris_calendar()
            barrier = threading.Barrier(workers)

            def run(
                i: int,
                shared: BusinessCalendar = shared,
                barrier: threading.Barrier = barrier,
            ) -> list[Any]:
                barrier.wait(timeout=30)
                return _answers(shared, i)

            with concurrent.futures.ThreadPoolExecutor(workers) as pool:
                got = list(pool.map(run, range(workers)))
            for i in range(workers):
                assert _same(got[i], expected[i]), f"thread {i} disagrees"


# ---------------------------------------------------------------------------


class TestPickle:
    def test_pickled_calendar_is_small_and_answers_the_same(self) -> None:
        cal = paris_calendar()
        before = _answers(cal, 3)  # compiles years of timeline
        data = pickle.dumps(cal)
        assert len(data) < 2048, len(data)
        clone = pickle.loads(data)
        assert clone == cal
        assert hash(clone) == hash(cal)
        assert clone.tz == cal.tz
        assert _same(_answers(clone, 3), before)

    def test_calendar_with_every_kind_of_exception_pickles(self) -> None:
        hours = paris_hours(
            closures=["2026-08-14"],
            special_days={"2026-12-24": "09:00-12:00"},
            changes=[ScheduleChange("2027-01-01", {"Mo-Sa": "08:00-18:00"})],
            holiday_hours="10:00-12:00",
        )
        cal = BusinessCalendar(hours, search_bound=dt.timedelta(days=400))
        cal.next_open(AWARE)
        clone = pickle.loads(pickle.dumps(cal))
        assert clone == cal
        assert clone.hours == hours
        for day in ("2026-08-14", "2026-12-24", "2027-01-02", "2026-07-14"):
            t = dt.datetime.fromisoformat(day).replace(hour=11, tzinfo=PARIS)
            assert clone.next_close(t) == cal.next_close(t)
