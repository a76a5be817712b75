"""Rules measured in days: business days, the same business day, period ends.

``BusinessDays`` lands on the nth business day after the date of receipt;
``SameBusinessDay`` ends with the local date of receipt (or the next
business day's, for a late receipt); ``EndOfPeriod`` ends the local day,
week, month, quarter or year.
"""

from __future__ import annotations

import re
from typing import Literal, TypeAlias

import attrs
import numpy as np

from .._core.units import DAY_US, I64, NAT
from .._core.zone import utc_to_local
from ..calendar import BusinessCalendar
from .base import RuleBase, at_wall, count, one_of
from .words import reads

__all__ = ["BusinessDays", "EndOfPeriod", "SameBusinessDay"]

_ONE = np.ones(1, dtype=np.int64)


@attrs.frozen
class BusinessDays(RuleBase):
    """The nth business day after receipt: "réponses assurées dans les 3 jours".

    The date of receipt counts as day zero (a receipt on a closed date counts
    from the next business day); the deadline is that day's last closing
    (``at="close"``) or the receipt's local time of day on it
    (``at="same_time"``).

    >>> rule = BusinessDays(3)
    >>> rule.deadline(cal, dt.datetime(2026, 4, 2, 10, tzinfo=paris)).isoformat()
    '2026-04-08T17:00:00+02:00'
    """

    days: int = attrs.field(validator=count(1))
    """How many business days after the date of receipt, an integer >= 1."""
    at: Literal["close", "same_time"] = attrs.field(
        default="close", validator=one_of("close", "same_time")
    )
    """``"close"`` (the default): that day's last closing; ``"same_time"``: the
    receipt's local time of day on that day."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        kernel = calendar.kernel
        n = np.array([self.days], dtype=np.int64)
        target = kernel.add_business_days(kernel.local_day(t), n, "forward")
        if self.at == "close":
            return kernel.last_close(target)
        wall = utc_to_local(t, calendar.tz)
        return at_wall(calendar, target, wall % DAY_US)

    def __str__(self) -> str:
        unit = "day" if self.days == 1 else "days"
        return f"{self.days} business {unit}" + (
            " same time" if self.at == "same_time" else ""
        )


@attrs.frozen
class SameBusinessDay(RuleBase):
    """By the end of the day of receipt: "60 % des réponses faites dans la journée".

    A request received before the last closing of a business day is due by
    the end of that local date: a reply after closing but on the same date
    still counts as the same day. A request received later, or on a date
    with no open time, is due by the end of the next business day.

    >>> due = SameBusinessDay().deadline(cal, dt.datetime(2026, 4, 3, 18, tzinfo=paris))
    >>> due.isoformat()
    '2026-04-08T00:00:00+02:00'
    """

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        kernel = calendar.kernel
        received = kernel.local_day(t)
        close = kernel.last_close(received)
        in_time = (close != NAT) & (t < close)
        later = kernel.add_business_days(received, _ONE, "backward")
        return kernel.day_start(np.where(in_time, received, later) + 1)

    def __str__(self) -> str:
        return "same business day"


Period: TypeAlias = Literal["day", "week", "month", "quarter", "year"]


@attrs.frozen
class EndOfPeriod(RuleBase):
    """The end of the current local period: "sous réserve du mois en cours".

    Weeks end on Sunday night (ISO weeks); quarters are calendar quarters.

    >>> received = dt.datetime(2026, 2, 10, tzinfo=paris)
    >>> EndOfPeriod("month").deadline(cal, received).isoformat()
    '2026-03-01T00:00:00+01:00'
    """

    period: Period = attrs.field(
        validator=one_of("day", "week", "month", "quarter", "year")
    )
    """``"day"``, ``"week"`` (ISO, to Sunday night), ``"month"``, ``"quarter"``
    (calendar) or ``"year"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        days = utc_to_local(t, calendar.tz) // DAY_US
        as_days = days.view("datetime64[D]")
        if self.period == "day":
            end = as_days + np.timedelta64(1, "D")
        elif self.period == "week":
            weekday = (days + 3) % 7  # 1970-01-01 was a Thursday
            end = as_days + (7 - weekday).astype("timedelta64[D]")
        else:
            step = {"month": 1, "quarter": 3, "year": 12}[self.period]
            month = as_days.astype("datetime64[M]").view(np.int64)
            start = month - month % step
            end = (start + step).view("datetime64[M]").astype("datetime64[D]")
        return calendar.kernel.day_start(end.view(np.int64))

    def __str__(self) -> str:
        return f"end of {self.period}"


@reads(1)
def _business_days(words: str) -> BusinessDays | None:
    match = re.fullmatch(r"(\d+) business days?( same time)?", words)
    if match is None:
        return None
    return BusinessDays(int(match[1]), "same_time" if match[2] else "close")


@reads(5)
def _fixed(words: str) -> SameBusinessDay | EndOfPeriod | None:
    if words == "same business day":
        return SameBusinessDay()
    match = re.fullmatch(r"end of (day|week|month|quarter|year)", words)
    return EndOfPeriod(match[1]) if match else None  # type: ignore[arg-type]
