"""The vectorised core: open intervals as int64 microseconds, and the business clock.

Pure numpy; knows nothing of dates, zones or charters. A ``Timeline`` covers
``[start_us, end_us)`` with sorted, disjoint, non-touching open intervals and
``cum_us`` (business time before each interval). The business clock is

    B(t) = cum[k] + min(t - opens[k], closes[k] - opens[k])

with k the last interval opening at or before t. A bucket index (``Axis``)
finds k with one gather, or, when every opening lies on its grid of quarter
hours, reads the values each question needs per bucket directly
(``TimeAxis``); the same inverts B over the business-time axis
(``BusyAxis``). Whole-array operations run a cache-sized chunk at a time,
and check the horizon from the extremes of their input, since every one is
monotone in it. Scalars take a bisect on Python lists of the same arrays.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from .buckets import Axis
from .chunks import bounds, pairs, part, scratch
from .clock import TimeAxis
from .inverse import BusyAxis
from .local_days import LocalDays
from .units import B1, BIG, I64, NAT

__all__ = ["BIG", "NAT", "DayTable", "Timeline", "merge_intervals"]

Found = tuple[npt.NDArray[Any] | None, int, int]
"""An answer (None when it lies outside), and whether it needs later or
earlier days compiled: 0 when not, else a guess of how far, in
microseconds (``True`` when there is none)."""
Extremes = tuple[int, int] | None
"""The smallest and largest instant of an array, when the caller knows them."""


def _ends(t: I64, extremes: Extremes) -> tuple[int, int]:
    return (int(t.min()), int(t.max())) if extremes is None else extremes


def merge_intervals(opens: I64, closes: I64, lo: int, hi: int) -> tuple[I64, I64]:
    """Sort, clip to [lo, hi], drop empty ones and merge overlapping or touching.

    >>> o, c = merge_intervals(np.array([5, 0, 3]), np.array([9, 3, 4]), 1, 8)
    >>> o.tolist(), c.tolist()
    ([1, 5], [4, 8])
    """
    opens = np.maximum(opens, lo)
    closes = np.minimum(closes, hi)
    keep = closes > opens
    opens, closes = opens[keep], closes[keep]
    order = np.argsort(opens, kind="stable")
    opens, closes = opens[order], closes[order]
    if opens.size == 0:
        return opens, closes
    reach = np.maximum.accumulate(closes)
    starts = np.ones(opens.size, dtype=bool)
    starts[1:] = opens[1:] > reach[:-1]
    first = np.flatnonzero(starts)
    last = np.append(first[1:] - 1, opens.size - 1)
    return opens[first], reach[last]


@attrs.frozen(eq=False)
class DayTable:
    """Per local day (numbered from ``day0``): facts the day arithmetic needs.

    ``midnights`` holds the instant each day starts, one more than the days;
    ``first_open``/``last_close`` are NaT on days with no open time.
    """

    day0: int
    midnights: I64
    business: B1
    first_open: I64
    last_close: I64


class Timeline:
    """Compiled open intervals over ``[start_us, end_us)`` (immutable).

    ``start_us``/``end_us`` are the local midnights bounding the compiled
    days; ``days`` carries the day-level data for business-day arithmetic.
    ``tables=False`` keeps to the general lookup (one gather of the interval,
    then of each value) even on a grid, as a reference for the tests.
    """

    def __init__(
        self, opens_us: I64, closes_us: I64, days: DayTable, *, tables: bool = True
    ) -> None:
        start_us, end_us = int(days.midnights[0]), int(days.midnights[-1])
        self.start_us, self.end_us = start_us, end_us
        self.opens_us, self.closes_us = opens_us, closes_us
        lengths = closes_us - opens_us
        self.cum_us = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        self.total_us = int(self.cum_us[-1])
        n = opens_us.size
        # Time-axis arrays with a zero-length sentinel interval at start_us in
        # front (so every t >= start_us finds one) and BIG at the end.
        self._o = np.concatenate(([start_us], opens_us, [BIG])).astype(np.int64)
        self._len = np.concatenate(([0], lengths, [0])).astype(np.int64)
        self._cum = np.concatenate(([0], self.cum_us[:n], [self.total_us])).astype(
            np.int64
        )
        time = Axis(self._o, start_us, end_us - start_us, tables=tables)
        self._time = TimeAxis(self._o, self._len, self._cum, time)
        self._busy = BusyAxis(opens_us, self.cum_us[:n], self.total_us, tables=tables)
        self._days = LocalDays(days.midnights, days.day0, time, tables=tables)
        self.days = days
        self.day0 = days.day0
        self.business = days.business
        self.rank = np.concatenate(([0], np.cumsum(days.business))).astype(np.int64)
        self.business_days = np.flatnonzero(days.business).astype(np.int64) + self.day0
        self._lists: tuple[list[int], list[int], list[int]] | None = None

    @property
    def day_end(self) -> int:
        """One past the last day number covered."""
        return self.day0 + int(self.business.size)

    @property
    def bucket_grid(self) -> tuple[int, int, int]:
        """The time axis' bucket index: (origin, width, number of buckets)."""
        axis = self._time.axis
        return axis.origin, axis.width, int(axis.first.size)

    @property
    def grid(self) -> bool:
        """Whether lookups read per-bucket tables (every opening on the grid)."""
        return self._time.axis.grid

    # -- whole-array operations; every instant must lie in [start_us, end_us) --

    def local_day(self, t: I64) -> I64:
        """The local day number of each instant (days are 23 to 25 hours long)."""
        return self._days.local_day(t)

    def local_day1(self, t: int) -> int:
        """The local day number of one instant in [start_us, end_us)."""
        return self._days.local_day1(t)

    def clock(self, t: I64) -> I64:
        """Business time B(t) accumulated since ``start_us``."""
        return self._time.clock(t)

    def unclock(self, target: I64, closing: bool) -> I64:
        """Invert B for targets in (0, total): latest (or, closing, earliest) u."""
        return self._busy.unclock(target, closing)

    def is_open(self, t: I64) -> B1:
        return self._time.is_open(t)

    def elapsed(self, a: I64, b: I64) -> I64:
        """B(b) - B(a), broadcasting a one-element array against the other."""
        n = max(a.size, b.size)
        out = np.empty(n, dtype=np.int64)
        buf, pair = scratch(n, 2), pairs(n)
        for lo, hi in bounds(n):
            m = hi - lo
            i, x = buf[:, :m]
            self._time.clock_into(part(b, lo, hi), out[lo:hi], i, pair[:m])
            out[lo:hi] -= self._time.clock_into(part(a, lo, hi), x, i, pair[:m])
        return out

    def add(self, t: I64, d: I64, closing: bool, extremes: Extremes = None) -> Found:
        """The latest (``closing``: earliest) u with B(u) = B(t) + d, each pair.

        The targets must lie strictly inside (0, total_us): with one
        duration that is checked at the extreme instants (B is monotone),
        else chunk by chunk.
        """
        n = max(t.size, d.size)
        if d.size == 1 and t.size:
            step = int(d.reshape(-1)[0])
            first, last = _ends(t, extremes)
            low, high = self._clock_at(first) + step, self._clock_at(last) + step
            if low <= 0 or high >= self.total_us:
                return self._short(low, high)
        # One instant, many durations: its clock once.
        alone = self._clock_at(int(t.reshape(-1)[0])) if t.size == 1 else 0
        out = np.empty(n, dtype=np.int64)
        buf, pair = scratch(n, 3), pairs(n)
        for lo, hi in bounds(n):
            i, x, z = buf[:, : hi - lo]
            if t.size == 1:
                x[:] = alone
            else:
                self._time.clock_into(t[lo:hi], x, i, pair[: hi - lo])
            x += part(d, lo, hi)
            if d.size > 1:
                high, low = int(x.max()), int(x.min())
                if low <= 0 or high >= self.total_us:
                    return self._short(low, high)
            self._busy.unclock_into(x, closing, out[lo:hi], i, z)
        return out, False, False

    def _clock_at(self, t: int) -> int:
        """B(t) for one instant, by one binary search of the openings.

        For the extremes of an array: two searches instead of two passes of
        the whole-array machinery, and no Python lists built.
        """
        if not self.start_us <= t < self.end_us:  # as the array clock reads it
            return int(self._time.clock(np.array([t], dtype=np.int64))[0])
        k = int(self._o.searchsorted(t, "right")) - 1
        x = t - int(self._o[k])
        return int(self._cum[k]) + min(x, int(self._len[k]))

    def _short(self, low: int, high: int) -> Found:
        """Targets outside (0, total): how much more time they need, as a guess.

        The guess assumes the rate of business time of this span, so that
        the horizon can grow in one go.
        """
        span, total = self.end_us - self.start_us, max(self.total_us, 1)
        later = high - self.total_us + 1 if high >= self.total_us else 0
        earlier = 1 - low if low <= 0 else 0
        return None, -(-later * span // total), -(-earlier * span // total)

    # Each search returns (answer, needs later days, needs earlier days),
    # decided at the extreme instants since each is non-decreasing in t.

    def next_open(self, t: I64, extremes: Extremes = None) -> Found:
        if t.size and self._search1(_ends(t, extremes)[1], "open") == BIG:
            return None, True, False
        return self._time.search(t, "open"), False, False

    def next_close(self, t: I64, extremes: Extremes = None) -> Found:
        if t.size and self._search1(_ends(t, extremes)[1], "close") >= self.end_us:
            return None, True, False
        return self._time.search(t, "close"), False, False

    def previous_close(self, t: I64, extremes: Extremes = None) -> Found:
        # Only the sentinel closes at start_us: real intervals close after it.
        first = _ends(t, extremes)[0] if t.size else 0
        if t.size and self._search1(first, "before") == self.start_us:
            return None, False, True
        return self._time.search(t, "before"), False, False

    def _search1(self, t: int, kind: str) -> int:
        return int(self._time.search(np.array([t], dtype=np.int64), kind)[0])

    def on_days(self, values: npt.NDArray[Any], days: I64) -> npt.NDArray[Any]:
        """``values[day - day0]`` for each day number (in the compiled days)."""
        out = np.empty(days.shape, dtype=values.dtype)
        flat, into = days.reshape(-1), out.reshape(-1)
        buf = scratch(flat.size, 1)
        for lo, hi in bounds(flat.size):
            i = buf[0, : hi - lo]
            np.subtract(flat[lo:hi], self.day0, out=i)
            values.take(i, out=into[lo:hi], mode="wrap")
        return out

    # -- scalar fast path: the same arrays, bisect on Python lists --

    def _scalar_lists(self) -> tuple[list[int], list[int], list[int]]:
        lists = self._lists
        if lists is None:  # built on first use: array users never pay for them
            lists = self._lists = (
                self._o.tolist(),
                self._len.tolist(),
                self._cum.tolist(),
            )
        return lists

    def clock1(self, t: int) -> int:
        """B(t) for one instant in [start_us, end_us)."""
        o, length, cum = self._lists or self._scalar_lists()
        k = bisect_right(o, t) - 1
        x = t - o[k]
        return cum[k] + (x if x < length[k] else length[k])

    def add1(self, t: int, d: int, closing: bool) -> int | None:
        """``add`` for one instant, or None when the answer lies outside."""
        o, length, cum = self._lists or self._scalar_lists()
        k = bisect_right(o, t) - 1
        x = t - o[k]
        target = cum[k] + (x if x < length[k] else length[k]) + d
        if not 0 < target < self.total_us:
            return None
        # Real interval i sits at i + 1 behind the sentinel; search only those.
        side = bisect_left if closing else bisect_right
        j = side(cum, target, 1, len(cum) - 1) - 1
        return o[j] + (target - cum[j])
