"""Runs of a business clock, and the staircase of business time each one uses.

A ``Segment`` is one run of a request's clock: from its start (the receipt,
or the start of a cycle) to its end (the response, a cycle's stop, or
``now`` while it runs), with its deadline and its pauses. ``clock_curve``
gives the business time used at every instant where the curve bends (an
opening, a closing, a pause's start or end), so a straight line between
them is exact: the curve rises while the desk is open and the clock not
paused, and is flat otherwise. No matplotlib here: these are the numbers
``plot_timeline`` draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np

from .._core.convert import instant_us
from .._core.timeline import merge_intervals
from .._core.units import EPOCH, I64, NAT
from .._errors import InvalidArgumentError
from ..calendar import BusinessCalendar
from ..compliance import Evaluation

__all__ = ["Curve", "Segment", "clock_curve", "request_segments"]


def _pauses(value: Iterable[Any]) -> tuple[tuple[dt.datetime, dt.datetime | None], ...]:
    try:
        pairs = tuple((start, end) for start, end in value)
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            f"pauses must be (start, end) pairs, end None while paused, got {value!r}"
        ) from None
    return pairs


@attrs.frozen
class Segment:
    """One run of a business clock: a request from receipt to response, or a cycle.

    ``plot_timeline`` draws each segment's business time used from its
    ``start``: it rises while the service is open and flat while closed or
    paused. Instants are aware datetimes.

    >>> from zoneinfo import ZoneInfo
    >>> paris = ZoneInfo("Europe/Paris")
    >>> Segment(dt.datetime(2026, 3, 27, 16, tzinfo=paris), label="T1").end is None
    True
    """

    start: dt.datetime
    """When the clock starts: the receipt, or the start of a cycle."""
    end: dt.datetime | None = None
    """When it stops (the response, the end of a cycle); None while it runs."""
    deadline: dt.datetime | None = None
    """The latest instant that is on time (``BusinessCalendar.add``'s default)."""
    due_by: dt.datetime | None = None
    """The deadline as shown to a customer (``boundary="close"``), if drawn."""
    pauses: tuple[tuple[dt.datetime, dt.datetime | None], ...] = attrs.field(
        default=(), converter=_pauses
    )
    """(start, end) pairs during which the clock stops; end None: still paused."""
    label: str = ""
    """The segment's name in the legend (a request id, "cycle 1")."""

    def __attrs_post_init__(self) -> None:
        start = instant_us(self.start)
        for name in ("end", "deadline", "due_by"):
            value = getattr(self, name)
            if value is not None and instant_us(value) < start:
                raise InvalidArgumentError(
                    f"segment {self.label or self.start.isoformat()}: {name} "
                    f"{value.isoformat()} is before its start {self.start.isoformat()}"
                )
        for begin, end in self.pauses:
            if end is not None and instant_us(end) < instant_us(begin):
                raise InvalidArgumentError(
                    f"pause ({begin.isoformat()}, {end.isoformat()}) ends before it "
                    "starts; give (start, end), or end None while still paused"
                )


@attrs.frozen
class Curve:
    """A segment's clock as numbers: int64 microseconds (UTC instants)."""

    at_us: I64
    """The instants where the curve bends, sorted, from start to stop."""
    used_us: I64
    """The business time used at each of them, pauses left out."""
    paused_us: int
    """The business time paused between start and stop."""
    allowance_us: int | None
    """What the deadline allows: elapsed to it, less the paused time."""


def clock_curve(
    calendar: BusinessCalendar, segment: Segment, stop: dt.datetime
) -> Curve:
    """The business time ``segment`` has used at each bend, from start to ``stop``.

    >>> from servicecharter import OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    >>> friday = dt.datetime(2026, 3, 27, 16, tzinfo=dt.UTC)
    >>> curve = clock_curve(cal, Segment(friday), friday + dt.timedelta(days=3))
    >>> [str(EPOCH + dt.timedelta(microseconds=int(t))) for t in curve.at_us]
    ['2026-03-27 16:00:00+00:00', '2026-03-27 17:00:00+00:00', \
'2026-03-30 09:00:00+00:00', '2026-03-30 16:00:00+00:00']
    >>> (curve.used_us // 3_600_000_000).tolist()
    [0, 1, 1, 8]
    """
    given: tuple[object, object] = (calendar, segment)  # any types may come in
    if not isinstance(given[0], BusinessCalendar) or not isinstance(given[1], Segment):
        raise InvalidArgumentError(
            "clock_curve takes a BusinessCalendar and a Segment, got "
            f"{calendar!r} and {segment!r}"
        )
    start_us, stop_us = instant_us(segment.start), instant_us(stop)
    if stop_us < start_us:
        raise InvalidArgumentError(
            f"the curve must stop at or after its start {segment.start.isoformat()}, "
            f"got {stop.isoformat()}"
        )
    begins = np.array([instant_us(b) for b, _ in segment.pauses], dtype=np.int64)
    ends = np.array(
        [stop_us if e is None else instant_us(e) for _, e in segment.pauses],
        dtype=np.int64,
    )
    # Clipped to the segment and merged, so that overlapping pauses count once.
    begins, ends = merge_intervals(begins, ends, start_us, stop_us)
    opens, closes = calendar.opening_arrays(segment.start, stop)
    at = np.unique(np.concatenate([[start_us, stop_us], opens, closes, begins, ends]))
    kernel = calendar.kernel
    origin = np.array([start_us], dtype=np.int64)

    def clock(t: I64) -> I64:  # business time from the start to each instant
        return kernel.elapsed(origin, t)

    inside = np.clip(at[:, None], begins[None, :], ends[None, :])
    paused_at = (clock(inside.reshape(-1)).reshape(inside.shape) - clock(begins)).sum(
        axis=1
    )
    used = clock(at) - paused_at
    paused = int(paused_at[-1])
    allowance = None
    if segment.deadline is not None:
        allowance = int(clock(np.array([instant_us(segment.deadline)]))[0]) - paused
    return Curve(at, used, paused, allowance)


def _instant(us: int) -> dt.datetime | None:
    return None if us == NAT else EPOCH + dt.timedelta(microseconds=us)


def request_segments(
    evaluation: Evaluation, request: Any, objective: int = 0
) -> list[Segment]:
    """The segments of one request's objective in an evaluation: one per cycle.

    An objective has one line per request and cycle: one segment from the
    receipt to the response (or ``now``) for a single run, or one per cycle
    (labelled ``"<id> cycle <k>"``) for an objective that restarts, such as
    a next reply or a resolution after a reopen. ``due_by`` is set when the
    display instant (``due``) differs from the deadline. Pauses are not kept
    in an ``Evaluation``: pass them to ``Segment`` yourself.

    >>> import numpy as np
    >>> from servicecharter import evaluate, examples
    >>> result = evaluate(
    ...     examples.load("technical-support"),
    ...     {
    ...         "id": ["a"],
    ...         "engagement": ["anomalies"],
    ...         "received_at": np.array(["2026-03-27T15:30"], "M8[us]"),
    ...     },
    ...     now=np.datetime64("2026-03-30T08:00"),
    ... )
    >>> (segment,) = request_segments(result, "a")
    >>> segment.deadline.isoformat(), segment.end
    ('2026-03-30T12:30:00+00:00', None)
    """
    if not isinstance(evaluation, Evaluation):
        raise InvalidArgumentError(
            f"expected the Evaluation that evaluate() returns, got {evaluation!r}"
        )
    lines = evaluation.requests
    chosen = np.flatnonzero(
        (lines["id"] == request) & (lines["objective"] == objective)
    )
    if chosen.size == 0:
        raise InvalidArgumentError(
            f"no line for request {request!r}, objective {objective} in the "
            "evaluation; give an id of its 'id' column and an objective index"
        )
    start, stop, deadline, due, cycle = (
        lines[name].astype("datetime64[us]").view(np.int64)[chosen].tolist()
        if name != "cycle"
        else lines[name][chosen].tolist()
        for name in ("start", "stop", "deadline", "due", "cycle")
    )
    out = []
    # One line per cycle: a request's single run, or each cycle of an
    # objective that restarts (next reply, resolution after a reopen).
    for begin_us, end_us, due_us, by_us, k in zip(
        start, stop, deadline, due, cycle, strict=True
    ):
        begin = _instant(begin_us)
        if begin is None:
            raise InvalidArgumentError(f"request {request!r} is invalid: no receipt")
        label = str(request) if len(start) == 1 else f"{request} cycle {k}"
        shown = _instant(by_us)
        out.append(
            Segment(
                begin,
                _instant(end_us),
                deadline=_instant(due_us),
                due_by=None if shown == _instant(due_us) else shown,
                label=label,
            )
        )
    return out
