"""Deadline rules: each charter sentence, scalar and array, words and laws."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, InvalidRuleError
from servicecharter.rules import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    EarliestOf,
    EndOfPeriod,
    LatestOf,
    NextOpening,
    SameBusinessDay,
    parse_rule,
)
from tests.support.zones import PARIS, paris

H = dt.timedelta(hours=1)

# ``cal`` (tests/conftest.py) is the Paris desk: 09:00-12:00 and 14:00-17:00
# on weekdays, closed on French public holidays.


def utc64(*moments: dt.datetime) -> np.ndarray:
    return np.array(
        [m.astimezone(dt.UTC).replace(tzinfo=None) for m in moments],
        dtype="datetime64[us]",
    )


class TestSeedSentences:
    def test_anomalies_four_business_hours(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("4 business hours")
        assert rule.deadline(cal, paris(2026, 3, 27, 16, 30)) == paris(
            2026, 3, 30, 14, 30
        )

    def test_installation_twelve_business_hours(self, cal: BusinessCalendar) -> None:
        # Friday 0.5 h, Monday 6 h, Tuesday 3 h + 2.5 h.
        due = parse_rule("12 business hours").deadline(cal, paris(2026, 3, 27, 16, 30))
        assert due == paris(2026, 3, 31, 16, 30)

    def test_web_form_three_business_days(self, cal: BusinessCalendar) -> None:
        # Friday 3 April, (Easter Monday skipped) Tuesday 7, Wednesday 8.
        due = parse_rule("3 business days").deadline(cal, paris(2026, 4, 2, 10))
        assert due == paris(2026, 4, 8, 17)

    def test_same_time_variant(self, cal: BusinessCalendar) -> None:
        due = BusinessDays(3, "same_time").deadline(cal, paris(2026, 4, 2, 10, 15))
        assert due == paris(2026, 4, 8, 10, 15)

    def test_callback_next_business_day_from_nine(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("next business day opening")
        assert rule.deadline(cal, paris(2026, 4, 3, 17, 30)) == paris(2026, 4, 7, 9)
        assert rule.deadline(cal, paris(2026, 4, 4, 11)) == paris(2026, 4, 7, 9)

    def test_next_opening_with_offset(self, cal: BusinessCalendar) -> None:
        rule = NextOpening(0, 2 * H)
        assert rule.deadline(cal, paris(2026, 4, 7, 12, 30)) == paris(2026, 4, 7, 16)

    def test_callback_within_24_hours(self, cal: BusinessCalendar) -> None:
        received = paris(2026, 3, 28, 23, 30)  # DST begins that night
        due = parse_rule("24 hours").deadline(cal, received)
        # Same-zone datetime subtraction is wall-clock in Python: go through UTC.
        assert due.astimezone(dt.UTC) - received.astimezone(dt.UTC) == 24 * H
        assert (due.day, due.hour, due.minute) == (30, 0, 30)  # 25 wall-clock hours

    def test_withdrawal_seven_days_rolled(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("7 days to end of day rolled to next business day")
        # Signed Saturday 4 April: day 7 is Saturday 11, rolled to Monday 13.
        assert rule.deadline(cal, paris(2026, 4, 4, 10)) == paris(2026, 4, 14)

    def test_board_meets_within_two_months(self, cal: BusinessCalendar) -> None:
        due = parse_rule("2 months").deadline(cal, paris(2026, 12, 31, 10))
        assert due == paris(2027, 2, 28, 10)

    def test_end_of_current_month(self, cal: BusinessCalendar) -> None:
        due = parse_rule("end of month").deadline(cal, paris(2026, 3, 31, 23, 30))
        assert due == paris(2026, 4, 1)


class TestSameBusinessDay:
    def test_before_closing_due_by_end_of_that_date(
        self, cal: BusinessCalendar
    ) -> None:
        due = SameBusinessDay().deadline(cal, paris(2026, 4, 7, 8))
        assert due == paris(2026, 4, 8)

    def test_after_closing_due_by_end_of_next_business_day(
        self, cal: BusinessCalendar
    ) -> None:
        due = SameBusinessDay().deadline(cal, paris(2026, 4, 3, 17))
        assert due == paris(2026, 4, 8)

    def test_reply_after_closing_same_date_counts(self, cal: BusinessCalendar) -> None:
        received = paris(2026, 4, 7, 10)
        assert paris(2026, 4, 7, 19) <= SameBusinessDay().deadline(cal, received)


class TestPeriods:
    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            ("day", (2026, 5, 14)),
            ("week", (2026, 5, 18)),
            ("month", (2026, 6, 1)),
            ("quarter", (2026, 7, 1)),
            ("year", (2027, 1, 1)),
        ],
    )
    def test_end_of_period(
        self, cal: BusinessCalendar, period: str, expected: tuple[int, int, int]
    ) -> None:
        due = EndOfPeriod(period).deadline(cal, paris(2026, 5, 13, 15))  # type: ignore[arg-type]
        assert due == paris(*expected)

    @given(
        st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)),
        st.integers(1, 40),
        st.sampled_from(["months", "years"]),
    )
    def test_months_follow_relativedelta(
        self, cal: BusinessCalendar, day: dt.date, amount: int, unit: str
    ) -> None:
        start = dt.datetime.combine(day, dt.time(10, 30), tzinfo=PARIS)
        expected = start + relativedelta(**{unit: amount})  # type: ignore[arg-type]
        due = CalendarPeriod(amount, unit).deadline(cal, start)  # type: ignore[arg-type]
        assert due.replace(tzinfo=None) == expected.replace(tzinfo=None)

    @given(st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31)), st.integers(1, 30))
    def test_roll_lands_on_business_day(
        self, cal: BusinessCalendar, day: dt.date, amount: int
    ) -> None:
        start = dt.datetime.combine(day, dt.time(10), tzinfo=PARIS)
        due = CalendarPeriod(amount, "days", roll="following").deadline(cal, start)
        plain = start + dt.timedelta(days=amount)
        assert cal.is_business_day(due.date())
        assert due.date() >= plain.date()
        assert cal.count_business_days(plain.date(), due.date()) == 0


class TestCombinations:
    def test_earliest_and_latest(self, cal: BusinessCalendar) -> None:
        received = paris(2026, 4, 7, 16)
        early = EarliestOf(["4 business hours", "end of day"]).deadline(cal, received)
        late = LatestOf(["4 business hours", "end of day"]).deadline(cal, received)
        assert (early, late) == (paris(2026, 4, 8), paris(2026, 4, 8, 14))

    def test_need_two_rules(self) -> None:
        with pytest.raises(InvalidRuleError, match="at least two"):
            EarliestOf(["4 business hours"])


RULES = [
    BusinessDuration(4 * H),
    BusinessDuration(dt.timedelta(minutes=90), "close"),
    BusinessDays(3),
    BusinessDays(1, "same_time"),
    CalendarPeriod(7, "days", "following", end_of_day=True),
    CalendarPeriod(24, "hours"),
    CalendarPeriod(2, "months", "preceding"),
    NextOpening(),
    NextOpening(0),
    NextOpening(2, dt.timedelta(hours=2)),
    SameBusinessDay(),
    EndOfPeriod("quarter"),
    EarliestOf([BusinessDuration(4 * H), SameBusinessDay()]),
    LatestOf([BusinessDays(2), EndOfPeriod("week")]),
]


class TestArraysAndWords:
    @pytest.mark.parametrize("rule", RULES, ids=str)
    def test_words_round_trip(self, rule: object) -> None:
        assert parse_rule(str(rule)) == rule

    @pytest.mark.parametrize("rule", RULES, ids=str)
    def test_scalar_equals_array_with_nat(
        self, cal: BusinessCalendar, rule: BusinessDuration
    ) -> None:
        rng = np.random.default_rng(3)
        start = np.datetime64("2026-01-01T00:00", "us").astype(np.int64)
        stamps = start + rng.integers(0, 400 * 86_400_000_000, 300)
        received = stamps.view("datetime64[us]").copy()
        received[7] = np.datetime64("NaT", "us")
        due = rule.deadline(cal, received)
        assert np.isnat(due[7])
        for i in range(0, 300, 13):
            if i == 7:
                continue
            moment = dt.datetime.fromtimestamp(int(stamps[i]) / 1e6, dt.UTC)
            one = rule.deadline(cal, moment)
            assert utc64(one)[0] == due[i], (str(rule), moment)

    def test_shape_kept(self, cal: BusinessCalendar) -> None:
        grid = np.full((2, 2), np.datetime64("2026-04-07T08:00", "us"))
        assert SameBusinessDay().deadline(cal, grid).shape == (2, 2)

    @pytest.mark.parametrize(
        "words",
        ["4 buisness hours", "3 days later", "", "earliest of (4 business hours"],
    )
    def test_unknown_words(self, words: str) -> None:
        with pytest.raises(InvalidRuleError, match="business hours"):
            parse_rule(words)

    def test_bad_fields(self) -> None:
        with pytest.raises(InvalidRuleError, match="duration must be positive"):
            BusinessDuration(dt.timedelta(0))
        with pytest.raises(InvalidRuleError, match="unit must be one of"):
            CalendarPeriod(3, "fortnights")  # type: ignore[arg-type]
        with pytest.raises(InvalidRuleError, match="days must be an integer >= 1"):
            BusinessDays(0)

    @given(st.text(max_size=40))
    def test_arbitrary_words_raise_only_library_errors(self, words: str) -> None:
        try:
            rule = parse_rule(words)
        except InvalidRuleError:
            return
        assert parse_rule(str(rule)) == rule


class TestConstructionErrors:
    """Rules that cannot say what they mean are refused, with the fix."""

    @pytest.mark.parametrize("cls", ["EarliestOf", "LatestOf"])
    def test_one_string_is_not_a_list_of_rules(self, cls: str) -> None:
        from servicecharter import rules

        with pytest.raises(InvalidRuleError, match=r"list of two or more rules"):
            getattr(rules, cls)("4 business hours")

    @pytest.mark.parametrize("minutes", [-90, -1, 0, 30])
    def test_next_opening_offset_of_either_sign_reads_back(self, minutes: int) -> None:
        from servicecharter.rules import NextOpening, parse_rule

        rule = NextOpening(1, dt.timedelta(minutes=minutes))
        assert parse_rule(str(rule)) == rule
        if minutes < 0:
            assert " - " in str(rule)
