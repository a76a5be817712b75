"""Pauses of one request, for ``explain`` and ``testing.assert_met``.

The same semantics as ``evaluate`` (docs/compliance.md):
pauses are clipped to [received, end of life] (the response, or ``now``
while unanswered), a missing end runs to the end of life, overlapping pauses
count once (their union), and the paused business time is left out of the
time used and moves each deadline: ``calendar.add(rule deadline, paused)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._core.convert import instant_us
from .._errors import InvalidArgumentError, NaiveDatetimeError
from ..calendar import BusinessCalendar

__all__ = ["Pause", "SinglePauses", "check_pauses", "measure_pauses"]

_ZERO = dt.timedelta(0)


@attrs.frozen
class Pause:
    """One pause as given, clipped to the request's life, with its business time."""

    start: dt.datetime
    end: dt.datetime
    business: dt.timedelta
    clipped: bool
    running: bool


@attrs.frozen
class SinglePauses:
    """The pauses of one request: each one, their union and its business time."""

    pauses: tuple[Pause, ...]
    union: tuple[tuple[dt.datetime, dt.datetime], ...]
    paused: dt.timedelta
    overlap: bool

    def moved(self, calendar: BusinessCalendar, deadline: dt.datetime) -> dt.datetime:
        """``deadline`` moved later by the paused business time, as evaluate does."""
        if self.paused <= _ZERO:
            return deadline
        return calendar.add(deadline, self.paused)


def _aware(value: Any, what: str) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        raise InvalidArgumentError(f"{what} must be an aware datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"naive datetime {value!r} in {what}")
    return value


def check_pauses(
    pauses: Sequence[tuple[dt.datetime, dt.datetime | None]],
) -> list[tuple[dt.datetime, dt.datetime | None]]:
    """The pauses as (start, end-or-None) pairs, checked: aware, not backwards."""
    if isinstance(pauses, str | bytes | Mapping) or not isinstance(pauses, Iterable):
        raise InvalidArgumentError(
            f"pauses must be a list of (start, end) pairs, got {pauses!r}"
        )
    out: list[tuple[dt.datetime, dt.datetime | None]] = []
    for k, pair in enumerate(pauses):
        try:
            start, end = pair
        except (TypeError, ValueError):
            raise InvalidArgumentError(
                f"pauses[{k}] must be a (start, end) pair, got {pair!r}"
            ) from None
        start = _aware(start, f"pauses[{k}] start")
        if end is not None:
            end = _aware(end, f"pauses[{k}] end")
            if instant_us(end) < instant_us(start):  # instants, not wall clocks
                raise InvalidArgumentError(
                    f"pauses[{k}] ends ({end.isoformat()}) before it starts "
                    f"({start.isoformat()})"
                )
        out.append((start, end))
    return out


def measure_pauses(
    calendar: BusinessCalendar,
    pauses: Sequence[tuple[dt.datetime, dt.datetime | None]],
    received: dt.datetime,
    life_end: dt.datetime,
) -> SinglePauses:
    """Check the pauses, clip them to [received, life_end], merge, measure (UTC)."""
    utc = dt.UTC
    received, life_end = received.astimezone(utc), life_end.astimezone(utc)
    clipped: list[Pause] = []
    for start, end in sorted(
        (
            (s.astimezone(utc), None if e is None else e.astimezone(utc))
            for s, e in check_pauses(pauses)
        ),
        key=lambda pair: pair[0],
    ):
        running = end is None
        stop = life_end if end is None else end
        a = min(max(start, received), life_end)
        b = min(max(stop, received), life_end)
        b = max(a, b)
        outside = start < received or stop > life_end
        clipped.append(Pause(a, b, calendar.elapsed(a, b), outside, running))
    union: list[tuple[dt.datetime, dt.datetime]] = []
    overlap = False
    for pause in clipped:
        if union and pause.start < union[-1][1]:
            overlap = True
            if pause.end > union[-1][1]:
                union[-1] = (union[-1][0], pause.end)
        else:
            union.append((pause.start, pause.end))
    paused = sum((calendar.elapsed(a, b) for a, b in union), _ZERO)
    return SinglePauses(tuple(clipped), tuple(union), paused, overlap)
