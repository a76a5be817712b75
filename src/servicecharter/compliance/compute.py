"""The whole-array core of ``evaluate``: deadlines, business time, statuses.

Requests are grouped by engagement (one stable argsort); each engagement's
rows are computed together on its calendar, one numpy call per objective.
Output lines are laid out row by row, then objective by objective, so the
result does not depend on how the rows were grouped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64, NAT
from ..calendar import BusinessCalendar
from ..charter import Engagement
from .pauses import Pauses

__all__ = ["PERCENTILES", "STATUSES", "Lines", "compute_lines", "group_calendar"]

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
    *,
    counts: npt.NDArray[np.int64],
    measured: int,
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
        "requests": measured + invalid,
        "met": met,
        "breached": breached,
        "open": int(counts[OPEN]),
        "overdue": int(counts[OVERDUE]),
        "invalid": invalid,
        "attainment": attainment,
        "reached": (attainment >= target.share) if judged else None,
        **{f"p{q}": v for q, v in zip(PERCENTILES, quantiles, strict=True)},
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


def _paused_per_row(
    calendar: BusinessCalendar, rows: I64, pauses: Pauses, lo: int, hi: int
) -> I64:
    """Business time in the pauses ``lo:hi`` (of ``rows``, sorted) per row."""
    paused = np.zeros(len(rows), dtype=np.int64)
    if hi > lo:
        took = calendar.kernel.elapsed(pauses.start[lo:hi], pauses.end[lo:hi])
        where = np.searchsorted(rows, pauses.row[lo:hi])
        paused += np.bincount(where, weights=took, minlength=len(rows)).astype(np.int64)
    return paused


def compute_lines(
    charter: Any,
    *,
    received: I64,
    responded: I64,
    chosen: I64,
    bad: npt.NDArray[np.bool_],
    now_us: int,
    zones: I64 | None = None,
    specs: list[tuple[str | None, str | None]] | None = None,
    pauses: Pauses | None = None,
) -> tuple[Lines, list[dict[str, Any]]]:
    """Columns of the request x objective lines, and the per-objective summary.

    ``chosen`` is the engagement index of each row (-1 for none), ``bad`` the
    rows reported as problems: they get ``invalid`` lines and no numbers.
    ``zones`` codes each row's calendar override in ``specs`` (0: none);
    ``pauses`` are checked, clipped and merged (see ``_compliance_pauses``).
    Rows are grouped by (engagement, override): one loop turn per group.
    """
    engagements: tuple[Engagement, ...] = charter.engagements
    n = len(received)
    specs = specs or [(None, None)]
    zones = np.zeros(n, dtype=np.int64) if zones is None else zones
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
    out: Lines = {
        name: np.full(total, NAT, dtype=np.int64)
        for name in ("deadline", "used", "paused", "remaining")
    }
    out["share"] = np.full(total, np.nan, dtype=np.float64)
    out["status"] = status

    is_measured = ~bad & (per_row > 0)
    measured = np.flatnonzero(is_measured)
    n_specs = len(specs)
    keys = chosen[measured] * n_specs + zones[measured]
    order = np.argsort(keys, kind="stable")
    measured, keys = measured[order], keys[order]
    group_keys = np.flatnonzero(np.diff(keys, prepend=-1, append=-1) != 0)
    p_keys = np.empty(0, dtype=np.int64)
    if pauses is not None and len(pauses.row):
        keep = is_measured[pauses.row]
        p_row, p_start, p_end = pauses.row[keep], pauses.start[keep], pauses.end[keep]
        p_keys = chosen[p_row] * n_specs + zones[p_row]
        p_order = np.argsort(p_keys, kind="stable")  # keeps (row, start) order
        pauses = Pauses(p_row[p_order], p_start[p_order], p_end[p_order])
        p_keys = p_keys[p_order]
    used_row = np.full(n, NAT, dtype=np.int64)
    for lo, hi in zip(group_keys[:-1].tolist(), group_keys[1:].tolist(), strict=True):
        key = int(keys[lo])
        engagement = engagements[key // n_specs]
        calendar = group_calendar(charter, engagement, specs[key % n_specs])
        rows = measured[lo:hi]
        paused = None
        if pauses is not None:
            p_lo, p_hi = np.searchsorted(p_keys, [key, key + 1]).tolist()
            if p_hi > p_lo:
                paused = _paused_per_row(calendar, rows, pauses, p_lo, p_hi)
        used_row[rows] = _group_lines(
            out,
            calendar,
            engagement,
            lines=starts[rows],
            received=received[rows],
            responded=responded[rows],
            paused=paused,
            now_us=now_us,
        )

    summary = _summarize(
        engagements,
        chosen=chosen,
        bad=bad,
        measured=measured,
        responded=responded,
        used_row=used_row,
        line_row=row,
        objective=objective,
        status=status,
    )
    # Object arrays of shared strings: a pointer a line, not a fixed-width
    # copy of the longest name (which made fresh, cold memory the cost).
    names = np.array([e.id for e in engagements] + [""], dtype=object)
    columns: Lines = {
        "row": row,
        "engagement": names[chosen[row]],
        "objective": objective,
        "received": _dt64(received[row]),
        "responded": _dt64(responded[row]),
        "deadline": _dt64(out["deadline"]),
        "used": out["used"].view("timedelta64[us]"),
        "paused": out["paused"].view("timedelta64[us]"),
        "remaining": out["remaining"].view("timedelta64[us]"),
        "share_used": out["share"],
        "status": np.array(STATUSES, dtype=object)[status],
    }
    return columns, summary


def _group_lines(
    out: Lines,
    calendar: BusinessCalendar,
    engagement: Engagement,
    *,
    lines: I64,
    received: I64,
    responded: I64,
    paused: I64 | None,
    now_us: int,
) -> I64:
    """Fill the lines of one group's rows (``lines``: their first line each).

    Returns the business time used per row. Paused business time is taken
    out of ``used`` and out of the budget, and each deadline of a row with
    paused time moves later by it: ``add(deadline, paused)``.
    """
    kernel = calendar.kernel
    r, s = received, responded
    answered = s != NAT
    waiting = ~answered
    now = np.array([now_us], dtype=np.int64)
    used = kernel.elapsed(r, np.where(answered, s, now_us))
    moved = np.empty(0, dtype=np.int64)
    if paused is not None:
        used -= paused
        moved = np.flatnonzero(paused > 0)
    for k, target in enumerate(engagement.objectives):
        due = target.within.deadline_us(calendar, r)
        at = lines + k
        if moved.size:
            assert paused is not None
            due[moved] = kernel.add(due[moved], paused[moved])
        budget = kernel.elapsed(r, due)
        if paused is not None:
            budget -= paused
        state = np.where(
            answered,
            np.where(s <= due, MET, BREACHED),
            np.where(now_us <= due, OPEN, OVERDUE),
        ).astype(np.int8)
        left = np.full(len(lines), NAT, dtype=np.int64)
        if waiting.any():
            left[waiting] = kernel.elapsed(now, due[waiting])
        out["status"][at] = state
        out["deadline"][at] = due
        out["used"][at] = used
        out["paused"][at] = 0 if paused is None else paused
        out["remaining"][at] = left
        out["share"][at] = _share(used, budget)
    return used


def _summarize(
    engagements: tuple[Engagement, ...],
    *,
    chosen: I64,
    bad: npt.NDArray[np.bool_],
    measured: I64,
    responded: I64,
    used_row: I64,
    line_row: I64,
    objective: I64,
    status: npt.NDArray[np.int8],
) -> list[dict[str, Any]]:
    """One summary per engagement objective, from the line columns."""
    offsets = np.zeros(len(engagements) + 1, dtype=np.int64)
    np.cumsum([len(e.objectives) for e in engagements], out=offsets[1:])
    n_statuses = len(STATUSES)
    line_engagement = chosen[line_row]
    judged = (objective >= 0) & (status != INVALID)
    slot = offsets[line_engagement[judged]] + objective[judged]
    counts = np.bincount(
        slot * n_statuses + status[judged], minlength=int(offsets[-1]) * n_statuses
    ).reshape(-1, n_statuses)
    invalid_counts = np.bincount(
        chosen[bad & (chosen >= 0)], minlength=len(engagements)
    )
    measured_counts = np.bincount(chosen[measured], minlength=len(engagements))
    # ``measured`` is sorted by engagement first: each engagement is one slice.
    bounds = np.searchsorted(chosen[measured], np.arange(len(engagements) + 1))
    summary: list[dict[str, Any]] = []
    for e, engagement in enumerate(engagements):
        rows = measured[bounds[e] : bounds[e + 1]]
        quantiles = _percentiles(used_row[rows][responded[rows] != NAT])
        for k in range(len(engagement.objectives)):
            summary.append(
                _entry(
                    engagement,
                    k,
                    counts=counts[offsets[e] + k],
                    measured=int(measured_counts[e]),
                    invalid=int(invalid_counts[e]),
                    quantiles=quantiles,
                )
            )
    return summary
