"""``assert_met`` and ``assert_attainment`` over event logs."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from servicecharter import Channel, Charter, Engagement, Objective, OpeningHours
from servicecharter.testing import (
    AttainmentMissed,
    SLAMissed,
    assert_attainment,
    assert_met,
)

LONDON = ZoneInfo("Europe/London")
CHARTER = Charter(
    id="helpdesk",
    title="Helpdesk",
    tz="Europe/London",
    calendars={"default": OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/London")},
    channels=[Channel("desk", "web_form")],
    engagements=[
        Engagement(
            "tickets",
            "Tickets",
            [
                Objective(
                    "8 business hours",
                    id="next_reply",
                    start="customer_reply",
                    stop="agent_reply",
                    cycles="every",
                )
            ],
            channel="desk",
        )
    ],
)


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 6, day, hour, tzinfo=LONDON)


def test_every_cycle_met() -> None:
    events = [(at(2, 10), "customer_reply"), (at(2, 12), "agent_reply")]
    assert_met(CHARTER, "tickets", at(1, 16), None, events=events)


def test_the_second_cycle_missed() -> None:
    events = [
        (at(2, 10), "customer_reply"),
        (at(2, 12), "agent_reply"),
        (at(3, 10), "customer_reply"),
        (at(5, 10), "agent_reply"),
    ]
    with pytest.raises(SLAMissed, match="cycle 1: breached") as caught:
        assert_met(CHARTER, "tickets", at(1, 16), None, events=events)
    assert caught.value.deadline == at(4, 10)
    assert caught.value.late_by == dt.timedelta(hours=8)


def test_a_running_cycle_overdue_at_now() -> None:
    events = [(at(2, 10), "customer_reply")]
    with pytest.raises(SLAMissed, match="overdue"):
        assert_met(CHARTER, "tickets", at(1, 16), None, events=events, now=at(4, 12))


def test_attainment_with_events() -> None:
    requests = {
        "id": ["a"],
        "engagement": ["tickets"],
        "received_at": np.array(["2026-06-01T15:00"], "M8[us]"),
    }
    events = {
        "request": ["a", "a"],
        "at": np.array(["2026-06-02T09:00", "2026-06-04T09:00"], "M8[us]"),
        "event": ["customer_reply", "agent_reply"],
    }
    with pytest.raises(AttainmentMissed, match="request 'a'"):
        assert_attainment(
            CHARTER, requests, events=events, now=np.datetime64("2026-06-05")
        )
