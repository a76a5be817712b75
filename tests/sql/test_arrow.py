"""The Arrow conversions of the DuckDB functions: units, nulls, offsets, limits."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from servicecharter import InvalidDurationError, InvalidInstantError, NaiveDatetimeError
from servicecharter.sql._arrow import durations_out, durations_us, instants_us

NAT = np.iinfo(np.int64).min
DAY_US = 86_400_000_000


@pytest.mark.parametrize(("unit", "scale"), [("s", 10**6), ("ms", 10**3), ("us", 1)])
def test_instants_in_any_unit_with_nulls_and_an_offset(unit: str, scale: int) -> None:
    array = pa.array([5, None, -7, 9], pa.timestamp(unit, tz="Europe/Paris"))[1:]
    assert instants_us(pa.chunked_array([array])).tolist() == [
        NAT,
        -7 * scale,
        9 * scale,
    ]


def test_nanoseconds_floor_to_microseconds() -> None:
    array = pa.array([1_999, -1], pa.timestamp("ns", tz="UTC"))
    assert instants_us(array).tolist() == [1, -1]


def test_naive_and_other_types_are_refused() -> None:
    with pytest.raises(NaiveDatetimeError, match="TIMESTAMPTZ"):
        instants_us(pa.array([1], pa.timestamp("us")))
    with pytest.raises(InvalidInstantError, match="int64"):
        instants_us(pa.array([1]))


def test_intervals_days_are_24_hours_and_months_are_refused() -> None:
    kind = pa.month_day_nano_interval()
    array = pa.array([(0, 1, 3_000), None, (0, 0, -5_000)], kind)
    assert durations_us(array).tolist() == [DAY_US + 3, NAT, -5]
    with pytest.raises(InvalidDurationError, match="months"):
        durations_us(pa.array([(1, 0, 0)], kind))
    assert durations_us(pa.array([(1, 0, 0), None], kind)[1:]).tolist() == [NAT]


def test_durations_out_round_trip_and_reach_past_292_years() -> None:
    values = np.array([0, 1, -1, NAT, 400 * 365 * DAY_US + 5, -(400 * 365 * DAY_US)])
    out = durations_out(values)
    assert out.null_count == 1
    back = [
        None if v is None else v.days * DAY_US + v.nanoseconds // 1000
        for v in out.to_pylist()
    ]
    assert back == [0, 1, -1, None, 400 * 365 * DAY_US + 5, -(400 * 365 * DAY_US)]
    assert out.to_pylist()[1].days == 0  # small ones stay in the time part
