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
from typing import Any, Literal, TypeAlias, TypeVar

import numpy as np

from .._core.timeline import Timeline
from .._core.units import FIRST_DAY, LAST_DAY, day_number, from_day_number
from .._core.zone import utc_to_local_day
from .._errors import HorizonError, NoOpenTimeError
from .algebra import Hours
from .algebra_compile import compile_hours

__all__ = ["Event", "Horizon"]

R = TypeVar("R")
Event: TypeAlias = Literal["open", "close"]
_YEAR_DAYS = 366
_JOIN_DAYS = 20 * 366  # ranges closer than this are compiled as one


def _year_start(day: int) -> int:
    return day_number(dt.date(from_day_number(day).year, 1, 1))


class Horizon:
    """The compiled timeline of opening (or combined) hours, grown on demand."""

    __slots__ = ("_bound_days", "_lock", "current", "hours")

    def __init__(self, hours: Hours, bound: dt.timedelta) -> None:
        self.hours = hours
        self._bound_days = max(1, -(-bound // dt.timedelta(days=1)))
        self._lock = threading.Lock()
        self.current: Timeline | None = None  # an immutable snapshot

    def day_of(self, instant_us: int) -> int:
        """Local day number of a UTC instant, checked against the supported range."""
        try:
            day = utc_to_local_day(instant_us, self.hours.tz)
        except (OverflowError, ValueError):
            day = instant_us // 86_400_000_000  # out of range: any day will do
        self.check_days(day, day)
        return day

    def check_days(self, first: int, last: int) -> None:
        """Raise HorizonError, naming the year, for days out of the supported range."""
        if first < FIRST_DAY or last > LAST_DAY:
            bad = first if first < FIRST_DAY else last
            if abs(bad) < 100_000_000:  # numpy dates reach far; name the year
                year = np.datetime64(bad, "D").astype("datetime64[Y]").astype(np.int64)
                where = f"a date in year {int(year) + 1970}"
            else:
                where = f"a date {abs(bad) // 365:,} years from 1970"
            raise HorizonError(
                f"{where} is outside the supported years 2-9998; check the "
                "instants and durations given (a unit mix-up in datetime64 values?)"
            )

    def cover_days(self, first: int, last: int) -> Timeline:
        """A timeline covering local days [first, last] (inclusive)."""
        tl = self.current
        if tl is not None and tl.day0 <= first and last < tl.day_end:
            return tl
        self.check_days(first, last)
        with self._lock:
            tl = self.current
            if tl is not None and tl.day0 <= first and last < tl.day_end:
                return tl
            start = _year_start(max(first, FIRST_DAY))
            stop = _year_start(min(last, LAST_DAY)) + 366
            stop = day_number(dt.date(from_day_number(stop).year, 1, 1))
            # Join the old range unless the new one is far from it: one query
            # in year 9000 should not compile every year since 2026.
            near = tl is not None and start - _JOIN_DAYS < tl.day_end
            if tl is not None and near and tl.day0 < stop + _JOIN_DAYS:
                start, stop = min(start, tl.day0), max(stop, tl.day_end)
            tl = compile_hours(self.hours, start, stop)
            self.current = tl
            return tl

    def cover(self, lo_us: int, hi_us: int) -> tuple[Timeline, int, int]:
        """A timeline whose [start_us, end_us) holds [lo_us, hi_us], and their days."""
        tl = self.current
        if tl is not None and tl.start_us <= lo_us and hi_us < tl.end_us:
            lo, hi = tl.local_day(np.array([lo_us, hi_us], dtype=np.int64)).tolist()
            return tl, lo, hi
        lo, hi = self.day_of(lo_us), self.day_of(hi_us)
        return self.cover_days(lo - 1, hi + 1), lo, hi

    def solve(
        self,
        tl: Timeline,
        lo_day: int,
        hi_day: int,
        compute: Callable[[Timeline], tuple[R, Any, Any]],
        event: Event = "open",
    ) -> R:
        """Run ``compute`` and grow the timeline until it needs no more days.

        ``compute`` returns (result, needs later days, needs earlier days).
        ``event`` is what the search waits for: open time, or a closing (a
        service open around the clock has open time but never closes).
        """
        while True:
            result, forward, backward = compute(tl)
            forward, backward = bool(np.any(forward)), bool(np.any(backward))
            if not (forward or backward):
                return result
            tl = self._grow(tl, (forward, backward), (lo_day, hi_day), event)

    def _grow(
        self,
        tl: Timeline,
        needs: tuple[bool, bool],
        asked: tuple[int, int],
        event: Event,
    ) -> Timeline:
        """A wider timeline, or NoOpenTimeError when a bound passed in vain."""
        seen_first, seen_last = _event_days(tl, event)
        # Doubling keeps long searches to a few recompilations; the bound
        # check above each step is what stops a search that finds nothing.
        step = max(tl.day_end - tl.day0, _YEAR_DAYS)
        first, last = tl.day0, tl.day_end - 1
        if needs[0]:
            seen = max(asked[1], tl.day0 if seen_last is None else seen_last)
            if tl.day_end - seen > self._bound_days:
                self._nothing_found(seen, "after", event)
            self.check_days(first, tl.day_end)
            last = min(tl.day_end + step, LAST_DAY)
        if needs[1]:
            seen = min(asked[0], tl.day_end - 1 if seen_first is None else seen_first)
            if seen - tl.day0 > self._bound_days:
                self._nothing_found(seen, "before", event)
            self.check_days(tl.day0 - 1, last)
            first = max(tl.day0 - step, FIRST_DAY)
        return self.cover_days(first, last)

    def _nothing_found(self, day: int, where: str, event: Event) -> None:
        what = "no open time" if event == "open" else "no closing"
        hint = "open at all" if event == "open" else "ever close"
        raise NoOpenTimeError(
            f"{what} within the search bound of {self._bound_days} days "
            f"{where} {from_day_number(day)}; check that the opening hours "
            f"{hint}, or raise search_bound"
        )


def _event_days(tl: Timeline, event: Event) -> tuple[int | None, int | None]:
    """The first and last day holding an event of the kind searched for."""
    if event == "open":
        days = tl.business_days
        return (int(days[0]), int(days[-1])) if days.size else (None, None)
    closes = tl.closes_us[(tl.closes_us > tl.start_us) & (tl.closes_us < tl.end_us)]
    if closes.size == 0:
        return None, None
    first, last = tl.local_day(closes[[0, -1]]).tolist()
    return first, last
