"""The engine against the minute-by-minute reference, on random lifecycles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
from hypothesis import HealthCheck, event, given, settings
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


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_engine_matches_reference_with_a_pauses_table(
    objective: Objective, setup: tuple[str, str, str, dt.datetime], data: Any
) -> None:
    """On a pausable engagement, the pauses table stops every cycle's clock too."""
    zone, hours, other, base = setup
    plain = charter_of(objective, zone, hours, other)
    engagement = attrs.evolve(plain.engagements[0], pausable=True)
    charter = attrs.evolve(plain, engagements=[engagement])
    requests = data.draw(st.lists(histories(base), min_size=1, max_size=3))
    latest = max(max([r, s or r, *(e[0] for e in ev)]) for r, s, ev, _ in requests)
    now = latest + data.draw(st.integers(0, 1440)) * MINUTE_US
    spells: list[list[tuple[int, int]]] = []
    for received, responded, _, _ in requests:
        # Whole minutes inside the request's life, paired: spells that never
        # overlap and never leave the life (the pauses table's own rules).
        end = responded if responded is not None else now
        span = (end - received) // MINUTE_US
        marks = data.draw(
            st.lists(st.integers(0, span), unique=True, max_size=6).map(sorted)
        )
        marks = marks[: len(marks) // 2 * 2]
        bounds = [received + m * MINUTE_US for m in marks]
        spells.append(list(zip(bounds[::2], bounds[1::2], strict=True)))
    table, events = tables(requests)
    owners = [f"r{i}" for i, mine in enumerate(spells) for _ in mine]
    flat = [spell for mine in spells for spell in mine]
    pauses = {
        "request": owners,
        "start": np.array([a for a, _ in flat], dtype=np.int64).view("M8[us]"),
        "end": np.array([b for _, b in flat], dtype=np.int64).view("M8[us]"),
    }
    result = evaluate(
        charter,
        table,
        events=events,
        pauses=pauses,
        now=np.int64(now).view("datetime64[us]"),
    )
    # The spells keep the pauses table's rules: none of them is a problem.
    assert not [p for p in result.problems if "pause" in str(p)]
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
        rows.sort(key=lambda r: r.at)
        want = measure(
            objective,
            rows,
            attributes,
            calendars=calendars,
            now_us=now,
            pauses=spells[i],
        )
        mine = lines["row"] == i
        if not want:
            assert lines["status"][mine].tolist() == ["not_started"]
            continue
        for k, w in enumerate(want):
            if w.target is None:
                continue
            assert lines["status"][mine][k] == w.status
            assert lines["used"][mine][k].view(np.int64) == w.used
            event("paused" if w.paused else "not paused")
            assert lines["paused"][mine][k].view(np.int64) == w.paused
            assert lines["deadline"][mine][k].view(np.int64) == w.deadline
