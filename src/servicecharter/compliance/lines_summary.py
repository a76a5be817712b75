"""The summary of ``evaluate``: one entry per engagement objective.

Each objective has a slot, its position among the charter's objectives in
charter order. The statuses of every line are counted with one
``bincount``; the business times of the judged lines (met or breached)
are kept per slot as the lines are computed (``JudgedTimes``), so that no
sort groups a million lines by slot again: percentiles do not depend on
the order of the times.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.units import I64
from ..charter import Engagement
from .compute import INVALID, STATUSES, percentiles, summary_entry

__all__ = ["JudgedTimes", "summarize_lines"]


class JudgedTimes:
    """The business times of the judged lines of each slot, as they come.

    >>> times = JudgedTimes(2)
    >>> times.add(1, np.array([5, 9]))
    >>> times.add(1, np.array([2]))
    >>> times.of(1).tolist(), times.of(0).tolist()
    ([5, 9, 2], [])
    """

    def __init__(self, slots: int) -> None:
        self._parts: list[list[I64]] = [[] for _ in range(slots)]

    def add(self, slot: int, times: I64) -> None:
        """Keep the judged ``times`` of one group of lines of slot ``slot``."""
        self._parts[slot].append(times)

    def of(self, slot: int) -> I64:
        """Every time kept for ``slot``, in no promised order."""
        parts = self._parts[slot]
        if len(parts) == 1:
            return parts[0]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def summarize_lines(
    engagements: tuple[Engagement, ...],
    *,
    chosen: I64,
    status: npt.NDArray[np.int8],
    slot: I64,
    offsets: I64,
    times: JudgedTimes,
) -> list[dict[str, Any]]:
    """One summary per engagement objective, from the line statuses and times.

    ``chosen`` is each request row's engagement (-1: none); ``status`` and
    ``slot`` are the lines' (slot -1 for a row's lone line); ``offsets``
    where each engagement's slots begin, with their count at the end. A
    bad row has one ``invalid`` line per objective, so the lines' own
    counts include the bad rows.
    """
    n_statuses = len(STATUSES)
    n_slots = int(offsets[-1])
    # Shifted by one slot: the lone lines (slot -1) fall in bins dropped after.
    key = slot * n_statuses
    key += status
    key += n_statuses
    table = np.bincount(key, minlength=(n_slots + 1) * n_statuses)
    table = table[n_statuses:].reshape(-1, n_statuses)
    rows_of = np.bincount(chosen + 1, minlength=len(engagements) + 1)[1:]
    summary: list[dict[str, Any]] = []
    for e, engagement in enumerate(engagements):
        for k in range(len(engagement.objectives)):
            s = int(offsets[e]) + k
            summary.append(
                summary_entry(
                    engagement,
                    k,
                    counts=table[s],
                    requests=int(rows_of[e]),
                    invalid=int(table[s][INVALID]),
                    quantiles=percentiles(times.of(s), overwrite=True),
                )
            )
    return summary
