"""The zones the tests share, and wall-clock instants in them.

``paris(2026, 3, 27, 16, 30)`` is ``dt.datetime(2026, 3, 27, 16, 30)`` in
Paris; ``utc`` is the same in UTC. Seconds and microseconds are rare in the
tests, so they are named: ``paris(2026, 3, 2, 16, 59, second=59)``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def paris(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    *,
    second: int = 0,
    microsecond: int = 0,
) -> dt.datetime:
    """A wall-clock time in Paris."""
    return dt.datetime(year, month, day, hour, minute, second, microsecond, PARIS)


def utc(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    *,
    second: int = 0,
    microsecond: int = 0,
) -> dt.datetime:
    """A time in UTC."""
    return dt.datetime(year, month, day, hour, minute, second, microsecond, dt.UTC)
