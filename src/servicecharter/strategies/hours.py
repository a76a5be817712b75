"""Hypothesis strategies for time ranges, weekly hours and whole opening hours."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import TYPE_CHECKING, Any

from .._errors import InvalidArgumentError
from ..charter.fields import day_argument
from ..hours import HolidayDates, OpeningHours, ScheduleChange, SpecialDay, TimeRange
from .arguments import flags, whole
from .zones import DAY_MIN, INTERESTING_MIN, cached, transitions, zone_strategy

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from .zones import ZoneArg

__all__ = ["day_ranges", "opening_hours", "time_ranges", "valid_week"]


@cached
def time_ranges(*, crossing: bool | None = None) -> SearchStrategy[TimeRange]:
    """Minute-aligned ``TimeRange`` values, biased toward midnight and DST hours.

    ``crossing`` True gives only ranges crossing midnight (end not after
    start), False only same-day ones (``24:00`` ends included), None both.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(time_ranges(crossing=False))
    ... def test_same_day(r):
    ...     assert r.start_s < r.end_s <= 86400 and r.start_s % 60 == 0
    >>> test_same_day()
    """
    from hypothesis import strategies as st

    if crossing is not None:
        flags(crossing=crossing)

    @st.composite
    def build(draw: DrawFn) -> TimeRange:
        cross = draw(st.booleans()) if crossing is None else crossing
        if cross:
            start = draw(_minute_between(0, DAY_MIN - 1))
            end = draw(_minute_between(0, start))
        else:
            start = draw(_minute_between(0, DAY_MIN - 1))
            end = draw(_minute_between(start + 1, DAY_MIN))
        return TimeRange(start * 60, end * 60)

    return build()


@cached
def _minute_between(lo: int, hi: int) -> SearchStrategy[int]:
    """A clock minute in [lo, hi], often one of the interesting ones."""
    from hypothesis import strategies as st

    uniform = st.integers(lo, hi)
    picks = [m for m in INTERESTING_MIN if lo <= m <= hi]
    if not picks:
        return uniform
    return st.one_of(uniform, st.sampled_from(picks))


@cached
def day_ranges(
    *, min_size: int = 0, max_size: int = 3
) -> SearchStrategy[tuple[TimeRange, ...]]:
    """One day's ranges: 0-3 sorted, non-overlapping, minute-aligned ranges.

    Ranges may touch ("09:00-12:00,12:00-14:00"); the last one may cross
    midnight ("22:00-02:00", even "09:00-09:00", a 24-hour range), and now
    and then the day is the whole day ``00:00-24:00``.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(day_ranges(min_size=1))
    ... def test_sorted(ranges):
    ...     assert 1 <= len(ranges) <= 3
    ...     assert [r.start_s for r in ranges] == sorted(r.start_s for r in ranges)
    >>> test_sorted()
    """
    from hypothesis import strategies as st

    whole(min_size, "min_size", 0, 3)
    whole(max_size, "max_size", min_size, 24)

    @st.composite
    def build(draw: DrawFn) -> tuple[TimeRange, ...]:
        if min_size <= 1 <= max_size and draw(st.integers(0, 15)) == 15:
            return (TimeRange(0, 86_400),)
        count = draw(st.integers(min_size, max_size))
        ranges: list[TimeRange] = []
        cursor = 0
        for i in range(count):
            if cursor > DAY_MIN - 1:
                break
            start = draw(_minute_between(cursor, DAY_MIN - 1))
            last = i == count - 1
            if last and draw(st.integers(0, 3)) == 0:
                end = draw(_minute_between(0, start))  # crosses midnight
                ranges.append(TimeRange(start * 60, end * 60))
                break
            # Leave room for the ranges still to come, unless this is the last.
            end = draw(_minute_between(start + 1, DAY_MIN))
            ranges.append(TimeRange(start * 60, end * 60))
            cursor = end
        if len(ranges) < min_size:
            # Too little room left: a valid fallback with the size asked for.
            ranges = [
                TimeRange((9 + 2 * i) * 3600, (10 + 2 * i) * 3600)
                for i in range(min_size)
            ]
        return tuple(ranges)

    return build()


def _dates_near_transitions(
    zone: zoneinfo.ZoneInfo, start: dt.date, end: dt.date
) -> list[dt.date]:
    lo = dt.datetime.combine(start, dt.time(), dt.UTC) - dt.timedelta(days=1)
    hi = dt.datetime.combine(end, dt.time(), dt.UTC) + dt.timedelta(days=2)
    out: set[dt.date] = set()
    for moment in transitions(zone, lo, hi):
        day = moment.astimezone(zone).date()
        out.update(day + dt.timedelta(days=k) for k in (-1, 0, 1))
    return sorted(d for d in out if start <= d <= end)


@cached
def _dates(
    zone: zoneinfo.ZoneInfo, start: dt.date, end: dt.date
) -> SearchStrategy[dt.date]:
    """Dates in [start, end], often a DST transition day or a neighbour."""
    from hypothesis import strategies as st

    uniform = st.dates(start, end)
    near = _dates_near_transitions(zone, start, end)
    return st.one_of(uniform, st.sampled_from(near)) if near else uniform


def valid_week(
    week: tuple[tuple[TimeRange, ...], ...],
) -> tuple[tuple[TimeRange, ...], ...]:
    """Drop a range crossing midnight that runs into the next day's first range.

    Weekly hours may not overlap across midnight, so strategies that draw each
    day on its own pass their week through this.

    >>> late, early = TimeRange("22:00", "02:00"), TimeRange("01:00", "03:00")
    >>> valid_week(((late,), (early,), (), (), (), (), ()))[0]
    ()
    """
    _check_week(week)
    days = list(week)
    for day, ranges in enumerate(days):
        following = days[(day + 1) % 7]
        if ranges and following:
            last = ranges[-1]
            if last.start_s + last.length_s > 86_400 + following[0].start_s:
                days[day] = ranges[:-1]
    return tuple(days)


def _check_week(week: object) -> None:
    """Seven days of ``TimeRange`` tuples, else the library's error."""
    if not isinstance(week, tuple | list) or len(week) != 7:
        raise InvalidArgumentError(f"expected seven days of ranges, got {week!r}")
    for ranges in week:
        if not isinstance(ranges, tuple | list) or not all(
            isinstance(r, TimeRange) for r in ranges
        ):
            raise InvalidArgumentError(f"expected a day of TimeRange, got {ranges!r}")


@cached
def _weekly(
    open_days: bool = True,
) -> SearchStrategy[tuple[tuple[TimeRange, ...], ...]]:
    """Seven days of ranges, at least one with open time when ``open_days``."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw: DrawFn) -> tuple[tuple[TimeRange, ...], ...]:
        week = [draw(day_ranges()) for _ in range(7)]
        if open_days and not any(week):
            week[draw(st.integers(0, 6))] = draw(day_ranges(min_size=1))
        fixed = valid_week(tuple(week))
        if open_days and not any(fixed):  # a whole day always fits alone
            fixed = ((TimeRange("09:00", "17:00"),),) + ((),) * 6
        return fixed

    return build()


@cached
def opening_hours(
    tz: ZoneArg = None,
    *,
    holidays: bool = True,
    closures: bool = True,
    special_days: bool = True,
    changes: bool = True,
    start: dt.date = dt.date(2026, 1, 1),
    end: dt.date = dt.date(2027, 12, 31),
) -> SearchStrategy[OpeningHours]:
    """Random ``OpeningHours``: weekly hours with, sometimes, exceptions.

    ``tz`` is a strategy of zone names (default: one of ``ZONES``), or one
    zone. Every weekly schedule (the first one and a ``ScheduleChange``) has
    at least one weekday with open time, so searches always end. Exceptions
    (``HolidayDates`` with optional holiday hours, closures, special days, one
    schedule change) fall on dates in [start, end], often on or next to a
    daylight-saving transition day; turn each kind off with its flag.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, deadline=None)
    ... @given(opening_hours(tz="Asia/Kathmandu", changes=False))
    ... def test_has_open_time(hours):
    ...     assert hours.has_weekly_time() and not hours.changes
    >>> test_has_open_time()
    """
    from hypothesis import strategies as st

    flags(
        holidays=holidays,
        closures=closures,
        special_days=special_days,
        changes=changes,
    )
    if day_argument(end, "end") < day_argument(start, "start"):
        raise InvalidArgumentError(f"end {end} is before start {start}")
    zones = zone_strategy(tz)

    @st.composite
    def build(draw: DrawFn) -> OpeningHours:
        zone = draw(zones)
        dates = _dates(zone, start, end)
        weekly = draw(_weekly())
        kwargs: dict[str, Any] = {}
        taken: set[dt.date] = set()
        if holidays and draw(st.booleans()):
            kwargs["holidays"] = HolidayDates(
                draw(st.sets(dates, min_size=1, max_size=4))
            )
            if draw(st.booleans()):
                kwargs["holiday_hours"] = draw(day_ranges(min_size=1))
        if closures and draw(st.booleans()):
            closed = draw(st.sets(dates, min_size=1, max_size=4))
            kwargs["closures"] = closed
            taken |= closed
        if special_days and draw(st.booleans()):
            days = draw(st.sets(dates.filter(lambda d: d not in taken), max_size=4))
            kwargs["special_days"] = [
                SpecialDay(d, draw(day_ranges())) for d in sorted(days)
            ]
        if changes and draw(st.booleans()):
            kwargs["changes"] = [ScheduleChange(draw(dates), draw(_weekly()))]
        return OpeningHours(weekly, zone, **kwargs)

    return build()
