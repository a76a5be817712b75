"""The OpeningHours model: its fields refuse what they cannot read, and compare.

Time ranges, weekly mappings, special days, closures and schedule changes
that are malformed, overlapping or duplicated raise ``InvalidHoursError``
(also a ``ValueError``) naming the offending value; equal hours given in
different spellings are equal, hash alike and pickle.
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from servicecharter import (
    InvalidHoursError,
    OpeningHours,
    PublicHolidays,
    ScheduleChange,
    SpecialDay,
    TimeRange,
)
from tests.support.calendars import WEEKLY, paris_hours
from tests.support.messages import FIX, assert_message
from tests.support.zones import PARIS


class TestTimeRanges:
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


class TestInvalidHours:
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


class TestAnnualDaysAndSeasonsInput:
    def test_a_single_annual_day_or_season_is_accepted(self) -> None:
        from servicecharter import AnnualDay, Season

        day = AnnualDay(12, 24, "09:00-12:00")
        summer = Season([7, 8], {"Mo-Fr": "09:00-12:00"})
        hours = OpeningHours(
            {"Mo-Fr": "09:00-17:00"}, "UTC", annual_days=day, seasons=summer
        )
        assert hours.annual_days == (day,)
        assert hours.seasons == (summer,)

    @pytest.mark.parametrize(("field", "value"), [("annual_days", 5), ("seasons", [3])])
    def test_other_values_raise_our_error(self, field: str, value: object) -> None:
        from servicecharter import InvalidHoursError

        with pytest.raises(InvalidHoursError, match=r"objects or their arguments"):
            OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC", **{field: value})


class TestEqualityAndPickle:
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
