"""The dated and seasonal parts of opening hours: special days, changes, seasons.

Each part is a frozen model whose converters accept the friendly forms
(``"2026-12-24"``, ``"09:00-12:00"``, ``{"Mo-Fr": ...}``); ``OpeningHours``
holds them and gives each date its ranges.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._errors import InvalidHoursError
from .ranges import DayRanges, Weekly, to_day_ranges, to_weekly, weekday_keys

__all__ = [
    "AnnualDay",
    "ScheduleChange",
    "Season",
    "SpecialDay",
    "to_annual_days",
    "to_changes",
    "to_closures",
    "to_seasons",
    "to_special_days",
]


def _to_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise InvalidHoursError(
            f"expected a date, got the datetime {value!r}; use .date()"
        )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidHoursError(f"expected a date like '2026-12-24', got {value!r}")


@attrs.frozen
class SpecialDay:
    """A date with its own ranges, replacing the usual hours (empty: closed).

    >>> SpecialDay("2026-12-24", "09:00-12:00").ranges
    (TimeRange(start_s=32400, end_s=43200),)
    """

    date: dt.date = attrs.field(converter=_to_date)
    """The date: a ``datetime.date`` or an ISO string like ``"2026-12-24"``."""
    ranges: DayRanges = attrs.field(default=(), converter=to_day_ranges)
    """The hours of that date, which must not overlap: ``"09:00-12:00,14:00-17:00"``,
    a list of ranges or ``(start, end)`` pairs; empty, ``"off"`` or ``None``: closed."""


@attrs.frozen
class ScheduleChange:
    """New weekly hours in force from ``effective`` (inclusive) on.

    >>> ScheduleChange("2027-01-01", {"Mo-Fr": "08:00-18:00"}).weekly[0]
    (TimeRange(start_s=28800, end_s=64800),)
    """

    effective: dt.date = attrs.field(converter=_to_date)
    """The first date the new hours apply: a ``date`` or ``"2027-01-01"``."""
    weekly: Weekly = attrs.field(converter=to_weekly)
    """The new weekly hours, read as ``OpeningHours.weekly`` is: a mapping like
    ``{"Mo-Fr": "08:00-18:00"}`` (weekdays left out are closed) or seven days'
    ranges from Monday."""


def _to_month(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12:
        return value
    raise InvalidHoursError(f"expected a month number 1-12, got {value!r}")


def _check_day_of_month(instance: AnnualDay, _attr: object, day: Any) -> None:
    if not isinstance(day, int) or isinstance(day, bool):
        raise InvalidHoursError(f"expected a day of the month, got {day!r}")
    last = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[instance.month - 1]
    if not 1 <= day <= last:
        raise InvalidHoursError(
            f"day {day} does not exist in month {instance.month} (1-{last})"
        )


@attrs.frozen
class AnnualDay:
    """A day of every year with its own ranges (empty: closed).

    "Dec 24 09:00-12:00" or "Jan 01 off". February 29 applies in leap years.

    >>> str(AnnualDay(12, 24, "09:00-12:00").ranges[0])
    '09:00-12:00'
    """

    month: int = attrs.field(converter=_to_month)
    """The month, as a number from 1 (January) to 12."""
    day: int = attrs.field(validator=_check_day_of_month)
    """The day of the month, an integer that exists in it (29 allowed in February)."""
    ranges: DayRanges = attrs.field(default=(), converter=to_day_ranges)
    """The hours of that day, which must not overlap: ``"09:00-12:00"``, a list
    of ranges or ``(start, end)`` pairs; empty (the default) or ``"off"``: closed."""


def _to_months(value: Any) -> frozenset[int]:
    if not isinstance(value, int | Iterable) or isinstance(value, str | bytes):
        raise InvalidHoursError(f"expected month numbers 1-12, got {value!r}")
    months = frozenset(
        _to_month(m) for m in ([value] if isinstance(value, int) else value)
    )
    if not months:
        raise InvalidHoursError("a season needs at least one month")
    return months


def _to_partial_weekly(value: Any) -> tuple[DayRanges | None, ...]:
    if isinstance(value, Mapping):
        week: list[DayRanges | None] = [None] * 7
        for key, ranges in value.items():
            for day in weekday_keys(key):
                week[day] = to_day_ranges(ranges)
        return tuple(week)
    if not isinstance(value, Iterable) or isinstance(value, str | bytes):
        raise InvalidHoursError(
            f"expected seasonal hours as a mapping like {{'Mo-Fr': '09:00-12:00'}}, "
            f"got {value!r}"
        )
    days = list(value)
    if len(days) != 7:
        raise InvalidHoursError(
            f"expected seasonal hours as a mapping like {{'Mo-Fr': '09:00-12:00'}}, "
            f"got {value!r}"
        )
    return tuple(None if d is None else to_day_ranges(d) for d in days)


@attrs.frozen
class Season:
    """Weekly hours for some months of every year ("Jul-Aug Mo-Fr 09:00-12:00").

    Only the weekdays named are replaced; ``None`` keeps the usual hours.

    >>> summer = Season([7, 8], {"Mo-Fr": "09:00-12:00"})
    >>> sorted(summer.months), summer.weekly[5] is None
    ([7, 8], True)
    """

    months: frozenset[int] = attrs.field(converter=_to_months)
    """The months it applies in: a month number 1-12 or several, like ``[7, 8]``."""
    weekly: tuple[DayRanges | None, ...] = attrs.field(converter=_to_partial_weekly)
    """The weekdays it replaces: a mapping like ``{"Mo-Fr": "09:00-12:00"}``
    (``"off"`` closes the day), or seven entries from Monday, ``None`` for no change."""


def _items(value: Any, kind: type, example: str) -> list[Any]:
    """One model or an iterable of them (or of their argument tuples)."""
    if isinstance(value, kind):
        return [value]
    try:
        items = list(value)
        return [v if isinstance(v, kind) else kind(*v) for v in items]
    except TypeError as error:
        raise InvalidHoursError(
            f"expected {kind.__name__} objects or their arguments, like {example}, "
            f"got {value!r}"
        ) from error


def to_annual_days(value: Any) -> tuple[AnnualDay, ...]:
    """Read annual days (models or argument tuples), one per day of the year."""
    if type(value) is tuple and not value:
        return ()  # the default
    days = _items(value, AnnualDay, '[(12, 24, "09:00-12:00")]')
    days.sort(key=lambda d: (d.month, d.day))
    for before, after in itertools.pairwise(days):
        if (before.month, before.day) == (after.month, after.day):
            raise InvalidHoursError(
                f"two annual days on {after.month:02d}-{after.day:02d}; keep one"
            )
    return tuple(days)


def to_seasons(value: Any) -> tuple[Season, ...]:
    """Read seasons (models or ``(months, weekly)`` pairs)."""
    if type(value) is tuple and not value:
        return ()  # the default
    return tuple(_items(value, Season, '[([7, 8], {"Mo-Fr": "09:00-12:00"})]'))


def to_closures(value: Any) -> frozenset[dt.date]:
    """Read closed dates: one or several ``date`` or ISO strings."""
    if type(value) is frozenset and not value:
        return value  # the default
    if isinstance(value, str | dt.date):
        value = [value]
    if not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise InvalidHoursError(
            f"expected closed dates like ['2026-08-14'], got {value!r}"
        )
    return frozenset(_to_date(v) for v in value)


def to_special_days(value: Any) -> tuple[SpecialDay, ...]:
    """Read special days (a mapping, models or pairs), one per date, sorted."""
    if type(value) is tuple and not value:
        return ()  # the default
    if isinstance(value, Mapping):
        days = [SpecialDay(day, ranges) for day, ranges in value.items()]
    else:
        days = _items(value, SpecialDay, '[("2026-12-24", "09:00-12:00")]')
    days.sort(key=lambda d: d.date)
    _no_duplicates([d.date for d in days], "special day")
    return tuple(days)


def to_changes(value: Any) -> tuple[ScheduleChange, ...]:
    """Read schedule changes (models or pairs), one per date, sorted."""
    if type(value) is tuple and not value:
        return ()  # the default
    changes = sorted(
        _items(value, ScheduleChange, '[("2027-01-01", {"Mo-Fr": "08:00-18:00"})]'),
        key=lambda c: c.effective,
    )
    _no_duplicates([c.effective for c in changes], "schedule change")
    return tuple(changes)


def _no_duplicates(dates: list[dt.date], what: str) -> None:
    for before, after in itertools.pairwise(dates):
        if before == after:
            raise InvalidHoursError(f"two {what}s on {after}; keep one per date")
