"""The polars expression namespace ``Expr.sc``: business time in any plan.

Importing this module registers it (``import servicecharter.frames.polars``).
Every method is an element-wise ``map_batches``, so it runs in eager, lazy
and streaming plans alike, one kernel call per batch. The column must be
``pl.Datetime`` with a time zone (a naive one is refused with
``NaiveDatetimeError``); instants come back as ``pl.Datetime("us", zone)``
in the calendar's zone, business time as ``pl.Duration("us")``, nulls as
nulls (``False`` from ``is_open``).

>>> import polars as pl
>>> requests = pl.DataFrame(
...     {"received": ["2026-03-27 16:00"], "responded": ["2026-03-30 10:00"]}
... ).with_columns(pl.all().str.to_datetime(time_zone="Europe/Paris"))
>>> requests.select(
...     due=pl.col("received").sc.add(cal, "4 business hours"),
...     used=pl.col("received").sc.elapsed(cal, pl.col("responded")),
... ).row(0)
(datetime.datetime(2026, 3, 30, 14, 0, tzinfo=zoneinfo.ZoneInfo(key='Europe/Paris')), datetime.timedelta(seconds=7200))
"""  # noqa: E501 (a doctest output is one line)

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import polars as pl

from .._core.convert import duration_array
from .._core.units import I64, NAT
from .._errors import InvalidInstantError, NaiveDatetimeError
from ..calendar import BusinessCalendar
from ._calls import DurationArg, add_us, checked, zone_name

__all__ = ["BusinessTimeExpr"]


def _us(series: pl.Series, kind: str = "instants") -> I64:
    """A Datetime (or Duration) column as int64 microseconds, NaT for null.

    A column in microseconds is read as it is held (``to_numpy`` gives its
    buffer, in UTC for a zoned column): no pass over the values unless it
    has nulls, which numpy holds as NaT.
    """
    dtype = series.dtype
    if kind == "instants":
        if not isinstance(dtype, pl.Datetime):
            raise InvalidInstantError(
                f"column {series.name!r} is {dtype}, not pl.Datetime with a time zone"
            )
        if dtype.time_zone is None:
            raise NaiveDatetimeError(
                f"column {series.name!r} is a naive pl.Datetime; give it a zone "
                "first: .dt.replace_time_zone('UTC') (or the local zone)"
            )
    elif not isinstance(dtype, pl.Duration):
        raise InvalidInstantError(f"column {series.name!r} is {dtype}, not pl.Duration")
    if dtype.time_unit != "us":
        series = series.dt.cast_time_unit("us")
    return np.asarray(series.to_numpy()).view(np.int64)


def _instants_out(name: str, us: I64, zone: str, nat_seen: list[bool]) -> pl.Series:
    """The answer column from the kernel's int64 values (a cast, no copy).

    NaT becomes null. ``nat_seen`` is what the kernel said of its arguments
    (NaT in is NaT out, and nowhere else), or True for a rule's deadline: no
    NaT, no pass to look for one; else the minimum tells, NaT being the
    smallest int64. A polars value stored as the smallest int64 is NaT too.
    """
    out = pl.Series(name, us).cast(pl.Datetime("us", zone))
    if any(nat_seen) and us.size and int(us.min()) == NAT:
        missing = pl.Series(us == NAT)
        out = pl.select(pl.when(missing).then(None).otherwise(out)).to_series()
    return out.alias(name)


@pl.api.register_expr_namespace("sc")
class BusinessTimeExpr:
    """Business time on a zoned Datetime expression: ``pl.col(c).sc.add(cal, d)``."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def _instant_op(self, calendar: BusinessCalendar, op: str) -> pl.Expr:
        cal = checked(calendar)
        zone = zone_name(cal)
        compute = getattr(cal.kernel, op)

        def run(s: pl.Series) -> pl.Series:
            seen: list[bool] = []
            return _instants_out(s.name, compute(_us(s), nat_seen=seen), zone, seen)

        return self._expr.map_batches(
            run, return_dtype=pl.Datetime("us", zone), is_elementwise=True
        )

    def is_open(self, calendar: BusinessCalendar) -> pl.Expr:
        """Whether the calendar is open at each instant."""
        kernel = checked(calendar).kernel

        def run(s: pl.Series) -> pl.Series:
            return pl.Series(s.name, kernel.is_open(_us(s)))

        return self._expr.map_batches(run, return_dtype=pl.Boolean, is_elementwise=True)

    def next_open(self, calendar: BusinessCalendar) -> pl.Expr:
        """Each instant if open, else the next opening."""
        return self._instant_op(calendar, "next_open")

    def next_close(self, calendar: BusinessCalendar) -> pl.Expr:
        """The first closing after each instant."""
        return self._instant_op(calendar, "next_close")

    def previous_close(self, calendar: BusinessCalendar) -> pl.Expr:
        """The latest closing at or before each instant."""
        return self._instant_op(calendar, "previous_close")

    def add(self, calendar: BusinessCalendar, d: DurationArg | pl.Expr) -> pl.Expr:
        """Business time ``d`` added: a duration, a Duration expression, or a rule.

        A rule or its text (``"4 business hours"``) gives that rule's deadline.
        """
        cal = checked(calendar)
        zone = zone_name(cal)
        dtype = pl.Datetime("us", zone)
        if isinstance(d, pl.Expr):

            def pair(s: Sequence[pl.Series]) -> pl.Series:
                t, durations = _us(s[0]), _us(s[1], "durations")
                seen: list[bool] = []
                out = add_us(cal, t, durations, seen)
                return _instants_out(s[0].name, out, zone, seen)

            return pl.map_batches([self._expr, d], pair, dtype, is_elementwise=True)
        fixed: Any = d if isinstance(d, str) or hasattr(d, "deadline_us") else None
        if fixed is None:
            fixed = np.timedelta64(int(duration_array(d)), "us")

        def run(s: pl.Series) -> pl.Series:
            seen: list[bool] = []
            out = add_us(cal, _us(s), fixed, seen)
            return _instants_out(s.name, out, zone, seen)

        return self._expr.map_batches(run, return_dtype=dtype, is_elementwise=True)

    def elapsed(self, calendar: BusinessCalendar, other: pl.Expr) -> pl.Expr:
        """Business time from each instant to ``other``'s, as ``pl.Duration("us")``."""
        kernel = checked(calendar).kernel

        def pair(s: Sequence[pl.Series]) -> pl.Series:
            out = kernel.elapsed(_us(s[0]), _us(s[1]))
            return pl.Series(s[0].name, out.view("m8[us]"))

        return pl.map_batches(
            [self._expr, other], pair, pl.Duration("us"), is_elementwise=True
        )
