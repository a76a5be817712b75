"""Whole-array work done a cache-sized chunk at a time.

A lookup over a million instants is a dozen numpy passes. Run over the whole
array, each pass writes a fresh full-size temporary: the data leaves the
cache between passes and the new pages fault in. Run over chunks of
``CHUNK`` elements into a few reused buffers, the temporaries stay in cache
and only the answer is allocated. The loop is per chunk, never per element.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from .units import I64

__all__ = ["CHUNK", "PAIR", "bounds", "pairs", "part", "scratch"]

A = TypeVar("A", bound=npt.NDArray[Any])

CHUNK = 1 << 15
"""Elements per chunk: 32K int64 values are 256 KiB, a few buffers fit in L2."""


def bounds(n: int) -> Iterator[tuple[int, int]]:
    """The [lo, hi) bounds of the chunks of ``n`` elements (none when n is 0).

    >>> list(bounds(70_000))
    [(0, 32768), (32768, 65536), (65536, 70000)]
    """
    for lo in range(0, n, CHUNK):
        yield lo, min(lo + CHUNK, n)


def part(array: A, lo: int, hi: int) -> A:
    """The chunk [lo, hi) of ``array``, or all of it when it has one element.

    A one-element array then broadcasts against the others' chunks.
    """
    # A slice is an array of the same type; numpy types it as the base class.
    return array if array.size == 1 else array[lo:hi]  # type: ignore[return-value]


def scratch(n: int, rows: int) -> I64:
    """``rows`` int64 buffers of a chunk each, for an operation on ``n`` elements.

    Row ``r`` sliced ``[:m]`` is a buffer for a chunk of m elements.
    """
    return np.empty((rows, min(max(n, 1), CHUNK)), dtype=np.int64)


PAIR = np.dtype("V16")
"""Two int64 values as one 16-byte item, gathered with one ``take``: one
cache line touched per element instead of two. Copied bit for bit."""


def pairs(n: int) -> npt.NDArray[np.void]:
    """A buffer of a chunk of ``PAIR`` items, for an operation on ``n`` elements."""
    return np.empty(min(max(n, 1), CHUNK), dtype=PAIR)
