"""Which dates an opening_hours rule selects: years, dates, weeks and weekdays.

A rule's selector is a conjunction of four optional parts, each a union of
items, as in the OpenStreetMap specification: ``2026`` (years), ``Dec 24-26``
or ``Jul-Aug`` or ``easter`` (dates), ``week 01-10/2`` (ISO weeks), then
``Mo-Fr,PH``, ``Su[-1]`` or ``PH +1 day`` (weekdays and holidays). A part
left empty selects every date.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Container

import attrs
from dateutil.easter import easter

from .osm_dates import DateRange

__all__ = ["DateSpan", "DayItem", "EasterDay", "Selector"]

_ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class DateSpan:
    """Dates of every year (or of one year) from ``first`` to ``last``.

    ``first`` and ``last`` are ``(month, day)``; a span whose last day comes
    before its first wraps over New Year (``Dec 24-Jan 02``, ``Nov-Feb``).

    >>> DateSpan((12, 24), (12, 26)).matches(dt.date(2026, 12, 25))
    True
    >>> DateSpan((11, 1), (2, 29)).matches(dt.date(2027, 1, 15))
    True
    """

    first: tuple[int, int]
    last: tuple[int, int]
    year: int | None = None

    def matches(self, day: dt.date) -> bool:
        """Whether ``day`` is in the span."""
        if self.year is not None and day.year != self.year:
            return False
        key = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last


@attrs.frozen
class EasterDay:
    """Western Easter Sunday of each year, moved by ``offset`` days.

    >>> EasterDay(1).matches(dt.date(2026, 4, 6))
    True
    """

    offset: int = 0

    def matches(self, day: dt.date) -> bool:
        """Whether ``day`` is Easter (plus the offset) of its year or a neighbour."""
        for year in (day.year - 1, day.year, day.year + 1):
            if not 1 <= year <= 9999:  # no Easter a date can hold
                continue
            with contextlib.suppress(OverflowError):  # its day past year 9999
                if easter(year) + dt.timedelta(days=self.offset) == day:
                    return True
        return False


@attrs.frozen
class DayItem:
    """One item of a weekday selector: weekdays, nth weekdays, ``PH`` or ``SH``.

    ``nth`` holds 1-5 (the first to fifth such weekday of the month) or -1 to
    -5 (counted from the end); empty means every such weekday. ``holiday`` is
    ``"PH"`` or ``"SH"``; ``offset`` moves the day selected (``PH +1 day``,
    ``Sa[-1] +1 day``).

    >>> DayItem(frozenset({6}), nth=(-1,)).matches(dt.date(2026, 5, 31), ())
    True
    """

    days: frozenset[int] = frozenset()
    nth: tuple[int, ...] = ()
    holiday: str | None = None
    offset: int = 0

    def matches(self, day: dt.date, holidays: Container[dt.date]) -> bool:
        """Whether ``day`` is selected, with ``holidays`` the PH (or SH) dates."""
        try:  # Sa[-1] +1 day: the Sunday after
            day -= dt.timedelta(days=self.offset)
        except OverflowError:  # before year 1 or past 9999: no such day
            return False
        if self.holiday is not None:
            return day in holidays
        if day.weekday() not in self.days:
            return False
        if not self.nth:
            return True
        from_start = (day.day - 1) // 7 + 1
        month_end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        from_end = -((month_end - _ONE_DAY - day).days // 7 + 1)
        return from_start in self.nth or from_end in self.nth


@attrs.frozen
class Selector:
    """The dates a rule selects: every part given must match.

    ``also`` is a second weekday part that must match too (``SH Mo-Fr``:
    school holidays that are weekdays), ``also_dates`` a second date part
    (``Jan-Feb Jan 09-15``: months, then days of them, as opening_hours.js
    reads a month part and a day part of one rule).

    >>> workdays = Selector(days=(DayItem(frozenset(range(5))),))
    >>> (
    ...     workdays.matches(dt.date(2026, 6, 5), {}),
    ...     workdays.matches(dt.date(2026, 6, 6), {}),
    ... )
    (True, False)
    """

    years: tuple[tuple[int, int, int], ...] = ()
    dates: tuple[DateSpan | EasterDay | DateRange, ...] = ()
    weeks: tuple[tuple[int, int, int], ...] = ()
    days: tuple[DayItem, ...] = ()
    also: tuple[DayItem, ...] = ()
    also_dates: tuple[DateSpan | EasterDay | DateRange, ...] = ()

    def matches(self, day: dt.date, holidays: dict[str, Container[dt.date]]) -> bool:
        """Whether ``day`` is selected; ``holidays`` maps ``PH``/``SH`` to dates."""
        if self.years and not any(
            lo <= day.year <= hi and (day.year - lo) % step == 0
            for lo, hi, step in self.years
        ):
            return False
        for dates in (self.dates, self.also_dates):
            if dates and not any(item.matches(day) for item in dates):
                return False
        if self.weeks and not _in_weeks(day, self.weeks):
            return False
        return _day_part(self.days, day, holidays) and _day_part(
            self.also, day, holidays
        )

    @property
    def holidays_used(self) -> frozenset[str]:
        """``PH`` and ``SH`` where the selector names them."""
        return frozenset(
            item.holiday for item in (*self.days, *self.also) if item.holiday
        )


def _day_part(
    items: tuple[DayItem, ...], day: dt.date, holidays: dict[str, Container[dt.date]]
) -> bool:
    if not items:
        return True
    return any(
        item.matches(day, holidays.get(item.holiday or "", ())) for item in items
    )


def _in_weeks(day: dt.date, weeks: tuple[tuple[int, int, int], ...]) -> bool:
    week = day.isocalendar().week
    return any(lo <= week <= hi and (week - lo) % step == 0 for lo, hi, step in weeks)
