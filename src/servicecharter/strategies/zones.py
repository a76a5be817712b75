"""Zones with awkward clocks, their offset changes, and clock minutes worth hitting.

Shared by the strategies of ``servicecharter.strategies``.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, ParamSpec, TypeAlias, TypeVar, cast

from .._core.units import EPOCH
from .._core.zone import to_zone
from .arguments import aware, hashable, zone_argument

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    # Where zones come from: None (one of ZONES), a name, a ZoneInfo or a strategy.
    ZoneArg: TypeAlias = (
        SearchStrategy[str]
        | SearchStrategy[zoneinfo.ZoneInfo]
        | str
        | zoneinfo.ZoneInfo
        | None
    )

__all__ = [
    "DAY_MIN",
    "EPOCH",
    "INTERESTING_MIN",
    "ZONES",
    "cached",
    "transitions",
    "zone_strategy",
]

#: Zones with awkward clocks: a one-hour DST shift in each hemisphere
#: (Paris, New York), a 30-minute shift (Lord Howe) and a +05:45 offset
#: with no DST (Kathmandu).
ZONES: tuple[str, ...] = (
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
)


DAY_MIN = 1440
# Clock minutes worth hitting often: midnight, the DST hours of the zones
# above (01:00-03:00 local), and common business hours.
INTERESTING_MIN = (
    0,
    60,
    90,
    105,
    120,
    135,
    150,
    180,
    210,
    240,
    540,
    720,
    1020,
    1320,
    1410,
)

P = ParamSpec("P")
T = TypeVar("T")


def cached(function: Callable[P, T]) -> Callable[P, T]:
    """Memoise a strategy factory (building composites is slow), keeping its type.

    An argument that cannot key the cache (a list) is the library's error.
    """
    memo = cast("Callable[P, T]", lru_cache(maxsize=None)(function))

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        hashable(args, kwargs)
        return memo(*args, **kwargs)

    return call


def zone_strategy(
    tz: ZoneArg,
) -> SearchStrategy[zoneinfo.ZoneInfo]:
    """Zones from ``tz``: None (one of ``ZONES``), a name, a ZoneInfo, or a strategy."""
    from hypothesis import strategies as st

    zone_argument(tz)
    if tz is None:
        return st.sampled_from(ZONES).map(to_zone)
    if isinstance(tz, zoneinfo.ZoneInfo | str):
        return st.just(to_zone(tz))
    return tz.map(to_zone)


def transitions(
    zone: str | zoneinfo.ZoneInfo, start: dt.datetime, end: dt.datetime
) -> tuple[dt.datetime, ...]:
    """The instants in [start, end) where the UTC offset of ``zone`` changes.

    Found by an hourly scan then a bisection to the second; the results are
    aware UTC datetimes.

    >>> [
    ...     t.isoformat()
    ...     for t in transitions(
    ...         "Europe/Paris",
    ...         dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    ...         dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    ...     )
    ... ]
    ['2026-03-29T01:00:00+00:00', '2026-10-25T01:00:00+00:00']
    """
    return _transitions(to_zone(zone), aware(start, "start"), aware(end, "end"))


@lru_cache(maxsize=64)
def _transitions(
    tz: zoneinfo.ZoneInfo, start: dt.datetime, end: dt.datetime
) -> tuple[dt.datetime, ...]:
    """``transitions`` of checked arguments, kept for the next draws."""

    def offset(at: dt.datetime) -> dt.timedelta | None:
        return at.astimezone(tz).utcoffset()

    found: list[dt.datetime] = []
    hour = dt.timedelta(hours=1)
    lo = start.astimezone(dt.UTC)
    stop = end.astimezone(dt.UTC)
    before = offset(lo)
    while lo < stop:
        hi = min(lo + hour, stop)
        after = offset(hi)
        if after != before:
            a, b = lo, hi  # offset(a) == before, offset(b) != before
            while b - a > dt.timedelta(seconds=1):
                mid = a + (b - a) / 2
                mid = mid.replace(microsecond=0)
                if mid <= a:
                    break
                if offset(mid) == before:
                    a = mid
                else:
                    b = mid
            if b < stop:
                found.append(b)
            before = after
        lo = hi
    return tuple(found)
