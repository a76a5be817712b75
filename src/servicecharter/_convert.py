"""Read instants, durations and dates, scalar or array, into int64 microseconds.

Scalars: aware ``datetime`` (pandas ``Timestamp`` included), ``timedelta``,
``date``. Arrays: numpy ``datetime64`` (read as UTC), ``timedelta64``,
tz-aware pandas Series/Index, or sequences of the scalars. NaT is int64 min.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from ._errors import InvalidDurationError, InvalidInstantError, NaiveDatetimeError
from ._zone import EPOCH

__all__ = [
    "NAT",
    "days_array",
    "duration_array",
    "duration_us",
    "instant_array",
    "instant_us",
    "is_scalar",
]

I64: TypeAlias = npt.NDArray[np.int64]
NAT = np.iinfo(np.int64).min
_ONE_US = dt.timedelta(microseconds=1)
_DURATION_LIMIT_US = 5000 * 366 * 86_400 * 1_000_000
_NAIVE_FIX = (
    "attach a time zone, e.g. dt.replace(tzinfo=ZoneInfo('Europe/Paris')), "
    "or use dt.astimezone() for the system zone"
)


def is_scalar(value: object) -> bool:
    """Whether ``value`` takes the scalar path (a date, datetime or timedelta)."""
    return isinstance(value, dt.date | dt.timedelta)


def instant_us(value: object) -> int:
    """One aware datetime as UTC microseconds since the epoch."""
    if not isinstance(value, dt.datetime):
        raise InvalidInstantError(
            f"expected an aware datetime, got {type(value).__name__} {value!r}"
        )
    try:
        return (value - EPOCH) // _ONE_US
    except TypeError:  # naive, or a tzinfo that gives no offset
        raise NaiveDatetimeError(
            f"naive datetime {value!r} is not an instant; {_NAIVE_FIX}"
        ) from None


def _pandas_aware(value: Any) -> I64 | None:
    """A tz-aware pandas Series, Index or array as UTC microseconds, else None."""
    dtype = getattr(value, "dtype", None)
    if getattr(dtype, "tz", None) is None:
        return None
    if hasattr(value, "dt"):  # a Series: the zone methods live on .dt
        utc = value.dt.tz_convert("UTC").dt.tz_localize(None)
    else:
        utc = value.tz_convert("UTC").tz_localize(None)
    return np.asarray(utc.to_numpy(dtype="datetime64[us]")).view(np.int64)


def _objects(values: Any, read: Any) -> I64:
    """Read a sequence of Python scalars one by one (a convenience path)."""
    out = np.empty(len(values), dtype=np.int64)
    for i, item in enumerate(values):
        # NaT and NaN are unequal to themselves.
        missing = item is None or item != item  # noqa: PLR0124
        out[i] = NAT if missing else read(item)
    return out


def instant_array(value: Any) -> I64:
    """Instants as int64 UTC microseconds (NaT as int64 min); may view the input."""
    aware = _pandas_aware(value)
    if aware is not None:
        return aware
    if hasattr(value, "tz_localize"):  # a pandas object with no zone
        raise NaiveDatetimeError(
            "naive pandas datetimes are ambiguous; call .dt.tz_localize('UTC') "
            "on a Series or .tz_localize('UTC') on an index (or the local zone) first"
        )
    if isinstance(value, list | tuple):
        return _objects(value, instant_us)
    array = np.asarray(value)
    if array.dtype.kind == "M":
        # No copy when already in microseconds: callers never write to inputs.
        return array.astype("datetime64[us]", copy=False).view(np.int64)
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
        raise InvalidDurationError(
            "a duration exceeds 5,000 years; check the values (a unit mix-up?)"
        )
    return us


def duration_us(value: object) -> int:
    """One duration (timedelta or timedelta64) as microseconds."""
    if isinstance(value, dt.timedelta):
        us = value // _ONE_US
        if abs(us) > _DURATION_LIMIT_US:
            _check_durations(np.array([us], dtype=np.int64))
        return us
    raise InvalidDurationError(
        f"expected a duration as datetime.timedelta or numpy.timedelta64, got "
        f"{type(value).__name__} {value!r}; e.g. timedelta(hours=4)"
    )


def duration_array(value: Any) -> I64:
    """Durations as int64 microseconds (NaT as int64 min)."""
    if isinstance(value, dt.timedelta):
        return np.array(duration_us(value), dtype=np.int64)
    if isinstance(value, list | tuple):
        return _check_durations(_objects(value, duration_us))
    array = np.asarray(value)
    if array.dtype.kind == "m":
        return _check_durations(
            array.astype("timedelta64[us]", copy=False).view(np.int64)
        )
    raise InvalidDurationError(
        f"expected timedelta64 durations, got an array of dtype {array.dtype}; "
        "convert with np.asarray(x, dtype='timedelta64[us]')"
    )


def days_array(value: Any) -> I64:
    """Dates as int64 day numbers since 1970-01-01 (NaT as int64 min)."""
    if isinstance(value, list | tuple):
        value = np.array(value, dtype="datetime64[D]")
    array = np.asarray(value)
    if array.dtype.kind == "M":
        return array.astype("datetime64[D]", copy=False).view(np.int64)
    raise InvalidInstantError(
        f"expected dates as datetime64[D], got an array of dtype {array.dtype}; "
        "convert with np.asarray(x, dtype='datetime64[D]')"
    )
