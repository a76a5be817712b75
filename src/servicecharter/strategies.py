"""Hypothesis strategies for opening hours, instants and business durations.

Reuse them to property-test code built on servicecharter: random weekly hours
with holidays, closures, special days and schedule changes, in zones chosen
for their awkward daylight-saving rules, and instants that land near the
clock changes on purpose.

``hypothesis`` is a test dependency, so it is imported only when a strategy
is built, never by ``import servicecharter``.

>>> from hypothesis import given, settings
>>> from servicecharter import BusinessCalendar
>>> @settings(max_examples=5, deadline=None)
... @given(hours=opening_hours(), t=instants())
... def test_next_open_is_open(hours, t):
...     cal = BusinessCalendar(hours)
...     assert cal.is_open(cal.next_open(t))
>>> test_next_open_is_open()
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from ._zone import to_zone
from .hours import (
    HolidayDates,
    OpeningHours,
    ScheduleChange,
    SpecialDay,
    TimeRange,
)

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from .calendar import BusinessCalendar
    from .charter import Charter
    from .rules import Rule

__all__ = [
    "ZONES",
    "business_durations",
    "calendars",
    "charters",
    "closed_instants",
    "day_ranges",
    "deadline_rules",
    "instants",
    "open_instants",
    "opening_hours",
    "time_ranges",
    "transitions",
    "valid_week",
]

#: Zones with awkward clocks: a one-hour DST shift in each hemisphere
#: (Paris, New York), a 30-minute shift (Lord Howe) and a +05:45 offset
#: with no DST (Kathmandu).
ZONES: tuple[str, ...] = (
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
)

_DAY_MIN = 1440
# Clock minutes worth hitting often: midnight, the DST hours of the zones
# above (01:00-03:00 local), and common business hours.
_INTERESTING_MIN = (
    0,
    60,
    90,
    105,
    120,
    135,
    150,
    180,
    210,
    240,
    540,
    720,
    1020,
    1320,
    1410,
)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

P = ParamSpec("P")
T = TypeVar("T")


def _cached(function: Callable[P, T]) -> Callable[P, T]:
    """Memoise a strategy factory (building composites is slow), keeping its type."""
    return cast("Callable[P, T]", lru_cache(maxsize=None)(function))


def _zone_strategy(
    tz: SearchStrategy[str]
    | SearchStrategy[zoneinfo.ZoneInfo]
    | str
    | zoneinfo.ZoneInfo
    | None,
) -> SearchStrategy[zoneinfo.ZoneInfo]:
    """Zones from ``tz``: None (one of ``ZONES``), a name, a ZoneInfo, or a strategy."""
    from hypothesis import strategies as st

    if tz is None:
        return st.sampled_from(ZONES).map(to_zone)
    if isinstance(tz, zoneinfo.ZoneInfo | str):
        return st.just(to_zone(tz))
    return tz.map(to_zone)


@lru_cache(maxsize=64)
def transitions(
    zone: str | zoneinfo.ZoneInfo, start: dt.datetime, end: dt.datetime
) -> tuple[dt.datetime, ...]:
    """The instants in [start, end) where the UTC offset of ``zone`` changes.

    Found by an hourly scan then a bisection to the second; the results are
    aware UTC datetimes.

    >>> [
    ...     t.isoformat()
    ...     for t in transitions(
    ...         "Europe/Paris",
    ...         dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    ...         dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    ...     )
    ... ]
    ['2026-03-29T01:00:00+00:00', '2026-10-25T01:00:00+00:00']
    """
    tz = zone if isinstance(zone, zoneinfo.ZoneInfo) else zoneinfo.ZoneInfo(zone)

    def offset(at: dt.datetime) -> dt.timedelta | None:
        return at.astimezone(tz).utcoffset()

    found: list[dt.datetime] = []
    hour = dt.timedelta(hours=1)
    lo = start.astimezone(dt.UTC)
    stop = end.astimezone(dt.UTC)
    before = offset(lo)
    while lo < stop:
        hi = min(lo + hour, stop)
        after = offset(hi)
        if after != before:
            a, b = lo, hi  # offset(a) == before, offset(b) != before
            while b - a > dt.timedelta(seconds=1):
                mid = a + (b - a) / 2
                mid = mid.replace(microsecond=0)
                if mid <= a:
                    break
                if offset(mid) == before:
                    a = mid
                else:
                    b = mid
            if b < stop:
                found.append(b)
            before = after
        lo = hi
    return tuple(found)


@cache
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

    @st.composite
    def build(draw: DrawFn) -> TimeRange:
        cross = draw(st.booleans()) if crossing is None else crossing
        if cross:
            start = draw(_minute_between(0, _DAY_MIN - 1))
            end = draw(_minute_between(0, start))
        else:
            start = draw(_minute_between(0, _DAY_MIN - 1))
            end = draw(_minute_between(start + 1, _DAY_MIN))
        return TimeRange(start * 60, end * 60)

    return build()


@cache
def _minute_between(lo: int, hi: int) -> SearchStrategy[int]:
    """A clock minute in [lo, hi], often one of the interesting ones."""
    from hypothesis import strategies as st

    uniform = st.integers(lo, hi)
    picks = [m for m in _INTERESTING_MIN if lo <= m <= hi]
    if not picks:
        return uniform
    return st.one_of(uniform, st.sampled_from(picks))


@cache
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

    if not 0 <= min_size <= max_size:
        raise ValueError(f"need 0 <= min_size <= max_size, got {min_size}, {max_size}")

    @st.composite
    def build(draw: DrawFn) -> tuple[TimeRange, ...]:
        if min_size <= 1 <= max_size and draw(st.integers(0, 15)) == 15:
            return (TimeRange(0, 86_400),)
        count = draw(st.integers(min_size, max_size))
        ranges: list[TimeRange] = []
        cursor = 0
        for i in range(count):
            if cursor > _DAY_MIN - 1:
                break
            start = draw(_minute_between(cursor, _DAY_MIN - 1))
            last = i == count - 1
            if last and draw(st.integers(0, 3)) == 0:
                end = draw(_minute_between(0, start))  # crosses midnight
                ranges.append(TimeRange(start * 60, end * 60))
                break
            # Leave room for the ranges still to come, unless this is the last.
            end = draw(_minute_between(start + 1, _DAY_MIN))
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


@_cached
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
    days = list(week)
    for day, ranges in enumerate(days):
        following = days[(day + 1) % 7]
        if ranges and following:
            last = ranges[-1]
            if last.start_s + last.length_s > 86_400 + following[0].start_s:
                days[day] = ranges[:-1]
    return tuple(days)


@cache
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


@_cached
def opening_hours(
    tz: SearchStrategy[str]
    | SearchStrategy[zoneinfo.ZoneInfo]
    | str
    | zoneinfo.ZoneInfo
    | None = None,
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

    zones = _zone_strategy(tz)

    @st.composite
    def build(draw: DrawFn) -> OpeningHours:
        zone = draw(zones)
        dates = _dates(zone, start, end)
        weekly = draw(_weekly())
        kwargs: dict[str, object] = {}
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
        return OpeningHours(weekly, zone, **kwargs)  # type: ignore[arg-type]

    return build()


@_cached
def instants(
    start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    end: dt.datetime = dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
    tz: SearchStrategy[str]
    | SearchStrategy[zoneinfo.ZoneInfo]
    | str
    | zoneinfo.ZoneInfo
    | None = None,
    *,
    minute_aligned: bool = False,
    near_transitions: bool = True,
) -> SearchStrategy[dt.datetime]:
    """Aware datetimes in [start, end], expressed in a zone drawn from ``tz``.

    With ``near_transitions`` about half of them fall within two days of one
    of the zone's UTC-offset changes (and some exactly on one). With
    ``minute_aligned`` they have no seconds (relative to UTC, so offsets
    like +05:45 keep whole minutes too).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(instants(tz="Europe/Paris", minute_aligned=True))
    ... def test_aware(t):
    ...     assert t.tzinfo is not None and t.second == 0 and t.year in (2026, 2027)
    >>> test_aware()
    """
    from hypothesis import strategies as st

    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("start and end must be aware datetimes")
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    zones = _zone_strategy(tz)
    unit = 60 if minute_aligned else 1
    lo_s = -(-int((start - _EPOCH).total_seconds()) // unit)
    hi_s = int((end - _EPOCH).total_seconds()) // unit

    @st.composite
    def build(draw: DrawFn) -> dt.datetime:
        zone = draw(zones)
        near = transitions(zone, start, end) if near_transitions else ()
        if len(near) > 0 and draw(st.booleans()):
            pivot = draw(st.sampled_from(near))
            centre = int((pivot - _EPOCH).total_seconds()) // unit
            span = 2 * 86_400 // unit
            step = draw(
                st.one_of(
                    st.integers(-span, span),
                    st.sampled_from([0, -1, 1, -30, 30, -60, 60]),
                )
            )
            value = min(max(centre + step, lo_s), hi_s)
        else:
            value = draw(st.integers(lo_s, hi_s))
        if not minute_aligned:
            micro = draw(st.one_of(st.just(0), st.integers(0, 999_999)))
            moment = _EPOCH + dt.timedelta(seconds=value, microseconds=micro)
            moment = min(moment, end)
        else:
            moment = _EPOCH + dt.timedelta(minutes=value)
        return moment.astimezone(zone)

    return build()


@_cached
def calendars(
    tz: SearchStrategy[str]
    | SearchStrategy[zoneinfo.ZoneInfo]
    | str
    | zoneinfo.ZoneInfo
    | None = None,
    *,
    holidays: bool = True,
    closures: bool = True,
    special_days: bool = True,
    changes: bool = True,
    start: dt.date = dt.date(2026, 1, 1),
    end: dt.date = dt.date(2027, 12, 31),
) -> SearchStrategy[BusinessCalendar]:
    """``BusinessCalendar`` objects over ``opening_hours`` (same options).

    Pair one with instants of its own through ``flatmap``, as below.

    >>> from hypothesis import given, settings, strategies as st
    >>> @settings(max_examples=5, deadline=None)
    ... @given(
    ...     calendars(tz="Europe/Paris").flatmap(
    ...         lambda cal: st.tuples(st.just(cal), open_instants(cal))
    ...     )
    ... )
    ... def test_open(pair):
    ...     cal, t = pair
    ...     assert cal.is_open(t) and cal.next_open(t) == t
    >>> test_open()
    """
    from .calendar import BusinessCalendar

    return opening_hours(
        tz,
        holidays=holidays,
        closures=closures,
        special_days=special_days,
        changes=changes,
        start=start,
        end=end,
    ).map(BusinessCalendar)


def _calendar_instants(
    calendar: BusinessCalendar,
    start: dt.datetime,
    end: dt.datetime,
    minute_aligned: bool,
    near_transitions: bool,
) -> SearchStrategy[dt.datetime]:
    """Instants of ``instants`` in the calendar's own zone."""
    from .calendar import BusinessCalendar

    if not isinstance(calendar, BusinessCalendar):
        raise TypeError(
            f"calendar must be a BusinessCalendar, got {type(calendar).__name__}; "
            "draw one first, e.g. calendars().flatmap(lambda cal: ...)"
        )
    zone = calendar.tz
    return instants(
        start,
        end,
        tz=zone if isinstance(zone, zoneinfo.ZoneInfo) else None,
        minute_aligned=minute_aligned,
        near_transitions=near_transitions,
    )


def open_instants(
    calendar: BusinessCalendar,
    start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    end: dt.datetime = dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
    *,
    minute_aligned: bool = False,
    near_transitions: bool = True,
) -> SearchStrategy[dt.datetime]:
    """Instants at which ``calendar`` is open, in the calendar's zone.

    Each one is an instant drawn as by ``instants`` in [start, end],
    mapped through ``calendar.next_open``: kept when open, else moved to the
    next opening (which can lie after ``end``). Openings themselves thus
    come up often, and they are open (``is_open`` is true at an opening).
    ``calendar.is_open`` is true of every instant drawn. The calendar needs
    open time within its search bound after ``end``, as ``next_open`` does.

    >>> from hypothesis import given, settings
    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    >>> @settings(max_examples=20, deadline=None)
    ... @given(open_instants(cal))
    ... def test_open(t):
    ...     assert cal.is_open(t) and t.weekday() < 5 and 9 <= t.hour < 17
    >>> test_open()
    """
    drawn = _calendar_instants(calendar, start, end, minute_aligned, near_transitions)
    return drawn.map(calendar.next_open)


def closed_instants(
    calendar: BusinessCalendar,
    start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    end: dt.datetime = dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
    *,
    minute_aligned: bool = False,
    near_transitions: bool = True,
) -> SearchStrategy[dt.datetime]:
    """Instants at which ``calendar`` is closed, in the calendar's zone.

    Each one is an instant drawn as by ``instants`` in [start, end]:
    kept when closed, else moved to the next closing (closings are closed:
    ``is_open`` is false at a closing), or to the previous closing when no
    closing comes within the search bound. Closings thus come up often.
    ``calendar.is_open`` is false of every instant drawn. A calendar open
    around the clock has no closed instant: the draw is then rejected
    (``hypothesis.reject``), and a test drawing only such calendars fails
    its health check.

    >>> from hypothesis import given, settings
    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    >>> @settings(max_examples=20, deadline=None)
    ... @given(closed_instants(cal))
    ... def test_closed(t):
    ...     assert not cal.is_open(t) and (t.weekday() >= 5 or not 9 <= t.hour < 17)
    >>> test_closed()
    """
    from hypothesis import reject
    from hypothesis import strategies as st

    from ._errors import ServiceCharterError

    drawn = _calendar_instants(calendar, start, end, minute_aligned, near_transitions)

    @st.composite
    def build(draw: DrawFn) -> dt.datetime:
        t = draw(drawn)
        if not calendar.is_open(t):
            return t
        for move in (calendar.next_close, calendar.previous_close):
            try:
                moved = move(t)
            except ServiceCharterError:  # no closing within the search bound
                continue
            if not calendar.is_open(moved):
                return moved
        reject()

    return build()


@_cached
def business_durations(
    max_hours: float = 40,
    *,
    min_hours: float | None = None,
    minute_aligned: bool = True,
) -> SearchStrategy[dt.timedelta]:
    """Durations in [min_hours, max_hours] hours (default min: ``-max_hours``).

    Zero and small durations come up often; ``minute_aligned`` (the default)
    gives whole minutes, else whole microseconds.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, deadline=None)
    ... @given(business_durations(8, min_hours=0))
    ... def test_bounds(d):
    ...     assert dt.timedelta(0) <= d <= dt.timedelta(hours=8)
    >>> test_bounds()
    """
    from hypothesis import strategies as st

    low = -max_hours if min_hours is None else min_hours
    if low > max_hours:
        raise ValueError(f"min_hours {low} is above max_hours {max_hours}")
    unit_us = 60_000_000 if minute_aligned else 1
    lo = -(-int(low * 3600 * 1_000_000) // unit_us)
    hi = int(max_hours * 3600 * 1_000_000) // unit_us
    per_minute = 60_000_000 // unit_us
    small = [m * per_minute for m in (0, 1, -1, 30, -30, 60, -60)]
    small = [v for v in small if lo <= v <= hi]
    values = st.integers(lo, hi)
    if small:
        values = st.one_of(values, st.sampled_from(small))
    return values.map(lambda n: dt.timedelta(microseconds=n * unit_us))


def deadline_rules(max_depth: int = 1) -> SearchStrategy[Rule]:
    """Any deadline rule; ``EarliestOf``/``LatestOf`` nest ``max_depth`` deep.

    >>> from hypothesis import given, settings
    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    >>> @settings(max_examples=20, deadline=None)
    ... @given(deadline_rules(), instants(tz="Europe/Paris"))
    ... def test_deadlines_are_aware(rule, t):
    ...     assert rule.deadline(cal, t).tzinfo is not None
    >>> test_deadlines_are_aware()
    """
    from ._strategies_charter import deadline_rules as build

    return build(max_depth)


def charters() -> SearchStrategy[Charter]:
    """Valid ``Charter`` objects with every part, and free unicode text.

    Calendars, channels, engagements with objectives, obligations, caps,
    commitments, duties and revisions.

    >>> from hypothesis import given, settings
    >>> from servicecharter import dumps, loads
    >>> @settings(max_examples=5, deadline=None)
    ... @given(charters())
    ... def test_round_trip(charter):
    ...     assert loads(dumps(charter)) == charter
    >>> test_round_trip()
    """
    from ._strategies_charter import charters as build

    return build()
