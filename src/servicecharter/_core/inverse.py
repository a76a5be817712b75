"""The inverse of the business clock: the instant at which B reaches a value.

Over business time, the intervals start at ``cum`` (sorted, the first at 0).
For a target y in (0, total), with j the last interval starting at or before
y, the latest instant whose clock is y is ``y + shift[j]``, with
shift = opens - cum; the earliest one (a closing, when y is where an
interval starts) takes j for y - 1 instead, since business time is whole
microseconds. An ``Axis`` over business time finds j, or reads ``shift``
per bucket directly when every ``cum`` lies on its grid.
"""

from __future__ import annotations

import numpy as np

from .buckets import Axis
from .units import BIG, I64

__all__ = ["BusyAxis"]


class BusyAxis:
    """B inverted over one timeline's business time.

    >>> opens, cum = np.array([10, 30]), np.array([0, 5])  # two 5 us intervals
    >>> busy = BusyAxis(opens, cum, total=10)
    >>> y = np.array([3, 5, 7])
    >>> busy.unclock(y, closing=False).tolist(), busy.unclock(y, closing=True).tolist()
    ([13, 30, 32], [13, 15, 32])
    """

    __slots__ = ("axis", "shift")

    def __init__(
        self, opens: I64, cum: I64, total: int, *, tables: bool = True
    ) -> None:
        keys = np.append(cum, BIG).astype(np.int64)
        self.axis = Axis(keys, 0, total, tables=tables)
        self.shift = self.axis.table(np.append(opens - cum, 0).astype(np.int64))

    def unclock_into(self, target: I64, closing: bool, out: I64, i: I64, z: I64) -> I64:
        """The latest (``closing``: earliest) instant at each target, into ``out``.

        Targets lie in (0, total); ``i`` and ``z`` are buffers of their size.
        """
        if closing:
            np.subtract(target, 1, out=z)
            self.axis.index(z, i)
        else:
            self.axis.index(target, i)
        self.shift.take(i, out=out, mode="wrap")
        return np.add(out, target, out=out)

    def unclock(self, target: I64, closing: bool) -> I64:
        """``unclock_into`` on a whole (small) array."""
        out = np.empty(target.shape, dtype=np.int64)
        i, z = np.empty_like(out), np.empty_like(out)
        return self.unclock_into(target, closing, out, i, z)
