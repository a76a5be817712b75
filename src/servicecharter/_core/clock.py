"""Whole-array lookups on the time axis: the business clock, open or not, searches.

With k the last interval opening at or before t (a sentinel interval of no
length at the start, and one at ``BIG``), every question is a value per
interval read at k and combined with t:

* B(t) = min(t - lead[k], reach[k]), with lead = opens - cum and
  reach = cum + length (the clock is flat from the interval's closing on),
  the two kept side by side so that one gather reads both;
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
import numpy.typing as npt

from .buckets import Axis
from .chunks import PAIR, bounds, pairs, scratch
from .units import B1, BIG, I64

__all__ = ["TimeAxis"]

Pairs = npt.NDArray[np.void]


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

    __slots__ = ("_close", "_pairs", "_per_key", "axis")

    def __init__(self, opens: I64, length: I64, cum: I64, axis: Axis) -> None:
        close = opens + length
        # Values read together sit side by side, one PAIR item per lookup.
        self._per_key = {
            "clock": np.stack((opens - cum, cum + length), axis=1),
            "open": np.stack((close, np.append(opens[1:], BIG)), axis=1),
            "close": np.stack((close, np.append(close[1:], BIG)), axis=1),
            "before": np.stack((close, np.concatenate((close[:1], close[:-1]))), 1),
        }
        self.axis = axis
        self._close = axis.table(close)
        self._pairs: dict[str, npt.NDArray[np.void]] = {}

    def pair_table(self, name: str) -> npt.NDArray[np.void]:
        """The named pair of values per position of the index space."""
        found = self._pairs.get(name)
        if found is None:  # built on first use; racing threads agree
            both = self._per_key[name]
            if self.axis.grid:
                both = both.take(self.axis.first, axis=0)
            found = self._pairs[name] = both.view(PAIR).reshape(-1)
        return found

    def _gather(self, name: str, t: I64, i: I64, pair: Pairs) -> I64:
        """The named pair at each instant, as a (len(t), 2) int64 view."""
        self.axis.index(t, i)
        self.pair_table(name).take(i, out=pair, mode="wrap")
        return pair.view(np.int64).reshape(-1, 2)

    # -- one chunk: t, the output and buffers of the same length --

    def clock_into(self, t: I64, out: I64, i: I64, pair: Pairs) -> I64:
        """B(t) into ``out``; ``i`` and ``pair`` are buffers of t's length."""
        both = self._gather("clock", t, i, pair)
        np.subtract(t, both[:, 0], out=out)
        return np.minimum(out, both[:, 1], out=out)

    def _search_into(self, t: I64, out: I64, i: I64, pair: Pairs, kind: str) -> None:
        both = self._gather(kind, t, i, pair)
        close = both[:, 0]
        np.copyto(out, both[:, 1])
        # putmask, not copyto(where=): several times faster on int64.
        if kind == "open":
            np.putmask(out, t < close, t)
        elif kind == "close":
            np.putmask(out, t < close, close)
        else:
            np.putmask(out, t >= close, close)

    # -- whole arrays -------------------------------------------------------

    def clock(self, t: I64) -> I64:
        """B(t) for each instant."""
        out = np.empty(t.shape, dtype=np.int64)
        buf, pair = scratch(t.size, 1), pairs(t.size)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            m = hi - lo
            self.clock_into(flat[lo:hi], into[lo:hi], buf[0, :m], pair[:m])
        return out

    def is_open(self, t: I64) -> B1:
        """Whether each instant lies inside an interval."""
        out = np.empty(t.shape, dtype=bool)
        buf = scratch(t.size, 2)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            i, y = buf[:, : hi - lo]
            self.axis.index(flat[lo:hi], i)
            self._close.take(i, out=y, mode="wrap")
            np.less(flat[lo:hi], y, out=into[lo:hi])
        return out

    def search(self, t: I64, kind: str) -> I64:
        """A search per instant, by ``kind``.

        "open": the next opening (t when open); "close": the first closing
        after t; "before": the latest closing at or before t.
        """
        out = np.empty(t.shape, dtype=np.int64)
        buf, pair = scratch(t.size, 1), pairs(t.size)
        flat, into = t.reshape(-1), out.reshape(-1)
        for lo, hi in bounds(flat.size):
            m = hi - lo
            self._search_into(flat[lo:hi], into[lo:hi], buf[0, :m], pair[:m], kind)
        return out
