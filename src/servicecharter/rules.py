"""Deadline rules: the charter sentences that say when an answer is due.

Each rule computes the deadline of one receipt instant or of a whole array
of them, whole-array, on a ``BusinessCalendar``:

    rule.deadline(calendar, received)

Scalar in (an aware ``datetime``) gives an aware ``datetime`` in the
calendar's zone; an array in (``datetime64``, read as UTC, or tz-aware
pandas) gives ``datetime64[us]``; NaT in gives NaT out. ``str(rule)`` gives
the rule in words and ``parse_rule`` reads them back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from ._convert import NAT, instant_array, instant_us, is_scalar
from ._errors import InvalidRuleError
from ._words import duration_words, parse_rule
from ._zone import DAY_US, local_to_utc, utc_to_local
from .calendar import Boundary, BusinessCalendar
from .calendar import Roll as BusRoll

__all__ = [
    "BusinessDays",
    "BusinessDuration",
    "CalendarPeriod",
    "EarliestOf",
    "EndOfPeriod",
    "LatestOf",
    "NextOpening",
    "Rule",
    "SameBusinessDay",
    "parse_rule",
]

I64: TypeAlias = npt.NDArray[np.int64]
Days: TypeAlias = npt.NDArray[np.datetime64]
_US = 1_000_000


def _us(values: Any) -> I64:
    return np.asarray(values).view(np.int64)


def _instants(values: I64) -> npt.NDArray[np.datetime64]:
    return values.view("datetime64[us]")


class _RuleBase:
    """The scalar/array plumbing shared by every rule."""

    __slots__ = ()

    def deadline(self, calendar: BusinessCalendar, received: Any) -> Any:
        """The deadline of ``received``, one instant or a whole array.

        An aware ``datetime`` gives an aware ``datetime`` in the calendar's
        zone; an array (numpy ``datetime64`` read as UTC, or tz-aware pandas,
        polars or pyarrow) gives a ``datetime64[us]`` array in UTC, NaT kept.
        """
        if is_scalar(received):
            due = self._due(calendar, np.array([instant_us(received)], dtype=np.int64))
            return calendar._datetime(int(due[0]))
        t = instant_array(received)
        flat = t.ravel()
        ok = flat != NAT
        out = np.full(flat.shape, NAT, dtype=np.int64)
        if ok.any():
            out[ok] = self._due(calendar, flat[ok] if not ok.all() else flat)
        return _instants(out.reshape(t.shape))

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        raise NotImplementedError


def _check_duration(instance: object, attribute: Any, value: object) -> None:
    if not isinstance(value, dt.timedelta):
        raise InvalidRuleError(
            f"{attribute.name} must be a timedelta, got {value!r}; "
            "e.g. timedelta(hours=4)"
        )


def _positive_duration(instance: object, attribute: Any, value: dt.timedelta) -> None:
    _check_duration(instance, attribute, value)
    if value <= dt.timedelta(0):
        raise InvalidRuleError(f"{attribute.name} must be positive, got {value}")


def _count(minimum: int) -> Any:
    def check(instance: object, attribute: Any, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise InvalidRuleError(
                f"{attribute.name} must be an integer >= {minimum}, got {value!r}"
            )

    return check


def _one_of(*allowed: str) -> Any:
    def check(instance: object, attribute: Any, value: object) -> None:
        if value not in allowed:
            raise InvalidRuleError(
                f"{attribute.name} must be one of {', '.join(allowed)}; got {value!r}"
            )

    return check


@attrs.frozen
class BusinessDuration(_RuleBase):
    """Business time after receipt: "dans les 4 heures ouvrées qui suivent l'appel".

    >>> rule = BusinessDuration(dt.timedelta(hours=4))
    >>> friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris)
    >>> str(rule), rule.deadline(cal, friday).isoformat()
    ('4 business hours', '2026-03-30T14:30:00+02:00')
    """

    duration: dt.timedelta = attrs.field(validator=_positive_duration)
    """The business time allowed, a positive ``timedelta``; words such as
    ``"4 business hours"`` are read by ``parse_rule``, not here."""
    boundary: Boundary = attrs.field(
        default="next_open", validator=_one_of("next_open", "close")
    )
    """``"next_open"`` (the default): a deadline on a closing moves to the next
    opening; ``"close"``: it stays at the closing, for display ("to close")."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        d = np.timedelta64(self.duration // dt.timedelta(microseconds=1), "us")
        return _us(calendar.add(_instants(t), d, boundary=self.boundary))

    def __str__(self) -> str:
        words = f"{duration_words(self.duration, 'business ')}"
        return words + (" to close" if self.boundary == "close" else "")


@attrs.frozen
class BusinessDays(_RuleBase):
    """The nth business day after receipt: "réponses assurées dans les 3 jours".

    The date of receipt counts as day zero (a receipt on a closed date counts
    from the next business day); the deadline is that day's last closing
    (``at="close"``) or the receipt's local time of day on it
    (``at="same_time"``).

    >>> rule = BusinessDays(3)
    >>> rule.deadline(cal, dt.datetime(2026, 4, 2, 10, tzinfo=paris)).isoformat()
    '2026-04-08T17:00:00+02:00'
    """

    days: int = attrs.field(validator=_count(1))
    """How many business days after the date of receipt, an integer >= 1."""
    at: Literal["close", "same_time"] = attrs.field(
        default="close", validator=_one_of("close", "same_time")
    )
    """``"close"`` (the default): that day's last closing; ``"same_time"``: the
    receipt's local time of day on that day."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        received = calendar.local_date(_instants(t))
        target = calendar.add_business_days(received, self.days, roll="forward")
        if self.at == "close":
            return _us(calendar.last_close(target))
        wall = utc_to_local(t, calendar.hours.tz)
        return _at_wall(calendar, _us(target), wall % DAY_US)

    def __str__(self) -> str:
        unit = "day" if self.days == 1 else "days"
        return f"{self.days} business {unit}" + (
            " same time" if self.at == "same_time" else ""
        )


def _at_wall(calendar: BusinessCalendar, days: I64, time_of_day_us: Any) -> I64:
    """The instants of a local time of day on local dates (DST rules apply)."""
    local = days * DAY_US + time_of_day_us
    opening = np.zeros(np.shape(local), dtype=bool)
    return local_to_utc(np.asarray(local, dtype=np.int64), opening, calendar.hours.tz)


Unit: TypeAlias = Literal["hours", "days", "weeks", "months", "years"]
Roll: TypeAlias = Literal["none", "following", "preceding"]


@attrs.frozen
class CalendarPeriod(_RuleBase):
    """Calendar time: "délai légal de rétractation de 7 jours", "sous 24 heures".

    Hours are real elapsed time; days and weeks move the local date and keep
    the wall-clock time; months and years follow ``dateutil.relativedelta``
    (31 January + 1 month is 28 or 29 February). ``end_of_day`` moves the end
    to the following local midnight, and ``roll`` moves an end on a date with
    no open time to the next (``following``) or previous business day, as
    legal deadlines do.

    >>> rule = CalendarPeriod(7, "days", roll="following", end_of_day=True)
    >>> str(rule)
    '7 days to end of day rolled to next business day'
    >>> # Day 7 is Easter Monday: the period ends at the end of Tuesday 7 April.
    >>> rule.deadline(cal, dt.datetime(2026, 3, 30, 15, tzinfo=paris)).isoformat()
    '2026-04-08T00:00:00+02:00'
    """

    amount: int = attrs.field(validator=_count(1))
    """How many units, an integer >= 1."""
    unit: Unit = attrs.field(
        validator=_one_of("hours", "days", "weeks", "months", "years")
    )
    """``"hours"``, ``"days"``, ``"weeks"``, ``"months"`` or ``"years"`` (plural)."""
    roll: Roll = attrs.field(
        default="none", validator=_one_of("none", "following", "preceding")
    )
    """For an end on a date with no open time: ``"none"`` (the default) keeps it,
    ``"following"`` moves it to the next business day, ``"preceding"`` the previous."""
    end_of_day: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    """Whether the end moves to the following local midnight (a ``bool``)."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        tz = calendar.hours.tz
        if self.unit == "hours":
            t = t + self.amount * 3600 * _US
        wall = utc_to_local(t, tz)
        days, time_of_day = wall // DAY_US, wall % DAY_US
        if self.unit in ("days", "weeks"):
            days = days + self.amount * (7 if self.unit == "weeks" else 1)
        elif self.unit in ("months", "years"):
            days = _add_months(days, self.amount * (12 if self.unit == "years" else 1))
        if self.roll != "none":
            side: BusRoll = "forward" if self.roll == "following" else "backward"
            days = _us(
                calendar.add_business_days(days.view("datetime64[D]"), 0, roll=side)
            )
        if self.end_of_day:
            return _us(calendar.day_start((days + 1).view("datetime64[D]")))
        if self.unit == "hours" and self.roll == "none":
            return t
        return _at_wall(calendar, days, time_of_day)

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
    return _us(target.astype("datetime64[D]") + clipped)


@attrs.frozen
class NextOpening(_RuleBase):
    """An opening to come: "rappelés le lendemain à partir de 9 heures".

    ``business_days=0`` is the next opening at or after receipt; ``n >= 1`` is
    the first opening of the nth business day after the date of receipt
    (weekends and holidays skipped). ``offset`` adds real time after it.

    >>> rule = NextOpening()
    >>> evening = dt.datetime(2026, 4, 3, 17, 30, tzinfo=paris)
    >>> str(rule), rule.deadline(cal, evening).isoformat()
    ('next business day opening', '2026-04-07T09:00:00+02:00')
    """

    business_days: int = attrs.field(default=1, validator=_count(0))
    """An integer >= 0: 0 for the next opening at or after receipt, n for the first
    opening of the nth business day after the date of receipt (default 1)."""
    offset: dt.timedelta = attrs.field(
        default=dt.timedelta(0), validator=_check_duration
    )
    """Real time added after that opening, a ``timedelta`` (default none); a
    negative one gives a time before the opening ("30 minutes before")."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        if self.business_days == 0:
            opening = _us(calendar.next_open(_instants(t)))
        else:
            received = calendar.local_date(_instants(t))
            day = calendar.add_business_days(
                received, self.business_days, roll="backward"
            )
            opening = _us(calendar.first_open(day))
        return opening + self.offset // dt.timedelta(microseconds=1)

    def __str__(self) -> str:
        n = self.business_days
        words = {0: "next opening", 1: "next business day opening"}.get(
            n, f"opening after {n} business days"
        )
        if self.offset > dt.timedelta(0):
            words += f" + {duration_words(self.offset)}"
        elif self.offset:
            words += f" - {duration_words(-self.offset)}"
        return words


@attrs.frozen
class SameBusinessDay(_RuleBase):
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
        received = calendar.local_date(_instants(t))
        close = _us(calendar.last_close(received))
        in_time = (close != NAT) & (t < close)
        later = calendar.add_business_days(received, 1, roll="backward")
        day = np.where(in_time, _us(received), _us(later))
        return _us(calendar.day_start((day + 1).view("datetime64[D]")))

    def __str__(self) -> str:
        return "same business day"


Period: TypeAlias = Literal["day", "week", "month", "quarter", "year"]


@attrs.frozen
class EndOfPeriod(_RuleBase):
    """The end of the current local period: "sous réserve du mois en cours".

    Weeks end on Sunday night (ISO weeks); quarters are calendar quarters.

    >>> received = dt.datetime(2026, 2, 10, tzinfo=paris)
    >>> EndOfPeriod("month").deadline(cal, received).isoformat()
    '2026-03-01T00:00:00+01:00'
    """

    period: Period = attrs.field(
        validator=_one_of("day", "week", "month", "quarter", "year")
    )
    """``"day"``, ``"week"`` (ISO, to Sunday night), ``"month"``, ``"quarter"``
    (calendar) or ``"year"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        days = utc_to_local(t, calendar.hours.tz) // DAY_US
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
        return _us(calendar.day_start(end))

    def __str__(self) -> str:
        return f"end of {self.period}"


def _to_rules(value: Any) -> tuple[Any, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidRuleError(
            f"earliest of / latest of take a list of two or more rules, got {value!r};"
            " write EarliestOf(['4 business hours', 'end of day'])"
        )
    rules = tuple(parse_rule(r) if isinstance(r, str) else r for r in value)
    if len(rules) < 2:
        raise InvalidRuleError("earliest of / latest of need at least two rules")
    for r in rules:
        if not isinstance(r, _RuleBase):
            raise InvalidRuleError(f"expected a deadline rule, got {r!r}")
    return rules


@attrs.frozen
class EarliestOf(_RuleBase):
    """The earliest of several deadlines.

    >>> rule = EarliestOf(["4 business hours", "end of day"])
    >>> rule.deadline(cal, dt.datetime(2026, 4, 7, 16, tzinfo=paris)).isoformat()
    '2026-04-08T00:00:00+02:00'
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_to_rules)
    """Two or more rules: a list or tuple of rule objects or rule words such as
    ``"4 business hours"`` or ``"end of day"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        dues = [_instants(r._due(calendar, t)) for r in self.rules]
        return _us(np.minimum.reduce(dues))

    def __str__(self) -> str:
        return "earliest of (" + "; ".join(map(str, self.rules)) + ")"


@attrs.frozen
class LatestOf(_RuleBase):
    """The latest of several deadlines.

    >>> rule = LatestOf(["4 business hours", "end of day"])
    >>> rule.deadline(cal, dt.datetime(2026, 4, 7, 16, tzinfo=paris)).isoformat()
    '2026-04-08T14:00:00+02:00'
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_to_rules)
    """Two or more rules: a list or tuple of rule objects or rule words such as
    ``"4 business hours"`` or ``"end of day"``."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        dues = [_instants(r._due(calendar, t)) for r in self.rules]
        return _us(np.maximum.reduce(dues))

    def __str__(self) -> str:
        return "latest of (" + "; ".join(map(str, self.rules)) + ")"


Rule: TypeAlias = (
    BusinessDuration
    | BusinessDays
    | CalendarPeriod
    | NextOpening
    | SameBusinessDay
    | EndOfPeriod
    | EarliestOf
    | LatestOf
)
