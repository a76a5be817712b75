from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import (
    AnnualDay,
    InvalidArgumentError,
    OpeningHours,
    SpecialDay,
)
from servicecharter.plot import week_plan
from tests.plot.test_segments import SCHEDULES, WINDOWS, _pair
from tests.support.plot_reference import open_wall_minutes
from tests.support.reference import DAY_MIN


def _changes_clock(day: dt.date, zone) -> bool:
    noon = dt.datetime.combine(day, dt.time(12), zone)
    before = (noon - dt.timedelta(hours=13)).utcoffset()
    after = (noon + dt.timedelta(hours=13)).utcoffset()
    return before != after


def _covers(ref, day: dt.date) -> bool:
    number = (day - dt.date(1970, 1, 1)).days
    return ref.wall[0] <= number * DAY_MIN and ref.wall[-1] >= (number + 1) * DAY_MIN


def _minutes(pieces) -> set[int]:
    return {
        m for start, end in pieces for m in range(round(start * 60), round(end * 60))
    }


class TestWeekPlan:
    @given(st.integers(0, len(SCHEDULES) - 1), st.integers(0, len(WINDOWS) - 1))
    def test_open_minutes_match_minute_by_minute_reading(self, schedule, window):
        cal, ref = _pair(schedule, window)
        week = (WINDOWS[window] + dt.timedelta(days=2)).date()
        checked = 0
        for plan in week_plan(cal, week):
            if _changes_clock(plan.day, cal.tz) or not _covers(ref, plan.day):
                continue  # the wall clock skips or repeats: see the DST tests
            assert _minutes(plan.pieces) == open_wall_minutes(ref, plan.day), plan.day
            checked += 1
        assert checked >= 4

    def test_starts_on_monday_and_splits_at_midnight(self):
        hours = OpeningHours.parse("Fr 22:00-02:00", tz="Europe/Paris")
        plans = week_plan(hours, dt.date(2026, 4, 12))  # a Sunday
        assert [p.day for p in plans][0::6] == [
            dt.date(2026, 4, 6),
            dt.date(2026, 4, 12),
        ]
        assert plans[4].pieces == ((22.0, 24.0),)
        assert plans[5].pieces == ((0.0, 2.0),)
        assert plans[0].pieces == ()

    def test_the_spring_gap_and_the_autumn_fold(self):
        night = OpeningHours.parse("Mo-Su 01:00-04:00", tz="Europe/Paris")
        spring = week_plan(night, dt.date(2026, 3, 29))[6]  # 02:00 becomes 03:00
        autumn = week_plan(night, dt.date(2026, 10, 25))[6]  # 03:00 becomes 02:00
        assert spring.pieces == ((1.0, 4.0),)  # on the wall clock, as written
        assert autumn.pieces == ((1.0, 4.0),)

    def test_kinds_follow_the_order_of_ranges_on(self):
        hours = OpeningHours(
            {"Mo-Fr": "09:00-17:00"},
            "Europe/Paris",
            holidays="FR",
            closures=["2026-05-01", "2026-05-06"],
            special_days=[
                SpecialDay("2026-05-08", "10:00-12:00"),
                SpecialDay("2026-05-07", ()),
            ],
            annual_days=[AnnualDay(5, 5, "09:00-10:00")],
        )
        plans = week_plan(hours, dt.date(2026, 5, 4))
        kinds = {p.day.day: p.kind for p in plans}
        assert kinds == {
            4: "",
            5: "annual hours",
            6: "closed",
            7: "special hours",  # a special day with no hours is closed too
            8: "special hours",  # 8 May is a holiday, but the special day wins
            9: "",
            10: "",
        }
        assert week_plan(hours, dt.date(2026, 4, 28))[4].kind == "closed"  # 1 May
        assert week_plan(hours, dt.date(2026, 5, 14))[3].kind == "public holiday"
        assert plans[4].pieces == ((10.0, 12.0),)

    @pytest.mark.parametrize(
        "week", [dt.datetime(2026, 4, 6, tzinfo=dt.UTC), "2026-04-06", 20260406]
    )
    def test_week_must_be_a_date(self, week):
        hours = OpeningHours.parse("Mo-Fr 09:00-17:00", tz="UTC")
        with pytest.raises(InvalidArgumentError, match=r"week must be a date"):
            week_plan(hours, week)

    def test_calendar_must_be_one(self):
        with pytest.raises(InvalidArgumentError, match=r"OpeningHours\.parse"):
            week_plan("Mo-Fr 09:00-17:00", dt.date(2026, 4, 6))
