"""Rules of the opening_hours notation and what they make of each date.

A value is an ordered tuple of ``HoursRule``. The rules are applied to each
local date in text order, as OpenStreetMap consumers do:

- a normal rule (after ``;``) that selects the date replaces everything
  earlier rules said about it, the part after midnight of the previous
  day's overnight range included; an ``off`` rule with times only closes
  those times;
- an additional rule (after ``,``) adds its times without replacing;
- a fallback rule (after ``||``) fills the times still closed.

The part of a range after midnight belongs to the rule of the day it
starts on: it applies on the next date whenever the rule selects the
previous one, and a later rule selecting the next date cuts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping
from typing import Literal

import attrs

from .._core.units import DAY_S
from .osm_selectors import Selector
from .osm_variable import SunTimes, resolved, spill_of

__all__ = [
    "HoursRule",
    "Piece",
    "RuleKind",
    "State",
    "TimeSpan",
    "day_pieces",
    "owned_ranges",
]

State = Literal["open", "closed", "unknown"]
RuleKind = Literal["normal", "additional", "fallback"]


@attrs.frozen
class TimeSpan:
    """A time range of a rule, in seconds from the local midnight of its date.

    ``end_s`` is after ``start_s`` and at most 48 hours; past 86400 the range
    runs into the next date (``22:00-02:00`` is ``79200, 93600``).
    ``open_end`` marks ``18:00+``: the end is a guess and the span unknown.
    ``start_event`` / ``end_event`` name a variable time (``sunrise``,
    ``sunset``, ``dawn``, ``dusk``): the end is then that event of the date
    moved as the fixed value is moved from the event's default
    (``osm_variable``), and ``start_s`` / ``end_s`` are the times used where
    no place is known.

    >>> TimeSpan(79200, 93600).spill_s
    7200
    """

    start_s: int
    end_s: int
    open_end: bool = False
    start_event: str | None = None
    end_event: str | None = None

    @property
    def variable(self) -> bool:
        """Whether an end is a variable time (its times change by date)."""
        return self.start_event is not None or self.end_event is not None

    @property
    def spill_s(self) -> int:
        """How far the span runs past midnight (0 if it does not)."""
        return max(0, self.end_s - DAY_S)


@attrs.frozen
class HoursRule:
    """One rule: which dates, which times, in which state, added how.

    An empty ``spans`` means the whole day. ``comment`` is the quoted text
    (the reader makes a rule with a comment and no state word ``unknown``,
    as opening_hours.js does).

    >>> from servicecharter.hours.osm_selectors import DayItem
    >>> rule = HoursRule(
    ...     Selector(days=(DayItem(frozenset({4})),)), (TimeSpan(79200, 93600),)
    ... )
    >>> rule.state, rule.kind
    ('open', 'normal')
    """

    selector: Selector = attrs.field(factory=Selector)
    spans: tuple[TimeSpan, ...] = ()
    state: State = "open"
    kind: RuleKind = "normal"
    comment: str | None = None

    @property
    def spills(self) -> bool:
        """Whether a span runs past midnight into the next date."""
        return any(span.end_s > DAY_S or span.variable for span in self.spans)

    @property
    def has_unknown(self) -> bool:
        """Whether the rule says ``unknown`` somewhere (an open end included)."""
        return self.state == "unknown" or any(s.open_end for s in self.spans)


@attrs.frozen
class Piece:
    """Part of a date in one state: seconds ``[start_s, end_s)`` of that date.

    ``spill`` marks the part after midnight of a range started the day before.
    """

    start_s: int
    end_s: int
    state: State
    spill: bool = False


def _cut(pieces: list[Piece], start: int, end: int) -> list[Piece]:
    """``pieces`` without ``[start, end)``."""
    out: list[Piece] = []
    for p in pieces:
        if p.end_s <= start or p.start_s >= end:
            out.append(p)
            continue
        if p.start_s < start:
            out.append(attrs.evolve(p, end_s=start))
        if p.end_s > end:
            out.append(attrs.evolve(p, start_s=end))
    return out


def _gaps(pieces: list[Piece], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` no piece covers."""
    gaps = [(start, end)]
    for p in pieces:
        gaps = [
            part
            for lo, hi in gaps
            for part in ((lo, min(hi, p.start_s)), (max(lo, p.end_s), hi))
            if part[0] < part[1]
        ]
    return gaps


def _put(
    pieces: list[Piece], rule: HoursRule, start: int, end: int, *, spill: bool
) -> list[Piece]:
    """Apply one time range of ``rule`` to a date's pieces."""
    state = rule.state
    if rule.kind == "fallback":
        if state == "closed":
            return pieces
        parts = _gaps(pieces, start, end)
        return pieces + [Piece(lo, hi, state, spill) for lo, hi in parts]
    pieces = _cut(pieces, start, end)
    if state != "closed":
        pieces.append(Piece(start, end, state, spill))
    return pieces


def _own(pieces: list[Piece], rule: HoursRule) -> list[Piece]:
    """Apply ``rule`` on a date it selects."""
    if rule.kind == "normal" and (rule.state != "closed" or not rule.spans):
        pieces = []
    spans = rule.spans or (TimeSpan(0, DAY_S),)
    for span in spans:
        end = min(span.end_s, DAY_S)
        if span.open_end and span.start_s < end:
            pieces = _put(pieces, _unknown(rule), span.start_s, end, spill=False)
        elif span.start_s < end:
            pieces = _put(pieces, rule, span.start_s, end, spill=False)
    return pieces


def _unknown(rule: HoursRule) -> HoursRule:
    if rule.state == "closed":
        return rule
    return attrs.evolve(rule, state="unknown")


def on_date(rule: HoursRule, day: dt.date, sun: SunTimes | None) -> HoursRule:
    """``rule`` with its variable times fixed to those of ``day``."""
    if not any(span.variable for span in rule.spans):
        return rule
    spans = tuple(resolved(span, day, sun) for span in rule.spans)
    return attrs.evolve(rule, spans=spans)


def day_pieces(
    rules: tuple[HoursRule, ...],
    day: dt.date,
    holidays: Mapping[str, Container[dt.date]],
    sun: SunTimes | None = None,
) -> list[Piece]:
    """What ``rules`` make of the local date ``day``, sorted by start.

    ``sun`` gives the variable times of a date (``osm_variable``); without
    it they are opening_hours.js's defaults (sunrise 06:00, sunset 18:00).

    >>> from servicecharter.hours.osm_selectors import DayItem
    >>> fr = HoursRule(
    ...     Selector(days=(DayItem(frozenset({4})),)), (TimeSpan(79200, 93600),)
    ... )
    >>> sa = HoursRule(
    ...     Selector(days=(DayItem(frozenset({5})),)), (TimeSpan(36000, 43200),)
    ... )
    >>> day_pieces((fr, sa), dt.date(2026, 6, 6), {})
    [Piece(start_s=36000, end_s=43200, state='open', spill=False)]
    >>> day_pieces((fr,), dt.date(2026, 6, 6), {})
    [Piece(start_s=0, end_s=7200, state='open', spill=True)]
    """
    pieces: list[Piece] = []
    before = day - dt.timedelta(days=1)
    lookup = dict(holidays)
    for rule in rules:
        if rule.selector.matches(day, lookup):
            pieces = _own(pieces, on_date(rule, day, sun))
        if rule.spills and rule.selector.matches(before, lookup):
            for span in rule.spans:
                spill = spill_of(span, day, sun)
                if spill is not None:
                    target = _unknown(rule) if span.open_end else rule
                    pieces = _put(pieces, target, *spill, spill=True)
    return sorted(pieces, key=lambda p: p.start_s)


def _open(pieces: list[Piece], unknown_open: bool) -> list[tuple[int, int, bool]]:
    """Open intervals of a date, touching pieces joined; flag: starts as a spill."""
    out: list[tuple[int, int, bool]] = []
    for p in pieces:
        if p.state == "open" or (unknown_open and p.state == "unknown"):
            if out and out[-1][1] >= p.start_s:
                lo, hi, spill = out[-1]
                out[-1] = (lo, max(hi, p.end_s), spill)
            else:
                out.append((p.start_s, p.end_s, p.spill and p.start_s == 0))
    return out


def _joined(day: list[tuple[int, int, bool]], nxt: list[tuple[int, int, bool]]) -> bool:
    """Whether the date's last interval goes on past midnight as one range."""
    if not day or not nxt:
        return False
    (start, end, _), (nxt_start, nxt_end, spill) = day[-1], nxt[0]
    return end == DAY_S and nxt_start == 0 and spill and 0 < nxt_end < start


def owned_ranges(
    before: list[Piece],
    day: list[Piece],
    after: list[Piece],
    *,
    unknown_open: bool,
) -> list[tuple[int, int]]:
    """The ranges that belong to a date, from the pieces of it and its neighbours.

    A range is ``(start_s, end_s)``; an end before the start runs past
    midnight (the part after midnight is a spill the next date kept).

    >>> night = [Piece(79200, DAY_S, "open")]
    >>> owned_ranges([], night, [Piece(0, 7200, "open", True)], unknown_open=False)
    [(79200, 7200)]
    """
    prev = _open(before, unknown_open)
    cur = _open(day, unknown_open)
    nxt = _open(after, unknown_open)
    ranges = [(lo, hi) for lo, hi, _ in cur]
    if _joined(prev, cur):
        ranges = ranges[1:]
    if _joined(cur, nxt):
        ranges[-1] = (ranges[-1][0], nxt[0][1])
    return ranges
