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

from .._core.units import DAY_S
from .._errors import InvalidHoursError
from .notation_model import StructuredParts, to_parts
from .notation_selectors import MISPLACED, _SelectorParser
from .notation_tokens import MONTHS, WEEKDAYS, Token
from .osm_rules import HoursRule, RuleKind, State, TimeSpan
from .osm_selectors import Selector

__all__ = ["MONTHS", "WEEKDAYS", "ParsedNotation", "parse_notation", "parse_rules"]

ParsedNotation = StructuredParts

_STATES: dict[str, State] = {
    "open": "open",
    "closed": "closed",
    "off": "closed",
    "unknown": "unknown",
}
_SEPARATORS: dict[str, RuleKind] = {";": "normal", ",": "additional", "||": "fallback"}
_MAX_S = 2 * DAY_S


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


class _Parser(_SelectorParser):
    """Recursive descent over the tokens of one text; one method per rule."""

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
            if kind in ("normal", "additional") and self.peek().kind == "end":
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
            self.accept(":")  # "24/7 closed: "always closed""
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
                raise self.fail(token.column, MISPLACED)
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
        if not (self.accept("-") or self.accept("to")):
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
