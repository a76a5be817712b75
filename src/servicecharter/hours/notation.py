"""Parse the common opening_hours notation into weekly ranges and exceptions.

The notation is a small language, so it gets a small compiler: a tokenizer
that keeps each token's column (``#`` comments and newlines are skipped as
whitespace), then a recursive-descent parser with one method per grammar
rule:

    notation  := rule (";" rule)* [";"]
    rule      := "24/7" | [selector] ranges
    selector  := dates | months [weekdays] | weekdays
    dates     := date ("," date)*          (all with a year, or none)
    date      := [year] month day          ("2026 Dec 24", "Dec 24")
    months    := span ("," span)*          (span: month ["-" month])
    weekdays  := item ("," item)*
    item      := weekday ["-" weekday] | "PH"
    ranges    := "off" | "closed" | range ("," range)*
    range     := time "-" time

The writer, ``OpeningHours.format``, lives in ``_notation_format``.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from .._core.units import DAY_S
from .._errors import InvalidHoursError, NotationError

__all__ = ["MONTHS", "WEEKDAYS", "ParsedNotation", "parse_notation"]

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_OFF_WORDS = ("off", "closed")
_ALL_DAYS = frozenset(range(7))
_MISPLACED = "a month or date selector must start its rule"

Ranges = tuple[tuple[int, int], ...]
Week = tuple[Ranges | None, ...]


@attrs.frozen
class ParsedNotation:
    """What an opening_hours text says, as seconds since local midnight.

    Attributes:
        weekly: seven tuples, Monday to Sunday, of ``(start_s, end_s)``
            sorted by start; ``end_s <= start_s`` crosses midnight and
            ``end_s`` is 86400 for ``24:00``.
        holiday_hours: ranges on public holidays; ``None`` when the text has
            no ``PH`` rule, ``()`` for ``PH off``.
        annual_days: ``(month, day, ranges)`` sorted by date ("Dec 24").
        seasons: ``(months, week)`` in text order, ``months`` sorted and
            ``week`` seven entries, ``None`` for a weekday not named.
        special_days: ``(date, ranges)`` sorted by date ("2026 Dec 24").
    """

    weekly: tuple[Ranges, ...]
    holiday_hours: Ranges | None
    annual_days: tuple[tuple[int, int, Ranges], ...] = ()
    seasons: tuple[tuple[tuple[int, ...], Week], ...] = ()
    special_days: tuple[tuple[dt.date, Ranges], ...] = ()


@attrs.frozen
class _Token:
    kind: str  # "time", "num", "word", "punct" or "end"
    text: str
    column: int


@attrs.frozen
class _Rule:
    ranges: Ranges
    days: frozenset[int] = frozenset()
    holiday: bool = False
    months: tuple[int, ...] = ()  # a season rule when not empty
    annual: tuple[tuple[int, int], ...] = ()
    dates: tuple[dt.date, ...] = ()


# ASCII classes on purpose: "\d" would accept digits such as "٣".
_TOKEN_RE = re.compile(
    r"(?P<space>\s+|#[^\n]*)|(?P<time>[0-9]+:[0-9]+)|(?P<num>[0-9]+)"
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
    return end - start if end > start else end + DAY_S - start


def _span(start: int, end: int, size: int) -> list[int]:
    """``start`` to ``end`` inclusive, 0-based, wrapping around ``size``."""
    return [(start + offset) % size for offset in range((end - start) % size + 1)]


def _unknown_month(word: str) -> str:
    return f"unknown month {word!r}; use Jan, Feb .. Dec"


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

    def at_month(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token.kind == "word" and token.text in MONTHS

    def notation(self) -> ParsedNotation:
        if len(self.tokens) == 1:
            raise self.fail(0, "empty text")
        weekly: list[Ranges] = [()] * 7
        holiday_hours: Ranges | None = None
        annual: dict[tuple[int, int], Ranges] = {}
        special: dict[dt.date, Ranges] = {}
        seasons: list[tuple[tuple[int, ...], list[Ranges | None]]] = []
        while self.peek().kind != "end":
            rule = self.rule()
            week: list[Ranges] | list[Ranges | None] = weekly
            if rule.months:  # consecutive rules of the same months: one season
                if not seasons or seasons[-1][0] != rule.months:
                    seasons.append((rule.months, [None] * 7))
                week = seasons[-1][1]
            for day in rule.days:
                week[day] = rule.ranges  # a later rule replaces, never adds
            holiday_hours = rule.ranges if rule.holiday else holiday_hours
            annual.update(dict.fromkeys(rule.annual, rule.ranges))
            special.update(dict.fromkeys(rule.dates, rule.ranges))
            self.accept(";")
        return ParsedNotation(
            tuple(weekly),
            holiday_hours,
            tuple((m, d, annual[m, d]) for m, d in sorted(annual)),
            tuple((months, tuple(week)) for months, week in seasons),
            tuple((day, special[day]) for day in sorted(special)),
        )

    def at_always(self) -> bool:
        first, slash = self.peek(), self.peek(1)
        return first.text == "24" and first.kind == "num" and slash.text == "/"

    def rule(self) -> _Rule:
        token = self.peek()
        if token.text == ";":
            raise self.fail(token.column, "empty rule")
        if self.at_always():
            return self.always()
        if token.kind == "num" and self.peek(1).kind == "word":
            return self.dates()
        if self.at_month():
            return self.dates() if self.peek(1).kind == "num" else self.season()
        if token.kind == "word" and token.text not in _OFF_WORDS:
            days, holiday = self.selector(allow_holiday=True)
            return _Rule(self.ranges(), days, holiday)
        return _Rule(self.ranges(), _ALL_DAYS)

    def always(self) -> _Rule:
        self.advance()
        self.advance()
        seven = self.advance()
        if seven.kind != "num" or seven.text != "7":
            raise self.fail(seven.column, "expected 24/7")
        self.expect_rule_end("expected ';' after 24/7")
        return _Rule(((0, DAY_S),), _ALL_DAYS)

    def dates(self) -> _Rule:
        annual: list[tuple[int, int]] = []
        special: list[dt.date] = []
        with_year = self.peek().kind == "num"
        while True:
            token = self.peek()
            after = self.peek(1)
            if token.kind == "num" and (
                after.kind != "word" or after.text in (*_OFF_WORDS, *WEEKDAYS, "PH")
            ):
                reason = "expected a date like Dec 25 (month, then day)"
                raise self.fail(token.column, reason)
            if (token.kind == "num") != with_year:
                raise self.fail(
                    token.column,
                    "a list mixes dates with and without a year; "
                    "write the year on every date or on none",
                )
            if with_year:
                special.append(self.full_date())
            else:
                annual.append(self.annual_date())
            if not self.accept(","):
                break
        token = self.peek()
        if token.kind == "word" and (token.text in WEEKDAYS or token.text == "PH"):
            raise self.fail(token.column, "a date cannot have a weekday selector")
        return _Rule(self.ranges(), annual=tuple(annual), dates=tuple(special))

    def full_date(self) -> dt.date:
        year = self.advance()
        if len(year.text) != 4 or year.text == "0000":
            reason = f"year {year.text} out of range; write four digits, 0001-9999"
            raise self.fail(year.column, reason)
        month, day = self.annual_date()
        try:
            return dt.date(int(year.text), month, day)
        except ValueError:
            reason = f"{year.text} {MONTHS[month - 1]} {day} does not exist"
            raise self.fail(year.column, reason) from None

    def annual_date(self) -> tuple[int, int]:
        month_token = self.advance()
        month = self.month(month_token)
        if self.at_always():
            raise self.fail(self.peek().column, "24/7 must be a rule of its own")
        token = self.advance()
        if token.kind != "num":
            reason = f"expected a day of the month after {month_token.text!r}"
            raise self.fail(token.column, reason)
        last = _MONTH_DAYS[month - 1]
        if len(token.text) > 2 or not 1 <= int(token.text) <= last:
            reason = f"day {token.text} does not exist in {month_token.text} (1-{last})"
            raise self.fail(token.column, reason)
        return month, int(token.text)

    def month(self, token: _Token) -> int:
        if token.kind != "word":
            raise self.fail(token.column, "expected a month like Jan")
        if token.text not in MONTHS:
            raise self.fail(token.column, _unknown_month(token.text))
        return MONTHS.index(token.text) + 1

    def season(self) -> _Rule:
        months: set[int] = set()
        while True:
            start = self.month(self.advance()) - 1
            end = self.month(self.advance()) - 1 if self.accept("-") else start
            months.update(month + 1 for month in _span(start, end, 12))
            if self.peek().kind == "num":
                reason = "dates and months cannot share a selector"
                raise self.fail(self.peek().column, reason)
            if not self.accept(","):
                break
        token = self.peek()
        days = _ALL_DAYS
        if token.kind == "word" and token.text not in _OFF_WORDS:
            days, _ = self.selector(allow_holiday=False)
        return _Rule(self.ranges(), days, months=tuple(sorted(months)))

    def selector(self, *, allow_holiday: bool) -> tuple[frozenset[int], bool]:
        days: set[int] = set()
        holiday = False
        while True:
            token = self.advance()
            if token.kind == "word" and token.text == "PH":
                if not allow_holiday:
                    reason = "PH cannot follow a month selector"
                    raise self.fail(token.column, reason)
                holiday = True
            else:
                days.update(self.day_span(token))
            if not self.accept(","):
                return frozenset(days), holiday

    def day_span(self, first: _Token) -> list[int]:
        start = self.weekday(first)
        if not self.accept("-"):
            return [start]
        return _span(start, self.weekday(self.advance()), 7)

    def weekday(self, token: _Token) -> int:
        if token.kind != "word":
            raise self.fail(token.column, "expected a weekday like Mo")
        if token.text in MONTHS:
            raise self.fail(token.column, _MISPLACED)
        if token.text not in WEEKDAYS:
            if self.peek().kind == "num":  # "Dez 24": meant as a date
                raise self.fail(token.column, _unknown_month(token.text))
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
        if self.at_month() or (token.kind == "num" and self.at_month(1)):
            raise self.fail(token.column, _MISPLACED)
        spans = [self.time_range()]
        while self.accept(","):
            spans.append(self.time_range())
        self.expect_rule_end("expected ',' or ';'")
        self.check_overlaps(spans)
        return tuple(sorted((start, end) for _, start, end in spans))

    def time_range(self) -> tuple[int, int, int]:
        column = self.peek().column
        start = self.time("expected a time like 09:00, 'off' or 'closed'")
        if start == DAY_S:
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
    r"""Parse opening_hours text such as ``"Mo-Fr 09:00-17:00; PH off"``.

    Rules are separated by ``;``; ``#`` starts a comment to the end of the
    line and newlines are whitespace. A later rule replaces an earlier one's
    ranges for what it names: the same weekdays, ``PH``, the same annual
    date ("Dec 24") or the same dated day ("2026 Dec 24"). A rule without a
    selector covers every weekday (not holidays). Month rules ("Jul-Aug
    Mo-Fr ...", "Dec ...") make seasons in text order; consecutive rules
    for the same months build one season. Raises ``NotationError`` with the
    0-based column of the offending character, ``InvalidHoursError`` if
    ``text`` is not a str.

    >>> parsed = parse_notation("Mo-Fr 09:00-12:00,14:00-17:00; Sa 22:00-02:00; PH off")
    >>> parsed.weekly[0]
    ((32400, 43200), (50400, 61200))
    >>> parsed.weekly[5], parsed.weekly[6], parsed.holiday_hours
    (((79200, 7200),), (), ())
    >>> parsed = parse_notation(
    ...     "Mo-Fr 09:00-17:00;  # usual hours\n"
    ...     "Dec 24,Dec 31 09:00-12:00; Jan 01 off;\n"
    ...     "Jul-Aug Mo-Fr 10:00-16:00; Jul-Aug Sa off; 2026 Dec 28 off"
    ... )
    >>> parsed.annual_days
    ((1, 1, ()), (12, 24, ((32400, 43200),)), (12, 31, ((32400, 43200),)))
    >>> months, week = parsed.seasons[0]
    >>> months, week[0], week[5], week[6]
    ((7, 8), ((36000, 57600),), (), None)
    >>> parsed.special_days
    ((datetime.date(2026, 12, 28), ()),)
    """
    if not isinstance(text, str):
        raise InvalidHoursError(
            f"opening hours notation must be a str, got {type(text).__name__}"
        )
    return _Parser(text).notation()
