"""numpy: ``np.busday_offset`` and ``np.busday_count`` with the schedule's holidays."""

from __future__ import annotations

import numpy as np

from .instants import I64, fmt_day
from .model import Answers, Check, Data, Impl, Peer, Schedule
from .ours import as_i64, by_roll, day_pair


def busday_offset(sched: Schedule, ours: Answers) -> Peer:
    """``np.busday_offset`` against ``ours``, our add_business_days."""
    hol = np.array(sched.holidays, dtype="datetime64[D]")

    def numpy_offset(data: Data) -> I64:
        return by_roll(
            data,
            lambda d, n, r: np.busday_offset(
                d, n, roll=r, weekmask=sched.weekmask, holidays=hol
            ),
        )

    return Peer(
        Impl(
            "numpy",
            "np.busday_offset(days, n, roll=..., holidays=...)",
            lambda d: d,
            numpy_offset,
            as_i64,
        ),
        Check("add_business_days(day, n, roll=roll)", ours, fmt_day),
    )


def busday_count(sched: Schedule, ours: Answers) -> Peer:
    """``np.busday_count`` against ``ours``, our count_business_days."""
    hol = np.array(sched.holidays, dtype="datetime64[D]")
    return Peer(
        Impl(
            "numpy",
            "np.busday_count(begin, end, holidays=...)",
            day_pair,
            lambda p: np.busday_count(
                p[0], p[1], weekmask=sched.weekmask, holidays=hol
            ),
            as_i64,
        ),
        Check("count_business_days(begin, end)", ours, str),
    )
