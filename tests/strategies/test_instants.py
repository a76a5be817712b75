"""The calendar strategies: open and closed instants agree with ``is_open``."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from servicecharter import BusinessCalendar, InvalidArgumentError, OpeningHours
from servicecharter.strategies import calendars, closed_instants, open_instants

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.data())
def test_open_instants_are_open(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    t = data.draw(open_instants(cal))
    assert cal.is_open(t)
    assert cal.next_open(t) == t
    assert t.tzinfo == cal.tz


@SETTINGS
@given(st.data())
def test_closed_instants_are_closed(data: st.DataObject) -> None:
    cal = data.draw(calendars())
    t = data.draw(closed_instants(cal))
    assert not cal.is_open(t)
    assert cal.next_open(t) > t
    assert t.tzinfo == cal.tz


@SETTINGS
@given(st.data())
def test_array_is_open_agrees(data: st.DataObject) -> None:
    cal = data.draw(calendars(tz="Australia/Lord_Howe"))
    inside = data.draw(st.lists(open_instants(cal, minute_aligned=True), max_size=5))
    outside = data.draw(st.lists(closed_instants(cal), max_size=5))
    instants = np.array(
        [t.astimezone(dt.UTC).replace(tzinfo=None) for t in inside + outside],
        dtype="datetime64[us]",
    )
    expected = [True] * len(inside) + [False] * len(outside)
    assert cal.is_open(instants).tolist() == expected


def test_closed_instants_reject_a_calendar_always_open() -> None:
    cal = BusinessCalendar(OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC"))

    @settings(max_examples=5, deadline=None)
    @given(closed_instants(cal))
    def never(t: dt.datetime) -> None:
        raise AssertionError(t)

    with pytest.raises((FailedHealthCheck, Unsatisfiable)):
        never()


def test_instant_strategies_need_a_calendar() -> None:
    with pytest.raises(InvalidArgumentError, match="BusinessCalendar"):
        open_instants("Europe/Paris")  # type: ignore[arg-type]
