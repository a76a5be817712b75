"""Slow, obviously-correct answers for the numbers the plots draw.

- ``used_by_minute``: a segment's business time used at every minute from
  its start, counted minute by minute on ``Reference``'s open minutes, with
  the paused minutes left out.
- ``open_wall_minutes``: for each local date, the wall-clock minutes of the
  day at which the service is open, read minute by minute.
- ``weekly_counts``: met and answered lines per objective and week, with a
  Python loop over the lines and ``datetime.astimezone``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from tests.support.reference import DAY_MIN, Reference, utc_minute

__all__ = ["open_wall_minutes", "used_by_minute", "weekly_counts"]


def used_by_minute(
    ref: Reference,
    start: dt.datetime,
    stop: dt.datetime,
    pauses: list[tuple[dt.datetime, dt.datetime | None]],
) -> list[int]:
    """Business minutes used at each minute of [start, stop], pauses left out."""
    first, last = utc_minute(start), utc_minute(stop)
    paused = np.zeros(last - first, dtype=bool)
    for begin, end in pauses:
        lo = max(utc_minute(begin), first)
        hi = last if end is None else min(utc_minute(end), last)
        if hi > lo:
            paused[lo - first : hi - first] = True
    counted = 0
    used = [0]
    for k in range(last - first):
        if ref.open[first + k - ref.start] and not paused[k]:
            counted += 1
        used.append(counted)
    return used


def open_wall_minutes(ref: Reference, day: dt.date) -> set[int]:
    """The wall-clock minutes of ``day`` (0-1439) at which the service is open."""
    number = (day - dt.date(1970, 1, 1)).days
    out = set()
    for k in range(ref.open.size):
        wall = int(ref.wall[k])
        if wall // DAY_MIN == number and ref.open[k]:
            out.add(wall % DAY_MIN)
    return out


def weekly_counts(
    lines: list[dict[str, Any]], tz: ZoneInfo
) -> dict[tuple[str, int, dt.date], tuple[int, int]]:
    """(met, answered) per (engagement, objective, Monday of the week)."""
    met: Counter[tuple[str, int, dt.date]] = Counter()
    answered: Counter[tuple[str, int, dt.date]] = Counter()
    for line in lines:
        if line["status"] not in ("met", "breached"):
            continue
        day = line["received"].astimezone(tz).date()
        key = (line["engagement"], line["objective"], day - dt.timedelta(day.weekday()))
        answered[key] += 1
        met[key] += line["status"] == "met"
    return {key: (met[key], answered[key]) for key in answered}
