"""A slow, obviously-correct reference of the business-time semantics.

Everything is computed minute by minute over a window of UTC minutes, with no
use of the library's compiled timeline or zone code (only ``ranges_on``, the
model's answer to "which ranges does this local date own"):

1. ``W[u]``: the local wall-clock minute of every UTC minute ``u`` of the
   window (pandas' ``tz_convert``; :func:`wall_minute` is the same with
   ``datetime.astimezone`` and a test checks they agree).
2. Each range endpoint, a local wall-clock minute ``w``, becomes a UTC minute:

   * an opening is the first ``u`` with ``W[u] >= w``: in a gap that is the
     end of the gap, in a fold the earlier instant;
   * a closing is the last ``u`` with ``W[u] == w`` when the clock reads
     ``w`` at all (in a fold, the later of the two instants reading it, even
     at the fold's first reading), else the first ``u`` with ``W[u] >= w``
     (in a gap, the end of the gap).

   :func:`scan_opening` and :func:`scan_closing` do this with a literal loop
   over minutes; the class does it with a running max / min and a binary
   search, which finds the same minute (a test checks it on DST days).
3. ``open[u]``: whether minute ``u`` lies in any range's [opening, closing).
4. ``B[k]``: open minutes before minute ``k`` (a cumulative sum).

Every question is then a look-up on ``open`` or ``B``. The window is padded
by three days on each side so ranges from neighbouring days are all in;
answers that would need an instant outside the window asked for are None
("unknown"), never a guess.

Instants must be whole UTC minutes; the ranges must be whole minutes too.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import pandas as pd

from servicecharter import OpeningHours

__all__ = [
    "Reference",
    "from_minute",
    "scan_closing",
    "scan_opening",
    "utc_minute",
    "wall_minute",
]

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
NAIVE_EPOCH = dt.datetime(1970, 1, 1)
MINUTE = dt.timedelta(minutes=1)
DAY_MIN = 1440
PAD_DAYS = 3
I64 = npt.NDArray[np.int64]


def utc_minute(t: dt.datetime) -> int:
    """Minutes since the epoch of an aware, whole-minute datetime."""
    if t.tzinfo is None:
        raise ValueError(f"naive datetime {t!r}")
    delta = t - EPOCH
    if delta % MINUTE:
        raise ValueError(f"{t!r} is not a whole UTC minute")
    return delta // MINUTE


def from_minute(m: int) -> dt.datetime:
    """The aware UTC datetime of a minute since the epoch."""
    return EPOCH + m * MINUTE


def wall_minute(u: int, tz: ZoneInfo) -> int:
    """The local wall-clock reading at UTC minute ``u``, as naive minutes."""
    local = from_minute(u).astimezone(tz).replace(tzinfo=None)
    return (local - NAIVE_EPOCH) // MINUTE


def scan_opening(wall: int, tz: ZoneInfo) -> int:
    """First UTC minute whose wall clock reads ``wall`` or later (a literal scan).

    The scan starts a day before any UTC minute with that reading could be.
    """
    u = wall - DAY_MIN  # every real offset is under a day
    while wall_minute(u, tz) < wall:
        u += 1
    return u


def scan_closing(wall: int, tz: ZoneInfo) -> int:
    """The last UTC minute reading ``wall``, else the first reading after it.

    A literal scan over the two days around ``wall``.
    """
    readings = [
        u for u in range(wall - DAY_MIN, wall + DAY_MIN) if wall_minute(u, tz) == wall
    ]
    if readings:
        return readings[-1]
    return scan_opening(wall, tz)


def wall_minutes(first: int, stop: int, tz: ZoneInfo) -> I64:
    """``W[u]`` for every UTC minute u in [first, stop), vectorised by pandas."""
    minutes = np.arange(first, stop, dtype=np.int64).astype("datetime64[m]")
    local = (
        pd.DatetimeIndex(minutes).tz_localize("UTC").tz_convert(tz).tz_localize(None)
    )
    # asi8 counts the index's own unit (s, ms, us or ns depending on pandas).
    unit = np.datetime_data(local.dtype)[0]
    per_minute = 60 * {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
    return np.asarray(local.asi8 // per_minute, dtype=np.int64)


class Reference:
    """The business clock of ``hours``, minute by minute, over [lo, hi].

    ``lo`` and ``hi`` are aware whole-minute datetimes; answers needing an
    instant outside [lo, hi] are None.
    """

    def __init__(self, hours: OpeningHours, lo: dt.datetime, hi: dt.datetime) -> None:
        self.hours = hours
        self.tz = hours.tz
        self.lo, self.hi = utc_minute(lo), utc_minute(hi)
        if self.hi < self.lo:
            raise ValueError("hi before lo")
        self.start = self.lo - PAD_DAYS * DAY_MIN
        stop = self.hi + PAD_DAYS * DAY_MIN
        n = stop - self.start
        wall = wall_minutes(self.start, stop, self.tz)
        self.wall = wall
        rising = np.maximum.accumulate(wall)  # max wall reading up to u
        falling = np.minimum.accumulate(wall[::-1])[::-1]  # min reading from u on

        first_day = int(wall[0] // DAY_MIN) - 1
        last_day = int(wall[-1] // DAY_MIN) + 1
        self.first_day, self.last_day = first_day, last_day
        edges = np.zeros(n + 1, dtype=np.int64)
        self.business: dict[dt.date, bool] = {}
        #: Closings whose wall time is the first reading of a fold, where the
        #: later reading keeps the first pass of the repeated hour open:
        #: (date, range, utc minute). Kept so tests can aim at them.
        self.fold_start_closings: list[tuple[dt.date, str, int]] = []
        #: Every resolved range: (owner date, range text, opening, closing).
        self.resolved: list[tuple[dt.date, str, int, int]] = []
        for number in range(first_day, last_day + 1):
            day = NAIVE_EPOCH.date() + dt.timedelta(days=number)
            owns_time = False
            for r in self.hours.ranges_on(day):
                if r.start_s % 60 or r.length_s % 60:
                    raise ValueError(f"reference needs whole-minute ranges, got {r}")
                w_open = number * DAY_MIN + r.start_s // 60
                w_close = w_open + r.length_s // 60
                k_open = int(np.searchsorted(rising, w_open, side="left"))
                k_close = int(np.searchsorted(falling, w_close, side="left"))
                # A fold reads w_close twice: the contract takes the later one.
                again = np.flatnonzero(wall[k_close : k_close + 2 * DAY_MIN] == w_close)
                fold_start = again.size > 1
                if again.size:
                    k_close += int(again[-1])
                self.resolved.append(
                    (day, str(r), self.start + k_open, self.start + k_close)
                )
                if k_close > k_open:
                    owns_time = True
                    edges[k_open] += 1
                    edges[k_close] -= 1
                if fold_start:
                    self.fold_start_closings.append((day, str(r), self.start + k_close))
            self.business[day] = owns_time
        self.open = np.cumsum(edges[:n]) > 0
        self.clock = np.concatenate(([0], np.cumsum(self.open))).astype(np.int64)
        self.open_at = np.flatnonzero(self.open)
        self.closings = np.flatnonzero(self.open[:-1] & ~self.open[1:]) + 1
        self.openings = np.flatnonzero(~self.open[:-1] & self.open[1:]) + 1

    # -- plumbing --------------------------------------------------------

    def _index(self, t: dt.datetime) -> int | None:
        u = utc_minute(t)
        return u - self.start if self.lo <= u <= self.hi else None

    def _instant(self, k: int) -> dt.datetime | None:
        u = self.start + k
        return from_minute(u) if self.lo <= u <= self.hi else None

    def covers(self, t: dt.datetime) -> bool:
        """Whether ``t`` is inside the window asked for."""
        return self._index(t) is not None

    # -- questions --------------------------------------------------------

    def is_open(self, t: dt.datetime) -> bool | None:
        k = self._index(t)
        return None if k is None else bool(self.open[k])

    def next_open(self, t: dt.datetime) -> dt.datetime | None:
        """t when open, else the first minute after t that is open."""
        k = self._index(t)
        if k is None:
            return None
        j = int(np.searchsorted(self.open_at, k, side="left"))
        return self._instant(int(self.open_at[j])) if j < self.open_at.size else None

    def next_close(self, t: dt.datetime) -> dt.datetime | None:
        """The first closing strictly after t."""
        k = self._index(t)
        if k is None:
            return None
        j = int(np.searchsorted(self.closings, k, side="right"))
        return self._instant(int(self.closings[j])) if j < self.closings.size else None

    def previous_close(self, t: dt.datetime) -> dt.datetime | None:
        """The latest closing at or before t."""
        k = self._index(t)
        if k is None:
            return None
        j = int(np.searchsorted(self.closings, k, side="right")) - 1
        return self._instant(int(self.closings[j])) if j >= 0 else None

    def elapsed(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta | None:
        """B(b) - B(a)."""
        i, j = self._index(a), self._index(b)
        if i is None or j is None:
            return None
        return int(self.clock[j] - self.clock[i]) * MINUTE

    def add(
        self, t: dt.datetime, d: dt.timedelta, boundary: str = "next_open"
    ) -> dt.datetime | None:
        """Latest u with B(u) <= B(t) + d; ``close``: earliest u with B(u) >= it."""
        k = self._index(t)
        if k is None or d % MINUTE:
            return None
        target = int(self.clock[k]) + d // MINUTE
        if boundary == "close":
            j = int(np.searchsorted(self.clock, target, side="left"))
        else:
            j = int(np.searchsorted(self.clock, target, side="right")) - 1
        if not 0 <= j < self.clock.size:
            return None
        return self._instant(j)

    def is_business_day(self, day: dt.date) -> bool | None:
        """Whether ``day`` owns a range of positive real length."""
        number = (day - NAIVE_EPOCH.date()).days
        lo_day = (self.wall[self.lo - self.start]) // DAY_MIN
        hi_day = (self.wall[self.hi - self.start]) // DAY_MIN
        if not lo_day <= number <= hi_day:
            return None
        return self.business[day]

    def open_intervals(self) -> list[tuple[dt.datetime, dt.datetime]]:
        """The open intervals clipped to [lo, hi)."""
        out = []
        k_lo, k_hi = self.lo - self.start, self.hi - self.start
        inside = self.open[k_lo:k_hi]
        if inside.size == 0:
            return []
        padded = np.concatenate(([False], inside, [False]))
        change = np.flatnonzero(padded[1:] != padded[:-1])
        for o, c in zip(change[::2], change[1::2], strict=True):
            out.append((from_minute(self.lo + int(o)), from_minute(self.lo + int(c))))
        return out
