"""What the lines of ``evaluate`` share: statuses, shares, summaries, calendars."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64
from ..calendar import BusinessCalendar
from ..charter import Engagement

__all__ = [
    "BREACHED",
    "INVALID",
    "MET",
    "NOT_STARTED",
    "OPEN",
    "OVERDUE",
    "PERCENTILES",
    "STATUSES",
    "UNMEASURED",
    "Lines",
    "group_calendar",
    "percentiles",
    "share_of",
    "summary_entry",
]

Lines: TypeAlias = dict[str, npt.NDArray[Any]]

STATUSES = (
    "met",
    "breached",
    "open",
    "overdue",
    "invalid",
    "unmeasured",
    "not_started",
)
MET, BREACHED, OPEN, OVERDUE, INVALID, UNMEASURED, NOT_STARTED = range(len(STATUSES))
PERCENTILES = (50, 90, 95)


def share_of(used: I64, budget: I64 | int) -> npt.NDArray[np.float64]:
    """Share of the budget used; a zero budget is all used (1.0) or overspent (inf).

    ``budget`` is one per line, or one (an int) for all.

    >>> share_of(np.array([0, 30, 90]), 60).tolist()
    [0.0, 0.5, 1.5]
    >>> share_of(np.array([0, 5]), np.array([0, 0])).tolist()
    [1.0, inf]
    """
    if isinstance(budget, int):
        if budget > 0:
            return np.true_divide(used, budget)
        return np.where(used > 0, np.inf, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.true_divide(used, budget)
    spent = np.flatnonzero(budget <= 0)
    if spent.size:
        share[spent] = np.where(used[spent] > 0, np.inf, 1.0)
    return share


def percentiles(times: I64, *, overwrite: bool = False) -> list[dt.timedelta | None]:
    """Percentiles of business response times (linear), to the microsecond.

    ``overwrite``: the caller gives up ``times``, which numpy may then
    reorder instead of copying.
    """
    if not times.size:
        return [None] * len(PERCENTILES)
    values = np.percentile(times, PERCENTILES, overwrite_input=overwrite).tolist()
    return [dt.timedelta(microseconds=round(v)) for v in values]


def summary_entry(
    engagement: Engagement,
    k: int,
    *,
    counts: npt.NDArray[np.int64],
    requests: int,
    invalid: int,
    quantiles: list[dt.timedelta | None],
) -> dict[str, Any]:
    """The summary of objective ``k`` of ``engagement`` from its status counts."""
    target = engagement.objectives[k]
    met, breached = int(counts[MET]), int(counts[BREACHED])
    judged = met + breached
    attainment = met / judged if judged else float("nan")
    return {
        "engagement": engagement.id,
        "objective": k,
        "rule": str(target.within),
        "title": target.title,
        "share": target.share,
        "requests": requests,
        "met": met,
        "breached": breached,
        "open": int(counts[OPEN]),
        "overdue": int(counts[OVERDUE]),
        "invalid": invalid,
        "attainment": attainment,
        "reached": (attainment >= target.share) if judged else None,
        **{f"p{q}": v for q, v in zip(PERCENTILES, quantiles, strict=True)},
        "objective_id": engagement.objective_ids()[k],
        "not_started": int(counts[NOT_STARTED]),
    }


def group_calendar(
    charter: Any, engagement: Engagement, spec: tuple[str | None, str | None]
) -> BusinessCalendar:
    """The calendar of a group: the engagement's, or another, or in another zone.

    Compiled calendars are kept in the charter's cache, so a later call with
    the same override does not compile again.
    """
    name, tz = spec
    if name is None and tz is None:
        return charter.calendar_for(engagement.id)  # type: ignore[no-any-return]
    base: BusinessCalendar | None = charter.calendar(name) if name is not None else None
    if tz is None:
        assert base is not None
        return base
    if base is None:
        base = charter.calendar_for(engagement.id)
    # Calendar names are identifiers: a key with "@" never shadows one.
    key = f"{name if name is not None else ':' + engagement.id}@{tz}"
    cache = charter._cache
    found = cache.get(key)
    if found is None:
        found = cache.setdefault(key, BusinessCalendar(attrs.evolve(base.hours, tz=tz)))
    return found  # type: ignore[no-any-return]
