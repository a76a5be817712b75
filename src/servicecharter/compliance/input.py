"""Read request records for ``evaluate``: columns, instants, engagement of each row.

Everything here is whole-column numpy. Python loops run per column, per
distinct value of a selector column or per engagement; the only per-row
Python is the fallback that reads a column of instants element by element
when the column as a whole does not read (strings, a few naive datetimes),
so that each bad row can be named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from .._core.foreign import foreign_column
from .._core.units import I64
from .._core.zone import to_zone
from .._errors import (
    InvalidArgumentError,
    UnknownTimeZoneError,
)
from ..charter import Engagement
from .codes import factorize
from .row_instants import read_instants

__all__ = [
    "Columns",
    "as_ids",
    "read_columns",
    "read_columns_plain",
    "read_instants",
    "select_engagements",
    "select_zones",
]

Bools: TypeAlias = npt.NDArray[np.bool_]
Columns: TypeAlias = dict[str, Any]
TableIn: TypeAlias = Mapping[str, Any] | Iterable[Mapping[str, Any]] | Any
"""A table of records: a mapping of column names to arrays (numpy, lists,
pandas or polars Series, pyarrow arrays), a pandas or polars DataFrame, a
pyarrow Table, or an iterable of row mappings; read by
``read_columns_plain``."""
RequestsIn: TypeAlias = TableIn
"""Request records, a ``TableIn`` with a ``received_at`` column and an
``engagement`` column or selector columns; read by ``read_columns``."""

SELECTORS = ("channel", "kind", "priority")


def read_columns(requests: RequestsIn) -> tuple[Columns, int]:
    """The request columns by name, and the number of rows.

    Accepts a mapping of column name to array-like, a pandas or polars
    DataFrame (anything with ``columns`` and item access), a pyarrow Table
    (anything with ``column_names`` and ``column``) or an iterable of row
    mappings.
    """
    columns, n = read_columns_plain(requests, "requests", ("received_at",))
    if not columns:  # an empty iterable of rows
        columns = {
            "received_at": np.array([], dtype="datetime64[us]"),
            "engagement": np.array([], dtype=str),
        }
    if "engagement" not in columns and not any(s in columns for s in SELECTORS):
        raise InvalidArgumentError(
            "requests need an 'engagement' column, or selector columns among "
            f"'channel', 'kind', 'priority'; got {sorted(columns)}"
        )
    return columns, n


def read_columns_plain(
    table: TableIn, what: str, required: tuple[str, ...]
) -> tuple[Columns, int]:
    """The columns of a table by name and its length; ``required`` must be there.

    polars and pyarrow columns are converted to numpy here, once (tz-aware
    datetimes to UTC ``datetime64``); see ``foreign_column``.
    """
    if hasattr(table, "column_names") and hasattr(table, "column"):  # pyarrow
        columns: Columns = {
            str(name): table.column(name) for name in table.column_names
        }
    elif hasattr(table, "columns") and hasattr(table, "__getitem__"):
        columns = {str(name): table[name] for name in table.columns}
    elif isinstance(table, Mapping):
        columns = {str(name): value for name, value in table.items()}
    elif isinstance(table, Iterable) and not isinstance(table, str | bytes):
        rows = list(table)
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise InvalidArgumentError(
                    f"{what} row {i} is {type(row).__name__}, not a mapping of "
                    "column names to values"
                )
        names = dict.fromkeys(str(name) for row in rows for name in row)
        columns = {name: [row.get(name) for row in rows] for name in names}
        if not rows:
            return {}, 0
    else:
        raise InvalidArgumentError(
            f"{what} must be a mapping of column names to arrays, a DataFrame or "
            f"an iterable of row mappings, got {type(table).__name__}"
        )
    columns = {name: foreign_column(value) for name, value in columns.items()}
    lengths = {name: _length(name, value) for name, value in columns.items()}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"{name}={size}" for name, size in lengths.items())
        raise InvalidArgumentError(f"{what} columns differ in length: {shown}")
    for name in required:
        if name not in columns:
            raise InvalidArgumentError(
                f"{what} need a {name!r} column; got {sorted(columns)}"
            )
    return columns, next(iter(lengths.values()), 0)


def _length(name: str, value: Any) -> int:
    if isinstance(value, str | bytes) or np.ndim(value) != 1:
        raise InvalidArgumentError(
            f"column {name!r} must be one-dimensional array-like, got "
            f"{type(value).__name__}"
        )
    return len(value)


# -- engagement of each row ---------------------------------------------------


def _matches(
    engagement: Engagement, channel: str | None, kind: str | None, priority: str | None
) -> bool:
    if engagement.channel is not None and engagement.channel != channel:
        return False
    if engagement.kinds and kind not in engagement.kinds:
        return False
    return not (engagement.priorities and priority not in engagement.priorities)


def select_engagements(
    columns: Columns, engagements: tuple[Engagement, ...], n: int
) -> tuple[I64, dict[int, str]]:
    """The engagement index of each row (-1 when none) and the reasons why not."""
    if "engagement" in columns:
        codes, names = factorize(
            columns["engagement"], tuple(e.id for e in engagements)
        )
        index = {e.id: i for i, e in enumerate(engagements)}
        lookup = np.array([index.get(name, -1) for name in names] + [-1])
        chosen = lookup[codes]
        bad = {}
        for row in np.flatnonzero(chosen < 0).tolist():
            code = int(codes[row])
            bad[row] = (
                "missing engagement"
                if code < 0
                else f"unknown engagement {names[code]!r}; known: "
                + ", ".join(repr(e.id) for e in engagements)
            )
        return chosen, bad
    known = {
        "channel": tuple(e.channel for e in engagements if e.channel),
        "kind": tuple(k for e in engagements for k in e.kinds),
        "priority": tuple(p for e in engagements for p in e.priorities),
    }
    parts = []
    for name in SELECTORS:
        if name in columns:
            parts.append(factorize(columns[name], known[name]))
        else:
            parts.append((np.full(n, -1, dtype=np.int64), []))
    # One integer per combination of selector values, then one lookup each.
    sizes = [len(names) + 1 for _, names in parts]
    combined = np.zeros(n, dtype=np.int64)
    for (codes, _), size in zip(parts, sizes, strict=True):
        combined = combined * size + (codes + 1)
    combos, inverse = np.unique(combined, return_inverse=True)
    found: list[int] = []
    for combo in combos.tolist():
        values: list[str | None] = []
        rest = combo
        for (_, names), size in zip(reversed(parts), reversed(sizes), strict=True):
            code = rest % size - 1
            rest //= size
            values.append(None if code < 0 else names[code])
        channel, kind, priority = reversed(values)
        found.append(
            next(
                (
                    i
                    for i, e in enumerate(engagements)
                    if _matches(e, channel, kind, priority)
                ),
                -1,
            )
        )
    chosen = np.array(found, dtype=np.int64)[inverse.reshape(-1)]
    bad = {}
    for row in np.flatnonzero(chosen < 0).tolist():
        values = [_value(part, row) for part in parts]
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(SELECTORS, values, strict=True)
        )
        bad[row] = f"no engagement matches {shown}{_case_hint(values, known)}"
    return chosen, bad


def _case_hint(values: list[str | None], known: dict[str, tuple[str, ...]]) -> str:
    """A "did you mean" when a selector value is a known one in another case.

    Selector values are compared as text, case included ("Urgent" is not
    "urgent"), as ids are.
    """
    for name, value in zip(SELECTORS, values, strict=True):
        if value is None or value in known[name]:
            continue
        same = [k for k in known[name] if k.casefold() == value.casefold()]
        if same:
            return (
                f"; values are compared case included: did you mean {name}={same[0]!r}?"
            )
    return ""


def _value(part: tuple[I64, list[str]], row: int) -> str | None:
    codes, names = part
    code = int(codes[row])
    return None if code < 0 else names[code]


def as_ids(values: Any, n: int) -> npt.NDArray[Any]:
    """The ``id`` column as a numpy array (the row numbers when absent)."""
    if values is None:
        return np.arange(n, dtype=np.int64)
    if hasattr(values, "to_numpy"):
        nullable = hasattr(values.dtype, "na_value") and hasattr(values, "isna")
        if nullable and values.isna().any():
            # A nullable column with NA: its numbers stay ints (a float id
            # 1.0 would match no pause of request 1), NA becomes None.
            return np.asarray(values.to_numpy(dtype=object, na_value=None))
        return np.asarray(values.to_numpy())
    array = np.asarray(values)
    return array if array.ndim == 1 else np.asarray(list(values), dtype=object)


# -- calendar of each row -------------------------------------------------------


def select_zones(
    columns: Columns, calendars: tuple[str, ...], n: int
) -> tuple[I64, list[tuple[str | None, str | None]], dict[int, str]]:
    """Each row's (calendar, tz) override as a code into a list, and bad rows.

    Code 0 is no override (the engagement's own calendar). ``calendars`` are
    the charter's calendar names; a time zone must be an IANA name.
    """
    if "calendar" not in columns and "tz" not in columns:
        return np.zeros(n, dtype=np.int64), [(None, None)], {}
    parts = []
    for name in ("calendar", "tz"):
        if name in columns:
            parts.append(factorize(columns[name]))
        else:
            parts.append((np.full(n, -1, dtype=np.int64), []))
    (cal_codes, cal_names), (tz_codes, tz_names) = parts
    bad_cal = [name not in calendars for name in cal_names]
    bad_tz = [_zone_problem(name) for name in tz_names]
    size = len(tz_names) + 1
    combined = (cal_codes + 1) * size + (tz_codes + 1)
    combos, inverse = np.unique(combined, return_inverse=True)
    specs: list[tuple[str | None, str | None]] = [(None, None)]
    lookup = np.zeros(len(combos), dtype=np.int64)
    bad_combo: list[str | None] = []
    for j, combo in enumerate(combos.tolist()):
        c, z = combo // size - 1, combo % size - 1
        why = []
        if c >= 0 and bad_cal[c]:
            why.append(
                f"unknown calendar {cal_names[c]!r}; known: "
                + ", ".join(map(repr, calendars))
            )
        zone_problem = bad_tz[z] if z >= 0 else None
        if zone_problem is not None:
            why.append(zone_problem)
        bad_combo.append("; ".join(why) or None)
        if c < 0 and z < 0:
            continue
        lookup[j] = len(specs)
        specs.append(
            (cal_names[c] if c >= 0 else None, tz_names[z] if z >= 0 else None)
        )
    codes = lookup[inverse.reshape(-1)]
    bad: dict[int, str] = {}
    flagged = np.array([b is not None for b in bad_combo] + [False])
    for row in np.flatnonzero(flagged[inverse.reshape(-1)]).tolist():
        text = bad_combo[int(inverse.reshape(-1)[row])]
        assert text is not None
        bad[row] = text
    return codes, specs, bad


def _zone_problem(name: str) -> str | None:
    """Why ``name`` is not a time zone (with a "did you mean"), or None."""
    try:
        to_zone(name)
    except UnknownTimeZoneError as error:
        return str(error)
    return None
