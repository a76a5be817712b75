"""servicecharter's side of the workloads: Data as arrays, our calls and answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from common import OURS
from servicecharter import BusinessCalendar

from .instants import DT_US, I64
from .model import ROLLS, Answers, Data, Impl


def instants(data: Data) -> npt.NDArray[np.datetime64]:
    return data.a.view(DT_US)


def ends(data: Data) -> npt.NDArray[np.datetime64]:
    return data.b.view(DT_US)


def as_i64(values: Any) -> I64:
    return np.asarray(values).view(np.int64)


def day_pair(data: Data) -> tuple[Any, Any]:
    return data.a.view("datetime64[D]"), data.b.view("datetime64[D]")


def by_roll(data: Data, offset: Callable[[Any, Any, Any], Any]) -> I64:
    """Apply ``offset(days, n, roll)`` per roll present (one roll per call)."""
    days = data.a.view("datetime64[D]")
    rolls = np.unique(data.c)
    if len(rolls) == 1:
        return as_i64(offset(days, data.b, ROLLS[int(rolls[0])]))
    out = np.empty(len(data), dtype=np.int64)
    for r in rolls.tolist():
        pick = data.c == r
        out[pick] = as_i64(offset(days[pick], data.b[pick], ROLLS[r]))
    return out


def adder(cal: BusinessCalendar, d: np.timedelta64, boundary: str) -> Answers:
    if boundary == "close":
        return lambda data: as_i64(cal.add(instants(data), d, boundary="close"))
    return lambda data: as_i64(cal.add(instants(data), d))


def our_add(cal: BusinessCalendar, d: np.timedelta64, text: str) -> Impl:
    return Impl(
        OURS,
        f"cal.add(t, {text})",
        instants,
        lambda x: cal.add(x, d),
        as_i64,
        budgeted=False,
    )


def our_elapsed(cal: BusinessCalendar) -> Impl:
    return Impl(
        OURS,
        "cal.elapsed(a, b)",
        lambda data: (instants(data), ends(data)),
        lambda ab: cal.elapsed(ab[0], ab[1]),
        as_i64,
        budgeted=False,
    )


def our_elapsed_us(cal: BusinessCalendar) -> Answers:
    return lambda data: as_i64(cal.elapsed(instants(data), ends(data)))
