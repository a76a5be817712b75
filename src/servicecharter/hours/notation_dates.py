"""The year and date parts of an opening_hours selector.

The part of the recursive-descent parser that reads years (``2026``,
``2013-2015``, ``2055/2``, ``2060+``) and dates:

    dates  := item ("," item)*
    item   := [year] month [day ("," day)*] ["-" end]   ("Dec 24,26", "Jul-Aug",
                                                        "Jan 01-31/8")
            | [year] month weekday "[" n "]" [offset] "-" end
                                                       ("Mar Su[-1]-Oct Su[-1]")
            | [year] "easter" [offset] ["-" end]       ("easter -2 days-easter")
    end    := [year] (month [day | weekday "[" n "]" [offset]] | "easter" [offset])

A fixed range reads as a ``DateSpan``, plain Easter as an ``EasterDay``, and
any range with a moving or other-year end as a ``DateRange``.
"""

from __future__ import annotations

import datetime as dt

from .notation_navigation import DAY_KEYS, MONTH_DAYS, MONTH_KEYS, _Navigator
from .notation_tokens import MONTHS, Token
from .osm_dates import EASTER, LAST, DatePoint, DateRange
from .osm_selectors import DateSpan, EasterDay

__all__ = ["OPEN_YEAR", "DateItem", "_DateParser"]

DateItem = DateSpan | EasterDay | DateRange
OPEN_YEAR = 9999  # the last year of an open range (``2060+``, ``2055/2``)


class _DateParser(_Navigator):
    """The year and date rules of the recursive descent."""

    def years(self) -> tuple[tuple[int, int, int], ...]:
        out = []
        while True:
            first = self.year(self.advance())
            last = first
            if self.accept("+"):
                last = OPEN_YEAR
            elif self.accept("-"):
                last = self.year(self.advance())
                if last < first:
                    column = self.peek().column
                    raise self.fail(column, "a year range must not go back")
            step = 1
            if self.accept("/"):
                step = self.number(1, 9999, "a step of years")
                last = OPEN_YEAR if last == first else last
            out.append((first, last, step))
            if not (self.at(",") and self.is_year(1) and not self.is_month(2)):
                return tuple(out)
            self.advance()

    def year(self, token: Token) -> int:
        if token.kind != "num" or len(token.text) != 4 or token.text == "0000":
            reason = f"year {token.text} out of range; write four digits, 0001-9999"
            raise self.fail(token.column, reason)
        return int(token.text)

    def dates(self) -> tuple[DateItem, ...]:
        out: list[DateItem] = []
        while True:
            out.extend(self.date_item())
            year_date = self.is_year(1) and (self.is_month(2) or self.at("easter", 2))
            more = self.is_month(1) or year_date or self.at("easter", 1)
            if not (self.at(",") and more):
                return tuple(out)
            self.advance()

    def optional_year(self) -> int | None:
        return self.year(self.advance()) if self.is_year() else None

    def date_item(self) -> list[DateItem]:
        year = self.optional_year()
        start_token = self.peek()
        if self.accept("easter"):
            first = DatePoint(EASTER, offset=self.day_offset(), year=year)
            if self.accept("-"):
                return [DateRange(first, self.end_point(year))]
            return [
                EasterDay(first.offset) if year is None else DateRange(first, first)
            ]
        month = self.month(self.advance())
        if self.weekday_range_ahead():
            first = self.weekday_point(month, year)
            self.advance()  # the "-"
            return [DateRange(first, self.end_point(year))]
        if self.peek().kind != "num" or self.at("/", 1) or self.is_year():
            return [self.month_range(month, year, start_token)]
        out: list[DateItem] = []
        while True:
            out.append(self.day_range(month, year, start_token))
            if not self.day_follows():
                return out
            self.advance()

    def day_follows(self) -> bool:
        """Whether ``,`` is followed by a day of the same month (``Dec 24,26``)."""
        token = self.peek(1)
        return (
            self.at(",")
            and token.kind == "num"
            and len(token.text) <= 2
            and not (self.at(":", 2) or self.at("+", 2))
            and not (self.at("-", 2) and self.peek(3).kind == "time")
        )

    def weekday_range_ahead(self) -> bool:
        """Whether ``Su[1]`` (an offset allowed) and then ``-`` come next."""
        if not (self.peek().key in DAY_KEYS and self.at("[", 1)):
            return False
        ahead = 2
        while not self.at("]", ahead) and self.peek(ahead).kind != "end":
            ahead += 1
        ahead += 1
        sign = self.at("+", ahead) or self.at("-", ahead)
        if sign and (self.at("day", ahead + 2) or self.at("days", ahead + 2)):
            ahead += 3
        return self.at("-", ahead)

    def weekday_point(self, month: int, year: int | None) -> DatePoint:
        weekday = DAY_KEYS.index(self.advance().key)
        self.advance()  # the "["
        sign = -1 if self.accept("-") else 1
        nth = sign * self.number(1, 5, "a week of the month 1-5")
        if not self.accept("]"):
            raise self.fail(self.peek().column, "expected ']' after Su[1")
        return DatePoint(month, 0, weekday, nth, self.day_offset(), year)

    def end_point(self, first_year: int | None) -> DatePoint:
        token = self.peek()
        year = self.optional_year()
        if year is not None and first_year is None:
            reason = "give the year on both ends: 2026 Dec 24-2027 Jan 06"
            raise self.fail(token.column, reason)
        year = first_year if year is None else year  # "2026 Jan 23-Feb 12"
        if self.accept("easter"):
            return DatePoint(EASTER, offset=self.day_offset(), year=year)
        month_token = self.peek()
        month = self.month(self.advance())
        if self.peek().key in DAY_KEYS and self.at("[", 1):
            return self.weekday_point(month, year)
        day = self.month_day(month, month_token)
        if year is not None:
            self.check_exists(year, (month, day), month_token)
        return DatePoint(month, day, year=year)

    def month_range(self, month: int, year: int | None, token: Token) -> DateItem:
        """``Jul-Aug``, ``2012 Jan-Feb``, ``2025 Dec-Jan`` (into 2026)."""
        last, last_year = month, year
        if self.accept("-"):
            last_year = self.optional_year()
            if last_year is not None and year is None:
                reason = "give the year on both ends: 2025 Dec-2026 Jan"
                raise self.fail(token.column, reason)
            last = self.month(self.advance())
        if year is not None and last_year is None:
            last_year = year if last >= month else year + 1
        if year == last_year:
            return DateSpan((month, 1), (last, MONTH_DAYS[last - 1]), year)
        return DateRange(
            DatePoint(month, 1, year=year), DatePoint(last, LAST, year=last_year)
        )

    def day_range(self, month: int, year: int | None, token: Token) -> DateItem:
        """``Dec 24``, ``Dec 24-26``, ``Jan 01-31/8``, ``Dec 24-Jan 02``."""
        day_token = self.peek()
        first = (month, self.month_day(month, token))
        if year is not None:
            self.check_exists(year, first, token)
        if not self.accept("-"):
            return DateSpan(first, first, year)
        if self.peek().kind == "num" and not self.is_year():
            last_day = self.month_day(month, token)
            if last_day < first[1]:
                reason = f"a day range must not go back; write {MONTHS[month - 1]} "
                raise self.fail(
                    day_token.column, reason + f"{last_day:02d}-{first[1]:02d}"
                )
            step = self.number(1, 366, "a step of days") if self.accept("/") else 1
            if step == 1:
                return DateSpan(first, (month, last_day), year)
            point = DatePoint(month, first[1], year=year)
            return DateRange(point, DatePoint(month, last_day, year=year), step)
        end_token = self.peek()
        end = self.end_point(year)
        start = DatePoint(month, first[1], year=year)
        if end.year == year and year is not None:
            start_day, end_day = start.on(year), end.on(year)
            if start_day and end_day and end_day < start_day:
                reason = "give the year on both ends: 2026 Dec 24-2027 Jan 06"
                raise self.fail(end_token.column, reason)
        if end.weekday >= 0 or end.month == EASTER or end.year != year:
            return DateRange(start, end)
        return DateSpan(first, (end.month, end.day), year)

    def check_exists(self, year: int, day: tuple[int, int], token: Token) -> None:
        try:
            dt.date(year, *day)
        except ValueError:
            reason = f"{year:04d} {MONTHS[day[0] - 1]} {day[1]} does not exist"
            raise self.fail(token.column - 5, reason) from None

    def month(self, token: Token) -> int:
        if token.kind != "word":
            raise self.fail(token.column, "expected a month like Jan")
        if token.key not in MONTH_KEYS:
            raise self.fail(
                token.column, f"unknown month {token.text!r}; use Jan .. Dec"
            )
        return MONTH_KEYS.index(token.key) + 1

    def month_day(self, month: int, month_token: Token) -> int:
        token = self.advance()
        if token.kind != "num":
            reason = f"expected a day of the month after {month_token.text!r}"
            raise self.fail(token.column, reason)
        last = MONTH_DAYS[month - 1]
        if len(token.text) > 2 or not 1 <= int(token.text) <= last:
            name = MONTHS[month - 1]
            reason = f"day {token.text} does not exist in {name} (1-{last})"
            raise self.fail(token.column, reason)
        return int(token.text)
