"""Business days and local dates: the date-based half of ``BusinessCalendar``.

``numpy.busday_*`` semantics over the calendar's own business days (dates
with any open time), and the instants that bound each local date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, overload

import numpy as np
import numpy.typing as npt

from .._core.convert import (
    CountsIn,
    DatesIn,
    InstantsIn,
    days_array,
    instant_array,
    instant_us,
    is_missing,
    is_scalar,
)
from .._core.foreign import is_aware_column
from .._core.units import I64, NAT, SUPPORTED_YEARS, day_number, from_day_number
from .._errors import HorizonError, InvalidInstantError, NaiveDatetimeError
from . import busdays
from .busdays import Roll
from .kernel import CalendarKernel
from .types import Bools, Instants

__all__ = ["DayMethods"]


class DayMethods:
    """Business-day and local-date methods, mixed into ``BusinessCalendar``."""

    __slots__ = ()
    kernel: CalendarKernel
    _tz: dt.tzinfo

    def _datetime(self, us: int) -> dt.datetime:
        raise NotImplementedError

    @overload
    def is_business_day(self, day: dt.date) -> bool: ...
    @overload
    def is_business_day(self, day: DatesIn) -> Bools: ...
    def is_business_day(self, day: Any) -> Any:
        """Whether ``day`` (a local date) has any open time; NaT gives False.

        >>> (
        ...     cal.is_business_day(dt.date(2026, 4, 6)),
        ...     cal.is_business_day(dt.date(2026, 4, 7)),
        ... )
        (False, True)
        """
        out = self.kernel.is_business_day(self._days(day))
        return bool(out[0]) if is_scalar(day) else out

    @overload
    def add_business_days(
        self, day: dt.date, n: int, *, roll: Literal["nat"]
    ) -> dt.date | None: ...
    @overload
    def add_business_days(
        self, day: dt.date, n: int, *, roll: busdays.RollToDay = "raise"
    ) -> dt.date: ...
    @overload
    def add_business_days(
        self, day: DatesIn, n: CountsIn, *, roll: Roll = "raise"
    ) -> npt.NDArray[np.datetime64]: ...
    def add_business_days(self, day: Any, n: Any, *, roll: Roll = "raise") -> Any:
        """Roll ``day`` to a business day, then move ``n`` business days.

        ``numpy.busday_offset`` semantics: ``roll`` is one of ``raise``,
        ``nat``, ``forward`` (= ``following``), ``backward`` (=
        ``preceding``), ``modifiedfollowing``, ``modifiedpreceding``. With
        ``roll="nat"`` a date that is not a business day gives NaT in arrays
        and None for a scalar date.

        >>> cal.add_business_days(dt.date(2026, 4, 3), 1)
        datetime.date(2026, 4, 7)
        >>> cal.add_business_days(dt.date(2026, 4, 5), 0, roll="forward")
        datetime.date(2026, 4, 7)
        >>> cal.add_business_days(dt.date(2026, 4, 5), 0, roll="nat") is None
        True
        """
        out = self.kernel.add_business_days(self._days(day), busdays.integers(n), roll)
        if is_scalar(day) and np.ndim(n) == 0:
            return None if out[0] == NAT else from_day_number(int(out[0]))
        return out.view("datetime64[D]")

    @overload
    def count_business_days(self, begin: dt.date, end: dt.date) -> int: ...
    @overload
    def count_business_days(
        self, begin: DatesIn, end: DatesIn
    ) -> npt.NDArray[np.int64]: ...
    def count_business_days(self, begin: Any, end: Any) -> Any:
        """Business days in [begin, end), as ``numpy.busday_count``.

        When end < begin the count is negative and covers (end, begin].

        A count has no NaT, so NaT in either array raises ``InvalidInstantError``.

        >>> cal.count_business_days(dt.date(2026, 4, 1), dt.date(2026, 4, 8))
        4
        """
        b, e = self._days(begin), self._days(end)
        if (b == NAT).any() or (e == NAT).any():
            raise InvalidInstantError(
                "count_business_days got NaT; a count cannot be missing, so drop or "
                "fill those rows first (mask: np.isnat(begin) | np.isnat(end))"
            )
        out = self.kernel.count_business_days(b, e)
        return int(out[0]) if is_scalar(begin) and is_scalar(end) else out

    # -- days and instants ---------------------------------------------------

    @overload
    def local_date(self, t: dt.datetime) -> dt.date: ...
    @overload
    def local_date(self, t: InstantsIn) -> npt.NDArray[np.datetime64]: ...
    def local_date(self, t: Any) -> Any:
        """The date of ``t`` on the calendar's wall clock.

        >>> from zoneinfo import ZoneInfo
        >>> late = dt.datetime(2026, 4, 6, 23, 30, tzinfo=dt.UTC)
        >>> cal.local_date(late)
        datetime.date(2026, 4, 7)
        """
        if is_scalar(t):
            days = self.kernel.local_day(np.array([instant_us(t)]))
            return from_day_number(int(days[0]))
        out = self.kernel.local_day(instant_array(t))
        return out.view("datetime64[D]")

    @overload
    def day_start(self, day: dt.date) -> dt.datetime: ...
    @overload
    def day_start(self, day: DatesIn) -> Instants: ...
    def day_start(self, day: Any) -> Any:
        """The instant a local date starts (its midnight, or the end of a DST gap).

        >>> cal.day_start(dt.date(2026, 3, 29)).isoformat()
        '2026-03-29T00:00:00+01:00'
        """
        return self._day_instant(day, self.kernel.day_start)

    @overload
    def first_open(self, day: dt.date) -> dt.datetime | None: ...
    @overload
    def first_open(self, day: DatesIn) -> Instants: ...
    def first_open(self, day: Any) -> Any:
        """The first opening of the ranges that belong to ``day``; None/NaT if none.

        >>> cal.first_open(dt.date(2026, 4, 7)).isoformat()
        '2026-04-07T09:00:00+02:00'
        >>> cal.first_open(dt.date(2026, 4, 6)) is None
        True
        """
        return self._day_instant(day, self.kernel.first_open)

    @overload
    def last_close(self, day: dt.date) -> dt.datetime | None: ...
    @overload
    def last_close(self, day: DatesIn) -> Instants: ...
    def last_close(self, day: Any) -> Any:
        """The last closing of the ranges that belong to ``day``; None/NaT if none.

        A range crossing midnight closes on the next date but belongs to ``day``.

        >>> cal.last_close(dt.date(2026, 4, 7)).isoformat()
        '2026-04-07T17:00:00+02:00'
        """
        return self._day_instant(day, self.kernel.last_close)

    def _day_instant(self, day: Any, compute: Callable[[I64], I64]) -> Any:
        out = compute(self._days(day))
        if is_scalar(day):
            return None if out[0] == NAT else self._datetime(int(out[0]))
        return out.view("datetime64[us]")

    def _day(self, day: object) -> int:
        if is_missing(day):  # pandas' NaT is a datetime, and no date
            raise InvalidInstantError(
                f"{day!r} is a missing date, not a date; pass the values in an "
                "array (NaT in gives NaT out) or leave the missing ones out"
            )
        if isinstance(day, dt.datetime):
            if day.tzinfo is None or day.utcoffset() is None:
                raise NaiveDatetimeError(
                    f"naive datetime {day!r}: pass a date, or an aware datetime "
                    "whose local date in the calendar's zone is meant"
                )
            try:
                day = day.astimezone(self._tz).date()
            except OverflowError:  # its local date is past year 9999
                raise HorizonError(
                    f"{day.isoformat()} falls on a date outside the supported "
                    f"years {SUPPORTED_YEARS} in the calendar's zone"
                ) from None
        if not isinstance(day, dt.date):
            raise InvalidInstantError(
                f"expected a date, got {type(day).__name__} {day!r}"
            )
        return day_number(day)

    def _days(self, value: Any) -> I64:
        if is_scalar(value):
            return np.array([self._day(value)], dtype=np.int64)
        if isinstance(value, list | tuple):  # a convenience: read item by item
            return np.array(
                [NAT if is_missing(v) else self._day(v) for v in value],
                dtype=np.int64,
            )
        if is_aware_column(value):  # instants: their local dates, as scalars
            return self.kernel.local_day(instant_array(value))
        return days_array(value)
