"""Compile opening hours over a range of local dates into a ``Timeline``."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._core.timeline import DayTable, Timeline, merge_intervals
from .._core.units import BIG, DAY_US, I64, NAT, US, from_day_number
from .._core.zone import local_to_utc
from ..hours import OpeningHours

__all__ = ["compile_days"]


def compile_days(hours: OpeningHours, first: int, stop: int) -> Timeline:
    """The timeline of local days [first, stop) (day numbers since 1970-01-01).

    The day before ``first`` is compiled too, since its ranges may cross into
    ``first``; intervals are clipped to the local midnights bounding the range.
    """
    starts: list[int] = []
    ends: list[int] = []
    owners: list[int] = []
    begin = from_day_number(first - 1)
    for offset, (_, ranges) in enumerate(hours.days(begin, from_day_number(stop - 1))):
        midnight = (first - 1 + offset) * DAY_US
        for r in ranges:
            starts.append(midnight + r.start_s * US)
            ends.append(midnight + (r.start_s + r.length_s) * US)
            owners.append(first - 1 + offset)
    local = np.array(starts + ends, dtype=np.int64)
    closing = np.arange(local.size) >= len(starts)
    edges = np.arange(first, stop + 1, dtype=np.int64) * DAY_US
    utc = local_to_utc(
        np.concatenate((local, edges)),
        np.concatenate((closing, np.zeros(edges.size, dtype=bool))),
        hours.tz,
    )
    opens, closes = utc[: len(starts)], utc[len(starts) : local.size]
    midnights = utc[local.size :]
    days = _day_table(first, stop, np.array(owners, dtype=np.int64), opens, closes)
    lo, hi = int(midnights[0]), int(midnights[-1])
    merged_opens, merged_closes = merge_intervals(opens, closes, lo, hi)
    return Timeline(merged_opens, merged_closes, DayTable(first, midnights, *days))


def _day_table(
    first: int, stop: int, owner: I64, opens: I64, closes: I64
) -> tuple[npt.NDArray[np.bool_], I64, I64]:
    """Per day: has open time, first opening and last closing (NaT when none)."""
    has_time = (closes > opens) & (owner >= first)
    index = owner[has_time] - first
    business = np.zeros(stop - first, dtype=bool)
    business[index] = True
    first_open = np.full(stop - first, BIG, dtype=np.int64)
    np.minimum.at(first_open, index, opens[has_time])
    first_open[first_open == BIG] = NAT
    last_close = np.full(stop - first, NAT, dtype=np.int64)
    np.maximum.at(last_close, index, closes[has_time])
    return business, first_open, last_close
