"""Lazy, thread-safe compilation of a calendar's timeline over the dates asked for.

A ``Horizon`` holds the immutable ``Timeline`` last compiled (``current``)
and the few before it. A query outside them compiles a wider one (whole
years, joined with the current one when near) under a lock; readers never
block, since they keep the snapshot they started with. A search that needs
more than the compiled range grows it step by step, and gives up with
``NoOpenTimeError`` once a whole ``bound`` has passed with no open time. No
timeline covers more than the span of ``limits``, nor days outside it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any, Literal, TypeAlias, TypeVar

from .._core.timeline import Timeline
from .._core.units import DAY_US, day_number, from_day_number
from .._core.zone import utc_to_local_day
from .._errors import NoOpenTimeError
from . import limits
from .algebra import Hours
from .algebra_compile import compile_hours
from .limits import COMPILE_FIRST, COMPILE_LAST, SPAN_DAYS

__all__ = ["Event", "Horizon"]

R = TypeVar("R")
Event: TypeAlias = Literal["open", "close"]
_YEAR_DAYS = 366
_JOIN_DAYS = 20 * 366  # ranges closer than this are compiled as one
_KEEP = 4  # timelines kept, so calls alternating between eras do not recompile


def _year_start(day: int) -> int:
    return day_number(dt.date(from_day_number(day).year, 1, 1))


def _next_year_start(day: int) -> int:
    year = from_day_number(day).year
    return COMPILE_LAST + 1 if year >= 9999 else day_number(dt.date(year + 1, 1, 1))


def _covers(tl: Timeline | None, first: int, last: int) -> bool:
    return tl is not None and tl.day0 <= first and last < tl.day_end


class Horizon:
    """The compiled timeline of opening (or combined) hours, grown on demand."""

    __slots__ = ("_bound_days", "_lock", "_recent", "current", "hours")

    def __init__(self, hours: Hours, bound: dt.timedelta) -> None:
        self.hours = hours
        self._bound_days = max(1, -(-bound // dt.timedelta(days=1)))
        self._lock = threading.Lock()
        self.current: Timeline | None = None  # an immutable snapshot
        self._recent: tuple[Timeline, ...] = ()

    check_days = staticmethod(limits.check_days)

    def day_of(self, instant_us: int) -> int:
        """Local day number of a UTC instant, checked against the supported range."""
        try:
            day: int | None = utc_to_local_day(instant_us, self.hours.tz)
        except (OverflowError, ValueError):  # past Python's dates
            day = None
        limits.check_instant(instant_us, day)
        assert day is not None
        return day

    def _find(self, first: int, last: int) -> Timeline | None:
        if _covers(self.current, first, last):
            return self.current
        for tl in self._recent:
            if _covers(tl, first, last):
                self.current = tl  # what the scalar paths read next
                return tl
        return None

    def cover_days(self, first: int, last: int) -> Timeline:
        """A timeline covering local days [first, last] (inclusive).

        The days are clipped to those ever compiled (see ``limits``).
        """
        first, last = max(first, COMPILE_FIRST), min(last, COMPILE_LAST)
        found = self._find(first, last)
        if found is not None:
            return found
        limits.check_span(first, last)
        with self._lock:
            found = self._find(first, last)
            if found is not None:
                return found
            start = max(_year_start(first), COMPILE_FIRST)
            stop = min(_next_year_start(last), COMPILE_LAST + 1)
            # Join the current range when near it and the union stays within
            # the span: one query in year 9000 should not compile every year
            # since 2026.
            tl = self.current
            if tl is not None:
                lo, hi = min(start, tl.day0), max(stop, tl.day_end)
                near = start - _JOIN_DAYS < tl.day_end and tl.day0 < stop + _JOIN_DAYS
                if near and hi - lo <= SPAN_DAYS:
                    start, stop = lo, hi
            tl = compile_hours(self.hours, start, stop)
            kept = (tl, *self._recent)[:_KEEP]
            self._recent, self.current = kept, tl
            return tl

    def cover(self, lo_us: int, hi_us: int) -> tuple[Timeline, int, int]:
        """A timeline whose [start_us, end_us) holds [lo_us, hi_us], and their days."""
        tl = self.current
        fits = lo_us >= limits.FIRST_US and hi_us < limits.END_US
        if fits and tl is not None and tl.start_us <= lo_us and hi_us < tl.end_us:
            return tl, tl.local_day1(lo_us), tl.local_day1(hi_us)
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
            if not (forward or backward):
                return result
            tl = self._grow(tl, (int(forward), int(backward)), (lo_day, hi_day), event)

    def _grow(
        self,
        tl: Timeline,
        needs: tuple[int, int],
        asked: tuple[int, int],
        event: Event,
    ) -> Timeline:
        """A wider timeline, or an error when a bound or an edge is reached.

        ``needs`` says, for later and earlier days, 0 when none are needed,
        else how far the answer may lie, a guess in microseconds.
        """
        seen_first, seen_last = _event_days(tl, event)
        # Doubling keeps long searches to a few recompilations, and a guess of
        # how far an answer lies (an add) jumps there at once; the bound check
        # above each step is what stops a search that finds nothing.
        guess = max(needs) * 5 // 4 // DAY_US + 1
        step = min(max(tl.day_end - tl.day0, _YEAR_DAYS, guess), SPAN_DAYS)
        first, last = tl.day0, tl.day_end - 1
        if needs[0]:
            seen = max(asked[1], tl.day0 if seen_last is None else seen_last)
            if tl.day_end - seen > self._bound_days:
                self._nothing_found(seen, "after", event)
            if tl.day_end > COMPILE_LAST:
                raise limits.past_the_edge(COMPILE_LAST, after=True)
            last = min(tl.day_end + step, COMPILE_LAST)
        if needs[1]:
            seen = min(asked[0], tl.day_end - 1 if seen_first is None else seen_first)
            if seen - tl.day0 > self._bound_days:
                self._nothing_found(seen, "before", event)
            if tl.day0 <= COMPILE_FIRST:
                raise limits.past_the_edge(COMPILE_FIRST, after=False)
            first = max(tl.day0 - step, COMPILE_FIRST)
        return self.cover_days(*_within_span(tl, first, last, needs, asked))

    def _nothing_found(self, day: int, where: str, event: Event) -> None:
        what = "no open time" if event == "open" else "no closing"
        hint = "open at all" if event == "open" else "ever close"
        raise NoOpenTimeError(
            f"{what} within the search bound of {self._bound_days} days "
            f"{where} {from_day_number(day)}; check that the opening hours "
            f"{hint}, or raise search_bound"
        )


def _within_span(
    tl: Timeline,
    first: int,
    last: int,
    needs: tuple[int, int],
    asked: tuple[int, int],
) -> tuple[int, int]:
    """[first, last] cut to the span, keeping the days asked for, or an error."""
    if last - first + 1 <= SPAN_DAYS:
        return first, last
    if not needs[1]:  # growing later: the days before those asked can go
        first = max(first, asked[0] - 1)
        last = min(last, first + SPAN_DAYS - 1)
        if last < tl.day_end:  # no day gained: the span is used up
            raise limits.too_far(asked[0], after=True)
    elif not needs[0]:
        last = min(last, asked[1] + 1)
        first = max(first, last - SPAN_DAYS + 1)
        if first >= tl.day0:
            raise limits.too_far(asked[1], after=False)
    else:
        limits.check_span(first, last)
    return first, last


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
