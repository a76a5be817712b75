"""Read instants, durations and dates, scalar or array, into int64 microseconds.

Scalars: aware ``datetime`` (pandas ``Timestamp`` included), ``timedelta``,
``date``. Arrays: numpy ``datetime64`` (read as UTC), ``timedelta64``,
tz-aware pandas Series/Index, tz-aware polars Series and pyarrow
Array/ChunkedArray, or sequences of the scalars. NaT is int64 min.

polars and pyarrow are optional: their objects are recognised by the module
of their type (duck typing), so neither is ever imported here.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from .._errors import (
    HorizonError,
    InvalidDurationError,
    InvalidInstantError,
    NaiveDatetimeError,
)
from .foreign import (
    foreign_column,
    foreign_zone,
    is_foreign,
    library,
    pandas_categories,
    pandas_instants,
)
from .units import EPOCH, I64, NAT, ONE_US

__all__ = [
    "CountsIn",
    "DatesIn",
    "DurationIn",
    "DurationsIn",
    "InstantIn",
    "InstantsIn",
    "days_array",
    "duration_array",
    "duration_us",
    "instant_array",
    "instant_us",
    "is_missing",
    "is_scalar",
]

_DURATION_LIMIT_US = 5000 * 366 * 86_400 * 1_000_000
# pandas' missing values, known by the name of their type (never imported).
_MISSING_TYPES = ("NAType", "NaTType")
# More years than any supported instant is from 1970: a calendar unit (years
# or months) beyond this is out of range before numpy's cast could wrap it.
_FAR_YEARS = 400_000
_NAIVE_FIX = (
    "attach a time zone, e.g. dt.replace(tzinfo=ZoneInfo('Europe/Paris')), "
    "or use dt.astimezone() for the system zone"
)


# What the public methods accept, each named by the reader that takes it.
InstantIn: TypeAlias = dt.datetime
"""One instant: an aware ``datetime`` (a pandas ``Timestamp`` is one);
read by ``instant_us``."""
InstantsIn: TypeAlias = Any
"""Instants as an array: numpy ``datetime64`` (read as UTC), a tz-aware
pandas Series, Index or array, a tz-aware polars Series or pyarrow
(Chunked)Array, or a sequence of aware datetimes (None or NaT for missing);
read by ``instant_array``."""
DurationIn: TypeAlias = dt.timedelta
"""One duration: a ``timedelta`` (or a ``numpy.timedelta64``); read by
``duration_us``."""
DurationsIn: TypeAlias = Any
"""Durations as an array: numpy ``timedelta64`` or a sequence of
``timedelta``; read by ``duration_array``."""
DatesIn: TypeAlias = Any
"""Local dates as an array: numpy ``datetime64[D]`` or a sequence of
``date``; read by ``days_array`` (through the calendar's ``_days``)."""
CountsIn: TypeAlias = Any
"""Whole numbers as an array (business days to move); read by
``calendar.busdays.integers``."""


def is_scalar(value: object) -> bool:
    """Whether ``value`` takes the scalar path (a date, datetime or timedelta)."""
    return isinstance(value, dt.date | dt.timedelta)


def instant_us(value: object) -> int:
    """One aware datetime as UTC microseconds since the epoch."""
    if not isinstance(value, dt.datetime):
        raise InvalidInstantError(
            f"expected an aware datetime, got {type(value).__name__} {value!r}"
        )
    if is_missing(value):  # pandas' NaT is a datetime that is no instant
        raise InvalidInstantError(
            f"{value!r} is a missing instant, not an instant; pass the values in "
            "an array (NaT in gives NaT out) or leave the missing ones out"
        )
    try:
        return (value - EPOCH) // ONE_US
    except TypeError:  # naive, or a tzinfo that gives no offset
        raise NaiveDatetimeError(
            f"naive datetime {value!r} is not an instant; {_NAIVE_FIX}"
        ) from None


def is_missing(item: object) -> bool:
    """Whether one element stands for a missing value.

    None, NaN, NaT (numpy's or pandas') and pandas' ``NA``, whose truth is
    ambiguous, so that ``item != item`` cannot be asked of it.

    >>> is_missing(None), is_missing(float("nan")), is_missing(np.datetime64("NaT"))
    (True, True, True)
    >>> is_missing(0), is_missing("")
    (False, False)
    """
    if item is None or type(item).__name__ in _MISSING_TYPES:
        return True
    if isinstance(item, float | np.floating):
        return bool(item != item)  # noqa: PLR0124 (NaN is unequal to itself)
    if isinstance(item, np.datetime64 | np.timedelta64):
        return bool(np.isnat(item))
    return False


# Microseconds per unit, as exact integers; finer units scale by 10**12.
_US_PER = {
    unit: size * 10**12
    for unit, size in {
        "W": 604_800_000_000, "D": 86_400_000_000, "h": 3_600_000_000,
        "m": 60_000_000, "s": 1_000_000, "ms": 1_000, "us": 1,
    }.items()
} | {"ns": 10**9, "ps": 10**6, "fs": 10**3, "as": 1}  # fmt: skip


def _array_like(value: object) -> bool:
    return isinstance(value, np.ndarray | np.generic) or hasattr(value, "__array__")


def _native(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """``array`` in the machine's byte order.

    A big-endian array read as is would be its bytes swapped: a one-hour
    duration read as millennia.
    """
    if array.dtype.isnative:
        return array
    return array.astype(array.dtype.newbyteorder("="))


def _rescale(array: npt.NDArray[Any], unit: str) -> tuple[I64, npt.NDArray[np.bool_]]:
    """Datetime64/timedelta64 values in ``unit`` (us or D) as int64.

    Also returns a mask of the values that the unit cannot hold, which
    numpy's own cast would silently wrap around.
    """
    array = _native(array)
    source, count = np.datetime_data(array.dtype)
    raw = array.view(np.int64).reshape(array.shape)
    if source == unit and count == 1:
        return raw, np.zeros(raw.shape, dtype=bool)
    nat = raw == NAT
    if source == "generic":  # only NaT has no unit
        return np.full(raw.shape, NAT, dtype=np.int64), ~nat
    far = np.zeros(raw.shape, dtype=bool)
    if source in ("Y", "M"):  # calendar units: to days first, exactly
        per_year = 12 if source == "M" else 1
        far = ~nat & (np.abs(raw) > _FAR_YEARS * per_year // count)
        safe = np.where(far, 0, raw).view(array.dtype)
        raw = safe.astype(f"{array.dtype.kind}8[D]").view(np.int64)
        raw = np.where(nat | far, NAT, raw)
        source, count = "D", 1
        if unit == "D":
            return raw, far
    skip = nat | far
    scaled, bad = _scaled(raw, _US_PER[source] * count, _US_PER[unit], skip)
    out = np.where(bad | skip, NAT, scaled)
    return out.astype(np.int64, copy=False), bad | far


_INT64_MAX = int(np.iinfo(np.int64).max)


def _scaled(
    raw: I64, num: int, den: int, skip: npt.NDArray[np.bool_]
) -> tuple[I64, npt.NDArray[np.bool_]]:
    """``raw * num / den`` floored, exactly, and where it would not fit int64.

    Floored towards the past, as a clock reads a finer unit. Neither ratio
    need be whole (units of 7 ns, of 1,500 ns). The values at ``skip`` are
    not read (NaT): they are neither flagged nor meaningful.
    """
    g = math.gcd(num, den)
    a, b = num // g, den // g
    if a == 1 and b > _INT64_MAX:  # attoseconds to days: every value is 0 or -1
        return np.where(raw < 0, -1, 0).astype(np.int64), np.zeros(raw.shape, bool)
    if a == 1:  # a unit dividing the target: one floor division
        return np.floor_divide(raw, b), np.zeros(raw.shape, dtype=bool)
    if b == 1:  # a whole multiple: multiply, and flag what would overflow
        limit = _INT64_MAX // a
        bad = ~skip & ((raw > limit) | (raw < -limit))
        return raw * np.where(bad, 0, a), bad
    if a * b > 1 << 62:  # absurd units: Python integers, still whole-array
        exact = raw.astype(object) * a // b
        bad = ~skip & ((exact > _INT64_MAX) | (exact < -_INT64_MAX))
        return np.where(bad | skip, 0, exact).astype(np.int64), bad
    # By quotient and remainder: raw * a could overflow, r * a cannot.
    q, r = np.divmod(raw, b)
    limit = _INT64_MAX // a - 1
    bad = ~skip & ((q > limit) | (q < -limit))
    return q * np.where(bad, 0, a) + r * a // b, bad


def _in_range(array: npt.NDArray[Any], unit: str) -> I64:
    """Datetime64 values in ``unit``, or HorizonError naming one that won't fit."""
    values, bad = _rescale(array, unit)
    if bad.any():
        raise HorizonError(
            f"{array.ravel()[np.argmax(bad.ravel())]} is outside the supported "
            "years 2-9998; check the values (a unit mix-up in datetime64 values?)"
        )
    return values


def _objects(values: Any, read: Any) -> I64:
    """Read a sequence of Python scalars one by one (a convenience path)."""
    out = np.empty(len(values), dtype=np.int64)
    for i, item in enumerate(values):
        out[i] = NAT if is_missing(item) else read(item)
    return out


def _unmasked(value: Any) -> Any:
    """A numpy masked array of instants or durations with NaT where masked."""
    if isinstance(value, np.ma.MaskedArray) and value.dtype.kind in "Mm":
        data = np.array(value.data, copy=True)
        data[np.ma.getmaskarray(value)] = np.array("NaT", dtype=data.dtype)
        return data
    return value


def instant_array(value: Any) -> I64:
    """Instants as int64 UTC microseconds (NaT as int64 min); may view the input."""
    if isinstance(value, dt.datetime):  # one instant (with an array of durations)
        return np.array(instant_us(value), dtype=np.int64)
    if library(value) == "pandas":
        pandas = pandas_instants(value)
        if pandas is not None:
            return _in_range(pandas, "us")
        categories, codes = pandas_categories(value)
        if categories is not None:
            known = instant_array(categories)
            return np.where(codes >= 0, known[np.maximum(codes, 0)], NAT)
    elif is_foreign(value):
        is_datetime, zone = foreign_zone(value)
        if is_datetime and zone is None:
            raise NaiveDatetimeError(
                f"naive {library(value)} datetimes are ambiguous; give the column "
                "a time zone first: .dt.replace_time_zone('UTC') in polars, "
                "a pa.timestamp(unit, tz='UTC') type in pyarrow"
            )
        value = foreign_column(value)
    if isinstance(value, list | tuple):
        return _objects(value, instant_us)
    array = np.asarray(_unmasked(value))
    if array.dtype.kind == "M":
        # No copy when already in microseconds: callers never write to inputs.
        return _in_range(array, "us")
    if not _array_like(value):
        raise InvalidInstantError(
            f"expected an aware datetime or datetime64 values, got "
            f"{type(value).__name__} {value!r}"
        )
    if array.dtype.kind == "O":
        return _objects(array.ravel(), instant_us).reshape(array.shape)
    raise InvalidInstantError(
        f"expected datetime64 values (read as UTC) or aware datetimes, got an array "
        f"of dtype {array.dtype}; convert with np.asarray(x, dtype='datetime64[us]')"
    )


def _check_durations(us: I64) -> I64:
    if us.size and (
        us.max() > _DURATION_LIMIT_US
        or np.any((us < -_DURATION_LIMIT_US) & (us != NAT))
    ):
        raise _too_long()
    return us


def _too_long() -> InvalidDurationError:
    return InvalidDurationError(
        "a duration exceeds 5,000 years; check the values (a unit mix-up?)"
    )


def duration_us(value: object) -> int:
    """One duration (timedelta or timedelta64) as microseconds."""
    if isinstance(value, dt.timedelta):
        us = value // ONE_US
        if abs(us) > _DURATION_LIMIT_US:
            raise _too_long()
        return us
    raise InvalidDurationError(
        f"expected a duration as datetime.timedelta or numpy.timedelta64, got "
        f"{type(value).__name__} {value!r}; e.g. timedelta(hours=4)"
    )


def _one_duration(value: np.timedelta64) -> I64 | None:
    """One timedelta64 of a fixed unit as microseconds, in Python integers.

    The answer of the array path (finer units floored, NaT kept, beyond
    5,000 years refused) without its whole-array passes; None for a unit
    the array path must judge (generic, months, years).
    """
    source, count = np.datetime_data(value.dtype)
    if source not in _US_PER:
        return None
    raw = int(value.view(np.int64))
    if raw == NAT:
        return np.array(NAT, dtype=np.int64)
    us = raw * (_US_PER[source] * count) // _US_PER["us"]  # as _scaled reads it
    if abs(us) > _DURATION_LIMIT_US:
        raise _too_long()
    return np.array(us, dtype=np.int64)


def duration_array(value: Any) -> I64:
    """Durations as int64 microseconds (NaT as int64 min)."""
    if isinstance(value, dt.timedelta):
        return np.array(duration_us(value), dtype=np.int64)
    if isinstance(value, np.timedelta64):
        one = _one_duration(value)
        if one is not None:
            return one
    if isinstance(value, list | tuple):
        return _check_durations(_objects(value, duration_us))
    if not _array_like(value):
        raise InvalidDurationError(
            f"expected a duration as datetime.timedelta or numpy.timedelta64, got "
            f"{type(value).__name__} {value!r}; e.g. timedelta(hours=4)"
        )
    array = np.asarray(_unmasked(value))
    if array.dtype.kind == "m":
        source = np.datetime_data(array.dtype)[0]
        if source in ("Y", "M"):
            raise InvalidDurationError(
                f"{source!r} timedelta64 values are not fixed durations; use "
                "days or hours, or a CalendarPeriod rule for months and years"
            )
        if source == "generic" and (array.view(np.int64) != NAT).any():
            raise InvalidDurationError(
                f"timedelta64 values without a unit ({array.ravel()[:3]}) are no "
                "durations; give one, e.g. np.timedelta64(4, 'h')"
            )
        us, bad = _rescale(array, "us")
        if bad.any():
            raise _too_long()
        return _check_durations(us)
    raise InvalidDurationError(
        f"expected timedelta64 durations, got an array of dtype {array.dtype}; "
        "convert with np.asarray(x, dtype='timedelta64[us]')"
    )


def days_array(value: Any) -> I64:
    """Dates as int64 day numbers since 1970-01-01 (NaT as int64 min)."""
    array = np.asarray(_unmasked(value))
    if array.dtype.kind == "M":
        return _in_range(array, "D")
    raise InvalidInstantError(
        f"expected dates as datetime64[D], got an array of dtype {array.dtype}; "
        "convert with np.asarray(x, dtype='datetime64[D]')"
    )
