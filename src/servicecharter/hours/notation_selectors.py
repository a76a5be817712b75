"""The selectors of an opening_hours rule: years, dates, weeks and weekdays.

The part of the recursive-descent parser (``notation``) that reads which
dates a rule selects, with the token navigation both parts share.
"""

from __future__ import annotations

import datetime as dt

from .._errors import NotationError
from .notation_tokens import MONTHS, WEEKDAYS, Token, tokenize
from .osm_selectors import DateSpan, DayItem, EasterDay, Selector

__all__ = ["MISPLACED"]

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_KEYS = tuple(day.lower() for day in WEEKDAYS)
_MONTH_KEYS = tuple(month.lower() for month in MONTHS)
MISPLACED = "a month or date selector must start its rule"
_LOOKAHEAD = 3  # the parser looks at most this many tokens ahead


def _span(start: int, end: int, size: int) -> list[int]:
    """``start`` to ``end`` inclusive, 0-based, wrapping around ``size``."""
    return [(start + offset) % size for offset in range((end - start) % size + 1)]


class _SelectorParser:
    """Token navigation and the selector rules of the recursive descent."""

    def __init__(self, text: str) -> None:
        self.text = text
        tokens = tokenize(text)
        self.last = len(tokens) - 1  # the "end" token
        self.tokens = tokens + [tokens[-1]] * _LOOKAHEAD  # peek needs no bound
        self.index = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[self.index + ahead]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if self.index < self.last:
            self.index += 1
        return token

    def at(self, text: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind in ("punct", "word") and token.key == text

    def accept(self, text: str) -> bool:
        if self.at(text):
            self.advance()
            return True
        return False

    def fail(self, column: int, reason: str) -> NotationError:
        return NotationError(self.text, column, reason)

    def is_weekday(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "word" and token.key in (*_DAY_KEYS, "ph", "sh")

    def is_month(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "word" and token.key in _MONTH_KEYS

    def is_year(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "num" and len(token.text) == 4

    def is_time(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "time" or (token.kind == "num" and len(token.text) <= 2)

    def colon(self) -> None:
        """Skip a colon between selector parts (``Apr-Oct: Su[2]``, ``SH: Mo``)."""
        if self.at(":") and self.peek(1).kind == "word":
            self.advance()

    def selector(self) -> Selector:
        token = self.peek()
        if token.kind == "num" and self.is_month(1) and not self.is_year():
            reason = f"year {token.text} out of range; write four digits, 0001-9999"
            raise self.fail(token.column, reason)
        years = self.years() if self.is_year() and not self.is_month(1) else ()
        dates = (
            self.dates()
            if self.is_month() or self.is_year() or self.at("easter")
            else ()
        )
        if dates or years:
            self.colon()
        weeks = self.weeks() if self.at("week") else ()
        days = self.days() if self.is_weekday() else ()
        also: tuple[DayItem, ...] = ()
        if days and all(d.holiday for d in days):
            self.colon()
            also = self.days() if self.is_weekday() else ()
        return Selector(years, dates, weeks, days, also)

    def years(self) -> tuple[tuple[int, int], ...]:
        out = []
        while True:
            first = self.year(self.advance())
            last = self.year(self.advance()) if self.accept("-") else first
            if last < first:
                raise self.fail(self.peek().column, "a year range must not go back")
            out.append((first, last))
            if not (self.at(",") and self.is_year(1) and not self.is_month(2)):
                return tuple(out)
            self.advance()

    def year(self, token: Token) -> int:
        if token.kind != "num" or len(token.text) != 4 or token.text == "0000":
            reason = f"year {token.text} out of range; write four digits, 0001-9999"
            raise self.fail(token.column, reason)
        return int(token.text)

    def dates(self) -> tuple[DateSpan | EasterDay, ...]:
        out: list[DateSpan | EasterDay] = []
        while True:
            out.append(self.date_item())
            if self.at(",") and self.peek(1).kind == "num" and not self.is_year(1):
                self.no_bare_day()
            year_date = self.is_year(1) and self.is_month(2)
            more = self.is_month(1) or year_date or self.at("easter", 1)
            if not (self.at(",") and more):
                return tuple(out)
            self.advance()

    def no_bare_day(self) -> None:
        """Refuse ``Dec 24,25`` (a day without its month), not ``Dec 24,10-12``."""
        if self.peek(2).text not in ("-", ":", "+"):
            reason = "expected a date like Dec 25 (month, then day)"
            raise self.fail(self.peek(1).column, reason)

    def date_item(self) -> DateSpan | EasterDay:
        if self.accept("easter"):
            return EasterDay(self.day_offset())
        year = self.year(self.advance()) if self.is_year() else None
        start_token = self.peek()
        month = self.month(self.advance())
        if self.peek().kind != "num" or self.at("/", 1):
            if year is not None:
                reason = f"expected a day of the month after {start_token.text!r}"
                raise self.fail(self.peek().column, reason)
            last = self.month(self.advance()) if self.accept("-") else month
            return DateSpan((month, 1), (last, _MONTH_DAYS[last - 1]))
        first = (month, self.month_day(month, start_token))
        last_date = first
        if self.accept("-"):
            if self.is_month():
                month_token = self.peek()
                end_month = self.month(self.advance())
                last_date = (end_month, self.month_day(end_month, month_token))
            else:
                last_date = (month, self.month_day(month, start_token))
        if year is not None:
            self.check_exists(year, first, start_token)
        return DateSpan(first, last_date, year)

    def check_exists(self, year: int, day: tuple[int, int], token: Token) -> None:
        try:
            dt.date(year, *day)
        except ValueError:
            reason = f"{year:04d} {MONTHS[day[0] - 1]} {day[1]} does not exist"
            raise self.fail(token.column - 5, reason) from None

    def month(self, token: Token) -> int:
        if token.kind != "word":
            raise self.fail(token.column, "expected a month like Jan")
        if token.key not in _MONTH_KEYS:
            raise self.fail(
                token.column, f"unknown month {token.text!r}; use Jan .. Dec"
            )
        return _MONTH_KEYS.index(token.key) + 1

    def month_day(self, month: int, month_token: Token) -> int:
        token = self.advance()
        if token.kind != "num":
            reason = f"expected a day of the month after {month_token.text!r}"
            raise self.fail(token.column, reason)
        last = _MONTH_DAYS[month - 1]
        if len(token.text) > 2 or not 1 <= int(token.text) <= last:
            name = MONTHS[month - 1]
            reason = f"day {token.text} does not exist in {name} (1-{last})"
            raise self.fail(token.column, reason)
        return int(token.text)

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

    def number(self, lo: int, hi: int, what: str) -> int:
        token = self.advance()
        if token.kind != "num" or not lo <= int(token.text) <= hi:
            raise self.fail(token.column, f"expected {what}, got {token.text!r}")
        return int(token.text)

    def days(self) -> tuple[DayItem, ...]:
        out = [self.day_item()]
        while self.at(",") and self.is_weekday(1):
            self.advance()
            out.append(self.day_item())
        if self.is_month() or (self.is_year() and self.is_month(1)):
            raise self.fail(self.peek().column, MISPLACED)
        return tuple(out)

    def day_item(self) -> DayItem:
        token = self.advance()
        if token.key in ("ph", "sh"):
            return DayItem(holiday=token.key.upper(), offset=self.day_offset())
        start = _DAY_KEYS.index(token.key)
        if self.accept("-"):
            end_token = self.advance()
            if end_token.kind == "word" and end_token.key not in _DAY_KEYS:
                reason = f"unknown weekday {end_token.text!r}"
                raise self.fail(end_token.column, reason)
            if end_token.kind != "word":
                raise self.fail(end_token.column, "expected a weekday like Mo")
            return DayItem(frozenset(_span(start, _DAY_KEYS.index(end_token.key), 7)))
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

    def day_offset(self) -> int:
        if not (self.at("+") or self.at("-")) or self.peek(1).kind != "num":
            return 0
        sign = 1 if self.advance().text == "+" else -1
        count = int(self.advance().text)
        if not (self.accept("day") or self.accept("days")):
            raise self.fail(self.peek().column, "expected 'day' or 'days'")
        return sign * count

    # times := span ("," span)*
