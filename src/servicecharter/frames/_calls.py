"""What the pandas and polars namespaces share: the calendar, its zone, ``add``.

Both read a column into int64 microseconds once, call the calendar's int64
API once (``BusinessCalendar.kernel`` or ``Rule.deadline_us``), and build the
answer column once, in the calendar's zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from .._core.convert import duration_array
from .._core.units import I64
from .._errors import InvalidArgumentError
from ..calendar import BusinessCalendar
from ..rules import Rule, parse_rule

__all__ = ["DurationArg", "add_us", "checked", "zone_name"]

DurationArg = dt.timedelta | np.timedelta64 | str | Rule
"""What ``add`` adds: a duration, a rule's text (``"4 business hours"``) or a
``Rule``, whose deadline it then gives."""


def checked(calendar: object) -> BusinessCalendar:
    """``calendar`` itself when it is a ``BusinessCalendar``."""
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidArgumentError(
            f"expected a BusinessCalendar, got {type(calendar).__name__}; e.g. "
            "charter.calendar_for('anomalies')"
        )
    return calendar


def zone_name(calendar: BusinessCalendar) -> str:
    """The calendar's IANA zone name, the zone of the answers."""
    return str(getattr(calendar.tz, "key", calendar.tz))


def add_us(
    calendar: BusinessCalendar, t: I64, d: Any, nat_seen: list[bool] | None = None
) -> I64:
    """``add`` (or a rule's deadline) on int64 microseconds.

    ``d`` is a duration, a rule or its text, or durations as int64
    microseconds (a column already read). ``nat_seen`` gets whether the
    answers may hold NaT: whether an argument had NaT, as the kernel says,
    or True for a rule's deadline (which the caller must look at).
    """
    if isinstance(d, str):
        d = parse_rule(d)
    if hasattr(d, "deadline_us"):  # a rule, of any kind
        if nat_seen is not None:
            nat_seen.append(True)
        return d.deadline_us(calendar, t)  # type: ignore[no-any-return]
    if isinstance(d, dt.timedelta | np.timedelta64):
        durations = duration_array(d).reshape(1)
        return calendar.kernel.add(t, durations, nat_seen=nat_seen)
    if isinstance(d, np.ndarray) and d.dtype == np.int64:
        return calendar.kernel.add(t, d, nat_seen=nat_seen)
    raise InvalidArgumentError(
        f"add takes a timedelta, a rule ('4 business hours') or a column of "
        f"durations, got {type(d).__name__}"
    )
