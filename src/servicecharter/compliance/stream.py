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
from .codes import factorize_sampled
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
        return self.holds_at(state, None)

    def holds_at(self, state: State, positions: I64 | None) -> Bools:
        """Whether ``state`` holds after each of the rows at ``positions``.

        ``positions`` None: after every row. Only the codes of those rows
        are read.
        """
        out = np.zeros(len(self.row) if positions is None else len(positions), bool)
        for field, values in state.items():
            codes, vocabulary = self.fields[field]
            # A table of the codes that match, read at each row's code (the
            # code -1, missing, reads the last entry: no match).
            table = np.zeros(len(vocabulary) + 1, dtype=bool)
            table[:-1] = np.isin(vocabulary, np.asarray(values, dtype=str))
            if table.any():
                out |= table[codes if positions is None else codes[positions]]
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
    received_at: I64,
    setter: I64,
    given: npt.NDArray[np.str_],
    named: Sequence[str] = (),
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.str_]]:
    """The value codes of a field after each row, and their texts.

    ``column`` is the field's request column (``None``: none), ``setter``
    the rows that give it a value (positions, like the receipts'
    ``received_at``), ``given`` their texts, ``named`` the values the
    conditions name: the column's values and those are matched by a
    comparison each, and only other texts are hashed.
    """
    if column is not None:
        codes, col_names = factorize_sampled(column, tuple(named))
    else:
        codes, col_names = np.full(int(stream_rows.max(initial=-1)) + 1, -1), []
    given_codes, given_names = factorize_sampled(given, (*col_names, *named))
    distinct = [*col_names, *given_names]
    vocabulary = np.unique(np.asarray(distinct, dtype=str))
    vocabulary = vocabulary[vocabulary != ""]
    remap = np.searchsorted(vocabulary, np.asarray(distinct, dtype=str))
    remap = np.append(remap.astype(np.int32), np.int32(-1))  # -1: missing
    shifted = np.where(given_codes >= 0, given_codes + len(col_names), -1)
    received_codes = remap[codes[stream_rows[received_at]]]
    if not len(setter):  # the request column's value throughout
        return _spread(received_at, received_codes, len(stream_rows)), vocabulary
    sets = np.concatenate([received_at, setter])
    setting = np.concatenate([received_codes, remap[shifted]])
    by_position = np.argsort(sets, kind="stable")  # two sorted runs: a merge
    return _spread(sets[by_position], setting[by_position], len(stream_rows)), (
        vocabulary
    )


def _spread(positions: I64, settings: npt.NDArray[Any], n: int) -> Any:
    """Each of ``n`` rows' latest setting at or before it.

    ``positions`` are sorted, distinct and begin at 0 (a receipt): each
    setting holds until the next position, one ``np.repeat``.
    """
    if not len(positions):
        return settings[:0]
    lengths = np.empty(len(positions), dtype=np.int64)
    np.subtract(positions[1:], positions[:-1], out=lengths[:-1])
    lengths[-1] = n - positions[-1]
    return np.repeat(settings, lengths)


def _forward_fill(setting: npt.NDArray[Any], sets: Bools) -> Any:
    """Each row's latest setting at or before it (receipts always set)."""
    positions = np.flatnonzero(sets)
    return _spread(positions, setting[positions], len(sets))


def _run_ends(new: Bools) -> I64:
    """One past the last position of the run each position is in."""
    starts = np.flatnonzero(new)
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    length = np.diff(np.append(starts, len(new)))
    return np.repeat(np.append(starts[1:], len(new)), length).astype(np.int64)


def _last_of_instants(first: Bools, at: I64) -> I64:
    """The last position of each position's (request, instant) run.

    Instants seldom repeat within a request: every position is its own
    run but for the few that continue one, which are resolved apart.
    """
    n = len(at)
    last = np.arange(n, dtype=np.int64)
    if n < 2:
        return last
    same = np.flatnonzero((at[1:] == at[:-1]) & ~first[1:]) + 1
    if not len(same):
        return last
    # The positions in runs of two or more, and which of them begin a run.
    member = np.zeros(n, dtype=bool)
    member[same] = True
    member[same - 1] = True
    inside = np.flatnonzero(member)
    begins = np.isin(inside, same, invert=True)
    last[inside] = inside[_run_ends(begins) - 1]
    return last


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
    every = len(kept) == len(events.row)  # the usual case: nothing to gather

    def kept_of(column: Any) -> Any:
        return column if every else column[kept]

    parts_row = [rows, answered, kept_of(events.row), p_row]
    parts_at = [received[rows], responded[answered], kept_of(events.at), p_at]
    n_implicit = len(rows) + len(answered)
    # Each row's name code and kind as one int32 (name * 8 + kind): one
    # gather through the sort order instead of two.
    names = (*IMPLICIT_EVENTS, *events.names)
    event_tag = kept_of(events.code)
    event_tag = np.where(event_tag >= 0, event_tag + 2, -1).astype(np.int32)
    event_tag <<= 3
    event_tag |= EVENT
    pause_tags = np.array([PAUSE_START, PAUSE_END], dtype=np.int32) - 8
    tag = np.concatenate(
        [
            np.full(len(rows), RECEIVED, dtype=np.int32),  # name 0
            np.full(len(answered), 8 + RESPONDED, dtype=np.int32),  # name 1
            event_tag,
            np.tile(pause_tags, int(pv.sum())),  # name -1
        ]
    )
    del event_tag
    row_all = np.concatenate(parts_row)
    at_all = np.concatenate(parts_at)
    order, row_s, at_s = _sorted_order(row_all, at_all)
    del row_all, at_all
    tag_s = tag[order]
    del tag
    kind_s = (tag_s & 7).astype(np.int8)
    tag_s >>= 3
    name = tag_s
    is_received = kind_s == RECEIVED
    received_at = np.flatnonzero(is_received)
    field_codes = {}
    for field in dict.fromkeys(fields):
        # A field no event names holds its request column's value throughout.
        code = names.index(field) if field in names else 0
        setter = (
            np.flatnonzero(name == code) if code >= 2 else np.zeros(0, dtype=np.int64)
        )
        # The event of a stream row: its position among the kept events,
        # then among all the events (a field's values are read from those).
        events_at = order[setter] - n_implicit
        if not every:
            events_at = kept[events_at]
        field_codes[field] = _field(
            columns.get(field),
            stream_rows=row_s,
            received_at=received_at,
            setter=setter,
            given=events.values(events_at),
            named=(values or {}).get(field, ()),
        )
    del order
    if len(p_row):
        bounds = (kind_s == PAUSE_START) | (kind_s == PAUSE_END) | is_received
        paused = _forward_fill(kind_s == PAUSE_START, bounds)
    else:  # no pauses table: no row is paused by it
        paused = np.zeros(len(row_s), dtype=bool)
    first = is_received  # every request's rows begin with its receipt
    end = _run_ends(first)
    settled = _last_of_instants(first, at_s)
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
