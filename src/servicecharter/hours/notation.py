"""Parse the opening_hours notation into ordered rules (``HoursRule``).

A recursive-descent parser over the tokens of ``notation_tokens``, one
method per grammar rule:

    notation  := rule (sep rule)* [";"]       sep: ";" | "," | "||"
    rule      := "24/7" [state] [comment] | [selector] [times] [state] [comment]
    selector  := [years] [dates] [weeks] [days]
    dates     := date ("," date)*   ("Dec 24", "Dec 24-26", "Jul-Aug", "easter")
    weeks     := "week" n ["-" n] ["/" n] ("," ...)*
    days      := item ("," item)*   ("Mo-Fr", "Su[1]", "Su[-1]", "PH", "PH +1 day")
    times     := span ("," span)*   ("09:00-17:00", "8:30-12:00", "10-12",
                                     "18:00+", "18:00-26:00")
    state     := "open" | "closed" | "off" | "unknown"

``OpeningHours.parse`` builds the model from the rules (``notation_model``);
``OpeningHours.format`` writes them back (``notation_write``).
"""

from __future__ import annotations

import datetime as dt

from .._core.units import DAY_S
from .._errors import InvalidHoursError, NotationError
from .notation_model import StructuredParts, to_parts
from .notation_tokens import MONTHS, WEEKDAYS, Token, tokenize
from .osm_rules import HoursRule, RuleKind, State, TimeSpan
from .osm_selectors import DateSpan, DayItem, EasterDay, Selector

__all__ = ["MONTHS", "WEEKDAYS", "ParsedNotation", "parse_notation", "parse_rules"]

ParsedNotation = StructuredParts

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_KEYS = tuple(day.lower() for day in WEEKDAYS)
_MONTH_KEYS = tuple(month.lower() for month in MONTHS)
_STATES: dict[str, State] = {
    "open": "open",
    "closed": "closed",
    "off": "closed",
    "unknown": "unknown",
}
_SEPARATORS: dict[str, RuleKind] = {";": "normal", ",": "additional", "||": "fallback"}
_MAX_S = 2 * DAY_S
_MISPLACED = "a month or date selector must start its rule"


def _open_end_s(start: int) -> int:
    """Where an open end (``18:00+``) is guessed to close, as opening_hours.js does."""
    if start >= 22 * 3600:
        return start + 8 * 3600
    if start >= 17 * 3600:
        return start + 10 * 3600
    return DAY_S


def _cut_open_end(span: TimeSpan, spans: tuple[TimeSpan, ...]) -> TimeSpan:
    """An open end stops where the rule's next range starts (``07:00+,12:00-16:00``).

    ``00:00+`` is open all day, as opening_hours.js reads it.
    """
    if not span.open_end:
        return span
    if span.start_s == 0:
        return TimeSpan(0, DAY_S)
    later = [s.start_s for s in spans if s.start_s > span.start_s]
    return TimeSpan(span.start_s, min([span.end_s, *later]), open_end=True)


def _span(start: int, end: int, size: int) -> list[int]:
    """``start`` to ``end`` inclusive, 0-based, wrapping around ``size``."""
    return [(start + offset) % size for offset in range((end - start) % size + 1)]


class _Parser:
    """Recursive descent over the tokens of one text; one method per rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.peek()
        self.index = min(self.index + 1, len(self.tokens) - 1)
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

    # notation := rule (sep rule)* [";"]
    def notation(self) -> tuple[HoursRule, ...]:
        if self.peek().kind == "end":
            raise self.fail(0, "empty text")
        rules = [self.rule("normal")]
        while self.peek().kind != "end":
            token = self.advance()
            kind = _SEPARATORS.get(token.text)
            if kind is None:
                raise self.fail(token.column, "expected ';', ',' or '||'")
            if kind == "normal" and self.peek().kind == "end":
                break
            rules.append(self.rule(kind))
        return tuple(rules)

    def rule(self, kind: RuleKind) -> HoursRule:
        token = self.peek()
        if token.kind == "end" or token.text in _SEPARATORS:
            raise self.fail(token.column, "empty rule")
        spans: tuple[TimeSpan, ...]
        if token.text == "24" and self.at("/", 1):
            self.always()
            self.accept(":")
            selector, spans = Selector(), (TimeSpan(0, DAY_S),)
        else:
            selector = self.selector()
            self.accept(":")  # "Mo-Fr: 09:00-17:00", as opening_hours.js allows
            spans = self.times() if self.is_time() else ()
        state: State = "open"
        explicit = False
        if self.peek().kind == "word" and self.peek().key in _STATES:
            word = self.advance()
            state, explicit = _STATES[word.key], True
            if self.is_time():
                reason = f"times come before {word.text!r}: Mo 09:00-10:00 {word.text}"
                raise self.fail(self.peek().column, reason)
        comment = None
        if self.peek().kind == "string":
            comment = self.advance().text[1:-1]
            state = state if explicit else "unknown"
        if self.peek().column == token.column:
            raise self.fail(token.column, self.nothing_reason(token))
        self.expect_rule_end()
        return HoursRule(selector, spans, state, kind, comment)

    def nothing_reason(self, token: Token) -> str:
        if token.kind == "word" and self.peek(1).kind == "num":
            return f"unknown month {token.text!r}; use Jan, Feb .. Dec"
        if token.kind == "word":
            return f"unknown word {token.text!r}; expected a weekday like Mo or a month"
        return f"expected a weekday, a month or a time like 09:00, got {token.text!r}"

    def expect_rule_end(self) -> None:
        token = self.peek()
        if token.kind != "end" and token.text not in _SEPARATORS:
            if self.is_month() or (self.is_year() and self.is_month(1)):
                raise self.fail(token.column, _MISPLACED)
            if token.kind == "word" and self.peek(1).kind == "num":
                reason = f"unknown month {token.text!r}; use Jan, Feb .. Dec"
                raise self.fail(token.column, reason)
            if token.kind == "word":
                reason = f"unexpected {token.text!r}; expected ';' before a new rule"
                raise self.fail(token.column, reason)
            if token.kind == "num":
                raise self.fail(token.column, "expected a time like 09:00")
            raise self.fail(token.column, "expected ',' or ';'")

    def always(self) -> None:
        self.advance()
        self.advance()
        seven = self.advance()
        if seven.kind != "num" or seven.text != "7":
            raise self.fail(seven.column, "expected 24/7")

    # selector := [years] [dates] [weeks] [days]
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
        weeks = self.weeks() if self.at("week") else ()
        days = self.days() if self.is_weekday() else ()
        also: tuple[DayItem, ...] = ()
        if days and all(d.holiday for d in days) and self.is_weekday():
            also = self.days()
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
            if not (self.at(",") and (self.is_month(1) or year_date)):
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
            raise self.fail(self.peek().column, _MISPLACED)
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
    def times(self) -> tuple[TimeSpan, ...]:
        spans = self.time_span()
        while self.at(",") and self.is_time(1):
            self.advance()
            spans += self.time_span()
        return tuple(_cut_open_end(span, spans) for span in spans)

    def time_span(self) -> tuple[TimeSpan, ...]:
        token = self.peek()
        start = self.time(end=False)
        if self.accept("+"):
            return (TimeSpan(start, _open_end_s(start), open_end=True),)
        if not self.accept("-"):
            raise self.fail(self.peek().column, "expected '-' between two times")
        end_token = self.peek()
        end = self.time(end=True)
        if end == start:
            reason = (
                f"{token.text}-{end_token.text} is empty; for a whole day write "
                "00:00-24:00"
            )
            raise self.fail(token.column, reason)
        if end < start:
            end += DAY_S
        if end - start > DAY_S:
            raise self.fail(end_token.column, "a range is at most 24 hours long")
        spans: tuple[TimeSpan, ...] = (TimeSpan(start, end),)
        if self.accept("+"):
            spans += (TimeSpan(end, max(end, _open_end_s(end)), open_end=True),)
        return spans

    def time(self, *, end: bool) -> int:
        token = self.advance()
        if token.text == "24" and self.at("/"):
            raise self.fail(token.column, "24/7 must be a rule of its own")
        hour_text, _, minute_text = token.text.replace(".", ":").partition(":")
        if token.kind not in ("time", "num") or len(hour_text) > 2:
            raise self.fail(token.column, "expected a time like 09:00")
        if token.kind == "time" and len(minute_text) != 2:
            raise self.fail(token.column, "expected a time like 09:00")
        hour, minute = int(hour_text), int(minute_text or 0)
        if self.peek().kind == "word" and self.peek().key in ("am", "pm"):
            meridiem = self.advance()
            if not 1 <= hour <= 12:
                raise self.fail(token.column, f"hour {hour_text} out of range 1-12")
            hour = hour % 12 + (12 if meridiem.key == "pm" else 0)
            if end and hour == 0 and minute == 0:
                hour = 24  # 12am as an end: midnight at the end of the day
        if minute > 59:
            raise self.fail(token.column + 3, f"minute {minute_text} out of range")
        seconds = hour * 3600 + minute * 60
        if not end and seconds == DAY_S:
            raise self.fail(token.column, "24:00 is only allowed as an end")
        if not end and seconds > DAY_S:
            reason = f"a range cannot start at {token.text}; start it before 24:00"
            raise self.fail(token.column, reason)
        if seconds > _MAX_S:
            raise self.fail(token.column, f"hour {hour_text} out of range")
        return seconds


def parse_rules(text: str) -> tuple[HoursRule, ...]:
    r"""Parse opening_hours text into its rules, in text order.

    ``#`` starts a comment to the end of the line and newlines are
    whitespace. Raises ``NotationError`` with the 0-based column of the
    offending character, ``InvalidHoursError`` if ``text`` is not a str.

    >>> rules = parse_rules("mo-fr 9:00-17:00, Sa 10-12; PH off")
    >>> [(r.kind, r.state, len(r.spans)) for r in rules]
    [('normal', 'open', 1), ('additional', 'open', 1), ('normal', 'closed', 0)]
    >>> rules[1].spans
    (TimeSpan(start_s=36000, end_s=43200, open_end=False),)
    """
    if not isinstance(text, str):
        raise InvalidHoursError(
            f"opening hours notation must be a str, got {type(text).__name__}"
        )
    return _Parser(text).notation()


def parse_notation(text: str) -> StructuredParts:
    """Parse ``text`` into the structured parts it says, keeping its rules.

    >>> parse_notation("Mo-Fr 09:00-17:00; PH off").weekly[0]
    ((32400, 61200),)
    >>> parse_notation("Fr 22:00-02:00; Sa 10:00-12:00").structured
    False
    """
    return to_parts(parse_rules(text))
