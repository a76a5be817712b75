"""OSM rule order, the whole notation and the friction a newcomer hit.

Worked examples from DESIGN.md ("The opening_hours notation means what
OpenStreetMap says") and from opening_hours.js's behaviour, each checked
on the dates it is about; a property that writing and reading back keeps
every date's ranges.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from servicecharter import (
    InvalidHoursError,
    NotationError,
    NotationWarning,
    OpeningHours,
    ServiceCharterWarning,
)
from servicecharter._core.units import day_number
from servicecharter.calendar.compile import compile_days
from servicecharter.strategies import notation_texts, opening_hours

FRIDAY = dt.date(2026, 6, 5)
SATURDAY = dt.date(2026, 6, 6)
MAY_DAY = dt.date(2026, 5, 1)  # a Friday, a French public holiday


def ranges(text: str, day: dt.date, **options: object) -> list[str]:
    options.setdefault("tz", "Europe/Paris")
    hours = OpeningHours.parse(text, **options)  # type: ignore[arg-type]
    return [str(r) for r in hours.ranges_on(day)]


class TestRuleOrder:
    def test_later_rule_cuts_the_night(self) -> None:
        text = "Fr 22:00-02:00; Sa 10:00-12:00"
        assert ranges(text, FRIDAY) == ["22:00-24:00"]
        assert ranges(text, SATURDAY) == ["10:00-12:00"]

    def test_earlier_rule_keeps_the_night(self) -> None:
        assert ranges("Sa 10:00-12:00; Fr 22:00-02:00", FRIDAY) == ["22:00-02:00"]

    def test_additional_rule_adds(self) -> None:
        text = "Fr 22:00-02:00, Sa 10:00-12:00"
        assert ranges(text, FRIDAY) == ["22:00-02:00"]
        assert ranges(text, SATURDAY) == ["10:00-12:00"]

    def test_ph_off_first_is_overridden_and_last_wins(self) -> None:
        first = ranges("PH off; Mo-Su 10:00-18:00", MAY_DAY, holidays="FR")
        last = ranges("Mo-Su 10:00-18:00; PH off", MAY_DAY, holidays="FR")
        assert (first, last) == (["10:00-18:00"], [])

    def test_season_off_first_is_overridden(self) -> None:
        july = dt.date(2026, 7, 3)
        assert ranges("Jul-Aug off; Mo-Fr 09:00-17:00", july) == ["09:00-17:00"]
        assert ranges("Mo-Fr 09:00-17:00; Jul-Aug off", july) == []

    def test_bar_hours(self) -> None:
        text = "Mo-Th 18:00-02:00; Fr-Sa 18:00-04:00"
        thursday, sunday = dt.date(2026, 6, 4), dt.date(2026, 6, 7)
        assert ranges(text, thursday) == ["18:00-24:00"]  # Friday's rule cuts it
        assert ranges(text, SATURDAY) == ["18:00-04:00"]
        assert ranges(text, sunday) == []

    def test_valid_value_once_refused(self) -> None:
        text = "Mo-Th 06:00-01:00; Fr-Su 00:00-24:00"
        assert ranges(text, dt.date(2026, 6, 1)) == ["06:00-01:00"]
        assert ranges(text, dt.date(2026, 6, 4)) == ["06:00-24:00"]
        assert ranges(text, FRIDAY) == ["00:00-24:00"]

    def test_off_with_times_closes_only_them(self) -> None:
        text = "Mo-Fr 08:00-18:00; We 12:00-14:00 off"
        assert ranges(text, dt.date(2026, 6, 3)) == ["08:00-12:00", "14:00-18:00"]

    def test_fallback_fills_closed_times(self) -> None:
        text = "Mo-Fr 10:00-12:00 || Mo 13:00-14:00"
        assert ranges(text, dt.date(2026, 6, 1)) == ["10:00-12:00", "13:00-14:00"]


class TestConstructs:
    @pytest.mark.parametrize(
        ("text", "day", "expected"),
        [
            ("mo-fr 8:30-12:00", FRIDAY, ["08:30-12:00"]),
            ("MO-FR 9-17", FRIDAY, ["09:00-17:00"]),
            ("Mo-Su 10:00-18:00; Dec 24-26 off", dt.date(2026, 12, 25), []),
            (
                "Mo-Su 10:00-18:00; Dec 24-26 off",
                dt.date(2026, 12, 27),
                ["10:00-18:00"],
            ),
            ("Su[1] 10:00-12:00", dt.date(2026, 6, 7), ["10:00-12:00"]),
            ("Su[1] 10:00-12:00", dt.date(2026, 6, 14), []),
            ("Su[-1] 10:00-12:00", dt.date(2026, 5, 31), ["10:00-12:00"]),
            ("week 01-10 Mo 09:00-10:00", dt.date(2026, 3, 2), ["09:00-10:00"]),
            ("week 01-10 Mo 09:00-10:00", dt.date(2026, 6, 1), []),
            ("2026 Mo 09:00-10:00", dt.date(2027, 6, 7), []),
            ("2026-2027 Mo 09:00-10:00", dt.date(2027, 6, 7), ["09:00-10:00"]),
            ("easter 10:00-12:00", dt.date(2026, 4, 5), ["10:00-12:00"]),
            ("easter +1 day 10:00-12:00", dt.date(2026, 4, 6), ["10:00-12:00"]),
            ("Mo 18:00-26:00", dt.date(2026, 6, 1), ["18:00-02:00"]),
            ("Dec 24 Th 09:00-12:00", dt.date(2026, 12, 24), ["09:00-12:00"]),
            ("Dec 24 Mo 09:00-12:00", dt.date(2026, 12, 24), []),
            ("Mo-Fr open", FRIDAY, ["00:00-24:00"]),
            ("Mo-Fr: 09:00-17:00", FRIDAY, ["09:00-17:00"]),
            ("Fr 10am-12pm,1pm-8pm", FRIDAY, ["10:00-12:00", "13:00-20:00"]),
            ("Fr 9pm-12am", FRIDAY, ["21:00-24:00"]),
            ("Fr 10.00-12.30", FRIDAY, ["10:00-12:30"]),
            ("Fr 12:00 to 14:00", FRIDAY, ["12:00-14:00"]),
            ("Fr 10:00-12:00,", FRIDAY, ["10:00-12:00"]),
            ("Apr-Oct: Su[1] 14:00-18:00", dt.date(2026, 6, 7), ["14:00-18:00"]),
            ('24/7 closed: "always closed"', FRIDAY, []),
            ("Mo-Su 10:00-12:00; Dec 25,easter off", dt.date(2026, 4, 5), []),
            ("Sa[-1] +3 days 10:00-12:00", dt.date(2026, 6, 2), ["10:00-12:00"]),
            ("Sa[1] -5 days 10:00-12:00", dt.date(2026, 6, 1), ["10:00-12:00"]),
            ("Mo-Fr 09:00-17:00; Fr closed", FRIDAY, []),
        ],
    )
    def test_dates(self, text: str, day: dt.date, expected: list[str]) -> None:
        assert ranges(text, day) == expected

    def test_ph_plus_one_day(self) -> None:
        text = "Mo-Su 10:00-18:00; PH +1 day off"
        assert ranges(text, dt.date(2026, 5, 2), holidays="FR") == []
        assert ranges(text, MAY_DAY, holidays="FR") == ["10:00-18:00"]

    @pytest.mark.parametrize("policy", ["closed", "open"])
    def test_unknown_policy(self, policy: str) -> None:
        for text in ('Fr 10:00-12:00 "call"', "Fr 10:00-12:00 unknown", "Fr 10:00+"):
            got = ranges(text, FRIDAY, unknown=policy)
            assert got == ([] if policy == "closed" else [got[0]])
            if policy == "open":
                assert got[0].startswith("10:00-")

    def test_open_end_guess(self) -> None:
        assert ranges("Fr 18:00+", FRIDAY, unknown="open") == ["18:00-04:00"]
        assert ranges("Fr 07:00+,12:00-16:00", FRIDAY, unknown="open") == [
            "07:00-16:00"
        ]

    def test_unknown_refused_by_default(self) -> None:
        with pytest.raises(InvalidHoursError, match="unknown='closed'"):
            OpeningHours.parse("Mo-Fr 09:00-17:00 unknown", tz="UTC")

    def test_school_holidays_need_data(self) -> None:
        with pytest.raises(InvalidHoursError, match="school_holidays="):
            OpeningHours.parse("SH off", tz="UTC")

    def test_school_holidays(self) -> None:
        summer = [dt.date(2026, 7, 6) + dt.timedelta(days=i) for i in range(14)]
        text = "Mo-Fr 08:00-18:00; SH Mo-Fr 10:00-12:00"
        monday = dt.date(2026, 7, 6)
        assert ranges(text, monday, school_holidays=summer) == ["10:00-12:00"]
        assert ranges(text, FRIDAY, school_holidays=summer) == ["08:00-18:00"]


class TestFriction:
    def test_ph_without_holidays_warns(self) -> None:
        with pytest.warns(NotationWarning, match="holidays='FR'"):
            OpeningHours.parse("Mo-Fr 09:00-17:00; PH off", tz="Europe/Paris")
        assert issubclass(NotationWarning, ServiceCharterWarning)

    def test_same_start_and_end_is_an_error(self) -> None:
        with pytest.raises(NotationError, match="00:00-24:00") as info:
            OpeningHours.parse("Mo 09:00-09:00", tz="UTC")
        assert info.value.column == 3

    def test_one_digit_hour(self) -> None:
        one = OpeningHours.parse("Mo 9:00-17:00", tz="UTC")
        two = OpeningHours.parse("Mo 09:00-17:00", tz="UTC")
        assert one == two

    def test_holidays_in_the_file_form(self) -> None:
        hours = OpeningHours.parse(
            "Mo-Fr 09:00-17:00; PH off",
            tz="Europe/London",
            holidays={"country": "GB", "subdiv": "ENG"},
        )
        assert hours.ranges_on(dt.date(2026, 12, 25)) == ()


def _same_days(first: OpeningHours, second: OpeningHours) -> None:
    """The same open intervals from 20 March to 12 April 2026 (DST, Easter)."""
    start, stop = day_number(dt.date(2026, 3, 20)), day_number(dt.date(2026, 4, 12))
    one, two = compile_days(first, start, stop), compile_days(second, start, stop)
    assert one.opens_us.tolist() == two.opens_us.tolist()
    assert one.closes_us.tolist() == two.closes_us.tolist()


class TestRoundTrip:
    @settings(max_examples=150, deadline=None)
    @given(notation_texts())
    def test_rules_format_and_read_back(self, text: str) -> None:
        hours = OpeningHours.parse(
            text, tz="Europe/Paris", holidays=[MAY_DAY], unknown="open"
        )
        back = OpeningHours.parse(
            hours.format(), tz="Europe/Paris", holidays=[MAY_DAY], unknown="open"
        )
        assert back.rules == hours.rules or not hours.rules
        _same_days(hours, back)

    @settings(max_examples=60, deadline=None)
    @given(opening_hours(changes=False, closures=False))
    def test_structured_format_and_read_back(self, hours: OpeningHours) -> None:
        try:
            text = hours.format()
        except InvalidHoursError:
            return  # an overnight range the notation would cut: refused
        back = OpeningHours.parse(text, tz=hours.tz, holidays=hours.holidays)
        _same_days(hours, back)
