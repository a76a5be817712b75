"""Whole arrays: NaT in gives NaT out, shapes are kept, odd arrays stay ours.

Every array operation broadcasts its arguments, sets NaT aside and puts the
answers back in the broadcast shape (``servicecharter.calendar.broadcast``).
The hypothesis tests feed odd arrays of every dtype and shape and allow
nothing but ``ServiceCharterError`` out, and never a modified input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from servicecharter import (
    BusinessCalendar,
    HolidayDates,
    HorizonError,
    InvalidArgumentError,
    InvalidInstantError,
    OpeningHours,
    ServiceCharterError,
)
from tests.support.calls import AWARE, FRIDAY, HOUR, I64, INSTANT_ARRAY_CALLS, NAIVE, us
from tests.support.messages import assert_message
from tests.support.zones import PARIS


class TestNaT:
    T = us("NaT", "2026-03-27T10:00", "NaT", "2026-03-28T10:00")

    @pytest.mark.parametrize(
        "name", ["next_open", "next_close", "previous_close", "add"]
    )
    def test_nat_in_nat_out(self, cal: BusinessCalendar, name: str) -> None:
        out = INSTANT_ARRAY_CALLS[name](cal, self.T)
        assert out.dtype == np.dtype("datetime64[us]")
        assert np.isnat(out).tolist() == [True, False, True, False]

    def test_elapsed(self, cal: BusinessCalendar) -> None:
        out = cal.elapsed(self.T, self.T[::-1])
        assert out.dtype == np.dtype("timedelta64[us]")
        assert np.isnat(out).all()
        out = cal.elapsed(self.T, us("2026-03-30T10:00"))
        assert np.isnat(out).tolist() == [True, False, True, False]

    def test_nat_duration(self, cal: BusinessCalendar) -> None:
        d = np.array([1, "NaT", 1, "NaT"], dtype="timedelta64[h]")
        out = cal.add(self.T[::-1], d)
        assert np.isnat(out).tolist() == [False, True, False, True]

    def test_is_open_false_on_nat(self, cal: BusinessCalendar) -> None:
        out = cal.is_open(self.T)
        assert out.dtype == np.bool_
        assert out.tolist() == [False, True, False, False]

    @pytest.mark.parametrize("unit", ["ns", "s", "D", ""])
    def test_nat_of_any_unit(self, cal: BusinessCalendar, unit: str) -> None:
        with warnings.catch_warnings():
            # numpy 2.5 deprecates the generic unit; users may still pass it.
            warnings.simplefilter("ignore", DeprecationWarning)
            dtype = f"datetime64[{unit}]" if unit else "datetime64"
            nat = np.array(["NaT"], dtype=dtype)
        assert np.isnat(cal.next_open(nat)).all()
        assert cal.is_open(nat).tolist() == [False]

    @pytest.mark.parametrize(
        "roll",
        [
            "raise",
            "nat",
            "forward",
            "backward",
            "modifiedfollowing",
            "modifiedpreceding",
        ],
    )
    def test_add_business_days(self, cal: BusinessCalendar, roll: Any) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        out = cal.add_business_days(days, 1, roll=roll)
        assert out.dtype == np.dtype("datetime64[D]")
        assert np.isnat(out).tolist() == [True, False]
        assert out[1] == np.datetime64("2026-03-30")

    def test_is_business_day_false_on_nat(self, cal: BusinessCalendar) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        assert cal.is_business_day(days).tolist() == [False, True]

    def test_count_business_days_refuses_nat(self, cal: BusinessCalendar) -> None:
        days = np.array(["NaT", "2026-03-27"], dtype="datetime64[D]")
        good = np.array(["2026-03-01", "2026-03-01"], dtype="datetime64[D]")
        for begin, end in ((days, good), (good, days)):
            with pytest.raises(InvalidInstantError) as info:
                cal.count_business_days(begin, end)
            assert_message(info.value, "NaT", fix=re.compile("drop or fill"))

    def test_pandas_nat(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        values = pd.Series(
            [pd.Timestamp("2026-03-27 10:00", tz="Europe/Paris"), pd.NaT]
        )
        values = values.astype("datetime64[ns, Europe/Paris]")
        assert np.isnat(cal.next_open(values)).tolist() == [False, True]
        assert cal.is_open(values).tolist() == [True, False]

    @pytest.mark.parametrize("shape", [(0,), (3,), (2, 3)])
    def test_all_nat_and_empty(
        self, cal: BusinessCalendar, shape: tuple[int, ...]
    ) -> None:
        nat = np.full(shape, np.datetime64("NaT", "us"), dtype="datetime64[us]")
        assert cal.next_open(nat).shape == shape
        assert np.isnat(cal.add(nat, np.timedelta64(1, "h"))).all()
        assert cal.is_open(nat).shape == shape
        assert not cal.is_open(nat).any()


class TestShapes:
    def test_mismatched_shapes(self, cal: BusinessCalendar) -> None:
        a = np.full((2, 3), np.datetime64("2026-03-27T09:00", "us"))
        b = np.full(2, np.datetime64("2026-03-27T09:00", "us"))
        with pytest.raises(InvalidArgumentError) as info:
            cal.elapsed(a, b)
        assert_message(info.value, "(2, 3)", "(2,)")
        with pytest.raises(InvalidArgumentError):
            cal.add(a, np.zeros(2, dtype="timedelta64[h]"))


# ---------------------------------------------------------------------------
# Hypothesis: odd arrays into every array operation.

_SIMPLE = BusinessCalendar(
    OpeningHours(
        {"Mo-Fr": "09:00-12:00,14:00-17:00", "Sa": "22:00-02:00"},
        "Europe/Paris",
        holidays=HolidayDates([dt.date(2026, 5, 1), dt.date(2026, 7, 14)]),
    )
)
_T0 = np.datetime64("2026-03-27T09:00", "us")
_D0 = np.datetime64("2026-03-27", "D")

ARRAY_OPS: dict[str, Callable[[Any], Any]] = {
    "is_open": _SIMPLE.is_open,
    "next_open": _SIMPLE.next_open,
    "next_close": _SIMPLE.next_close,
    "previous_close": _SIMPLE.previous_close,
    "local_date": _SIMPLE.local_date,
    "add(x, 1h)": lambda x: _SIMPLE.add(x, np.timedelta64(1, "h")),
    "add(x, -1h, close)": lambda x: _SIMPLE.add(
        x, np.timedelta64(-1, "h"), boundary="close"
    ),
    "add(t, x)": lambda x: _SIMPLE.add(_T0, x),
    "add(x, x)": lambda x: _SIMPLE.add(x, x),
    "elapsed(x, t)": lambda x: _SIMPLE.elapsed(x, _T0),
    "elapsed(t, x)": lambda x: _SIMPLE.elapsed(_T0, x),
    "is_business_day": _SIMPLE.is_business_day,
    "add_business_days(x, 2)": lambda x: _SIMPLE.add_business_days(
        x, 2, roll="forward"
    ),
    "add_business_days(x, -1, mp)": lambda x: _SIMPLE.add_business_days(
        x, -1, roll="modifiedpreceding"
    ),
    "add_business_days(x, 0, raise)": lambda x: _SIMPLE.add_business_days(x, 0),
    "add_business_days(d, x)": lambda x: _SIMPLE.add_business_days(_D0, x, roll="nat"),
    "count_business_days(x, d)": lambda x: _SIMPLE.count_business_days(x, _D0),
    "count_business_days(d, x)": lambda x: _SIMPLE.count_business_days(_D0, x),
    "day_start": _SIMPLE.day_start,
    "first_open": _SIMPLE.first_open,
    "last_close": _SIMPLE.last_close,
}

_EXTREMES = [I64.max, I64.min + 1, I64.max // 2, -(2**62), 2**53, -1, 0, 1]
_YEAR_US = 366 * 86_400 * 1_000_000


def _safe_extremes(kind: str, unit: str) -> list[int]:
    """The extremes whose reading cannot make one example run for minutes.

    Some extremes overflow when numpy converts them to microseconds (a bug
    the tests of tests/_core/test_convert.py pin), landing anywhere. Where
    that lands in years far from the others, compiling the union takes
    seconds, and a business time of centuries grows the horizon step by step
    (slowly): keep only values read as NaT, as out of range, or as near
    the years around today.
    """
    keep = []
    for value in _EXTREMES:
        array = np.array([value], dtype=f"{kind}[{unit}]")
        try:
            read = [array.astype(f"{kind}[us]"), array.astype(f"{kind}[D]")]
        except OverflowError:  # numpy >= 2.5 refuses what it used to wrap
            keep.append(value)  # so the library reads it as out of range
            continue
        if kind == "datetime64":
            years = [
                int(r.astype("datetime64[Y]").astype(np.int64)[0]) + 1970 for r in read
            ]
            if all(y < 2 or y > 9998 or 1677 <= y <= 2263 for y in years):
                keep.append(value)
        else:
            read_us = int(read[0].astype(np.int64)[0])
            if abs(read_us) < 20 * _YEAR_US or abs(read_us) > 5000 * _YEAR_US:
                keep.append(value)
    return keep


def _near_today(unit: str) -> st.SearchStrategy[int]:
    """Integers that, in ``unit``, are instants of the years 2000-2040."""
    lo = np.datetime64("2000-01-01", unit).astype(np.int64)
    hi = np.datetime64("2040-01-01", unit).astype(np.int64)
    return st.integers(int(lo), int(hi))


def _datetime_arrays(kind: str) -> st.SearchStrategy[np.ndarray]:
    units = ["ns", "us", "ms", "s", "m", "h", "D", "W", "M", "Y"]

    @st.composite
    def build(draw: st.DrawFn) -> np.ndarray:
        unit = draw(st.sampled_from(units))
        if kind == "M":
            value = st.one_of(
                _near_today(unit),
                st.sampled_from([*_safe_extremes("datetime64", unit), int(I64.min)]),
            )
        else:  # timedelta64: small (under two years), NaT, or extreme
            one = np.timedelta64(1, unit).astype("timedelta64[us]").astype(np.int64)
            small = min(10**4, 2 * _YEAR_US // max(1, int(one)))
            value = st.one_of(
                st.integers(-small, small),
                st.sampled_from([*_safe_extremes("timedelta64", unit), int(I64.min)]),
            )
        shape = draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=4))
        values = draw(hnp.arrays(np.int64, shape, elements=value))
        return values.view(f"{'datetime64' if kind == 'M' else 'timedelta64'}[{unit}]")

    return build()


_SHAPES = hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=4)
_OBJECTS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.text(max_size=5),
    st.just(AWARE),
    st.just(NAIVE),
    st.just(FRIDAY),
    st.just(HOUR),
    st.just(np.datetime64("NaT", "ns")),
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2040, 1, 1),
        timezones=st.sampled_from([dt.UTC, PARIS]),
    ),
)

ODD_ARRAYS = st.one_of(
    hnp.arrays(hnp.integer_dtypes() | hnp.unsigned_integer_dtypes(), _SHAPES),
    hnp.arrays(
        hnp.floating_dtypes(),
        _SHAPES,
        elements=st.floats(allow_nan=True, allow_infinity=True, width=16),
    ),
    hnp.arrays(np.bool_, _SHAPES),
    hnp.arrays(hnp.unicode_string_dtypes(max_len=8), _SHAPES),
    hnp.arrays(hnp.byte_string_dtypes(max_len=8), _SHAPES),
    hnp.arrays(hnp.complex_number_dtypes(), _SHAPES),
    hnp.arrays(object, _SHAPES, elements=_OBJECTS),
    _datetime_arrays("M"),
    _datetime_arrays("m"),
    st.just(np.array([], dtype="datetime64[us]")),
    st.just(np.array(np.datetime64("NaT", "s"))),
    st.just(np.array([], dtype=object)),
)


def _small_counts(x: np.ndarray) -> bool:
    """Not business-day counts of centuries (slow by design; huge ones are
    pinned by test_arguments.py's test_huge_business_day_count_fails_promptly)."""
    if x.dtype.kind not in "iu" or x.size == 0:
        return True
    return bool(np.all(np.abs(x.astype(np.float64)) <= 5000))


def _snapshot(x: np.ndarray) -> bytes | list[str]:
    # repr, not the items: NaT and NaN never equal themselves.
    return (
        [repr(item) for item in x.ravel().tolist()]
        if x.dtype == object
        else x.tobytes()
    )


class TestOddArrays:
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(x=ODD_ARRAYS, op=st.sampled_from(sorted(ARRAY_OPS)))
    def test_odd_arrays_raise_only_our_errors(self, x: np.ndarray, op: str) -> None:
        assume(op != "add_business_days(d, x)" or _small_counts(x))
        before = _snapshot(x)
        try:
            out = ARRAY_OPS[op](x)
        except ServiceCharterError:
            pass
        else:
            if op not in ("count_business_days(x, d)", "count_business_days(d, x)"):
                # Whatever the input shape, an array answer has that shape.
                assert np.shape(out) == x.shape, (op, x.shape, np.shape(out))
        assert _snapshot(x) == before, "the input array was modified"

    @settings(max_examples=25, deadline=None)
    @given(x=ODD_ARRAYS)
    def test_odd_arrays_every_op(self, x: np.ndarray) -> None:
        for name, op in ARRAY_OPS.items():
            if name == "add_business_days(d, x)" and not _small_counts(x):
                continue
            with contextlib.suppress(ServiceCharterError):
                op(x)

    # "add(x, x)" is left out: one array cannot be both instants and durations.
    @pytest.mark.parametrize("name", sorted(set(ARRAY_OPS) - {"add(x, x)"}))
    def test_two_dimensional_shapes_are_preserved(self, name: str) -> None:
        grid = np.arange(12).reshape(3, 4)
        if name == "add(t, x)":
            x = grid * np.timedelta64(5, "h")
        elif name == "add_business_days(d, x)":
            x = grid
        elif "business" in name or name in ("day_start", "first_open", "last_close"):
            # Business days only, so that roll="raise" has nothing to refuse.
            x = np.busday_offset("2026-03-02", grid).astype("datetime64[D]")
        else:
            x = grid * np.timedelta64(7, "h") + _T0
        out = ARRAY_OPS[name](x)
        assert np.shape(out) == (3, 4)
        # And each element is the answer for that element alone.
        flat = ARRAY_OPS[name](x.ravel())
        np.testing.assert_array_equal(np.asarray(out).ravel(), flat)


def test_dates_far_beyond_the_supported_years_are_refused_not_overflowed() -> None:
    # A day number near the int64 edge beside ordinary dates used to overflow
    # while grouping by era, and came out as numpy's ValueError.
    cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    days = np.array([19825, -(2**63) + 1, 15432]).astype("datetime64[D]")
    with pytest.raises(HorizonError, match="outside the supported years"):
        cal.is_business_day(days)
