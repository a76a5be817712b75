"""An evaluation's tables as Arrow tables, the form databases and files take.

The columns are read from the evaluation itself, never from a fixed list,
so a column that ``evaluate`` gains comes out too. Instants become
``timestamp[us, tz=UTC]``, business times ``duration[us]``, and NaT, NaN
and None become nulls. pyarrow is optional: imported when a table is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from .._core.optional import optional
from .._core.units import NAT
from .._errors import InvalidArgumentError
from .compute import PERCENTILES

__all__ = ["TABLES", "Tables", "arrow_column", "check_table", "to_arrow"]

TABLES = ("requests", "summary", "problems")


class Tables(Protocol):
    """What an export reads: the three tables of an ``Evaluation``."""

    @property
    def requests(self) -> Mapping[str, npt.NDArray[Any]]:
        """The request lines, by column."""
        ...

    @property
    def summary(self) -> tuple[dict[str, Any], ...]:
        """One dict per objective."""
        ...

    @property
    def problems(self) -> tuple[Any, ...]:
        """The ``Problem`` rows."""
        ...


def check_table(table: str) -> str:
    """``table`` itself when it names one of the evaluation's tables."""
    if table not in TABLES:
        raise InvalidArgumentError(
            f"table must be one of {', '.join(map(repr, TABLES))}, got {table!r}"
        )
    return table


def to_arrow(evaluation: Tables, table: str = "requests") -> Any:
    """A pyarrow Table of the evaluation's ``requests``, ``summary`` or ``problems``."""
    pa = optional("pyarrow", "sql")
    check_table(table)
    if table == "requests":
        names = list(evaluation.requests)
        columns = [arrow_column(evaluation.requests[name]) for name in names]
        return pa.Table.from_arrays(columns, names=names)
    if table == "problems":
        found = evaluation.problems
        return pa.Table.from_arrays(
            [
                pa.array([p.row for p in found], pa.int64()),
                arrow_column(np.array([p.id for p in found], dtype=object)),
                pa.array([p.reason for p in found], pa.string()),
            ],
            names=["row", "id", "reason"],
        )
    return _summary(evaluation.summary)


def _summary(summary: tuple[dict[str, Any], ...]) -> Any:
    """One row per objective; a column of None only takes its known type."""
    import pyarrow as pa

    known = {"reached": pa.bool_()} | {f"p{q}": pa.duration("us") for q in PERCENTILES}
    names = list(dict.fromkeys(name for entry in summary for name in entry))
    columns = []
    for name in names:
        values = [entry.get(name) for entry in summary]
        kind = known.get(name)
        if kind is None and all(v is None for v in values):
            kind = pa.null()
        if kind is None:
            column = pa.array(values, from_pandas=True)
        else:
            column = pa.array(values, kind)
        columns.append(column)
    return pa.Table.from_arrays(columns, names=names)


def arrow_column(column: npt.NDArray[Any]) -> Any:
    """One numpy column as an Arrow array, with nulls for NaT, NaN and None.

    >>> arrow_column(np.array(["2026-03-27T08:00", "NaT"], "M8[us]")).to_pylist()
    [datetime.datetime(2026, 3, 27, 8, 0, tzinfo=zoneinfo.ZoneInfo(key='UTC')), None]
    """
    import pyarrow as pa

    kind = column.dtype.kind
    if kind in "Mm":
        unit = "M8[us]" if kind == "M" else "m8[us]"
        values = column.astype(unit, copy=False).view(np.int64)
        target = pa.timestamp("us", tz="UTC") if kind == "M" else pa.duration("us")
        nat = values == NAT
        ints = pa.array(values, pa.int64(), mask=nat if nat.any() else None)
        return ints.view(target)
    if kind == "f":
        nan = np.isnan(column)
        return pa.array(column, mask=nan if nan.any() else None)
    if kind != "O":
        return pa.array(column)
    missing = np.asarray(column == None)  # noqa: E711 (elementwise, not identity)
    try:
        return pa.array(column, mask=missing, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # Values of mixed types (row numbers and texts as ids): read as text,
        # as Arrow columns have one type.
        return pa.array(column.astype(str), pa.string(), mask=missing)
