"""The calendar's int64 API: whole-array arithmetic on microseconds and day numbers.

Layers above the calendar (rules, compliance, integrations) convert their
inputs once, at the edge, and then call these methods with int64 arrays:
instants as microseconds since the Unix epoch (UTC), durations in
microseconds, local dates as days since 1970-01-01, NaT as the minimum
int64. Nothing is converted or copied on the way; NaT in gives NaT out
(``False`` for the boolean answers), and nowhere else: the instant
operations raise rather than answer NaT. Given a list as ``nat_seen``, they
append whether any argument had NaT, so that a caller building a nullable
column needs no pass of its own to find out. ``BusinessCalendar`` is this
API behind the converters of every instant form.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.timeline import Found, Timeline
from .._core.units import B1, I64, NAT
from .._errors import InvalidArgumentError
from . import busdays
from .broadcast import Compute, broadcast_run
from .horizon import Event, Horizon
from .limits import SPAN_US, too_far

__all__ = ["CalendarKernel"]


def _integers(value: Any) -> I64:
    """An int64 array (no copy when it is one already), else the library's error."""
    if isinstance(value, np.ndarray) and value.dtype == np.int64:
        return value
    array = np.asarray(value) if not isinstance(value, str | bytes) else None
    whole = array is not None and array.dtype.kind in "iu"
    if array is None or not whole or not np.can_cast(array.dtype, np.int64):
        raise InvalidArgumentError(
            f"the calendar's int64 API takes whole-number arrays (microseconds "
            f"since the epoch, microseconds of duration or day numbers), got "
            f"{type(value).__name__}; BusinessCalendar's own methods read datetimes"
        )
    return array.astype(np.int64, copy=False)


class CalendarKernel:
    """Business-time arithmetic on int64 arrays over one compiled horizon.

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    >>> friday_16h = np.array(["2026-03-27T16:00"], "M8[us]").view(np.int64)
    >>> hour = np.array([3_600_000_000])
    >>> cal.kernel.add(friday_16h, hour).view("M8[us]")
    array(['2026-03-30T09:00:00.000000'], dtype='datetime64[us]')
    """

    __slots__ = ("horizon",)

    def __init__(self, horizon: Horizon) -> None:
        self.horizon = horizon

    def _run(
        self,
        arrays: list[I64],
        kinds: str,
        compute: Compute,
        *,
        fill: Any = NAT,
        dtype: Any = np.int64,
        event: Event = "open",
        nat_seen: list[bool] | None = None,
    ) -> npt.NDArray[Any]:
        checked = [_integers(a) for a in arrays]
        return broadcast_run(
            self.horizon,
            checked,
            kinds,
            compute,
            fill=fill,
            dtype=dtype,
            event=event,
            nat_seen=nat_seen,
        )

    # -- instants ---------------------------------------------------------

    def is_open(self, t: I64) -> B1:
        """Whether open at each instant."""
        return self._run([t], "t", _is_open, fill=False, dtype=bool)

    def next_open(self, t: I64, *, nat_seen: list[bool] | None = None) -> I64:
        """Each instant if open, else the next opening."""
        return self._run([t], "t", _next_open, nat_seen=nat_seen)

    def next_close(self, t: I64, *, nat_seen: list[bool] | None = None) -> I64:
        """The first closing strictly after each instant."""
        return self._run([t], "t", _next_close, event="close", nat_seen=nat_seen)

    def previous_close(self, t: I64, *, nat_seen: list[bool] | None = None) -> I64:
        """The latest closing at or before each instant."""
        return self._run([t], "t", _previous_close, event="close", nat_seen=nat_seen)

    def add(
        self,
        t: I64,
        d: I64,
        *,
        closing: bool = False,
        nat_seen: list[bool] | None = None,
    ) -> I64:
        """Add business time ``d`` (us, either sign) to instants ``t``.

        ``closing`` gives the earliest instant with that business time (the
        ``boundary="close"`` answer) instead of the latest.
        """
        return self._run([t, d], "tm", adder(closing), nat_seen=nat_seen)

    def elapsed(self, a: I64, b: I64) -> I64:
        """Business time in [a, b) in microseconds, negative when b < a."""
        return self._run([a, b], "tt", _elapsed)

    def local_day(self, t: I64) -> I64:
        """The local date of each instant, as days since 1970-01-01."""
        return self._run([t], "t", _local_day)

    # -- days -------------------------------------------------------------

    def day_start(self, days: I64) -> I64:
        """The instant each local date starts (its midnight, or a DST gap's end)."""
        return self._run([days], "d", _day_start)

    def first_open(self, days: I64) -> I64:
        """The first opening of the ranges of each date; NaT when it has none."""
        return self._run([days], "d", _first_open)

    def last_close(self, days: I64) -> I64:
        """The last closing of the ranges of each date; NaT when it has none."""
        return self._run([days], "d", _last_close)

    def is_business_day(self, days: I64) -> B1:
        """Whether each date has open time."""
        return self._run([days], "d", busdays.is_business_day, fill=False, dtype=bool)

    def add_business_days(self, days: I64, n: I64, roll: str = "raise") -> I64:
        """``numpy.busday_offset`` on day numbers, with a checked ``roll``."""
        compute = busdays.offsetter(busdays.check_roll(roll))
        return self._run([days, n], "dn", compute)

    def count_business_days(self, begin: I64, end: I64) -> I64:
        """``numpy.busday_count`` on day numbers (no NaT allowed)."""
        return self._run([begin, end], "dd", busdays.count, fill=0)


def _is_open(tl: Timeline, t: I64, *, extremes: Any) -> Found:
    return tl.is_open(t), False, False


def _next_open(tl: Timeline, t: I64, *, extremes: list[tuple[int, int]]) -> Found:
    return tl.next_open(t, extremes[0])


def _next_close(tl: Timeline, t: I64, *, extremes: list[tuple[int, int]]) -> Found:
    return tl.next_close(t, extremes[0])


def _previous_close(tl: Timeline, t: I64, *, extremes: list[tuple[int, int]]) -> Found:
    return tl.previous_close(t, extremes[0])


def _local_day(tl: Timeline, t: I64, *, extremes: Any) -> Found:
    return tl.local_day(t), False, False


def _day_start(tl: Timeline, days: I64, *, extremes: Any) -> Found:
    return tl.on_days(tl.days.midnights, days), False, False


def _first_open(tl: Timeline, days: I64, *, extremes: Any) -> Found:
    return tl.on_days(tl.days.first_open, days), False, False


def _last_close(tl: Timeline, days: I64, *, extremes: Any) -> Found:
    return tl.on_days(tl.days.last_close, days), False, False


def _elapsed(tl: Timeline, a: I64, b: I64, *, extremes: Any) -> Found:
    return tl.elapsed(a, b), False, False


def adder(closing: bool) -> Compute:
    """The whole-array ``add`` on one timeline, for one boundary."""

    def compute(
        tl: Timeline, t: I64, d: I64, *, extremes: list[tuple[int, int]]
    ) -> Found:
        # B rises at most a second a second: an answer d of business time
        # away is at least d away, so past the span it is refused at once.
        (t_lo, t_hi), (d_lo, d_hi) = extremes
        if d_hi > SPAN_US or d_lo < -SPAN_US:
            start = t_lo if d_hi > SPAN_US else t_hi
            day = int(tl.local_day(np.array([start], dtype=np.int64))[0])
            raise too_far(day, after=d_hi > SPAN_US)
        return tl.add(t, d, closing, (t_lo, t_hi))

    return compute
