"""pandas: ``DatetimeIndex + CustomBusinessHour``, on naive Paris wall-clock times."""

from __future__ import annotations

from typing import Any

import numpy as np

from .instants import DT_US, fmt_wall, wall_us
from .model import WEEKDAYS, Answers, Cause, Check, Impl, Missing, Peer, Schedule
from .optional import load, quiet


def pandas_add(
    add: Answers, close: Answers, sched: Schedule, causes: tuple[Cause, ...]
) -> Peer | Missing:
    try:
        pd = load("pandas")
    except ImportError:
        return Missing("pandas", "not installed")
    start, end = f"{sched.start:02d}:00", f"{sched.end:02d}:00"
    offset = pd.offsets.CustomBusinessHour(
        n=4,
        start=start,
        end=end,
        weekmask=" ".join(WEEKDAYS[i] for i in sched.weekdays),
        holidays=list(sched.holidays),
    )

    def call(index: Any) -> Any:
        with quiet():
            return index + offset

    impl = Impl(
        "pandas",
        f"DatetimeIndex + CustomBusinessHour(n=4, start={start!r}, end={end!r})",
        lambda data: pd.DatetimeIndex(wall_us(data.a).view(DT_US)),
        call,
        lambda out: np.asarray(out.as_unit("us").asi8, dtype=np.int64),
    )
    check = Check(
        "add(t, 4 h) as Paris wall clock",
        lambda data: wall_us(add(data)),
        fmt_wall,
        causes,
        ('add(t, 4 h, boundary="close")', lambda data: wall_us(close(data))),
    )
    return Peer(impl, check)
