"""``explain`` with events tells each cycle with the numbers of ``evaluate``."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import servicecharter as sc

LONDON = ZoneInfo("Europe/London")
CHARTER = sc.Charter(
    id="helpdesk",
    title="Helpdesk",
    tz="Europe/London",
    calendars={
        "default": sc.OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/London")
    },
    engagements=[
        sc.Engagement(
            "tickets",
            "Tickets",
            [
                sc.Objective(
                    "8 business hours",
                    id="next_reply",
                    start="customer_reply",
                    stop="agent_reply",
                    cycles="every",
                ),
                sc.Objective(
                    "16 business hours",
                    id="resolution",
                    stop={"status": ["solved"]},
                    pause_while={"status": ["pending"]},
                ),
            ],
        )
    ],
)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 6, day, hour, minute, tzinfo=LONDON)


EVENTS = [
    (at(1, 16, 30), "status", "open"),
    (at(2, 10), "agent_reply"),
    (at(2, 10), "status", "pending"),
    (at(2, 15), "customer_reply"),
    (at(2, 15), "status", "open"),
    (at(3, 11), "agent_reply"),
    (at(3, 11, 5), "status", "solved"),
    (at(4, 9, 30), "customer_reply"),
    (at(4, 9, 30), "status", "open"),
    (at(4, 13), "agent_reply"),
    (at(4, 13), "status", "solved"),
]


def test_cycles_in_words() -> None:
    text = sc.explain(CHARTER, "tickets", at(1, 16), events=EVENTS, now=at(8, 12))
    assert "cycle 1: started Thu 4 Jun 09:30 BST, stopped Thu 4 Jun 13:00 BST" in text
    assert "deadline: Fri 5 Jun 09:30 BST" in text
    assert "used: 9 h 35 min of business time; paused: 11 h 25 min" in text
    assert "deadline: Fri 5 Jun 11:25 BST" in text


def test_a_running_cycle() -> None:
    text = sc.explain(CHARTER, "tickets", at(1, 16), events=EVENTS[:4], now=at(2, 16))
    assert "cycle 0: started Tue 2 Jun 15:00 BST, still running" in text
    assert "open" in text


def test_an_event_before_receipt_is_an_error() -> None:
    with pytest.raises(sc.InvalidArgumentError, match="before the receipt"):
        sc.explain(CHARTER, "tickets", at(2, 16), events=EVENTS)


def test_each_cycle_shows_the_open_time_its_numbers_add_up_to() -> None:
    """The open intervals from a cycle's start to its stop are used + paused."""
    text = sc.explain(CHARTER, "tickets", at(1, 16), events=EVENTS, now=at(8, 12))
    # Resolution resumes on reopening: Mon 16:00 to Thu 13:00, 9 h 35 min
    # used and 11 h 25 min paused, 21 h of open time in all.
    assert "used: 9 h 35 min of business time; paused: 11 h 25 min" in text
    assert (
        "why: from its start to its stop the service is open 21 h, used and "
        "paused together: Mon 16:00-17:00 (1 h), Tue 09:00-17:00 (8 h), "
        "Wed 09:00-17:00 (8 h), Thu 09:00-13:00 (4 h)"
    ) in text
    assert (
        "why: from its start to its stop the service is open 3 h 30 min: "
        "Thu 09:30-13:00 (3 h 30 min)"
    ) in text


def test_a_running_cycle_shows_the_open_time_until_now() -> None:
    text = sc.explain(CHARTER, "tickets", at(1, 16), events=EVENTS[:4], now=at(2, 16))
    assert (
        "why: from its start to now the service is open 1 h: Tue 15:00-16:00 (1 h)"
    ) in text
