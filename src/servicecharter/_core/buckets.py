"""A bucket index over sorted keys, and tables read through it.

``Axis`` answers "the last key at or before x" for x in a known span of an
axis (time, or business time) by cutting the span into buckets of equal
width and keeping, for each bucket, the last key at or before its start. A
key strictly inside a bucket costs a compare-and-step pass; when no key
falls strictly inside any bucket (hours on quarter hours, say) the answer
depends on the bucket alone, and a value kept per key can be read per
bucket instead: one gather from a table built once, rather than a gather of
the key's position followed by a gather of the value. ``index`` gives each
value's position in the table space (buckets on that grid, keys otherwise)
and ``table`` maps a per-key array into it, so callers read both alike.

Pure numpy, int64 throughout; knows nothing of dates or zones.
"""

from __future__ import annotations

import numpy as np

from .units import I64

__all__ = ["MAX_BUCKETS", "QUARTER_US", "Axis"]

QUARTER_US = 900 * 1_000_000
MAX_BUCKETS = 1 << 20


class Axis:
    """The last index i with ``keys[i] <= x``, for x in [origin, origin + span].

    ``keys`` are sorted with ``keys[0] <= origin`` and a last key above every
    x (a sentinel). ``grid`` is whether every key lies on a bucket edge (and
    ``tables`` allowed them): ``index`` then gives bucket numbers.

    >>> axis = Axis(np.array([0, QUARTER_US, 2**62]), 0, 4 * QUARTER_US)
    >>> axis.grid, axis.locate(np.array([5, QUARTER_US, 3 * QUARTER_US])).tolist()
    (True, [0, 1, 1])
    >>> axis.table(np.array([10, 20, 30])).take(axis.index(np.array([5]))).tolist()
    [10]
    """

    __slots__ = ("first", "grid", "keys", "origin", "steps", "width")

    def __init__(
        self, keys: I64, origin: int, span: int, *, tables: bool = True
    ) -> None:
        width = max(QUARTER_US, -(-span // MAX_BUCKETS))
        width = -(-width // QUARTER_US) * QUARTER_US
        buckets = span // width + 2
        # Count rather than search: the keys at or before edge j are those
        # whose offset rounded up to the grid is at most j (linear time).
        offset = np.minimum(keys, origin + buckets * width) - origin  # no overflow
        up = np.clip(-(-offset // width), 0, buckets)
        first = np.cumsum(np.bincount(up, minlength=buckets + 1)[:buckets]) - 1
        # Keys strictly inside a bucket need a step each; keys on an edge are
        # already counted by ``first``, so quarter-hour openings need none.
        floor = offset[(offset > 0) & (offset % width != 0)] // width
        inside = floor[floor < buckets - 1]  # the last bucket holds no value
        self.steps = int(np.bincount(inside).max()) if inside.size else 0
        self.keys = keys
        self.origin = origin
        self.width = width
        self.grid = tables and self.steps == 0
        # int64, as the chunk buffers it is gathered into.
        self.first: I64 = first.astype(np.int64)

    def bucket(self, x: I64, out: I64) -> I64:
        """The bucket of each value, into ``out``."""
        np.subtract(x, self.origin, out=out)
        np.floor_divide(out, self.width, out=out)
        return out

    def index(self, x: I64, out: I64 | None = None) -> I64:
        """Each value's position in the table space (bucket or key), into ``out``."""
        out = np.empty(x.shape, dtype=np.int64) if out is None else out
        self.bucket(x, out)
        if self.grid:
            return out
        self.first.take(out, out=out, mode="wrap")
        for _ in range(self.steps):
            self._step(x, out)
        return out

    def _step(self, x: I64, k: I64) -> None:
        # k += keys[k + 1] <= x, with no temporaries beyond one bool row.
        nxt = self.keys.take(k + 1, mode="wrap")
        k += nxt <= x

    def table(self, per_key: I64) -> I64:
        """``per_key`` (a value per key) as read through ``index``.

        On the grid, a new array per bucket (for the caller to keep); else
        ``per_key`` itself.
        """
        return per_key.take(self.first) if self.grid else per_key

    def locate(self, x: I64) -> I64:
        """The position of the last key at or before each value."""
        k: I64 = self.first.take((x - self.origin) // self.width)
        for _ in range(self.steps):
            k += self.keys.take(k + 1) <= x
        return k
