"""The plain weekly form read without the parser equals the parser's reading.

``plain_parts`` is a shortcut of ``OpeningHours.parse`` for values like
``Mo-Fr 09:00-18:00; Su,PH off``. Wherever it answers, the parser must
read the value without a warning and give the same structured parts; where
it does not (None), the parser decides. Checked on every value of the
golden tables, on generated values of the plain grammar and its near
misses, and through ``OpeningHours.parse`` with and without holidays.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import NotationWarning, OpeningHours, ServiceCharterError
from servicecharter.hours.notation import parse_rules
from servicecharter.hours.notation_model import structured_parts
from servicecharter.hours.notation_plain import plain_parts
from servicecharter.hours.parsed_hours import from_parts

GOLDEN = Path(__file__).parent / "golden"
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def _golden_values() -> list[str]:
    realistic = json.loads((GOLDEN / "realistic_values.json").read_text("utf-8"))
    suite = json.loads((GOLDEN / "suite_values.json").read_text("utf-8"))
    return [item["value"] for item in realistic["values"]] + list(suite)


def _parser_reading(text: str) -> object:
    """The parser's structured parts, or the error it raises."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            parts = structured_parts(parse_rules(text))
        except ServiceCharterError as error:
            return type(error)
    assert [str(w.message) for w in caught] == [], text
    return parts


def check(text: str) -> bool:
    """Whether the shortcut answered; asserts it agrees with the parser."""
    plain = plain_parts(text)
    if plain is None:
        return False
    assert _parser_reading(text) == plain, text
    return True


def test_the_golden_values_read_the_same() -> None:
    values = _golden_values()
    answered = sum(check(value) for value in values)
    realistic = json.loads((GOLDEN / "realistic_values.json").read_text("utf-8"))
    common = [item["value"] for item in realistic["values"]]
    # The shortcut is for the values people write: most realistic ones.
    assert sum(plain_parts(value) is not None for value in common) > len(common) / 2
    assert answered > 0


_minute = st.sampled_from(["00", "15", "30", "45", "59"])
_hour = st.integers(0, 24).map(lambda h: f"{h:02d}")
_time = st.builds(lambda h, m: f"{h}:{m}", _hour, _minute)
_range = st.builds(lambda a, b: f"{a}-{b}", _time, _time)
_day = st.sampled_from(DAYS)
_item = st.one_of(_day, st.builds(lambda a, b: f"{a}-{b}", _day, _day), st.just("PH"))
_selector = st.lists(_item, min_size=1, max_size=3).map(",".join)
_times = st.one_of(
    st.lists(_range, min_size=1, max_size=3).map(",".join),
    st.sampled_from(["off", "closed"]),
)
_rule = st.one_of(
    st.builds(lambda s, t: f"{s} {t}", _selector, _times),
    _times,
    st.just("24/7"),
    st.builds(lambda s: f"{s} 24/7", _selector),
)
_value = st.lists(_rule, min_size=1, max_size=4).map("; ".join)


@settings(max_examples=600, deadline=None)
@given(_value)
def test_generated_plain_values_read_the_same(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(_value, st.sampled_from([";", " ;", ";  ", "; ", ",", " "]))
def test_near_misses_read_the_same(text: str, join: str) -> None:
    check(text.replace("; ", join, 1))
    check(text.lower())
    check(text + " ")


@pytest.mark.parametrize(
    "text",
    [
        "Mo-Fr 09:00-18:00",
        "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00; Su,PH off",
        "Tu-Th 16:00-00:00; Fr,Sa 16:00-01:00; Mo off",
        "24/7; PH off",
        "Mo-Sa 10:00-20:00; PH 10:00-12:00",
    ],
)
@pytest.mark.parametrize("holidays", [(), "FR"])
def test_parse_gives_the_parser_hours_and_warnings(text: str, holidays: object) -> None:
    assert plain_parts(text) is not None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        hours = OpeningHours.parse(text, tz="Europe/Paris", holidays=holidays)
    expected_warnings = 1 if "PH" in text and not holidays else 0
    assert len(caught) == expected_warnings
    assert all(issubclass(w.category, NotationWarning) for w in caught)
    assert all(w.filename == __file__ for w in caught)  # the caller's line
    parts = structured_parts(parse_rules(text))
    assert parts is not None
    if "PH" not in text and holidays:
        # A holiday keeps its weekday's hours: only rules say so.
        assert hours.rules
        return
    reference = from_parts(
        OpeningHours,
        parts,
        "Europe/Paris",
        holidays,
        unknown="error",
        school_holidays=(),
    )
    assert hours == reference
    assert not hours.rules


def test_a_night_into_the_next_days_hours_keeps_its_rules() -> None:
    # The weekly table refuses Monday's night running into Tuesday's hours.
    text = "Mo 22:00-08:00; Tu 07:00-12:00"
    assert plain_parts(text) is None
    hours = OpeningHours.parse("Mo 22:00-08:00; We 07:00-12:00", tz="UTC")
    assert not hours.rules
    spill = OpeningHours.parse("Mo 22:00-08:00, Tu 07:00-12:00", tz="UTC")
    assert spill.rules


def test_weekly_hours_built_directly_equal_the_constructors() -> None:
    # ``from_parts`` builds weekly-only hours field by field; every field
    # must be what the constructor gives, new fields included.
    for text in _golden_values():
        parts = plain_parts(text)
        if parts is None:
            continue
        built = from_parts(
            OpeningHours,
            parts,
            "Europe/Paris",
            "FR",
            unknown="open",
            school_holidays=(),
        )
        made = OpeningHours(
            [[(s, e) for s, e in day] for day in parts.weekly],
            "Europe/Paris",
            "FR",
            holiday_hours=[(s, e) for s, e in parts.holiday_hours or ()],
            unknown="open",
        )
        for field in attrs.fields(OpeningHours):
            assert getattr(built, field.name) == getattr(made, field.name), text
        assert built == made
        assert hash(built) == hash(made)
