"""The polars namespace Expr.sc: the library's answers, eager, lazy and streaming."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecharter.frames.polars  # noqa: F401 (registers Expr.sc)
from servicecharter import (
    BusinessCalendar,
    InvalidInstantError,
    NaiveDatetimeError,
    parse_rule,
)
from servicecharter.strategies import business_durations, calendars, instants
from tests.support.calendars import paris_calendar
from tests.support.zones import paris

ZONES = st.sampled_from(["Europe/Paris", "America/Santiago", "Australia/Lord_Howe"])
H = dt.timedelta(hours=1)
US = dt.timedelta(microseconds=1)


@pytest.fixture
def frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "received": [paris(2026, 3, 27, 16), None, paris(2026, 3, 29, 1, 30)],
            "responded": [paris(2026, 3, 30, 10), paris(2026, 3, 30, 10), None],
            "wait": [H, 2 * H, 3 * H],
        },
        schema_overrides={
            "received": pl.Datetime("ns", "America/New_York"),
            "responded": pl.Datetime("ms", "Asia/Tokyo"),
        },
    )


def test_every_method_in_the_calendar_zone(frame: pl.DataFrame) -> None:
    cal = paris_calendar()
    got = frame.select(
        due=pl.col("received").sc.add(cal, H),
        rule=pl.col("received").sc.add(cal, "3 business days"),
        column=pl.col("received").sc.add(cal, pl.col("wait")),
        used=pl.col("received").sc.elapsed(cal, pl.col("responded")),
        open=pl.col("received").sc.is_open(cal),
        next_open=pl.col("received").sc.next_open(cal),
        next_close=pl.col("received").sc.next_close(cal),
        previous_close=pl.col("received").sc.previous_close(cal),
    )
    zone = pl.Datetime("us", "Europe/Paris")
    assert got.schema["due"] == zone
    assert got.schema["used"] == pl.Duration("us")
    assert got["due"].to_list() == [paris(2026, 3, 30, 9), None, paris(2026, 3, 30, 10)]
    want = parse_rule("3 business days").deadline(cal, paris(2026, 3, 27, 16))
    assert got["rule"][0] == want
    assert got["column"].to_list()[2] == paris(2026, 3, 30, 14)  # 12:00 closes
    assert got["used"].to_list() == [2 * H, None, None]
    assert got["open"].to_list() == [True, False, False]
    assert got["next_open"][2] == paris(2026, 3, 30, 9)
    assert got["next_close"][0] == paris(2026, 3, 27, 17)
    assert got["previous_close"][2] == paris(2026, 3, 27, 17)


def test_lazy_and_streaming_plans_give_the_same(frame: pl.DataFrame) -> None:
    cal = paris_calendar()
    big = pl.concat([frame] * 5000)
    plan = big.lazy().with_columns(
        due=pl.col("received").sc.add(cal, "4 business hours"),
        used=pl.col("received").sc.elapsed(cal, pl.col("responded")),
    )
    eager = big.with_columns(
        due=pl.col("received").sc.add(cal, "4 business hours"),
        used=pl.col("received").sc.elapsed(cal, pl.col("responded")),
    )
    assert plan.collect().equals(eager)
    assert plan.collect(engine="streaming").equals(eager)
    assert plan.filter(pl.col("used") > H).collect()["used"].unique().to_list() == [
        2 * H
    ]


def test_bad_input(frame: pl.DataFrame) -> None:
    cal = paris_calendar()
    naive = frame.with_columns(pl.col("received").dt.replace_time_zone(None))
    with pytest.raises(NaiveDatetimeError, match="replace_time_zone"):
        naive.select(pl.col("received").sc.next_open(cal))
    with pytest.raises(InvalidInstantError, match=r"not pl\.Datetime"):
        frame.select(pl.col("wait").sc.is_open(cal))


@settings(max_examples=30, deadline=None)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_equals_the_library(cal: BusinessCalendar, data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 20))
    ts = data.draw(st.lists(instants(), min_size=n, max_size=n))
    us = data.draw(st.lists(instants(), min_size=n, max_size=n))
    d = data.draw(business_durations(40, minute_aligned=False))
    utc = pl.Datetime("us", "UTC")
    df = pl.DataFrame(
        {
            "a": [t.astimezone(dt.UTC) for t in ts],
            "b": [u.astimezone(dt.UTC) for u in us],
        },
        schema={"a": utc, "b": utc},
    )
    got = df.select(
        added=pl.col("a").sc.add(cal, d), used=pl.col("a").sc.elapsed(cal, pl.col("b"))
    )
    assert got["added"].to_list() == [cal.add(t, d) for t in ts]
    assert got["used"].to_list() == [
        cal.elapsed(t, u) for t, u in zip(ts, us, strict=True)
    ]
    assert np.all(got["added"].is_not_null().to_numpy())


def test_nulls_from_either_column_or_a_missing_duration() -> None:
    # Each way a null can go in gives null where it was, and answers elsewhere.
    cal = paris_calendar()
    t = [paris(2026, 3, 27, 16), paris(2026, 3, 30, 10)]
    df = pl.DataFrame(
        {"t": t, "wait": [None, H]},
        schema={"t": pl.Datetime("us", "Europe/Paris"), "wait": pl.Duration("us")},
    )
    got = df.select(
        column=pl.col("t").sc.add(cal, pl.col("wait")),
        missing=pl.col("t").sc.add(cal, np.timedelta64("NaT", "us")),
        fixed=pl.col("t").sc.add(cal, H),
    )
    assert got["column"].to_list() == [None, paris(2026, 3, 30, 11)]
    assert got["missing"].to_list() == [None, None]
    assert got["fixed"].to_list() == [cal.add(x, H) for x in t]
    assert got["fixed"].null_count() == 0


@settings(max_examples=40, deadline=None)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_instant_answers_are_nat_only_where_an_argument_was(
    cal: BusinessCalendar, data: st.DataObject
) -> None:
    # The kernel's instant operations answer NaT exactly where an argument
    # was NaT (and raise rather than answer NaT), whatever the calendar.
    n = data.draw(st.integers(1, 30))
    ts = data.draw(st.lists(instants(), min_size=n, max_size=n))
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    us = np.array([(t - epoch) // US for t in ts], dtype=np.int64)
    missing = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    us[missing] = np.iinfo(np.int64).min
    d = np.array([data.draw(business_durations(40)) // US])
    k = cal.kernel
    seen: list[bool] = []
    for out in (
        k.add(us, d, nat_seen=seen),
        k.add(us, d, closing=True, nat_seen=seen),
        k.next_open(us, nat_seen=seen),
        k.next_close(us, nat_seen=seen),
        k.previous_close(us, nat_seen=seen),
    ):
        assert np.array_equal(out == np.iinfo(np.int64).min, missing)
    # ... and say so when asked, which spares the namespace a pass.
    assert seen == [bool(missing.any())] * 5
    nat_duration = np.array([np.iinfo(np.int64).min])
    seen.clear()
    assert (k.add(us, nat_duration, nat_seen=seen) == nat_duration[0]).all()
    assert seen == [True]


def test_a_value_stored_as_the_smallest_int64_is_null() -> None:
    # Not a polars null, but NaT to the kernel: it comes back null, never as
    # a datetime 290,000 years ago.
    cal = paris_calendar()
    t = pl.Series("t", [np.iinfo(np.int64).min, 1_774_000_000_000_000])
    df = pl.DataFrame({"t": t.cast(pl.Datetime("us", "UTC"))})
    for expr in (
        pl.col("t").sc.add(cal, H),
        pl.col("t").sc.add(cal, "4 business hours"),
        pl.col("t").sc.next_open(cal),
    ):
        got = df.select(expr).to_series()
        assert got.null_count() == 1
        assert got[0] is None
        assert got[1] is not None
