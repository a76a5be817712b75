"""Hypothesis strategies for instants, calendars, and open or closed instants."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .._core.units import EPOCH
from .._errors import InvalidArgumentError, ServiceCharterError
from ..calendar import BusinessCalendar
from .arguments import aware, flags, real
from .hours import opening_hours
from .zones import cached, transitions, zone_strategy

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

    from .zones import ZoneArg

__all__ = [
    "business_durations",
    "calendars",
    "closed_instants",
    "instants",
    "open_instants",
]


@cached
def instants(
    start: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    end: dt.datetime = dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
    tz: ZoneArg = None,
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

    aware(start, "start")
    aware(end, "end")
    flags(minute_aligned=minute_aligned, near_transitions=near_transitions)
    if end.astimezone(dt.UTC) < start.astimezone(dt.UTC):  # not wall clocks
        raise InvalidArgumentError(f"end {end} is before start {start}")
    zones = zone_strategy(tz)
    unit = 60 if minute_aligned else 1
    lo_s = -(-int((start - EPOCH).total_seconds()) // unit)
    hi_s = int((end - EPOCH).total_seconds()) // unit

    @st.composite
    def build(draw: DrawFn) -> dt.datetime:
        zone = draw(zones)
        near = transitions(zone, start, end) if near_transitions else ()
        if len(near) > 0 and draw(st.booleans()):
            pivot = draw(st.sampled_from(near))
            centre = int((pivot - EPOCH).total_seconds()) // unit
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
            moment = EPOCH + dt.timedelta(seconds=value, microseconds=micro)
            moment = min(moment, end)
        else:
            moment = EPOCH + dt.timedelta(minutes=value)
        return moment.astimezone(zone)

    return build()


@cached
def calendars(
    tz: ZoneArg = None,
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
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidArgumentError(
            f"calendar must be a BusinessCalendar, got {type(calendar).__name__}; "
            "draw one first, e.g. calendars().flatmap(lambda cal: ...)"
        )
    return instants(
        start,
        end,
        tz=calendar.tz,
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


@cached
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

    limit = 1e9  # hours: far past any duration the core reads (5,000 years)
    max_hours = real(max_hours, "max_hours", limit)
    low = -max_hours if min_hours is None else real(min_hours, "min_hours", limit)
    flags(minute_aligned=minute_aligned)
    if low > max_hours:
        raise InvalidArgumentError(f"min_hours {low} is above max_hours {max_hours}")
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
