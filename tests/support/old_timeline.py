"""The previous kernel, kept verbatim as the differential reference of the new one.

A copy of ``servicecharter._core.timeline`` (and the whole-array ``add``,
``elapsed`` and business-day computations of ``calendar.kernel`` and
``calendar.busdays``) as it was before the core was rewritten around
per-bucket tables and chunks. Built from the same compiled opens, closes and
day table as the library's ``Timeline``, it must give identical answers.

The original summary follows.

The vectorised core: open intervals as int64 microseconds, and the business clock.

Pure numpy; knows nothing of dates, zones or charters. A ``Timeline`` covers
``[start_us, end_us)`` with sorted, disjoint, non-touching open intervals and
``cum_us`` (business time before each interval). The business clock is

    B(t) = cum[k] + min(t - opens[k], closes[k] - opens[k])

with k the last interval opening at or before t. Finding k with a binary
search per element is the slow part, so a *bucket index* stores, for each
fixed-width bucket of time, the last interval opening at or before the
bucket's start; a lookup is then one gather plus ``steps`` compare-and-step
passes, where ``steps`` is the most openings any bucket holds. The same trick
inverts B over the business-time axis. Every operation is whole-array.
"""

from __future__ import annotations

import bisect

import attrs
import numpy as np

from servicecharter._core.units import B1, BIG, I64, NAT, Index

__all__ = ["BIG", "NAT", "DayTable", "Timeline", "merge_intervals"]

_QUARTER_US = 900 * 1_000_000
_MAX_BUCKETS = 1 << 20


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


class _Buckets:
    """Last index i with ``keys[i] <= x`` for x in [origin, origin + span]."""

    __slots__ = ("first", "keys", "origin", "steps", "width")

    def __init__(self, keys: I64, origin: int, span: int) -> None:
        # keys: sorted, keys[0] <= origin, last entry BIG as a sentinel.
        width = max(_QUARTER_US, -(-span // _MAX_BUCKETS))
        width = -(-width // _QUARTER_US) * _QUARTER_US
        edges = origin + np.arange(span // width + 2, dtype=np.int64) * width
        first = np.searchsorted(keys, edges, side="right") - 1
        before_next = np.searchsorted(keys, edges[1:], side="left") - 1
        self.keys = keys
        self.origin = origin
        self.width = width
        # Keys strictly inside a bucket need a step each; keys on an edge are
        # already counted by ``first``, so quarter-hour openings need none.
        self.steps = int(np.max(before_next - first[:-1], initial=0))
        # int32 halves the index's cache footprint; take() accepts it as is.
        self.first = first.astype(np.int32 if keys.size < 2**31 else np.int64)

    def locate(self, x: I64) -> Index:
        k: Index = self.first.take((x - self.origin) // self.width)
        for _ in range(self.steps):
            k = k + (self.keys.take(k + 1) <= x)
        return k


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
    """

    def __init__(self, opens_us: I64, closes_us: I64, days: DayTable) -> None:
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
        self._time = _Buckets(self._o, start_us, end_us - start_us)
        self._busy = _Buckets(
            np.append(self.cum_us[:n], BIG).astype(np.int64), 0, self.total_us
        )
        self.days = days
        self.day0 = days.day0
        self.business = days.business
        self.rank = np.concatenate(([0], np.cumsum(days.business))).astype(np.int64)
        self.business_days = np.flatnonzero(days.business).astype(np.int64) + self.day0
        self._o_list: list[int] = self._o.tolist()
        self._len_list: list[int] = self._len.tolist()
        self._cum_list: list[int] = self._cum.tolist()

    @property
    def day_end(self) -> int:
        """One past the last day number covered."""
        return self.day0 + int(self.business.size)

    # -- whole-array operations; every instant must lie in [start_us, end_us) --

    def local_day(self, t: I64) -> I64:
        """The local day number of each instant (days are 23 to 25 hours long)."""
        midnights = self.days.midnights
        last = midnights.size - 2
        i = np.clip((t - midnights[0]) // 86_400_000_000, 0, last)
        i -= t < midnights.take(i)
        i += t >= midnights.take(i + 1)
        return np.asarray(i + self.day0, dtype=np.int64)

    def locate(self, t: I64) -> Index:
        """Index into the sentinel-padded arrays of the last opening <= t."""
        return self._time.locate(t)

    def clock(self, t: I64) -> I64:
        """Business time B(t) accumulated since ``start_us``."""
        k = self.locate(t)
        x = t - self._o.take(k)
        np.minimum(x, self._len.take(k), out=x)
        x += self._cum.take(k)
        return x

    def unclock(self, target: I64, closing: bool) -> I64:
        """Invert B for targets in (0, total): latest (or, closing, earliest) u."""
        j = self._busy.locate(target)
        cum = self.cum_us.take(j)
        if closing:
            back = (cum == target) & (j > 0)
            j -= back
            cum = self.cum_us.take(j)
        return self.opens_us.take(j) + (target - cum)

    def is_open(self, t: I64) -> B1:
        k = self.locate(t)
        return t < self._o.take(k) + self._len.take(k)

    # Each search returns (answer, needs later days, needs earlier days).

    def next_open(self, t: I64) -> tuple[I64, B1, bool]:
        k = self.locate(t)
        inside = t < self._o.take(k) + self._len.take(k)
        after = self._o.take(k + 1)
        return np.where(inside, t, after), ~inside & (after == BIG), False

    def next_close(self, t: I64) -> tuple[I64, B1, bool]:
        k = self.locate(t)
        close = self._o.take(k) + self._len.take(k)
        k = np.where(t < close, k, k + 1)
        close = self._o.take(k) + self._len.take(k)
        return close, close >= self.end_us, False

    def previous_close(self, t: I64) -> tuple[I64, bool, B1]:
        k = self.locate(t)
        close = self._o.take(k) + self._len.take(k)
        k = np.maximum(np.where(t >= close, k, k - 1), 0)
        return self._o.take(k) + self._len.take(k), False, k == 0

    # -- scalar fast path: the same arrays, bisect on Python lists --

    def clock1(self, t: int) -> int:
        """B(t) for one instant in [start_us, end_us)."""
        o, length, cum = self._o_list, self._len_list, self._cum_list
        k = bisect.bisect_right(o, t) - 1
        return cum[k] + min(t - o[k], length[k])

    def add1(self, t: int, d: int, closing: bool) -> int | None:
        """``add`` for one instant, or None when the answer lies outside."""
        o, length, cum = self._o_list, self._len_list, self._cum_list
        k = bisect.bisect_right(o, t) - 1
        target = cum[k] + min(t - o[k], length[k]) + d
        if not 0 < target < self.total_us:
            return None
        # Real interval i sits at i + 1 behind the sentinel; search only those.
        side = bisect.bisect_left if closing else bisect.bisect_right
        j = side(cum, target, 1, len(cum) - 1) - 1
        return o[j] + (target - cum[j])


# -- the kernel's whole-array computations, as they were (calendar.kernel) --


def add(tl: Timeline, t: I64, d: I64, closing: bool) -> I64 | None:
    """``add`` on one timeline, or None when an answer lies outside it."""
    target = tl.clock(t) + d
    if bool(target.max() >= tl.total_us) or bool(target.min() <= 0):
        return None
    return tl.unclock(target, closing)


def elapsed(tl: Timeline, a: I64, b: I64) -> I64:
    return tl.clock(b) - tl.clock(a)


# -- business days, as they were (calendar.busdays) --


def _month(days: I64) -> I64:
    return days.view("datetime64[D]").astype("datetime64[M]").view(np.int64)


def count_business_days(tl: Timeline, begin: I64, end: I64) -> I64:
    """Business days in [begin, end), as ``numpy.busday_count``."""
    shift = (begin > end).astype(np.int64) - tl.day0
    return tl.rank.take(end + shift) - tl.rank.take(begin + shift)


def add_business_days(tl: Timeline, days: I64, n: I64, roll: str) -> I64 | None:
    """busday_offset (the rolls other than "raise"), None when it needs more days."""
    i = days - tl.day0
    ok = tl.business.take(i)
    following = tl.rank.take(i)
    preceding = tl.rank.take(i + 1) - 1
    size = tl.business_days.size
    if roll in ("nat", "forward", "following"):
        index = following
    elif roll in ("backward", "preceding"):
        index = preceding
    else:
        if bool(following.max() >= size) or bool(preceding.min() < 0):
            return None
        first, other = (
            (following, preceding)
            if roll == "modifiedfollowing"
            else (preceding, following)
        )
        landed = tl.business_days.take(first)
        index = np.where(_month(landed) == _month(days), first, other)
    index = index + n
    if bool(index.max() >= size) or bool(index.min() < 0):
        return None
    out = tl.business_days.take(index)
    if roll == "nat":
        out = np.where(ok, out, NAT)
    return out
