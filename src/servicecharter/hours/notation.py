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

import warnings

from .._core.units import DAY_S
from .._errors import InvalidHoursError, NotationWarning
from .notation_model import StructuredParts, to_parts
from .notation_navigation import DAY_WORDS
from .notation_parts import _Parts
from .notation_times import _TimeParser
from .notation_tokens import MONTHS, WEEKDAYS, Token
from .osm_rules import HoursRule, RuleKind, State, TimeSpan

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
        if token.text == "24" and self.at("/", 1):
            self.always()
            parts = _Parts(spans=[TimeSpan(0, DAY_S)])
        else:
            parts = _Parts()
        # The parts of a rule come in any order, as opening_hours.js reads
        # them ("00:00-24:00 week 05 Feb" is "Feb week 05 00:00-24:00").
        while True:
            following = self.tokens[self.index]
            if following.kind == "end" or following.text in _SEPARATORS:
                break
            if not self.rule_part(parts):
                self.expect_rule_end(token)
        if self.peek().column == token.column:
            raise self.fail(token.column, self.nothing_reason(token))
        return parts.rule(kind, self)

    def rule_part(self, parts: _Parts) -> bool:
        """Read one part of a rule into ``parts``; False if none starts here."""
        token = self.tokens[self.index]
        if token.key == ":":  # "Mo-Fr: 09:00-17:00", as opening_hours.js allows
            self.advance()
            return True
        if token.kind == "word" and token.key in DAY_WORDS:  # the usual first
            self.weekday_part(parts, token)
            return True
        if token.kind == "num":
            self.check_year()
            if token.text == "24" and self.at("/", 1) and self.peek(2).text == "7":
                self.always_part(parts, token)
                return True
        if self.is_time():
            parts.add("time ranges", parts.spans, self.times(), token)
        elif self.state_or_comment(parts):
            pass
        elif self.is_year() and not (self.is_month(1) or self.at("easter", 1)):
            after = bool(parts.spans or parts.weekdays or parts.holidays)
            if after and not (self.at("week", 1) and token.text[0] != "0"):
                return False  # "Mo 0900-1000": a time without its colon
            if parts.spans:  # "00:00-24:00 2026 week 06": read, with a note
                self.notes.append(
                    f"{self.text!r} has the year {token.text} after the times "
                    f"(column {token.column + 1}); write the year first"
                )
            parts.add("years", parts.years, self.years(), token)
        elif self.is_month() or self.is_year() or self.at("easter"):
            parts.add_dates(self.dates(), token)
        elif self.at("week"):
            parts.add("weeks", parts.weeks, self.weeks(), token)
        else:
            return False
        return True

    def weekday_part(self, parts: _Parts, token: Token) -> None:
        """Weekdays and holidays (``Mo-Fr,PH``); holidays alone select either."""
        days = self.days()
        if all(item.holiday for item in days):
            parts.holidays.extend(days)  # "SH PH -1 day": either holiday
        else:
            parts.add("weekdays", parts.weekdays, days, token)

    def always_part(self, parts: _Parts, token: Token) -> None:
        """``24/7`` after a selector (``Mo,We 24/7``): those dates whole."""
        self.always()
        selected = parts.years or parts.dates or parts.month_dates or parts.weeks
        if selected or parts.weekdays or parts.holidays:
            what = "after a selector"
            means = "00:00-24:00 on the dates selected, not every day"
        else:
            what, means = "after times", "00:00-24:00 beside them"
        self.notes.append(
            f"{self.text!r} has 24/7 {what} (column {token.column + 1}); it "
            f"reads as {means}: write 00:00-24:00"
        )
        parts.add("time ranges", parts.spans, (TimeSpan(0, DAY_S),), token)

    def state_or_comment(self, parts: _Parts) -> bool:
        """Read a state word or a quoted comment into ``parts``, if one is here."""
        token = self.peek()
        if token.kind == "word" and token.key in _STATES:
            if parts.state is not None:
                raise self.fail(token.column, "a rule has one state; remove one")
            parts.state = _STATES[self.advance().key]
            return True
        if token.kind == "string":
            text = self.advance().text[1:-1]
            if parts.comment is not None:  # kept both, as opening_hours.js
                self.notes.append(
                    f"{self.text!r} has two comments in one rule (the second "
                    f"at column {token.column + 1}); they are kept as one, "
                    "joined by a space: write one comment, or separate two "
                    "rules with ';'"
                )
                text = " ".join(part for part in (parts.comment, text) if part)
            parts.comment = text
            return True
        return False

    def nothing_reason(self, token: Token) -> str:
        if token.kind == "word" and self.peek(1).kind == "num":
            return f"unknown month {token.text!r}; use Jan, Feb .. Dec"
        if token.kind == "word":
            return f"unknown word {token.text!r}; expected a weekday like Mo or a month"
        return f"expected a weekday, a month or a time like 09:00, got {token.text!r}"

    def expect_rule_end(self, first: Token) -> None:
        token = self.peek()
        if token.column == first.column:
            raise self.fail(token.column, self.nothing_reason(token))
        if token.kind != "end" and token.text not in _SEPARATORS:
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
    parser = _Parser(text)
    rules = parser.notation()
    for note in parser.notes:
        warnings.warn(note, NotationWarning, stacklevel=3)
    return rules


def parse_notation(text: str) -> StructuredParts:
    """Parse ``text`` into the structured parts it says, keeping its rules.

    >>> parse_notation("Mo-Fr 09:00-17:00; PH off").weekly[0]
    ((32400, 61200),)
    >>> parse_notation("Fr 22:00-02:00; Sa 10:00-12:00").structured
    False
    """
    return to_parts(parse_rules(text))
