"""The local day of each instant, from the instants at which the days start.

Days are 23 to 25 hours long (a DST change), so dividing by 24 hours lands
within one day of the answer and one compare each way settles it. When
every midnight lies on the time axis' bucket grid, as in zones whose
offsets are whole quarter hours, each bucket belongs to a single day and
the day is one gather from a table per bucket.
"""

from __future__ import annotations

import numpy as np

from .buckets import Axis
from .chunks import bounds, scratch
from .units import DAY_US, I64

__all__ = ["LocalDays"]


class LocalDays:
    """Local day numbers of instants in [midnights[0], midnights[-1]).

    >>> midnights = np.array([0, 23, 48])  # day 7 is 23 us long, day 8 25 us
    >>> days = LocalDays(midnights, 7, Axis(np.array([0, 2**62]), 0, 48))
    >>> days.local_day(np.array([0, 22, 23, 47])).tolist()
    [7, 7, 8, 8]
    """

    __slots__ = ("_table", "axis", "day0", "grid", "midnights")

    def __init__(
        self, midnights: I64, day0: int, axis: Axis, *, tables: bool = True
    ) -> None:
        self.midnights, self.day0, self.axis = midnights, day0, axis
        self.grid = tables and not ((midnights - axis.origin) % axis.width).any()
        self._table: I64 | None = None

    def _per_bucket(self) -> I64 | None:
        """The day of each bucket, when no day starts inside a bucket."""
        if not self.grid:
            return None
        if self._table is None:  # built on first use; racing threads agree
            axis, midnights = self.axis, self.midnights
            edges = axis.origin + np.arange(axis.first.size) * axis.width
            day = np.searchsorted(midnights, edges, side="right") - 1
            np.clip(day, 0, midnights.size - 2, out=day)
            self._table = day.astype(np.int64) + self.day0
        return self._table

    def local_day(self, t: I64) -> I64:
        """The local day number of each instant."""
        out = np.empty(t.shape, dtype=np.int64)
        flat, into = t.reshape(-1), out.reshape(-1)
        table = self._per_bucket()
        buf = scratch(flat.size, 2)
        for lo, hi in bounds(flat.size):
            i, y = buf[:, : hi - lo]
            if table is not None:
                table.take(
                    self.axis.bucket(flat[lo:hi], i), out=into[lo:hi], mode="wrap"
                )
            else:
                self._search_into(flat[lo:hi], into[lo:hi], i, y)
        return out

    def local_day1(self, t: int) -> int:
        """``local_day`` of one instant, by one binary search (an array's extremes).

        >>> days = LocalDays(
        ...     np.array([0, 23, 48]), 7, Axis(np.array([0, 2**62]), 0, 48)
        ... )
        >>> days.local_day1(22), days.local_day1(23)
        (7, 8)
        """
        last = self.midnights.size - 2
        day = int(self.midnights.searchsorted(t, "right")) - 1
        return self.day0 + min(max(day, 0), last)

    def _search_into(self, t: I64, out: I64, i: I64, y: I64) -> None:
        midnights = self.midnights
        np.subtract(t, midnights[0], out=i)
        np.floor_divide(i, DAY_US, out=i)
        np.clip(i, 0, midnights.size - 2, out=i)
        midnights.take(i, out=y, mode="wrap")
        i -= t < y
        midnights.take(i + 1, out=y, mode="wrap")
        i += t >= y
        np.add(i, self.day0, out=out)
