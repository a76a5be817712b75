"""English words for instants and business time, for ``testing`` and ``explain``.

Both write English only. These are the short forms of messages (``Mon 30 Mar
14:30 CEST``, ``1 h 10 min``), not the prose of ``render``'s ``ENGLISH``.
Day and month abbreviations come from fixed tables, never from the C locale,
so messages read the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .._core.units import ONE_US

__all__ = ["business_words", "interval", "moment", "short_duration", "show_year"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


def _clock(t: dt.datetime) -> str:
    if t.second or t.microsecond:
        return f"{t:%H:%M:%S}" + (f".{t.microsecond:06d}" if t.microsecond else "")
    return f"{t:%H:%M}"


def show_year(instants: Iterable[dt.datetime], tz: dt.tzinfo) -> bool:
    """Whether the instants fall in more than one year on ``tz``'s wall clock."""
    return len({t.astimezone(tz).year for t in instants}) > 1


def moment(t: dt.datetime, tz: dt.tzinfo, *, year: bool = False) -> str:
    """``Mon 30 Mar 14:30 CEST``: ``t`` on ``tz``'s wall clock, with its zone name.

    >>> from zoneinfo import ZoneInfo
    >>> paris = ZoneInfo("Europe/Paris")
    >>> moment(dt.datetime(2026, 3, 30, 12, 30, tzinfo=dt.UTC), paris)
    'Mon 30 Mar 14:30 CEST'
    >>> moment(dt.datetime(2026, 3, 2, 8, 0, 5, tzinfo=paris), paris, year=True)
    'Mon 2 Mar 2026 08:00:05 CET'
    """
    local = t.astimezone(tz)
    day = f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month - 1]}"
    if year:
        day += f" {local.year}"
    return f"{day} {_clock(local)} {local.tzname()}"


def short_duration(duration: dt.timedelta) -> str:
    """``30 min``, ``3 h``, ``1 h 10 min``, ``2 min 30 s`` (sign left out).

    >>> (
    ...     short_duration(dt.timedelta(hours=1, minutes=10)),
    ...     short_duration(dt.timedelta()),
    ... )
    ('1 h 10 min', '0 min')
    """
    us = abs(duration // ONE_US)
    hours, us = divmod(us, 3_600_000_000)
    minutes, us = divmod(us, 60_000_000)
    parts = [f"{n} {u}" for n, u in ((hours, "h"), (minutes, "min")) if n]
    if us:
        seconds = f"{us / 1_000_000:.6f}".rstrip("0").rstrip(".")
        parts.append(f"{seconds} s")
    return " ".join(parts) or "0 min"


def business_words(duration: dt.timedelta) -> str:
    """Business time in words: ``40 business minutes``, ``1 h 30 min of business time``.

    >>> business_words(dt.timedelta(minutes=40)), business_words(dt.timedelta(hours=1))
    ('40 business minutes', '1 business hour')
    >>> business_words(dt.timedelta(hours=2, minutes=5))
    '2 h 5 min of business time'
    """
    us = abs(duration // ONE_US)
    for unit, size in (("hour", 3_600_000_000), ("minute", 60_000_000)):
        if us and us % size == 0 and (unit == "hour" or us < 3_600_000_000):
            count = us // size
            return f"{count} business {unit}{'' if count == 1 else 's'}"
    if us == 0:
        return "0 business minutes"
    return f"{short_duration(duration)} of business time"


def interval(opens: dt.datetime, closes: dt.datetime, tz: dt.tzinfo) -> str:
    """``Fri 16:30-17:00 (30 min)``; ``Fri 22:00-Sat 02:00 (4 h)`` across midnight.

    >>> from zoneinfo import ZoneInfo
    >>> paris = ZoneInfo("Europe/Paris")
    >>> interval(
    ...     dt.datetime(2026, 3, 27, 22, tzinfo=paris),
    ...     dt.datetime(2026, 3, 28, 2, tzinfo=paris),
    ...     paris,
    ... )
    'Fri 22:00-Sat 02:00 (4 h)'
    """
    a, b = opens.astimezone(tz), closes.astimezone(tz)
    end = _clock(b) if a.date() == b.date() else f"{_DAYS[b.weekday()]} {_clock(b)}"
    length = short_duration(closes.astimezone(dt.UTC) - opens.astimezone(dt.UTC))
    return f"{_DAYS[a.weekday()]} {_clock(a)}-{end} ({length})"
