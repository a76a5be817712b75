"""Variable times of a rule (``sunrise``, ``(sunset+01:00)``) on a given date.

A ``TimeSpan`` with a ``start_event`` or ``end_event`` keeps, in ``start_s``
and ``end_s``, the times opening_hours.js uses where no place is known
(dawn 05:30, sunrise 06:00, sunset 18:00, dusk 18:30, moved by the
offset). On a date with a known place, each variable end is that date's
event moved by the same offset; an end not after its start runs into the
next day, as opening_hours.js reads ``sunset-sunrise``. The part after
midnight ends at the next date's event: ``sunset-sunrise`` ends at the
sunrise of the morning it ends on. An open end after a variable time
(``(sunset+01:00)+``) keeps the guessed end of its fixed time, as
opening_hours.js keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

import attrs

from .._core.units import DAY_S

__all__ = ["DEFAULT_S", "SunTimes", "offset_of", "open_end_s", "resolved", "spill_of"]

SunTimes = Callable[[dt.date, str], "int | None"]
"""Seconds from local midnight to an event on a date, None if unknown there."""


class _Span(Protocol):
    """What this module reads of a ``TimeSpan`` (``osm_rules``)."""

    @property
    def start_s(self) -> int: ...
    @property
    def end_s(self) -> int: ...
    @property
    def open_end(self) -> bool: ...
    @property
    def start_event(self) -> str | None: ...
    @property
    def end_event(self) -> str | None: ...
    @property
    def variable(self) -> bool: ...
    @property
    def spill_s(self) -> int: ...


Span = TypeVar("Span", bound=_Span)

DEFAULT_S = {"dawn": 19_800, "sunrise": 21_600, "sunset": 64_800, "dusk": 66_600}
_HALF_DAY_S = DAY_S // 2


def open_end_s(start: int) -> int:
    """Where an open end (``18:00+``) is guessed to close, as opening_hours.js does.

    >>> open_end_s(9 * 3600) // 3600, open_end_s(18 * 3600) // 3600
    (24, 28)
    """
    if start >= 22 * 3600:
        return start + 8 * 3600
    if start >= 17 * 3600:
        return start + 10 * 3600
    return DAY_S


def offset_of(event: str, seconds: int) -> int:
    """The offset of a fixed fallback time from its event's default, within 12 h.

    >>> offset_of("sunset", 64_800 + 3600), offset_of("sunrise", 21_600 + DAY_S)
    (3600, 0)
    """
    shift = (seconds - DEFAULT_S[event]) % DAY_S
    return shift - DAY_S if shift >= _HALF_DAY_S else shift


def _at(event: str | None, fallback: int, day: dt.date, sun: SunTimes | None) -> int:
    """A variable end on ``day`` (the fallback if the event is unknown)."""
    if event is None or sun is None:
        return fallback
    seconds = sun(day, event)
    if seconds is None:
        return fallback
    return seconds + offset_of(event, fallback)


def resolved(span: Span, day: dt.date, sun: SunTimes | None) -> Span:
    """``span`` with its variable times fixed to those of ``day``."""
    start = _at(span.start_event, span.start_s, day, sun)
    start = min(max(start, 0), DAY_S - 60)
    if span.open_end:
        end = max(start, span.end_s)  # the guess made for the fixed time
    elif span.end_event is not None:
        end = _at(span.end_event, span.end_s % DAY_S, day, sun)
        end = end + DAY_S if end <= start else end
    else:
        end = span.end_s  # a fixed end before a variable start: no range
    end = min(max(end, start), start + DAY_S)
    fixed = attrs.evolve(  # a TimeSpan: attrs, though typed by its protocol
        cast(Any, span), start_s=start, end_s=end, start_event=None, end_event=None
    )
    return cast(Span, fixed)


def spill_of(span: _Span, day: dt.date, sun: SunTimes | None) -> tuple[int, int] | None:
    """The part on ``day`` of a range that the rule started the date before.

    ``(start_s, end_s)`` of ``day``, or None when the range stays in its day.
    A variable end is that of ``day`` (``sunset-sunrise`` ends at the
    sunrise of the morning it ends on).
    """
    if not span.variable or span.open_end:
        if span.variable:
            span = resolved(span, day - dt.timedelta(days=1), sun)
        if not span.spill_s:
            return None
        return max(0, span.start_s - DAY_S), span.spill_s
    if span.end_event is None:  # a fixed end: on the next day if past 24:00
        return (0, span.spill_s) if span.spill_s else None
    start = _at(span.start_event, span.start_s, day, sun)
    end = _at(span.end_event, span.end_s % DAY_S, day, sun)
    if end > start or end <= 0:
        return None
    return 0, min(end, DAY_S)
