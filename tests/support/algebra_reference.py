"""The brute-force reference for combined hours, minute by minute.

Each operand's open minutes come from ``Reference`` (its hours read in its
own zone); a union is their ``or``, an intersection their ``and``, a
difference the first and none of the others, all as boolean arrays over
the same window of UTC minutes. A date of the combination's zone is a
business day when any of its minutes is open. Nothing here uses the
library's interval code.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import numpy.typing as npt

from servicecharter import OpeningHours
from servicecharter.calendar.algebra import CombinedHours, Hours
from tests.support.reference import (
    DAY_MIN,
    NAIVE_EPOCH,
    Reference,
    utc_minute,
    wall_minutes,
)

__all__ = ["CombinedReference", "open_minutes"]

B1 = npt.NDArray[np.bool_]


def open_minutes(hours: Hours, lo: dt.datetime, hi: dt.datetime) -> B1:
    """Whether each minute of the padded window of [lo, hi] is open."""
    if isinstance(hours, OpeningHours):
        return Reference(hours, lo, hi).open
    parts = [open_minutes(o, lo, hi) for o in hours.operands]
    if hours.operation == "union":
        return np.logical_or.reduce(parts)
    if hours.operation == "intersection":
        return np.logical_and.reduce(parts)
    return parts[0] & ~np.logical_or.reduce(parts[1:])


class CombinedReference(Reference):
    """``Reference``'s questions, answered for combined hours."""

    def __init__(self, hours: CombinedHours, lo: dt.datetime, hi: dt.datetime) -> None:
        self.hours = hours  # type: ignore[assignment]
        self.tz = hours.tz
        self.lo, self.hi = utc_minute(lo), utc_minute(hi)
        # The same padding as Reference, so the operands' arrays line up.
        probe = Reference(OpeningHours({}, hours.tz), lo, hi)
        self.start = probe.start
        self.open = open_minutes(hours, lo, hi)
        n = self.open.size
        self.wall = wall_minutes(self.start, self.start + n, self.tz)
        self.clock = np.concatenate(([0], np.cumsum(self.open))).astype(np.int64)
        self.open_at = np.flatnonzero(self.open)
        self.closings = np.flatnonzero(self.open[:-1] & ~self.open[1:]) + 1
        self.openings = np.flatnonzero(~self.open[:-1] & self.open[1:]) + 1

    def is_business_day(self, day: dt.date) -> bool | None:
        """Whether any minute of the local date ``day`` is open."""
        number = (day - NAIVE_EPOCH.date()).days
        lo_day = self.wall[self.lo - self.start] // DAY_MIN
        hi_day = self.wall[self.hi - self.start] // DAY_MIN
        if not lo_day <= number <= hi_day:
            return None
        return bool(self.open[self.wall // DAY_MIN == number].any())
