"""Rules made of rules: the earliest or latest of several deadlines; ``parse_rule``.

``Rule`` is any deadline rule; ``parse_rule`` reads one from the words that
``str(rule)`` writes, through the readers each rule registers.
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias, cast

import attrs
import numpy as np

from .._core.units import I64
from .._errors import InvalidRuleError
from ..calendar import BusinessCalendar
from .base import RuleBase
from .clock import BusinessDayAt, CutOff
from .days import BusinessDays, EndOfPeriod, SameBusinessDay
from .periods import BusinessDuration, CalendarPeriod, NextOpening
from .words import MAX_NESTING, read_words, reads, split_top

__all__ = ["EarliestOf", "LatestOf", "Rule", "parse_rule"]


def parse_rule(text: Any) -> Rule:
    """Read a deadline rule from words.

    >>> parse_rule("4 business hours")
    BusinessDuration(duration=datetime.timedelta(seconds=14400), boundary='next_open')
    >>> str(parse_rule("7 days rolled to next business day"))
    '7 days rolled to next business day'
    """
    return cast("Rule", read_words(text))


def _to_rules(value: Any) -> tuple[Any, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidRuleError(
            f"earliest of / latest of take a list of two or more rules, got {value!r};"
            " write EarliestOf(['4 business hours', 'end of day'])"
        )
    rules = tuple(parse_rule(r) if isinstance(r, str) else r for r in value)
    if len(rules) < 2:
        raise InvalidRuleError("earliest of / latest of need at least two rules")
    for r in rules:
        if not isinstance(r, RuleBase):
            raise InvalidRuleError(f"expected a deadline rule, got {r!r}")
    if max(map(_depth, rules)) >= MAX_NESTING:
        raise InvalidRuleError(
            f"rules nest more than {MAX_NESTING} deep; write the rule flatter"
        )
    return rules


def _depth(rule: Any) -> int:
    """How deep rules of rules go under ``rule`` (0 for a plain rule)."""
    inner = getattr(rule, "rules", ())
    return 1 + max(map(_depth, inner)) if inner else 0


@attrs.frozen
class EarliestOf(RuleBase):
    """The earliest of several deadlines.

    >>> rule = EarliestOf(["4 business hours", "end of day"])
    >>> rule.deadline(cal, dt.datetime(2026, 4, 7, 16, tzinfo=paris)).isoformat()
    '2026-04-08T00:00:00+02:00'
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_to_rules)
    """Two or more rules: a list or tuple of rule objects or rule words such as
    ``"4 business hours"`` or ``"end of day"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        # On datetime64 views, so that NaT wins as it does in numpy.
        dues = [r._due(calendar, t).view("M8[us]") for r in self.rules]
        out: I64 = np.minimum.reduce(dues).view(np.int64)
        return out

    def __str__(self) -> str:
        return "earliest of (" + "; ".join(map(str, self.rules)) + ")"


@attrs.frozen
class LatestOf(RuleBase):
    """The latest of several deadlines.

    >>> rule = LatestOf(["4 business hours", "end of day"])
    >>> rule.deadline(cal, dt.datetime(2026, 4, 7, 16, tzinfo=paris)).isoformat()
    '2026-04-08T14:00:00+02:00'
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_to_rules)
    """Two or more rules: a list or tuple of rule objects or rule words such as
    ``"4 business hours"`` or ``"end of day"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        # On datetime64 views, so that NaT wins as it does in numpy.
        dues = [r._due(calendar, t).view("M8[us]") for r in self.rules]
        out: I64 = np.maximum.reduce(dues).view(np.int64)
        return out

    def __str__(self) -> str:
        return "latest of (" + "; ".join(map(str, self.rules)) + ")"


Rule: TypeAlias = (
    BusinessDuration
    | BusinessDays
    | CalendarPeriod
    | NextOpening
    | SameBusinessDay
    | EndOfPeriod
    | EarliestOf
    | LatestOf
    | BusinessDayAt
    | CutOff
)


@reads(0)
def _combination(words: str) -> Rule | None:
    match = re.fullmatch(r"(earliest|latest) of \((.*)\)", words)
    if match is None:
        return None
    rules = [parse_rule(part) for part in split_top(match[2])]
    return EarliestOf(rules) if match[1] == "earliest" else LatestOf(rules)
