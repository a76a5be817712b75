"""Time ranges of a local day and the converters that build them."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from .._core.units import DAY_S
from .._errors import InvalidHoursError

__all__ = [
    "DayRanges",
    "TimeRange",
    "Weekly",
    "to_day_ranges",
    "to_weekly",
    "weekday_keys",
]

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def _seconds(value: object, *, end: bool) -> int:
    """Read a clock value ("09:00", time, int seconds) as seconds since midnight."""
    if isinstance(value, bool):
        raise InvalidHoursError(
            f"a clock time cannot be a bool: {value!r}; use '09:00' or datetime.time(9)"
        )
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, dt.time):
        if value.tzinfo is not None:
            raise InvalidHoursError(
                "opening hours are local wall-clock times; "
                f"drop the tzinfo of {value!r}"
            )
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    elif isinstance(value, str):
        match = _CLOCK.match(value)
        if match is None:
            raise InvalidHoursError(
                f"expected a clock time like '09:00', got {value!r}"
            )
        hour, minute, sec = int(match[1]), int(match[2]), int(match[3] or 0)
        if minute > 59 or sec > 59 or hour > 24 or (hour == 24 and minute + sec):
            raise InvalidHoursError(
                f"clock time out of range: {value!r}; use 00:00 to 23:59, "
                "or 24:00 as the end of a day"
            )
        seconds = hour * 3600 + minute * 60 + sec
    else:
        raise InvalidHoursError(
            f"expected a clock time ('09:00', datetime.time or seconds), got {value!r}"
        )
    top = DAY_S if end else DAY_S - 1
    if not 0 <= seconds <= top:
        which = "an end" if end else "a start"
        hint = (
            "a range cannot start at 24:00; use 00:00 of the next day"
            if seconds == DAY_S
            else f"use seconds from 0 to {top}, or a time like '09:00'"
        )
        raise InvalidHoursError(
            f"{value!r} is out of range for {which} of a range; {hint}"
        )
    return seconds


def _start(value: object) -> int:
    return _seconds(value, end=False)


def _end(value: object) -> int:
    return _seconds(value, end=True)


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


@attrs.frozen(order=True)
class TimeRange:
    """A local wall-clock range of one day, open at ``start``, closed at ``end``.

    An end not after the start crosses midnight and belongs to the day the
    range starts on; ``"24:00"`` is the end of the day.

    >>> r = TimeRange("22:00", "02:00")
    >>> str(r), r.crosses_midnight, r.duration
    ('22:00-02:00', True, datetime.timedelta(seconds=14400))
    >>> TimeRange.parse("00:00-24:00").duration
    datetime.timedelta(days=1)
    """

    start_s: int = attrs.field(alias="start", converter=_start)
    """The opening, in seconds since local midnight; given as ``start``: ``"09:00"``,
    ``"09:00:30"``, a naive ``datetime.time`` or seconds (0-86399)."""
    end_s: int = attrs.field(alias="end", converter=_end)
    """The closing, in seconds since local midnight; given as ``end``, like ``start``
    or ``"24:00"`` (86400); an end not after the start is on the next day."""

    @classmethod
    def parse(cls, text: str) -> TimeRange:
        """Read ``"HH:MM-HH:MM"``.

        >>> TimeRange.parse("09:00-12:00")
        TimeRange(start_s=32400, end_s=43200)
        """
        start, sep, end = str(text).partition("-")
        if not sep:
            raise InvalidHoursError(
                f"expected a range like '09:00-12:00', got {text!r}"
            )
        return cls(start.strip(), end.strip())

    @property
    def crosses_midnight(self) -> bool:
        """Whether the range ends on the next day."""
        return self.end_s <= self.start_s

    @property
    def length_s(self) -> int:
        """Wall-clock length in seconds."""
        return self.end_s - self.start_s + (DAY_S if self.crosses_midnight else 0)

    @property
    def duration(self) -> dt.timedelta:
        """Wall-clock length (real length differs on daylight-saving days)."""
        return dt.timedelta(seconds=self.length_s)

    def __str__(self) -> str:
        return f"{_clock(self.start_s)}-{_clock(self.end_s)}"


_ORDER = operator.attrgetter("start_s", "end_s")

DayRanges: TypeAlias = tuple[TimeRange, ...]
"""The ranges of one local day, sorted and not overlapping."""
Weekly: TypeAlias = tuple[DayRanges, ...]
"""Seven days of ranges, Monday first."""


def _one_range(value: object) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if isinstance(value, str):
        return TimeRange.parse(value)
    if isinstance(value, tuple) and len(value) == 2:
        return TimeRange(value[0], value[1])
    raise InvalidHoursError(f"expected a time range like '09:00-12:00', got {value!r}")


def to_day_ranges(value: object) -> tuple[TimeRange, ...]:
    """Read one day's ranges and check they do not overlap.

    >>> [str(r) for r in to_day_ranges("14:00-17:00, 09:00-12:00")]
    ['09:00-12:00', '14:00-17:00']
    """
    if value is None:
        return ()
    if type(value) is tuple and all(type(r) is TimeRange for r in value):
        if len(value) < 2 or not _overlap(value):
            return value  # read already, in order and apart: nothing to change
        ranges = list(value)
    elif isinstance(value, str):
        text = value.strip()
        parts = [] if text in ("", "off", "closed") else text.split(",")
        ranges = [_one_range(p.strip()) for p in parts]
    elif isinstance(value, TimeRange):
        ranges = [value]
    elif isinstance(value, Iterable):
        ranges = [_one_range(item) for item in value]
    else:
        raise InvalidHoursError(f"expected time ranges, got {value!r}")
    ranges.sort(key=_ORDER)  # the order of TimeRange, without its tuples
    pair = _overlap(ranges)
    if pair is not None:
        raise InvalidHoursError(
            f"time ranges {pair[0]} and {pair[1]} overlap; merge them into one range"
        )
    return tuple(ranges)


def _overlap(ranges: Sequence[TimeRange]) -> tuple[TimeRange, TimeRange] | None:
    """The first two neighbours where one runs into the next, if any.

    None also means the ranges are in order: each ends before the next starts.
    """
    for before, after in itertools.pairwise(ranges):
        if before.start_s + before.length_s > after.start_s:
            return before, after
    return None


def weekday_keys(key: object) -> list[int]:
    """Weekday numbers (0 = Monday) of a key: 3, "Mo", "Mo-Fr", "Mo,We,Fr"."""
    if isinstance(key, int) and not isinstance(key, bool) and 0 <= key <= 6:
        return [key]
    if not isinstance(key, str):
        raise InvalidHoursError(f"expected a weekday (0-6 or 'Mo'..'Su'), got {key!r}")
    days: list[int] = []
    for part in key.split(","):
        first, sep, last = part.strip().partition("-")
        try:
            lo = WEEKDAYS.index(first.strip())
            hi = WEEKDAYS.index(last.strip()) if sep else lo
        except ValueError:
            raise InvalidHoursError(
                f"unknown weekday in {key!r}; "
                f"use {', '.join(WEEKDAYS)}, 'Mo-Fr' or 'Mo,We'"
            ) from None
        days.extend((lo + i) % 7 for i in range((hi - lo) % 7 + 1))
    return days


def _no_spill_overlap(
    week: tuple[tuple[TimeRange, ...], ...],
) -> tuple[tuple[TimeRange, ...], ...]:
    """Check that a range crossing midnight ends before the next day opens."""
    for day, ranges in enumerate(week):
        following = week[(day + 1) % 7]
        if ranges and following:
            last, first = ranges[-1], following[0]
            # Only a range crossing midnight reaches the next day, to its end.
            if last.start_s >= last.end_s > first.start_s:
                raise InvalidHoursError(
                    f"{WEEKDAYS[day]} {last} runs past {WEEKDAYS[(day + 1) % 7]} "
                    f"{first}; end it earlier or start the next day later"
                )
    return week


def _seven_days(days: Sequence[object]) -> tuple[tuple[TimeRange, ...], ...]:
    """Seven days' ranges, each distinct object read once, and the nights checked."""
    read: dict[int, tuple[TimeRange, ...]] = {}  # "Mo-Fr": one day, read once
    week = []
    for day in days:  # ``days`` keeps each alive, so an id names one object
        found = read.get(id(day))
        if found is None:
            found = read[id(day)] = to_day_ranges(day)
        week.append(found)
    return _no_spill_overlap(tuple(week))


def to_weekly(value: Any) -> tuple[tuple[TimeRange, ...], ...]:
    """Read weekly hours: a mapping of weekdays to ranges, or seven days' ranges.

    >>> week = to_weekly({"Mo-Fr": "09:00-17:00", "Sa": ["10:00-12:00"]})
    >>> [len(day) for day in week]
    [1, 1, 1, 1, 1, 1, 0]
    """
    if type(value) is tuple and len(value) == 7:
        return _seven_days(value)
    if isinstance(value, Mapping):
        week: list[tuple[TimeRange, ...] | None] = [None] * 7
        for key, ranges in value.items():
            day_ranges = to_day_ranges(ranges)
            for day in weekday_keys(key):
                if week[day] is not None:
                    raise InvalidHoursError(
                        f"{WEEKDAYS[day]} is given twice (in {key!r}); give each "
                        "weekday its ranges once"
                    )
                week[day] = day_ranges
        return _no_spill_overlap(tuple(day or () for day in week))
    if isinstance(value, Iterable) and not isinstance(value, str):
        days = list(value)
        if len(days) == 7:
            return _seven_days(days)
    raise InvalidHoursError(
        f"expected weekly hours as a mapping like {{'Mo-Fr': '09:00-17:00'}} "
        f"or seven days of ranges, got {value!r}"
    )
