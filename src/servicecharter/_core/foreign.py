"""Columns of the dataframe libraries: pandas, polars and pyarrow, by duck typing.

None of them is imported here: their objects are recognised by the module of
their type, and their own methods convert them (zones dropped to UTC,
dictionary-encoded columns decoded, nulls to NaT or None).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .units import I64

__all__ = [
    "foreign_aware",
    "foreign_column",
    "foreign_zone",
    "is_foreign",
    "library",
    "pandas_aware",
]


def pandas_aware(value: Any) -> I64 | None:
    """A tz-aware pandas Series, Index or array as UTC microseconds, else None."""
    dtype = getattr(value, "dtype", None)
    if getattr(dtype, "tz", None) is None:
        return None
    if hasattr(value, "dt"):  # a Series: the zone methods live on .dt
        utc = value.dt.tz_convert("UTC").dt.tz_localize(None)
    else:
        utc = value.tz_convert("UTC").tz_localize(None)
    return np.asarray(utc.to_numpy(dtype="datetime64[us]")).view(np.int64)


def library(value: object) -> str:
    """The top-level package of ``value``'s type ("polars", "pyarrow", ...)."""
    return type(value).__module__.partition(".")[0]


def is_foreign(value: object) -> bool:
    """Whether ``value`` is a polars Series or a pyarrow Array/ChunkedArray."""
    kind = library(value)
    if kind == "polars":
        return hasattr(value, "dtype") and hasattr(value, "to_numpy")
    return kind == "pyarrow" and hasattr(value, "type") and hasattr(value, "to_numpy")


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
    if library(value) == "polars":
        return np.asarray(value.to_numpy())
    if hasattr(value, "combine_chunks"):
        value = value.combine_chunks()
    if hasattr(value, "dictionary_decode"):
        value = value.dictionary_decode()
    return np.asarray(value.to_numpy(zero_copy_only=False))
