"""Calendar time and business time in any unit, and what "1 day" means in each."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, InvalidRuleError
from servicecharter.rules import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    parse_rule,
)
from tests.support.zones import paris

MINUTE = dt.timedelta(minutes=1)


class TestMinutesAndFractions:
    @pytest.mark.parametrize(
        ("words", "rule"),
        [
            ("15 minutes", CalendarPeriod(15, "minutes")),
            ("90 minutes", CalendarPeriod(90, "minutes")),
            ("1 minute", CalendarPeriod(1, "minutes")),
            ("1.5 hours", CalendarPeriod(90, "minutes")),
            ("0.25 hours", CalendarPeriod(15, "minutes")),
            ("2 hours", CalendarPeriod(2, "hours")),
            ("1.5 business hours", BusinessDuration(90 * MINUTE)),
            ("15 business minutes", BusinessDuration(15 * MINUTE)),
            ("90 business minutes", BusinessDuration(90 * MINUTE)),
            ("0.5 business hours to close", BusinessDuration(30 * MINUTE, "close")),
        ],
    )
    def test_words(self, words: str, rule: object) -> None:
        assert parse_rule(words) == rule
        assert parse_rule(str(rule)) == rule

    def test_minutes_are_elapsed_time(self, cal: BusinessCalendar) -> None:
        # Saturday night, closed: calendar minutes pass all the same.
        start = paris(2026, 3, 28, 23, 50)
        assert parse_rule("15 minutes").deadline(cal, start) == start + 15 * MINUTE

    def test_minutes_across_the_spring_gap(self, cal: BusinessCalendar) -> None:
        # 01:50 + 90 minutes of real time is 04:20 on the wall (02:00-03:00 skipped).
        due = parse_rule("1.5 hours").deadline(cal, paris(2026, 3, 29, 1, 50))
        assert due == paris(2026, 3, 29, 4, 20)

    def test_business_fractions(self, cal: BusinessCalendar) -> None:
        due = parse_rule("1.5 business hours").deadline(cal, paris(2026, 3, 27, 16, 30))
        assert due == paris(2026, 3, 30, 10, 0)

    @pytest.mark.parametrize(
        "words", ["0.5 minutes", "1.5 days", "1.5 weeks", "0.5 months", "2.5 years"]
    )
    def test_fractions_that_are_not_whole(self, words: str) -> None:
        with pytest.raises(InvalidRuleError, match="not a whole number"):
            parse_rule(words)

    def test_a_fraction_of_a_microsecond(self) -> None:
        with pytest.raises(InvalidRuleError, match="whole number of microseconds"):
            parse_rule("0.5 business microseconds")

    @given(st.integers(1, 10_000), st.sampled_from(["minutes", "hours"]))
    def test_words_round_trip(self, amount: int, unit: str) -> None:
        rule = CalendarPeriod(amount, unit)  # type: ignore[arg-type]
        assert parse_rule(str(rule)) == rule


class TestWhatADayMeans:
    """ "1 day", "24 hours", "1 business day" and "8 business hours" differ."""

    def test_over_the_spring_change(self, cal: BusinessCalendar) -> None:
        saturday = paris(2026, 3, 28, 10)
        # A calendar day keeps the wall clock: 23 hours of real time.
        assert parse_rule("1 day").deadline(cal, saturday) == paris(2026, 3, 29, 10)
        # 24 hours of real time read 11:00 on the wall.
        assert parse_rule("24 hours").deadline(cal, saturday) == paris(2026, 3, 29, 11)
        # Business rules skip the weekend.
        assert parse_rule("1 business day").deadline(cal, saturday) == paris(
            2026, 3, 31, 17
        )
        assert parse_rule("8 business hours").deadline(cal, saturday) == paris(
            2026, 3, 31, 11
        )

    def test_over_the_autumn_change(self, cal: BusinessCalendar) -> None:
        saturday = paris(2026, 10, 24, 10)
        assert parse_rule("1 day").deadline(cal, saturday) == paris(2026, 10, 25, 10)
        assert parse_rule("24 hours").deadline(cal, saturday) == paris(2026, 10, 25, 9)

    def test_a_business_day_is_a_date_not_hours(self, cal: BusinessCalendar) -> None:
        # Received Monday 16:00 at a desk open 6 hours a day: the next
        # business day ends Tuesday 17:00; eight business hours run into
        # Wednesday (1 h on Monday, 6 on Tuesday, 1 on Wednesday).
        monday = paris(2026, 3, 30, 16)
        assert BusinessDays(1).deadline(cal, monday) == paris(2026, 3, 31, 17)
        assert parse_rule("8 business hours").deadline(cal, monday) == paris(
            2026, 4, 1, 10
        )
