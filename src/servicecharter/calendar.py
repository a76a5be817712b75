"""``BusinessCalendar``: business-time arithmetic over one ``OpeningHours``.

Every operation takes a scalar (aware ``datetime``, ``timedelta``, ``date``)
and returns a scalar, or takes arrays (numpy ``datetime64`` read as UTC,
``timedelta64``, tz-aware pandas, polars or pyarrow objects) and returns
numpy arrays computed whole-array. NaT in gives NaT out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, Literal, TypeAlias, overload

import numpy as np
import numpy.typing as npt

from . import _busdays as busdays
from ._busdays import Roll
from ._convert import (
    NAT,
    days_array,
    duration_array,
    duration_us,
    instant_array,
    instant_us,
    is_scalar,
)
from ._errors import (
    InvalidArgumentError,
    InvalidHoursError,
    InvalidInstantError,
    NaiveDatetimeError,
)
from ._horizon import Event, Horizon
from ._timeline import Timeline
from ._zone import EPOCH
from .hours import OpeningHours

__all__ = ["Boundary", "BusinessCalendar", "Roll"]

Boundary: TypeAlias = Literal["next_open", "close"]
"""Which of the instants with the same business time ``add`` returns.

``"next_open"`` (the default) is the latest, the one to judge responses by: a
deadline that lands on a closing moves to the next opening. ``"close"`` is the
earliest, the one to display ("due by Friday 17:00").
"""
I64: TypeAlias = npt.NDArray[np.int64]
Instants: TypeAlias = npt.NDArray[np.datetime64]
Durations: TypeAlias = npt.NDArray[np.timedelta64]
Bools: TypeAlias = npt.NDArray[np.bool_]
ArrayIn: TypeAlias = Any
_ONE_US = dt.timedelta(microseconds=1)


def _closing(boundary: str) -> bool:
    if boundary != "next_open" and boundary != "close":  # noqa: PLR1714 (hot path)
        raise InvalidArgumentError(
            f"boundary must be 'next_open' or 'close', got {boundary!r}"
        )
    return boundary == "close"


def _positive(bound: object) -> dt.timedelta:
    if isinstance(bound, dt.timedelta) and bound > dt.timedelta(0):
        return bound
    raise InvalidArgumentError(
        f"search_bound must be a positive timedelta, got {bound!r}"
    )


class BusinessCalendar:
    """Business-time arithmetic over opening hours, for one instant or millions.

    The business clock B(t) is the open time accumulated up to t. ``elapsed``
    is B(b) - B(a); ``add(t, d)`` is the latest instant u with B(u) <= B(t) + d,
    so ``responded <= add(received, d)`` exactly when
    ``elapsed(received, responded) <= d``.

    ``search_bound`` (ten years by default) limits how far a search for an
    opening or a closing may go before it raises ``NoOpenTimeError``, so a
    schedule with no open time cannot make a query run forever.

    >>> from zoneinfo import ZoneInfo
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    ... )
    >>> cal = BusinessCalendar(hours)
    >>> call = dt.datetime(2026, 3, 27, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))
    >>> cal.add(call, dt.timedelta(hours=4)).isoformat()
    '2026-03-30T14:30:00+02:00'
    """

    __slots__ = ("_bound", "_horizon", "_tz")

    def __init__(
        self,
        hours: OpeningHours,
        *,
        search_bound: dt.timedelta = dt.timedelta(days=3653),
    ) -> None:
        if not isinstance(hours, OpeningHours):
            raise InvalidHoursError(
                f"expected OpeningHours, got {type(hours).__name__}; build one with "
                "OpeningHours.parse('Mo-Fr 09:00-17:00', tz='Europe/Paris')"
            )
        self._bound = _positive(search_bound)
        self._horizon = Horizon(hours, search_bound)
        self._tz = hours.tz

    @property
    def hours(self) -> OpeningHours:
        """The opening hours this calendar computes over."""
        return self._horizon.hours

    @property
    def tz(self) -> dt.tzinfo:
        """The calendar's IANA time zone."""
        return self._tz

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.hours!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return (self.hours, self._bound) == (other.hours, other._bound)

    def __hash__(self) -> int:
        return hash((self.hours, self._bound))

    def __getstate__(self) -> tuple[OpeningHours, dt.timedelta]:
        # Pickle the model only: small to ship, compiled lazily where it lands.
        return (self.hours, self._bound)

    def __setstate__(self, state: tuple[OpeningHours, dt.timedelta]) -> None:
        self.__init__(state[0], search_bound=state[1])  # type: ignore[misc]

    # -- plumbing ---------------------------------------------------------

    def _datetime(self, us: int) -> dt.datetime:
        return (EPOCH + dt.timedelta(microseconds=us)).astimezone(self._tz)

    def _solve1(
        self, t_us: int, compute: Callable[[Timeline], tuple[Any, Any, Any]]
    ) -> Any:
        tl, lo, hi = self._horizon.cover(t_us, t_us)
        return self._horizon.solve(tl, lo, hi, compute)

    def _map(
        self,
        arrays: list[I64],
        kinds: str,
        compute: Callable[..., tuple[Any, Any, Any]],
        fill: Any,
        dtype: Any,
        *,
        event: Event = "open",
    ) -> Any:
        """Run ``compute(timeline, *flat_arrays)`` over the elements with no NaT.

        ``kinds`` has a letter per array: ``t`` instants (us), ``d`` day
        numbers, ``m`` durations (us), ``n`` plain integers. The first ``t``
        or ``d`` arrays decide the range of days to compile.
        """
        try:
            shape = np.broadcast_shapes(*(a.shape for a in arrays))
        except ValueError:
            shapes = ", ".join(str(a.shape) for a in arrays)
            raise InvalidArgumentError(
                f"array shapes {shapes} do not broadcast together; give arrays of "
                "the same shape, or a single value for one of them"
            ) from None
        size = int(np.prod(shape))
        # A one-element array (a scalar duration, say) stays one element and
        # broadcasts inside ``compute``, rather than being copied a million times.
        flat = [
            a.reshape(1) if a.size == 1 else np.broadcast_to(a, shape).ravel()
            for a in arrays
        ]
        nat = np.zeros(size, dtype=bool)
        for a, kind in zip(flat, kinds, strict=True):
            if kind != "n":
                nat |= a == NAT
        keep = None
        if nat.any():
            keep = ~nat
            flat = [a if a.size == 1 else a[keep] for a in flat]
        if size == 0 or (keep is not None and not keep.any()):
            return np.full(shape, fill, dtype=dtype)
        spans = [
            (int(a.min()), int(a.max()))
            for a, k in zip(flat, kinds, strict=True)
            if k in "td"
        ]
        lo, hi = min(x for x, _ in spans), max(y for _, y in spans)
        if "t" in kinds:
            tl, lo, hi = self._horizon.cover(lo, hi)
        else:
            self._horizon.check_days(lo, hi)
            tl = self._horizon.cover_days(lo - 1, hi + 1)
        result = self._horizon.solve(tl, lo, hi, lambda tl: compute(tl, *flat), event)
        if keep is not None:
            out = np.full(nat.size, fill, dtype=dtype)
            out[keep] = result
            result = out
        return np.asarray(result, dtype=dtype).reshape(shape)

    # -- instants ---------------------------------------------------------

    @overload
    def is_open(self, t: dt.datetime) -> bool: ...
    @overload
    def is_open(self, t: ArrayIn) -> Bools: ...
    def is_open(self, t: Any) -> Any:
        """Whether open at ``t``: open at an opening, closed at a closing.

        >>> morning = dt.datetime(2026, 3, 27, 9, tzinfo=paris)
        >>> noon = dt.datetime(2026, 3, 27, 12, tzinfo=paris)
        >>> cal.is_open(morning), cal.is_open(noon)
        (True, False)
        """
        if is_scalar(t):
            return bool(
                self._map([np.array([instant_us(t)])], "t", _is_open, False, bool)[0]
            )
        return self._map([instant_array(t)], "t", _is_open, False, bool)

    def _instant_op(
        self, t: Any, compute: Callable[..., Any], event: Event = "open"
    ) -> Any:
        if is_scalar(t):
            one = np.array([instant_us(t)])
            us = self._map([one], "t", compute, NAT, np.int64, event=event)
            return self._datetime(int(us[0]))
        out = self._map([instant_array(t)], "t", compute, NAT, np.int64, event=event)
        return out.view("datetime64[us]")

    @overload
    def next_open(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def next_open(self, t: ArrayIn) -> Instants: ...
    def next_open(self, t: Any) -> Any:
        """``t`` if open, else the next opening.

        >>> cal.next_open(dt.datetime(2026, 3, 27, 12, 30, tzinfo=paris)).isoformat()
        '2026-03-27T14:00:00+01:00'
        """
        return self._instant_op(t, Timeline.next_open)

    @overload
    def next_close(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def next_close(self, t: ArrayIn) -> Instants: ...
    def next_close(self, t: Any) -> Any:
        """The first closing strictly after ``t``.

        >>> cal.next_close(dt.datetime(2026, 3, 27, 12, tzinfo=paris)).isoformat()
        '2026-03-27T17:00:00+01:00'
        """
        return self._instant_op(t, Timeline.next_close, "close")

    @overload
    def previous_close(self, t: dt.datetime) -> dt.datetime: ...
    @overload
    def previous_close(self, t: ArrayIn) -> Instants: ...
    def previous_close(self, t: Any) -> Any:
        """The latest closing at or before ``t``.

        >>> cal.previous_close(dt.datetime(2026, 3, 30, 9, tzinfo=paris)).isoformat()
        '2026-03-27T17:00:00+01:00'
        """
        return self._instant_op(t, Timeline.previous_close, "close")

    # -- business time ------------------------------------------------------

    @overload
    def add(
        self, t: dt.datetime, d: dt.timedelta, *, boundary: Boundary = "next_open"
    ) -> dt.datetime: ...
    @overload
    def add(
        self, t: ArrayIn, d: ArrayIn, *, boundary: Boundary = "next_open"
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
            if isinstance(d, np.timedelta64) and not np.isnat(d):
                d = dt.timedelta(microseconds=int(duration_array(d)))
            if isinstance(d, dt.timedelta):
                return self._add_scalar(t, d, closing)
        compute = _adder(closing)
        out = self._map(
            [instant_array(t), duration_array(d)], "tm", compute, NAT, np.int64
        )
        return out.view("datetime64[us]")

    def _add_scalar(
        self, t: dt.datetime, d: dt.timedelta, closing: bool
    ) -> dt.datetime:
        """The scalar fast path: a deadline costs a few microseconds."""
        try:
            t_us = (t - EPOCH) // _ONE_US
        except TypeError:
            t_us = instant_us(t)  # raises the naive-datetime error
        tl = self._horizon.current
        if tl is not None and tl.start_us <= t_us < tl.end_us:
            u = tl.add1(t_us, d // _ONE_US, closing)
            if u is not None:
                return (EPOCH + dt.timedelta(microseconds=u)).astimezone(self._tz)
        return self._datetime(self._add1(t_us, duration_us(d), closing))

    def _add1(self, t: int, d: int, closing: bool) -> int:
        """The scalar add that may need to compile more days first."""
        result = self._solve1(
            t, lambda tl: _adder(closing)(tl, np.array([t]), np.array([d]))
        )
        return int(result[0])

    @overload
    def elapsed(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta: ...
    @overload
    def elapsed(self, a: ArrayIn, b: ArrayIn) -> Durations: ...
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
            if tl is None or not (tl.start_us <= lo and hi < tl.end_us):
                tl, _, _ = self._horizon.cover(lo, hi)
            return dt.timedelta(microseconds=tl.clock1(b_us) - tl.clock1(a_us))
        out = self._map(
            [instant_array(a), instant_array(b)], "tt", _elapsed, NAT, np.int64
        )
        return out.view("timedelta64[us]")

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

    # -- business days ----------------------------------------------------

    @overload
    def is_business_day(self, day: dt.date) -> bool: ...
    @overload
    def is_business_day(self, day: ArrayIn) -> Bools: ...
    def is_business_day(self, day: Any) -> Any:
        """Whether ``day`` (a local date) has any open time; NaT gives False.

        >>> (
        ...     cal.is_business_day(dt.date(2026, 4, 6)),
        ...     cal.is_business_day(dt.date(2026, 4, 7)),
        ... )
        (False, True)
        """
        out = self._map([self._days(day)], "d", busdays.is_business_day, False, bool)
        return bool(out[0]) if is_scalar(day) else out

    @overload
    def add_business_days(
        self, day: dt.date, n: int, *, roll: Literal["nat"]
    ) -> dt.date | None: ...
    @overload
    def add_business_days(
        self, day: dt.date, n: int, *, roll: busdays.RollToDay = "raise"
    ) -> dt.date: ...
    @overload
    def add_business_days(
        self, day: ArrayIn, n: ArrayIn, *, roll: Roll = "raise"
    ) -> npt.NDArray[np.datetime64]: ...
    def add_business_days(self, day: Any, n: Any, *, roll: Roll = "raise") -> Any:
        """Roll ``day`` to a business day, then move ``n`` business days.

        ``numpy.busday_offset`` semantics: ``roll`` is one of ``raise``,
        ``nat``, ``forward`` (= ``following``), ``backward`` (=
        ``preceding``), ``modifiedfollowing``, ``modifiedpreceding``. With
        ``roll="nat"`` a date that is not a business day gives NaT in arrays
        and None for a scalar date.

        >>> cal.add_business_days(dt.date(2026, 4, 3), 1)
        datetime.date(2026, 4, 7)
        >>> cal.add_business_days(dt.date(2026, 4, 5), 0, roll="forward")
        datetime.date(2026, 4, 7)
        >>> cal.add_business_days(dt.date(2026, 4, 5), 0, roll="nat") is None
        True
        """
        compute = busdays.offsetter(busdays.check_roll(roll))
        out = self._map(
            [self._days(day), busdays.integers(n)], "dn", compute, NAT, np.int64
        )
        if is_scalar(day) and np.ndim(n) == 0:
            return None if out[0] == NAT else busdays.to_date(int(out[0]))
        return out.view("datetime64[D]")

    @overload
    def count_business_days(self, begin: dt.date, end: dt.date) -> int: ...
    @overload
    def count_business_days(
        self, begin: ArrayIn, end: ArrayIn
    ) -> npt.NDArray[np.int64]: ...
    def count_business_days(self, begin: Any, end: Any) -> Any:
        """Business days in [begin, end), as ``numpy.busday_count``.

        When end < begin the count is negative and covers (end, begin].

        A count has no NaT, so NaT in either array raises ``InvalidInstantError``.

        >>> cal.count_business_days(dt.date(2026, 4, 1), dt.date(2026, 4, 8))
        4
        """
        b, e = self._days(begin), self._days(end)
        if (b == NAT).any() or (e == NAT).any():
            raise InvalidInstantError(
                "count_business_days got NaT; a count cannot be missing, so drop or "
                "fill those rows first (mask: np.isnat(begin) | np.isnat(end))"
            )
        out = self._map([b, e], "dd", busdays.count, 0, np.int64)
        return int(out[0]) if is_scalar(begin) and is_scalar(end) else out

    # -- days and instants ---------------------------------------------------

    @overload
    def local_date(self, t: dt.datetime) -> dt.date: ...
    @overload
    def local_date(self, t: ArrayIn) -> npt.NDArray[np.datetime64]: ...
    def local_date(self, t: Any) -> Any:
        """The date of ``t`` on the calendar's wall clock.

        >>> from zoneinfo import ZoneInfo
        >>> late = dt.datetime(2026, 4, 6, 23, 30, tzinfo=dt.UTC)
        >>> cal.local_date(late)
        datetime.date(2026, 4, 7)
        """
        if is_scalar(t):
            days = self._map(
                [np.array([instant_us(t)])], "t", _local_day, NAT, np.int64
            )
            return busdays.to_date(int(days[0]))
        out = self._map([instant_array(t)], "t", _local_day, NAT, np.int64)
        return out.view("datetime64[D]")

    @overload
    def day_start(self, day: dt.date) -> dt.datetime: ...
    @overload
    def day_start(self, day: ArrayIn) -> Instants: ...
    def day_start(self, day: Any) -> Any:
        """The instant a local date starts (its midnight, or the end of a DST gap).

        >>> cal.day_start(dt.date(2026, 3, 29)).isoformat()
        '2026-03-29T00:00:00+01:00'
        """
        return self._day_instant(day, _day_start)

    @overload
    def first_open(self, day: dt.date) -> dt.datetime | None: ...
    @overload
    def first_open(self, day: ArrayIn) -> Instants: ...
    def first_open(self, day: Any) -> Any:
        """The first opening of the ranges that belong to ``day``; None/NaT if none.

        >>> cal.first_open(dt.date(2026, 4, 7)).isoformat()
        '2026-04-07T09:00:00+02:00'
        >>> cal.first_open(dt.date(2026, 4, 6)) is None
        True
        """
        return self._day_instant(day, _first_open)

    @overload
    def last_close(self, day: dt.date) -> dt.datetime | None: ...
    @overload
    def last_close(self, day: ArrayIn) -> Instants: ...
    def last_close(self, day: Any) -> Any:
        """The last closing of the ranges that belong to ``day``; None/NaT if none.

        A range crossing midnight closes on the next date but belongs to ``day``.

        >>> cal.last_close(dt.date(2026, 4, 7)).isoformat()
        '2026-04-07T17:00:00+02:00'
        """
        return self._day_instant(day, _last_close)

    def _day_instant(self, day: Any, compute: Callable[..., Any]) -> Any:
        out = self._map([self._days(day)], "d", compute, NAT, np.int64)
        if is_scalar(day):
            return None if out[0] == NAT else self._datetime(int(out[0]))
        return out.view("datetime64[us]")

    def _day(self, day: object) -> int:
        if isinstance(day, dt.datetime):
            if day.tzinfo is None or day.utcoffset() is None:
                raise NaiveDatetimeError(
                    f"naive datetime {day!r}: pass a date, or an aware datetime "
                    "whose local date in the calendar's zone is meant"
                )
            day = day.astimezone(self._tz).date()
        if not isinstance(day, dt.date):
            raise InvalidInstantError(
                f"expected a date, got {type(day).__name__} {day!r}"
            )
        return busdays.day_number(day)

    def _days(self, value: Any) -> I64:
        if is_scalar(value):
            return np.array([self._day(value)], dtype=np.int64)
        if isinstance(value, list | tuple):  # a convenience: read item by item
            return np.array(
                [NAT if v is None else self._day(v) for v in value], dtype=np.int64
            )
        return days_array(value)


def _is_open(tl: Timeline, t: I64) -> tuple[Bools, bool, bool]:
    return tl.is_open(t), False, False


def _local_day(tl: Timeline, t: I64) -> tuple[I64, bool, bool]:
    return tl.local_day(t), False, False


def _day_start(tl: Timeline, days: I64) -> tuple[I64, bool, bool]:
    return tl.days.midnights.take(days - tl.day0), False, False


def _first_open(tl: Timeline, days: I64) -> tuple[I64, bool, bool]:
    return tl.days.first_open.take(days - tl.day0), False, False


def _last_close(tl: Timeline, days: I64) -> tuple[I64, bool, bool]:
    return tl.days.last_close.take(days - tl.day0), False, False


def _elapsed(tl: Timeline, a: I64, b: I64) -> tuple[I64, bool, bool]:
    return tl.clock(b) - tl.clock(a), False, False


def _adder(closing: bool) -> Callable[[Timeline, I64, I64], tuple[Any, bool, bool]]:
    def compute(tl: Timeline, t: I64, d: I64) -> tuple[Any, bool, bool]:
        target = tl.clock(t) + d  # not in place: t or d may be one element
        forward = bool(target.max() >= tl.total_us)
        backward = bool(target.min() <= 0)
        if forward or backward:
            return None, forward, backward
        return tl.unclock(target, closing), False, False

    return compute
