"""Cut-offs and clock-time deadlines: DST days, holidays and the boundaries.

``cal`` is the Paris desk (09:00-12:00, 14:00-17:00 on weekdays, French
public holidays); Easter Monday 2026 is 6 April, the spring change the
night of 28 to 29 March, the autumn one the night of 24 to 25 October.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import (
    BusinessCalendar,
    InvalidCharterError,
    InvalidRuleError,
    OpeningHours,
)
from servicecharter.io import dumps, loads
from servicecharter.rules import (
    BusinessDayAt,
    BusinessDays,
    CutOff,
    NextOpening,
    parse_rule,
)
from servicecharter.strategies import instants
from tests.support.calendars import paris_calendar
from tests.support.charter_files import HEAD
from tests.support.zones import PARIS, paris

PARIS_DESK = paris_calendar()


def as_array(*moments: dt.datetime) -> np.ndarray:
    return np.array(
        [m.astimezone(dt.UTC).replace(tzinfo=None) for m in moments], "M8[us]"
    )


class TestBusinessDayAt:
    def test_by_sixteen_the_next_business_day(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("by 16:00 next business day")
        assert rule == BusinessDayAt(1, "16:00")
        assert rule.deadline(cal, paris(2026, 3, 30, 10)) == paris(2026, 3, 31, 16)

    def test_over_easter_monday(self, cal: BusinessCalendar) -> None:
        # Thursday 2 April: Friday 3; Friday 3: Tuesday 7 (Monday 6 is a holiday).
        rule = BusinessDayAt(1, "16:00")
        assert rule.deadline(cal, paris(2026, 4, 2, 10)) == paris(2026, 4, 3, 16)
        assert rule.deadline(cal, paris(2026, 4, 3, 10)) == paris(2026, 4, 7, 16)

    def test_a_weekend_receipt_is_due_on_monday(self, cal: BusinessCalendar) -> None:
        # The date of receipt is day zero, so Saturday's next business day is
        # Monday (BusinessDays, which rolls the receipt forward first, says
        # Tuesday).
        saturday = paris(2026, 3, 28, 11)
        assert BusinessDayAt(1, "16:00").deadline(cal, saturday) == paris(
            2026, 3, 30, 16
        )
        assert BusinessDays(1).deadline(cal, saturday) == paris(2026, 3, 31, 17)

    def test_end_of_next_business_day(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("end of next business day")
        assert rule == BusinessDayAt(1, "close")
        assert rule.deadline(cal, paris(2026, 4, 3, 18)) == paris(2026, 4, 7, 17)
        three = parse_rule("end of 3 business days")
        assert three.deadline(cal, paris(2026, 4, 2, 9)) == paris(2026, 4, 8, 17)

    def test_midnight_is_the_end_of_the_date(self, cal: BusinessCalendar) -> None:
        rule = parse_rule("by 24:00 next business day")
        assert rule.deadline(cal, paris(2026, 3, 30, 10)) == paris(2026, 4, 1)

    def test_on_dst_days(self) -> None:
        # A desk open on Sundays: 02:30 does not exist on 29 March (the gap
        # moves it to 03:00); on 25 October 02:30 happens twice (the earlier).
        desk = BusinessCalendar(OpeningHours({"Mo-Su": "00:00-24:00"}, PARIS))
        rule = BusinessDayAt(1, "02:30")
        spring = rule.deadline(desk, paris(2026, 3, 28, 12))
        assert spring.isoformat() == "2026-03-29T03:00:00+02:00"
        autumn = rule.deadline(desk, paris(2026, 10, 24, 12))
        assert autumn.astimezone(dt.UTC) == dt.datetime(
            2026, 10, 25, 0, 30, tzinfo=dt.UTC
        )
        # 16:00 on the short day is still 16:00 on the wall.
        short = BusinessDayAt(1, "16:00").deadline(desk, paris(2026, 3, 28, 12))
        assert short == paris(2026, 3, 29, 16)

    def test_scalar_and_array_agree(self, cal: BusinessCalendar) -> None:
        moments = [paris(2026, 4, d, h) for d in (2, 3, 4, 5, 6) for h in (0, 9, 18)]
        for words in ("by 16:00 in 2 business days", "end of next business day"):
            rule = parse_rule(words)
            array = rule.deadline(cal, as_array(*moments))
            assert array.tolist() == [
                rule.deadline(cal, m).astimezone(dt.UTC).replace(tzinfo=None)
                for m in moments
            ]

    @pytest.mark.parametrize("at", ["25:00", "9:00", "16h", "24:30", "", "noon"])
    def test_bad_times(self, at: str) -> None:
        with pytest.raises(InvalidRuleError, match="local time like '16:00'"):
            BusinessDayAt(1, at)

    def test_bad_days(self) -> None:
        with pytest.raises(InvalidRuleError, match=">= 1"):
            BusinessDayAt(0, "16:00")


class TestCutOff:
    RULE = CutOff("15:00", "same business day")

    def test_before_the_cut_off(self, cal: BusinessCalendar) -> None:
        due = self.RULE.deadline(cal, paris(2026, 3, 30, 14, 59))
        assert due == paris(2026, 3, 31)  # the end of Monday

    def test_at_the_cut_off_is_late(self, cal: BusinessCalendar) -> None:
        # At 15:00 exactly: counts from Tuesday's opening, due by its end.
        due = self.RULE.deadline(cal, paris(2026, 3, 30, 15))
        assert due == paris(2026, 4, 1)

    def test_counts_as_received_at_the_next_opening(
        self, cal: BusinessCalendar
    ) -> None:
        rule = parse_rule("4 business hours with cut-off 15:00")
        assert rule == CutOff("15:00", "4 business hours")
        # Monday 15:30 counts as Tuesday 09:00: 3 h Tuesday morning + 1 h.
        assert rule.deadline(cal, paris(2026, 3, 30, 15, 30)) == paris(2026, 3, 31, 15)
        # Without the cut-off: 1.5 h on Monday, 2.5 h on Tuesday.
        assert parse_rule("4 business hours").deadline(
            cal, paris(2026, 3, 30, 15, 30)
        ) == paris(2026, 3, 31, 11, 30)

    def test_over_a_holiday(self, cal: BusinessCalendar) -> None:
        # Friday 3 April after 15:00: the next business day is Tuesday 7.
        rule = CutOff("15:00", NextOpening(0))
        assert rule.deadline(cal, paris(2026, 4, 3, 16)) == paris(2026, 4, 7, 9)

    def test_on_a_dst_night(self) -> None:
        desk = BusinessCalendar(OpeningHours({"Mo-Su": "01:00-23:00"}, PARIS))
        # A cut-off at 02:30 on 29 March is 03:00 (the gap's end): 02:59 UTC+1
        # does not exist, so 01:30 UTC (03:30 CEST) is late...
        rule = CutOff("02:30", NextOpening(0))
        late = dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
        assert rule.deadline(desk, late) == paris(2026, 3, 30, 1)
        # ... and 00:59 UTC (01:59 CET) is not.
        early = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)
        assert rule.deadline(desk, early).astimezone(dt.UTC) == early

    def test_words_in_a_combination(self) -> None:
        rule = parse_rule(
            "earliest of (4 business hours; end of day) with cut-off 15:00"
        )
        assert isinstance(rule, CutOff)
        assert parse_rule(str(rule)) == rule

    def test_no_cut_off_in_a_cut_off(self) -> None:
        with pytest.raises(InvalidRuleError, match="cannot hold another cut-off"):
            CutOff("15:00", CutOff("12:00", "same business day"))
        with pytest.raises(InvalidRuleError, match="expected a deadline rule"):
            CutOff("15:00", 4)

    @settings(max_examples=60, deadline=None)
    @given(instants(dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                    dt.datetime(2027, 1, 1, tzinfo=dt.UTC), tz="Europe/Paris"),
           st.sampled_from(["09:00", "12:00", "15:00", "17:00"]))  # fmt: skip
    def test_never_earlier_than_without_it(
        self, received: dt.datetime, time: str
    ) -> None:
        # A cut-off only ever moves a receipt later, and rules are monotone.
        cal = PARIS_DESK
        for words in ("4 business hours", "same business day", "next opening"):
            plain = parse_rule(words).deadline(cal, received)
            assert CutOff(time, words).deadline(cal, received) >= plain


class TestInFiles:
    def test_tables_and_words_round_trip(self) -> None:
        text = (
            HEAD
            + '[calendars.default]\nhours = "Mo-Fr 09:00-17:00"\n'
            + '[[engagements]]\nid = "e"\ntitle = "E"\nobjectives = [\n'
            + '  "by 16:00 next business day",\n'
            + '  {within = {kind = "cut_off", time = "15:00", '
            + 'rule = "same business day"}},\n'
            + '  {within = {kind = "business_day_at", days = 2, at = "close"}},\n]\n'
        )
        charter = loads(text)
        rules = [o.within for o in charter.engagements[0].objectives]
        assert rules == [
            BusinessDayAt(1, "16:00"),
            CutOff("15:00", "same business day"),
            BusinessDayAt(2, "close"),
        ]
        assert loads(dumps(charter)) == charter
        assert '"end of 2 business days"' in dumps(charter)

    def test_bad_table(self) -> None:
        text = (
            HEAD
            + '[calendars.default]\nhours = "Mo-Fr 09:00-17:00"\n'
            + '[[engagements]]\nid = "e"\ntitle = "E"\n'
            + 'objectives = [{within = {kind = "cut_off", time = "3pm", rule = "x"}}]\n'
        )
        with pytest.raises(InvalidCharterError, match=r"within\.time"):
            loads(text)
