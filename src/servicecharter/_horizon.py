"""Lazy, thread-safe compilation of a calendar's timeline over the dates asked for.

A ``Horizon`` holds one immutable ``Timeline`` at a time. A query outside it
compiles a wider one (whole years, the union with the old one) under a lock;
readers never block, since they keep the snapshot they started with. A search
that needs more than the compiled range grows it step by step, and gives up
with ``NoOpenTimeError`` once a whole ``bound`` has passed with no open time.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from ._compile import compile_days, day_number, from_day_number
from ._errors import HorizonError, NoOpenTimeError
from ._timeline import Timeline
from ._zone import utc_to_local_day
from .hours import OpeningHours

__all__ = ["Horizon"]

R = TypeVar("R")
_FIRST_DAY = day_number(dt.date(2, 1, 1))
_LAST_DAY = day_number(dt.date(9998, 12, 31))
_YEAR_DAYS = 366


def _year_start(day: int) -> int:
    return day_number(dt.date(from_day_number(day).year, 1, 1))


class Horizon:
    """The compiled timeline of one ``OpeningHours``, grown on demand."""

    __slots__ = ("_bound_days", "_lock", "current", "hours")

    def __init__(self, hours: OpeningHours, bound: dt.timedelta) -> None:
        self.hours = hours
        self._bound_days = max(1, -(-bound // dt.timedelta(days=1)))
        self._lock = threading.Lock()
        self.current: Timeline | None = None  # an immutable snapshot

    def day_of(self, instant_us: int) -> int:
        """Local day number of a UTC instant, checked against the supported range."""
        try:
            day = utc_to_local_day(instant_us, self.hours.tz)
        except (OverflowError, ValueError):
            day = _LAST_DAY + 1 if instant_us > 0 else _FIRST_DAY - 1
        self._check_days(day, day)
        return day

    def _check_days(self, first: int, last: int) -> None:
        if first < _FIRST_DAY or last > _LAST_DAY:
            bad = first if first < _FIRST_DAY else last
            raise HorizonError(
                f"an instant around year {1970 + bad / 365.2425:.0f} is outside the "
                "supported years 2-9998; check the instants and durations given "
                "(a unit mix-up in datetime64 values?)"
            )

    def cover_days(self, first: int, last: int) -> Timeline:
        """A timeline covering local days [first, last] (inclusive)."""
        tl = self.current
        if tl is not None and tl.day0 <= first and last < tl.day_end:
            return tl
        self._check_days(first, last)
        with self._lock:
            tl = self.current
            if tl is not None and tl.day0 <= first and last < tl.day_end:
                return tl
            start = _year_start(max(first, _FIRST_DAY))
            stop = _year_start(min(last, _LAST_DAY)) + 366
            stop = day_number(dt.date(from_day_number(stop).year, 1, 1))
            if tl is not None:
                start, stop = min(start, tl.day0), max(stop, tl.day_end)
            tl = compile_days(self.hours, start, stop)
            self.current = tl
            return tl

    def cover(self, lo_us: int, hi_us: int) -> tuple[Timeline, int, int]:
        """A timeline whose [start_us, end_us) holds [lo_us, hi_us], and their days."""
        tl = self.current
        if tl is not None and tl.start_us <= lo_us and hi_us < tl.end_us:
            return tl, tl.day0, tl.day_end - 1
        lo, hi = self.day_of(lo_us), self.day_of(hi_us)
        return self.cover_days(lo - 1, hi + 1), lo, hi

    def solve(
        self,
        tl: Timeline,
        lo_day: int,
        hi_day: int,
        compute: Callable[[Timeline], tuple[R, Any, Any]],
    ) -> R:
        """Run ``compute`` and grow the timeline until it needs no more days.

        ``compute`` returns (result, needs later days, needs earlier days).
        """
        while True:
            result, forward, backward = compute(tl)
            forward, backward = bool(np.any(forward)), bool(np.any(backward))
            if not (forward or backward):
                return result
            tl = self._grow(tl, forward, backward, lo_day, hi_day)

    def _grow(
        self, tl: Timeline, forward: bool, backward: bool, lo: int, hi: int
    ) -> Timeline:
        days = tl.business_days
        step = min(max(tl.day_end - tl.day0, _YEAR_DAYS), self._bound_days)
        first, last = tl.day0, tl.day_end - 1
        if forward:
            seen = max(hi, int(days[-1]) if days.size else tl.day0)
            if tl.day_end - seen > self._bound_days:
                self._no_open_time(seen, "after")
            self._check_days(first, tl.day_end)
            last = min(tl.day_end + step, _LAST_DAY)
        if backward:
            seen = min(lo, int(days[0]) if days.size else tl.day_end - 1)
            if seen - tl.day0 > self._bound_days:
                self._no_open_time(seen, "before")
            self._check_days(tl.day0 - 1, last)
            first = max(tl.day0 - step, _FIRST_DAY)
        return self.cover_days(first, last)

    def _no_open_time(self, day: int, where: str) -> None:
        raise NoOpenTimeError(
            f"no open time within the search bound of {self._bound_days} days "
            f"{where} {from_day_number(day)}; check that the opening hours open "
            "at all, or raise search_bound"
        )
