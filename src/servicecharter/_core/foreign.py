"""Columns of the dataframe libraries: pandas, polars and pyarrow, by duck typing.

None of them is imported here: their objects are recognised by the module of
their type, and their own methods convert them (zones dropped to UTC,
dictionary-encoded columns decoded, nulls to NaT or None).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .._errors import NaiveDatetimeError
from .units import I64

__all__ = [
    "foreign_aware",
    "foreign_column",
    "foreign_zone",
    "is_aware_column",
    "is_foreign",
    "library",
    "pandas_categories",
    "pandas_instants",
]


def pandas_instants(value: Any) -> npt.NDArray[np.datetime64] | None:
    """A pandas column of instants as naive UTC datetime64; None if not datetimes.

    The values keep the column's unit (seconds stay seconds): the caller
    checks that they fit its own, as for any datetime64 array.

    Tz-aware columns (numpy-backed or pyarrow ``timestamp[unit, tz]``) are
    read whole; a naive datetime column raises ``NaiveDatetimeError``, since
    its wall clock could be in any zone. Other columns (texts, objects,
    numbers) are None: they are read as any array is.
    """
    dtype = getattr(value, "dtype", None)
    arrow: Any = getattr(dtype, "pyarrow_dtype", None)
    # pa.timestamp types alone have both unit and tz; aware ones become the
    # numpy-backed form, nulls NaT.
    if hasattr(arrow, "unit") and getattr(arrow, "tz", None) is not None:
        value = value.astype(f"datetime64[{arrow.unit}, UTC]")
        dtype = value.dtype
    if getattr(dtype, "tz", None) is not None:
        if hasattr(value, "dt"):  # a Series: the zone methods live on .dt
            utc = value.dt.tz_convert("UTC").dt.tz_localize(None)
        else:
            utc = value.tz_convert("UTC").tz_localize(None)
        return np.asarray(utc.to_numpy())
    if getattr(dtype, "kind", "") == "M":
        raise NaiveDatetimeError(
            "naive pandas datetimes are ambiguous; call .dt.tz_localize('UTC') "
            "on a Series or .tz_localize('UTC') on an index (or the local zone) first"
        )
    return None


def pandas_categories(value: Any) -> tuple[Any, I64]:
    """The categories and codes (-1: missing) of a pandas categorical column.

    ``(None, empty)`` for any other column. Reading the few categories and
    gathering by code reads the column without a Python loop per row.
    """
    dtype = getattr(value, "dtype", None)
    categories = getattr(dtype, "categories", None)
    if categories is None:
        return None, np.empty(0, dtype=np.int64)
    codes = value.cat.codes if hasattr(value, "cat") else value.codes
    return categories, np.asarray(codes, dtype=np.int64)


def library(value: object) -> str:
    """The top-level package of ``value``'s type ("polars", "pyarrow", ...)."""
    return type(value).__module__.partition(".")[0]


def is_foreign(value: object) -> bool:
    """Whether ``value`` is a polars Series or a pyarrow Array/ChunkedArray."""
    kind = library(value)
    if kind == "polars":
        return hasattr(value, "dtype") and hasattr(value, "to_numpy")
    return kind == "pyarrow" and hasattr(value, "type") and hasattr(value, "to_numpy")


def is_aware_column(value: Any) -> bool:
    """Whether ``value`` is a tz-aware pandas, polars or pyarrow datetime column."""
    kind = library(value)
    if kind == "pandas":
        dtype = getattr(value, "dtype", None)
        arrow = getattr(dtype, "pyarrow_dtype", None)
        return (getattr(dtype, "tz", None) or getattr(arrow, "tz", None)) is not None
    if is_foreign(value):
        is_datetime, zone = foreign_zone(value)
        return is_datetime and zone is not None
    return False


def foreign_zone(value: Any) -> tuple[bool, str | None]:
    """(whether a datetime column, its zone) of a polars or pyarrow column."""
    if library(value) == "polars":
        dtype = value.dtype
        # pl.Datetime has time_unit and time_zone; pl.Date and others do not.
        if hasattr(dtype, "time_unit") and hasattr(dtype, "time_zone"):
            return True, dtype.time_zone
        return False, None
    kind = value.type
    # pa.timestamp types alone have both unit and tz.
    if hasattr(kind, "unit") and hasattr(kind, "tz"):
        return True, kind.tz
    return False, None


def foreign_aware(value: Any) -> npt.NDArray[np.datetime64]:
    """A tz-aware polars or pyarrow datetime column as naive UTC datetime64.

    Both libraries store UTC values with the zone as metadata: dropping the
    zone is a whole-column operation, and nulls become NaT.
    """
    if library(value) == "polars":
        utc = value.dt.convert_time_zone("UTC").dt.replace_time_zone(None)
        return np.asarray(utc.to_numpy())
    if hasattr(value, "combine_chunks"):  # a ChunkedArray
        value = value.combine_chunks()
    return np.asarray(value.to_numpy(zero_copy_only=False))


def foreign_column(value: Any) -> Any:
    """A polars/pyarrow column as numpy; a naive datetime column is left as is.

    Tz-aware datetimes become ``datetime64`` in UTC, other columns numpy
    arrays (texts as objects with None for nulls, dictionary-encoded pyarrow
    columns decoded). Naive datetimes stay foreign so that reading them as
    instants raises ``NaiveDatetimeError``. Anything else passes through.
    """
    if not is_foreign(value):
        return value
    is_datetime, zone = foreign_zone(value)
    if is_datetime:
        return value if zone is None else foreign_aware(value)
    if _integers_with_nulls(value):
        # to_numpy would make them floats: id 1 would read as "1.0".
        items = value.to_list() if library(value) == "polars" else value.to_pylist()
        return np.array(items, dtype=object)
    if library(value) == "polars":
        return np.asarray(value.to_numpy())
    if hasattr(value, "combine_chunks"):
        value = value.combine_chunks()
    if hasattr(value, "dictionary_decode"):
        value = value.dictionary_decode()
    return np.asarray(value.to_numpy(zero_copy_only=False))


def _integers_with_nulls(value: Any) -> bool:
    """Whether a polars or pyarrow column holds integers and some nulls."""
    if library(value) == "polars":
        return bool(value.dtype.is_integer() and value.null_count() > 0)
    kind = str(value.type)
    return kind.startswith(("int", "uint")) and value.null_count > 0
