"""``summarize``: attainment and percentiles per objective, target and group.

The summary of ``evaluate`` is one entry per engagement objective. People
ask for more: the attainment of each target ("urgent tickets"), per
request attribute ("per channel") or per period ("per week", in the
charter's zone). ``summarize`` groups the lines of an ``Evaluation`` by
(engagement, objective, target, group) with one stable sort, and counts
each group's statuses with one ``bincount``; one Python turn per group
builds its entry.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.units import I64, NAT
from .._core.zone import utc_to_local
from .._errors import InvalidArgumentError
from ..charter import Charter
from ..charter.charter import checked_charter
from .codes import missing_objects
from .compute import BREACHED, MET, PERCENTILES, STATUSES, percentiles
from .evaluation import Evaluation
from .input import RequestsIn, read_columns_plain

__all__ = ["PERIODS", "summarize"]

PERIODS = ("week", "month")
_DAY_US = 86_400_000_000


def _period_labels(instants: I64, charter: Charter, period: str) -> npt.NDArray[Any]:
    """The ISO week's Monday or the month of each instant, in the charter's zone."""
    valid = instants != NAT
    local = np.zeros(len(instants), dtype=np.int64)
    local[valid] = utc_to_local(instants[valid], charter.tz)
    days = (local // _DAY_US).astype("datetime64[D]")
    if period == "month":
        labels = days.astype("datetime64[M]").astype(str)
    else:
        weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        labels = (days - weekday).astype(str)
    return np.where(valid, labels, "").astype(object)


def _groups(
    result: Any, charter: Charter, group_by: Any, requests: RequestsIn | None
) -> npt.NDArray[Any]:
    lines = result.requests
    if group_by is None:
        return np.full(len(lines["row"]), "", dtype=object)
    if isinstance(group_by, str) and group_by in PERIODS:
        start = lines["start"].view(np.int64)
        received = lines["received"].view(np.int64)
        return _period_labels(
            np.where(start != NAT, start, received), charter, group_by
        )
    if not isinstance(group_by, str) or requests is None:
        raise InvalidArgumentError(
            f"group_by must be 'week', 'month' or the name of a request column "
            f"(with requests= the table evaluated), got {group_by!r}"
        )
    columns, n = read_columns_plain(requests, "requests", (group_by,))
    values = np.asarray(columns[group_by], dtype=object)
    if n != int(lines["row"].max(initial=-1)) + 1 and len(lines["row"]):
        raise InvalidArgumentError(
            f"requests has {n} rows; the evaluation was of "
            f"{int(lines['row'].max()) + 1}: give the table that was evaluated"
        )
    picked: npt.NDArray[Any] = values[lines["row"]]
    # A missing value is no group name: "", as a line without a period.
    picked[missing_objects(picked)] = ""
    return picked.astype(str).astype(object)


def summarize(
    evaluation: Any,
    charter: Charter,
    *,
    group_by: str | None = None,
    requests: RequestsIn | None = None,
) -> list[dict[str, Any]]:
    """Attainment per engagement, objective, target and group of lines.

    ``group_by`` is ``"week"`` or ``"month"`` (of each line's start, or its
    receipt before it starts, in the charter's zone) or the name of a column
    of ``requests``, the table that was evaluated (its missing values group
    as ``""``, as lines without a period do). Each entry has the
    status counts, ``attainment`` (met over met and breached) and the
    percentiles of the business time used by the lines judged.

    >>> import numpy as np
    >>> from servicecharter import evaluate, examples
    >>> charter = examples.load("technical-support")
    >>> requests = {
    ...     "engagement": ["anomalies"] * 3,
    ...     "received_at": np.array(["2026-03-27T08:00"] * 3, "M8[us]"),
    ...     "responded_at": np.array(
    ...         ["2026-03-27T09:00", "2026-03-27T15:30", "2026-04-01T09:00"], "M8[us]"
    ...     ),
    ... }
    >>> result = evaluate(charter, requests, now=np.datetime64("2026-04-02"))
    >>> [
    ...     (s["group"], s["met"], s["breached"])
    ...     for s in summarize(result, charter, group_by="week")
    ... ]
    [('2026-03-23', 1, 2)]
    """
    if not isinstance(evaluation, Evaluation):
        raise InvalidArgumentError(
            f"expected the Evaluation that evaluate() returns, got "
            f"{type(evaluation).__name__}"
        )
    charter = checked_charter(charter)
    lines = evaluation.requests
    groups = _groups(evaluation, charter, group_by, requests)
    measured = np.flatnonzero(lines["objective"] >= 0)
    parts = [
        _codes(lines["engagement"][measured]),
        _codes(lines["objective_id"][measured]),
        _codes(lines["target"][measured]),
        _codes(groups[measured]),
    ]
    combined = np.zeros(len(measured), dtype=np.int64)
    for codes, names in parts:
        combined = combined * len(names) + codes
    return _entries(combined, parts, lines, measured)


def _codes(values: npt.NDArray[Any]) -> tuple[I64, list[Any]]:
    """Codes of the distinct values, and the values."""
    names, inverse = np.unique(np.asarray(values).astype(str), return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), names.tolist()


def _entries(
    combined: I64,
    parts: list[tuple[I64, list[Any]]],
    lines: dict[str, Any],
    measured: I64,
) -> list[dict[str, Any]]:
    """One entry per distinct (engagement, objective, target, group) code."""
    if not len(combined):
        return []
    uniques, inverse = np.unique(combined, return_inverse=True)
    inverse = inverse.reshape(-1)
    texts = lines["status"][measured]
    status = np.zeros(len(measured), dtype=np.int64)
    for k, name in enumerate(STATUSES):
        status[texts == name] = k
    n = len(STATUSES)
    counts = np.bincount(inverse * n + status, minlength=len(uniques) * n)
    counts = counts.reshape(-1, n)
    used = lines["used"][measured].view(np.int64)
    judged = (status == MET) | (status == BREACHED)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(len(uniques) + 1))
    out = []
    for j, code in enumerate(uniques.tolist()):
        values, rest = [], code
        for _, names in reversed(parts):
            values.append(names[rest % len(names)])
            rest //= len(names)
        group, target, objective, engagement = values
        mine = order[bounds[j] : bounds[j + 1]]
        met, breached = int(counts[j][MET]), int(counts[j][BREACHED])
        judged_times = used[mine][judged[mine]]
        out.append(
            {
                "engagement": engagement,
                "objective_id": objective,
                "target": int(target),
                "group": group,
                "lines": int(counts[j].sum()),
                **{name: int(counts[j][k]) for k, name in enumerate(STATUSES)},
                "attainment": met / (met + breached) if met + breached else math.nan,
                **dict(
                    zip(
                        (f"p{q}" for q in PERCENTILES),
                        percentiles(judged_times),
                        strict=True,
                    )
                ),
            }
        )
    return out
