"""The lines of engagements whose objectives run from receipt to response.

Such an objective needs no stream of events: one cycle per request, from
its receipt to its response (or ``now``), paused by the request's pauses.
Rows are taken one (engagement, calendar) group at a time; the business
time used is computed once per group and shared by its objectives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._core.units import I64, NAT
from ..charter import Engagement
from .compute import Lines, group_calendar
from .lines import compute_cycles
from .lines_summary import JudgedTimes
from .ordering import by_group
from .pauses import Pauses

__all__ = ["grouped", "plain_lines"]


def grouped(where: I64, keys: I64, groups: int) -> Callable[[int], I64]:
    """The positions ``where`` whose key is ``g``, in order, for each ``g``.

    >>> rows_of = grouped(np.array([0, 2, 3, 5]), np.array([1, 0, 1, 0, 1, 1]), 2)
    >>> rows_of(0).tolist(), rows_of(1).tolist()
    ([3], [0, 2, 5])
    """
    order, bounds = by_group(keys[where], groups)
    ordered = where[order]
    return lambda g: ordered[bounds[g] : bounds[g + 1]]


def plain_lines(
    charter: Any,
    out: Lines,
    engagement: Engagement,
    rows: I64,
    *,
    slot: int,
    times: JudgedTimes,
    layout: Any,
    received: I64,
    responded: I64,
    pauses: Pauses,
    mine: I64,
    zones: I64,
    specs: list[tuple[str | None, str | None]],
    now_us: int,
) -> None:
    """Objectives from receipt to response: one cycle per row, no stream.

    ``slot`` is the engagement's first objective's slot in the summary,
    ``times`` where the judged lines' times go. ``mine`` are the positions
    of the pauses of these rows. The pauses of
    a row lie inside its life (they were clipped to it), so the time paused
    is their business time.
    """
    row_zones = zones[rows]
    codes = np.flatnonzero(np.bincount(row_zones, minlength=len(specs))).tolist()
    for code in codes:
        group = rows if len(codes) == 1 else rows[row_zones == code]
        calendar = group_calendar(charter, engagement, specs[code])
        paused = np.zeros(len(group), dtype=np.int64)
        zoned = mine if len(codes) == 1 else mine[zones[pauses.row[mine]] == code]
        if zoned.size:
            took = calendar.kernel.elapsed(pauses.start[zoned], pauses.end[zoned])
            where = np.searchsorted(group, pauses.row[zoned])
            paused = np.bincount(where, weights=took, minlength=len(group))
            paused = paused.astype(np.int64)
        start, stop = received[group], responded[group]
        end = np.where(stop != NAT, stop, now_us)
        used = calendar.kernel.elapsed(start, end) - paused  # one clock for all
        for k, objective in enumerate(engagement.objectives):
            judged = compute_cycles(
                out,
                layout.lines(group, k),
                calendar=calendar,
                target=objective.all_targets[0],
                now_us=now_us,
                start=start,
                stop=stop,
                paused=paused,
                used=used,
            )
            times.add(slot + k, judged)
