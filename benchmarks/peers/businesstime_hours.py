"""businesstime: ``BusinessTime.businesstime_hours(a, b)`` on Paris wall clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

from servicecharter import BusinessCalendar

from .causes import BT_AFTER_CLOSE, SUB_SECOND
from .instants import fmt_duration, from_timedeltas, py_naive, wall_us
from .model import HOLIDAYS, Check, Impl, Missing, Peer
from .optional import load
from .ours import our_elapsed_us


def businesstime_elapsed(cal: BusinessCalendar) -> Peer | Missing:
    try:
        businesstime = load("businesstime")
    except ImportError:
        return Missing("businesstime", "not installed")
    bt = businesstime.BusinessTime(
        business_hours=(dt.time(9), dt.time(17)), holidays=frozenset(HOLIDAYS)
    )

    def call(pairs: tuple[list[dt.datetime], list[dt.datetime]]) -> list[Any]:
        hours = bt.businesstime_hours
        return [hours(a, b) for a, b in zip(*pairs, strict=True)]

    impl = Impl(
        "businesstime",
        "BusinessTime.businesstime_hours(a, b)",
        lambda data: (py_naive(wall_us(data.a)), py_naive(wall_us(data.b))),
        call,
        from_timedeltas,
    )
    check = Check(
        "elapsed(a, b) (inputs as Paris wall clock)",
        our_elapsed_us(cal),
        fmt_duration,
        (SUB_SECOND, BT_AFTER_CLOSE),
    )
    return Peer(impl, check)
