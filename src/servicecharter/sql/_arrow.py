"""Arrow columns to the int64 vocabulary and back, once per batch, no copy if possible.

DuckDB hands its vectorised functions pyarrow arrays: timestamps with a zone
(``TIMESTAMPTZ``), month-day-nano intervals (``INTERVAL``), texts and
integers. They are read here as int64 microseconds (NaT for null) with a
view on Arrow's own buffer when the batch is one chunk of microseconds with
no nulls, and answers go back as Arrow arrays with nulls where NaT is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.units import DAY_US, I64, NAT
from .._errors import InvalidDurationError, InvalidInstantError, NaiveDatetimeError

__all__ = [
    "bools_out",
    "durations_out",
    "durations_us",
    "instants_out",
    "instants_us",
    "integers",
    "null_mask",
    "one_chunk",
    "texts",
]

_PER_US = {"s": 1_000_000, "ms": 1_000, "us": 1}
_INTERVAL = np.dtype([("months", "<i4"), ("days", "<i4"), ("nanos", "<i8")])
_NANO_LIMIT = np.iinfo(np.int64).max // 1000


def one_chunk(column: Any) -> Any:
    """A pyarrow Array of an Array or ChunkedArray."""
    if hasattr(column, "num_chunks"):
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    return column


def null_mask(array: Any) -> Any:
    """Where ``array`` is null, as numpy booleans, or None when nothing is."""
    if not array.null_count:
        return None
    return np.asarray(array.is_null().to_numpy(zero_copy_only=False))


def _int64_view(array: Any, width: int = 8) -> I64:
    data = array.buffers()[1]
    return np.frombuffer(
        data, dtype=np.int64, count=len(array), offset=array.offset * width
    )


def instants_us(column: Any, what: str = "ts") -> I64:
    """A timestamp column with a zone as UTC microseconds, NaT for nulls.

    A timestamp without zone is refused (``NaiveDatetimeError``), as a naive
    datetime is everywhere in the library, and so is any other type.
    """
    import pyarrow as pa

    array = one_chunk(column)
    kind = array.type
    if not pa.types.is_timestamp(kind):
        raise InvalidInstantError(
            f"{what} must be a timestamp with a time zone (TIMESTAMPTZ), got {kind}"
        )
    if kind.tz is None:
        raise NaiveDatetimeError(
            f"{what} is a timestamp without time zone, which is not an instant; "
            "give a TIMESTAMPTZ, e.g. ts AT TIME ZONE 'Europe/Paris' for wall-clock "
            "times in Paris"
        )
    if kind.unit == "ns":
        values = _int64_view(array) // 1000
    else:
        values = _int64_view(array) * _PER_US[kind.unit]
    missing = null_mask(array)
    return values if missing is None else np.where(missing, NAT, values)


def durations_us(column: Any, what: str = "d") -> I64:
    """An interval, duration or integer (us) column as microseconds, NaT for nulls.

    Months and years are not fixed durations and are refused; a day is 24
    hours, as a ``timedelta`` day is.
    """
    import pyarrow as pa

    array = one_chunk(column)
    kind = array.type
    if pa.types.is_integer(kind):  # microseconds already
        values = _int64_view(array if kind == pa.int64() else array.cast(pa.int64()))
    elif pa.types.is_duration(kind):
        unit = kind.unit
        raw = _int64_view(array)
        values = raw // 1000 if unit == "ns" else raw * _PER_US[unit]
    elif kind == pa.month_day_nano_interval():
        data = np.frombuffer(
            array.buffers()[1],
            dtype=_INTERVAL,
            count=len(array),
            offset=array.offset * 16,
        )
        missing = null_mask(array)
        months = data["months"] if missing is None else data["months"][~missing]
        if months.any():
            raise InvalidDurationError(
                f"{what} has months or years, which are not fixed durations; give "
                "days, hours or minutes (INTERVAL '30 days'), or use a calendar "
                "period rule for months"
            )
        values = data["days"].astype(np.int64) * DAY_US + data["nanos"] // 1000
    else:
        raise InvalidDurationError(f"{what} must be an INTERVAL, got {kind}")
    missing = null_mask(array)
    return values if missing is None else np.where(missing, NAT, values)


def integers(column: Any) -> tuple[I64, npt.NDArray[np.bool_]]:
    """An integer column as int64 (nulls as 0), and which values are null."""
    import pyarrow as pa

    array = one_chunk(column).cast(pa.int64())
    missing = null_mask(array)
    values = np.asarray(array.fill_null(0).to_numpy())
    return values, np.zeros(len(values), bool) if missing is None else missing


def texts(column: Any) -> tuple[Any, list[str]]:
    """(codes, distinct texts) of a text column; code -1 for nulls."""
    array = one_chunk(column).dictionary_encode()
    codes = np.asarray(array.indices.fill_null(-1).to_numpy(), dtype=np.int64)
    return codes, [str(v) for v in array.dictionary.to_pylist()]


def instants_out(values: I64) -> Any:
    """UTC microseconds as ``timestamp[us, tz=UTC]``, null where NaT."""
    import pyarrow as pa

    nat = values == NAT
    ints = pa.array(values, pa.int64(), mask=nat if nat.any() else None)
    return ints.view(pa.timestamp("us", tz="UTC"))


def durations_out(values: I64) -> Any:
    """Microseconds as month-day-nano intervals (DuckDB's INTERVAL), null where NaT.

    The time part holds it all, so the interval compares and adds as the
    exact duration; only beyond the 292 years that nanoseconds reach do
    whole days move into the days part.
    """
    import pyarrow as pa

    nat = values == NAT
    safe = np.where(nat, 0, values)
    out = np.zeros(values.size, dtype=_INTERVAL)
    big = np.abs(safe) > _NANO_LIMIT
    days = np.where(big, safe // DAY_US, 0)
    out["days"] = days
    out["nanos"] = (safe - days * DAY_US) * 1000
    validity = None
    if nat.any():
        validity = pa.array(~nat).buffers()[1]
    return pa.Array.from_buffers(
        pa.month_day_nano_interval(),
        values.size,
        [validity, pa.py_buffer(out)],
        null_count=int(nat.sum()),
    )


def bools_out(values: Any, missing: Any) -> Any:
    """Booleans, null where ``missing`` (SQL: a null question has a null answer)."""
    import pyarrow as pa

    return pa.array(values, pa.bool_(), mask=missing)
