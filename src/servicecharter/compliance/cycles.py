"""The cycles of one objective over the stream, with segment operations.

Each row of the stream may carry *markers*, in this order: a close (the
stop event, or the entry into the stop state), an open (leaving the stop
state, with ``reopen="new_cycle"``), an open (a start) and a close (a start
while the stop state holds, which opens a cycle in that state at once). A
cycle runs exactly when the last marker of its request was an open, so a
marker counts exactly when it differs from the marker before it in its
request: the cycles are the counting opens, each stopped by the counting
marker after it. With ``reopen="resume"`` a request has one cycle, from its
first start; it stops at its last entry into the stop state if the state
holds at the end, and the time in that state counts as paused.
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64
from ..charter import Objective
from ..charter.lifecycle import Condition
from .stream import Stream

__all__ = ["Cycles", "derive_cycles"]

Bools = npt.NDArray[np.bool_]
_OPEN, _CLOSE = 1, 2
# The kind of the marker in each column: stop, reopen, start, start-in-stop.
_KINDS = np.array([_CLOSE, _OPEN, _OPEN, _CLOSE], dtype=np.int8)
_EMPTY = np.zeros(0, dtype=np.int64)


@attrs.frozen(eq=False)
class Cycles:
    """One objective's cycles sorted by (request, start): stream positions.

    ``stop`` is -1 while a cycle runs; ``number`` counts from 0 per request;
    ``pause`` says whether the clock is paused after each row of the stream.
    """

    row: I64
    start: I64
    stop: I64
    number: I64
    pause: Bools


def _happens(stream: Stream, condition: Condition) -> Bools:
    if condition.event is not None:
        return stream.is_event(condition.event)
    return stream.entered(stream.holds(condition.state))


def _after_a_start(positions: I64, start_at: I64, stream: Stream) -> Bools:
    """Whether a start of the same request comes strictly before each position.

    ``start_at`` holds the positions of the starts, sorted; a binary search
    finds the latest start before each position (one pass over ``positions``
    only, not over the stream).
    """
    latest = np.searchsorted(start_at, positions, side="left") - 1
    found = latest >= 0
    found[found] = stream.row[start_at[latest[found]]] == stream.row[positions[found]]
    return found


def _first_of_request(at: I64, stream: Stream) -> I64:
    """The first of the sorted positions ``at`` in each request."""
    row = stream.row[at]
    new = np.ones(len(at), dtype=bool)
    new[1:] = row[1:] != row[:-1]
    return at[new]


def _numbers(row: I64) -> I64:
    """0, 1, 2... within each run of equal ``row`` values (sorted)."""
    if not len(row):
        return row.copy()
    new = np.ones(len(row), dtype=bool)
    new[1:] = row[1:] != row[:-1]
    starts = np.flatnonzero(new)
    return np.arange(len(row)) - np.repeat(starts, np.diff(np.append(starts, len(row))))


def derive_cycles(
    stream: Stream, objective: Objective, inside: Bools, pausable: bool
) -> Cycles:
    """The cycles of ``objective`` on the stream rows ``inside`` its engagement."""
    starts = _happens(stream, objective.start) & inside
    start_at = np.flatnonzero(starts)
    first_start = _first_of_request(start_at, stream)
    pause = np.zeros(len(stream.row), dtype=bool)
    if objective.pause_while:
        pause = stream.holds(objective.pause_while)
    if pausable:
        pause |= stream.paused
    holding = (
        None if objective.stop.event is not None else stream.holds(objective.stop.state)
    )
    if holding is not None and objective.resumes:
        return _resumed(stream, first_start, holding & inside, pause | holding)
    # Each marker as one sorted key: its position times 4 plus its column
    # (the order of markers on one row), built from the marker positions
    # only; the four runs are sorted already, so the sort merges them.
    columns: list[I64] = []
    if holding is None:
        columns.append(
            np.flatnonzero(stream.is_event(objective.stop.event or "") & inside)
        )
        columns.append(_EMPTY)
    else:
        holding &= inside
        columns.append(np.flatnonzero(stream.entered(holding)))
        left = _EMPTY
        if objective.reopen == "new_cycle":
            left = np.flatnonzero(stream.left(holding))
            left = left[_after_a_start(left, start_at, stream)]
        columns.append(left)
    opening = start_at if objective.cycles == "every" else first_start
    columns.append(opening)
    columns.append(_EMPTY if holding is None else opening[holding[opening]])
    keys = np.sort(
        np.concatenate([c * 4 + k for k, c in enumerate(columns)]), kind="stable"
    )
    kind = _KINDS[keys & 3]
    element = keys >> 2
    row = stream.row[element]
    before = np.empty_like(kind)
    before[0:1] = _CLOSE
    before[1:] = kind[:-1]
    new_row = np.ones(len(kind), dtype=bool)
    new_row[1:] = row[1:] != row[:-1]
    before[new_row] = _CLOSE
    counts = np.flatnonzero(kind != before)  # one scan for the three gathers
    element, kind, row = element[counts], kind[counts], row[counts]
    opens = np.flatnonzero(kind == _OPEN)
    following = opens + 1
    closed = following < len(kind)
    closed[closed] = row[following[closed]] == row[opens[closed]]
    stop = np.full(len(opens), -1, dtype=np.int64)
    stop[closed] = element[following[closed]]
    rows = row[opens]
    return Cycles(rows, element[opens].astype(np.int64), stop, _numbers(rows), pause)


def _resumed(stream: Stream, first_start: I64, holding: Bools, pause: Bools) -> Cycles:
    """One cycle per request from its first start; stopped if the state holds.

    ``first_start`` holds the position of each request's first start.
    """
    start = first_start.astype(np.int64, copy=False)
    last = stream.end[start] - 1
    # The latest entry into the state at or before each request's last row
    # (a leading -1 stands for "none": the request's start is used then).
    entries = np.concatenate(([-1], np.flatnonzero(stream.entered(holding))))
    latest = entries[np.searchsorted(entries, last, side="right") - 1]
    stop = np.where(holding[last], np.maximum(latest, start), -1).astype(np.int64)
    rows = stream.row[start]
    return Cycles(rows, start, stop, np.zeros(len(start), dtype=np.int64), pause)
