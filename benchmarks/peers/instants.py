"""Instants as int64 microseconds (UTC): Paris wall clock, Python values, display.

Every input and answer of the peer benchmark is an int64 array, so that any
two libraries' answers compare element by element; NaT is int64 min.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

I64 = npt.NDArray[np.int64]
TZ_NAME = "Europe/Paris"
PARIS = ZoneInfo(TZ_NAME)
UTC = dt.UTC
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
ONE_US = dt.timedelta(microseconds=1)
SECOND_US = 1_000_000
MINUTE_US = 60 * SECOND_US
HOUR_US = 60 * MINUTE_US
DAY_US = 24 * HOUR_US
NAT = int(np.iinfo(np.int64).min)  # NaT as int64, in every unit
DT_US = "datetime64[us]"


def _offset_us(utc_us: int) -> int:
    moment = EPOCH + dt.timedelta(microseconds=utc_us)
    offset = moment.astimezone(PARIS).utcoffset()
    return 0 if offset is None else offset // ONE_US


def paris_offsets(utc_us: I64) -> I64:
    """UTC offset of Paris at each instant (Paris changes its clocks on the hour)."""
    hours = np.where(utc_us == NAT, 0, utc_us // HOUR_US)
    uniq, inverse = np.unique(hours, return_inverse=True)
    table = np.array([_offset_us(int(h) * HOUR_US) for h in uniq], dtype=np.int64)
    return table[inverse.reshape(-1)]


def wall_us(utc_us: I64) -> I64:
    """UTC instants -> naive Paris wall-clock times (what naive peers work on)."""
    out = utc_us + paris_offsets(utc_us)
    out[utc_us == NAT] = NAT
    return out


def py_naive(us: I64) -> list[dt.datetime]:
    values: list[dt.datetime] = us.view(DT_US).tolist()
    return values


def py_utc(us: I64) -> list[dt.datetime]:
    return [d.replace(tzinfo=UTC) for d in py_naive(us)]


def from_aware(values: Sequence[dt.datetime]) -> I64:
    return np.fromiter(((d - EPOCH) // ONE_US for d in values), np.int64, len(values))


def from_timedeltas(values: Sequence[dt.timedelta]) -> I64:
    return np.fromiter((d // ONE_US for d in values), np.int64, len(values))


def fmt_instant(us: int) -> str:
    if us == NAT:
        return "NaT"
    local = (EPOCH + dt.timedelta(microseconds=us)).astimezone(PARIS)
    frac = f".{local.microsecond:06d}" if local.microsecond else ""
    return f"{local:%a %Y-%m-%d %H:%M:%S}{frac}{local:%z}"


def fmt_wall(us: int) -> str:
    if us == NAT:
        return "NaT"
    local = EPOCH + dt.timedelta(microseconds=us)
    frac = f".{local.microsecond:06d}" if local.microsecond else ""
    return f"{local:%a %Y-%m-%d %H:%M:%S}{frac} (wall)"


def fmt_duration(us: int) -> str:
    return "NaT" if us == NAT else str(dt.timedelta(microseconds=us))


def fmt_day(days: int) -> str:
    if days == NAT:
        return "NaT"
    return f"{dt.date(1970, 1, 1) + dt.timedelta(days=days):%a %Y-%m-%d}"


def grid_us(windows: Sequence[tuple[str, str]], step_minutes: int) -> I64:
    """Every ``step_minutes`` of the windows' local dates (approximated in UTC +-1h)."""
    parts = [
        np.arange(
            np.datetime64(start, "m") - np.timedelta64(1, "h"),
            np.datetime64(end, "m"),
            np.timedelta64(step_minutes, "m"),
        )
        for start, end in windows
    ]
    return np.unique(np.concatenate(parts)).astype(DT_US).view(np.int64)
