"""Compile opening hours over a range of local dates into a ``Timeline``."""

from __future__ import annotations

import datetime as dt

import numpy as np

from ._timeline import Timeline, merge_intervals
from ._zone import DAY_US, local_to_utc
from .hours import OpeningHours

__all__ = ["compile_days", "day_number", "from_day_number"]

_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()
_US = 1_000_000


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - _ORDINAL_1970


def from_day_number(number: int) -> dt.date:
    """The date ``number`` days after 1970-01-01."""
    return dt.date.fromordinal(number + _ORDINAL_1970)


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
            starts.append(midnight + r.start_s * _US)
            ends.append(midnight + (r.start_s + r.length_s) * _US)
            owners.append(first - 1 + offset)
    local = np.array(starts + ends, dtype=np.int64)
    closing = np.arange(local.size) >= len(starts)
    bounds = np.array([first * DAY_US, stop * DAY_US], dtype=np.int64)
    utc = local_to_utc(
        np.concatenate((local, bounds)), np.append(closing, [False, True]), hours.tz
    )
    lo, hi = int(utc[-2]), int(utc[-1])
    opens, closes = utc[: len(starts)], utc[len(starts) : -2]
    owner = np.array(owners, dtype=np.int64)
    business = np.zeros(stop - first, dtype=bool)
    has_time = (closes > opens) & (owner >= first)
    business[owner[has_time] - first] = True
    merged_opens, merged_closes = merge_intervals(opens, closes, lo, hi)
    return Timeline(lo, hi, merged_opens, merged_closes, day0=first, business=business)
