"""The plain weekly values most people write, read without the full parser.

Most opening_hours values are weekday rules of daytime ranges, like
``Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-13:00; Su,PH off``. This module
recognises that form with one regular expression and builds the same
``StructuredParts`` that ``structured_parts(parse_rules(text))`` gives,
without tokens or rule objects. Anything else (another spelling, a range
past midnight, a date, a comment, a value the full parser would warn
about) is left to the parser: ``plain_parts`` then returns None. The
differential test in ``tests/hours/test_notation_plain.py`` holds the two
readings equal.
"""

from __future__ import annotations

import re

from .._core.units import DAY_S
from .notation_model import StructuredParts
from .notation_tokens import WEEKDAYS

__all__ = ["plain_parts"]

Ranges = tuple[tuple[int, int], ...]

_DAY = "|".join(WEEKDAYS)
_ITEM = rf"(?:(?:{_DAY})(?:-(?:{_DAY}))?|PH)"
_TIME = r"(?:[01][0-9]|2[0-4]):[0-5][0-9]"
_TIMES = rf"{_TIME}-{_TIME}(?:,{_TIME}-{_TIME})*"
_RULE = rf"(?:(?:{_ITEM}(?:,{_ITEM})* )?(?:{_TIMES}|off|closed)|24/7)"
_PLAIN = re.compile(rf"{_RULE}(?:; {_RULE})*")

_ITEMS: dict[str, tuple[int, ...]] = {"PH": ()}
for _first, _a in enumerate(WEEKDAYS):
    _ITEMS[_a] = (_first,)
    for _last, _b in enumerate(WEEKDAYS):
        if _last != _first:
            _count = (_last - _first) % 7 + 1
            _ITEMS[f"{_a}-{_b}"] = tuple((_first + i) % 7 for i in range(_count))
_ALL_DAYS = tuple(range(7))


def _ranges(text: str) -> tuple[Ranges, bool] | None:
    """Ranges in order with gaps between them and whether the last spills.

    None for what the parser decides: 24:00 as a start, an empty range,
    touching or unsorted ranges, a range after one past midnight.
    """
    if text in ("off", "closed"):
        return (), False
    if text == "24/7":
        return ((0, DAY_S),), False
    found: list[tuple[int, int]] = []
    previous_end = -1
    for part in text.split(","):
        start = int(part[0:2]) * 3600 + int(part[3:5]) * 60
        end = int(part[6:8]) * 3600 + int(part[9:11]) * 60
        if not previous_end < start < DAY_S or end > DAY_S or end == start:
            return None
        end = end or DAY_S  # 16:00-00:00 ends at 24:00
        found.append((start, end))
        previous_end = end if end > start else DAY_S  # nothing after a night
    return tuple(found), found[-1][1] < found[-1][0]


def _days(text: str) -> tuple[tuple[int, ...], bool] | None:
    """The weekdays of a selector and whether it names PH; None if one repeats."""
    days: list[int] = []
    holiday = False
    for item in text.split(","):
        if item == "PH":
            if holiday:
                return None
            holiday = True
        found = _ITEMS.get(item)
        if found is None:
            return None  # Mo-Mo: the parser decides
        days.extend(found)
    if len(set(days)) != len(days):
        return None
    return tuple(days), holiday


def _spill_cut(rules: list[tuple[tuple[int, ...], bool, bool]]) -> bool:
    """Whether a later rule names a night's day or the day after it.

    ``rules`` are (days, names PH, spills) in text order; a rule of no
    weekday (``PH off``) stands for every day, as the parser sees it.
    """
    for index, (days, holiday, spills) in enumerate(rules):
        if not spills:
            continue
        if holiday:
            return True
        touched = set(days) | {(day + 1) % 7 for day in days}
        for later, _, _ in rules[index + 1 :]:
            if not later or touched.intersection(later):
                return True
    return False


def plain_parts(text: str) -> StructuredParts | None:
    """The structured parts of a plain weekly value, or None for the full parser.

    >>> plain_parts("Mo-Fr 09:00-17:00; Su,PH off").weekly[6]
    ()
    >>> plain_parts("Mo-Fr 09:00-17:00").holiday_hours is None
    True
    >>> plain_parts("Fr 22:00-02:00; Sa 10:00-12:00") is None  # the night is cut
    True
    """
    if _PLAIN.fullmatch(text) is None:
        return None
    weekly: list[Ranges] = [()] * 7
    holiday: Ranges | None = None
    read: list[tuple[tuple[int, ...], bool, bool]] = []
    for rule in text.split("; "):
        selector, _, times = rule.rpartition(" ")
        ranges = _ranges(times)
        if ranges is None:
            return None
        named = _days(selector) if selector else (_ALL_DAYS, False)
        if named is None:
            return None
        days, names_holiday = named
        if names_holiday:
            holiday = ranges[0]
        elif holiday is not None:
            return None  # a weekday rule after PH: the rule order decides
        read.append((days, names_holiday, ranges[1]))
        for day in days:
            weekly[day] = ranges[0]
    if _spill_cut(read):
        return None
    return StructuredParts(tuple(weekly), holiday)
