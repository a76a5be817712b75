"""Business-day arithmetic on a timeline's day flags (``numpy.busday_*`` semantics).

Days are int64 numbers since 1970-01-01. ``rank[i]`` counts the business days
before ``day0 + i``, so rolling and offsetting are a few gathers each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeAlias, get_args

import numpy as np

from .._core.timeline import Timeline
from .._core.units import FIRST_DAY, I64, LAST_DAY, NAT, day_number, from_day_number
from .._errors import HorizonError, InvalidArgumentError, NotBusinessDayError

__all__ = [
    "Roll",
    "RollToDay",
    "check_roll",
    "count",
    "day_number",
    "integers",
    "is_business_day",
    "offsetter",
]

RollToDay: TypeAlias = Literal[
    "raise",
    "forward",
    "following",
    "backward",
    "preceding",
    "modifiedfollowing",
    "modifiedpreceding",
]
"""The rolls that always give a date, as in ``numpy.busday_offset``.

For a start date that is not a business day: ``"raise"`` (the default)
raises ``NotBusinessDayError``; ``"forward"`` or ``"following"`` take the next
business day, ``"backward"`` or ``"preceding"`` the previous one;
``"modifiedfollowing"`` and ``"modifiedpreceding"`` do so unless that crosses
into another month, then go the other way.
"""
Roll: TypeAlias = Literal["nat"] | RollToDay
"""A ``RollToDay`` roll, or ``"nat"``: a start that is not a business day gives
NaT (``None`` for a scalar date)."""
_ROLLS = ("nat", *get_args(RollToDay))
_MAX_DAYS = 10_000 * 366  # more days than the supported years hold


def check_roll(roll: str) -> str:
    """Validate a roll policy name."""
    if roll not in _ROLLS:
        raise InvalidArgumentError(
            f"roll must be one of {', '.join(_ROLLS)}; got {roll!r}"
        )
    return roll


def integers(n: Any) -> I64:
    """Business-day counts as int64 (bool and floats refused)."""
    if isinstance(n, int) and not isinstance(n, bool) and abs(n) > _MAX_DAYS:
        _too_many(n)
    array = np.asarray(n)
    if array.dtype.kind not in "iu" or isinstance(n, bool):
        raise InvalidArgumentError(
            f"expected an integer number of business days, got {n!r} ({array.dtype})"
        )
    out = array.astype(np.int64)
    if out.size and (out.max() > _MAX_DAYS or out.min() < -_MAX_DAYS):
        _too_many(out.flat[np.argmax(np.abs(out))])
    return out


def _too_many(n: object) -> None:
    raise HorizonError(
        f"{n} business days reach past the supported years 2-9998; "
        "check the count (a unit mix-up?)"
    )


def is_business_day(tl: Timeline, days: I64) -> tuple[Any, bool, bool]:
    """Whether each day has open time."""
    return tl.business.take(days - tl.day0), False, False


def count(tl: Timeline, begin: I64, end: I64) -> tuple[Any, bool, bool]:
    """Business days in [begin, end), as ``numpy.busday_count``."""
    # As numpy.busday_count: [begin, end) forward; backward the count is
    # negative and spans (end, begin], so both indices move one day on.
    shift = (begin > end).astype(np.int64) - tl.day0
    return tl.rank.take(end + shift) - tl.rank.take(begin + shift), False, False


def _month(days: I64) -> I64:
    return days.view("datetime64[D]").astype("datetime64[M]").view(np.int64)


def _rolled(tl: Timeline, days: I64, roll: str) -> tuple[I64, bool, bool]:
    """Index into ``tl.business_days`` of each rolled day, and the days it lacks.

    ``rank`` counts are exact whatever the horizon, so only the modified rolls,
    which look at the month of the day they land on, need that day compiled.
    """
    i = days - tl.day0
    following = tl.rank.take(i)
    if roll in ("raise", "nat", "forward", "following"):
        return following, False, False
    preceding = tl.rank.take(i + 1) - 1
    if roll in ("backward", "preceding"):
        return preceding, False, False
    size = tl.business_days.size
    forward, backward = bool(following.max() >= size), bool(preceding.min() < 0)
    if forward or backward:
        return following, forward, backward
    first, other = (
        (following, preceding)
        if roll == "modifiedfollowing"
        else (preceding, following)
    )
    landed = tl.business_days.take(first)
    return np.where(_month(landed) == _month(days), first, other), False, False


def offsetter(roll: str) -> Callable[[Timeline, I64, I64], tuple[Any, bool, bool]]:
    """The whole-array busday_offset for one roll policy."""

    def compute(tl: Timeline, days: I64, n: I64) -> tuple[Any, bool, bool]:
        # Each business day is at least a day: a count that walks past the
        # supported dates fails now rather than after compiling centuries.
        reach = days + n
        if reach.max() > LAST_DAY or reach.min() < FIRST_DAY:
            _too_many(n.flat[np.argmax(np.abs(n))] if n.size else n)
        if roll in ("raise", "nat"):
            ok = tl.business.take(days - tl.day0)
            if roll == "raise" and not ok.all():
                bad = from_day_number(int(days[np.argmin(ok)]))
                raise NotBusinessDayError(
                    f"{bad} is not a business day; pass roll='forward' or "
                    "roll='backward' (or 'nat') to say what to do with such dates"
                )
        index, forward, backward = _rolled(tl, days, roll)
        index = index + n  # not in place: days or n may be one element
        forward = forward or bool(index.max() >= tl.business_days.size)
        backward = backward or bool(index.min() < 0)
        if forward or backward:
            return None, forward, backward
        out = tl.business_days.take(index)
        if roll == "nat":
            out = np.where(ok, out, NAT)
        return out, False, False

    return compute
