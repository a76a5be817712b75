"""iCalendar closures as exports write them: every day of an event, or a clear error.

All-day events may end by DURATION instead of DTEND, list more dates with
RDATE, and end a repeating rule at a UTC instant; none of their dates may
be left out, and a rule or argument that cannot be read is the library's
error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from servicecharter import InvalidArgumentError, InvalidHoursError, OpeningHours
from servicecharter.io.ical import read_closures, write_closures


def _calendar(*lines: str) -> str:
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    body = "".join(line + "\r\n" for line in ["DTSTAMP:20260101T000000Z", *lines])
    return head + body + "END:VEVENT\r\nEND:VCALENDAR\r\n"


def _days(*lines: str, **options: Any) -> list[dt.date]:
    return sorted(read_closures(_calendar(*lines), **options).holidays)


def test_an_event_lasting_a_duration_gives_each_day() -> None:
    days = _days("DTSTART;VALUE=DATE:20261224", "DURATION:P3D")
    assert days == [dt.date(2026, 12, d) for d in (24, 25, 26)]


def test_a_duration_that_is_not_whole_days_is_refused() -> None:
    with pytest.raises(InvalidHoursError, match="not whole days"):
        _days("DTSTART;VALUE=DATE:20261224", "DURATION:PT12H")


def test_rdate_dates_are_read() -> None:
    days = _days("DTSTART;VALUE=DATE:20261224", "RDATE;VALUE=DATE:20270101,20270102")
    assert days == [dt.date(2026, 12, 24), dt.date(2027, 1, 1), dt.date(2027, 1, 2)]


def test_a_rule_ending_at_a_utc_instant_ends_on_that_date() -> None:
    days = _days(
        "DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=DAILY;UNTIL=20261227T000000Z"
    )
    assert days == [dt.date(2026, 12, d) for d in (24, 25, 26, 27)]


def test_a_rule_that_cannot_be_read_is_named() -> None:
    with pytest.raises(InvalidHoursError, match="FREQ=FOO"):
        _days("DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=FOO", years=(2026, 2027))


@pytest.mark.parametrize("years", [(2026,), ("2026", "2027"), (2027, 2026), (1, 2)])
def test_years_must_be_two_years_in_order(years: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="years must be"):
        _days("DTSTART;VALUE=DATE:20261224", "RRULE:FREQ=YEARLY", years=years)


def test_a_source_of_another_type_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="source must be"):
        read_closures(5)  # type: ignore[arg-type]


HOURS = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris", holidays="FR")


@pytest.mark.parametrize(
    ("hours", "first", "match"),
    [
        (HOURS, "2026-01-01", "first must be a date"),
        (HOURS, dt.datetime(2026, 1, 1), "first must be a date"),
        (HOURS, None, "first must be a date"),
        ("Mo-Fr 09:00-17:00", dt.date(2026, 1, 1), "hours must be OpeningHours"),
    ],
)
def test_write_closures_checks_its_arguments(
    hours: Any, first: Any, match: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=match):
        write_closures(hours, first, dt.date(2026, 12, 31))
