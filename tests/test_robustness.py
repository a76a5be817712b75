"""Robustness: bad input gets a clear error, odd input never escapes the hierarchy.

Every failure the library raises on purpose is a ``ServiceCharterError``
subclass that also is the matching built-in, and its message names the
offending value and says how to fix it. Searches never loop, extreme instants
either work or raise ``HorizonError``, calendars are thread-safe and pickle
small. The hypothesis tests at the end feed odd arrays and arbitrary text and
allow nothing but ``ServiceCharterError`` out.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import os
import pickle
import re
import subprocess
import sys
import textwrap
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from servicecharter import (
    BusinessCalendar,
    HolidayDates,
    HorizonError,
    InvalidArgumentError,
    InvalidDurationError,
    InvalidHoursError,
    InvalidInstantError,
    NaiveDatetimeError,
    NoOpenTimeError,
    OpeningHours,
    PublicHolidays,
    ScheduleChange,
    ServiceCharterError,
    SpecialDay,
    TimeRange,
    UnknownCountryError,
    UnknownTimeZoneError,
)
from tests.support.zones import PARIS

WEEKLY = {"Mo-Fr": "09:00-12:00,14:00-17:00"}
HOUR = dt.timedelta(hours=1)
I64 = np.iinfo(np.int64)
NAIVE = dt.datetime(2026, 3, 27, 10, 0)  # a Friday
AWARE = NAIVE.replace(tzinfo=PARIS)
FRIDAY = dt.date(2026, 3, 27)
SRC = str(Path(__file__).resolve().parents[1] / "src")

# A message "says how to fix it" when it shows what is expected or what to do.
FIX = re.compile(
    r"expected|like|e\.g\.|use |pass |convert|merge|keep one|check|raise |call |"
    r"attach|drop|install|known:|one of|must be|tz_localize|\.date\(\)",
    re.IGNORECASE,
)


def paris_hours(**kwargs: Any) -> OpeningHours:
    return OpeningHours(WEEKLY, "Europe/Paris", holidays="FR", **kwargs)


def paris_calendar(**kwargs: Any) -> BusinessCalendar:
    return BusinessCalendar(paris_hours(), **kwargs)


def closed_calendar(**kwargs: Any) -> BusinessCalendar:
    return BusinessCalendar(OpeningHours({}, "Europe/Paris"), **kwargs)


def us(*values: str) -> np.ndarray:
    return np.array(values, dtype="datetime64[us]")


def assert_message(
    error: BaseException, *needles: str, fix: re.Pattern[str] | None = FIX
) -> None:
    """The message names each needle and (unless fix is None) a way out."""
    message = str(error)
    for needle in needles:
        assert needle in message, f"{needle!r} not named in: {message!r}"
    if fix is not None:
        assert fix.search(message), f"no fix suggested in: {message!r}"


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    """A shared Paris calendar, 9-12 and 14-17 on weekdays, French holidays."""
    return paris_calendar()


# ---------------------------------------------------------------------------


class TestHierarchy:
    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (NaiveDatetimeError, ValueError),
            (UnknownTimeZoneError, ValueError),
            (UnknownCountryError, ValueError),
            (InvalidHoursError, ValueError),
            (NoOpenTimeError, ValueError),
            (HorizonError, ValueError),
            (InvalidArgumentError, ValueError),
            (InvalidDurationError, TypeError),
            (InvalidInstantError, TypeError),
        ],
    )
    def test_each_error_is_also_its_builtin(self, error: type, builtin: type) -> None:
        assert issubclass(error, ServiceCharterError)
        assert issubclass(error, builtin)


# ---------------------------------------------------------------------------

SCALAR_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_open": lambda c, x: c.is_open(x),
    "next_open": lambda c, x: c.next_open(x),
    "next_close": lambda c, x: c.next_close(x),
    "previous_close": lambda c, x: c.previous_close(x),
    "add": lambda c, x: c.add(x, HOUR),
    "add_close": lambda c, x: c.add(x, HOUR, boundary="close"),
    "add_negative": lambda c, x: c.add(x, -HOUR),
    "elapsed_a": lambda c, x: c.elapsed(x, AWARE),
    "elapsed_b": lambda c, x: c.elapsed(AWARE, x),
    "open_intervals_start": lambda c, x: list(c.open_intervals(x, AWARE + HOUR)),
    "open_intervals_end": lambda c, x: list(c.open_intervals(AWARE, x)),
    "opening_arrays_start": lambda c, x: c.opening_arrays(x, AWARE + HOUR),
    "opening_arrays_end": lambda c, x: c.opening_arrays(AWARE - HOUR, x),
    "is_business_day": lambda c, x: c.is_business_day(x),
    "add_business_days": lambda c, x: c.add_business_days(x, 1),
    "count_business_days_begin": lambda c, x: c.count_business_days(x, FRIDAY),
    "count_business_days_end": lambda c, x: c.count_business_days(FRIDAY, x),
    "local_date": lambda c, x: c.local_date(x),
    "day_start": lambda c, x: c.day_start(x),
    "first_open": lambda c, x: c.first_open(x),
    "last_close": lambda c, x: c.last_close(x),
}

INSTANT_ARRAY_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_open": lambda c, x: c.is_open(x),
    "next_open": lambda c, x: c.next_open(x),
    "next_close": lambda c, x: c.next_close(x),
    "previous_close": lambda c, x: c.previous_close(x),
    "add": lambda c, x: c.add(x, np.timedelta64(1, "h")),
    "add_close": lambda c, x: c.add(x, np.timedelta64(1, "h"), boundary="close"),
    "elapsed_a": lambda c, x: c.elapsed(x, np.datetime64("2026-03-27T09:00", "us")),
    "elapsed_b": lambda c, x: c.elapsed(np.datetime64("2026-03-27T09:00", "us"), x),
    "local_date": lambda c, x: c.local_date(x),
}

DAY_ARRAY_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_business_day": lambda c, x: c.is_business_day(x),
    "add_business_days": lambda c, x: c.add_business_days(x, 1, roll="forward"),
    "count_business_days_begin": lambda c, x: c.count_business_days(
        x, np.datetime64("2026-03-27", "D")
    ),
    "count_business_days_end": lambda c, x: c.count_business_days(
        np.datetime64("2026-03-27", "D"), x
    ),
    "day_start": lambda c, x: c.day_start(x),
    "first_open": lambda c, x: c.first_open(x),
    "last_close": lambda c, x: c.last_close(x),
}


class TestNaiveDatetimes:
    @pytest.mark.parametrize("name", sorted(SCALAR_CALLS))
    def test_scalar_naive_datetime(self, cal: BusinessCalendar, name: str) -> None:
        with pytest.raises(NaiveDatetimeError) as info:
            SCALAR_CALLS[name](cal, NAIVE)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, ServiceCharterError)
        assert_message(
            info.value, repr(NAIVE), fix=re.compile(r"tzinfo|ZoneInfo|aware|astimezone")
        )

    @pytest.mark.parametrize("name", ["is_open", "next_open", "add", "elapsed_a"])
    def test_tzinfo_without_offset_is_naive(
        self, cal: BusinessCalendar, name: str
    ) -> None:
        class NoOffset(dt.tzinfo):
            def utcoffset(self, _: dt.datetime | None) -> None:
                return None

        t = NAIVE.replace(tzinfo=NoOffset())
        with pytest.raises(NaiveDatetimeError):
            SCALAR_CALLS[name](cal, t)

    def test_naive_pandas_timestamp(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        stamp = pd.Timestamp("2026-03-27 10:00")
        for name in ("is_open", "next_open", "add", "elapsed_a", "is_business_day"):
            with pytest.raises(NaiveDatetimeError):
                SCALAR_CALLS[name](cal, stamp)
        aware = stamp.tz_localize("Europe/Paris")
        assert cal.next_open(aware) == AWARE

    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_naive_datetime_inside_a_list(
        self, cal: BusinessCalendar, name: str
    ) -> None:
        with pytest.raises(NaiveDatetimeError) as info:
            INSTANT_ARRAY_CALLS[name](cal, [AWARE, NAIVE])
        assert_message(info.value, repr(NAIVE), fix=re.compile(r"tzinfo|ZoneInfo"))

    @pytest.mark.parametrize("kind", ["Series", "DatetimeIndex"])
    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_naive_pandas(self, cal: BusinessCalendar, name: str, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        index = pd.date_range("2026-03-27 08:00", periods=4, freq="3h")
        values = pd.Series(index) if kind == "Series" else index
        with pytest.raises(NaiveDatetimeError) as info:
            INSTANT_ARRAY_CALLS[name](cal, values)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, "naive", fix=re.compile(r"tz_localize"))

    @pytest.mark.parametrize("kind", ["Series", "DatetimeIndex"])
    def test_aware_pandas_matches_numpy(self, cal: BusinessCalendar, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        index = pd.date_range(
            "2026-03-27 08:00", periods=6, freq="7h", tz="Europe/Paris"
        )
        values = pd.Series(index) if kind == "Series" else index
        utc = (
            index.tz_convert("UTC")
            .tz_localize(None)
            .to_numpy()
            .astype("datetime64[us]")
        )
        for name in ("is_open", "next_open", "next_close", "previous_close", "add"):
            np.testing.assert_array_equal(
                INSTANT_ARRAY_CALLS[name](cal, values),
                INSTANT_ARRAY_CALLS[name](cal, utc),
            )
        # The scalar answer agrees with the array one.
        assert cal.next_open(index[1].to_pydatetime()) == dt.datetime(
            2026, 3, 27, 15, 0, tzinfo=PARIS
        )


# ---------------------------------------------------------------------------


class TestZonesAndCountries:
    @pytest.mark.parametrize(
        "zone", ["Mars/Olympus", "Europe/Pariss", "", "../../etc/passwd", "CET+1"]
    )
    def test_unknown_time_zone(self, zone: str) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, repr(zone), "IANA")

    @pytest.mark.parametrize("zone", [5, None, dt.timezone(dt.timedelta(hours=2))])
    def test_time_zone_of_wrong_type(self, zone: object) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)  # type: ignore[arg-type]
        assert_message(info.value, repr(zone), "IANA")

    def test_unknown_time_zone_in_parse(self) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Pariss")
        assert_message(info.value, "'Europe/Pariss'", "IANA")

    @pytest.mark.parametrize("country", ["XX", "ZZ", "France", ""])
    def test_unknown_country(self, country: str) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays(country)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, repr(country), "'FR'")

    def test_unknown_country_through_opening_hours(self) -> None:
        with pytest.raises(UnknownCountryError) as info:
            OpeningHours(WEEKLY, "Europe/Paris", holidays="ZZ")
        assert_message(info.value, "'ZZ'")
        with pytest.raises(UnknownCountryError):
            OpeningHours.parse(
                "Mo-Fr 09:00-17:00; PH off", tz="Europe/Paris", holidays="ZZ"
            )

    def test_unknown_subdivision(self) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays("FR", subdiv="99")
        assert_message(info.value, "'99'", "FR", "57")  # lists the known ones

    def test_known_subdivision_works(self) -> None:
        moselle = PublicHolidays("FR", subdiv="57")
        assert dt.date(2026, 12, 26) in moselle.dates(2026, 2026)


# ---------------------------------------------------------------------------


class TestInvalidHours:
    @pytest.mark.parametrize(
        ("start", "end", "needle"),
        [
            ("25:00", "26:00", "25:00"),
            ("09:60", "10:00", "09:60"),
            ("9", "10", "'9'"),
            ("24:00", "01:00", "24:00"),
            ("24:01", "01:00", "24:01"),
            ("09:00:60", "10:00", "09:00:60"),
            ("nine", "10:00", "nine"),
            (-1, 3600, "-1"),
            (0, 86_401, "86401"),
            (86_400, 0, "86400"),
            (True, 3600, "True"),
            (1.5, 3600, "1.5"),
            (None, 3600, "None"),
            (dt.time(9, tzinfo=PARIS), "10:00", "tzinfo"),
        ],
    )
    def test_malformed_time_range(self, start: Any, end: Any, needle: str) -> None:
        with pytest.raises(InvalidHoursError) as info:
            TimeRange(start, end)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, needle, fix=None)

    def test_time_range_messages_suggest_a_fix(self) -> None:
        # Each message says what is allowed (e.g. 00:00-23:59 for a start,
        # up to 24:00 for an end), not just that the value is wrong.
        cases = [("25:00", "26:00"), ("09:60", "10:00"), ("24:00", "01:00"),
                 ("09:00:60", "10:00"), (-1, 3600), (0, 86_401), (86_400, 0),
                 (True, 3600)]  # fmt: skip
        unhelpful = []
        for start, end in cases:
            with pytest.raises(InvalidHoursError) as info:
                TimeRange(start, end)
            if not FIX.search(str(info.value)):
                unhelpful.append(str(info.value))
        assert not unhelpful, "messages with no fix:\n" + "\n".join(unhelpful)

    @pytest.mark.parametrize(
        ("text", "needle"),
        [
            ("09:00", "'09:00'"),
            ("09:00-", "''"),
            ("-10:00", "''"),
            ("09:00-10:00-11:00", "10:00-11:00"),
            ("", "''"),
            ("09:00 to 10:00", "09:00 to 10:00"),
        ],
    )
    def test_malformed_time_range_text(self, text: str, needle: str) -> None:
        with pytest.raises(InvalidHoursError) as info:
            TimeRange.parse(text)
        assert_message(info.value, needle)

    @pytest.mark.parametrize(
        ("weekly", "needles"),
        [
            ({"Mo": "09:00-12:00,11:00-13:00"}, ("09:00-12:00", "11:00-13:00")),
            ({"Tu": ["14:00-17:00", "09:00-14:30"]}, ("09:00-14:30", "14:00-17:00")),
            ({"Mo": "22:00-23:30,23:00-02:00"}, ("22:00-23:30", "23:00-02:00")),
            ({"Mo": "20:00-08:00,21:00-22:00"}, ("20:00-08:00", "21:00-22:00")),
            ({"Xx": "09:00-10:00"}, ("'Xx'",)),
            ({"Mo-Xx": "09:00-10:00"}, ("'Mo-Xx'",)),
            ({7: "09:00-10:00"}, ("7",)),
            ({True: "09:00-10:00"}, ("True",)),
            ({"Mo": 5}, ("5",)),
            ({"Mo": "9h-10h"}, ("'9h'",)),
            ("Mo-Fr 09:00-10:00", ("'Mo-Fr 09:00-10:00'",)),
            ([(), ()], ("[(), ()]",)),
        ],
    )
    def test_malformed_weekly_mapping(
        self, weekly: Any, needles: tuple[str, ...]
    ) -> None:
        with pytest.raises(InvalidHoursError) as info:
            OpeningHours(weekly, "Europe/Paris")
        assert_message(info.value, *needles)

    def test_touching_ranges_are_fine(self) -> None:
        hours = OpeningHours({"Mo": "09:00-12:00,12:00-13:00"}, "Europe/Paris")
        assert [str(r) for r in hours.weekly[0]] == ["09:00-12:00", "12:00-13:00"]

    def test_overlapping_special_day_ranges(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(special_days={"2026-12-24": "09:00-12:00,10:00-11:00"})
        assert_message(info.value, "09:00-12:00", "10:00-11:00")

    def test_overlapping_holiday_hours(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(holiday_hours="09:00-12:00,11:00-12:00")
        assert_message(info.value, "09:00-12:00", "11:00-12:00")

    def test_overlapping_ranges_in_schedule_change(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            ScheduleChange("2027-01-01", {"Mo": "09:00-10:00,09:30-11:00"})
        assert_message(info.value, "09:00-10:00", "09:30-11:00")

    @pytest.mark.parametrize(
        ("value", "needle"),
        [
            ("2026-13-24", "'2026-13-24'"),
            ("tomorrow", "'tomorrow'"),
            (dt.datetime(2026, 12, 24, 9), "datetime.datetime(2026, 12, 24, 9, 0)"),
            (20261224, "20261224"),
        ],
    )
    def test_malformed_dates(self, value: Any, needle: str) -> None:
        for build in (
            lambda: SpecialDay(value, "09:00-12:00"),
            lambda: ScheduleChange(value, WEEKLY),
            lambda: paris_hours(closures=[value]),
        ):
            with pytest.raises(InvalidHoursError) as info:
                build()
            assert_message(info.value, needle)

    def test_closure_and_special_day_on_the_same_date(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(
                closures=["2026-12-24"],
                special_days={dt.date(2026, 12, 24): "09:00-12:00"},
            )
        assert_message(info.value, "2026-12-24", "closure", "special day")

    def test_duplicate_special_days(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(
                special_days=[
                    SpecialDay("2026-12-24", "09:00-12:00"),
                    SpecialDay(dt.date(2026, 12, 24), "closed"),
                ]
            )
        assert_message(info.value, "2026-12-24")

    def test_duplicate_special_days_spelled_differently_in_a_mapping(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(
                special_days={"2026-12-24": "09:00-12:00", dt.date(2026, 12, 24): ""}
            )
        assert_message(info.value, "2026-12-24")

    def test_duplicate_schedule_changes(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            paris_hours(
                changes=[
                    ScheduleChange("2027-01-01", {"Mo": "09:00-10:00"}),
                    ScheduleChange(dt.date(2027, 1, 1), {"Tu": "09:00-10:00"}),
                ]
            )
        assert_message(info.value, "2027-01-01")

    def test_calendar_needs_opening_hours(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            BusinessCalendar("Mo-Fr 09:00-17:00")  # type: ignore[arg-type]
        assert_message(info.value, "str", "OpeningHours.parse")

    @pytest.mark.parametrize(
        "bound", [dt.timedelta(0), -dt.timedelta(days=1), 3653, None]
    )
    def test_search_bound_must_be_a_positive_timedelta(self, bound: Any) -> None:
        with pytest.raises(InvalidArgumentError) as info:
            BusinessCalendar(paris_hours(), search_bound=bound)
        assert_message(info.value, repr(bound))


# ---------------------------------------------------------------------------


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


SCALAR_NON_DURATIONS = [
    (3600, "3600"),
    (1.5, "1.5"),
    ("1h", "'1h'"),
    ("PT1H", "'PT1H'"),
    (None, "None"),
    (True, "True"),
    (dt.date(2026, 1, 1), "2026"),
]


class TestDurations:
    @pytest.mark.parametrize(("duration", "needle"), SCALAR_NON_DURATIONS)
    def test_scalar_duration_not_a_timedelta(
        self, cal: BusinessCalendar, duration: Any, needle: str
    ) -> None:
        for t in (AWARE, us("2026-03-27T09:00")):
            with pytest.raises(InvalidDurationError) as info:
                cal.add(t, duration)
            assert isinstance(info.value, TypeError)
            assert_message(info.value, fix=re.compile("timedelta"))

    def test_scalar_duration_messages_name_the_value(
        self, cal: BusinessCalendar
    ) -> None:
        # add(t, 3600) should say "got int 3600", not "an array of dtype int64":
        # the caller passed no array.
        unnamed = []
        for duration, needle in SCALAR_NON_DURATIONS:
            with pytest.raises(InvalidDurationError) as info:
                cal.add(AWARE, duration)
            if needle not in str(info.value):
                unnamed.append(f"{duration!r}: {info.value}")
        assert not unnamed, "\n".join(unnamed)

    @pytest.mark.parametrize(
        ("durations", "needle"),
        [
            (us("2026-01-01T00:00"), "datetime64"),
            (np.array([3600, 7200]), "int64"),
            (np.array([1.5]), "float64"),
            (np.array(["1h"]), "<U2"),
            (np.array([True]), "bool"),
        ],
    )
    def test_array_duration_of_wrong_dtype(
        self, cal: BusinessCalendar, durations: np.ndarray, needle: str
    ) -> None:
        with pytest.raises(InvalidDurationError) as info:
            cal.add(us("2026-03-27T09:00"), durations)
        assert_message(info.value, needle, fix=re.compile("timedelta64"))

    @pytest.mark.parametrize(
        "duration",
        [dt.timedelta.max, dt.timedelta.min, dt.timedelta(days=5000 * 366 + 1)],
        ids=["max", "min", "5000y"],
    )
    def test_huge_scalar_timedelta(
        self, cal: BusinessCalendar, duration: dt.timedelta
    ) -> None:
        with pytest.raises(InvalidDurationError) as info:
            cal.add(AWARE, duration)
        assert_message(info.value, "5,000 years")

    def test_timedelta64_overflowing_microseconds(self, cal: BusinessCalendar) -> None:
        # I64.max seconds is not representable in microseconds: it must not
        # silently wrap around to a small (or negative) duration.
        wrapped = []
        for unit in ("s", "ms", "m", "h", "D", "W"):
            for value in (I64.max, I64.max // 2, I64.min + 1):
                d = np.array([value], dtype=f"timedelta64[{unit}]")
                try:
                    out = cal.add(us("2026-03-27T09:00"), d)
                except InvalidDurationError:
                    continue
                wrapped.append(f"{d[0]!r} -> {out[0]}")
        assert not wrapped, "durations read wrongly:\n" + "\n".join(wrapped)


# ---------------------------------------------------------------------------

WRONG_DTYPES = [
    np.array([1_774_602_000_000_000, 0], dtype=np.int64),
    np.array([1.5, np.nan]),
    np.array(["2026-03-27T10:00", "x"]),
    np.array([True, False]),
    np.array([1 + 2j]),
    np.array([b"2026-03-27"]),
    np.array([3600], dtype="timedelta64[s]"),
]


class TestInstantDtypes:
    @pytest.mark.parametrize("values", WRONG_DTYPES, ids=lambda a: str(a.dtype))
    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_instant_array_of_wrong_dtype(
        self, cal: BusinessCalendar, name: str, values: np.ndarray
    ) -> None:
        with pytest.raises(InvalidInstantError) as info:
            INSTANT_ARRAY_CALLS[name](cal, values)
        assert isinstance(info.value, TypeError)
        assert_message(info.value, str(values.dtype), fix=re.compile("datetime64"))

    @pytest.mark.parametrize("values", WRONG_DTYPES, ids=lambda a: str(a.dtype))
    @pytest.mark.parametrize("name", sorted(DAY_ARRAY_CALLS))
    def test_day_array_of_wrong_dtype(
        self, cal: BusinessCalendar, name: str, values: np.ndarray
    ) -> None:
        with pytest.raises(InvalidInstantError) as info:
            DAY_ARRAY_CALLS[name](cal, values)
        assert_message(
            info.value, str(values.dtype), fix=re.compile(r"datetime64\[D\]")
        )

    def test_scalar_that_is_not_an_instant(self, cal: BusinessCalendar) -> None:
        # The message names the scalar given ("got str '2026-...'"), not
        # "an array of dtype <U16": the caller passed no array.
        cases = [
            (1_774_602_000, "1774602000"),
            (1.5, "1.5"),
            ("2026-03-27T10:00", "'2026-03-27T10:00'"),
            (FRIDAY, "2026, 3, 27"),
        ]
        unnamed = []
        for value, needle in cases:
            for name in ("next_open", "is_open", "add", "elapsed_a"):
                with pytest.raises(InvalidInstantError) as info:
                    SCALAR_CALLS[name](cal, value)
                assert_message(info.value, fix=re.compile("aware datetime|datetime64"))
                if needle not in str(info.value):
                    unnamed.append(f"{name}({value!r}): {info.value}")
        assert not unnamed, "\n".join(unnamed)

    @pytest.mark.parametrize(
        "values",
        [["not a date"], [1.5], [AWARE], [NAIVE], [dt.timedelta(days=1)], [None, "x"]],
        ids=["text", "float", "aware", "naive", "timedelta", "none-text"],
    )
    def test_day_list_of_odd_items(
        self, cal: BusinessCalendar, values: list[Any]
    ) -> None:
        # Lists of dates are a convenience; whatever is inside, only our
        # errors (no numpy ValueError, no numpy warning) leave.
        escaped = []
        for name, call in sorted(DAY_ARRAY_CALLS.items()):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    call(cal, values)
                except ServiceCharterError:
                    pass
                except Exception as error:  # collected, reported below
                    escaped.append(f"{name}: {type(error).__name__}: {error}")
        assert not escaped, "\n".join(escaped)

    def test_day_list_of_aware_datetimes_reads_local_dates(
        self, cal: BusinessCalendar
    ) -> None:
        # Saturday 00:30 in Paris is still Friday in UTC: the local date counts.
        saturday = dt.datetime(2026, 3, 28, 0, 30, tzinfo=PARIS)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert cal.is_business_day(saturday) is False
            assert cal.is_business_day([saturday]).tolist() == [False]

    def test_mismatched_shapes(self, cal: BusinessCalendar) -> None:
        a = np.full((2, 3), np.datetime64("2026-03-27T09:00", "us"))
        b = np.full(2, np.datetime64("2026-03-27T09:00", "us"))
        with pytest.raises(InvalidArgumentError) as info:
            cal.elapsed(a, b)
        assert_message(info.value, "(2, 3)", "(2,)")
        with pytest.raises(InvalidArgumentError):
            cal.add(a, np.zeros(2, dtype="timedelta64[h]"))


class TestArguments:
    @pytest.mark.parametrize("roll", ["fwd", "Forward", "", None, ["forward"]])
    def test_unknown_roll(self, cal: BusinessCalendar, roll: Any) -> None:
        for day in (FRIDAY, np.array(["2026-03-27"], dtype="datetime64[D]")):
            with pytest.raises(InvalidArgumentError) as info:
                cal.add_business_days(day, 1, roll=roll)
            assert isinstance(info.value, ValueError)
            assert_message(info.value, repr(roll), "forward", "modifiedpreceding")

    @pytest.mark.parametrize("boundary", ["open", "closing", "", None, "CLOSE"])
    def test_unknown_boundary(self, cal: BusinessCalendar, boundary: Any) -> None:
        for t in (AWARE, us("2026-03-27T09:00")):
            with pytest.raises(InvalidArgumentError) as info:
                cal.add(t, HOUR, boundary=boundary)
            assert_message(info.value, repr(boundary), "'next_open'", "'close'")

    @pytest.mark.parametrize(
        ("n", "needle"),
        [(1.5, "1.5"), ("1", "'1'"), (True, "True"), (np.array([1.0, 2.0]), "float64")],
    )
    def test_business_day_count_not_an_integer(
        self, cal: BusinessCalendar, n: Any, needle: str
    ) -> None:
        with pytest.raises(InvalidArgumentError) as info:
            cal.add_business_days(FRIDAY, n)
        assert_message(info.value, needle)

    def test_huge_business_day_count_fails_promptly(self) -> None:
        # 10**12 business days is far past year 9998: HorizonError, at once.
        # Run in a child process so that a hang fails this test, not the suite.
        code = textwrap.dedent(
            """
            import datetime as dt
            from servicecharter import BusinessCalendar, HorizonError, OpeningHours
            cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
            for n in (10**12, -10**12):
                try:
                    cal.add_business_days(dt.date(2026, 3, 27), n)
                except HorizonError:
                    pass
                else:
                    raise SystemExit("no HorizonError")
            """
        )
        env = {**os.environ, "PYTHONPATH": SRC}
        try:
            done = subprocess.run(
                [sys.executable, "-c", code],
                env=env,
                timeout=6,
                capture_output=True,
                text=True,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail("add_business_days(day, 10**12) did not finish within 6 s")
        assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------------------


class TestNaT:
    T = us("NaT", "2026-03-27T10:00", "NaT", "2026-03-28T10:00")

    @pytest.mark.parametrize(
        "name", ["next_open", "next_close", "previous_close", "add"]
    )
    def test_nat_in_nat_out(self, cal: BusinessCalendar, name: str) -> None:
        out = INSTANT_ARRAY_CALLS[name](cal, self.T)
        assert out.dtype == np.dtype("datetime64[us]")
        assert np.isnat(out).tolist() == [True, False, True, False]

    def test_elapsed(self, cal: BusinessCalendar) -> None:
        out = cal.elapsed(self.T, self.T[::-1])
        assert out.dtype == np.dtype("timedelta64[us]")
        assert np.isnat(out).all()
        out = cal.elapsed(self.T, us("2026-03-30T10:00"))
        assert np.isnat(out).tolist() == [True, False, True, False]

    def test_nat_duration(self, cal: BusinessCalendar) -> None:
        d = np.array([1, "NaT", 1, "NaT"], dtype="timedelta64[h]")
        out = cal.add(self.T[::-1], d)
        assert np.isnat(out).tolist() == [False, True, False, True]

    def test_is_open_false_on_nat(self, cal: BusinessCalendar) -> None:
        out = cal.is_open(self.T)
        assert out.dtype == np.bool_
        assert out.tolist() == [False, True, False, False]

    @pytest.mark.parametrize("unit", ["ns", "s", "D", ""])
    def test_nat_of_any_unit(self, cal: BusinessCalendar, unit: str) -> None:
        with warnings.catch_warnings():
            # numpy 2.5 deprecates the generic unit; users may still pass it.
            warnings.simplefilter("ignore", DeprecationWarning)
            dtype = f"datetime64[{unit}]" if unit else "datetime64"
            nat = np.array(["NaT"], dtype=dtype)
        assert np.isnat(cal.next_open(nat)).all()
        assert cal.is_open(nat).tolist() == [False]

    @pytest.mark.parametrize(
        "roll",
        [
            "raise",
            "nat",
            "forward",
            "backward",
            "modifiedfollowing",
            "modifiedpreceding",
        ],
    )
    def test_add_business_days(self, cal: BusinessCalendar, roll: Any) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        out = cal.add_business_days(days, 1, roll=roll)
        assert out.dtype == np.dtype("datetime64[D]")
        assert np.isnat(out).tolist() == [True, False]
        assert out[1] == np.datetime64("2026-03-30")

    def test_is_business_day_false_on_nat(self, cal: BusinessCalendar) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        assert cal.is_business_day(days).tolist() == [False, True]

    def test_count_business_days_refuses_nat(self, cal: BusinessCalendar) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        good = np.array(["2026-03-01", "2026-03-01"], dtype="datetime64[D]")
        for begin, end in ((days, good), (good, days)):
            with pytest.raises(InvalidInstantError) as info:
                cal.count_business_days(begin, end)
            assert_message(info.value, "NaT", fix=re.compile("drop or fill"))

    def test_pandas_nat(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        values = pd.Series(
            [pd.Timestamp("2026-03-27 10:00", tz="Europe/Paris"), pd.NaT]
        )
        values = values.astype("datetime64[ns, Europe/Paris]")
        assert np.isnat(cal.next_open(values)).tolist() == [False, True]
        assert cal.is_open(values).tolist() == [True, False]

    @pytest.mark.parametrize("shape", [(0,), (3,), (2, 3)])
    def test_all_nat_and_empty(
        self, cal: BusinessCalendar, shape: tuple[int, ...]
    ) -> None:
        nat = np.full(shape, np.datetime64("NaT", "us"), dtype="datetime64[us]")
        assert cal.next_open(nat).shape == shape
        assert np.isnat(cal.add(nat, np.timedelta64(1, "h"))).all()
        assert cal.is_open(nat).shape == shape
        assert not cal.is_open(nat).any()


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

    def test_french_holidays_far_from_today(self) -> None:
        easter_monday = dt.date(1900, 4, 16)
        assert easter_monday.weekday() == 0
        assert paris_calendar().is_business_day(easter_monday) is False

    def test_holidays_unknown_to_the_package_raise(self) -> None:
        # holidays knows France for 1803-2100. Past that it returns no
        # holidays at all, which must not silently make Bastille Day 2200
        # (a Monday) a business day: a clear error instead.
        bastille = dt.date(2200, 7, 14)
        assert bastille.weekday() == 0
        with pytest.raises(HorizonError) as info:
            paris_calendar().is_business_day(bastille)
        assert_message(info.value, "1803-2100", "2200", fix=re.compile("HolidayDates"))

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

    @pytest.mark.parametrize("unit", ["ms", "s", "m", "h", "D", "W", "M", "Y"])
    def test_datetime64_beyond_microseconds_does_not_wrap(self, unit: str) -> None:
        # These instants are far outside years 2-9998 whatever the unit; a
        # silent overflow in the unit conversion gives a 1970 answer instead.
        cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
        wrapped = []
        for value in (I64.max, I64.min + 1, I64.max // 3, -(I64.max // 3)):
            t = np.array([value], dtype=f"datetime64[{unit}]")
            for name in ("next_open", "is_open", "elapsed_b"):
                try:
                    out = INSTANT_ARRAY_CALLS[name](cal, t)
                except HorizonError:
                    continue
                wrapped.append(f"{name}({t[0]}) -> {out[0]!r}")
            if unit in "DWMY":  # also as days
                try:
                    out = cal.is_business_day(t)
                except HorizonError:
                    continue
                wrapped.append(f"is_business_day({t[0]}) -> {out[0]!r}")
        assert not wrapped, "instants read wrongly:\n" + "\n".join(wrapped)

    def test_nanoseconds_at_the_far_past_edge(self) -> None:
        # The smallest datetime64[ns] (1677) must be read as 1677, not 2262.
        t = np.array([I64.min + 1], dtype="datetime64[ns]")
        cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
        out = cal.next_open(t)
        assert out[0].astype("datetime64[Y]") == np.datetime64("1677", "Y")

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

    def test_opening_hours_equality_and_hash(self) -> None:
        a = OpeningHours(
            {"Mo-Fr": "09:00-12:00,14:00-17:00"}, "Europe/Paris", holidays="FR"
        )
        b = OpeningHours(
            {
                0: ["14:00-17:00", "09:00-12:00"],
                "Tu,We": "09:00-12:00, 14:00-17:00",
                "Th-Fr": [TimeRange("09:00", "12:00"), TimeRange(50_400, "17:00")],
            },
            ZoneInfo("Europe/Paris"),
            holidays=PublicHolidays("FR"),
        )
        assert a == b
        assert hash(a) == hash(b)
        assert len({a, b}) == 1
        assert pickle.loads(pickle.dumps(a)) == a
        assert hash(pickle.loads(pickle.dumps(a))) == hash(a)
        different = [
            OpeningHours(WEEKLY, "Europe/Brussels", holidays="FR"),
            OpeningHours(WEEKLY, "Europe/Paris", holidays="BE"),
            OpeningHours(WEEKLY, "Europe/Paris"),
            OpeningHours(
                {"Mo-Sa": "09:00-12:00,14:00-17:00"}, "Europe/Paris", holidays="FR"
            ),
            paris_hours(closures=["2026-08-14"]),
        ]
        for other in different:
            assert other != a
        assert len({a, *different}) == 1 + len(different)


# ---------------------------------------------------------------------------
# Hypothesis: odd arrays into every array operation.

_SIMPLE = BusinessCalendar(
    OpeningHours(
        {"Mo-Fr": "09:00-12:00,14:00-17:00", "Sa": "22:00-02:00"},
        "Europe/Paris",
        holidays=HolidayDates([dt.date(2026, 5, 1), dt.date(2026, 7, 14)]),
    )
)
_T0 = np.datetime64("2026-03-27T09:00", "us")
_D0 = np.datetime64("2026-03-27", "D")

ARRAY_OPS: dict[str, Callable[[Any], Any]] = {
    "is_open": _SIMPLE.is_open,
    "next_open": _SIMPLE.next_open,
    "next_close": _SIMPLE.next_close,
    "previous_close": _SIMPLE.previous_close,
    "local_date": _SIMPLE.local_date,
    "add(x, 1h)": lambda x: _SIMPLE.add(x, np.timedelta64(1, "h")),
    "add(x, -1h, close)": lambda x: _SIMPLE.add(
        x, np.timedelta64(-1, "h"), boundary="close"
    ),
    "add(t, x)": lambda x: _SIMPLE.add(_T0, x),
    "add(x, x)": lambda x: _SIMPLE.add(x, x),
    "elapsed(x, t)": lambda x: _SIMPLE.elapsed(x, _T0),
    "elapsed(t, x)": lambda x: _SIMPLE.elapsed(_T0, x),
    "is_business_day": _SIMPLE.is_business_day,
    "add_business_days(x, 2)": lambda x: _SIMPLE.add_business_days(
        x, 2, roll="forward"
    ),
    "add_business_days(x, -1, mp)": lambda x: _SIMPLE.add_business_days(
        x, -1, roll="modifiedpreceding"
    ),
    "add_business_days(x, 0, raise)": lambda x: _SIMPLE.add_business_days(x, 0),
    "add_business_days(d, x)": lambda x: _SIMPLE.add_business_days(_D0, x, roll="nat"),
    "count_business_days(x, d)": lambda x: _SIMPLE.count_business_days(x, _D0),
    "count_business_days(d, x)": lambda x: _SIMPLE.count_business_days(_D0, x),
    "day_start": _SIMPLE.day_start,
    "first_open": _SIMPLE.first_open,
    "last_close": _SIMPLE.last_close,
}

_EXTREMES = [I64.max, I64.min + 1, I64.max // 2, -(2**62), 2**53, -1, 0, 1]
_YEAR_US = 366 * 86_400 * 1_000_000


def _safe_extremes(kind: str, unit: str) -> list[int]:
    """The extremes whose reading cannot make one example run for minutes.

    Some extremes overflow when numpy converts them to microseconds (a bug
    the TestFarInstants/TestDurations tests pin), landing anywhere. Where
    that lands in years far from the others, compiling the union takes
    seconds, and a business time of centuries grows the horizon step by step
    (slowly): keep only values read as NaT, as out of range, or as near
    the years around today.
    """
    keep = []
    for value in _EXTREMES:
        array = np.array([value], dtype=f"{kind}[{unit}]")
        try:
            read = [array.astype(f"{kind}[us]"), array.astype(f"{kind}[D]")]
        except OverflowError:  # numpy >= 2.5 refuses what it used to wrap
            keep.append(value)  # so the library reads it as out of range
            continue
        if kind == "datetime64":
            years = [
                int(r.astype("datetime64[Y]").astype(np.int64)[0]) + 1970 for r in read
            ]
            if all(y < 2 or y > 9998 or 1677 <= y <= 2263 for y in years):
                keep.append(value)
        else:
            read_us = int(read[0].astype(np.int64)[0])
            if abs(read_us) < 20 * _YEAR_US or abs(read_us) > 5000 * _YEAR_US:
                keep.append(value)
    return keep


def _near_today(unit: str) -> st.SearchStrategy[int]:
    """Integers that, in ``unit``, are instants of the years 2000-2040."""
    lo = np.datetime64("2000-01-01", unit).astype(np.int64)
    hi = np.datetime64("2040-01-01", unit).astype(np.int64)
    return st.integers(int(lo), int(hi))


def _datetime_arrays(kind: str) -> st.SearchStrategy[np.ndarray]:
    units = ["ns", "us", "ms", "s", "m", "h", "D", "W", "M", "Y"]

    @st.composite
    def build(draw: st.DrawFn) -> np.ndarray:
        unit = draw(st.sampled_from(units))
        if kind == "M":
            value = st.one_of(
                _near_today(unit),
                st.sampled_from([*_safe_extremes("datetime64", unit), int(I64.min)]),
            )
        else:  # timedelta64: small (under two years), NaT, or extreme
            one = np.timedelta64(1, unit).astype("timedelta64[us]").astype(np.int64)
            small = min(10**4, 2 * _YEAR_US // max(1, int(one)))
            value = st.one_of(
                st.integers(-small, small),
                st.sampled_from([*_safe_extremes("timedelta64", unit), int(I64.min)]),
            )
        shape = draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=4))
        values = draw(hnp.arrays(np.int64, shape, elements=value))
        return values.view(f"{'datetime64' if kind == 'M' else 'timedelta64'}[{unit}]")

    return build()


_SHAPES = hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=4)
_OBJECTS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.just(AWARE),
    st.just(NAIVE),
    st.just(FRIDAY),
    st.just(HOUR),
    st.just(np.datetime64("NaT", "ns")),
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2040, 1, 1),
        timezones=st.sampled_from([dt.UTC, PARIS]),
    ),
)

ODD_ARRAYS = st.one_of(
    hnp.arrays(hnp.integer_dtypes() | hnp.unsigned_integer_dtypes(), _SHAPES),
    hnp.arrays(
        hnp.floating_dtypes(),
        _SHAPES,
        elements=st.floats(allow_nan=True, allow_infinity=True, width=16),
    ),
    hnp.arrays(np.bool_, _SHAPES),
    hnp.arrays(hnp.unicode_string_dtypes(max_len=8), _SHAPES),
    hnp.arrays(hnp.byte_string_dtypes(max_len=8), _SHAPES),
    hnp.arrays(hnp.complex_number_dtypes(), _SHAPES),
    hnp.arrays(object, _SHAPES, elements=_OBJECTS),
    _datetime_arrays("M"),
    _datetime_arrays("m"),
    st.just(np.array([], dtype="datetime64[us]")),
    st.just(np.array(np.datetime64("NaT", "s"))),
    st.just(np.array([], dtype=object)),
)


def _small_counts(x: np.ndarray) -> bool:
    """Not business-day counts of centuries (slow by design; huge ones are
    pinned by TestArguments.test_huge_business_day_count_fails_promptly)."""
    if x.dtype.kind not in "iu" or x.size == 0:
        return True
    return bool(np.all(np.abs(x.astype(np.float64)) <= 5000))


def _snapshot(x: np.ndarray) -> bytes | list[str]:
    # repr, not the items: NaT and NaN never equal themselves.
    return (
        [repr(item) for item in x.ravel().tolist()]
        if x.dtype == object
        else x.tobytes()
    )


class TestHypothesis:
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(x=ODD_ARRAYS, op=st.sampled_from(sorted(ARRAY_OPS)))
    def test_odd_arrays_raise_only_our_errors(self, x: np.ndarray, op: str) -> None:
        assume(op != "add_business_days(d, x)" or _small_counts(x))
        before = _snapshot(x)
        try:
            out = ARRAY_OPS[op](x)
        except ServiceCharterError:
            pass
        else:
            if op not in ("count_business_days(x, d)", "count_business_days(d, x)"):
                # Whatever the input shape, an array answer has that shape.
                assert np.shape(out) == x.shape, (op, x.shape, np.shape(out))
        assert _snapshot(x) == before, "the input array was modified"

    @settings(max_examples=25, deadline=None)
    @given(x=ODD_ARRAYS)
    def test_odd_arrays_every_op(self, x: np.ndarray) -> None:
        for name, op in ARRAY_OPS.items():
            if name == "add_business_days(d, x)" and not _small_counts(x):
                continue
            with contextlib.suppress(ServiceCharterError):
                op(x)

    # "add(x, x)" is left out: one array cannot be both instants and durations.
    @pytest.mark.parametrize("name", sorted(set(ARRAY_OPS) - {"add(x, x)"}))
    def test_two_dimensional_shapes_are_preserved(self, name: str) -> None:
        grid = np.arange(12).reshape(3, 4)
        if name == "add(t, x)":
            x = grid * np.timedelta64(5, "h")
        elif name == "add_business_days(d, x)":
            x = grid
        elif "business" in name or name in ("day_start", "first_open", "last_close"):
            # Business days only, so that roll="raise" has nothing to refuse.
            x = np.busday_offset("2026-03-02", grid).astype("datetime64[D]")
        else:
            x = grid * np.timedelta64(7, "h") + _T0
        out = ARRAY_OPS[name](x)
        assert np.shape(out) == (3, 4)
        # And each element is the answer for that element alone.
        flat = ARRAY_OPS[name](x.ravel())
        np.testing.assert_array_equal(np.asarray(out).ravel(), flat)

    @settings(max_examples=300, deadline=None)
    @given(
        text=st.one_of(
            st.text(max_size=40),
            st.lists(
                st.sampled_from(
                    [
                        "Mo",
                        "Tu",
                        "Fr",
                        "Su",
                        "PH",
                        "Dec",
                        "Jan",
                        "24",
                        "2026",
                        "-",
                        ",",
                        ";",
                        " ",
                        ":",
                        "09:00",
                        "24:00",
                        "25:00",
                        "12:60",
                        "off",
                        "closed",
                        "24/7",
                        "#",
                        "\n",
                        "00",
                        "9",
                        "+",
                        "Mo-Fr",
                        "Jul-Aug",
                        "Feb 30",
                        "Ph",
                        "ÿ",
                        "\x00",
                        "\uff10\uff19:\uff10\uff10",
                    ]
                ),
                max_size=14,
            ).map("".join),
        )
    )
    def test_arbitrary_notation_raises_only_our_errors(self, text: str) -> None:
        try:
            hours = OpeningHours.parse(text, tz="Europe/Paris")
        except ServiceCharterError:
            return
        assert isinstance(hours, OpeningHours)
