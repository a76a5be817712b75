"""``BusinessCalendar``: business-time arithmetic over one ``OpeningHours``.

Every operation takes a scalar (aware ``datetime``, ``timedelta``, ``date``)
and returns a scalar, or takes arrays (numpy ``datetime64`` read as UTC,
``timedelta64``, tz-aware pandas, polars or pyarrow objects) and returns
numpy arrays computed whole-array. NaT in gives NaT out. The methods convert
their inputs and call the calendar's int64 API (``kernel``).
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections.abc import Callable, Iterator
from typing import Any, overload

import numpy as np

from .._core.convert import (
    DurationsIn,
    InstantsIn,
    duration_array,
    duration_us,
    instant_array,
    instant_us,
    is_missing,
    is_scalar,
)
from .._core.units import EPOCH, I64, ONE_US
from .._errors import InvalidArgumentError, InvalidHoursError
from ..hours import OpeningHours
from .algebra import CombinedHours, Hours
from .algebra_ops import AlgebraMethods
from .clock_table import clock_table
from .days import DayMethods
from .horizon import Horizon
from .kernel import CalendarKernel
from .limits import END_US, FIRST_US, SPAN_DAYS, SPAN_YEARS
from .types import Bools, Boundary, Durations, Instants

__all__ = ["BusinessCalendar"]


def _closing(boundary: str) -> bool:
    if boundary != "next_open" and boundary != "close":  # noqa: PLR1714 (hot path)
        raise InvalidArgumentError(
            f"boundary must be 'next_open' or 'close', got {boundary!r}"
        )
    return boundary == "close"


def _positive(bound: object) -> dt.timedelta:
    if isinstance(bound, dt.timedelta) and dt.timedelta(0) < bound <= _MOST_BOUND:
        return bound
    raise InvalidArgumentError(
        f"search_bound must be a positive timedelta of at most {SPAN_YEARS} "
        f"years (one call covers no more), got {bound!r}"
    )


_MOST_BOUND = dt.timedelta(days=SPAN_DAYS)


class BusinessCalendar(DayMethods, AlgebraMethods):
    """Business-time arithmetic over opening hours, for one instant or millions.

    The business clock B(t) is the open time accumulated up to t. ``elapsed``
    is B(b) - B(a); ``add(t, d)`` is the latest instant u with B(u) <= B(t) + d,
    so ``responded <= add(received, d)`` exactly when
    ``elapsed(received, responded) <= d``.

    ``search_bound`` (ten years by default, 400 at most) limits how far a
    search for an opening or a closing may go before it raises
    ``NoOpenTimeError``, so a schedule with no open time cannot make a query
    run forever.

    ``hours`` may be a ``CombinedHours``, as ``a | b``, ``a & b`` and
    ``a - b`` of two calendars build (see ``AlgebraMethods``).

    >>> from zoneinfo import ZoneInfo
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    ... )
    >>> cal = BusinessCalendar(hours)
    >>> call = dt.datetime(2026, 3, 27, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))
    >>> cal.add(call, dt.timedelta(hours=4)).isoformat()
    '2026-03-30T14:30:00+02:00'
    """

    __slots__ = ("_bound", "_horizon", "_tz", "kernel")

    def __init__(
        self,
        hours: Hours,
        *,
        search_bound: dt.timedelta = dt.timedelta(days=3653),
    ) -> None:
        if not isinstance(hours, OpeningHours | CombinedHours):
            raise InvalidHoursError(
                f"expected OpeningHours, got {type(hours).__name__}; build one with "
                "OpeningHours.parse('Mo-Fr 09:00-17:00', tz='Europe/Paris')"
            )
        self._bound = _positive(search_bound)
        self._horizon = Horizon(hours, search_bound)
        self._tz = hours.tz
        self.kernel = CalendarKernel(self._horizon)
        """The int64 API: the same arithmetic on microseconds and day numbers."""

    @property
    def hours(self) -> Hours:
        """The opening hours (or combined hours) this calendar computes over."""
        return self._horizon.hours

    @property
    def search_bound(self) -> dt.timedelta:
        """How far a search for open time goes before ``NoOpenTimeError``."""
        return self._bound

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The calendar's IANA time zone."""
        return self._horizon.hours.tz

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.hours!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return (self.hours, self._bound) == (other.hours, other._bound)

    def __hash__(self) -> int:
        return hash((self.hours, self._bound))

    def __getstate__(self) -> tuple[Hours, dt.timedelta]:
        # Pickle the model only: small to ship, compiled lazily where it lands.
        return (self.hours, self._bound)

    def __setstate__(self, state: tuple[Hours, dt.timedelta]) -> None:
        self.__init__(state[0], search_bound=state[1])  # type: ignore[misc]

    # -- plumbing ---------------------------------------------------------

    def _datetime(self, us: int) -> dt.datetime:
        return (EPOCH + ONE_US * us).astimezone(self._tz)

    # -- instants ---------------------------------------------------------

    @overload
    def is_open(self, t: dt.datetime) -> bool: ...
    @overload
    def is_open(self, t: InstantsIn) -> Bools: ...
    def is_open(self, t: Any) -> Any:
        """Whether open at ``t``: open at an opening, closed at a closing.

        >>> morning = dt.datetime(2026, 3, 27, 9, tzinfo=paris)
        >>> noon = dt.datetime(2026, 3, 27, 12, tzinfo=paris)
        >>> cal.is_open(morning), cal.is_open(noon)
        (True, False)
        """
        if is_scalar(t):
            return bool(self.kernel.is_open(np.array([instant_us(t)]))[0])
        return self.kernel.is_open(instant_array(t))

    def _instant_op(self, t: Any, compute: Callable[[I64], I64]) -> Any:
        if is_scalar(t):
            return self._datetime(int(compute(np.array([instant_us(t)]))[0]))
        return compute(instant_array(t)).view("datetime64[us]")

    @overload
    def next_open(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def next_open(self, t: InstantsIn) -> Instants: ...
    def next_open(self, t: Any) -> Any:
        """``t`` if open, else the next opening.

        >>> cal.next_open(dt.datetime(2026, 3, 27, 12, 30, tzinfo=paris)).isoformat()
        '2026-03-27T14:00:00+01:00'
        """
        return self._instant_op(t, self.kernel.next_open)

    @overload
    def next_close(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def next_close(self, t: InstantsIn) -> Instants: ...
    def next_close(self, t: Any) -> Any:
        """The first closing strictly after ``t``.

        >>> cal.next_close(dt.datetime(2026, 3, 27, 12, tzinfo=paris)).isoformat()
        '2026-03-27T17:00:00+01:00'
        """
        return self._instant_op(t, self.kernel.next_close)

    @overload
    def previous_close(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def previous_close(self, t: InstantsIn) -> Instants: ...
    def previous_close(self, t: Any) -> Any:
        """The latest closing at or before ``t``.

        >>> cal.previous_close(dt.datetime(2026, 3, 30, 9, tzinfo=paris)).isoformat()
        '2026-03-27T17:00:00+01:00'
        """
        return self._instant_op(t, self.kernel.previous_close)

    # -- business time ------------------------------------------------------

    @overload
    def add(
        self, t: dt.datetime, d: dt.timedelta, *, boundary: Boundary = "next_open"
    ) -> dt.datetime: ...
    @overload
    def add(
        self, t: InstantsIn, d: DurationsIn, *, boundary: Boundary = "next_open"
    ) -> Instants: ...
    def add(self, t: Any, d: Any, *, boundary: Boundary = "next_open") -> Any:
        """Add business time ``d`` (either sign) to ``t``.

        The default answer is the latest instant whose business clock is at
        most B(t) + d: a deadline landing on a closing moves to the next
        opening, since no business time passes in between. For display,
        ``boundary="close"`` gives the earliest such instant instead ("due by
        Friday 17:00"); both stand for the same business time.

        >>> friday = dt.datetime(2026, 3, 27, 16, tzinfo=paris)
        >>> cal.add(friday, dt.timedelta(hours=1)).isoformat()
        '2026-03-30T09:00:00+02:00'
        >>> cal.add(friday, dt.timedelta(hours=1), boundary="close").isoformat()
        '2026-03-27T17:00:00+01:00'
        """
        closing = boundary == "close"
        if not closing and boundary != "next_open":
            _closing(boundary)  # raises, naming the allowed values
        if isinstance(t, dt.datetime):
            if isinstance(d, dt.timedelta):  # the common case, tested first
                return self._add_scalar(t, d, closing)
            if isinstance(d, np.timedelta64) and not np.isnat(d):
                d = dt.timedelta(microseconds=int(duration_array(d)))
                return self._add_scalar(t, d, closing)
        out = self.kernel.add(instant_array(t), duration_array(d), closing=closing)
        return out.view("datetime64[us]")

    def _add_scalar(
        self, t: dt.datetime, d: dt.timedelta, closing: bool
    ) -> dt.datetime:
        """The scalar fast path: a deadline costs a few microseconds."""
        # pandas' NaT is a datetime subclass that is no instant; a plain
        # datetime never is, so it skips the check.
        if type(t) is not dt.datetime and is_missing(t):
            instant_us(t)  # raises the missing-instant error
        try:
            t_us = (t - EPOCH) // ONE_US
        except TypeError:
            t_us = instant_us(t)  # raises the naive-datetime error
        tl = self._horizon.current
        # Instants at the edges of the supported years take the checked path.
        if (
            tl is not None
            and tl.start_us <= t_us < tl.end_us
            and FIRST_US <= t_us < END_US
        ):
            u = tl.add1(t_us, d // ONE_US, closing)
            if u is not None:
                # ONE_US * u: half the cost of timedelta(microseconds=u).
                return (EPOCH + ONE_US * u).astimezone(self._tz)
        # Outside the compiled days: the array path grows the horizon first.
        one = self.kernel.add(
            np.array([t_us]), np.array([duration_us(d)]), closing=closing
        )
        return self._datetime(int(one[0]))

    @overload
    def elapsed(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta: ...
    @overload
    def elapsed(self, a: InstantsIn, b: InstantsIn) -> Durations: ...
    def elapsed(self, a: Any, b: Any) -> Any:
        """Business time in [a, b): B(b) - B(a), negative when b < a.

        >>> friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris)
        >>> monday = dt.datetime(2026, 3, 30, 14, 30, tzinfo=paris)
        >>> cal.elapsed(friday, monday)
        datetime.timedelta(seconds=14400)
        """
        if is_scalar(a) and is_scalar(b):
            a_us, b_us = instant_us(a), instant_us(b)
            tl = self._horizon.current
            lo, hi = min(a_us, b_us), max(a_us, b_us)
            fits = lo >= FIRST_US and hi < END_US
            if tl is None or not (fits and tl.start_us <= lo and hi < tl.end_us):
                tl, _, _ = self._horizon.cover(lo, hi)
            return dt.timedelta(microseconds=tl.clock1(b_us) - tl.clock1(a_us))
        return self.kernel.elapsed(instant_array(a), instant_array(b)).view(
            "timedelta64[us]"
        )

    def open_intervals(
        self, start: dt.datetime, end: dt.datetime
    ) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """The open intervals within [start, end), clipped to it, in order.

        >>> [
        ...     (o.strftime("%a %H:%M"), c.strftime("%H:%M"))
        ...     for o, c in cal.open_intervals(
        ...         dt.datetime(2026, 3, 27, 10, tzinfo=paris),
        ...         dt.datetime(2026, 3, 30, 10, tzinfo=paris),
        ...     )
        ... ]
        [('Fri 10:00', '12:00'), ('Fri 14:00', '17:00'), ('Mon 09:00', '10:00')]
        """
        # Built eagerly, so bad arguments raise at the call, not on iteration.
        opens, closes = self._intervals_us(start, end)
        pairs = zip(opens.tolist(), closes.tolist(), strict=True)
        return iter([(self._datetime(o), self._datetime(c)) for o, c in pairs])

    def opening_arrays(self, start: dt.datetime, end: dt.datetime) -> tuple[I64, I64]:
        """(opens_us, closes_us): merged open intervals within [start, end), clipped.

        int64 UTC microseconds since the epoch, for interop and benchmarks.
        """
        return self._intervals_us(start, end)

    def _intervals_us(self, start: dt.datetime, end: dt.datetime) -> tuple[I64, I64]:
        lo, hi = instant_us(start), instant_us(end)
        if hi <= lo:
            empty = np.empty(0, dtype=np.int64)
            return empty, empty
        tl, _, _ = self._horizon.cover(lo, hi)
        first = int(np.searchsorted(tl.closes_us, lo, side="right"))
        last = int(np.searchsorted(tl.opens_us, hi, side="left"))
        opens = np.maximum(tl.opens_us[first:last], lo)
        closes = np.minimum(tl.closes_us[first:last], hi)
        return opens, closes

    def clock_table(
        self,
        start: dt.datetime,
        end: dt.datetime,
        *,
        parquet: str | os.PathLike[str] | None = None,
    ) -> Any:
        """The business clock of [start, end) as a pyarrow Table, for SQL engines.

        One row per closed or open segment (``starts``, ``ends``, their int64
        ``starts_us``, ``ends_us``, ``is_open``, ``cum_us``: business time
        before the segment); with ``parquet``, also written to that file.
        See ``calendar.clock_table`` and ``servicecharter.sql.clock_sql``.

        >>> table = cal.clock_table(
        ...     dt.datetime(2026, 3, 27, tzinfo=paris),
        ...     dt.datetime(2026, 3, 28, tzinfo=paris),
        ... )
        >>> table.column("is_open").to_pylist()
        [False, True, False, True, False]
        """
        return clock_table(self, start, end, parquet=parquet)
