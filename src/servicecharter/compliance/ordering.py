"""A stable order of integer keys: one vectorised sort, whatever their order.

A stable ``np.argsort`` merges runs: it is fast when the keys come grouped
(a few runs) and several times slower than one plain sort when they come in
no order. Keys that leave room for their position in an ``int64`` are then
sorted as ``key << bits | position`` by the plain (unstable, vectorised)
sort, which is stable by construction since no two such values are equal.
"""

from __future__ import annotations

import numpy as np

from .._core.units import I64

__all__ = ["by_group", "stable_order", "stable_sort"]

_FEW_RUNS = 64
"""Up to this many descents, the merging sort beats the packed one."""


def stable_order(keys: I64) -> I64:
    """Positions that sort ``keys`` stably (equal keys keep their order).

    >>> stable_order(np.array([3, 1, 3, 0, 1])).tolist()
    [3, 1, 4, 0, 2]
    >>> keys = np.arange(200) % 7
    >>> (stable_order(keys) == np.argsort(keys, kind="stable")).all()
    np.True_
    """
    return stable_sort(keys)[0]


def stable_sort(keys: I64) -> tuple[I64, I64]:
    """``stable_order(keys)`` and the keys in that order (no second gather).

    >>> order, ordered = stable_sort(np.array([3, 1, 3, 0, 1]))
    >>> order.tolist(), ordered.tolist()
    ([3, 1, 4, 0, 2], [0, 1, 1, 3, 3])
    """
    m = len(keys)
    if m < 2:
        return np.arange(m, dtype=np.int64), keys.copy()
    descents = int(np.count_nonzero(keys[1:] < keys[:-1]))
    low, high = int(keys.min()), int(keys.max())
    bits = (m - 1).bit_length()
    if descents <= _FEW_RUNS or (high - low).bit_length() + bits > 62:
        order = np.argsort(keys, kind="stable").astype(np.int64, copy=False)
        return order, keys[order]
    packed = keys.astype(np.int64) - low
    packed <<= bits
    packed |= np.arange(m, dtype=np.int64)
    packed.sort()
    ordered = (packed >> bits) + low
    packed &= (1 << bits) - 1
    return packed, ordered


def by_group(keys: I64, groups: int) -> tuple[I64, I64]:
    """Positions grouped by key (stably) and where each key's run begins.

    ``keys`` are in ``range(groups)``; the positions of key ``g`` are
    ``order[bounds[g]:bounds[g + 1]]``, in their original order. One sort
    for all groups, so a loop over the groups never scans every key again;
    up to 65,536 groups the sort is a radix sort of 8 or 16 bits.

    >>> order, bounds = by_group(np.array([2, 0, 2, 1, 0]), 3)
    >>> order.tolist(), bounds.tolist()
    ([1, 4, 3, 0, 2], [0, 2, 3, 5])
    """
    if groups <= 1 << 16:  # a radix sort: one pass of 8 bits, or two
        narrow = np.uint8 if groups <= 1 << 8 else np.uint16
        order = np.argsort(keys.astype(narrow), kind="stable").astype(np.int64)
    else:
        order = stable_order(keys)
    bounds = np.zeros(groups + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=groups), out=bounds[1:])
    return order, bounds
