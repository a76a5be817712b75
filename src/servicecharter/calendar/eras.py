"""Arrays whose values lie centuries apart, answered one era at a time.

Compiling every day between the earliest and the latest value of an array
would cost time and memory for days nobody asked about, and past
``limits.SPAN_YEARS`` it is refused. So when the values of a call spread
over more than an era (twenty years), its elements are grouped by the era
of the first array that has more than one element, and each group is
computed on a timeline of its own: one loop per group, never per element.
"""

from __future__ import annotations

import numpy as np

from .._core.units import DAY_US, I64
from .limits import check_days

__all__ = ["ERA_DAYS", "by_era"]

ERA_DAYS = 20 * 366


def by_era(
    arrays: list[I64], kinds: str, extremes: list[tuple[int, int]]
) -> list[I64] | None:
    """The element positions of each era, or None when one era holds them all.

    >>> day = 86_400_000_000
    >>> t = np.array([0, 300 * 365 * day, 5 * day])
    >>> [g.tolist() for g in by_era([t], "t", [(0, 300 * 365 * day)])]
    [[0, 2], [1]]
    """
    first, last = None, None
    for (lo, hi), kind in zip(extremes, kinds, strict=True):
        if kind == "t":
            day_lo, day_hi = lo // DAY_US, hi // DAY_US
        elif kind == "d":  # dates beyond the supported years: refused up front,
            check_days(lo, hi)  # before their differences overflow int64
            day_lo, day_hi = lo, hi
        else:
            continue
        first = day_lo if first is None else min(first, day_lo)
        last = day_hi if last is None else max(last, day_hi)
    if first is None or last is None or last - first <= ERA_DAYS:
        return None
    anchor = next(
        (
            i
            for i, (a, k) in enumerate(zip(arrays, kinds, strict=True))
            if k in "td" and a.size > 1
        ),
        None,
    )
    if anchor is None:
        return None
    values = arrays[anchor]
    day = values // DAY_US if kinds[anchor] == "t" else values
    era = (day - first) // ERA_DAYS
    order = np.argsort(era, kind="stable")
    counts = np.bincount(era)
    return [g for g in np.split(order, np.cumsum(counts)[:-1]) if g.size]
