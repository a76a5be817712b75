"""The opening-hours model: weekly ranges, holidays, closures, special days, zone."""

from __future__ import annotations

import bisect
import datetime as dt
import zoneinfo
from collections.abc import Container, Iterator
from typing import Any, Protocol

import attrs

from .._core.zone import to_zone
from .._errors import InvalidHoursError
from .holidays import HolidaySource, to_holiday_sources
from .notation import parse_notation
from .notation_write import format_hours
from .parts import (
    AnnualDay,
    ScheduleChange,
    Season,
    SpecialDay,
    to_annual_days,
    to_changes,
    to_closures,
    to_seasons,
    to_special_days,
)
from .ranges import DayRanges, Weekly, to_day_ranges, to_weekly

__all__ = ["OpeningHours"]


class _HolidayLookup(Protocol):
    def __contains__(self, day: object, /) -> bool: ...


@attrs.frozen
class OpeningHours:
    """When a service is open: weekly hours in an IANA zone, with exceptions.

    For a given date the first that applies wins: a closure, a special day,
    an annual day, a holiday (``holiday_hours``, closed by default), a season
    naming that weekday (the last one listed wins), then the weekly hours in
    force on that date (the latest ``changes`` entry not after it, else
    ``weekly``).

    >>> hours = OpeningHours(
    ...     {"Mo-Fr": "09:00-12:00,14:00-17:00"},
    ...     "Europe/Paris",
    ...     closures=["2026-08-14"],
    ... )
    >>> [str(r) for r in hours.ranges_on(dt.date(2026, 3, 27))]
    ['09:00-12:00', '14:00-17:00']
    >>> hours.ranges_on(dt.date(2026, 8, 14))
    ()
    """

    weekly: Weekly = attrs.field(converter=to_weekly)
    """The usual hours: a mapping like ``{"Mo-Fr": "09:00-12:00,14:00-17:00"}``
    (keys ``"Mo"``, ``"Mo-Fr"``, ``"Mo,We"`` or 0-6; weekdays left out are closed),
    or seven days' ranges from Monday."""
    tz: zoneinfo.ZoneInfo = attrs.field(converter=to_zone)
    """The IANA time zone the hours are read in: a ``ZoneInfo`` or a name such as
    ``"Europe/Paris"``."""
    holidays: tuple[HolidaySource, ...] = attrs.field(
        default=(), converter=to_holiday_sources
    )
    """Public holidays: a country code like ``"FR"``, a ``PublicHolidays`` or
    ``HolidayDates``, a list of those sources, or a list of ``date`` objects."""
    holiday_hours: DayRanges = attrs.field(default=(), converter=to_day_ranges)
    """The hours on a holiday, like ``"10:00-12:00"``; empty (the default): closed."""
    closures: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=to_closures
    )
    """Dates closed all day: one or a list of ``date`` or ``"2026-08-14"`` strings."""
    special_days: tuple[SpecialDay, ...] = attrs.field(
        default=(), converter=to_special_days
    )
    """Dated exceptions, one per date: a mapping like ``{"2026-12-24": "09:00-12:00"}``,
    a ``SpecialDay``, or a list of them or of ``(date, ranges)`` pairs."""
    changes: tuple[ScheduleChange, ...] = attrs.field(default=(), converter=to_changes)
    """New weekly hours from a date on, one per date: a ``ScheduleChange``, or a list
    of them or of ``(effective, weekly)`` pairs; kept sorted by date."""
    annual_days: tuple[AnnualDay, ...] = attrs.field(
        default=(), converter=to_annual_days
    )
    """Days of every year with their own hours, one per day: a list of ``AnnualDay``
    or of ``(month, day)`` / ``(month, day, ranges)`` tuples."""
    seasons: tuple[Season, ...] = attrs.field(default=(), converter=to_seasons)
    """Weekly hours for some months of every year: a list of ``Season`` or of
    ``(months, weekly)`` pairs; the last one naming a weekday wins."""
    _special_map: dict[dt.date, DayRanges] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _annual_map: dict[tuple[int, int], DayRanges] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_special_map", {d.date: d.ranges for d in self.special_days}
        )
        object.__setattr__(
            self, "_annual_map", {(d.month, d.day): d.ranges for d in self.annual_days}
        )
        both = self.closures & {d.date for d in self.special_days}
        if both:
            raise InvalidHoursError(
                f"{min(both)} is both a closure and a special day; keep one"
            )

    @classmethod
    def parse(
        cls, text: str, *, tz: str | zoneinfo.ZoneInfo, holidays: Any = ()
    ) -> OpeningHours:
        """Read the common opening_hours notation.

        Rules are separated by ``;`` and a later rule replaces an earlier one
        for what it names; ``#`` starts a comment. ``PH`` selects public
        holidays, ``Dec 24`` an annual day, ``Jul-Aug Mo-Fr`` or ``Dec`` a
        season and ``2026 Dec 24`` a special day.

        >>> hours = OpeningHours.parse(
        ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off; Dec 24 09:00-12:00",
        ...     tz="Europe/Paris",
        ...     holidays="FR",
        ... )
        >>> [str(r) for r in hours.weekly[4]], hours.weekly[5]
        (['09:00-12:00', '14:00-17:00'], ())
        >>> hours.annual_days
        (AnnualDay(month=12, day=24, ranges=(TimeRange(start_s=32400, end_s=43200),)),)
        """
        parsed = parse_notation(text)
        return cls(
            weekly=[list(day) for day in parsed.weekly],
            tz=tz,
            holidays=holidays,
            holiday_hours=list(parsed.holiday_hours or ()),
            special_days=[SpecialDay(d, list(r)) for d, r in parsed.special_days],
            annual_days=[AnnualDay(m, d, list(r)) for m, d, r in parsed.annual_days],
            seasons=[
                Season(months, [None if r is None else list(r) for r in week])
                for months, week in parsed.seasons
            ],
        )

    def format(self) -> str:
        """Write the hours as opening_hours notation, the inverse of ``parse``.

        ``OpeningHours.parse(h.format(), tz=h.tz, holidays=h.holidays) == h``
        up to normal forms: the zone and holiday sources are not part of the
        text; a closure comes back as a closed special day; seasons naming no
        weekday are left out and neighbouring seasons with the same months
        come back as one. ``PH off`` is written when there are holiday
        sources and no holiday hours. Raises ``InvalidHoursError`` for
        what the notation cannot say: schedule changes and times with
        seconds.

        >>> OpeningHours.parse(
        ...     "Mo-Fr 09:00-17:00; Sa 10:00-12:00; Tu 09:00-17:00; Jan 1 off",
        ...     tz="Europe/Paris",
        ...     holidays="FR",
        ... ).format()
        'Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH off; Jan 01 off'
        >>> OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC").format()
        '24/7'
        >>> OpeningHours(
        ...     {"Mo,We": "22:00-02:00"},
        ...     "UTC",
        ...     seasons=[([11, 12, 1], {"Sa-Su": "10:00-12:00"})],
        ...     closures=["2026-12-28"],
        ... ).format()
        'Mo,We 22:00-02:00; Nov-Jan Sa-Su 10:00-12:00; 2026 Dec 28 off'
        """
        return format_hours(self)

    def weekly_on(self, day: dt.date) -> Weekly:
        """The weekly hours in force on ``day``."""
        _check_date(day)
        index = bisect.bisect_right(self.changes, day, key=lambda c: c.effective)
        return self.changes[index - 1].weekly if index else self.weekly

    def ranges_on(
        self, day: dt.date, holidays: _HolidayLookup | None = None
    ) -> DayRanges:
        """The ranges that belong to ``day`` (those crossing midnight included)."""
        _check_date(day)
        if holidays is not None and (
            isinstance(holidays, str | bytes) or not isinstance(holidays, Container)
        ):
            raise InvalidHoursError(
                f"expected a set of holiday dates, got {holidays!r}"
            )
        if day in self.closures:
            return ()
        special = self._special_map.get(day)
        if special is not None:
            return special
        if holidays is None:
            holidays = self.holiday_dates(day.year, day.year)
        if self._annual_map:
            annual = self._annual_map.get((day.month, day.day))
            if annual is not None:
                return annual
        if day in holidays:
            return self.holiday_hours
        weekday = day.weekday()
        for season in reversed(self.seasons):
            if day.month in season.months and season.weekly[weekday] is not None:
                return season.weekly[weekday]  # type: ignore[return-value]
        return self.weekly_on(day)[weekday]

    def holiday_dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """All holiday dates of the sources in the years given (inclusive)."""
        dates: set[dt.date] = set()
        for source in self.holidays:
            dates |= source.dates(first_year, last_year)
        return frozenset(dates)

    def days(
        self, first: dt.date, last: dt.date
    ) -> Iterator[tuple[dt.date, DayRanges]]:
        """Each date in [first, last] with its ranges."""
        _check_date(first)
        _check_date(last)
        holidays = self.holiday_dates(first.year, last.year)
        day = first
        one = dt.timedelta(days=1)
        while day <= last:
            yield day, self.ranges_on(day, holidays)
            day += one

    def has_weekly_time(self) -> bool:
        """Whether any weekly hours (current or changed) have open time."""
        weeks = [self.weekly, *(c.weekly for c in self.changes)]
        return any(day for week in weeks for day in week)


def _check_date(day: object) -> None:
    """A date (not a datetime) given to a method, or the library's error."""
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidHoursError(
            f"expected a date (datetime.date), got {type(day).__name__} {day!r}"
        )
