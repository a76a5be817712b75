"""Rules measured in time: business time, calendar periods, the next opening.

``BusinessDuration`` counts business time on the calendar's clock;
``CalendarPeriod`` moves the wall clock (hours are real time, days keep the
time of day, months follow ``dateutil.relativedelta``); ``NextOpening`` is
an opening to come, with an offset.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Literal, TypeAlias

import attrs
import numpy as np

from .._core.durations import format_duration
from .._core.units import DAY_US, HOUR_US, I64, MINUTE_US, ONE_US
from .._core.zone import utc_to_local
from .._errors import HorizonError, InvalidRuleError
from ..calendar import Boundary, BusinessCalendar
from .base import (
    SPAN_US,
    RuleBase,
    at_wall,
    check_days,
    check_duration,
    check_flag,
    check_instants,
    count,
    one_of,
    positive_duration,
)
from .words import duration_of, reads

__all__ = ["BusinessDuration", "CalendarPeriod", "NextOpening"]

_ZERO = np.zeros(1, dtype=np.int64)


@attrs.frozen
class BusinessDuration(RuleBase):
    """Business time after receipt: "dans les 4 heures ouvrées qui suivent l'appel".

    >>> rule = BusinessDuration(dt.timedelta(hours=4))
    >>> friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris)
    >>> str(rule), rule.deadline(cal, friday).isoformat()
    ('4 business hours', '2026-03-30T14:30:00+02:00')
    """

    duration: dt.timedelta = attrs.field(validator=positive_duration)
    """The business time allowed, a positive ``timedelta``; words such as
    ``"4 business hours"`` are read by ``parse_rule``, not here."""
    boundary: Boundary = attrs.field(
        default="next_open", validator=one_of("next_open", "close")
    )
    """``"next_open"`` (the default): a deadline on a closing moves to the next
    opening; ``"close"``: it stays at the closing, for display ("to close")."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        d = np.array([self.duration // ONE_US], dtype=np.int64)
        return calendar.kernel.add(t, d, closing=self.boundary == "close")

    def __str__(self) -> str:
        words = f"{format_duration(self.duration, prefix='business ')}"
        return words + (" to close" if self.boundary == "close" else "")


Unit: TypeAlias = Literal["minutes", "hours", "days", "weeks", "months", "years"]
Roll: TypeAlias = Literal["none", "following", "preceding"]
# The shortest length of each unit, to refuse amounts no date range can hold.
_UNIT_US = {
    "minutes": MINUTE_US,
    "hours": HOUR_US,
    "days": DAY_US - HOUR_US,  # a local day is 23 to 25 hours
    "weeks": 7 * DAY_US - HOUR_US,
    "months": 28 * DAY_US - HOUR_US,
    "years": 365 * DAY_US - HOUR_US,
}
_ELAPSED = {"minutes": MINUTE_US, "hours": HOUR_US}


def _within_span(instance: CalendarPeriod, _attr: object, amount: int) -> None:
    count(1)(instance, _attr, amount)
    # The unit is checked after the amount: here it may be of any type.
    given: object = instance.unit
    unit = _UNIT_US.get(given) if isinstance(given, str) else None
    if unit is not None and amount * unit > SPAN_US:
        raise HorizonError(
            f"{amount} {instance.unit} reach past the supported years 2-9998 "
            "from any date; check the amount (a unit mix-up?)"
        )


@attrs.frozen
class CalendarPeriod(RuleBase):
    """Calendar time: "délai légal de rétractation de 7 jours", "sous 24 heures".

    Minutes and hours are real elapsed time; days and weeks move the local
    date and keep the wall-clock time (so "1 day" over a DST change is 23 or
    25 hours, not "24 hours"); months and years follow
    ``dateutil.relativedelta`` (31 January + 1 month is 28 or 29 February).
    ``end_of_day`` moves the end to the following local midnight, and
    ``roll`` moves an end on a date with no open time to the next
    (``following``) or previous business day, as
    legal deadlines do.

    >>> rule = CalendarPeriod(7, "days", roll="following", end_of_day=True)
    >>> str(rule)
    '7 days to end of day rolled to next business day'
    >>> # Day 7 is Easter Monday: the period ends at the end of Tuesday 7 April.
    >>> rule.deadline(cal, dt.datetime(2026, 3, 30, 15, tzinfo=paris)).isoformat()
    '2026-04-08T00:00:00+02:00'
    """

    amount: int = attrs.field(validator=_within_span)
    """How many units, an integer >= 1 (``parse_rule`` reads ``"1.5 hours"`` as
    90 minutes); an amount no supported date range can hold raises
    ``HorizonError``."""
    unit: Unit = attrs.field(
        validator=one_of("minutes", "hours", "days", "weeks", "months", "years")
    )
    """``"minutes"``, ``"hours"``, ``"days"``, ``"weeks"``, ``"months"`` or
    ``"years"`` (plural)."""
    roll: Roll = attrs.field(
        default="none", validator=one_of("none", "following", "preceding")
    )
    """For an end on a date with no open time: ``"none"`` (the default) keeps it,
    ``"following"`` moves it to the next business day, ``"preceding"`` the previous."""
    end_of_day: bool = attrs.field(default=False, validator=check_flag)
    """Whether the end moves to the following local midnight (a ``bool``)."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        tz = calendar.tz
        elapsed = _ELAPSED.get(self.unit)
        if elapsed is not None:
            t = check_instants(self, t + self.amount * elapsed)
        wall = utc_to_local(t, tz)
        days, time_of_day = wall // DAY_US, wall % DAY_US
        if self.unit in ("days", "weeks"):
            days = days + self.amount * (7 if self.unit == "weeks" else 1)
        elif self.unit in ("months", "years"):
            days = _add_months(days, self.amount * (12 if self.unit == "years" else 1))
        check_days(self, days)
        if self.roll != "none":
            side = "forward" if self.roll == "following" else "backward"
            days = calendar.kernel.add_business_days(days, _ZERO, side)
        if self.end_of_day:
            return calendar.kernel.day_start(days + 1)
        if elapsed is not None and self.roll == "none":
            return t
        return at_wall(calendar, days, time_of_day)

    def __str__(self) -> str:
        unit = self.unit[:-1] if self.amount == 1 else self.unit
        words = f"{self.amount} {unit}"
        if self.end_of_day:
            words += " to end of day"
        if self.roll != "none":
            side = "next" if self.roll == "following" else "previous"
            words += f" rolled to {side} business day"
        return words


def _add_months(days: I64, months: int) -> I64:
    """Add months as relativedelta does, clipping to the month's last day."""
    as_days = days.view("datetime64[D]")
    month = as_days.astype("datetime64[M]")
    day_of_month = as_days - month.astype("datetime64[D]")
    target = month + np.timedelta64(months, "M")
    length = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype(
        "datetime64[D]"
    )
    clipped = np.minimum(day_of_month, length - np.timedelta64(1, "D"))
    out: I64 = (target.astype("datetime64[D]") + clipped).view(np.int64)
    return out


def _offset_within_span(
    instance: NextOpening, attribute: object, offset: dt.timedelta
) -> None:
    check_duration(instance, attribute, offset)
    if abs(offset // ONE_US) > SPAN_US:
        raise HorizonError(
            f"an offset of {format_duration(offset)} reaches past the supported "
            "years 2-9998 from any opening; check the offset (a unit mix-up?)"
        )


@attrs.frozen
class NextOpening(RuleBase):
    """An opening to come: "rappelés le lendemain à partir de 9 heures".

    ``business_days=0`` is the next opening at or after receipt; ``n >= 1`` is
    the first opening of the nth business day after the date of receipt
    (weekends and holidays skipped). ``offset`` adds real time after it.

    >>> rule = NextOpening()
    >>> evening = dt.datetime(2026, 4, 3, 17, 30, tzinfo=paris)
    >>> str(rule), rule.deadline(cal, evening).isoformat()
    ('next business day opening', '2026-04-07T09:00:00+02:00')
    """

    business_days: int = attrs.field(default=1, validator=count(0))
    """An integer >= 0: 0 for the next opening at or after receipt, n for the first
    opening of the nth business day after the date of receipt (default 1)."""
    offset: dt.timedelta = attrs.field(
        default=dt.timedelta(0), validator=_offset_within_span
    )
    """Real time added after that opening, a ``timedelta`` (default none); a
    negative one gives a time before the opening ("30 minutes before")."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        kernel = calendar.kernel
        if self.business_days == 0:
            opening = kernel.next_open(t)
        else:
            n = np.array([self.business_days], dtype=np.int64)
            day = kernel.add_business_days(kernel.local_day(t), n, "backward")
            opening = kernel.first_open(day)
        return check_instants(self, opening + self.offset // ONE_US)

    def __str__(self) -> str:
        n = self.business_days
        words = {0: "next opening", 1: "next business day opening"}.get(
            n, f"opening after {n} business days"
        )
        if self.offset > dt.timedelta(0):
            words += f" + {format_duration(self.offset)}"
        elif self.offset:
            words += f" - {format_duration(-self.offset)}"
        return words


@reads(2)
def _business_duration(words: str) -> BusinessDuration | None:
    match = re.fullmatch(r"((?:\d+(?:\.\d+)? business [a-z]+ ?)+?)( to close)?", words)
    if match is None or "business day" in words:
        return None
    duration = duration_of(match[1], business=True)
    return BusinessDuration(duration, "close" if match[2] else "next_open")


@reads(3)
def _calendar_period(words: str) -> CalendarPeriod | None:
    pattern = (
        r"(\d+(?:\.\d+)?) (minute|hour|day|week|month|year)s?( to end of day)?"
        r"( rolled to (next|previous) business day)?"
    )
    match = re.fullmatch(pattern, words)
    if match is None:
        return None
    roll = {None: "none", "next": "following", "previous": "preceding"}[match[5]]
    amount, unit = _whole(Fraction(match[1]), match[2] + "s")
    return CalendarPeriod(amount, unit, roll, bool(match[3]))  # type: ignore[arg-type]


def _whole(amount: Fraction, unit: str) -> tuple[int, str]:
    """A whole amount of the unit, or of minutes for a fraction of an hour."""
    if amount.denominator != 1 and unit == "hours":
        amount, unit = amount * 60, "minutes"
    if amount.denominator != 1:
        raise InvalidRuleError(
            f"{float(amount):g} {unit} is not a whole number of {unit}; write "
            "minutes or hours for elapsed time ('36 hours', '90 minutes')"
        )
    return int(amount), unit


@reads(4)
def _next_opening(words: str) -> NextOpening | None:
    head, plus, offset = words.partition(" + ")
    sign = 1
    if not plus:
        head, minus, offset = words.partition(" - ")
        sign = -1 if minus else 1
    days = {"next opening": 0, "next business day opening": 1}.get(head)
    if days is None:
        match = re.fullmatch(r"opening after (\d+) business days?", head)
        if match is None:
            return None
        days = int(match[1])
    return NextOpening(days, sign * duration_of(offset) if offset else dt.timedelta(0))
