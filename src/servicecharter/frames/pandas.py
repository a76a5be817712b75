"""The pandas accessor ``Series.sc``: business time on a column of instants.

Importing this module registers it (``import servicecharter.frames.pandas``).
The column must be tz-aware (``datetime64[unit, zone]``): a naive one is
refused with ``NaiveDatetimeError``. Answers keep the column's index and
name; instants come back tz-aware in the calendar's zone, business time as
``timedelta64[us]``, NaT where the input is NaT (``False`` from
``is_open``).

>>> import pandas as pd
>>> received = pd.Series(
...     pd.to_datetime(["2026-03-27 16:00", None]).tz_localize("Europe/Paris"),
...     index=["T1", "T2"],
...     name="received",
... )
>>> received.sc.add(cal, dt.timedelta(hours=1))
T1   2026-03-30 09:00:00+02:00
T2                         NaT
Name: received, dtype: datetime64[us, Europe/Paris]
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.convert import duration_array, instant_array
from .._core.units import I64
from .._errors import InvalidArgumentError, InvalidInstantError
from ..calendar import BusinessCalendar
from ._calls import DurationArg, add_us, checked, zone_name

__all__ = ["BusinessTimeAccessor"]


def _instants(series: Any) -> I64:
    """A tz-aware column as UTC microseconds: a view when already in us."""
    dtype = series.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        if dtype.unit == "us":
            return np.asarray(series.array.asi8)
        return instant_array(series)  # other units: checked as they convert
    if dtype.kind == "M":
        return instant_array(series)  # raises the library's naive-pandas error
    raise InvalidInstantError(
        f"column {series.name!r} has dtype {dtype}, not tz-aware datetimes; "
        "read it with pd.to_datetime(..., utc=True) or .dt.tz_localize(zone)"
    )


@pd.api.extensions.register_series_accessor("sc")
class BusinessTimeAccessor:
    """Business time on a tz-aware pandas column: ``series.sc.add(cal, ...)``."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def _instants_out(self, calendar: BusinessCalendar, us: I64) -> pd.Series:
        # pandas reads int64 under a tz-aware dtype as UTC epoch units, NaT's
        # integer as NaT: the answer column wraps the kernel's array, no copy.
        return pd.Series(
            us,
            dtype=pd.DatetimeTZDtype("us", zone_name(calendar)),
            index=self._series.index,
            name=self._series.name,
            copy=False,
        )

    def _other(self, other: Any) -> I64:
        if isinstance(other, pd.Series) and not other.index.equals(self._series.index):
            raise InvalidArgumentError(
                "the two columns have different indexes; align them first "
                "(a.align(b)), so that each row pairs the right instants"
            )
        return (
            _instants(other) if isinstance(other, pd.Series) else instant_array(other)
        )

    def is_open(self, calendar: BusinessCalendar) -> pd.Series:
        """Whether the calendar is open at each instant."""
        out = checked(calendar).kernel.is_open(_instants(self._series))
        return pd.Series(out, index=self._series.index, name=self._series.name)

    def next_open(self, calendar: BusinessCalendar) -> pd.Series:
        """Each instant if open, else the next opening."""
        cal = checked(calendar)
        return self._instants_out(cal, cal.kernel.next_open(_instants(self._series)))

    def next_close(self, calendar: BusinessCalendar) -> pd.Series:
        """The first closing after each instant."""
        cal = checked(calendar)
        return self._instants_out(cal, cal.kernel.next_close(_instants(self._series)))

    def previous_close(self, calendar: BusinessCalendar) -> pd.Series:
        """The latest closing at or before each instant."""
        cal = checked(calendar)
        t = _instants(self._series)
        return self._instants_out(cal, cal.kernel.previous_close(t))

    def add(self, calendar: BusinessCalendar, d: DurationArg | pd.Series) -> pd.Series:
        """Business time ``d`` added: a duration, a column of them, or a rule.

        A rule or its text (``"4 business hours"``, ``"3 business days"``)
        gives that rule's deadline.
        """
        cal = checked(calendar)
        if isinstance(d, pd.Series):
            if not d.index.equals(self._series.index):
                raise InvalidArgumentError(
                    "the durations have another index than the instants; align them"
                )
            d = duration_array(d.to_numpy())
        return self._instants_out(cal, add_us(cal, _instants(self._series), d))

    def elapsed(self, calendar: BusinessCalendar, other: Any) -> pd.Series:
        """Business time from each instant to ``other``'s (a column, same index)."""
        cal = checked(calendar)
        out = cal.kernel.elapsed(_instants(self._series), self._other(other))
        return pd.Series(
            out.view("m8[us]"), index=self._series.index, name=self._series.name
        )
