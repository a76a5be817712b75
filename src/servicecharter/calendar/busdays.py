"""Business-day arithmetic on a timeline's day flags (``numpy.busday_*`` semantics).

Days are int64 numbers since 1970-01-01. ``rank[i]`` counts the business days
before ``day0 + i``, so rolling and offsetting are a few gathers each.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias, get_args

import numpy as np

from .._core.chunks import bounds, part, scratch
from .._core.timeline import Found, Timeline
from .._core.units import FIRST_DAY, I64, LAST_DAY, NAT, day_number, from_day_number
from .._errors import HorizonError, InvalidArgumentError, NotBusinessDayError
from .broadcast import Compute

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
    if array.size and array.dtype.kind == "u" and int(array.max()) > _MAX_DAYS:
        _too_many(int(array.max()))  # before int64, where it could wrap
    out = array.astype(np.int64)
    if out.size and (out.max() > _MAX_DAYS or out.min() < -_MAX_DAYS):
        _too_many(out.flat[np.argmax(np.abs(out))])
    return out


def _too_many(n: object) -> None:
    raise HorizonError(
        f"{n} business days reach past the supported years 2-9998; "
        "check the count (a unit mix-up?)"
    )


def is_business_day(tl: Timeline, days: I64, *, extremes: Any) -> Found:
    """Whether each day has open time."""
    return tl.on_days(tl.business, days), False, False


def count(tl: Timeline, begin: I64, end: I64, *, extremes: Any) -> Found:
    """Business days in [begin, end), as ``numpy.busday_count``."""
    # As numpy.busday_count: [begin, end) forward; backward the count is
    # negative and spans (end, begin], so both indices move one day on.
    n = max(begin.size, end.size)
    out = np.empty(n, dtype=np.int64)
    buf = scratch(n, 2)
    for lo, hi in bounds(n):
        shift, i = buf[:, : hi - lo]
        b, e = part(begin, lo, hi), part(end, lo, hi)
        np.greater(b, e, out=shift)
        shift -= tl.day0
        tl.rank.take(np.add(e, shift, out=i), out=out[lo:hi], mode="wrap")
        out[lo:hi] -= tl.rank.take(np.add(b, shift, out=i), out=i, mode="wrap")
    return out, False, False


def _month(days: I64) -> I64:
    return days.view("datetime64[D]").astype("datetime64[M]").view(np.int64)


def _check_reach(days: I64, n: I64, extremes: list[tuple[int, int]]) -> None:
    """Refuse counts that walk past the supported dates, before compiling.

    Each business day is at least a day, so such a count fails now rather
    than after compiling centuries.
    """
    (d_lo, d_hi), (n_lo, n_hi) = extremes
    if d_lo + n_lo >= FIRST_DAY and d_hi + n_hi <= LAST_DAY:
        return
    if days.size > 1 and n.size > 1:  # the extremes may pair different rows
        reach = days + n
        if reach.max() <= LAST_DAY and reach.min() >= FIRST_DAY:
            return
    count, day = (n_hi, d_hi) if d_hi + n_hi > LAST_DAY else (n_lo, d_lo)
    days_word = "business day reaches" if abs(count) == 1 else "business days reach"
    raise HorizonError(
        f"{count} {days_word} past the supported years 2-9998 from "
        f"{from_day_number(day)}; check the dates and the count (a unit mix-up?)"
    )


class _Offset:
    """``busday_offset`` over one chunk, into the buffers of a ``scratch``."""

    def __init__(self, tl: Timeline, roll: str) -> None:
        self.tl, self.roll, self.size = tl, roll, tl.business_days.size

    def __call__(self, days: I64, n: I64, out: I64, buf: I64) -> tuple[bool, bool]:
        tl, roll = self.tl, self.roll
        i, following, preceding = buf
        np.subtract(days, tl.day0, out=i)
        if roll in ("raise", "nat"):
            ok = tl.business.take(i, mode="wrap")
            if roll == "raise" and not ok.all():
                bad = days.reshape(-1)[np.argmin(ok) if days.size > 1 else 0]
                raise NotBusinessDayError(
                    f"{from_day_number(int(bad))} is not a business day; pass "
                    "roll='forward' or roll='backward' (or 'nat') to say what to "
                    "do with such dates"
                )
        index = self._rolled(days, i, following, preceding)
        if index is None:
            return bool(following.max() >= self.size), bool(preceding.min() < 0)
        index += n
        forward, backward = bool(index.max() >= self.size), bool(index.min() < 0)
        if forward or backward:
            return forward, backward
        tl.business_days.take(index, out=out, mode="wrap")
        if roll == "nat":
            np.putmask(out, ~ok, NAT)
        return False, False

    def _rolled(self, days: I64, i: I64, following: I64, preceding: I64) -> I64 | None:
        """The index into ``business_days`` of each rolled day, in a buffer.

        None when a modified roll needs the day it lands on compiled.

        ``rank`` counts are exact whatever the horizon, so only the modified
        rolls, which look at the month of the day they land on, need more.
        """
        rank, roll = self.tl.rank, self.roll
        rank.take(i, out=following, mode="wrap")
        if roll in ("raise", "nat", "forward", "following"):
            return following
        rank.take(np.add(i, 1, out=preceding), out=preceding, mode="wrap")
        preceding -= 1
        if roll in ("backward", "preceding"):
            return preceding
        if following.max() >= self.size or preceding.min() < 0:
            return None
        first, other = (
            (following, preceding)
            if roll == "modifiedfollowing"
            else (preceding, following)
        )
        landed = self.tl.business_days.take(first)
        np.putmask(first, _month(landed) != _month(days), other)
        return first


def offsetter(roll: str) -> Compute:
    """The whole-array busday_offset for one roll policy."""

    def compute(
        tl: Timeline, days: I64, n: I64, *, extremes: list[tuple[int, int]]
    ) -> Found:
        _check_reach(days, n, extremes)
        step = _Offset(tl, roll)
        size = max(days.size, n.size)
        out = np.empty(size, dtype=np.int64)
        buf = scratch(size, 3)
        for lo, hi in bounds(size):
            forward, backward = step(
                part(days, lo, hi), part(n, lo, hi), out[lo:hi], buf[:, : hi - lo]
            )
            if forward or backward:
                return None, forward, backward
        return out, False, False

    return compute
