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


def _running_count(flags: Bools, stream: Stream) -> I64:
    """How many ``flags`` up to and including each row, within its request."""
    total = np.cumsum(flags, dtype=np.int64)
    starts = np.flatnonzero(stream.first)
    base = total[starts] - flags[starts]
    length = np.diff(np.append(starts, len(flags)))
    return total - np.repeat(base, length)


def _first_of_request(flags: Bools, stream: Stream) -> Bools:
    """The first of the ``flags`` in each request: a pass over the flags only."""
    at = np.flatnonzero(flags)
    row = stream.row[at]
    new = np.ones(len(at), dtype=bool)
    new[1:] = row[1:] != row[:-1]
    out = np.zeros(len(flags), dtype=bool)
    out[at[new]] = True
    return out


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
    first_start = _first_of_request(starts, stream)
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
    n = len(stream.row)
    codes = np.zeros((n, 4), dtype=np.int8)
    if holding is None:
        codes[:, 0][stream.is_event(objective.stop.event or "") & inside] = _CLOSE
    else:
        holding &= inside
        codes[:, 0][stream.entered(holding)] = _CLOSE
        if objective.reopen == "new_cycle":
            earlier = _running_count(starts, stream) - starts > 0
            codes[:, 1][stream.left(holding) & earlier] = _OPEN
    opening = starts if objective.cycles == "every" else first_start
    codes[:, 2][opening] = _OPEN
    if holding is not None:
        codes[:, 3][opening & holding] = _CLOSE
    # The rows with any marker first (the four markers read as one int32),
    # then the markers of those rows only.
    marked = np.flatnonzero(codes.view(np.int32).reshape(-1))
    sub = codes[marked].reshape(-1)
    at = np.flatnonzero(sub)
    kind = sub[at]
    element = marked[at >> 2]
    row = stream.row[element]
    before = np.empty_like(kind)
    before[0:1] = _CLOSE
    before[1:] = kind[:-1]
    new_row = np.ones(len(at), dtype=bool)
    new_row[1:] = row[1:] != row[:-1]
    before[new_row] = _CLOSE
    counts = kind != before
    element, kind, row = element[counts], kind[counts], row[counts]
    opens = np.flatnonzero(kind == _OPEN)
    following = opens + 1
    closed = following < len(kind)
    closed[closed] = row[following[closed]] == row[opens[closed]]
    stop = np.full(len(opens), -1, dtype=np.int64)
    stop[closed] = element[following[closed]]
    rows = row[opens]
    return Cycles(rows, element[opens].astype(np.int64), stop, _numbers(rows), pause)


def _resumed(
    stream: Stream, first_start: Bools, holding: Bools, pause: Bools
) -> Cycles:
    """One cycle per request from its first start; stopped if the state holds."""
    start = np.flatnonzero(first_start).astype(np.int64)
    last = stream.end[start] - 1
    entries = np.where(stream.entered(holding), np.arange(len(holding)), -1)
    latest = np.maximum.accumulate(entries)[last]
    stop = np.where(holding[last], np.maximum(latest, start), -1).astype(np.int64)
    rows = stream.row[start]
    return Cycles(rows, start, stop, np.zeros(len(start), dtype=np.int64), pause)
