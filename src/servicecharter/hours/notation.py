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
from .notation_selectors import MISPLACED
from .notation_times import _TimeParser
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


class _Parser(_TimeParser):
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


def parse_rules(text: str) -> tuple[HoursRule, ...]:
    r"""Parse opening_hours text into its rules, in text order.

    ``#`` starts a comment to the end of the line and newlines are
    whitespace. Raises ``NotationError`` with the 0-based column of the
    offending character, ``InvalidHoursError`` if ``text`` is not a str.

    >>> rules = parse_rules("mo-fr 9:00-17:00, Sa 10-12; PH off")
    >>> [(r.kind, r.state, len(r.spans)) for r in rules]
    [('normal', 'open', 1), ('additional', 'open', 1), ('normal', 'closed', 0)]
    >>> [(span.start_s, span.end_s) for span in rules[1].spans]
    [(36000, 43200)]
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
