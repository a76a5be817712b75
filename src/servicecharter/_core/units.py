"""The int64-microsecond vocabulary, defined once for every layer.

Instants are int64 microseconds since 1970-01-01T00:00 UTC, durations int64
microseconds, local dates int64 days since 1970-01-01; NaT is the minimum
int64 (as numpy stores it) and ``BIG`` the maximum, a sentinel after every
instant. Only years 2-9998 are supported, so that a local date and its
neighbours always exist.

>>> day_number(dt.date(2026, 3, 27)), from_day_number(20539)
(20539, datetime.date(2026, 3, 27))
>>> (EPOCH + ONE_US * DAY_US).date()
datetime.date(1970, 1, 2)
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = [
    "B1",
    "BIG",
    "DAY_S",
    "DAY_US",
    "EPOCH",
    "F64",
    "FIRST_DAY",
    "HOUR_US",
    "I64",
    "LAST_DAY",
    "MINUTE_US",
    "NAIVE_EPOCH",
    "NAT",
    "ONE_US",
    "SUPPORTED_YEARS",
    "US",
    "Index",
    "day_number",
    "from_day_number",
]

I64: TypeAlias = npt.NDArray[np.int64]
"""Instants, durations or day numbers."""
B1: TypeAlias = npt.NDArray[np.bool_]
F64: TypeAlias = npt.NDArray[np.float64]
Index: TypeAlias = npt.NDArray[Any]
"""Positions into an array, int32 or int64."""

NAT = int(np.iinfo(np.int64).min)
BIG = int(np.iinfo(np.int64).max)
US = 1_000_000
MINUTE_US = 60 * US
HOUR_US = 3600 * US
DAY_S = 86_400
DAY_US = DAY_S * US
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NAIVE_EPOCH = dt.datetime(1970, 1, 1)
ONE_US = dt.timedelta(microseconds=1)
SUPPORTED_YEARS = "2-9998"

_ORDINAL_1970 = dt.date(1970, 1, 1).toordinal()


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return day.toordinal() - _ORDINAL_1970


def from_day_number(number: int) -> dt.date:
    """The date ``number`` days after 1970-01-01."""
    return dt.date.fromordinal(number + _ORDINAL_1970)


FIRST_DAY = day_number(dt.date(2, 1, 1))
LAST_DAY = day_number(dt.date(9998, 12, 31))
