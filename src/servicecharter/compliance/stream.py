"""Each request's life as one sorted stream of rows, and the state after each.

The stream holds, per request, its implicit ``received`` (first) and
``responded`` rows, its events and the bounds of its pauses (from the
pauses table), sorted once by (request, instant, input order) with the
implicit rows first at an instant. Every row of a request comes after its
``received`` row, so a forward fill (``np.maximum.accumulate`` of the
positions that set a field) never crosses from one request to the next:
the value of every field after every row is two whole-array passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64, NAT
from ..charter.lifecycle import IMPLICIT_EVENTS, State
from .codes import factorize
from .events import Events
from .input import Columns
from .ordering import stable_sort
from .pauses import Pauses

__all__ = ["RECEIVED", "RESPONDED", "Stream", "build_stream"]

RECEIVED, RESPONDED, EVENT, PAUSE_START, PAUSE_END = range(5)
Bools = npt.NDArray[np.bool_]


@attrs.frozen(eq=False)
class Stream:
    """The sorted rows of every live request, and the fields read from them.

    ``name`` codes each row's event name into ``names`` (-1: another name or
    a pause bound); ``fields`` maps each field a condition reads to its value
    code after each row and the texts the codes stand for (-1: missing).
    ``paused`` says whether a pause of the pauses table holds after the row.
    ``end`` is one past the last row of each row's request, ``settled`` the
    last row of the same request and instant (a state read at an instant is
    the state after all its rows).
    """

    row: I64
    at: I64
    kind: npt.NDArray[np.int8]
    name: npt.NDArray[np.int32]
    names: tuple[str, ...]
    fields: dict[str, tuple[npt.NDArray[np.int32], npt.NDArray[np.str_]]]
    paused: Bools
    first: Bools
    end: I64
    settled: I64

    def is_event(self, event: str) -> Bools:
        """Whether each row is the event ``event`` (whatever its value)."""
        return np.asarray(self.name == self.names.index(event), dtype=bool)

    def holds(self, state: State) -> Bools:
        """Whether ``state`` holds after each row (any of its fields matching)."""
        out = np.zeros(len(self.row), dtype=bool)
        for field, values in state.items():
            codes, vocabulary = self.fields[field]
            # A table of the codes that match, read at each row's code (the
            # code -1, missing, reads the last entry: no match).
            table = np.zeros(len(vocabulary) + 1, dtype=bool)
            table[:-1] = np.isin(vocabulary, np.asarray(values, dtype=str))
            if table.any():
                out |= table[codes]
        return out

    def entered(self, holding: Bools) -> Bools:
        """Rows at which a state starts to hold (at receipt: holding at all)."""
        before = np.empty_like(holding)
        before[0:1] = False
        before[1:] = holding[:-1]
        return holding & (self.first | ~before)

    def left(self, holding: Bools) -> Bools:
        """Rows at which a state stops holding."""
        before = np.empty_like(holding)
        before[0:1] = False
        before[1:] = holding[:-1]
        return ~holding & before & ~self.first


def _sorted_order(row: I64, at: I64) -> tuple[I64, I64, I64]:
    """Positions sorted by (row, at, position), and the rows and instants so.

    One stable sort by row (it merges the parts when the events come by
    request, else sorts row and position packed in one integer), then only
    the requests whose rows go back in time (an answer among events, say)
    are sorted again by (row, at), stably.
    """
    order, row_sorted = stable_sort(row)
    at_sorted = at[order]
    back = (at_sorted[1:] < at_sorted[:-1]) & (row_sorted[1:] == row_sorted[:-1])
    if not back.any():
        return order, row_sorted, at_sorted
    flagged = np.zeros(int(row.max()) + 1, dtype=bool)
    flagged[row_sorted[1:][back]] = True
    redo = np.flatnonzero(flagged[row_sorted])
    inner = np.lexsort((at_sorted[redo], row_sorted[redo]))
    order[redo] = order[redo][inner]
    at_sorted[redo] = at_sorted[redo][inner]  # the rows of redo stay in place
    return order, row_sorted, at_sorted


def _field(
    column: Any,
    *,
    stream_rows: I64,
    is_received: Bools,
    setter: Bools,
    given: npt.NDArray[np.str_],
    named: Sequence[str] = (),
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.str_]]:
    """The value codes of a field after each row, and their texts.

    ``column`` is the field's request column (``None``: none), ``setter``
    the rows that give it a value, ``given`` their texts, ``named`` the
    values the conditions name: the column's values and those are matched
    by a comparison each, and only other texts are hashed.
    """
    if column is not None:
        codes, col_names = factorize(column)
    else:
        codes, col_names = np.full(int(stream_rows.max(initial=-1)) + 1, -1), []
    given_codes, given_names = factorize(given, (*col_names, *named))
    distinct = [*col_names, *given_names]
    vocabulary = np.unique(np.asarray(distinct, dtype=str))
    vocabulary = vocabulary[vocabulary != ""]
    remap = np.searchsorted(vocabulary, np.asarray(distinct, dtype=str))
    remap = np.append(remap.astype(np.int32), np.int32(-1))  # -1: missing
    setting = np.full(len(is_received), -1, dtype=np.int32)
    setting[is_received] = remap[codes[stream_rows[is_received]]]
    shifted = np.where(given_codes >= 0, given_codes + len(col_names), -1)
    setting[setter] = remap[shifted]
    return _forward_fill(setting, is_received | setter), vocabulary


def _forward_fill(setting: npt.NDArray[Any], sets: Bools) -> Any:
    """Each row's latest setting at or before it (receipts always set)."""
    kind = np.int32 if len(sets) < 2**31 else np.int64  # half the bytes to move
    source = np.arange(len(sets), dtype=kind)
    source[~sets] = 0
    np.maximum.accumulate(source, out=source)
    return setting[source]


def _run_ends(new: Bools) -> I64:
    """One past the last position of the run each position is in."""
    starts = np.flatnonzero(new)
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    length = np.diff(np.append(starts, len(new)))
    return np.repeat(np.append(starts[1:], len(new)), length).astype(np.int64)


def build_stream(
    *,
    live: Bools,
    received: I64,
    responded: I64,
    events: Events,
    pauses: Pauses,
    columns: Columns,
    fields: Iterable[str],
    values: Mapping[str, Sequence[str]] | None = None,
) -> Stream:
    """Sort the rows of the ``live`` requests once and read their fields.

    ``values`` are the values the conditions name per field, if known.
    """
    rows = np.flatnonzero(live)
    answered = rows[responded[rows] != NAT]
    ev = live[events.row] if len(events.row) else np.zeros(0, dtype=bool)
    kept = np.flatnonzero(ev)
    pv = live[pauses.row] if len(pauses.row) else np.zeros(0, dtype=bool)
    p_row = np.repeat(pauses.row[pv], 2)
    p_at = np.stack([pauses.start[pv], pauses.end[pv]], axis=1).reshape(-1)
    parts_row = [rows, answered, events.row[kept], p_row]
    parts_at = [received[rows], responded[answered], events.at[kept], p_at]
    kinds = np.concatenate(
        [
            np.full(len(rows), RECEIVED, dtype=np.int8),
            np.full(len(answered), RESPONDED, dtype=np.int8),
            np.full(len(kept), EVENT, dtype=np.int8),
            np.tile(np.array([PAUSE_START, PAUSE_END], dtype=np.int8), int(pv.sum())),
        ]
    )
    n_implicit = len(rows) + len(answered)
    code = np.concatenate(
        [
            np.full(n_implicit, -1, dtype=np.int32),
            events.code[kept],
            np.full(len(p_row), -1, dtype=np.int32),
        ]
    )
    source = np.concatenate(
        [
            np.full(n_implicit, -1, dtype=np.int64),
            kept,
            np.full(len(p_row), -1, dtype=np.int64),
        ]
    )
    row_all = np.concatenate(parts_row)
    at_all = np.concatenate(parts_at)
    order, row_s, at_s = _sorted_order(row_all, at_all)
    kind_s, code_s = kinds[order], code[order]
    is_received = kind_s == RECEIVED
    names = (*IMPLICIT_EVENTS, *events.names)
    name = np.where(code_s >= 0, code_s + 2, -1).astype(np.int32)
    name[is_received] = 0
    name[kind_s == RESPONDED] = 1
    explicit = kind_s == EVENT
    field_codes = {}
    for field in dict.fromkeys(fields):
        # A field no event names holds its request column's value throughout.
        known = field in names
        setter = (
            explicit & (name == names.index(field))
            if known
            else np.zeros_like(explicit)
        )
        field_codes[field] = _field(
            columns.get(field),
            stream_rows=row_s,
            is_received=is_received,
            setter=setter,
            given=events.value[source[order[setter]]],
            named=(values or {}).get(field, ()),
        )
    if len(p_row):
        bounds = (kind_s == PAUSE_START) | (kind_s == PAUSE_END) | is_received
        paused = _forward_fill(kind_s == PAUSE_START, bounds)
    else:  # no pauses table: no row is paused by it
        paused = np.zeros(len(order), dtype=bool)
    first = np.ones(len(order), dtype=bool)
    first[1:] = row_s[1:] != row_s[:-1]
    end = _run_ends(first)
    new_instant = first.copy()
    new_instant[1:] |= at_s[1:] != at_s[:-1]
    settled = _run_ends(new_instant) - 1
    return Stream(
        row=row_s,
        at=at_s,
        kind=kind_s,
        name=name,
        names=names,
        fields=field_codes,
        paused=paused,
        first=first,
        end=end,
        settled=settled,
    )
