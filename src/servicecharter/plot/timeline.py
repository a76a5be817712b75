"""``plot_timeline``: a request's business clock as a staircase.

Each segment (a request, or one cycle of it) is drawn as the business time
it has used since its start: a line that rises while the service is open
and the clock runs, and stays flat while the service is closed or the
request paused. Closed spans are shaded grey, pauses yellow. A segment's
deadline is a vertical line where its allowance (a dashed level) is used
up, the latest instant that is still on time; ``due_by``, the instant to
show a customer, is a dotted line at the start of the flat stretch that
ends at the deadline. The end of a segment is a round marker, green when on
time and red when late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._core.convert import instant_us
from .._core.units import EPOCH
from .._errors import InvalidArgumentError
from ..calendar import BusinessCalendar
from ..calendar.limits import END_US, FIRST_US
from .segments import Segment, clock_curve
from .style import require_matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_timeline"]


def _segments(segments: Segment | Sequence[Segment]) -> tuple[Segment, ...]:
    given: object = segments  # any type may come in
    found: tuple[Any, ...] = ()
    if isinstance(given, Segment):
        found = (given,)
    elif isinstance(given, Iterable) and not isinstance(given, str | bytes):
        found = tuple(given)
    if not found or not all(isinstance(s, Segment) for s in found):
        raise InvalidArgumentError(
            "segments must be a Segment or a list of them, such as "
            f"Segment(received, responded, deadline=due), got {segments!r}"
        )
    return found


def _stop(segment: Segment, index: int, now: dt.datetime | None) -> dt.datetime:
    """Where a segment's curve ends: its end, ``now``, or else its deadline."""
    if segment.end is not None:
        return segment.end
    if now is not None:
        if instant_us(now) < instant_us(segment.start):
            raise InvalidArgumentError(
                f"now {now.isoformat()} is before segment "
                f"{segment.label or index} starts"
            )
        return now
    ahead = [m for m in (segment.deadline, segment.due_by) if m is not None]
    if not ahead:
        raise InvalidArgumentError(
            f"segment {segment.label or index} is still running (end None) and has "
            "no deadline: pass now=... to draw it up to that instant"
        )
    return max(ahead, key=instant_us)


def _span(
    segments: tuple[Segment, ...], stops: list[dt.datetime], now: dt.datetime | None
) -> tuple[dt.datetime, dt.datetime]:
    moments = [s.start for s in segments] + stops
    moments += [m for s in segments for m in (s.deadline, s.due_by) if m is not None]
    if now is not None:
        moments.append(now)
    us = [instant_us(m) for m in moments]
    lo, hi = min(us), max(us)
    pad = max((hi - lo) // 20, 30 * 60_000_000)
    # The margin stays within the supported years the calendar answers for.
    lo, hi = max(lo - pad, min(lo, FIRST_US)), min(hi + pad, max(hi, END_US - 1))
    return EPOCH + dt.timedelta(microseconds=lo), EPOCH + dt.timedelta(microseconds=hi)


def plot_timeline(
    calendar: BusinessCalendar,
    segments: Segment | Sequence[Segment],
    *,
    now: dt.datetime | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Draw the business time used by a request, or by each of its cycles.

    Args:
        calendar: the calendar the request is measured on.
        segments: a ``Segment`` (a request from receipt to response), or a
            list of them, one per cycle; each starts its own count at zero.
        now: where a running segment (``end=None``) stops; also drawn.
        ax: matplotlib axes to draw on; by default a new figure.
        title: a title above the axes.

    Returns:
        The matplotlib ``Figure`` (``figure.savefig("clock.png")``).

    >>> from servicecharter import OpeningHours
    >>> from servicecharter.plot import Segment, plot_timeline
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    >>> call = dt.datetime(2026, 3, 27, 16, tzinfo=cal.tz)
    >>> due = cal.add(call, dt.timedelta(hours=1))
    >>> figure = plot_timeline(cal, Segment(call, due, deadline=due))
    >>> figure.axes[0].get_ylabel()
    'business time used (h:mm)'
    """
    require_matplotlib()
    from .timeline_draw import draw_timeline

    found = _segments(segments)
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidArgumentError(
            f"calendar must be a BusinessCalendar, got {type(calendar).__name__}"
        )
    stops = [_stop(s, k, now) for k, s in enumerate(found)]
    curves = [
        clock_curve(calendar, s, stop) for s, stop in zip(found, stops, strict=True)
    ]
    lo, hi = _span(found, stops, now)
    return draw_timeline(
        calendar, found, curves, span=(lo, hi), now=now, ax=ax, title=title
    )
