"""Random lifecycles for the tests: objectives, histories, tables to evaluate."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from hypothesis import strategies as st

from servicecharter import Channel, Charter, Engagement, Objective, OpeningHours
from tests.support.lifecycle_reference import MINUTE_US

NAT = np.iinfo(np.int64).min
History = tuple[int, int | None, list[tuple[int, str, str]], dict[str, str]]

ZONES = ("Europe/London", "America/New_York")
# The weeks of the two spring changes of 2026: New York on 8 March,
# London on 29 March.
WEEKS = (
    dt.datetime(2026, 3, 6, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 27, tzinfo=dt.UTC),
)
HOURS = ("Mo-Fr 09:00-12:00,13:00-17:00", "Mo-Sa 08:00-18:00", "24/7")
STATUS = ("open", "pending", "solved", "on-hold")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

SETUPS = st.tuples(
    st.sampled_from(ZONES),
    st.sampled_from(HOURS),
    st.sampled_from(HOURS),
    st.sampled_from(WEEKS),
)
"""A zone, the hours of the default and the other calendar, and a week."""

conditions_start = st.sampled_from(["received", "customer_reply", {"status": ["open"]}])
conditions_stop = st.sampled_from(
    [
        "responded",
        "agent_reply",
        {"status": ["solved"]},
        {"status": ["solved", "on-hold"]},
    ]
)


@st.composite
def objectives(draw: Any) -> Objective:
    start = draw(conditions_start)
    stop = draw(conditions_stop)
    state_stop = isinstance(stop, dict)
    reopen = (
        draw(st.sampled_from([None, "resume", "ignore", "new_cycle"]))
        if state_stop
        else None
    )
    pause = draw(
        st.sampled_from(
            [{}, {"status": ["pending"]}, {"status": ["pending", "on-hold"]}]
        )
    )
    minutes = draw(st.integers(30, 600))
    if draw(st.booleans()):
        urgent = draw(st.integers(10, 300))
        targets: Any = [
            {
                "when": {"priority": "urgent"},
                "within": f"{urgent} business minutes",
                "calendar": draw(st.sampled_from(["default", "other"])),
            }
        ]
        if draw(st.booleans()):
            targets.append({"within": f"{minutes} business minutes"})
        extra: dict[str, Any] = {
            "targets": targets,
            "retarget": draw(st.sampled_from(["latest", "start"])),
        }
    else:
        extra = {"within": f"{minutes} business minutes"}
    return Objective(
        start=start,
        stop=stop,
        pause_while=pause,
        cycles=draw(st.sampled_from(["first", "every"])),
        reopen=reopen,
        **extra,
    )


@st.composite
def histories(
    draw: Any, base: dt.datetime
) -> tuple[int, int | None, list[tuple[int, str, str]], dict[str, str]]:
    received = (
        int((base - EPOCH) / dt.timedelta(microseconds=1))
        + draw(st.integers(0, 4 * 1440)) * MINUTE_US
    )
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 600),
                st.sampled_from(
                    [
                        "status",
                        "status",
                        "priority",
                        "customer_reply",
                        "agent_reply",
                        "note",
                    ]
                ),
                st.sampled_from(STATUS),
            ),
            max_size=8,
        )
    )
    at, events = received, []
    for gap, name, status in steps:
        at += gap * MINUTE_US
        value = status if name == "status" else ("urgent" if name == "priority" else "")
        events.append((at, name, value))
    responded = None
    if draw(st.booleans()):
        responded = received + draw(st.integers(0, 2000)) * MINUTE_US
    attributes = {
        "priority": draw(st.sampled_from(["normal", "urgent"])),
        "status": draw(st.sampled_from(STATUS)),
    }
    return received, responded, events, attributes


def charter_of(objective: Objective, zone: str, hours: str, other: str) -> Charter:
    return Charter(
        id="c",
        title="C",
        tz=zone,
        calendars={
            "default": OpeningHours.parse(hours, tz=zone),
            "other": OpeningHours.parse(other, tz=ZONES[1 - ZONES.index(zone)]),
        },
        channels=[Channel("desk", "web_form")],
        engagements=[Engagement("e", "E", [objective], channel="desk")],
    )


def tables(requests: list[History]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The requests table and the events table of ``requests``."""
    table = {
        "id": [f"r{i}" for i in range(len(requests))],
        "engagement": ["e"] * len(requests),
        "received_at": np.array([r for r, *_ in requests]).view("datetime64[us]"),
        "responded_at": np.array(
            [NAT if s is None else s for _, s, _, _ in requests]
        ).view("datetime64[us]"),
        "priority": [a["priority"] for *_, a in requests],
        "status": [a["status"] for *_, a in requests],
    }
    log = [
        (f"r{i}", at, name, value)
        for i, (_, _, ev, _) in enumerate(requests)
        for at, name, value in ev
    ]
    events = {
        "request": [e[0] for e in log],
        "at": np.array([e[1] for e in log], dtype=np.int64).view("datetime64[us]"),
        "event": [e[2] for e in log],
        "value": [e[3] for e in log],
    }
    return table, events
