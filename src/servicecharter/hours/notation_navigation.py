"""Moving through the tokens of an opening_hours value, for the parser.

The recursive descent (``notation``, ``notation_selectors``,
``notation_dates``) reads tokens through these methods: look ahead, take
one, take one if it is a given word or sign, and raise the library's
``NotationError`` at a column.
"""

from __future__ import annotations

from .._errors import NotationError
from .notation_tokens import MONTHS, WEEKDAYS, Token, tokenize

__all__ = ["DAY_KEYS", "DAY_WORDS", "MONTH_DAYS", "MONTH_KEYS", "VARIABLE_TIMES"]

_MOST_DAYS = 366
"""The largest day offset (``easter +2 days``): more would be another year."""

MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
DAY_KEYS = tuple(day.lower() for day in WEEKDAYS)
MONTH_KEYS = tuple(month.lower() for month in MONTHS)
VARIABLE_TIMES = ("dawn", "sunrise", "sunset", "dusk")
DAY_WORDS = frozenset((*DAY_KEYS, "ph", "sh"))
"""The words that begin a weekday part: the days, ``PH`` and ``SH``."""
_MONTH_WORDS = frozenset(MONTH_KEYS)
_LOOKAHEAD = 8  # the parser looks at most this many tokens past the end


class _Navigator:
    """The tokens of one text and a position in them.

    >>> nav = _Navigator("Mo-Fr 09:00-17:00")
    >>> nav.is_weekday(), nav.at("-", 1), nav.advance().text, nav.peek().text
    (True, True, 'Mo', '-')
    """

    def __init__(self, text: str) -> None:
        self.text = text
        tokens = tokenize(text)
        self.last = len(tokens) - 1  # the "end" token
        self.tokens = tokens + [tokens[-1]] * _LOOKAHEAD  # peek needs no bound
        self.index = 0
        self.notes: list[str] = []  # warnings to give once the text is read

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[self.index + ahead]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if self.index < self.last:
            self.index += 1
        return token

    def at(self, text: str, ahead: int = 0) -> bool:
        """Whether the token ``ahead`` is ``text``, a lowercase word or a sign.

        Only words and signs have such a key: a time, number, quoted text
        or the end never equals a word or a sign, so no kind is checked.
        """
        return self.tokens[self.index + ahead].key == text

    def accept(self, text: str) -> bool:
        """Take the next token if it is ``text`` (as ``at`` reads it)."""
        if self.tokens[self.index].key == text:
            if self.index < self.last:
                self.index += 1
            return True
        return False

    def fail(self, column: int, reason: str) -> NotationError:
        return NotationError(self.text, column, reason)

    def is_weekday(self, ahead: int = 0) -> bool:
        token = self.tokens[self.index + ahead]
        return token.kind == "word" and token.key in DAY_WORDS

    def is_month(self, ahead: int = 0) -> bool:
        token = self.tokens[self.index + ahead]
        return token.kind == "word" and token.key in _MONTH_WORDS

    def is_year(self, ahead: int = 0) -> bool:
        token = self.tokens[self.index + ahead]
        return token.kind == "num" and len(token.text) == 4

    def is_time(self, ahead: int = 0) -> bool:
        token = self.tokens[self.index + ahead]
        kind = token.kind
        if kind == "time":
            return True
        if kind == "num":
            return len(token.text) <= 2
        if kind == "word":
            return token.key in VARIABLE_TIMES
        return token.text == "(" and self.peek(ahead + 1).key in VARIABLE_TIMES

    def colon(self) -> None:
        """Skip a colon between selector parts (``Apr-Oct: Su[2]``, ``SH: Mo``)."""
        if self.at(":") and self.peek(1).kind == "word":
            self.advance()

    def number(self, lo: int, hi: int, what: str) -> int:
        token = self.advance()
        if token.kind != "num" or not lo <= int(token.text) <= hi:
            raise self.fail(token.column, f"expected {what}, got {token.text!r}")
        return int(token.text)

    def day_offset(self) -> int:
        """``+2 days``, ``-1 day`` after Easter, a holiday or an nth weekday."""
        if not (self.at("+") or self.at("-")) or self.peek(1).kind != "num":
            return 0
        if self.is_year(1):  # "Jan Su[1]-2026 Feb 02": a range to another year
            return 0
        sign = 1 if self.advance().text == "+" else -1
        number = self.advance()
        count = int(number.text)
        if count > _MOST_DAYS:
            raise self.fail(
                number.column,
                f"a day offset of at most {_MOST_DAYS} days, got {count}",
            )
        if not (self.accept("day") or self.accept("days")):
            raise self.fail(self.peek().column, "expected 'day' or 'days'")
        return sign * count
