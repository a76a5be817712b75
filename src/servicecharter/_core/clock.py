"""Whole-array lookups on the time axis: the business clock, open or not, searches.

With k the last interval opening at or before t (a sentinel interval of no
length at the start, and one at ``BIG``), every question is a value per
interval read at k and combined with t:

* B(t) = min(t - lead[k], reach[k]), with lead = opens - cum and
  reach = cum + length (the clock is flat from the interval's closing on);
* open at t: t < close[k], with close = opens + length;
* next opening: t if open, else after[k] = opens[k + 1];
* next closing: close[k] if open, else then[k] = close[k + 1];
* latest closing at or before t: close[k] if closed, else before[k] =
  close[k - 1].

An ``Axis`` finds k, or, when openings lie on its bucket grid, reads each
table per bucket directly. Every operation is non-decreasing in t, so the
callers check the horizon from the smallest and the largest instant. All
work is done a chunk at a time into reused buffers.
"""

from __future__ import annotations

import numpy as np

from .buckets import Axis
from .chunks import bounds, scratch
from .units import B1, BIG, I64

__all__ = ["TimeAxis"]


class TimeAxis:
    """The tables of one timeline's intervals, read through its bucket index.

    >>> o = np.array([0, 10, 30, 2**62])  # sentinel, two intervals, sentinel
    >>> length = np.array([0, 5, 5, 0])
    >>> cum = np.array([0, 0, 5, 10])
    >>> axis = TimeAxis(o, length, cum, Axis(o, 0, 100))
    >>> axis.clock(np.array([12, 20, 31])).tolist()
    [2, 5, 6]
    >>> axis.search(np.array([12, 20]), "open").tolist()
    [12, 30]
    """

    __slots__ = ("_per_key", "_tables", "axis")

    def __init__(self, opens: I64, length: I64, cum: I64, axis: Axis) -> None:
        close = opens + length
        self._per_key = {
            "lead": opens - cum,
            "reach": cum + length,
            "close": close,
            "after": np.append(opens[1:], BIG),
            "then": np.append(close[1:], BIG),
            "before": np.concatenate((close[:1], close[:-1])),
        }
        self.axis = axis
        self._tables: dict[str, I64] = {}

    def table(self, name: str) -> I64:
        """The named table in the axis' index space, built on first use."""
        found = self._tables.get(name)
        if found is None:
            # Two threads may both build it; either copy is the same.
            found = self._tables[name] = self.axis.table(self._per_key[name])
        return found

    # -- one chunk: t, the output and two int64 buffers of the same length --

    def clock_into(self, t: I64, out: I64, i: I64, y: I64) -> I64:
        """B(t) into ``out``."""
        self.axis.index(t, i)
        self.table("lead").take(i, out=out, mode="wrap")
        np.subtract(t, out, out=out)
        self.table("reach").take(i, out=y, mode="wrap")
        return np.minimum(out, y, out=out)

    def _search_into(self, t: I64, out: I64, i: I64, y: I64, kind: str) -> None:
        self.axis.index(t, i)
        close = self.table("close").take(i, out=y, mode="wrap")
        # putmask, not copyto(where=): several times faster on int64.
        if kind == "open":
            self.table("after").take(i, out=out, mode="wrap")
            np.putmask(out, t < close, t)
        elif kind == "close":
            self.table("then").take(i, out=out, mode="wrap")
            np.putmask(out, t < close, close)
        else:
            self.table("before").take(i, out=out, mode="wrap")
            np.putmask(out, t >= close, close)

    # -- whole arrays -------------------------------------------------------

    def clock(self, t: I64) -> I64:
        """B(t) for each instant."""
        out = np.empty(t.shape, dtype=np.int64)
        buf = scratch(t.size, 2)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            i, y = buf[:, : hi - lo]
            self.clock_into(flat[lo:hi], into[lo:hi], i, y)
        return out

    def is_open(self, t: I64) -> B1:
        """Whether each instant lies inside an interval."""
        out = np.empty(t.shape, dtype=bool)
        buf = scratch(t.size, 2)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            i, y = buf[:, : hi - lo]
            self.axis.index(flat[lo:hi], i)
            self.table("close").take(i, out=y, mode="wrap")
            np.less(flat[lo:hi], y, out=into[lo:hi])
        return out

    def search(self, t: I64, kind: str) -> I64:
        """A search per instant, by ``kind``.

        "open": the next opening (t when open); "close": the first closing
        after t; "before": the latest closing at or before t.
        """
        out = np.empty(t.shape, dtype=np.int64)
        buf = scratch(t.size, 2)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            i, y = buf[:, : hi - lo]
            self._search_into(flat[lo:hi], into[lo:hi], i, y, kind)
        return out
