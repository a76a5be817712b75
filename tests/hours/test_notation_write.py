"""Tests for OpeningHours.format, the writer of the opening_hours notation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from servicecharter import (
    AnnualDay,
    HolidayDates,
    InvalidHoursError,
    OpeningHours,
    ScheduleChange,
    Season,
    SpecialDay,
    TimeRange,
)
from servicecharter.hours import DayRanges
from servicecharter.strategies import valid_week

UTC = "UTC"
WHOLE = (TimeRange(0, 86400),)
LAST_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def hours(weekly: Any = None, **kwargs: Any) -> OpeningHours:
    return OpeningHours(
        {} if weekly is None else weekly, kwargs.pop("tz", UTC), **kwargs
    )


def round_trip(model: OpeningHours) -> OpeningHours:
    return OpeningHours.parse(model.format(), tz=model.tz, holidays=model.holidays)


# -- strategies -------------------------------------------------------------


@st.composite
def day_ranges(draw: st.DrawFn) -> DayRanges:
    """Non-overlapping minute ranges of one day: overnight, 24:00, whole days."""
    points = sorted(draw(st.lists(st.integers(0, 2879), unique=True, max_size=6)))
    pairs = list(zip(points[::2], points[1::2], strict=False))
    pairs = [(start, end) for start, end in pairs if start < 1440]
    if pairs and pairs[-1][1] > pairs[-1][0] + 1440:
        pairs.pop()  # longer than a day
    return tuple(
        TimeRange(start * 60, 86400 if end == 1440 else end % 1440 * 60)
        for start, end in pairs
    )


RANGES = st.one_of(st.just(()), st.just(WHOLE), day_ranges())
# Without overnight ranges: the notation cuts those at an exception day.
DAY_RANGES = RANGES.map(lambda day: tuple(r for r in day if not r.crosses_midnight))
WEEKS = st.one_of(
    st.just((WHOLE,) * 7),
    st.builds(lambda day: (day,) * 7, RANGES),
    st.tuples(*[RANGES] * 7),
).map(valid_week)
MONTH_DAYS = st.integers(1, 12).flatmap(
    lambda month: st.tuples(st.just(month), st.integers(1, LAST_DAY[month - 1]))
)
ANY_SEASONS = st.builds(
    Season,
    st.frozensets(st.integers(1, 12), min_size=1),
    st.tuples(*[st.none() | DAY_RANGES] * 7),
)
DAY_SEASONS = ANY_SEASONS
DAY_WEEKS = WEEKS.map(
    lambda week: tuple(tuple(r for r in d if not r.crosses_midnight) for d in week)
)


@st.composite
def seasons(draw: st.DrawFn) -> list[Season]:
    """Seasons in the parser's normal form: each names a day, neighbours differ."""
    out: list[Season] = []
    for season in draw(st.lists(ANY_SEASONS, max_size=4)):
        named = any(day is not None for day in season.weekly)
        if named and (not out or out[-1].months != season.months):
            out.append(season)
    return out


@st.composite
def models(draw: st.DrawFn) -> OpeningHours:
    if draw(st.booleans()):  # weekly hours alone may cross midnight
        return OpeningHours(draw(WEEKS), "UTC")
    RANGES = DAY_RANGES  # noqa: N806 - the exceptions' ranges stay in their day
    holidays = draw(st.sampled_from([(), "FR", HolidayDates([dt.date(2026, 5, 1)])]))
    special = draw(st.dictionaries(st.dates(), RANGES, max_size=4))
    closures = draw(st.sets(st.dates().filter(lambda d: d not in special), max_size=3))
    return OpeningHours(
        draw(DAY_WEEKS),
        draw(st.sampled_from(["UTC", "Europe/Paris", "America/New_York"])),
        holidays=holidays,
        holiday_hours=draw(RANGES) if holidays else (),
        annual_days=[
            AnnualDay(month, day, value)
            for (month, day), value in draw(
                st.dictionaries(MONTH_DAYS, RANGES, max_size=4)
            ).items()
        ],
        seasons=draw(seasons()),
        special_days=special,
        closures=closures,
    )


class TestFixedExamples:
    @pytest.mark.parametrize(
        ("model", "text"),
        [
            (hours(), "off"),
            (hours({"Mo-Su": "00:00-24:00"}), "24/7"),
            (hours({"Mo-Fr": "09:00-17:00"}), "Mo-Fr 09:00-17:00"),
            (hours({"Mo-Su": "09:00-17:00"}), "Mo-Su 09:00-17:00"),
            (
                hours({"Mo-Fr": "09:00-12:00,14:00-17:00", "Sa": "10:00-12:00"}),
                "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00",
            ),
            (hours({"Mo,We,Fr": "09:00-10:00"}), "Mo,We,Fr 09:00-10:00"),
            (hours({"Mo-We,Sa-Su": "09:00-10:00"}), "Mo-We,Sa-Su 09:00-10:00"),
            (hours({"Su,Mo": "09:00-10:00"}), "Mo,Su 09:00-10:00"),
            (
                hours({"Mo": "09:00-10:00", "Tu": "10:00-11:00", "We": "09:00-10:00"}),
                "Mo,We 09:00-10:00; Tu 10:00-11:00",
            ),
            (hours({"Fr-Sa": "22:00-02:00"}), "Fr-Sa 22:00-02:00"),
            (hours({"Sa": "18:00-24:00"}), "Sa 18:00-24:00"),
            (hours({"Sa": "10:00-10:00"}), "Sa 10:00-34:00"),
            (hours({"Mo-Fr": "00:00-24:00"}), "Mo-Fr 00:00-24:00"),
            (
                hours({"Mo-Su": "00:00-24:00"}, holidays="FR"),
                "24/7; PH off",
            ),
            (
                hours({"Mo-Fr": "09:00-17:00"}, holidays="FR"),
                "Mo-Fr 09:00-17:00; PH off",
            ),
            (
                hours(
                    {"Mo-Fr": "09:00-17:00"}, holidays="FR", holiday_hours="10:00-12:00"
                ),
                "Mo-Fr 09:00-17:00; PH 10:00-12:00",
            ),
            (
                hours(
                    annual_days=[
                        (12, 31, "09:00-12:00"),
                        (1, 1),
                        (12, 24, "09:00-12:00"),
                    ]
                ),
                "Jan 01 off; Dec 24,Dec 31 09:00-12:00",
            ),
            (hours(annual_days=[(2, 29, "10:00-11:00")]), "Feb 29 10:00-11:00"),
            (
                hours(seasons=[([7, 8], {"Mo-Fr": "09:00-12:00", "Sa": ()})]),
                "Jul-Aug Mo-Fr 09:00-12:00; Jul-Aug Sa off",
            ),
            (hours(seasons=[(12, {"Mo-Su": "10:00-12:00"})]), "Dec 10:00-12:00"),
            (hours(seasons=[([1, 2, 11, 12], {"Su": ()})]), "Nov-Feb Su off"),
            (hours(seasons=[(range(1, 13), {"Mo-Su": ()})]), "Jan-Dec off"),
            (hours(seasons=[([1, 3, 4, 6], {"Mo": ()})]), "Jan,Mar-Apr,Jun Mo off"),
            (
                hours(seasons=[(7, {"Mo": ()}), (8, {"Mo": ()}), (7, {"Tu": ()})]),
                "Jul Mo off; Aug Mo off; Jul Tu off",
            ),
            (
                hours(special_days={"2026-12-24": "09:00-12:00", "2026-12-31": ()}),
                "2026 Dec 24 09:00-12:00; 2026 Dec 31 off",
            ),
            (hours(special_days={"0005-03-09": ()}), "0005 Mar 09 off"),
            (
                hours(closures=["2026-12-28", "2026-08-14"]),
                "2026 Aug 14,2026 Dec 28 off",
            ),
            (
                hours(
                    {"Mo-Fr": "09:00-17:00"},
                    holidays="FR",
                    annual_days=[(12, 24, "09:00-12:00")],
                    seasons=[([7, 8], {"Mo-Fr": "09:00-12:00"})],
                    special_days={"2026-12-31": "09:00-12:00"},
                    closures=["2026-12-28"],
                ),
                "Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00; PH off; "
                "Dec 24 09:00-12:00; 2026 Dec 28 off; 2026 Dec 31 09:00-12:00",
            ),
        ],
    )
    def test_format(self, model: OpeningHours, text: str) -> None:
        assert model.format() == text
        closures = [SpecialDay(day) for day in model.closures]
        expected = attrs.evolve(
            model,
            closures=(),
            special_days=[*model.special_days, *closures],
        )
        assert round_trip(model) == expected

    def test_holidays_without_hours_write_nothing(self) -> None:
        model = hours({"Mo": "09:00-10:00"}, holidays=())
        assert "PH" not in model.format()

    def test_parse_then_format_reads_the_same(self) -> None:
        text = "Mo-Fr 09:00-17:00; Sa-Su 10:00-12:00; Fr 09:00-17:00; PH off"
        model = OpeningHours.parse(text, tz="Europe/Paris", holidays="FR")
        assert model.format() == "Mo-Fr 09:00-17:00; Sa-Su 10:00-12:00; PH off"

    def test_rules_come_back_in_their_order(self) -> None:
        # Changed with OSM rule order: the Fr rule after PH off opens a
        # Friday holiday, so the rules stay as written.
        text = "Sa-Su 10:00-12:00; Mo-Fr 09:00-17:00; PH off; Fr 09:00-17:00"
        model = OpeningHours.parse(text, tz="Europe/Paris", holidays="FR")
        assert model.format() == text


class TestNormalForms:
    def test_closure_comes_back_as_a_closed_special_day(self) -> None:
        model = hours({"Mo-Fr": "09:00-17:00"}, closures=["2026-08-14"])
        back = round_trip(model)
        assert back.closures == frozenset()
        assert back.special_days == (SpecialDay("2026-08-14"),)
        assert back.ranges_on(dt.date(2026, 8, 14)) == ()

    def test_neighbouring_seasons_with_same_months_merge(self) -> None:
        model = hours(
            seasons=[
                ([7, 8], {"Mo-Fr": "09:00-12:00"}),
                ([8, 7], {"We": (), "Sa": "10:00-11:00"}),
            ]
        )
        assert model.format() == (
            "Jul-Aug Mo-Tu,Th-Fr 09:00-12:00; Jul-Aug We off; Jul-Aug Sa 10:00-11:00"
        )
        week = {"Mo-Tu,Th-Fr": "09:00-12:00", "We": (), "Sa": "10:00-11:00"}
        assert round_trip(model).seasons == (Season([7, 8], week),)

    def test_season_naming_no_weekday_is_left_out(self) -> None:
        model = hours(
            {"Mo": "09:00-10:00"},
            seasons=[(7, {"Mo": ()}), (8, [None] * 7), (7, {"Tu": ()})],
        )
        assert model.format() == "Mo 09:00-10:00; Jul Mo-Tu off"
        assert round_trip(model).seasons == (Season(7, {"Mo-Tu": ()}),)

    @given(st.data())
    def test_normal_forms_mean_the_same_hours(self, data: st.DataObject) -> None:
        seasons = data.draw(st.lists(DAY_SEASONS, max_size=5))
        model = hours(
            data.draw(DAY_WEEKS),
            holidays=HolidayDates([dt.date(2024, 5, 1)]),
            seasons=seasons,
            closures=data.draw(
                st.sets(st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
            ),
        )
        back = round_trip(model)
        first, last = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
        assert list(back.days(first, last)) == list(model.days(first, last))


class TestInexpressible:
    def test_schedule_changes(self) -> None:
        model = hours(
            {"Mo-Fr": "09:00-17:00"},
            changes=[ScheduleChange("2027-01-01", {"Mo-Fr": "08:00-18:00"})],
        )
        with pytest.raises(InvalidHoursError, match="schedule changes"):
            model.format()

    @pytest.mark.parametrize(
        "model",
        [
            hours({"Mo": "09:00:30-10:00"}),
            hours({"Mo": "09:00-10:00:01"}),
            hours(holiday_hours="09:00-10:00:30"),
            hours(annual_days=[(1, 1, "09:00:01-10:00")]),
            hours(seasons=[(1, {"Mo": "09:00:01-10:00"})]),
            hours(special_days={"2026-01-01": "09:00:01-10:00"}),
        ],
    )
    def test_seconds(self, model: OpeningHours) -> None:
        with pytest.raises(InvalidHoursError, match="whole minutes") as info:
            model.format()
        assert "09:00:" in str(info.value) or "10:00:" in str(info.value)


class TestRoundTrip:
    @given(models())
    def test_parse_format_is_identity(self, model: OpeningHours) -> None:
        if all(day and day[-1].crosses_midnight for day in model.weekly):
            try:  # every night runs into the next: may have no exact text
                model.format()
            except InvalidHoursError:
                return
        expected = attrs.evolve(
            model,
            closures=(),
            special_days=[*model.special_days, *map(SpecialDay, model.closures)],
        )
        assert round_trip(model) == expected

    @given(models())
    def test_format_is_canonical(self, model: OpeningHours) -> None:
        assume(not all(d and d[-1].crosses_midnight for d in model.weekly))
        text = model.format()
        assert round_trip(model).format() == text

    @given(models())
    def test_closures_round_trip_exactly_without_closures(
        self, model: OpeningHours
    ) -> None:
        assume(not all(d and d[-1].crosses_midnight for d in model.weekly))
        model = attrs.evolve(model, closures=())
        assert round_trip(model) == model
