"""The worked examples of the lifecycle contract, each number of them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from servicecharter import (
    Channel,
    Charter,
    Engagement,
    Objective,
    OpeningHours,
    evaluate,
)

LONDON = "Europe/London"
DESK = OpeningHours.parse("Mo-Fr 09:00-17:00", tz=LONDON)
ALWAYS = OpeningHours.parse("24/7", tz=LONDON)


def at(day: int, hour: int, minute: int = 0) -> np.datetime64:
    """June 2026 in London (BST, UTC+1) as a UTC datetime64."""
    local = dt.datetime(2026, 6, day, hour, minute) - dt.timedelta(hours=1)
    return np.datetime64(local, "us")


def hm(text: str) -> np.timedelta64:
    h, m = text.split(":")
    return np.timedelta64(int(h) * 60 + int(m), "m").astype("timedelta64[us]")


def charter(*objectives: Objective) -> Charter:
    return Charter(
        id="helpdesk",
        title="Helpdesk",
        tz=LONDON,
        calendars={"default": DESK, "always": ALWAYS},
        channels=[Channel("desk", "web_form")],
        engagements=[
            Engagement("tickets", "Tickets", list(objectives), channel="desk")
        ],
    )


T1_EVENTS = [
    (16, 16, 30, "status", "open"),
    (2, 10, 0, "agent_reply", ""),
    (2, 10, 0, "status", "pending"),
    (2, 15, 0, "customer_reply", ""),
    (2, 15, 0, "status", "open"),
    (3, 11, 0, "agent_reply", ""),
    (3, 11, 5, "status", "solved"),
    (4, 9, 30, "customer_reply", ""),
    (4, 9, 30, "status", "open"),
    (4, 13, 0, "agent_reply", ""),
    (4, 13, 0, "status", "solved"),
]


def t1_events() -> dict[str, Any]:
    rows = [(1, 16, 30, *e[3:]) if e[0] == 16 else e for e in T1_EVENTS]
    return {
        "request": ["T1"] * len(rows),
        "at": np.array([at(d, h, m) for d, h, m, _, _ in rows]),
        "event": [r[3] for r in rows],
        "value": [r[4] for r in rows],
    }


T1 = {
    "id": ["T1"],
    "engagement": ["tickets"],
    "priority": ["high"],
    "received_at": np.array([at(1, 16)]),
}
NOW = at(8, 12)


def lines(*objectives: Objective, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("events", t1_events())
    kwargs.setdefault("now", NOW)
    requests = kwargs.pop("requests", T1)
    result = evaluate(charter(*objectives), requests, **kwargs)
    assert not result.problems, result.problems
    return result.requests


class TestT1:
    def test_first_reply(self) -> None:
        got = lines(Objective("4 business hours", id="first_reply", stop="agent_reply"))
        assert got["used"].tolist() == [hm("2:00")]
        assert got["deadline"].tolist() == [at(2, 12).item()]
        assert got["status"].tolist() == ["met"]
        assert got["start"][0] == at(1, 16)
        assert got["stop"][0] == at(2, 10)
        assert got["objective_id"].tolist() == ["first_reply"]

    def test_next_reply_cycles(self) -> None:
        got = lines(
            Objective(
                "8 business hours",
                id="next_reply",
                start="customer_reply",
                stop="agent_reply",
                cycles="every",
            )
        )
        assert got["cycle"].tolist() == [0, 1]
        assert got["start"].tolist() == [at(2, 15).item(), at(4, 9, 30).item()]
        assert got["stop"].tolist() == [at(3, 11).item(), at(4, 13).item()]
        assert got["used"].tolist() == [hm("4:00"), hm("3:30")]
        assert got["deadline"].tolist() == [at(3, 15).item(), at(5, 9, 30).item()]

    @pytest.mark.parametrize("reopen", ["resume", None])
    def test_resolution_resumes(self, reopen: Any) -> None:
        got = lines(
            Objective(
                "16 business hours",
                id="resolution",
                stop={"status": ["solved"]},
                pause_while={"status": ["pending"]},
                reopen=reopen,
            )
        )
        assert got["stop"].tolist() == [at(4, 13).item()]
        assert got["paused"].tolist() == [hm("11:25")]
        assert got["used"].tolist() == [hm("9:35")]
        assert got["deadline"].tolist() == [at(5, 11, 25).item()]
        assert got["status"].tolist() == ["met"]

    def test_resolution_ignores_reopening(self) -> None:
        got = lines(
            Objective(
                "16 business hours",
                stop={"status": ["solved"]},
                pause_while={"status": ["pending"]},
                reopen="ignore",
            )
        )
        assert got["stop"].tolist() == [at(3, 11, 5).item()]
        assert got["paused"].tolist() == [hm("5:00")]
        assert got["used"].tolist() == [hm("6:05")]
        assert got["deadline"].tolist() == [at(4, 13).item()]

    def test_new_cycle_on_reopening(self) -> None:
        got = lines(
            Objective(
                "16 business hours",
                stop={"status": ["solved"]},
                pause_while={"status": ["pending"]},
                reopen="new_cycle",
            )
        )
        assert got["start"].tolist() == [at(1, 16).item(), at(4, 9, 30).item()]
        assert got["stop"].tolist() == [at(3, 11, 5).item(), at(4, 13).item()]
        assert got["used"].tolist() == [hm("6:05"), hm("3:30")]


URGENT = [
    {"when": {"priority": "urgent"}, "within": "1 business hour", "calendar": "always"},
    {"within": "8 business hours"},
]
T2 = {
    "id": ["T2"],
    "engagement": ["tickets"],
    "priority": ["normal"],
    "received_at": np.array([at(1, 10)]),
}
T2_EVENTS = {
    "request": ["T2", "T2"],
    "at": np.array([at(1, 10, 20), at(1, 11, 30)]),
    "event": ["priority", "agent_reply"],
    "value": ["urgent", ""],
}


class TestT2:
    def test_latest_target_applies_from_the_start(self) -> None:
        got = lines(
            Objective(stop="agent_reply", targets=URGENT),
            requests=T2,
            events=T2_EVENTS,
        )
        assert got["status"].tolist() == ["breached"]
        assert got["deadline"].tolist() == [at(1, 11).item()]
        assert got["used"].tolist() == [hm("1:30")]

    def test_start_target(self) -> None:
        got = lines(
            Objective(stop="agent_reply", targets=URGENT, retarget="start"),
            requests=T2,
            events=T2_EVENTS,
        )
        assert got["status"].tolist() == ["met"]
        assert got["deadline"].tolist() == [at(2, 10).item()]


class TestNoEventOfAName:
    def test_a_condition_on_an_unseen_event_is_a_problem(self) -> None:
        result = evaluate(
            charter(Objective("4 business hours", stop="agent_reply")),
            T1,
            events={"request": ["T1"], "at": [at(1, 17)], "event": ["note"]},
            now=NOW,
        )
        assert [p.row for p in result.problems] == [-1]
        assert "'agent_reply'" in result.problems[0].reason
        assert result.requests["status"].tolist() == ["overdue"]


class TestT3:
    def test_open_first_reply(self) -> None:
        got = lines(
            Objective("4 business hours", stop="agent_reply"),
            requests={
                "id": ["T3"],
                "engagement": ["tickets"],
                "priority": ["high"],
                "received_at": np.array([at(3, 16, 30)]),
            },
            events=None,
            now=at(4, 12),
        )
        assert got["status"].tolist() == ["open"]
        assert got["deadline"].tolist() == [at(4, 12, 30).item()]
        assert got["used"].tolist() == [hm("3:30")]
        assert got["remaining"].tolist() == [hm("0:30")]
        assert got["share_used"].tolist() == [0.875]
        assert np.isnat(got["stop"][0])
