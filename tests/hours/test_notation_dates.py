"""Date ranges with moving ends, other years, steps and day lists.

Each value is checked on the dates it is about, as opening_hours.js reads
it (the golden tables compare the intervals too), and written back by
``format`` to a text that reads to the same dates.
"""

from __future__ import annotations

import datetime as dt

import pytest

from servicecharter.hours.notation import parse_rules
from servicecharter.hours.notation_write_rules import format_rules
from servicecharter.hours.osm_dates import EASTER, DatePoint, DateRange, nth_weekday


def selected(text: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """The dates from ``first`` to ``last`` that the one rule of ``text`` selects."""
    (rule,) = parse_rules(text)
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return [day for day in days if rule.selector.matches(day, {})]


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


class TestMovingEnds:
    def test_easter_range(self) -> None:
        # Easter 2026 is April 5: Good Friday to Easter Monday, inclusive.
        days = selected("easter -2 days-easter +1 day off", d(3, 1), d(5, 1))
        assert days == span(d(4, 3), d(4, 6))

    def test_easter_to_a_date_and_back(self) -> None:
        assert selected("easter-Apr 07", d(3, 1), d(5, 1)) == span(d(4, 5), d(4, 7))
        assert selected("Apr 03-easter", d(3, 1), d(5, 1)) == span(d(4, 3), d(4, 5))

    def test_date_to_easter_wraps_over_new_year(self) -> None:
        days = selected("Dec 25-easter", d(12, 20, 2025), d(4, 10))
        assert days == span(d(12, 25, 2025), d(4, 5))

    def test_nth_weekday_ends(self) -> None:
        # Summer time in the EU: last Sunday of March to the day before the
        # last Sunday of October (2026: March 29, October 25).
        days = selected("Mar Su[-1]-Oct Su[-1] -1 day", d(3, 1), d(11, 30))
        assert days[0] == d(3, 29)
        assert days[-1] == d(10, 24)
        assert len(days) == (d(10, 24) - d(3, 29)).days + 1

    def test_date_to_nth_weekday(self) -> None:
        # The first Monday of August 2026 is August 3.
        assert selected("Aug 01-Aug Mo[1]", d(7, 25), d(8, 10)) == span(
            d(8, 1), d(8, 3)
        )

    def test_nth_weekday_with_offsets_on_both_ends(self) -> None:
        # First Sunday of January 2026: the 4th; third: the 18th.
        days = selected("Jan Su[1] +2 days-Jan Su[3] -2 days", d(1, 1), d(1, 31))
        assert days == span(d(1, 6), d(1, 16))

    def test_nth_weekday(self) -> None:
        assert nth_weekday(2026, 3, 6, -1) == d(3, 29)
        assert nth_weekday(2026, 8, 0, 1) == d(8, 3)
        assert nth_weekday(2026, 2, 6, 5) is None


class TestYears:
    def test_range_over_new_year(self) -> None:
        text = "2026 Dec 24-2027 Jan 06 off"
        days = selected(text, d(12, 1), d(1, 31, 2027))
        assert days == span(d(12, 24), d(1, 6, 2027))
        assert selected(text, d(1, 1), d(1, 31)) == []  # not January 2026

    def test_range_across_years(self) -> None:
        days = selected("2010 Jan 01-2013 Dec 30", d(12, 29, 2013), d(1, 2, 2014))
        assert days == [d(12, 29, 2013), d(12, 30, 2013)]

    def test_months_of_one_year(self) -> None:
        days = selected("2026 Jan-Feb", d(12, 30, 2025), d(3, 2))
        assert days == span(d(1, 1), d(2, 28))
        into_next = selected("2025 Dec-Jan", d(11, 30, 2025), d(2, 1))
        assert into_next == span(d(12, 1, 2025), d(1, 31))

    def test_open_and_stepped_years(self) -> None:
        (rule,) = parse_rules("2013,2020-2029/3,2055/2,2060+ Jan 01")
        years = [y for y in range(2010, 2070) if rule.selector.matches(d(1, 1, y), {})]
        expected = [2013, 2020, 2023, 2026, 2029, 2055, 2057, 2059]
        assert years == expected + list(range(2060, 2070))


class TestDays:
    def test_days_of_one_month(self) -> None:
        days = selected("Dec 11,15-17,19-23/2,24,25", d(12, 1), d(12, 31))
        wanted = [11, 15, 16, 17, 19, 21, 23, 24, 25]
        assert days == [d(12, n) for n in wanted]

    def test_a_step_of_days(self) -> None:
        days = selected("Jan 01-31/8", d(1, 1), d(1, 31))
        assert days == [d(1, 1), d(1, 9), d(1, 17), d(1, 25)]

    def test_a_time_after_a_comma_is_a_new_rule(self) -> None:
        rules = parse_rules("Dec 24,10:00-12:00")
        assert len(rules) == 2
        assert rules[1].kind == "additional"


@pytest.mark.parametrize(
    "text",
    [
        "easter -2 days-easter +1 day off",
        "Aug,Dec 25-easter",
        "Mar Su[-1]-Oct Su[-1] -1 day open",
        "Jan Su[1] +2 days-Jan Su[3] -2 days",
        "Jan 20-Jan Su[-1]",
        "2026 Dec 24-2027 Jan 06 off",
        "2012 Jan-Feb",
        "2025 Dec-2026 Jan",
        "2012 easter -2 days-2012 easter +2 days",
        "Jan 01-31/8",
        "Dec 11,15-17,19-23/2,24,25",
        "2013,2020-2029/3,2055/2,2060+ Jan 01",
        "2026 Jan Su[1]-2026 Feb 02",
    ],
)
def test_format_reads_back_to_the_same_dates(text: str) -> None:
    rules = parse_rules(text)
    again = parse_rules(format_rules(rules))
    days = span(d(1, 1, 2011), d(12, 31, 2013)) + span(d(1, 1, 2025), d(12, 31, 2027))
    for first, second in zip(rules, again, strict=True):
        assert [first.selector.matches(x, {}) for x in days] == [
            second.selector.matches(x, {}) for x in days
        ]


def test_point_writes_its_notation() -> None:
    assert str(DatePoint(EASTER, offset=-2)) == "easter -2 days"
    assert str(DateRange(DatePoint(1, 1), DatePoint(1, 31), step=8)) == "Jan 01-31/8"
