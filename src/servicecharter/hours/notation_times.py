"""The times of an opening_hours rule: fixed, open-ended and variable.

The part of the recursive-descent parser that reads a rule's times:

    times  := span ("," span)*
    span   := moment ("+" | "-" moment ["+"])      ("09:00-17:00", "18:00+",
                                                    "sunrise-sunset")
    moment := time | event | "(" event ("+" | "-") time ")"
    event  := "dawn" | "sunrise" | "sunset" | "dusk"

A variable end keeps its event and, as its time, the one opening_hours.js
uses where no place is known (``osm_variable``).
"""

from __future__ import annotations

import attrs

from .._core.units import DAY_S
from .notation_navigation import VARIABLE_TIMES
from .notation_selectors import _SelectorParser
from .osm_rules import TimeSpan
from .osm_variable import DEFAULT_S, open_end_s

__all__: list[str] = []

_MAX_S = 2 * DAY_S
_MAX_OFFSET_S = 12 * 3600


def _cut_open_end(span: TimeSpan, spans: tuple[TimeSpan, ...]) -> TimeSpan:
    """An open end stops where the rule's next range starts (``07:00+,12:00-16:00``).

    ``00:00+`` is open all day, as opening_hours.js reads it.
    """
    if not span.open_end:
        return span
    if span.start_s == 0 and span.start_event is None:
        return TimeSpan(0, DAY_S)
    later = [s.start_s for s in spans if s.start_s > span.start_s]
    return attrs.evolve(span, end_s=min([span.end_s, *later]))


class _TimeParser(_SelectorParser):
    """The time rules of the recursive descent."""

    def times(self) -> tuple[TimeSpan, ...]:
        spans = self.time_span()
        while self.at(",") and self.is_time(1):
            self.advance()
            spans += self.time_span()
        return tuple(_cut_open_end(span, spans) for span in spans)

    def time_span(self) -> tuple[TimeSpan, ...]:
        token = self.peek()
        start, start_event = self.moment(end=False)
        if self.accept("+"):
            span = TimeSpan(start, open_end_s(start), True, start_event)
            return (span,)
        if not (self.accept("-") or self.accept("to")):
            raise self.fail(self.peek().column, "expected '-' between two times")
        end_token = self.peek()
        end, end_event = self.moment(end=True)
        variable = start_event is not None or end_event is not None
        if end == start and not variable:
            reason = (
                f"{token.text}-{end_token.text} is empty; for a whole day write "
                "00:00-24:00"
            )
            raise self.fail(token.column, reason)
        if end < start:
            end += DAY_S
        spans: tuple[TimeSpan, ...] = (
            TimeSpan(start, end, start_event=start_event, end_event=end_event),
        )
        if self.accept("+"):
            tail = TimeSpan(end, max(end, open_end_s(end)), True, end_event)
            spans += (tail,)
        return spans

    def moment(self, *, end: bool) -> tuple[int, str | None]:
        """A time, or a variable time and the time it stands for without a place."""
        token = self.peek()
        if token.kind == "word" and token.key in VARIABLE_TIMES:
            self.advance()
            return DEFAULT_S[token.key], token.key
        if not self.accept("("):
            return self.time(end=end), None
        event = self.advance()
        if event.key not in VARIABLE_TIMES:
            raise self.fail(event.column, "expected sunrise, sunset, dawn or dusk")
        sign = self.advance()
        if sign.text not in ("+", "-"):
            reason = f"expected + or - after {event.text}: ({event.text}+01:00)"
            raise self.fail(sign.column, reason)
        offset_token = self.peek()
        offset = self.time(end=False)
        if offset >= _MAX_OFFSET_S:
            reason = "an offset from a variable time is under 12:00"
            raise self.fail(offset_token.column, reason)
        if not self.accept(")"):
            raise self.fail(self.peek().column, "expected ')'")
        return DEFAULT_S[event.key] + (
            offset if sign.text == "+" else -offset
        ), event.key

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
