"""Date ranges whose ends move: Easter, the nth weekday of a month, other years.

``DateSpan`` says the fixed ranges (``Dec 24-26``, ``Jul-Aug``, ``2026 Dec
24``). A ``DateRange`` says the rest of what the notation allows between
two dates: an end at Easter (``easter -2 days-easter +1 day``), at the nth
weekday of a month (``Mar Su[-1]-Oct Su[-1] -1 day``), in another year
(``2026 Dec 24-2027 Jan 06``), or every nth day (``Jan 01-31/8``).

Both ends are taken in the year of the date asked about (or in the year
they name). When the range's last day comes before its first, it wraps:
the range selects every date outside the gap between them, as
opening_hours.js reads it.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs
from dateutil.easter import easter

from .notation_tokens import MONTHS, WEEKDAYS

__all__ = ["DatePoint", "DateRange", "nth_weekday", "offset_text"]

_ONE_DAY = dt.timedelta(days=1)
EASTER = 0  # the month of a point at Easter
LAST = -1  # the day of a point at the end of its month (``Jan-Feb`` ends)


def offset_text(days: int) -> str:
    """`` +2 days``, `` -1 day`` or nothing, as the notation writes an offset."""
    if not days:
        return ""
    unit = "day" if abs(days) == 1 else "days"
    return f" {'+' if days > 0 else '-'}{abs(days)} {unit}"


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The ``nth`` ``weekday`` (0 Monday) of a month; negative counts from its end.

    >>> nth_weekday(2026, 3, 6, -1)
    datetime.date(2026, 3, 29)
    >>> nth_weekday(2026, 2, 0, 5) is None
    True
    """
    days = calendar.monthrange(year, month)[1]
    if nth > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    else:
        last = dt.date(year, month, days)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))
    return day if day.month == month else None


@attrs.frozen
class DatePoint:
    """One end of a date range: a day of a month, an nth weekday, or Easter.

    ``month`` is 1-12, or ``EASTER`` (0); ``day`` is the day of the month,
    ``LAST`` for the month's last day, or 0 with ``weekday`` (0 Monday) and
    ``nth`` (``Su[-1]``: 6, -1). ``offset`` moves the day, ``year`` fixes it.

    >>> DatePoint(EASTER, offset=-2).on(2026)
    datetime.date(2026, 4, 3)
    >>> str(DatePoint(3, weekday=6, nth=-1, offset=-1))
    'Mar Su[-1] -1 day'
    """

    month: int
    day: int = 0
    weekday: int = -1
    nth: int = 0
    offset: int = 0
    year: int | None = None

    def on(self, year: int) -> dt.date | None:
        """The date in ``year`` (or in its own year); None if it does not exist."""
        year = self.year if self.year is not None else year
        if not 1 <= year <= 9999:
            return None
        if self.month == EASTER:
            base: dt.date | None = easter(year)
        elif self.weekday >= 0:
            base = nth_weekday(year, self.month, self.weekday, self.nth)
        elif self.day == LAST:
            base = dt.date(year, self.month, calendar.monthrange(year, self.month)[1])
        else:
            try:
                base = dt.date(year, self.month, self.day)
            except ValueError:  # Feb 29 of a common year
                return None
        if base is None:
            return None
        try:
            return base + dt.timedelta(days=self.offset)
        except OverflowError:
            return None

    def __str__(self) -> str:
        year = f"{self.year:04d} " if self.year is not None else ""
        if self.month == EASTER:
            return f"{year}easter{offset_text(self.offset)}"
        month = MONTHS[self.month - 1]
        if self.weekday >= 0:
            nth = f"{WEEKDAYS[self.weekday]}[{self.nth}]"
            return f"{year}{month} {nth}{offset_text(self.offset)}"
        if self.day == LAST:  # the end of a month range
            return f"{year}{month}"
        return f"{year}{month} {self.day:02d}"


@attrs.frozen
class DateRange:
    """The dates from ``first`` to ``last`` inclusive, every ``step`` days.

    >>> holy = DateRange(DatePoint(EASTER, offset=-2), DatePoint(EASTER, offset=1))
    >>> holy.matches(dt.date(2026, 4, 6)), holy.matches(dt.date(2026, 4, 7))
    (True, False)
    >>> str(DateRange(DatePoint(12, 24, year=2026), DatePoint(1, 6, year=2027)))
    '2026 Dec 24-2027 Jan 06'
    """

    first: DatePoint
    last: DatePoint
    step: int = 1

    def matches(self, day: dt.date) -> bool:
        """Whether ``day`` is in the range (in its own year, or wrapping)."""
        start = self.first.on(day.year)
        end = self.last.on(day.year)
        if start is None or end is None:
            return False
        if end < start:  # wraps: everything but the gap between them
            return not end < day < start
        if not start <= day <= end:
            return False
        return (day - start).days % self.step == 0

    def __str__(self) -> str:
        first, last = self.first, self.last
        if first.day == 1 and last.day == LAST and first.weekday < 0:
            # Month ranges: "2012 Jan-Feb", "2025 Dec-2026 Jan".
            head = str(attrs.evolve(first, day=LAST))
            if attrs.evolve(first, day=LAST) == last:
                return head
            if last.year == first.year:
                return f"{head}-{MONTHS[last.month - 1]}"
            return f"{head}-{last}"
        text = str(first)
        if last != first:
            same_month = (
                last.year == first.year
                and last.month == first.month != EASTER
                and first.weekday < 0
                and last.weekday < 0
                and first.day > 0
                and last.day > 0
            )
            text += f"-{last.day:02d}" if same_month else f"-{last}"
        return text + (f"/{self.step}" if self.step != 1 else "")
