"""Known causes of disagreement: each recognises its cases from the inputs and answers.

A cause is a predicate ``(data, index, ours, theirs)``; `agreement.classify`
files each disagreement under the first cause that applies.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np

from .instants import DT_US, EPOCH, HOUR_US, I64, PARIS, SECOND_US, paris_offsets
from .model import HOLIDAYS, Cause, Data


def _is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in HOLIDAYS


def _next_business_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not _is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def _local(us: int) -> dt.datetime:
    return (EPOCH + dt.timedelta(microseconds=us)).astimezone(PARIS)


def sub_second(data: Data, i: int, ours: int, theirs: int) -> bool:
    """An input has a fraction of a second and the answers differ by less than 1 s."""
    fraction = data.a[i] % SECOND_US or data.b[i] % SECOND_US
    return bool(fraction) and abs(ours - theirs) < SECOND_US


def after_close_to_next_day_close(data: Data, i: int, ours: int, theirs: int) -> bool:
    """Start after 17:00 on a business day, end at/after 17:00 on the next one."""
    a, b = _local(int(data.a[i])), _local(int(data.b[i]))
    return (
        ours - theirs == 8 * HOUR_US
        and _is_business_day(a.date())
        and a.time() > dt.time(17)
        and b.date() == _next_business_day(a.date())
        and b.time() >= dt.time(17)
    )


@functools.cache
def transitions() -> I64:
    """Paris clock changes of 2025-2027 (UTC us), computed on first use."""
    hours = np.arange(
        np.datetime64("2025-01-01T00", "h"), np.datetime64("2028-01-01T00", "h")
    )
    us = hours.astype(DT_US).view(np.int64)
    offsets = paris_offsets(us)
    changes: I64 = us[1:][np.diff(offsets) != 0]
    return changes


def crosses_clock_change(data: Data, i: int, ours: int, theirs: int) -> bool:
    """A DST change lies between the start and the later answer (wall clock)."""
    latest_utc = max(ours, theirs) - HOUR_US  # wall - smallest Paris offset
    start = int(data.a[i])
    changes = transitions()
    first = np.searchsorted(changes, start, side="left")
    past = np.searchsorted(changes, latest_utc, side="right")
    return bool(past > first)


def starts_in_night_range(data: Data, i: int, ours: int, theirs: int) -> bool:
    """Start at/after 22:00 or before 06:00, i.e. in a range crossing midnight."""
    t = _local(int(data.a[i])).time()
    return t >= dt.time(22) or t < dt.time(6)


SUB_SECOND = Cause(
    "an input has a fraction of a second, which the peer drops", sub_second
)
DST_WALL = Cause(
    "wall-clock arithmetic across a DST change: the open range that contains "
    "the change lasts one hour more or less in real time",
    crosses_clock_change,
)
BT_AFTER_CLOSE = Cause(
    "start after closing on a business day, end at or after closing on the next "
    "business day: that day's 8 hours are dropped",
    after_close_to_next_day_close,
)
BTD_NIGHT = Cause(
    "start at or after 22:00 or before 06:00, inside a range that crosses "
    "midnight: WorkDayRule.next skips to the next range",
    starts_in_night_range,
)
