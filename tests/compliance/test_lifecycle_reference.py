"""The engine against the minute-by-minute reference, on random lifecycles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import Objective, evaluate
from tests.support.lifecycle_cases import (
    NAT,
    SETUPS,
    charter_of,
    histories,
    objectives,
    tables,
)
from tests.support.lifecycle_reference import MINUTE_US, Row, measure


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_engine_matches_reference(
    objective: Objective, setup: tuple[str, str, str, dt.datetime], data: Any
) -> None:
    zone, hours, other, base = setup
    charter = charter_of(objective, zone, hours, other)
    requests = data.draw(st.lists(histories(base), min_size=1, max_size=3))
    latest = max(max([r, s or r, *(e[0] for e in ev)]) for r, s, ev, _ in requests)
    now = latest + data.draw(st.integers(0, 1440)) * MINUTE_US
    table, events = tables(requests)
    result = evaluate(
        charter, table, events=events, now=np.int64(now).view("datetime64[us]")
    )
    lines = result.requests
    calendars = {
        None: charter.calendar("default"),
        "default": charter.calendar("default"),
        "other": charter.calendar("other"),
    }
    for i, (received, responded, ev, attributes) in enumerate(requests):
        rows = [Row(received, "received")]
        if responded is not None:
            rows.append(Row(responded, "responded"))
        rows += [Row(at, name, value) for at, name, value in ev]
        rows.sort(key=lambda r: r.at)  # stable: received, responded, events
        want = measure(objective, rows, attributes, calendars=calendars, now_us=now)
        mine = lines["row"] == i
        got_start = lines["start"][mine].view(np.int64).tolist()
        if not want:
            assert lines["status"][mine].tolist() == ["not_started"]
            continue
        assert got_start == [w.start for w in want]
        assert lines["stop"][mine].view(np.int64).tolist() == [
            NAT if w.stop is None else w.stop for w in want
        ]
        for k, w in enumerate(want):
            status = lines["status"][mine][k]
            if w.target is None:
                assert status == "invalid"
                continue
            assert status == w.status
            assert lines["used"][mine][k].view(np.int64) == w.used
            assert lines["paused"][mine][k].view(np.int64) == w.paused
            assert lines["deadline"][mine][k].view(np.int64) == w.deadline
