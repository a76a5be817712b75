"""What ``evaluate`` returns: the lines, the summary, the problems, and exports.

``Evaluation`` holds columns of numpy arrays; ``rows``, ``to_pandas``,
``to_polars`` and ``to_arrow`` give them in other forms, each library
imported only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import EPOCH, NAT
from .._errors import InvalidArgumentError
from . import export
from .compute import PERCENTILES, Lines

__all__ = ["Evaluation", "Problem"]

_TABLES = ("requests", "summary", "problems")


@attrs.frozen
class Problem:
    """A request row that could not be evaluated, and why.

    ``row`` is the 0-based position of the row in the input, ``id`` its
    ``id`` value (the row number when the input has no ``id`` column). A
    pause naming no request is reported with ``row`` -1 and that request id.
    Pause problems do not make a row invalid: it is still evaluated.
    """

    row: int
    """The 0-based position of the row in the input; -1 for a pause naming no
    request."""
    id: Any
    """The row's ``id`` value, the row number without an ``id`` column, or the
    request id a stray pause names."""
    reason: str
    """What is wrong, in words."""


def _python(column: npt.NDArray[Any]) -> list[Any]:
    """A column as Python values: aware UTC datetimes, timedeltas, None for NaT."""
    kind = column.dtype.kind
    if kind == "M":
        us = column.astype("datetime64[us]").view(np.int64).tolist()
        return [None if v == NAT else EPOCH + dt.timedelta(microseconds=v) for v in us]
    if kind == "m":
        us = column.astype("timedelta64[us]").view(np.int64).tolist()
        return [None if v == NAT else dt.timedelta(microseconds=v) for v in us]
    return list(column.tolist())


@attrs.frozen(eq=False, repr=False)
class Evaluation:
    """The result of ``evaluate``: request lines, summary and problems.

    One line per request, objective and cycle, a summary per engagement objective,
    and the rows that could not be evaluated.
    """

    requests: Lines
    """Columns (numpy arrays) with one line per request and objective, in input
    row order then objective order: ``row``, ``id``, ``engagement``,
    ``objective`` (index in the engagement, -1 for a row with none),
    ``received``, ``responded``, ``deadline`` (``datetime64[us]``, UTC),
    ``used``, ``paused``, ``remaining`` (``timedelta64[us]`` business time),
    ``share_used`` (float), ``status`` (one of ``STATUSES``), one
    ``at_risk_<percent>`` boolean column per threshold, then the lifecycle
    columns: ``objective_id`` (the objective's id, or None), ``target``
    (index of the target that applied), ``due`` (the deadline as a closing
    instant), ``stop`` (NaT while running), ``cycle`` (0-based) and
    ``start``."""
    summary: tuple[dict[str, Any], ...]
    """One dict per engagement objective, in charter order."""
    problems: tuple[Problem, ...]
    """The rows that could not be evaluated, in row order."""
    now: dt.datetime
    """The instant open requests were judged at (UTC)."""
    at_risk: tuple[float, ...]
    """The at-risk thresholds, as given."""

    def __repr__(self) -> str:
        lines = len(self.requests["row"])
        return (
            f"Evaluation({lines} lines, {len(self.summary)} objectives, "
            f"{len(self.problems)} problems, now={self.now.isoformat()})"
        )

    def rows(self) -> Iterator[dict[str, Any]]:
        """The request lines as dicts of Python values (aware UTC datetimes)."""
        names = list(self.requests)
        columns = [_python(self.requests[name]) for name in names]
        for values in zip(*columns, strict=True):
            yield dict(zip(names, values, strict=True))

    def to_pandas(self, table: str = "requests") -> Any:
        """A pandas DataFrame of ``"requests"``, ``"summary"`` or ``"problems"``.

        Instants become tz-aware UTC columns. Needs pandas, imported here.
        """
        if table not in _TABLES:
            raise InvalidArgumentError(
                f"table must be one of {', '.join(map(repr, _TABLES))}, got {table!r}"
            )
        import pandas as pd

        if table == "summary":
            return pd.DataFrame(list(self.summary))
        if table == "problems":
            return pd.DataFrame(
                [attrs.asdict(p) for p in self.problems],
                columns=["row", "id", "reason"],
            )
        frame = pd.DataFrame(dict(self.requests))
        for name, column in self.requests.items():
            if column.dtype.kind == "M":
                frame[name] = frame[name].dt.tz_localize("UTC")
        return frame

    def to_polars(self, table: str = "requests") -> Any:
        """A polars DataFrame of ``"requests"``, ``"summary"`` or ``"problems"``.

        Instants become ``Datetime("us", "UTC")`` columns, business times
        ``Duration("us")``, NaT null. In ``problems`` an ``id`` column mixing
        types (row numbers and texts) is read as text, as polars columns have
        one type. Needs polars, imported here.
        """
        if table not in _TABLES:
            raise InvalidArgumentError(
                f"table must be one of {', '.join(map(repr, _TABLES))}, got {table!r}"
            )
        import polars as pl

        if table == "summary":
            # Typed up front: a column of None only (no judged request) would
            # otherwise be of polars' Null type.
            schema = {"reached": pl.Boolean} | {
                f"p{q}": pl.Duration("us") for q in PERCENTILES
            }
            return pl.DataFrame(
                list(self.summary), schema_overrides=schema, infer_schema_length=None
            )
        if table == "problems":
            return pl.DataFrame(
                {
                    "row": pl.Series([p.row for p in self.problems], dtype=pl.Int64),
                    "id": [p.id for p in self.problems],
                    "reason": pl.Series(
                        [p.reason for p in self.problems], dtype=pl.String
                    ),
                },
                strict=False,
            )
        columns = []
        for name, column in self.requests.items():
            series = pl.Series(name, column)
            if column.dtype.kind == "M":
                series = series.dt.replace_time_zone("UTC")
            columns.append(series)
        return pl.DataFrame(columns)

    def to_arrow(self, table: str = "requests") -> Any:
        """A pyarrow Table of ``"requests"``, ``"summary"`` or ``"problems"``.

        Every column comes out (instants as UTC timestamps, business times as
        durations, NaT and NaN as nulls); see ``compliance.export``.
        """
        return export.to_arrow(self, table)
