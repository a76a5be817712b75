"""The operators of calendar algebra: ``a | b``, ``a & b``, ``a - b`` and friends.

``AlgebraMethods`` is mixed into ``BusinessCalendar``; ``union``,
``intersection`` and ``difference`` are the same as functions, with the
zone of the result's business days as a keyword.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

from .._errors import InvalidArgumentError
from .algebra import Hours, Operation, combine

__all__ = ["AlgebraMethods", "difference", "intersection", "union"]


C = TypeVar("C", bound="AlgebraMethods")


class AlgebraMethods:
    """Union, intersection and difference of calendars, mixed into the calendar.

    The result is a calendar with the whole API. Its open time is a set of
    instants, each operand's hours read in its own zone; its business days
    are the local dates of the left operand's zone that hold open time (use
    ``union(..., tz=...)`` to state another zone).

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> weekdays = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    >>> lunch = BusinessCalendar(OpeningHours({"Mo-Su": "12:00-13:00"}, "UTC"))
    >>> noon = dt.datetime(2026, 3, 27, 12, 30, tzinfo=dt.UTC)
    >>> (weekdays - lunch).is_open(noon), (weekdays & lunch).is_open(noon)
    (False, True)
    >>> (weekdays | lunch).is_business_day(dt.date(2026, 3, 28))  # a Saturday
    True
    """

    __slots__ = ()

    def __init__(self, hours: Any, *, search_bound: dt.timedelta) -> None:
        raise NotImplementedError

    @property
    def hours(self) -> Hours:
        """The hours the calendar computes over (the calendar defines it)."""
        raise NotImplementedError

    @property
    def search_bound(self) -> dt.timedelta:
        """The calendar's search bound (the calendar defines it)."""
        raise NotImplementedError

    def __or__(self: C, other: object) -> C:
        """Open when either calendar is: ``sydney | london | new_york``."""
        return _combined(self, "union", other)

    def __and__(self: C, other: object) -> C:
        """Open when both are: provider ``&`` customer hours."""
        return _combined(self, "intersection", other)

    def __sub__(self: C, other: object) -> C:
        """Open when this one is and the other is not: hours less maintenance."""
        return _combined(self, "difference", other)


def _combined(left: C, operation: Operation, right: object) -> C:
    if not isinstance(right, AlgebraMethods):
        return NotImplemented  # type: ignore[no-any-return]
    return _build(operation, [left, cast("C", right)], None)


def _build(operation: Operation, calendars: list[C], tz: Any) -> C:
    for calendar in calendars:
        if not isinstance(calendar, AlgebraMethods):
            raise InvalidArgumentError(
                f"expected BusinessCalendar operands, got {calendar!r}; "
                "wrap opening hours in BusinessCalendar(hours) first"
            )
    if len(calendars) < 2:
        raise InvalidArgumentError(
            f"{operation} needs two or more calendars, got {len(calendars)}"
        )
    hours = combine(operation, [c.hours for c in calendars], tz)
    bound = max(c.search_bound for c in calendars)
    return type(calendars[0])(hours, search_bound=bound)


def union(*calendars: C, tz: Any = None) -> C:
    """The calendar open when any of ``calendars`` is; days in ``tz``.

    ``tz`` (default: the first calendar's zone) is the zone whose local dates
    are the result's days, for business-day rules and "end of day".

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> def desk(tz: str) -> BusinessCalendar:
    ...     return BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, tz))
    >>> sun = union(
    ...     desk("Australia/Sydney"),
    ...     desk("Europe/London"),
    ...     desk("America/New_York"),
    ...     tz="UTC",
    ... )
    >>> monday = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    >>> [
    ...     (o.strftime("%H:%M"), c.strftime("%H:%M"))
    ...     for o, c in sun.open_intervals(monday, monday + dt.timedelta(days=1))
    ... ]
    [('00:00', '07:00'), ('08:00', '21:00'), ('23:00', '00:00')]
    """
    return _build("union", list(calendars), tz)


def intersection(*calendars: C, tz: Any = None) -> C:
    """The calendar open when all of ``calendars`` are; days in ``tz``.

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> provider = BusinessCalendar(
    ...     OpeningHours({"Mo-Fr": "08:00-18:00"}, "Europe/Paris")
    ... )
    >>> customer = BusinessCalendar(
    ...     OpeningHours({"Mo-Fr": "09:00-17:00"}, "America/New_York")
    ... )
    >>> both = intersection(provider, customer, tz="America/New_York")
    >>> monday = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    >>> [
    ...     (o.isoformat(), c.isoformat())
    ...     for o, c in both.open_intervals(monday, monday + dt.timedelta(days=1))
    ... ]
    [('2026-06-01T09:00:00-04:00', '2026-06-01T12:00:00-04:00')]
    """
    return _build("intersection", list(calendars), tz)


def difference(first: C, *others: C, tz: Any = None) -> C:
    """The calendar open when ``first`` is and none of ``others`` is.

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> desk = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    >>> upkeep = BusinessCalendar(OpeningHours({"Fr": "15:00-17:00"}, "UTC"))
    >>> friday = dt.datetime(2026, 3, 27, 14, tzinfo=dt.UTC)
    >>> difference(desk, upkeep).add(friday, dt.timedelta(hours=2)).isoformat()
    '2026-03-30T10:00:00+00:00'
    """
    return _build("difference", [first, *others], tz)
