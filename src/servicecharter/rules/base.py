"""What every deadline rule shares: the scalar/array plumbing and the checks.

A rule computes its deadlines on int64 microseconds (``deadline_us``) with
the calendar's int64 API; ``deadline`` converts any instant form to that
and back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from .._core.convert import InstantsIn, instant_array, instant_us, is_scalar
from .._core.units import DAY_US, FIRST_DAY, I64, LAST_DAY, NAT, SUPPORTED_YEARS
from .._core.zone import local_to_utc
from .._errors import HorizonError, InvalidArgumentError, InvalidRuleError
from ..calendar import BusinessCalendar

__all__ = [
    "SPAN_US",
    "RuleBase",
    "at_wall",
    "check_days",
    "check_duration",
    "check_flag",
    "check_instants",
    "count",
    "one_of",
    "positive_duration",
]


class RuleBase:
    """The scalar/array plumbing shared by every rule."""

    __slots__ = ()

    @overload
    def deadline(
        self, calendar: BusinessCalendar, received: dt.datetime
    ) -> dt.datetime: ...
    @overload
    def deadline(
        self, calendar: BusinessCalendar, received: InstantsIn
    ) -> npt.NDArray[np.datetime64]: ...
    def deadline(self, calendar: BusinessCalendar, received: Any) -> Any:
        """The deadline of ``received``, one instant or a whole array.

        An aware ``datetime`` gives an aware ``datetime`` in the calendar's
        zone; an array (numpy ``datetime64`` read as UTC, or tz-aware pandas,
        polars or pyarrow) gives a ``datetime64[us]`` array in UTC, NaT kept.
        """
        _check_calendar(calendar)
        if is_scalar(received):
            due = self._due(calendar, np.array([instant_us(received)], dtype=np.int64))
            return calendar._datetime(int(due[0]))
        t = instant_array(received)
        return self.deadline_us(calendar, t.ravel()).reshape(t.shape).view("M8[us]")

    def deadline_us(self, calendar: BusinessCalendar, received_us: I64) -> I64:
        """Deadlines of receipts given as int64 UTC microseconds (NaT kept).

        The int64 form of ``deadline``, for callers that converted their
        instants already (``evaluate`` does).

        >>> from servicecharter import parse_rule
        >>> t = np.array(["2026-03-27T15:30", "NaT"], "M8[us]").view(np.int64)
        >>> parse_rule("4 business hours").deadline_us(cal, t).view("M8[us]")
        array(['2026-03-30T12:30:00.000000', 'NaT'], dtype='datetime64[us]')
        """
        _check_calendar(calendar)
        received_us = _microseconds(received_us)
        # NaT is the smallest int64: a minimum above it means none (one fast
        # reduction, no mask).
        if not received_us.size or int(received_us.min()) != NAT:
            return self._due(calendar, received_us)
        ok = received_us != NAT
        out = np.full(received_us.shape, NAT, dtype=np.int64)
        if ok.any():
            out[ok] = self._due(calendar, received_us[ok])
        return out

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        raise NotImplementedError


SPAN_US = (LAST_DAY - FIRST_DAY + 1) * DAY_US
"""The whole supported span of instants: no rule may reach further."""
_FIRST_US, _END_US = FIRST_DAY * DAY_US, (LAST_DAY + 1) * DAY_US


def _out_of_range(rule: object, where: str) -> HorizonError:
    return HorizonError(
        f"the deadline of {str(rule)!r} falls {where}, outside the supported "
        f"years {SUPPORTED_YEARS}; check the amount (a unit mix-up?)"
    )


def check_days(rule: object, days: I64) -> I64:
    """``days`` (local day numbers), or ``HorizonError`` when one is unsupported."""
    if days.size and (days.min() < FIRST_DAY or days.max() > LAST_DAY):
        late = days.max() > LAST_DAY
        raise _out_of_range(rule, "after the year 9998" if late else "before year 2")
    return days


def check_instants(rule: object, t: I64) -> I64:
    """``t`` (instants, no NaT), or ``HorizonError`` when one is unsupported."""
    if t.size and (t.min() < _FIRST_US or t.max() >= _END_US):
        late = t.max() >= _END_US
        raise _out_of_range(rule, "after the year 9998" if late else "before year 2")
    return t


def _check_calendar(calendar: object) -> None:
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidArgumentError(
            f"expected a BusinessCalendar, got {type(calendar).__name__}; e.g. "
            "charter.calendar() or BusinessCalendar(OpeningHours.parse(...))"
        )


def _microseconds(value: object) -> I64:
    """Receipts as an int64 array (as they are, when they are one)."""
    if isinstance(value, np.ndarray) and value.dtype == np.int64:
        return value
    array = None if isinstance(value, str | bytes) else np.asarray(value)
    if array is None or array.dtype.kind not in "iu" or array.ndim == 0:
        raise InvalidArgumentError(
            f"deadline_us takes an array of int64 microseconds since the epoch, "
            f"got {type(value).__name__}; deadline() reads datetimes"
        )
    return array.astype(np.int64)


def at_wall(calendar: BusinessCalendar, days: I64, time_of_day_us: Any) -> I64:
    """The instants of a local time of day on local dates (DST rules apply)."""
    local = days * DAY_US + time_of_day_us
    opening = np.zeros(np.shape(local), dtype=bool)
    return local_to_utc(np.asarray(local, dtype=np.int64), opening, calendar.tz)


def check_duration(instance: object, attribute: Any, value: object) -> None:
    """An attrs validator: a ``timedelta``."""
    if not isinstance(value, dt.timedelta):
        raise InvalidRuleError(
            f"{attribute.name} must be a timedelta, got {value!r}; "
            "e.g. timedelta(hours=4)"
        )


def positive_duration(instance: object, attribute: Any, value: dt.timedelta) -> None:
    """An attrs validator: a positive ``timedelta``."""
    check_duration(instance, attribute, value)
    if value <= dt.timedelta(0):
        raise InvalidRuleError(f"{attribute.name} must be positive, got {value}")


def count(minimum: int) -> Any:
    """An attrs validator: an integer at least ``minimum``."""

    def check(instance: object, attribute: Any, value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise InvalidRuleError(
                f"{attribute.name} must be an integer >= {minimum}, got {value!r}"
            )

    return check


def check_flag(instance: object, attribute: Any, value: object) -> None:
    """An attrs validator: ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidRuleError(f"{attribute.name} must be True or False, got {value!r}")


def one_of(*allowed: str) -> Any:
    """An attrs validator: one of the ``allowed`` strings."""

    def check(instance: object, attribute: Any, value: object) -> None:
        if value not in allowed:
            raise InvalidRuleError(
                f"{attribute.name} must be one of {', '.join(allowed)}; got {value!r}"
            )

    return check
