"""Every calendar operation as a call on one argument, for tables of odd input.

``SCALAR_CALLS`` take one scalar where an instant or a date goes;
``INSTANT_ARRAY_CALLS`` an array of instants, ``DAY_ARRAY_CALLS`` an array of
dates. The other arguments are fixed: ``AWARE`` and ``FRIDAY`` (Friday 27
March 2026, 10:00 in Paris) and ``HOUR``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np

from servicecharter import BusinessCalendar
from tests.support.zones import PARIS

HOUR = dt.timedelta(hours=1)
I64 = np.iinfo(np.int64)
NAIVE = dt.datetime(2026, 3, 27, 10, 0)  # a Friday
AWARE = NAIVE.replace(tzinfo=PARIS)
FRIDAY = dt.date(2026, 3, 27)


def us(*values: str) -> np.ndarray:
    """Instants as a datetime64[us] array (read as UTC)."""
    return np.array(values, dtype="datetime64[us]")


SCALAR_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_open": lambda c, x: c.is_open(x),
    "next_open": lambda c, x: c.next_open(x),
    "next_close": lambda c, x: c.next_close(x),
    "previous_close": lambda c, x: c.previous_close(x),
    "add": lambda c, x: c.add(x, HOUR),
    "add_close": lambda c, x: c.add(x, HOUR, boundary="close"),
    "add_negative": lambda c, x: c.add(x, -HOUR),
    "elapsed_a": lambda c, x: c.elapsed(x, AWARE),
    "elapsed_b": lambda c, x: c.elapsed(AWARE, x),
    "open_intervals_start": lambda c, x: list(c.open_intervals(x, AWARE + HOUR)),
    "open_intervals_end": lambda c, x: list(c.open_intervals(AWARE, x)),
    "opening_arrays_start": lambda c, x: c.opening_arrays(x, AWARE + HOUR),
    "opening_arrays_end": lambda c, x: c.opening_arrays(AWARE - HOUR, x),
    "is_business_day": lambda c, x: c.is_business_day(x),
    "add_business_days": lambda c, x: c.add_business_days(x, 1),
    "count_business_days_begin": lambda c, x: c.count_business_days(x, FRIDAY),
    "count_business_days_end": lambda c, x: c.count_business_days(FRIDAY, x),
    "local_date": lambda c, x: c.local_date(x),
    "day_start": lambda c, x: c.day_start(x),
    "first_open": lambda c, x: c.first_open(x),
    "last_close": lambda c, x: c.last_close(x),
}

INSTANT_ARRAY_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_open": lambda c, x: c.is_open(x),
    "next_open": lambda c, x: c.next_open(x),
    "next_close": lambda c, x: c.next_close(x),
    "previous_close": lambda c, x: c.previous_close(x),
    "add": lambda c, x: c.add(x, np.timedelta64(1, "h")),
    "add_close": lambda c, x: c.add(x, np.timedelta64(1, "h"), boundary="close"),
    "elapsed_a": lambda c, x: c.elapsed(x, np.datetime64("2026-03-27T09:00", "us")),
    "elapsed_b": lambda c, x: c.elapsed(np.datetime64("2026-03-27T09:00", "us"), x),
    "local_date": lambda c, x: c.local_date(x),
}

DAY_ARRAY_CALLS: dict[str, Callable[[BusinessCalendar, Any], Any]] = {
    "is_business_day": lambda c, x: c.is_business_day(x),
    "add_business_days": lambda c, x: c.add_business_days(x, 1, roll="forward"),
    "count_business_days_begin": lambda c, x: c.count_business_days(
        x, np.datetime64("2026-03-27", "D")
    ),
    "count_business_days_end": lambda c, x: c.count_business_days(
        np.datetime64("2026-03-27", "D"), x
    ),
    "day_start": lambda c, x: c.day_start(x),
    "first_open": lambda c, x: c.first_open(x),
    "last_close": lambda c, x: c.last_close(x),
}
