"""The parts of a rule in any order, and parts of one kind given twice.

opening_hours.js reads a rule's selectors, times, state and comment in any
order; two parts of one kind not joined by a comma add up, with a warning.
Each case is checked against the canonical order, on the dates it is about.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from servicecharter import NotationWarning, OpeningHours
from servicecharter.hours.notation import parse_rules
from servicecharter.hours.notation_write_rules import format_rules

DAYS = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 400, 3)]


def ranges(text: str) -> list[tuple[str, ...]]:
    hours = OpeningHours.parse(text, tz="Europe/Paris", holidays="FR")
    return [tuple(str(r) for r in hours.ranges_on(day)) for day in DAYS]


def quietly(text: str) -> list[tuple[str, ...]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ranges(text)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("00:00-24:00 week 05 Feb", "Feb week 05 00:00-24:00"),
        ("Mo-Su week 05 Feb 00:00-24:00", "Feb week 05 Mo-Su 00:00-24:00"),
        ("week 05 Feb 2026-2027", "2026-2027 Feb week 05"),
        ("10:00-12:00 Mo", "Mo 10:00-12:00"),
        ("Mo open 10:00-12:00", "Mo 10:00-12:00 open"),
        ("open Mo 10:00-12:00", "Mo 10:00-12:00 open"),
        ("Mo 2026 Dec 24 off", "2026 Dec 24 Mo off"),
        ("PH Dec 25 off", "Dec 25 PH off"),
        ('"lunch" open Mo 10:00-12:00', 'Mo 10:00-12:00 open "lunch"'),
    ],
)
def test_any_order_reads_as_the_canonical_order(text: str, canonical: str) -> None:
    assert quietly(text) == quietly(canonical)
    assert format_rules(parse_rules(text)) == format_rules(parse_rules(canonical))


@pytest.mark.parametrize(
    ("text", "joined", "what"),
    [
        ("Mo 12:00-14:00 16:00-18:00", "Mo 12:00-14:00,16:00-18:00", "time ranges"),
        ("Mo-Sa 09:00-19:30 Su closed", "Mo-Su 09:00-19:30 closed", "weekdays"),
        ("Dec 24 Dec 26 off", "Dec 24,Dec 26 off", "date selectors"),
    ],
)
def test_two_parts_of_one_kind_add_up_with_a_warning(
    text: str, joined: str, what: str
) -> None:
    with pytest.warns(NotationWarning, match=f"two {what} in one rule") as caught:
        read = ranges(text)
    assert "separate two rules with ';'" in str(caught[0].message)
    assert read == quietly(joined)


def test_months_and_days_are_both_required() -> None:
    # A part of whole months and a part of days: the days of those months.
    assert quietly("Jan-Feb Jan 09-15 10:00-12:00") == quietly("Jan 09-15 10:00-12:00")
    assert all(day == () for day in quietly("Jul Dec 24 10:00-12:00"))


def test_a_number_after_the_times_is_still_an_error() -> None:
    from servicecharter import NotationError

    with pytest.raises(NotationError, match="expected a time like 09:00"):
        parse_rules("Mo 0900-1000")


def test_a_year_before_week_numbers_after_the_times() -> None:
    # Not a time without its colon: a year, as opening_hours.js reads it.
    with pytest.warns(NotationWarning, match="the year 2026 after the times"):
        read = ranges("00:00-24:00 2026 week 06 Feb")
    assert read == quietly("2026 Feb week 06 00:00-24:00")
    assert any(read)
    from servicecharter import NotationError

    with pytest.raises(NotationError, match="expected a time like 09:00"):
        parse_rules("Mo 0900 week 1")  # a leading zero: an hour, not a year


def test_24_7_after_a_selector_is_those_days_whole() -> None:
    with pytest.warns(NotationWarning, match="24/7 after a selector") as caught:
        read = ranges("Mo,We 24/7")
    assert "write 00:00-24:00" in str(caught[0].message)
    assert read == quietly("Mo,We 00:00-24:00")
    assert read != quietly("24/7")
    with pytest.warns(NotationWarning, match="24/7 after a selector"):
        december = ranges("Dec 24/7")  # the month, not December 24th
    assert december == quietly("Dec 00:00-24:00")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_rules("10:00-12:00 24/7")  # nothing selected: said so
    assert any("24/7 after times" in str(w.message) for w in caught)


def test_two_comments_are_kept_as_one_with_a_warning() -> None:
    with pytest.warns(NotationWarning, match="two comments in one rule"):
        (rule,) = parse_rules('Mo 10:00-12:00 open "by" "appointment"')
    assert rule.comment == "by appointment"
    with pytest.warns(NotationWarning, match="two comments in one rule"):
        (rule,) = parse_rules('Mo 10:00-12:00 open "by" ""')
    assert rule.comment == "by"  # an empty one adds nothing
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotationWarning)
        assert ranges('Mo 10:00-12:00 open "by" "appointment"') == quietly(
            'Mo 10:00-12:00 open "by appointment"'
        )
