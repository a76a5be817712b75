"""Pauses for ``evaluate``: a long table of (request, start, end), whole-array.

The table is read into flat arrays with the row index of each pause, sorted
by (row, start). Checks are whole-array: a pause of an invalid row is
ignored, a pause of a non-pausable engagement is reported and ignored, a
pause reaching outside the request's life (before the receipt, after the
response or ``now``) is reported and clipped, and overlapping pauses are
reported and counted once (their union). No Python loop runs per pause or
per row, except to word the reasons of the rows reported.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64, NAT
from .input import TableIn, as_ids, read_columns_plain
from .row_instants import read_instants

__all__ = ["Pauses", "empty_pauses", "match_ids", "read_pauses", "tell_sharing"]

Bools: TypeAlias = npt.NDArray[np.bool_]
Reasons: TypeAlias = dict[int, list[str]]


PausesIn: TypeAlias = TableIn
"""A long table of pauses: ``request`` (an id, or a row number), ``start`` and
``end`` (missing: still paused); read by ``read_pauses``."""


@attrs.frozen(eq=False)
class Pauses:
    """Flat pauses sorted by (row, start): clipped, merged, ready to measure."""

    row: I64
    start: I64
    end: I64


def empty_pauses() -> Pauses:
    """No pauses at all."""
    empty = np.empty(0, dtype=np.int64)
    return Pauses(empty, empty, empty)


def match_ids(request: Any, ids: npt.NDArray[Any]) -> tuple[I64, I64]:
    """Row of each pause's request (-1: no such id) and how many rows share it."""
    req = np.asarray(request)
    if req.dtype.kind in "iu" and ids.dtype.kind in "iu":
        keys, wanted = ids.astype(np.int64), req.astype(np.int64)
    else:
        keys = ids.astype(str) if ids.dtype.kind != "U" else ids
        wanted = req.astype(str) if req.dtype.kind != "U" else req
    if not len(keys):
        return np.full(len(wanted), -1, dtype=np.int64), np.zeros(
            len(wanted), dtype=np.int64
        )
    if keys.dtype.kind == "i" and _consecutive(keys):
        # Ids 0..n-1 (or any run of consecutive integers): the row is the
        # id's offset, no search at all.
        offset = wanted - keys[0]
        inside = (offset >= 0) & (offset < len(keys))
        return np.where(inside, offset, -1), inside.astype(np.int64)
    if len(keys) < 2 or bool((keys[1:] > keys[:-1]).all()):
        order = np.arange(len(keys))  # already sorted and unique (row numbers)
        ordered = keys
    else:
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
    left = np.searchsorted(ordered, wanted, side="left")
    right = np.searchsorted(ordered, wanted, side="right")
    count = (right - left).astype(np.int64)
    row = np.where(count > 0, order[np.minimum(left, len(order) - 1)], -1)
    return row.astype(np.int64), count


def tell_sharing(
    reasons: Reasons,
    ids: npt.NDArray[Any],
    first: I64,
    bad: Bools,
    text: str,
) -> None:
    """Give ``text`` to every valid row whose id is that of a row of ``first``.

    ``match_ids`` names the first row of an id that several rows hold; a
    problem with that id is every such row's, whether or not the first is
    valid.

    >>> reasons = {}
    >>> ids, bad = np.array(["a", "b", "a", "a"]), np.array([False, False, True, False])
    >>> tell_sharing(reasons, ids, np.array([0]), bad, "shared")
    >>> reasons
    {0: ['shared'], 3: ['shared']}
    """
    if not first.size:
        return
    first_of, _ = match_ids(ids, ids)
    for r in np.flatnonzero(np.isin(first_of, first) & ~bad).tolist():
        reasons.setdefault(r, []).append(text)


def _consecutive(keys: I64) -> bool:
    """Whether ``keys`` are ``keys[0], keys[0] + 1, ...`` (hence unique)."""
    if int(keys[-1]) - int(keys[0]) != len(keys) - 1:
        return False
    return bool((np.diff(keys) == 1).all())


def _segment_cummax(values: I64, row: I64) -> I64:
    """Running maximum of ``values`` restarting at each new ``row`` (sorted)."""
    out = values.copy()
    shift = 1
    while shift < len(out):
        same = row[shift:] == row[:-shift]
        if not same.any():
            break
        np.maximum(
            out[shift:], np.where(same, out[:-shift], out[shift:]), out=out[shift:]
        )
        shift *= 2
    return out


def read_pauses(
    table: PausesIn,
    *,
    ids: npt.NDArray[Any],
    has_ids: bool,
    received: I64,
    life_end: I64,
    pausable: Bools,
    bad: Bools,
    reasons: Reasons,
    orphans: list[tuple[Any, str]],
) -> Pauses:
    """Read, check, clip and merge the pause table; add reasons per row.

    ``life_end`` is each row's response, or ``now`` while unanswered;
    ``pausable`` whether the row's engagement is; ``bad`` the invalid rows.
    Reasons go to ``reasons`` (row -> texts); pauses naming no request go to
    ``orphans`` as (request, reason).
    """
    columns, m = read_columns_plain(table, "pauses", ("request", "start"))
    if m == 0:
        return empty_pauses()
    request = as_ids(columns["request"], m)  # nullable ints stay ints
    if request.dtype.kind not in "iuU":
        request = np.asarray(request, dtype=object).astype(str)
    row, count = match_ids(request, ids if has_ids else np.arange(len(received)))
    start, bad_start = read_instants("pauses.start", columns["start"])
    if "end" in columns:
        end, bad_end = read_instants("pauses.end", columns["end"])
    else:
        end, bad_end = np.full(m, NAT, dtype=np.int64), {}
    for k in np.flatnonzero(row < 0).tolist():
        orphans.append((request[k].item(), "pause for no request with this id"))
    known = row >= 0
    if not known.any():
        return empty_pauses()
    unreadable = np.zeros(m, dtype=bool)
    unreadable[list(bad_start) + list(bad_end)] = True
    missing = (start == NAT) & ~unreadable
    shared = known & (count > 1)
    safe_row = np.where(known, row, 0)
    keep = known & ~shared & ~bad[safe_row] & ~unreadable & ~missing
    not_pausable = keep & ~pausable[safe_row]
    keep &= ~not_pausable
    # A missing end is a pause still running: it lasts until the life's end.
    end = np.where((end == NAT) & keep, life_end[safe_row], end)
    backwards = keep & (end < start)
    keep &= ~backwards

    def report(mask: Bools, text: str) -> None:
        for r in np.unique(row[mask & known]).tolist():
            reasons.setdefault(r, []).append(text)

    for k, why in (*bad_start.items(), *bad_end.items()):
        if known[k] and not bad[row[k]]:
            reasons.setdefault(int(row[k]), []).append(why)
    report(missing & ~bad[safe_row], "pauses: a pause has no start")
    tell_sharing(
        reasons,
        ids,
        np.unique(row[shared]),
        bad,
        "pauses: the request id is not unique; its pauses are ignored",
    )
    report(not_pausable, "pauses: the engagement is not pausable; pauses ignored")
    report(backwards, "pauses: a pause ends before it starts; it is ignored")

    return _clip_and_merge(
        row[keep],
        start[keep],
        end[keep],
        received=received,
        life_end=life_end,
        reasons=reasons,
    )


def _in_order(row: I64, start: I64) -> bool:
    """Whether the pauses come sorted by (row, start), as most exports list them.

    Two passes over the pairs instead of a sort of them (a few times cheaper).
    """
    step = np.diff(row)
    return bool((step >= 0).all() and ((step > 0) | (np.diff(start) >= 0)).all())


def _clip_and_merge(
    row: I64, start: I64, end: I64, *, received: I64, life_end: I64, reasons: Reasons
) -> Pauses:
    """Sort by (row, start), clip to each request's life, merge overlaps."""
    if not _in_order(row, start):
        order = np.lexsort((start, row))
        row, start, end = row[order], start[order], end[order]
    lo, hi = received[row], life_end[row]
    outside = (start < lo) | (end > hi)
    report_rows = np.unique(row[outside]).tolist()
    for r in report_rows:
        reasons.setdefault(r, []).append(
            "pauses: a pause reaches outside the request's life; clipped to it"
        )
    start = np.clip(start, lo, hi)
    end = np.clip(end, lo, hi)
    # Union of overlapping pauses: each starts no earlier than the latest end
    # of the pauses before it in the same row.
    latest = _segment_cummax(end, row)
    previous = np.empty_like(latest)
    previous[1:] = latest[:-1]
    first = np.ones(len(row), dtype=bool)
    first[1:] = row[1:] != row[:-1]
    previous[first] = np.iinfo(np.int64).min
    overlap = start < previous
    for r in np.unique(row[overlap]).tolist():
        reasons.setdefault(r, []).append("pauses: pauses overlap; counted once")
    start = np.maximum(start, previous)
    end = np.maximum(end, start)
    return Pauses(row, start, end)
