"""The whole-array core of ``evaluate``: deadlines, business time, statuses.

Requests are grouped by engagement (one stable argsort); each engagement's
rows are computed together on its calendar, one numpy call per objective.
Output lines are laid out row by row, then objective by objective, so the
result does not depend on how the rows were grouped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from ._convert import NAT
from ._models import Engagement

__all__ = ["STATUSES", "Lines", "compute_lines"]

I64: TypeAlias = npt.NDArray[np.int64]
Lines: TypeAlias = dict[str, npt.NDArray[Any]]

STATUSES = ("met", "breached", "open", "overdue", "invalid", "unmeasured")
MET, BREACHED, OPEN, OVERDUE, INVALID, UNMEASURED = range(len(STATUSES))
PERCENTILES = (50, 90, 95)


def _us(values: Any) -> I64:
    return np.asarray(values).view(np.int64)


def _dt64(values: I64) -> npt.NDArray[np.datetime64]:
    return values.view("datetime64[us]")


def _share(used: I64, budget: I64) -> npt.NDArray[np.float64]:
    """Share of the budget used; a zero budget is all used (1.0) or overspent (inf)."""
    positive = budget > 0
    safe = np.where(positive, budget, 1).astype(np.float64)
    share = used.astype(np.float64) / safe
    return np.where(positive, share, np.where(used > 0, np.inf, 1.0))


def _percentiles(times: I64) -> list[dt.timedelta | None]:
    """Percentiles of business response times (linear), to the microsecond."""
    if not times.size:
        return [None] * len(PERCENTILES)
    values = np.percentile(times, PERCENTILES).tolist()
    return [dt.timedelta(microseconds=round(v)) for v in values]


def _entry(
    engagement: Engagement,
    k: int,
    state: npt.NDArray[np.int8],
    invalid: int,
    quantiles: list[dt.timedelta | None],
) -> dict[str, Any]:
    """The summary of objective ``k`` of ``engagement``."""
    target = engagement.objectives[k]
    counts = np.bincount(state, minlength=len(STATUSES))
    met, breached = int(counts[MET]), int(counts[BREACHED])
    judged = met + breached
    attainment = met / judged if judged else float("nan")
    return {
        "engagement": engagement.id,
        "objective": k,
        "rule": str(target.within),
        "title": target.title,
        "share": target.share,
        "requests": len(state) + invalid,
        "met": met,
        "breached": breached,
        "open": int(counts[OPEN]),
        "overdue": int(counts[OVERDUE]),
        "invalid": invalid,
        "attainment": attainment,
        "reached": (attainment >= target.share) if judged else None,
        **{f"p{q}": v for q, v in zip(PERCENTILES, quantiles, strict=True)},
    }


def compute_lines(
    charter: Any,
    *,
    received: I64,
    responded: I64,
    chosen: I64,
    bad: npt.NDArray[np.bool_],
    now_us: int,
) -> tuple[Lines, list[dict[str, Any]]]:
    """Columns of the request x objective lines, and the per-objective summary.

    ``chosen`` is the engagement index of each row (-1 for none), ``bad`` the
    rows reported as problems: they get ``invalid`` lines and no numbers.
    """
    engagements: tuple[Engagement, ...] = charter.engagements
    n = len(received)
    n_objectives = np.array([len(e.objectives) for e in engagements] + [0])
    per_row = n_objectives[chosen]  # chosen == -1 reads the trailing 0
    width = np.maximum(per_row, 1)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(width, out=starts[1:])
    total = int(starts[-1])
    row = np.repeat(np.arange(n, dtype=np.int64), width)
    objective = np.arange(total, dtype=np.int64) - starts[row]
    objective[per_row[row] == 0] = -1
    status = np.full(total, UNMEASURED, dtype=np.int8)
    status[bad[row]] = INVALID
    deadline = np.full(total, NAT, dtype=np.int64)
    used_out = np.full(total, NAT, dtype=np.int64)
    remaining = np.full(total, NAT, dtype=np.int64)
    share = np.full(total, np.nan, dtype=np.float64)

    measured = np.flatnonzero(~bad & (per_row > 0))
    keys = chosen[measured]
    order = np.argsort(keys, kind="stable")
    measured, keys = measured[order], keys[order]
    bounds = np.searchsorted(keys, np.arange(len(engagements) + 1))
    invalid_counts = np.bincount(
        chosen[bad & (chosen >= 0)], minlength=len(engagements)
    )
    now = _dt64(np.array([now_us], dtype=np.int64))
    summary: list[dict[str, Any]] = []
    for e, engagement in enumerate(engagements):
        rows = measured[bounds[e] : bounds[e + 1]]
        calendar = charter.calendar_for(engagement.id)
        r, s = received[rows], responded[rows]
        answered = s != NAT
        waiting = ~answered
        used = _us(calendar.elapsed(_dt64(r), _dt64(np.where(answered, s, now_us))))
        quantiles = _percentiles(used[answered])
        for k, target in enumerate(engagement.objectives):
            due = _us(target.deadline(calendar, _dt64(r)))
            budget = _us(calendar.elapsed(_dt64(r), _dt64(due)))
            lines = starts[rows] + k
            state = np.where(
                answered,
                np.where(s <= due, MET, BREACHED),
                np.where(now_us <= due, OPEN, OVERDUE),
            ).astype(np.int8)
            left = np.full(len(rows), NAT, dtype=np.int64)
            if waiting.any():
                left[waiting] = _us(calendar.elapsed(now, _dt64(due[waiting])))
            status[lines] = state
            deadline[lines] = due
            used_out[lines] = used
            remaining[lines] = left
            share[lines] = _share(used, budget)
            summary.append(
                _entry(engagement, k, state, int(invalid_counts[e]), quantiles)
            )
    names = np.array([e.id for e in engagements] + [""])
    columns: Lines = {
        "row": row,
        "engagement": names[chosen[row]],
        "objective": objective,
        "received": _dt64(received[row]),
        "responded": _dt64(responded[row]),
        "deadline": _dt64(deadline),
        "used": used_out.view("timedelta64[us]"),
        "remaining": remaining.view("timedelta64[us]"),
        "share_used": share,
        "status": np.array(STATUSES)[status],
    }
    return columns, summary
