"""Compile a combination of hours: the interval algebra of its operands' timelines.

Each operand is compiled in its own zone over local days that cover the
combination's span, its intervals clipped to that span; the open sets are
then combined with one sorted sweep (a count of open operands at each
boundary), and the combination's days are the local dates of its own zone.
Whole-array numpy: one compilation per operand, no loop per interval.
"""

from __future__ import annotations

import numpy as np

from .._core.timeline import DayTable, Timeline, merge_intervals
from .._core.units import B1, DAY_US, I64, NAT
from .._core.zone import local_to_utc, utc_to_local_day
from .algebra import CombinedHours, Hours, Operation
from .compile import compile_days

__all__ = ["combine_intervals", "compile_hours"]


def compile_hours(hours: Hours, first: int, stop: int) -> Timeline:
    """The timeline of local days [first, stop) of opening or combined hours."""
    if isinstance(hours, CombinedHours):
        return _compile_combined(hours, first, stop)
    return compile_days(hours, first, stop)


def _compile_combined(hours: CombinedHours, first: int, stop: int) -> Timeline:
    edges = np.arange(first, stop + 1, dtype=np.int64) * DAY_US
    midnights = local_to_utc(edges, np.zeros(edges.size, dtype=bool), hours.tz)
    lo, hi = int(midnights[0]), int(midnights[-1])
    sets = [_operand_intervals(o, lo, hi) for o in hours.operands]
    opens, closes = combine_intervals(hours.operation, sets)
    opens, closes = merge_intervals(opens, closes, lo, hi)
    return Timeline(opens, closes, _day_table(first, midnights, opens, closes))


def _operand_intervals(hours: Hours, lo: int, hi: int) -> tuple[I64, I64]:
    """The operand's open intervals within [lo, hi), compiled in its own zone."""
    first = utc_to_local_day(lo, hours.tz)
    last = utc_to_local_day(hi, hours.tz)
    tl = compile_hours(hours, first, last + 1)
    return merge_intervals(tl.opens_us, tl.closes_us, lo, hi)


def combine_intervals(
    operation: Operation, sets: list[tuple[I64, I64]]
) -> tuple[I64, I64]:
    """Union, intersection or difference of sets of disjoint, sorted intervals.

    Each set's boundaries are weighted events (+w at an opening, -w at a
    closing); after a sweep, the running sum says which sets are open. The
    difference weighs the first set above all the others together.

    >>> a = (np.array([0, 10]), np.array([5, 20]))
    >>> b = (np.array([3]), np.array([12]))
    >>> [x.tolist() for x in combine_intervals("intersection", [a, b])]
    [[3, 10], [5, 12]]
    >>> [x.tolist() for x in combine_intervals("difference", [a, b])]
    [[0, 12], [3, 20]]
    """
    n = len(sets)
    weights = [n if operation == "difference" and i == 0 else 1 for i in range(n)]
    times = np.concatenate([np.concatenate(s) for s in sets])
    deltas = np.concatenate(
        [
            np.repeat(np.array([w, -w], dtype=np.int64), [s[0].size, s[1].size])
            for s, w in zip(sets, weights, strict=True)
        ]
    )
    if times.size == 0:
        return times.astype(np.int64), times.astype(np.int64)
    order = np.argsort(times, kind="stable")
    times, deltas = times[order], deltas[order]
    bounds, starts = np.unique(times, return_index=True)
    level = np.cumsum(np.add.reduceat(deltas, starts))
    open_after = _wanted(operation, level, n)
    padded = np.concatenate(([False], open_after, [False]))
    change = np.flatnonzero(padded[1:] != padded[:-1])
    return bounds[change[::2]], bounds[change[1::2]]


def _wanted(operation: Operation, level: I64, n: int) -> B1:
    # Intersection: all n sets open. Difference: the first (weight n) open
    # and none of the others, whose weights would take the sum past n.
    wanted: B1 = level >= 1 if operation == "union" else level == n
    return wanted


def _day_table(first: int, midnights: I64, opens: I64, closes: I64) -> DayTable:
    """Per local date: any open time, its first opening and last closing.

    A date's open time is what lies between its midnights, so an interval
    running past midnight opens the next date at midnight.
    """
    starts, ends = midnights[:-1], midnights[1:]
    n = opens.size
    if n == 0:
        none = np.full(starts.size, NAT, dtype=np.int64)
        return DayTable(first, midnights, np.zeros(starts.size, bool), none, none)
    j = np.searchsorted(closes, starts, side="right")
    k = np.searchsorted(opens, ends, side="left") - 1
    jj, kk = np.minimum(j, n - 1), np.maximum(k, 0)
    business = (j < n) & (j <= k) & (opens.take(jj) < ends)
    first_open = np.where(business, np.maximum(opens.take(jj), starts), NAT)
    last_close = np.where(business, np.minimum(closes.take(kk), ends), NAT)
    return DayTable(first, midnights, business, first_open, last_close)
