"""Why a request's deadlines are where they are, in English, for ``explain``.

Each function writes lines of an explanation: the open intervals that a span
of business time runs through (less any pauses), why a deadline falls where
it does, the pauses left out of the time used, and the verdict. ``explain``
writes English only; its instants and durations come from ``en_moments`` and
its rules in words from ``ENGLISH``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .._core.convert import instant_us
from ..calendar import BusinessCalendar
from ..compliance.single_pauses import SinglePauses
from ..rules import BusinessDuration
from .en import ENGLISH
from .en_moments import business_words, interval, moment, short_duration

__all__ = ["MAX_INTERVALS", "open_time", "pause_lines", "verdict", "why_lines"]

#: At most this many open intervals are listed on one line; the rest are counted.
MAX_INTERVALS = 12
_ZERO = dt.timedelta(0)


def _without(
    pairs: list[tuple[dt.datetime, dt.datetime]],
    holes: tuple[tuple[dt.datetime, dt.datetime], ...],
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The intervals ``pairs`` less the sorted, disjoint ``holes``."""
    out: list[tuple[dt.datetime, dt.datetime]] = []
    utc = dt.UTC
    for opens, closes in pairs:
        a, b = opens.astimezone(utc), closes.astimezone(utc)
        for h0, h1 in holes:
            if h1 <= a or h0 >= b:
                continue
            if h0 > a:
                out.append((a, h0))
            a = max(a, h1)
            if a >= b:
                break
        if a < b:
            out.append((a, b))
    return out


def open_time(
    calendar: BusinessCalendar,
    start: dt.datetime,
    end: dt.datetime,
    holes: tuple[tuple[dt.datetime, dt.datetime], ...] = (),
) -> tuple[dt.timedelta, str]:
    """The open time in [start, end) less ``holes`` and its intervals, as words."""
    pairs = _without(list(calendar.open_intervals(start, end)), holes)
    total = sum((b.astimezone(dt.UTC) - a.astimezone(dt.UTC) for a, b in pairs), _ZERO)
    words = [interval(a, b, calendar.tz) for a, b in pairs[:MAX_INTERVALS]]
    if len(pairs) > MAX_INTERVALS:
        words.append(f"and {len(pairs) - MAX_INTERVALS} more intervals")
    return total, ", ".join(words) if words else "no open time"


def why_lines(
    calendar: BusinessCalendar,
    rule: Any,
    received: dt.datetime,
    deadline: dt.datetime,
    year: bool,
) -> list[str]:
    """Why the deadline of ``rule`` is ``deadline``: the open time up to it."""
    total, words = open_time(calendar, received, deadline)
    if isinstance(rule, BusinessDuration):
        lines = [f"  why: the {business_words(rule.duration)} run {words}"]
        if rule.boundary != "close":
            runs_out = calendar.add(received, rule.duration, boundary="close")
            if instant_us(runs_out) != instant_us(deadline):  # not wall clocks
                lines.append(
                    f"  the time runs out at {moment(runs_out, calendar.tz, year=year)}"
                    ", a closing; no business time passes until the next opening, "
                    "so a response until then is on time"
                )
        return lines
    return [
        f"  why: due {ENGLISH.rule(rule)}; from receipt to the deadline the "
        f"service is open {short_duration(total)}: {words}"
    ]


def pause_lines(paused: SinglePauses, at: Callable[[dt.datetime], str]) -> list[str]:
    """The pauses removed: their union's business time, then each one."""
    lines = [
        f"pauses: {business_words(paused.paused)} paused, left out of the time "
        "used and added to each deadline"
    ]
    for pause in paused.pauses:
        notes = [
            note
            for note, yes in (
                ("still paused", pause.running),
                ("clipped to the request's life", pause.clipped),
            )
            if yes
        ]
        extra = f" ({', '.join(notes)})" if notes else ""
        lines.append(
            f"  paused {at(pause.start)} to {at(pause.end)}: "
            f"{business_words(pause.business)}{extra}"
        )
    if paused.overlap:
        lines.append("  overlapping pauses are counted once")
    return lines


def verdict(
    calendar: BusinessCalendar,
    deadline: dt.datetime,
    responded: dt.datetime | None,
    judged_at: dt.datetime,
) -> str:
    """Met or breached by a response, else open or overdue at ``judged_at``."""
    # Instants, not wall clocks: datetimes of one zone compare by wall clock,
    # ignoring fold, so in a DST fold a late response would read as on time.
    if responded is not None:
        if instant_us(responded) <= instant_us(deadline):
            margin = calendar.elapsed(responded, deadline)
            return f"  met: answered with {business_words(margin)} to spare"
        late = calendar.elapsed(deadline, responded)
        if late <= _ZERO:
            return (
                "  breached: answered after the deadline, while the service was closed"
            )
        return f"  breached: answered {business_words(late)} late"
    if instant_us(judged_at) <= instant_us(deadline):
        left = calendar.elapsed(judged_at, deadline)
        return f"  open: {business_words(left)} left"
    past = calendar.elapsed(deadline, judged_at)
    return f"  overdue: {business_words(past)} past the deadline"
