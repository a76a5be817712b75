"""Ranges longer than a day (``Tu 23:59-48:00``), as opening_hours.js reads them.

An end may be written up to ``48:00``: the range runs into the next date
and no further. The expected intervals were read from opening_hours.js
(``new opening_hours(value).getOpenIntervals`` in UTC, 2012-01-30 to
2012-02-13); the committed golden tables check the same values on a year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from servicecharter import BusinessCalendar, NotationError, OpeningHours

UTC = dt.UTC
MONDAY = dt.datetime(2012, 1, 30, tzinfo=UTC)


def intervals(text: str, days: int = 7) -> list[tuple[str, str]]:
    """Open intervals from Monday 2012-01-30 for ``days`` days, as ISO pairs."""
    calendar = BusinessCalendar(OpeningHours.parse(text, tz="UTC"))
    found = []
    at, end = MONDAY, MONDAY + dt.timedelta(days=days)
    while True:
        opens = calendar.next_open(at)
        if opens >= end:
            return found
        closes = calendar.next_close(opens)
        found.append((opens.isoformat()[:16], closes.isoformat()[:16]))
        at = closes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tu 23:59-48:00", [("2012-01-31T23:59", "2012-02-02T00:00")]),
        ("Mo 00:00-48:00", [("2012-01-30T00:00", "2012-02-01T00:00")]),
        (
            "Mo 10:00-40:00; Tu 12:00-13:00",
            [
                ("2012-01-30T10:00", "2012-01-31T00:00"),
                ("2012-01-31T12:00", "2012-01-31T13:00"),
            ],
        ),
        ("Mo 10:00-40:00, Tu 12:00-13:00", [("2012-01-30T10:00", "2012-01-31T16:00")]),
        (
            "Su 20:00-44:00",
            [
                ("2012-01-30T00:00", "2012-01-30T20:00"),
                ("2012-02-05T20:00", "2012-02-06T20:00"),
            ],
        ),
    ],
)
def test_long_ranges_read_as_opening_hours_js(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert intervals(text) == expected


@pytest.mark.parametrize(
    "text", ["Tu 23:59-48:00", "Mo 00:00-48:00", "Mo 10:00-40:00; Tu 12:00-13:00"]
)
def test_long_ranges_write_back_as_read(text: str) -> None:
    hours = OpeningHours.parse(text, tz="UTC")
    assert hours.format() == text
    again = OpeningHours.parse(hours.format(), tz="UTC")
    assert intervals(again.format(), 14) == intervals(text, 14)


def test_a_range_over_a_day_keeps_its_rules() -> None:
    # The weekly table cannot say it (a day's range ends within the next
    # day), so the rules are kept; a range of exactly a day fits the table.
    assert OpeningHours.parse("Tu 23:59-48:00", tz="UTC").rules
    exactly = OpeningHours.parse("Mo 10:00-34:00", tz="UTC")
    assert not exactly.rules
    assert [r.length_s for r in exactly.weekly[0]] == [86_400]


def test_an_end_past_48_00_is_refused() -> None:
    with pytest.raises(NotationError, match="hour 49 out of range") as caught:
        OpeningHours.parse("Mo 10:00-49:00", tz="UTC")
    assert caught.value.column == 9
