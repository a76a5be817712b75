"""Read a column of instants for ``evaluate``: whole when it can, else row by row.

A datetime column (numpy, pandas, polars, pyarrow) reads whole; other
columns read whole when they can, else element by element, so that each
unreadable element is named as a bad row and the rest is still read. An
instant outside the supported years is a bad row too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from .._core.convert import instant_array, instant_us, is_missing
from .._core.foreign import is_foreign
from .._core.units import DAY_US, FIRST_DAY, I64, LAST_DAY, NAT, SUPPORTED_YEARS
from .._errors import HorizonError, InvalidInstantError, NaiveDatetimeError

__all__ = ["read_instants"]

_INSTANT_ERRORS = (InvalidInstantError, NaiveDatetimeError, HorizonError)
# The UTC instants of the supported years; the local years of each row on
# its own calendar are checked by ``reach``.
_FIRST_US, _END_US = FIRST_DAY * DAY_US, (LAST_DAY + 1) * DAY_US


def read_instants(name: str, values: Any) -> tuple[I64, dict[int, str]]:
    """A column of instants as UTC microseconds (NaT: int64 min) and bad rows.

    A datetime column (numpy ``datetime64``, pandas, polars or pyarrow) reads
    whole; a naive pandas, polars or pyarrow datetime column is refused as a
    whole (``NaiveDatetimeError``), as everywhere else in the library. Other
    columns read whole when they can, else element by element, each
    unreadable element a bad row (its value NaT). An instant outside the
    supported years is a bad row too, so that the rest can be computed.
    """
    if _typed_instants(values):
        out = np.array(instant_array(values), dtype=np.int64).reshape(-1)
        return _supported(name, out, {})
    try:
        out = np.array(instant_array(values), dtype=np.int64).reshape(-1)
        return _supported(name, out, {})
    except _INSTANT_ERRORS:
        pass
    array = np.asarray(values)
    array = array if array.dtype.kind == "M" else np.asarray(values, dtype=object)
    out = np.full(len(array), NAT, dtype=np.int64)
    bad: dict[int, str] = {}
    for i, item in enumerate(array):
        try:
            out[i] = _one_instant(item)
        except (*_INSTANT_ERRORS, ValueError, OverflowError) as error:
            bad[i] = f"{name}: {error}"
    return _supported(name, out, bad)


def _typed_instants(values: Any) -> bool:
    """Whether ``values`` is a column typed as datetimes (read whole or refused)."""
    if is_foreign(values):  # polars or pyarrow: aware ones are numpy by now
        return True
    dtype = getattr(values, "dtype", None)
    return hasattr(values, "to_numpy") and getattr(dtype, "kind", "") == "M"


def _supported(name: str, out: I64, bad: dict[int, str]) -> tuple[I64, dict[int, str]]:
    """``out`` with its instants outside the supported years as bad rows (NaT)."""
    outside = (out != NAT) & ((out < _FIRST_US) | (out >= _END_US))
    if outside.any():
        rows = np.flatnonzero(outside)
        shown = np.datetime_as_string(out[rows].view("datetime64[us]"), unit="m")
        for row, text in zip(rows.tolist(), shown.tolist(), strict=True):
            bad[row] = (
                f"{name}: {text}Z is outside the supported years "
                f"{SUPPORTED_YEARS}; check the value (a unit mix-up?)"
            )
        out = np.where(outside, NAT, out)
    return out, dict(sorted(bad.items()))


def _one_instant(item: Any) -> int:
    # An empty text is missing, as an empty CSV field is (not answered yet).
    if is_missing(item) or (isinstance(item, str) and not item.strip()):
        return int(NAT)
    if isinstance(item, np.datetime64):
        return int(instant_array(np.array([item]))[0])
    if isinstance(item, str):
        try:
            parsed = dt.datetime.fromisoformat(item)
        except ValueError:
            raise InvalidInstantError(f"cannot read {item!r} as an instant") from None
        if parsed.utcoffset() is None:
            raise NaiveDatetimeError(
                f"{item!r} has no UTC offset; write one, like '+02:00' or 'Z'"
            )
        return instant_us(parsed)
    return instant_us(item)
