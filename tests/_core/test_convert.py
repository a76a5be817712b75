"""Reading instants and durations in: naive datetimes, wrong dtypes, wrapping units.

``servicecharter._core.convert`` reads what the calendar's methods take, so
these tests drive it through every ``BusinessCalendar`` operation: a naive
datetime, an array of the wrong dtype or a duration that is not one raises
an error that is also the matching built-in and names the value and the
fix; a unit conversion that would overflow never wraps around silently.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import (
    BusinessCalendar,
    HorizonError,
    InvalidDurationError,
    InvalidInstantError,
    NaiveDatetimeError,
    OpeningHours,
    ServiceCharterError,
)
from servicecharter._core.convert import duration_array
from tests.support.calls import (
    AWARE,
    DAY_ARRAY_CALLS,
    FRIDAY,
    I64,
    INSTANT_ARRAY_CALLS,
    NAIVE,
    SCALAR_CALLS,
    us,
)
from tests.support.messages import assert_message
from tests.support.zones import PARIS


class TestNaiveDatetimes:
    @pytest.mark.parametrize("name", sorted(SCALAR_CALLS))
    def test_scalar_naive_datetime(self, cal: BusinessCalendar, name: str) -> None:
        with pytest.raises(NaiveDatetimeError) as info:
            SCALAR_CALLS[name](cal, NAIVE)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, ServiceCharterError)
        assert_message(
            info.value, repr(NAIVE), fix=re.compile(r"tzinfo|ZoneInfo|aware|astimezone")
        )

    @pytest.mark.parametrize("name", ["is_open", "next_open", "add", "elapsed_a"])
    def test_tzinfo_without_offset_is_naive(
        self, cal: BusinessCalendar, name: str
    ) -> None:
        class NoOffset(dt.tzinfo):
            def utcoffset(self, _: dt.datetime | None) -> None:
                return None

        t = NAIVE.replace(tzinfo=NoOffset())
        with pytest.raises(NaiveDatetimeError):
            SCALAR_CALLS[name](cal, t)

    def test_naive_pandas_timestamp(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        stamp = pd.Timestamp("2026-03-27 10:00")
        for name in ("is_open", "next_open", "add", "elapsed_a", "is_business_day"):
            with pytest.raises(NaiveDatetimeError):
                SCALAR_CALLS[name](cal, stamp)
        aware = stamp.tz_localize("Europe/Paris")
        assert cal.next_open(aware) == AWARE

    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_naive_datetime_inside_a_list(
        self, cal: BusinessCalendar, name: str
    ) -> None:
        with pytest.raises(NaiveDatetimeError) as info:
            INSTANT_ARRAY_CALLS[name](cal, [AWARE, NAIVE])
        assert_message(info.value, repr(NAIVE), fix=re.compile(r"tzinfo|ZoneInfo"))

    @pytest.mark.parametrize("kind", ["Series", "DatetimeIndex"])
    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_naive_pandas(self, cal: BusinessCalendar, name: str, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        index = pd.date_range("2026-03-27 08:00", periods=4, freq="3h")
        values = pd.Series(index) if kind == "Series" else index
        with pytest.raises(NaiveDatetimeError) as info:
            INSTANT_ARRAY_CALLS[name](cal, values)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, "naive", fix=re.compile(r"tz_localize"))

    @pytest.mark.parametrize("kind", ["Series", "DatetimeIndex"])
    def test_aware_pandas_matches_numpy(self, cal: BusinessCalendar, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        index = pd.date_range(
            "2026-03-27 08:00", periods=6, freq="7h", tz="Europe/Paris"
        )
        values = pd.Series(index) if kind == "Series" else index
        utc = (
            index.tz_convert("UTC")
            .tz_localize(None)
            .to_numpy()
            .astype("datetime64[us]")
        )
        for name in ("is_open", "next_open", "next_close", "previous_close", "add"):
            np.testing.assert_array_equal(
                INSTANT_ARRAY_CALLS[name](cal, values),
                INSTANT_ARRAY_CALLS[name](cal, utc),
            )
        # The scalar answer agrees with the array one.
        assert cal.next_open(index[1].to_pydatetime()) == dt.datetime(
            2026, 3, 27, 15, 0, tzinfo=PARIS
        )


# ---------------------------------------------------------------------------


SCALAR_NON_DURATIONS = [
    (3600, "3600"),
    (1.5, "1.5"),
    ("1h", "'1h'"),
    ("PT1H", "'PT1H'"),
    (None, "None"),
    (True, "True"),
    (dt.date(2026, 1, 1), "2026"),
]


class TestDurations:
    @pytest.mark.parametrize(("duration", "needle"), SCALAR_NON_DURATIONS)
    def test_scalar_duration_not_a_timedelta(
        self, cal: BusinessCalendar, duration: Any, needle: str
    ) -> None:
        for t in (AWARE, us("2026-03-27T09:00")):
            with pytest.raises(InvalidDurationError) as info:
                cal.add(t, duration)
            assert isinstance(info.value, TypeError)
            assert_message(info.value, fix=re.compile("timedelta"))

    def test_scalar_duration_messages_name_the_value(
        self, cal: BusinessCalendar
    ) -> None:
        # add(t, 3600) should say "got int 3600", not "an array of dtype int64":
        # the caller passed no array.
        unnamed = []
        for duration, needle in SCALAR_NON_DURATIONS:
            with pytest.raises(InvalidDurationError) as info:
                cal.add(AWARE, duration)
            if needle not in str(info.value):
                unnamed.append(f"{duration!r}: {info.value}")
        assert not unnamed, "\n".join(unnamed)

    @pytest.mark.parametrize(
        ("durations", "needle"),
        [
            (us("2026-01-01T00:00"), "datetime64"),
            (np.array([3600, 7200]), "int64"),
            (np.array([1.5]), "float64"),
            (np.array(["1h"]), "<U2"),
            (np.array([True]), "bool"),
        ],
    )
    def test_array_duration_of_wrong_dtype(
        self, cal: BusinessCalendar, durations: np.ndarray, needle: str
    ) -> None:
        with pytest.raises(InvalidDurationError) as info:
            cal.add(us("2026-03-27T09:00"), durations)
        assert_message(info.value, needle, fix=re.compile("timedelta64"))

    @pytest.mark.parametrize(
        "duration",
        [dt.timedelta.max, dt.timedelta.min, dt.timedelta(days=5000 * 366 + 1)],
        ids=["max", "min", "5000y"],
    )
    def test_huge_scalar_timedelta(
        self, cal: BusinessCalendar, duration: dt.timedelta
    ) -> None:
        with pytest.raises(InvalidDurationError) as info:
            cal.add(AWARE, duration)
        assert_message(info.value, "5,000 years")

    def test_timedelta64_overflowing_microseconds(self, cal: BusinessCalendar) -> None:
        # I64.max seconds is not representable in microseconds: it must not
        # silently wrap around to a small (or negative) duration.
        wrapped = []
        for unit in ("s", "ms", "m", "h", "D", "W"):
            for value in (I64.max, I64.max // 2, I64.min + 1):
                d = np.array([value], dtype=f"timedelta64[{unit}]")
                try:
                    out = cal.add(us("2026-03-27T09:00"), d)
                except InvalidDurationError:
                    continue
                wrapped.append(f"{d[0]!r} -> {out[0]}")
        assert not wrapped, "durations read wrongly:\n" + "\n".join(wrapped)


# ---------------------------------------------------------------------------

WRONG_DTYPES = [
    np.array([1_774_602_000_000_000, 0], dtype=np.int64),
    np.array([1.5, np.nan]),
    np.array(["2026-03-27T10:00", "x"]),
    np.array([True, False]),
    np.array([1 + 2j]),
    np.array([b"2026-03-27"]),
    np.array([3600], dtype="timedelta64[s]"),
]


class TestInstantDtypes:
    @pytest.mark.parametrize("values", WRONG_DTYPES, ids=lambda a: str(a.dtype))
    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_instant_array_of_wrong_dtype(
        self, cal: BusinessCalendar, name: str, values: np.ndarray
    ) -> None:
        with pytest.raises(InvalidInstantError) as info:
            INSTANT_ARRAY_CALLS[name](cal, values)
        assert isinstance(info.value, TypeError)
        assert_message(info.value, str(values.dtype), fix=re.compile("datetime64"))

    @pytest.mark.parametrize("values", WRONG_DTYPES, ids=lambda a: str(a.dtype))
    @pytest.mark.parametrize("name", sorted(DAY_ARRAY_CALLS))
    def test_day_array_of_wrong_dtype(
        self, cal: BusinessCalendar, name: str, values: np.ndarray
    ) -> None:
        with pytest.raises(InvalidInstantError) as info:
            DAY_ARRAY_CALLS[name](cal, values)
        assert_message(
            info.value, str(values.dtype), fix=re.compile(r"datetime64\[D\]")
        )

    def test_scalar_that_is_not_an_instant(self, cal: BusinessCalendar) -> None:
        # The message names the scalar given ("got str '2026-...'"), not
        # "an array of dtype <U16": the caller passed no array.
        cases = [
            (1_774_602_000, "1774602000"),
            (1.5, "1.5"),
            ("2026-03-27T10:00", "'2026-03-27T10:00'"),
            (FRIDAY, "2026, 3, 27"),
        ]
        unnamed = []
        for value, needle in cases:
            for name in ("next_open", "is_open", "add", "elapsed_a"):
                with pytest.raises(InvalidInstantError) as info:
                    SCALAR_CALLS[name](cal, value)
                assert_message(info.value, fix=re.compile("aware datetime|datetime64"))
                if needle not in str(info.value):
                    unnamed.append(f"{name}({value!r}): {info.value}")
        assert not unnamed, "\n".join(unnamed)


class TestUnitOverflow:
    @pytest.mark.parametrize("unit", ["ms", "s", "m", "h", "D", "W", "M", "Y"])
    def test_datetime64_beyond_microseconds_does_not_wrap(self, unit: str) -> None:
        # These instants are far outside years 2-9998 whatever the unit; a
        # silent overflow in the unit conversion gives a 1970 answer instead.
        cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
        wrapped = []
        for value in (I64.max, I64.min + 1, I64.max // 3, -(I64.max // 3)):
            t = np.array([value], dtype=f"datetime64[{unit}]")
            for name in ("next_open", "is_open", "elapsed_b"):
                try:
                    out = INSTANT_ARRAY_CALLS[name](cal, t)
                except HorizonError:
                    continue
                wrapped.append(f"{name}({t[0]}) -> {out[0]!r}")
            if unit in "DWMY":  # also as days
                try:
                    out = cal.is_business_day(t)
                except HorizonError:
                    continue
                wrapped.append(f"is_business_day({t[0]}) -> {out[0]!r}")
        assert not wrapped, "instants read wrongly:\n" + "\n".join(wrapped)

    def test_nanoseconds_at_the_far_past_edge(self) -> None:
        # The smallest datetime64[ns] (1677) must be read as 1677, not 2262.
        t = np.array([I64.min + 1], dtype="datetime64[ns]")
        cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
        out = cal.next_open(t)
        assert out[0].astype("datetime64[Y]") == np.datetime64("1677", "Y")


class TestPandasMissingValues:
    """pandas' NA and NaT: missing in arrays, a clear error as one instant."""

    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_na_inside_a_list_is_nat(self, cal: BusinessCalendar, name: str) -> None:
        pd = pytest.importorskip("pandas")
        for missing in (pd.NA, pd.NaT, None, float("nan"), np.datetime64("NaT")):
            with_missing = INSTANT_ARRAY_CALLS[name](cal, [AWARE, missing])
            alone = INSTANT_ARRAY_CALLS[name](cal, [AWARE])
            assert with_missing[0] == alone[0]
            if with_missing.dtype.kind in "mM":
                assert np.isnat(with_missing[1])
            elif name != "local_date":
                assert not with_missing[1]

    @pytest.mark.parametrize("name", sorted(SCALAR_CALLS))
    def test_nat_as_one_value(self, cal: BusinessCalendar, name: str) -> None:
        # pd.NaT is a datetime: as one instant (or one date) it is refused
        # with the library's error rather than a NaN arithmetic error.
        pd = pytest.importorskip("pandas")
        with pytest.raises(InvalidInstantError) as info:
            SCALAR_CALLS[name](cal, pd.NaT)
        assert_message(info.value, "NaT", "missing", fix=re.compile("array"))


class TestAwarePandas:
    """Aware pandas values of every kind read as instants, never as "naive"."""

    def kinds(self) -> dict[str, Any]:
        pd = pytest.importorskip("pandas")
        aware = pd.Series(
            pd.to_datetime(
                ["2026-03-27T08:00Z", "2026-03-27T16:30+01:00", None], utc=True
            )
        )
        return {
            "arrow": aware.astype("timestamp[us, tz=Europe/Paris][pyarrow]"),
            "arrow-ns-index": pd.Index(aware.astype("timestamp[ns, tz=UTC][pyarrow]")),
            "object": pd.Series(list(aware), dtype=object),
            "category": aware.astype("category"),
            "categorical-index": pd.CategoricalIndex(aware),
        }

    @pytest.mark.parametrize(
        "kind", ["arrow", "arrow-ns-index", "object", "category", "categorical-index"]
    )
    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_same_as_numpy(self, cal: BusinessCalendar, kind: str, name: str) -> None:
        expected = us("2026-03-27T08:00", "2026-03-27T15:30", "NaT")
        got = INSTANT_ARRAY_CALLS[name](cal, self.kinds()[kind])
        np.testing.assert_array_equal(got, INSTANT_ARRAY_CALLS[name](cal, expected))

    def test_timestamp_with_an_array_of_durations(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        stamp = pd.Timestamp("2026-03-27T10:00", tz="Europe/Paris")
        hours = np.array([1, 2], "m8[h]")
        np.testing.assert_array_equal(
            cal.add(stamp, hours), cal.add(us("2026-03-27T09:00"), hours)
        )

    @pytest.mark.parametrize(
        "values", [[1, 2], ["2026-03-27T08:00Z"], [1.5, None]], ids=str
    )
    def test_other_series_get_the_dtype_message(
        self, cal: BusinessCalendar, values: list[Any]
    ) -> None:
        pd = pytest.importorskip("pandas")
        with pytest.raises(InvalidInstantError) as info:
            cal.is_open(pd.Series(values))
        assert "naive" not in str(info.value)
        assert_message(info.value, "expected")

    def test_naive_arrow_series_is_still_naive(self, cal: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        naive = pd.Series(pd.to_datetime(["2026-03-27T08:00"]))
        with pytest.raises(NaiveDatetimeError):
            cal.is_open(naive.astype("timestamp[us][pyarrow]"))


class TestByteOrder:
    """Big-endian arrays are read by value, not by their swapped bytes."""

    @pytest.mark.parametrize("name", sorted(INSTANT_ARRAY_CALLS))
    def test_big_endian_instants(self, cal: BusinessCalendar, name: str) -> None:
        little = us("2026-03-27T08:00", "2026-03-28T12:00", "NaT")
        big = little.astype(">M8[us]")
        np.testing.assert_array_equal(
            INSTANT_ARRAY_CALLS[name](cal, big), INSTANT_ARRAY_CALLS[name](cal, little)
        )

    @pytest.mark.parametrize("dtype", [">m8[us]", ">m8[h]", ">m8[ns]"])
    def test_big_endian_durations(self, cal: BusinessCalendar, dtype: str) -> None:
        hour = np.array([1], "m8[h]")
        got = cal.add(AWARE, hour.astype(dtype))
        np.testing.assert_array_equal(got, cal.add(AWARE, hour))

    def test_big_endian_dates(self, cal: BusinessCalendar) -> None:
        days = np.array(["2026-03-27", "2026-03-28"], "M8[D]")
        np.testing.assert_array_equal(
            cal.is_business_day(days.astype(">M8[D]")), cal.is_business_day(days)
        )


class TestCalendarUnitsWithMultipliers:
    """``M8[10Y]`` or ``M8[3M]`` far out of range is refused, never wrapped."""

    @pytest.mark.parametrize(
        ("value", "dtype", "year"),
        [
            (58458, "M8[10Y]", "586550"),  # read as 1995 once
            (300_000, "M8[Y]", "301970"),  # named "284,743 years from 1970"
            (1_200_000, "M8[3M]", "301970"),
            (3_000_000, "M8[M]", "251970"),
            (-300_000, "M8[Y]", "-298030"),
        ],
    )
    def test_far_values_raise_naming_their_year(
        self, cal: BusinessCalendar, value: int, dtype: str, year: str
    ) -> None:
        t = np.array([value], dtype)
        for call in (cal.local_date, cal.is_open, cal.next_open):
            with pytest.raises(HorizonError) as info:
                call(t)
            assert_message(info.value, year, "outside the supported years")
        with pytest.raises(HorizonError):  # as dates: the horizon's own words
            cal.is_business_day(t)

    @pytest.mark.parametrize(
        ("value", "dtype", "year"),
        [(5, "M8[10Y]", 2020), (224, "M8[3M]", 2026), (56, "M8[Y]", 2026)],
    )
    def test_in_range_values_are_exact(
        self, cal: BusinessCalendar, value: int, dtype: str, year: int
    ) -> None:
        out = cal.local_date(np.array([value], dtype))
        assert out.astype("datetime64[Y]").astype(int)[0] + 1970 == year
        assert cal.is_business_day(np.array([value], dtype)).dtype == bool


@settings(max_examples=300, deadline=None)
@given(
    unit=st.sampled_from(["W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]),
    count=st.sampled_from([1, 7, 250, 1001, 1500, 9_999_999]),
    raw=st.one_of(
        st.integers(-(2**63) + 1, 2**63 - 1),
        st.integers(-(10**6), 10**6),
        st.just(np.iinfo(np.int64).min),  # NaT
    ),
)
def test_one_timedelta64_reads_as_its_array_does(
    unit: str, count: int, raw: int
) -> None:
    # A scalar takes a path of its own (Python integers); it must answer,
    # or refuse, exactly as a one-element array of it does.
    value = np.int64(raw).view(f"m8[{count}{unit}]")
    try:
        want: object = int(duration_array(np.array([value]))[0])
    except InvalidDurationError as error:
        want = str(error)
    try:
        got: object = int(duration_array(value))
    except InvalidDurationError as error:
        got = str(error)
    assert got == want
    assert duration_array(np.timedelta64(3, "h")).shape == ()


@settings(max_examples=300, deadline=None)
@given(
    unit=st.sampled_from(["D", "h", "s", "ms", "us", "ns", "ps", "as"]),
    count=st.sampled_from([1, 7, 1001, 1500, 9_999_999]),
    raw=st.integers(-(2**63) + 1, 2**63 - 1),
)
def test_durations_of_any_unit_read_as_python_integers_do(
    unit: str, count: int, raw: int
) -> None:
    # The exact answer, floored, or refused beyond 5,000 years; never wrapped.
    per_us = {"D": 86_400 * 10**6, "h": 3_600 * 10**6, "s": 10**6, "ms": 10**3}
    num, den = (per_us[unit], 1) if unit in per_us else (1, 1)
    if unit == "ns":
        num, den = 1, 10**3
    elif unit == "ps":
        num, den = 1, 10**6
    elif unit == "as":
        num, den = 1, 10**12
    exact = raw * count * num // den
    column = np.array([raw], f"m8[{count}{unit}]")
    if abs(exact) > 5000 * 366 * 86_400 * 10**6:
        with pytest.raises(InvalidDurationError):
            duration_array(column)
    else:
        assert int(duration_array(column)[0]) == exact


def test_units_of_several_nanoseconds_read_exactly() -> None:
    # 4,700 units of 7 ns are 32.9 us: 32 us, floored as a clock reads it
    # (dividing by 1000 // 7 = 142 units a microsecond gave 33).
    assert duration_array(np.array([4_700, -1], "m8[7ns]")).tolist() == [32, -1]
    t = np.array([4_700], "M8[7ns]")
    assert BusinessCalendar(OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC")).next_open(
        t
    ).view(np.int64).tolist() == [32]
