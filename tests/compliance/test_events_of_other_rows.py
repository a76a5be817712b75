"""Events of rows no lifecycle reads are ignored, not a crash.

A charter may mix engagements whose objectives read events with plain
ones; an export then lists events of every ticket. The rows of plain
engagements, and rows that are problems, are not in the stream, so their
events are dropped before the fields are read: the lines are those of the
same call without those events.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import (
    Channel,
    Charter,
    Engagement,
    Objective,
    OpeningHours,
    evaluate,
)
from tests.support.lifecycle_cases import (
    SETUPS,
    charter_of,
    histories,
    objectives,
    tables,
)
from tests.support.lifecycle_reference import MINUTE_US

LONDON = "Europe/London"
DESK = OpeningHours.parse("Mo-Fr 09:00-17:00", tz=LONDON)
NOW = np.datetime64("2026-06-12T12:00", "us")

CHARTER = Charter(
    id="desk",
    title="Desk",
    tz=LONDON,
    calendars={"default": DESK},
    channels=[Channel("desk", "web_form")],
    engagements=[
        Engagement(
            "plain", "Plain", [Objective(within="1 business day")], channel="desk"
        ),
        Engagement(
            "tickets",
            "Tickets",
            [
                Objective(stop="agent_reply", within="4 business hours"),
                Objective(
                    stop={"status": ["solved"]},
                    pause_while={"status": ["pending"]},
                    reopen="resume",
                    targets=[
                        {"when": {"priority": "urgent"}, "within": "2 business hours"},
                        {"within": "2 business days"},
                    ],
                ),
            ],
            channel="desk",
        ),
    ],
)


def _requests(engagements: list[str], bad: int | None = None) -> dict[str, Any]:
    n = len(engagements)
    received = np.datetime64("2026-06-08T09:30", "us") + np.arange(n) * np.timedelta64(
        1, "h"
    )
    responded = np.full(n, np.datetime64("NaT"), dtype="datetime64[us]")
    if bad is not None:  # answered before it came in: a problem row
        responded[bad] = received[bad] - np.timedelta64(1, "h")
    return {
        "id": [f"T{i}" for i in range(n)],
        "engagement": engagements,
        "priority": ["urgent" if i % 2 else "normal" for i in range(n)],
        "received_at": received,
        "responded_at": responded,
    }


def _events(ids: list[str], which: list[int]) -> dict[str, Any]:
    """A ticket's history for each request ``which`` names, from its receipt."""
    rows = []
    for i in which:
        request = ids[i]
        base = np.datetime64("2026-06-08T10:00", "us") + i * np.timedelta64(1, "h")
        rows += [
            (request, base, "status", "pending"),
            (request, base + np.timedelta64(3, "h"), "status", "open"),
            (request, base + np.timedelta64(4, "h"), "agent_reply", ""),
            (request, base + np.timedelta64(26, "h"), "priority", "urgent"),
            (request, base + np.timedelta64(27, "h"), "status", "solved"),
        ]
    return {
        "request": [r[0] for r in rows],
        "at": np.array([r[1] for r in rows]),
        "event": [r[2] for r in rows],
        "value": [r[3] for r in rows],
    }


def _same(a: Any, b: Any) -> None:
    assert list(a.requests) == list(b.requests)
    for name, column in a.requests.items():
        other = b.requests[name]
        if column.dtype.kind == "f":
            np.testing.assert_array_equal(column, other)
        else:
            assert column.tolist() == other.tolist(), name
    assert len(a.summary) == len(b.summary)
    for x, y in zip(a.summary, b.summary, strict=True):
        assert x.keys() == y.keys()
        for key, value in x.items():  # attainment may be NaN on both sides
            both_nan = isinstance(value, float) and np.isnan(value) and np.isnan(y[key])
            assert value == y[key] or both_nan, key
    assert [p.reason for p in a.problems] == [p.reason for p in b.problems]


@pytest.mark.parametrize(
    "engagements",
    [
        ["plain", "tickets"],
        ["tickets", "plain", "tickets", "plain"],
        ["plain", "plain", "tickets"],
    ],
)
def test_events_of_plain_rows_are_ignored(engagements: list[str]) -> None:
    requests = _requests(engagements)
    ids = requests["id"]
    mine = [i for i, e in enumerate(engagements) if e == "tickets"]
    everyone = evaluate(
        CHARTER, requests, now=NOW, events=_events(ids, list(range(len(ids))))
    )
    tickets_only = evaluate(CHARTER, requests, now=NOW, events=_events(ids, mine))
    _same(everyone, tickets_only)
    lines = everyone.requests
    ticket = lines["engagement"] == "tickets"
    assert set(lines["status"][ticket].tolist()) <= {"met", "breached"}


def test_events_of_a_problem_row_are_ignored() -> None:
    # Row 1 is answered before it came in: a problem found on reading.
    engagements = ["tickets", "tickets", "tickets"]
    requests = _requests(engagements, bad=1)
    ids = requests["id"]
    everyone = evaluate(CHARTER, requests, now=NOW, events=_events(ids, [0, 1, 2]))
    others = evaluate(CHARTER, requests, now=NOW, events=_events(ids, [0, 2]))
    _same(everyone, others)
    assert everyone.requests["status"].tolist()[2:4] == ["invalid", "invalid"]


def test_events_of_a_row_found_out_of_reach_are_ignored() -> None:
    # Row 1's deadlines fall past the supported years: it is found while
    # computing, after the events were read, and set aside as a problem.
    ids = ["A", "B", "C"]
    received = np.array(
        ["9998-06-08T09:30", "9998-12-30T10:00", "9998-06-09T11:30"], dtype="M8[us]"
    )
    requests = {
        "id": ids,
        "engagement": ["tickets"] * 3,
        "priority": ["normal", "normal", "urgent"],
        "received_at": received,
    }

    def events(which: list[int]) -> dict[str, Any]:
        rows = []
        for i in which:
            for minutes, value in ((30, "pending"), (90, "open"), (300, "solved")):
                at = received[i] + np.timedelta64(minutes, "m")
                rows.append((ids[i], at, "status", value))
        return {
            "request": [r[0] for r in rows],
            "at": np.array([r[1] for r in rows]),
            "event": [r[2] for r in rows],
            "value": [r[3] for r in rows],
        }

    now = np.datetime64("9998-12-30T12:00", "us")
    everyone = evaluate(CHARTER, requests, now=now, events=events([0, 1, 2]))
    others = evaluate(CHARTER, requests, now=now, events=events([0, 2]))
    _same(everyone, others)
    assert [p.row for p in everyone.problems if "out of reach" in p.reason] == [1]
    assert everyone.requests["status"].tolist()[2:4] == ["invalid", "invalid"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_rows_of_a_plain_engagement_change_no_lifecycle_line(
    objective: Objective, setup: Any, data: Any
) -> None:
    # Random lifecycles, some requests moved to a plain engagement with
    # their events: the lifecycle requests' lines are those they have alone.
    zone, hours, other, base = setup
    charter = charter_of(objective, zone, hours, other)
    plain = Engagement("p", "P", [Objective(within="2 business hours")], channel="desk")
    charter = attrs.evolve(charter, engagements=[*charter.engagements, plain])
    requests = data.draw(st.lists(histories(base), min_size=1, max_size=5))
    moved = data.draw(st.lists(st.booleans(), min_size=len(requests)))
    moved = (moved + [False] * len(requests))[: len(requests)]
    latest = max(max([r, s or r, *(e[0] for e in ev)]) for r, s, ev, _ in requests)
    now = np.int64(latest + 60 * MINUTE_US).view("datetime64[us]")
    table, events = tables(requests)
    table["engagement"] = ["p" if m else "e" for m in moved]
    mixed = evaluate(charter, table, events=events, now=now).requests
    kept = [r for r, m in zip(requests, moved, strict=True) if not m]
    if not kept:
        assert set(mixed["engagement"].tolist()) == {"p"}
        return
    alone_table, alone_events = tables(kept)
    alone = evaluate(charter, alone_table, events=alone_events, now=now).requests
    mine = mixed["engagement"] == "e"
    for name, column in alone.items():
        if name in ("row", "id"):
            continue
        want, got = column, mixed[name][mine]
        if column.dtype.kind == "f":
            np.testing.assert_array_equal(got, want)
        else:
            assert got.tolist() == want.tolist(), name


@pytest.mark.parametrize(
    "requests", [[], {"id": [], "engagement": [], "received_at": []}]
)
def test_events_without_requests_name_no_request(requests: Any) -> None:
    events = {
        "request": ["T1", "T2"],
        "at": np.array(["2026-06-08T10:00", "2026-06-08T11:00"], "M8[us]"),
        "event": ["agent_reply", "status"],
        "value": ["", "open"],
    }
    result = evaluate(CHARTER, requests, now=NOW, events=events)
    assert len(result.requests["row"]) == 0
    assert [(p.row, p.id, p.reason) for p in result.problems] == [
        (-1, "T1", "event for no request with this id"),
        (-1, "T2", "event for no request with this id"),
    ]


@pytest.mark.parametrize("first", ["tickets", "nobody"])
def test_an_id_held_by_several_rows_is_a_problem_of_each(first: str) -> None:
    # Events and pauses of an id two requests hold are ignored: each valid
    # row holding it is told, whether or not the first of them is valid.
    pausable = attrs.evolve(
        CHARTER,
        engagements=[attrs.evolve(e, pausable=True) for e in CHARTER.engagements],
    )
    at = np.datetime64("2026-06-08T10:00", "us")
    requests = {
        "id": ["a", "a", "b"],
        "engagement": [first, "tickets", "tickets"],
        "priority": ["normal"] * 3,
        "received_at": np.array([at, at, at]),
    }
    events = {"request": ["a"], "at": [at + np.timedelta64(1, "h")]}
    events["event"] = ["agent_reply"]
    pauses = {
        "request": ["a"],
        "start": [at + np.timedelta64(10, "m")],
        "end": [at + np.timedelta64(20, "m")],
    }
    result = evaluate(pausable, requests, now=NOW, events=events, pauses=pauses)
    told = {
        p.row
        for p in result.problems
        if "events: the request id is not unique" in p.reason
        and "pauses: the request id is not unique" in p.reason
    }
    assert told == ({0, 1} if first == "tickets" else {1})
