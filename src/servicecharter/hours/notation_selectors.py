"""The selectors of an opening_hours rule: years, dates, weeks and weekdays.

The part of the recursive-descent parser (``notation``) that reads which
dates a rule selects, with the token navigation both parts share.
"""

from __future__ import annotations

from .notation_dates import _DateParser
from .notation_navigation import DAY_KEYS
from .osm_selectors import DayItem

__all__: list[str] = []


def _span(start: int, end: int, size: int) -> list[int]:
    """``start`` to ``end`` inclusive, 0-based, wrapping around ``size``."""
    return [(start + offset) % size for offset in range((end - start) % size + 1)]


class _SelectorParser(_DateParser):
    """The selector rules of the recursive descent (dates in ``notation_dates``)."""

    def check_year(self) -> None:
        """Refuse a number before a month that is not a year (``26 Dec 24``)."""
        token = self.peek()
        if token.kind == "num" and self.is_month(1) and not self.is_year():
            reason = f"year {token.text} out of range; write four digits, 0001-9999"
            raise self.fail(token.column, reason)

    def weeks(self) -> tuple[tuple[int, int, int], ...]:
        self.advance()
        out = []
        while True:
            first = self.week_number()
            last = self.week_number() if self.accept("-") else first
            step = self.number(1, 53, "a week step") if self.accept("/") else 1
            if last < first:
                reason = "a week range must not wrap; write week 41-53,01-09"
                raise self.fail(self.peek().column, reason)
            out.append((first, last, step))
            if not (self.at(",") and self.peek(1).kind == "num"):
                return tuple(out)
            self.advance()

    def week_number(self) -> int:
        return self.number(1, 53, "a week number 01-53")

    def days(self) -> tuple[DayItem, ...]:
        out = [self.day_item()]
        while self.at(",") and self.is_weekday(1):
            self.advance()
            out.append(self.day_item())
        return tuple(out)

    def day_item(self) -> DayItem:
        token = self.advance()
        if token.key in ("ph", "sh"):
            return DayItem(holiday=token.key.upper(), offset=self.day_offset())
        start = DAY_KEYS.index(token.key)
        if self.accept("-"):
            end_token = self.advance()
            if end_token.kind == "word" and end_token.key not in DAY_KEYS:
                reason = f"unknown weekday {end_token.text!r}"
                raise self.fail(end_token.column, reason)
            if end_token.kind != "word":
                raise self.fail(end_token.column, "expected a weekday like Mo")
            return DayItem(frozenset(_span(start, DAY_KEYS.index(end_token.key), 7)))
        if self.accept("["):
            nth = self.nth_list()
            return DayItem(frozenset({start}), nth, offset=self.day_offset())
        return DayItem(frozenset({start}))

    def nth_list(self) -> tuple[int, ...]:
        out: list[int] = []
        while True:
            sign = -1 if self.accept("-") else 1
            first = sign * self.number(1, 5, "a week of the month 1-5")
            last = first
            if sign > 0 and self.accept("-"):
                last = self.number(1, 5, "a week of the month 1-5")
            out.extend(range(first, last + 1) if sign > 0 else [first])
            if self.accept("]"):
                return tuple(out)
            if not self.accept(","):
                raise self.fail(self.peek().column, "expected ']' after Su[1")
