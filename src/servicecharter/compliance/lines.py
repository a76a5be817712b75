"""The request x objective x cycle lines of ``evaluate``, whole-array.

The stream of every live request is built once (``stream``); each objective
derives its cycles from it (``cycles``), picks a target per cycle and is
computed one (target, calendar) group at a time: the business time paused
inside a cycle is a difference of one cumulative sum over the paused rows
of the group, and the deadline, status and shares are today's formulas on
the cycle's start, stop (or ``now``) and pauses. Lines are laid out by
request, then objective, then cycle, whatever the groups.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64, NAT, ONE_US
from ..calendar import BusinessCalendar
from ..charter import Engagement, Objective, Target
from ..rules import BusinessDuration
from .compute import (
    BREACHED,
    MET,
    OPEN,
    OVERDUE,
    Lines,
    group_calendar,
    share_of,
)
from .cycles import Cycles
from .stream import Stream

__all__ = [
    "Layout",
    "compute_cycles",
    "cycle_instants",
    "empty_out",
    "layout_lines",
    "stream_paused",
    "target_calendar",
    "targets_of",
]

Bools = npt.NDArray[np.bool_]
_BY_CASE = np.array([MET, BREACHED, OPEN, OVERDUE], dtype=np.int8)
"""A cycle's status by ``2 * running + late``."""
_TIMES = ("start", "stop", "deadline", "due", "used", "paused", "remaining")


@attrs.frozen(eq=False)
class Layout:
    """Where each (request, objective) begins among the lines, and their count."""

    base: I64  # (rows, most objectives): first line of each pair, or (rows,)
    row: I64
    objective: I64
    cycle: I64

    def lines(self, rows: I64, k: int) -> I64:
        """The first line of objective ``k`` of each of ``rows``.

        With one cycle per objective ``base`` holds each row's first line
        only (objective ``k`` is ``k`` lines further): no table of a line
        per row and possible objective is filled for it.
        """
        if self.base.ndim == 1:
            return self.base[rows] + k
        first: I64 = self.base[rows, k]
        return first


def layout_lines(per_row: I64, widths: I64 | None, most: int) -> Layout:
    """Lines of ``widths[row, k]`` cycles each; a row without objectives has one.

    ``widths`` None: one cycle for each of the row's ``per_row`` objectives.
    """
    if widths is None:
        return _one_cycle_each(per_row)
    n, most = widths.shape
    widths = widths.copy()
    none = per_row == 0
    if most:
        widths[none, 0] = 1
    flat = widths.reshape(-1)
    base = np.zeros(len(flat) + 1, dtype=np.int64)
    np.cumsum(flat, out=base[1:])
    total = int(base[-1])
    line_pair = np.repeat(np.arange(len(flat), dtype=np.int64), flat)
    cycle = np.arange(total, dtype=np.int64) - base[line_pair]
    row = line_pair // max(most, 1)
    objective = line_pair % max(most, 1)
    objective[none[row]] = -1
    if not most:  # no engagement has objectives: one line per row
        row, objective = np.arange(n, dtype=np.int64), np.full(n, -1, dtype=np.int64)
        cycle = np.zeros(n, dtype=np.int64)
    return Layout(base[:-1].reshape(n, max(most, 1)), row, objective, cycle)


def _one_cycle_each(per_row: I64) -> Layout:
    """The layout of one line per (row, objective), one for a row without any."""
    n = len(per_row)
    width = np.maximum(per_row, 1)
    first = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(width, out=first[1:])
    row = np.repeat(np.arange(n, dtype=np.int64), width)
    objective = np.arange(int(first[-1]), dtype=np.int64)
    objective -= first[row]
    objective[first[:-1][per_row == 0]] = -1  # the lone line of such a row
    return Layout(first[:-1], row, objective, np.zeros(len(row), dtype=np.int64))


def target_calendar(
    charter: Any,
    engagement: Engagement,
    target: Target,
    spec: tuple[str | None, str | None],
) -> BusinessCalendar:
    """The target's own calendar (in the row's zone when it has one), else the row's."""
    if target.calendar is None:
        return group_calendar(charter, engagement, spec)
    tz = spec[1]
    if tz is None:
        return charter.calendar(target.calendar)  # type: ignore[no-any-return]
    key = f"{target.calendar}@{tz}"
    found = charter._cache.get(key)
    if found is None:
        hours = attrs.evolve(charter.calendar(target.calendar).hours, tz=tz)
        found = charter._cache.setdefault(key, BusinessCalendar(hours))
    return found  # type: ignore[no-any-return]


def targets_of(stream: Stream, objective: Objective, cycles: Cycles) -> tuple[I64, I64]:
    """The target index of each cycle (-1: none matches) and where it was read."""
    if objective.retarget == "start":
        read = stream.settled[cycles.start]
    else:
        running = stream.end[cycles.start] - 1
        read = np.where(
            cycles.stop >= 0, stream.settled[np.maximum(cycles.stop, 0)], running
        )
    chosen = np.full(len(read), -1, dtype=np.int64)
    for j, target in reversed(list(enumerate(objective.all_targets))):
        if not target.when:
            chosen[:] = j
        else:
            chosen[stream.holds_at(target.when, read)] = j
    return chosen, read


def compute_cycles(
    out: Lines,
    lines: I64,
    *,
    calendar: BusinessCalendar,
    target: Target,
    now_us: int,
    start: I64,
    stop: I64,
    paused: I64,
    used: I64 | None = None,
    index: int = 0,
) -> I64:
    """Fill the ``lines`` of one (target, calendar) group from their cycles.

    Returns the business time used by the stopped cycles (met or
    breached): the times the summary's percentiles are of.

    ``stop`` is NaT while a cycle runs (it runs until ``now``); ``paused`` is
    the business time paused inside each cycle; ``used`` the business time
    used, when the caller knows it already (objectives sharing a clock);
    ``index`` the target's position in its objective's targets.
    """
    kernel = calendar.kernel
    stopped = stop != NAT
    end = np.where(stopped, stop, now_us)  # a running cycle runs until now
    if used is None:
        used = kernel.elapsed(start, end) - paused
    due = target.within.deadline_us(calendar, start)
    moved = np.flatnonzero(paused > 0)
    if moved.size:
        due[moved] = kernel.add(due[moved], paused[moved])
    rule = target.within
    budget: I64 | int
    if isinstance(rule, BusinessDuration):  # elapsed(t, add(t, d)) == d, a law
        budget = rule.duration // ONE_US
    else:
        budget = kernel.elapsed(start, due) - paused
    case = (~stopped).view(np.int8) << 1  # 0 stopped, 2 running; +1 when late
    case |= (end > due).view(np.int8)
    status = _BY_CASE.take(case)
    running = np.flatnonzero(~stopped)
    if running.size:  # one ``now`` broadcast against the deadlines; NaT else
        left = kernel.elapsed(np.array([now_us]), due[running])
        out["remaining"][lines[running]] = left
    closing = due
    if isinstance(rule, BusinessDuration) and rule.boundary != "close":
        closing = kernel.add(due, np.zeros(1, dtype=np.int64), closing=True)
    for name, values in (
        ("start", start),
        ("stop", stop),
        ("deadline", due),
        ("due", closing),
        ("used", used),
        ("paused", paused),
    ):
        out[name][lines] = values
    out["share"][lines] = share_of(used, budget)
    out["status"][lines] = status
    out["target"][lines] = index
    judged: I64 = used[stopped]
    return judged


def cycle_instants(stream: Stream, cycles: Cycles) -> tuple[I64, I64]:
    """The start and stop (NaT while running) instant of each cycle."""
    stopped = cycles.stop >= 0
    stop = np.where(stopped, stream.at[np.maximum(cycles.stop, 0)], NAT)
    return stream.at[cycles.start], stop


def stream_paused(
    calendar: BusinessCalendar,
    stream: Stream,
    cycles: Cycles,
    now_us: int,
    *,
    stop: I64,
    paused_rows: I64,
) -> I64:
    """Business time paused in each cycle, from the pause flags of the stream.

    ``stop`` is each cycle's stop instant (NaT while running), as
    ``cycle_instants`` gives it; ``paused_rows`` the positions of the stream
    rows after which the objective's clock is paused
    (``np.flatnonzero(cycles.pause)``), found once for all groups.
    """
    end = np.where(stop != NAT, stop, now_us)
    upto = np.where(cycles.stop >= 0, cycles.stop, stream.end[cycles.start])
    return _paused(calendar.kernel, stream, cycles, end, upto, where=paused_rows)


def _paused(
    kernel: Any, stream: Stream, cycles: Cycles, end: I64, upto: I64, *, where: I64
) -> I64:
    """Business time paused in each cycle: rows [start, upto) of the stream."""
    if not where.size:
        return np.zeros(len(cycles.row), dtype=np.int64)
    rows = np.zeros(int(stream.row[-1]) + 1, dtype=bool)  # sorted: the last is the most
    rows[cycles.row] = True
    where = where[rows[stream.row[where]]]
    if not where.size:
        return np.zeros(len(cycles.row), dtype=np.int64)
    following = where + 1
    last = following >= stream.end[where]
    nxt = np.where(last, 0, stream.at[np.minimum(following, len(stream.at) - 1)])
    # The last row of a request pauses until its cycle's end: the largest
    # end among that request's cycles bounds it, and a cycle never reads
    # a row past its own end.
    ends = np.full(len(rows), NAT, dtype=np.int64)
    np.maximum.at(ends, cycles.row, end)
    cap = ends[stream.row[where]]
    nxt = np.maximum(np.where(last, cap, np.minimum(nxt, cap)), stream.at[where])
    took = kernel.elapsed(stream.at[where], nxt)
    total = np.zeros(len(where) + 1, dtype=np.int64)
    np.cumsum(took, out=total[1:])
    lo = np.searchsorted(where, cycles.start)
    hi = np.searchsorted(where, upto)
    return total[hi] - total[lo]


def empty_out(status: npt.NDArray[np.int8]) -> Lines:
    """The line columns, every instant and time NaT, every share NaN.

    ``status`` is each line's status until its cycle is computed.
    """
    total = len(status)
    out: Lines = {name: np.full(total, NAT, dtype=np.int64) for name in _TIMES}
    out["share"] = np.full(total, np.nan, dtype=np.float64)
    out["status"] = status
    out["target"] = np.full(total, -1, dtype=np.int64)
    return out
