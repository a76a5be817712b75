"""The inputs: random ones at the largest size, and edge ones around what is tricky.

Edge inputs are a grid over holidays, DST weekends and year ends, plus every
opening and closing and the instants just around them; they are not timed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from servicecharter import BusinessCalendar

from .instants import (
    DAY_US,
    I64,
    MINUTE_US,
    SECOND_US,
    UTC,
    fmt_day,
    fmt_instant,
    grid_us,
)
from .model import ROLLS, Data

# Local date windows of the edge inputs: New Year, both 2026 DST weekends,
# Easter (Good Friday closes the exchange), May 1 and Ascension, Christmas.
EDGE_WINDOWS = (
    ("2026-01-01", "2026-01-06"),
    ("2026-03-27", "2026-04-01"),
    ("2026-04-02", "2026-04-09"),
    ("2026-04-30", "2026-05-05"),
    ("2026-05-13", "2026-05-16"),
    ("2026-10-23", "2026-10-28"),
    ("2026-12-23", "2026-12-29"),
    ("2026-12-30", "2027-01-05"),
)
DST_WINDOWS = (("2026-03-27", "2026-04-01"), ("2026-10-23", "2026-10-28"))
EDGE_SPANS = (15, 60, 240, 480, 1440, 3 * 1440 + 30, 2 * 1440 + 8 * 60, 7 * 1440)


@dataclass(frozen=True)
class Inputs:
    """Random inputs, generated once at the largest size (prefixes are used)."""

    starts: I64  # whole seconds, uniform over 2026 (UTC us)
    ends: I64  # starts + 1 s .. 10 days
    minute_starts: I64  # starts floored to the minute
    minute_ends: I64  # minute_starts + 1 min .. 10 days
    days: I64  # days of 2026
    days_end: I64  # days + -60 .. 60

    @staticmethod
    def make(n: int, seed: int) -> Inputs:
        rng = np.random.default_rng(seed)
        lo = int(np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64))
        hi = int(np.datetime64("2027-01-01T00:00:00", "s").astype(np.int64))
        starts = rng.integers(lo, hi, n, dtype=np.int64) * SECOND_US
        span = rng.integers(1, 10 * 86_400, n, dtype=np.int64, endpoint=True)
        minute_starts = starts - starts % MINUTE_US
        minutes = rng.integers(1, 10 * 1440, n, dtype=np.int64, endpoint=True)
        day0 = int(np.datetime64("2026-01-01", "D").astype(np.int64))
        days = rng.integers(day0, day0 + 365, n, dtype=np.int64)
        shift = rng.integers(-60, 60, n, dtype=np.int64, endpoint=True)
        return Inputs(
            starts=starts,
            ends=starts + span * SECOND_US,
            minute_starts=minute_starts,
            minute_ends=minute_starts + minutes * MINUTE_US,
            days=days,
            days_end=days + shift,
        )


def edge_instants(cal: BusinessCalendar, step_minutes: int, sub_second: bool) -> I64:
    """A grid over the edge windows plus every opening and closing, and around them."""
    grid = grid_us(EDGE_WINDOWS, step_minutes)
    lo = dt.datetime.fromisoformat(EDGE_WINDOWS[0][0]).replace(tzinfo=UTC)
    hi = dt.datetime.fromisoformat(EDGE_WINDOWS[-1][1]).replace(tzinfo=UTC)
    opens, closes = cal.opening_arrays(lo, hi)
    bounds = np.concatenate([opens, closes])
    inside = np.zeros(len(bounds), dtype=bool)
    for start, end in EDGE_WINDOWS:
        s = np.datetime64(start, "us").astype(np.int64) - DAY_US
        e = np.datetime64(end, "us").astype(np.int64) + DAY_US
        inside |= (bounds >= s) & (bounds < e)
    deltas = [-MINUTE_US, 0, MINUTE_US]
    if sub_second:
        deltas += [-SECOND_US, -1, 1, SECOND_US // 2]
    near = (bounds[inside][:, None] + np.array(deltas, dtype=np.int64)).ravel()
    return np.unique(np.concatenate([grid, near]))


def spans_for(starts: I64, minutes: Sequence[int]) -> I64:
    cycle = np.array(minutes, dtype=np.int64) * MINUTE_US
    return starts + cycle[np.arange(len(starts)) % len(cycle)]


def busday_edges() -> tuple[Data, Data]:
    """Edge inputs of the business-day workloads: offsets, then counts.

    From each of the 400 days after 2025-12-14: offsets by -3, -1, 0, 1 and
    3 in every roll, and counts to 10 days before up to 10 days after.
    """
    day0 = int(np.datetime64("2025-12-15", "D").astype(np.int64))
    all_days = np.arange(day0, day0 + 400, dtype=np.int64)
    ns = np.array([-3, -1, 0, 1, 3], dtype=np.int64)
    grid = np.array(np.meshgrid(all_days, ns, np.arange(len(ROLLS)), indexing="ij"))
    offset_edge = Data(*(g.ravel().astype(np.int64) for g in grid))
    ks = np.arange(-10, 11, dtype=np.int64)
    starts, shifts = (g.ravel() for g in np.meshgrid(all_days, ks, indexing="ij"))
    count_edge = Data.of(starts.astype(np.int64), (starts + shifts).astype(np.int64))
    return offset_edge, count_edge


def describe_start(data: Data, i: int) -> str:
    return f"from {fmt_instant(int(data.a[i]))}"


def describe_span(data: Data, i: int) -> str:
    return f"{fmt_instant(int(data.a[i]))} -> {fmt_instant(int(data.b[i]))}"


def describe_offset(data: Data, i: int) -> str:
    roll = ROLLS[int(data.c[i])]
    return f"{fmt_day(int(data.a[i]))} {int(data.b[i]):+d} days roll={roll}"


def describe_days(data: Data, i: int) -> str:
    return f"[{fmt_day(int(data.a[i]))}, {fmt_day(int(data.b[i]))})"
