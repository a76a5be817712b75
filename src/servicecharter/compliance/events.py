"""Read the event log of ``evaluate``: ``request``, ``at``, ``event``, ``value``.

Every check is whole-array. An event naming no request is reported once per
unknown id (``orphans``); an unreadable or missing instant, a missing event
name and an event before the request's receipt are reported on the
request's row and the event is ignored; an event after ``now`` has not
happened yet and is ignored without a word. The request's row stays
evaluated either way: an event problem never makes a line ``invalid``.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs
import numpy as np
import numpy.typing as npt

from .._core.convert import is_missing
from .._core.units import I64, NAT
from .codes import code_names
from .input import TableIn, as_ids, read_columns_plain
from .pauses import match_ids, tell_sharing
from .row_instants import read_instants

__all__ = ["Events", "EventsIn", "empty_events", "read_events"]

EventsIn: TypeAlias = TableIn
"""A long table of events: ``request`` (an id, or a row number), ``at`` (an
instant), ``event`` (a name) and an optional ``value``; read by
``read_events``."""

Reasons: TypeAlias = dict[int, list[str]]


@attrs.frozen(eq=False)
class Events:
    """The events kept, in input order: row, instant, name code and value.

    ``code`` is the index of the event's name in ``names`` (-1: a name no
    objective reads); ``value`` is the input's value column, ``""`` where
    none was given, and ``kept`` the input position of each event kept
    (``None``: all were): the texts are read only where a field is set,
    never copied whole. ``seen`` are the ``names`` that some event has.
    """

    row: I64
    at: I64
    code: npt.NDArray[np.int32]
    value: npt.NDArray[np.str_]
    names: tuple[str, ...] = ()
    seen: frozenset[str] = frozenset()
    kept: I64 | None = None

    def values(self, events: I64) -> npt.NDArray[np.str_]:
        """The value texts of the kept events at positions ``events``."""
        return self.value[events if self.kept is None else self.kept[events]]


def empty_events(names: tuple[str, ...] = ()) -> Events:
    """No events at all."""
    empty = np.empty(0, dtype=np.int64)
    return Events(
        empty, empty, np.empty(0, dtype=np.int32), np.empty(0, dtype=str), names
    )


def _texts(values: Any, m: int) -> npt.NDArray[np.str_]:
    """A column as texts, missing values (None, NaN, NA) as ``""``."""
    if hasattr(values, "to_numpy"):
        missing = (
            np.asarray(values.isna(), dtype=bool) if hasattr(values, "isna") else None
        )
        array = np.asarray(values.to_numpy(dtype=object))
    else:
        array = (
            np.asarray(values, dtype=object)
            if not isinstance(values, np.ndarray)
            else values
        )
        missing = None
    if array.dtype.kind == "U":
        return array
    if array.dtype.kind == "S":
        return array.astype(str)
    objects = np.asarray(array, dtype=object).reshape(-1)
    if missing is None:
        missing = np.fromiter(map(is_missing, objects), dtype=bool, count=m)
    objects = np.where(missing, "", objects)
    return objects.astype(str)


def read_events(
    table: EventsIn,
    *,
    ids: npt.NDArray[Any],
    has_ids: bool,
    received: I64,
    bad: npt.NDArray[np.bool_],
    now_us: int,
    reasons: Reasons,
    orphans: list[tuple[Any, str]],
    names: tuple[str, ...],
) -> Events:
    """Read and check the event table; add reasons per row and stray events.

    ``ids`` are the requests' ids (row numbers without an ``id`` column),
    ``bad`` the invalid rows: their events are ignored. ``names`` are the
    event names and fields the objectives read: each event is coded by them
    once, so that no text travels further.
    """
    columns, m = read_columns_plain(table, "events", ("request", "at", "event"))
    if m == 0:
        return empty_events(names)
    request = as_ids(columns["request"], m)
    if request.dtype.kind not in "iuU":
        request = np.asarray(request, dtype=object).astype(str)
    row, count = match_ids(request, ids if has_ids else np.arange(len(received)))
    at, bad_at = read_instants("events.at", columns["at"])
    name = _texts(columns["event"], m)
    value = _texts(columns["value"], m) if "value" in columns else np.full(m, "")
    for k in np.flatnonzero(row < 0).tolist():
        orphans.append((request[k].item(), "event for no request with this id"))
    known = row >= 0
    if not known.any():  # every event names no request (or there are none)
        return empty_events(names)
    safe = np.where(known, row, 0)
    considered = known & ~bad[safe]
    unreadable = np.zeros(m, dtype=bool)
    unreadable[list(bad_at)] = True
    missing_at = (at == NAT) & ~unreadable
    shared = count > 1
    all_codes, nameless = code_names(name, names)
    early = (at != NAT) & (at < received[safe])

    def report(mask: npt.NDArray[np.bool_], text: str) -> None:
        for r in np.unique(row[mask & considered]).tolist():
            reasons.setdefault(r, []).append(text)

    for k, why in bad_at.items():
        if considered[k]:
            reasons.setdefault(int(row[k]), []).append(why)
    report(missing_at, "events: an event has no instant; it is ignored")
    tell_sharing(
        reasons,
        ids,
        np.unique(row[shared & known]),
        bad,
        "events: the request id is not unique; its events are ignored",
    )
    report(nameless & ~shared, "events: an event has no name; it is ignored")
    report(early & ~shared, "events: an event comes before the receipt; it is ignored")
    keep = considered & ~unreadable & ~missing_at & ~shared & ~nameless & ~early
    keep &= at <= now_us  # not happened yet
    # A count per name code (-1 counted apart) says which names occur.
    counted = np.bincount(all_codes + 1, weights=keep, minlength=len(names) + 1)
    seen = frozenset(names[c] for c in np.flatnonzero(counted[1:]).tolist())
    if keep.all():  # the usual log: every event kept, nothing copied
        return Events(row, at, all_codes, value, names, seen)
    kept = np.flatnonzero(keep)
    return Events(row[kept], at[kept], all_codes[kept], value, names, seen, kept)
