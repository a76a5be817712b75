"""Parse the common opening_hours notation into weekly ranges and holiday hours.

The notation is a small language, so it gets a small compiler: a tokenizer
that keeps each token's column, then a recursive-descent parser with one
method per grammar rule::

    notation  := rule (";" rule)* [";"]
    rule      := "24/7" | [selector] ranges
    selector  := item ("," item)*
    item      := weekday ["-" weekday] | "PH"
    ranges    := "off" | "closed" | range ("," range)*
    range     := time "-" time

Month and date selectors (``Dec 24``, ``Jul-Aug``) slot in as further
alternatives of ``selector``; ``#`` comments as one more token pattern.
"""

from __future__ import annotations

import re

import attrs

from ._errors import InvalidHoursError, NotationError

__all__ = ["WEEKDAYS", "ParsedNotation", "parse_notation"]

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_S = 86_400
_OFF_WORDS = ("off", "closed")
_ALL_DAYS = frozenset(range(7))

Ranges = tuple[tuple[int, int], ...]


@attrs.frozen
class ParsedNotation:
    """What an opening_hours text says, as seconds since local midnight.

    Attributes:
        weekly: seven tuples, Monday to Sunday, of ``(start_s, end_s)``
            sorted by start; ``end_s <= start_s`` crosses midnight and
            ``end_s`` is 86400 for ``24:00``.
        holiday_hours: ranges on public holidays; ``None`` when the text has
            no ``PH`` rule, ``()`` for ``PH off``.
    """

    weekly: tuple[Ranges, ...]
    holiday_hours: Ranges | None


@attrs.frozen
class _Token:
    kind: str  # "time", "num", "word", "punct" or "end"
    text: str
    column: int


@attrs.frozen
class _Rule:
    days: frozenset[int]
    holiday: bool
    ranges: Ranges


# ASCII classes on purpose: "\d" would accept digits such as "٣".
_TOKEN_RE = re.compile(
    r"(?P<space>\s+)|(?P<time>[0-9]+:[0-9]+)|(?P<num>[0-9]+)"
    r"|(?P<word>[A-Za-z]+)|(?P<punct>[-,;/])"
)


def _tokenize(text: str) -> list[_Token]:
    """Split ``text`` into tokens ending with an "end" token at ``len(text)``."""
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            raise NotationError(text, pos, f"unexpected character {text[pos]!r}")
        if match.lastgroup != "space":
            tokens.append(_Token(str(match.lastgroup), match.group(), pos))
        pos = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


def _format_time(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _duration(start: int, end: int) -> int:
    """Length of a range; an end not after its start crosses midnight."""
    return end - start if end > start else end + _DAY_S - start


class _Parser:
    """Recursive descent over the tokens of one text; one method per rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.index = 0

    def peek(self, ahead: int = 0) -> _Token:
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def advance(self) -> _Token:
        token = self.peek()
        self.index = min(self.index + 1, len(self.tokens) - 1)
        return token

    def accept(self, punct: str) -> bool:
        if self.peek().kind == "punct" and self.peek().text == punct:
            self.advance()
            return True
        return False

    def fail(self, column: int, reason: str) -> NotationError:
        return NotationError(self.text, column, reason)

    def expect_rule_end(self, reason: str) -> None:
        token = self.peek()
        if token.kind != "end" and token.text != ";":
            raise self.fail(token.column, reason)

    def notation(self) -> ParsedNotation:
        if not self.text.strip():
            raise self.fail(0, "empty text")
        weekly: list[Ranges] = [()] * 7
        holiday_hours: Ranges | None = None
        while self.peek().kind != "end":
            rule = self.rule()
            for day in rule.days:
                weekly[day] = rule.ranges  # a later rule replaces, never adds
            holiday_hours = rule.ranges if rule.holiday else holiday_hours
            self.accept(";")
        return ParsedNotation(tuple(weekly), holiday_hours)

    def at_always(self) -> bool:
        first, slash = self.peek(), self.peek(1)
        return first.text == "24" and first.kind == "num" and slash.text == "/"

    def rule(self) -> _Rule:
        token = self.peek()
        if token.text == ";":
            raise self.fail(token.column, "empty rule")
        if self.at_always():
            return self.always()
        if token.kind == "word" and token.text not in _OFF_WORDS:
            days, holiday = self.selector()
            return _Rule(days, holiday, self.ranges())
        return _Rule(_ALL_DAYS, False, self.ranges())

    def always(self) -> _Rule:
        self.advance()
        self.advance()
        seven = self.advance()
        if seven.kind != "num" or seven.text != "7":
            raise self.fail(seven.column, "expected 24/7")
        self.expect_rule_end("expected ';' after 24/7")
        return _Rule(_ALL_DAYS, False, ((0, _DAY_S),))

    def selector(self) -> tuple[frozenset[int], bool]:
        days: set[int] = set()
        holiday = False
        while True:
            token = self.advance()
            if token.kind == "word" and token.text == "PH":
                holiday = True
            else:
                days.update(self.day_span(token))
            if not self.accept(","):
                return frozenset(days), holiday

    def day_span(self, first: _Token) -> list[int]:
        start = self.weekday(first)
        if not self.accept("-"):
            return [start]
        end = self.weekday(self.advance())
        return [(start + offset) % 7 for offset in range((end - start) % 7 + 1)]

    def weekday(self, token: _Token) -> int:
        if token.kind != "word":
            raise self.fail(token.column, "expected a weekday like Mo")
        if token.text not in WEEKDAYS:
            raise self.fail(token.column, f"unknown weekday {token.text!r}")
        return WEEKDAYS.index(token.text)

    def ranges(self) -> Ranges:
        token = self.peek()
        if token.kind == "word" and token.text in _OFF_WORDS:
            self.advance()
            self.expect_rule_end(f"expected ';' after {token.text!r}")
            return ()
        if self.at_always():
            raise self.fail(token.column, "24/7 must be a rule of its own")
        spans = [self.time_range()]
        while self.accept(","):
            spans.append(self.time_range())
        self.expect_rule_end("expected ',' or ';'")
        self.check_overlaps(spans)
        return tuple(sorted((start, end) for _, start, end in spans))

    def time_range(self) -> tuple[int, int, int]:
        column = self.peek().column
        start = self.time("expected a time like 09:00, 'off' or 'closed'")
        if start == _DAY_S:
            raise self.fail(column, "24:00 is only allowed as an end")
        if not self.accept("-"):
            raise self.fail(self.peek().column, "expected '-' between two times")
        return column, start, self.time("expected a time like 17:00")

    def time(self, expected: str) -> int:
        token = self.advance()
        hour, _, minute = token.text.partition(":")
        if token.kind != "time" or len(hour) != 2 or len(minute) != 2:
            raise self.fail(token.column, expected)
        if int(hour) > 24:
            raise self.fail(token.column, f"hour {hour} out of range")
        if int(minute) > 59:
            raise self.fail(token.column + 3, f"minute {minute} out of range")
        if int(hour) == 24 and int(minute) > 0:
            raise self.fail(token.column, f"{token.text} is after 24:00")
        return int(hour) * 3600 + int(minute) * 60

    def check_overlaps(self, spans: list[tuple[int, int, int]]) -> None:
        for index, (column, start, end) in enumerate(spans):
            for _, other_start, other_end in spans[:index]:
                if start < other_start + _duration(other_start, other_end) and (
                    other_start < start + _duration(start, end)
                ):
                    earlier = f"{_format_time(other_start)}-{_format_time(other_end)}"
                    raise self.fail(column, f"time range overlaps {earlier}")


def parse_notation(text: str) -> ParsedNotation:
    """Parse opening_hours text such as ``"Mo-Fr 09:00-17:00; PH off"``.

    Rules are separated by ``;`` and a later rule replaces an earlier one's
    ranges for the days it names. A rule without a selector covers every
    weekday (not holidays). Raises ``NotationError`` with the 0-based column
    of the offending character, ``InvalidHoursError`` if ``text`` is not a str.

    >>> parsed = parse_notation("Mo-Fr 09:00-12:00,14:00-17:00; Sa 22:00-02:00; PH off")
    >>> parsed.weekly[0]
    ((32400, 43200), (50400, 61200))
    >>> parsed.weekly[5], parsed.weekly[6], parsed.holiday_hours
    (((79200, 7200),), (), ())
    """
    if not isinstance(text, str):
        raise InvalidHoursError(
            f"opening hours notation must be a str, got {type(text).__name__}"
        )
    return _Parser(text).notation()
