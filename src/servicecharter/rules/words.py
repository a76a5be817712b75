"""Rule words: the registry ``parse_rule`` reads through, and word-level helpers.

Each rule module registers a reader of its rules' canonical words (what
``str(rule)`` prints) with ``reads``; ``read_words`` tries them in their
order. This module knows no rule class, so the rules sit above it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from .._core.durations import parse_duration
from .._errors import InvalidRuleError

__all__ = [
    "EXAMPLES",
    "MAX_NESTING",
    "duration_of",
    "nesting",
    "read_words",
    "reads",
    "split_top",
]

Reader = Callable[[str], object | None]
R = TypeVar("R", bound=Reader)

EXAMPLES = (
    "'4 business hours', '30 business minutes', '3 business days', "
    "'3 business days same time', '7 days', '24 hours', '2 months', "
    "'7 days to end of day rolled to next business day', 'next opening', "
    "'next business day opening', 'next business day opening + 2 hours', "
    "'same business day', 'end of month', 'earliest of (4 business hours; end of day)'"
)
_READERS: list[tuple[int, Reader]] = []
#: How deep rules may hold rules ("earliest of (a; latest of (b; c))" is 2).
#: Far past any charter's, and far below what reading, writing and pickling
#: a rule can recurse through (at 250 and more they raised RecursionError).
MAX_NESTING = 20


def nesting(text: str) -> int:
    """How deep the parentheses of ``text`` go.

    >>> nesting("earliest of (a; latest of (b; c))")
    2
    """
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def reads(order: int) -> Callable[[R], R]:
    """Register a reader of rule words; a lower ``order`` is tried first.

    A reader takes normalised words (lower case, single spaces) and returns
    a rule, or None when the words are not its rule's.
    """

    def register(reader: R) -> R:
        entry: tuple[int, Reader] = (order, reader)
        bisect.insort(_READERS, entry, key=lambda item: item[0])
        return reader

    return register


def read_words(text: Any) -> object:
    """The rule that the first registered reader to know ``text`` makes of it."""
    if not isinstance(text, str):
        raise InvalidRuleError(
            f"expected deadline words, got {text!r}; e.g. {EXAMPLES}"
        )
    words = " ".join(text.strip().lower().split())
    if nesting(words) > MAX_NESTING:
        raise InvalidRuleError(
            f"rules nest {nesting(words)} deep in {text[:60]!r}...; at most "
            f"{MAX_NESTING} are read: write the rule flatter"
        )
    for _, reader in _READERS:
        rule = reader(words)
        if rule is not None:
            return rule
    raise InvalidRuleError(f"unknown duration words {text!r}; use e.g. {EXAMPLES}")


def duration_of(text: str, *, business: bool = False) -> dt.timedelta:
    """A duration in rule words, or ``InvalidRuleError`` naming the allowed form.

    >>> duration_of("1 h 30 min")
    datetime.timedelta(seconds=5400)
    """
    try:
        return parse_duration(text, business=business)
    except ValueError as error:
        raise InvalidRuleError(f"{error}; e.g. '2 hours 30 minutes'") from None


def split_top(text: str) -> list[str]:
    """Split on ';' outside parentheses.

    >>> split_top("a; (b; c); d")
    ['a', ' (b; c)', ' d']
    """
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
