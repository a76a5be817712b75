"""Deadline rules in words: ``"4 business hours"`` and back.

The canonical words are what ``str(rule)`` prints; ``parse_rule`` reads them
and a few friendly variants (singular units, "min", "h").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ._errors import InvalidRuleError

if TYPE_CHECKING:
    from .rules import Rule

__all__ = ["duration_words", "parse_duration", "parse_rule"]

_UNITS = {
    "h": 3600, "hour": 3600, "hours": 3600,
    "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "second": 1, "seconds": 1,
}  # fmt: skip
_PART = re.compile(r"(\d+)\s*([a-z]+)")
_EXAMPLES = (
    "'4 business hours', '30 business minutes', '3 business days', "
    "'3 business days same time', '7 days', '24 hours', '2 months', "
    "'7 days to end of day rolled to next business day', 'next opening', "
    "'next business day opening', 'next business day opening + 2 hours', "
    "'same business day', 'end of month', 'earliest of (4 business hours; end of day)'"
)


def duration_words(duration: dt.timedelta, prefix: str = "") -> str:
    """Words for a duration, largest units first.

    >>> duration_words(dt.timedelta(hours=2, minutes=30), "business ")
    '2 business hours 30 business minutes'
    """
    seconds = int(duration.total_seconds())
    parts = []
    for unit, size in (("hour", 3600), ("minute", 60), ("second", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {prefix}{unit}{'' if count == 1 else 's'}")
    return " ".join(parts) or f"0 {prefix}minutes"


def parse_duration(text: str, *, business: bool = False) -> dt.timedelta:
    """Read "2 hours 30 minutes" (with ``business``: "2 business hours ...").

    >>> parse_duration("1 h 30 min")
    datetime.timedelta(seconds=5400)
    """
    cleaned = text.strip().lower()
    if business:
        cleaned = cleaned.replace("business ", "")
    parts = _PART.findall(cleaned)
    if not parts or _PART.sub("", cleaned).strip():
        raise InvalidRuleError(f"not a duration: {text!r}; e.g. '2 hours 30 minutes'")
    seconds = 0
    for count, unit in parts:
        if unit not in _UNITS:
            raise InvalidRuleError(
                f"unknown unit {unit!r} in {text!r}; use hours, minutes"
            )
        seconds += int(count) * _UNITS[unit]
    return dt.timedelta(seconds=seconds)


def _split_top(text: str) -> list[str]:
    """Split on ';' outside parentheses."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise InvalidRuleError(f"unbalanced parentheses in {text!r}")
        if char == ";" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if depth:
        raise InvalidRuleError(f"unbalanced parentheses in {text!r}")
    return [*parts, current]


def parse_rule(text: Any) -> Rule:
    """Read a deadline rule from words.

    >>> parse_rule("4 business hours")
    BusinessDuration(duration=datetime.timedelta(seconds=14400), boundary='next_open')
    >>> str(parse_rule("7 days rolled to next business day"))
    '7 days rolled to next business day'
    """
    if not isinstance(text, str):
        raise InvalidRuleError(
            f"expected deadline words, got {text!r}; e.g. {_EXAMPLES}"
        )
    words = " ".join(text.strip().lower().split())
    for reader in _READERS:
        rule = reader(words)
        if rule is not None:
            return rule
    raise InvalidRuleError(f"unknown duration words {text!r}; use e.g. {_EXAMPLES}")


def _combination(words: str) -> Rule | None:
    from .rules import EarliestOf, LatestOf

    match = re.fullmatch(r"(earliest|latest) of \((.*)\)", words)
    if match is None:
        return None
    rules = [parse_rule(part) for part in _split_top(match[2])]
    return EarliestOf(rules) if match[1] == "earliest" else LatestOf(rules)


def _business_duration(words: str) -> Rule | None:
    from .rules import BusinessDuration

    match = re.fullmatch(r"((?:\d+ business [a-z]+ ?)+?)( to close)?", words)
    if match is None or "business day" in words:
        return None
    duration = parse_duration(match[1], business=True)
    return BusinessDuration(duration, "close" if match[2] else "next_open")


def _business_days(words: str) -> Rule | None:
    from .rules import BusinessDays

    match = re.fullmatch(r"(\d+) business days?( same time)?", words)
    if match is None:
        return None
    return BusinessDays(int(match[1]), "same_time" if match[2] else "close")


def _calendar_period(words: str) -> Rule | None:
    from .rules import CalendarPeriod

    pattern = (
        r"(\d+) (hour|day|week|month|year)s?( to end of day)?"
        r"( rolled to (next|previous) business day)?"
    )
    match = re.fullmatch(pattern, words)
    if match is None:
        return None
    roll = {None: "none", "next": "following", "previous": "preceding"}[match[5]]
    return CalendarPeriod(int(match[1]), match[2] + "s", roll, bool(match[3]))  # type: ignore[arg-type]


def _next_opening(words: str) -> Rule | None:
    from .rules import NextOpening

    head, plus, offset = words.partition(" + ")
    sign = 1
    if not plus:
        head, minus, offset = words.partition(" - ")
        sign = -1 if minus else 1
    days = {"next opening": 0, "next business day opening": 1}.get(head)
    if days is None:
        match = re.fullmatch(r"opening after (\d+) business days?", head)
        if match is None:
            return None
        days = int(match[1])
    return NextOpening(
        days, sign * parse_duration(offset) if offset else dt.timedelta(0)
    )


def _fixed(words: str) -> Rule | None:
    from .rules import EndOfPeriod, SameBusinessDay

    if words == "same business day":
        return SameBusinessDay()
    match = re.fullmatch(r"end of (day|week|month|quarter|year)", words)
    return EndOfPeriod(match[1]) if match else None  # type: ignore[arg-type]


_READERS = (
    _combination,
    _business_days,
    _business_duration,
    _calendar_period,
    _next_opening,
    _fixed,
)
