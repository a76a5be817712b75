"""The pandas accessor Series.sc: the library's answers, with index, name and zone."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecharter.frames.pandas  # noqa: F401 (registers Series.sc)
from servicecharter import (
    BusinessCalendar,
    InvalidArgumentError,
    InvalidInstantError,
    NaiveDatetimeError,
    parse_rule,
)
from servicecharter.strategies import business_durations, calendars, instants
from tests.support.calendars import paris_calendar
from tests.support.zones import paris

ZONES = st.sampled_from(["Europe/Paris", "America/Santiago", "Australia/Lord_Howe"])


@pytest.fixture
def received() -> pd.Series:
    values = pd.to_datetime(["2026-03-27 16:00", None, "2026-03-29 01:30"])
    return pd.Series(
        values.tz_localize("Europe/Paris").tz_convert("America/New_York"),
        index=pd.Index(["T1", "T2", "T3"], name="ticket"),
        name="received",
    )


def test_add_keeps_index_and_name_in_the_calendar_zone(received: pd.Series) -> None:
    cal = paris_calendar()
    due = received.sc.add(cal, dt.timedelta(hours=1))
    assert due.index.equals(received.index)
    assert due.name == "received"
    assert str(due.dtype) == "datetime64[us, Europe/Paris]"
    want = cal.add(received.dt.tz_convert("UTC"), dt.timedelta(hours=1))
    got = due.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("M8[us]")
    assert np.array_equal(got, want, equal_nan=True)
    assert pd.isna(due["T2"])


def test_a_rule_gives_its_deadline(received: pd.Series) -> None:
    cal = paris_calendar()
    rule = parse_rule("3 business days")
    due = received.sc.add(cal, "3 business days")
    want = rule.deadline(cal, received.dt.tz_convert("UTC"))
    got = due.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("M8[us]")
    assert np.array_equal(got, want, equal_nan=True)


def test_instants_and_flags(received: pd.Series) -> None:
    cal = paris_calendar()
    assert received.sc.is_open(cal).tolist() == [True, False, False]
    assert received.sc.next_open(cal)["T3"] == paris(2026, 3, 30, 9)
    assert received.sc.next_close(cal)["T1"] == paris(2026, 3, 27, 17)
    assert received.sc.previous_close(cal)["T3"] == paris(2026, 3, 27, 17)


def test_elapsed_with_another_column(received: pd.Series) -> None:
    cal = paris_calendar()
    responded = pd.Series(
        [paris(2026, 3, 30, 10), paris(2026, 3, 30, 10), None],
        index=received.index,
        dtype="datetime64[us, Europe/Paris]",
    )
    used = received.sc.elapsed(cal, responded)
    assert used.index.equals(received.index)
    assert used.tolist()[0] == pd.Timedelta(hours=2)
    assert pd.isna(used["T2"])
    assert pd.isna(used["T3"])


def test_a_column_of_durations(received: pd.Series) -> None:
    cal = paris_calendar()
    hours = pd.Series(pd.to_timedelta([1, 2, 3], unit="h"), index=received.index)
    due = received.sc.add(cal, hours)
    assert due["T1"] == paris(2026, 3, 30, 9)


def test_bad_input(received: pd.Series) -> None:
    cal = paris_calendar()
    with pytest.raises(NaiveDatetimeError):
        received.dt.tz_localize(None).sc.add(cal, dt.timedelta(hours=1))
    with pytest.raises(InvalidInstantError, match="not tz-aware"):
        pd.Series([1, 2]).sc.is_open(cal)
    with pytest.raises(InvalidArgumentError, match="different indexes"):
        received.sc.elapsed(cal, received.reset_index(drop=True))
    with pytest.raises(InvalidArgumentError, match="BusinessCalendar"):
        received.sc.is_open("Mo-Fr 09:00-17:00")  # type: ignore[arg-type]


def test_nanosecond_columns_read_floored_to_microseconds() -> None:
    cal = paris_calendar()
    s = pd.Series(pd.to_datetime(["2026-03-27 10:00:00.000001999"], utc=True))
    assert s.dt.unit == "ns"
    assert s.sc.elapsed(cal, s).tolist() == [pd.Timedelta(0)]
    assert s.sc.next_open(cal)[0] == pd.Timestamp(
        "2026-03-27 10:00:00.000001", tz="UTC"
    )


@settings(max_examples=30, deadline=None)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_equals_the_library(cal: BusinessCalendar, data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 20))
    ts = data.draw(st.lists(instants(), min_size=n, max_size=n))
    us = data.draw(st.lists(instants(), min_size=n, max_size=n))
    d = data.draw(business_durations(40))
    a = pd.Series(pd.DatetimeIndex([t.astimezone(dt.UTC) for t in ts]).as_unit("us"))
    b = pd.Series(pd.DatetimeIndex([u.astimezone(dt.UTC) for u in us]).as_unit("us"))
    added = a.sc.add(cal, d)
    used = a.sc.elapsed(cal, b)
    for i in range(n):
        assert added[i] == cal.add(ts[i], d)
        assert used[i] == cal.elapsed(ts[i], us[i])
