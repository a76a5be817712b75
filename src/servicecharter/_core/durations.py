"""Durations and calendar periods as text: ``"30 minutes"``, ``"4h"``, ``"1 month"``.

Durations (``timedelta``) are exact elapsed time; periods (``relativedelta``)
move calendar dates, so ``"1 month"`` after 31 January is 28 February.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Literal

from dateutil.relativedelta import relativedelta

__all__ = ["format_duration", "format_period", "parse_duration", "parse_period"]

_US = {
    "h": 3_600_000_000, "hour": 3_600_000_000, "hours": 3_600_000_000,
    "min": 60_000_000, "mins": 60_000_000, "minute": 60_000_000, "minutes": 60_000_000,
    "s": 1_000_000, "second": 1_000_000, "seconds": 1_000_000,
    "ms": 1_000, "millisecond": 1_000, "milliseconds": 1_000,
    "us": 1, "microsecond": 1, "microseconds": 1,
}  # fmt: skip
_COMPACT = (("h", 3_600_000_000), ("min", 60_000_000), ("s", 1_000_000),
            ("ms", 1_000), ("us", 1))  # fmt: skip
_WORDS = (("hour", 3_600_000_000), ("minute", 60_000_000), ("second", 1_000_000),
          ("millisecond", 1_000), ("microsecond", 1))  # fmt: skip
_PERIOD_UNITS = {
    "y": "years", "year": "years", "years": "years",
    "month": "months", "months": "months",
    "w": "weeks", "week": "weeks", "weeks": "weeks",
    "d": "days", "day": "days", "days": "days",
}  # fmt: skip
_BUSINESS = re.compile(r"\bbusiness\s+(?=[a-z])")
_PART = re.compile(r"\s*(\d{1,12}(?:\.\d{1,6})?)\s*([a-z]+)\s*(?:,|and)?")
DURATION_HELP = "a duration like '30 minutes', '4h' or '2h30min'"
PERIOD_HELP = "a period like '1 month', '2 weeks', '1 year 6 months' or '10 days'"


def _parts(text: str) -> list[tuple[Fraction, str]] | None:
    """``[(count, unit), ...]`` when the whole text is such parts, else None.

    Counts may have decimals (``"1.5 hours"``), read exactly.
    """
    parts, pos = [], 0
    while pos < len(text):
        match = _PART.match(text, pos)
        if match is None or match.end() == pos:
            return None
        parts.append((Fraction(match[1]), match[2]))
        pos = match.end()
    return parts or None


def parse_duration(text: str, *, business: bool = False) -> dt.timedelta:
    """Read a duration; raises ``ValueError`` naming what is allowed.

    With ``business``, each unit may say so, as rules in words do
    (``"2 business hours 30 business minutes"``). A count may have decimals
    when the duration is still a whole number of microseconds.

    >>> parse_duration("2 hours 30 minutes"), parse_duration("-15min")
    (datetime.timedelta(seconds=9000), datetime.timedelta(days=-1, seconds=85500))
    >>> parse_duration("1.5 hours")
    datetime.timedelta(seconds=5400)
    >>> parse_duration("1 business hour 30 business min", business=True)
    datetime.timedelta(seconds=5400)
    """
    cleaned = text.strip().lower()
    if business:
        cleaned = _BUSINESS.sub("", cleaned)
    sign = -1 if cleaned.startswith("-") else 1
    parts = _parts(cleaned.removeprefix("-"))
    if parts is None or any(unit not in _US for _, unit in parts):
        raise ValueError(f"not a duration: {text!r}; use {DURATION_HELP}")
    us = sum(n * _US[u] for n, u in parts)
    if us.denominator != 1:
        raise ValueError(f"not a whole number of microseconds: {text!r}")
    try:
        return dt.timedelta(microseconds=sign * int(us))
    except OverflowError:
        raise ValueError(f"duration too long: {text!r}") from None


def format_duration(
    duration: dt.timedelta,
    style: Literal["words", "compact"] = "words",
    *,
    prefix: str = "",
) -> str:
    """Write a duration so that ``parse_duration`` reads it back exactly.

    ``prefix`` goes before each unit in words (``"business "``).

    >>> d = dt.timedelta(hours=1, minutes=30)
    >>> format_duration(d), format_duration(d, "compact")
    ('1 hour 30 minutes', '1h30min')
    >>> format_duration(d, prefix="business ")
    '1 business hour 30 business minutes'
    """
    us = abs(duration // dt.timedelta(microseconds=1))
    parts = []
    for unit, size in _COMPACT if style == "compact" else _WORDS:
        count, us = divmod(us, size)
        if count and style == "compact":
            parts.append(f"{count}{unit}")
        elif count:
            parts.append(f"{count} {prefix}{unit}{'' if count == 1 else 's'}")
    text = ("" if style == "compact" else " ").join(parts)
    text = text or ("0s" if style == "compact" else f"0 {prefix}seconds")
    return "-" + text if duration < dt.timedelta(0) else text


def parse_period(text: str) -> relativedelta:
    """Read a calendar period; raises ``ValueError`` naming what is allowed.

    >>> parse_period("1 year 2 weeks")
    relativedelta(years=+1, days=+14)
    """
    parts = _parts(text.strip().lower())
    if parts is None or any(unit not in _PERIOD_UNITS for _, unit in parts):
        raise ValueError(f"not a period: {text!r}; use {PERIOD_HELP}")
    if any(count.denominator != 1 for count, _ in parts):
        raise ValueError(f"not a period: {text!r}; use whole days, weeks or months")
    amounts = dict.fromkeys(("years", "months", "weeks", "days"), 0)
    for count, unit in parts:
        amounts[_PERIOD_UNITS[unit]] += int(count)
    return relativedelta(
        years=amounts["years"],
        months=amounts["months"],
        weeks=amounts["weeks"],
        days=amounts["days"],
    )


def format_period(period: relativedelta) -> str:
    """Write a period of years, months and days (weeks are counted as days).

    >>> format_period(relativedelta(months=1)), format_period(relativedelta())
    ('1 month', '0 days')
    """
    parts = [
        f"{count} {unit[:-1] if count == 1 else unit}"
        for unit, count in (
            ("years", period.years),
            ("months", period.months),
            ("days", period.days),
        )
        if count
    ]
    return " ".join(parts) or "0 days"
