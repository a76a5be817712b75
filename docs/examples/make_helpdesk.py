"""Write the tickets and events of the bundled ``helpdesk`` example charter.

Run: ``python docs/examples/make_helpdesk.py``. The files are reproducible
(a seeded generator): 3,000 tickets of January to March 2026 in
``helpdesk-tickets.csv`` (id, engagement, priority, status, received_at)
and their history in ``helpdesk-events.csv`` (request, at, event, value):
agent and customer replies, waits on the customer (status pending), solves
and some reopenings, and a few priority escalations. Replies come at
random delays of working time, so that most objectives are met and some
are not. Instants are written in UTC with a ``Z``.
"""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
TICKETS = HERE / "helpdesk-tickets.csv"
EVENTS = HERE / "helpdesk-events.csv"
SEED = 2026
COUNT = 3000
FIRST = datetime(2026, 1, 5, tzinfo=UTC)
DAYS = 84
PRIORITIES = ("low", "normal", "high", "urgent")
WEIGHTS = (3, 6, 2, 1)


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _working(rng: random.Random, t: datetime) -> datetime:
    """A weekday instant between 07:00 and 18:00 UTC, at or after ``t``."""
    while t.weekday() >= 5 or not 7 <= t.hour < 18:
        t = (t + timedelta(hours=1)).replace(minute=rng.randrange(60), second=0)
    return t


def _life(
    rng: random.Random, ticket: str, received: datetime, urgent: bool
) -> list[list[str]]:
    """The events of one ticket, in time order."""
    rows: list[list[str]] = []
    at = received

    def later(hours: float) -> datetime:
        step = timedelta(minutes=max(1, int(rng.expovariate(1 / hours) * 60)))
        return at + step if urgent else _working(rng, at + step)

    def event(name: str, value: str = "") -> None:
        rows.append([ticket, _iso(at), name, value])

    if rng.random() < 0.05:
        at = later(0.5)
        event("priority", "urgent")
        urgent = True
    at = later(0.5 if urgent else 3)
    event("agent_reply")
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        event("status", "pending")
        at = later(12)
        event("customer_reply")
        event("status", "open")
        at = later(1 if urgent else 5)
        event("agent_reply")
    at = later(4)
    event("status", "solved")
    if rng.random() < 0.1:  # reopened
        at = later(24)
        event("customer_reply")
        event("status", "open")
        at = later(4)
        event("agent_reply")
        event("status", "solved")
    return rows


def main() -> None:
    rng = random.Random(SEED)
    tickets, events = [], []
    for k in range(COUNT):
        ticket = f"T{k + 1:05d}"
        received = FIRST + timedelta(minutes=rng.randrange(DAYS * 24 * 60))
        priority = rng.choices(PRIORITIES, WEIGHTS)[0]
        tickets.append([ticket, "tickets", priority, "open", _iso(received)])
        events.extend(_life(rng, ticket, received, priority == "urgent"))
    with TICKETS.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["id", "engagement", "priority", "status", "received_at"])
        out.writerows(tickets)
    with EVENTS.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["request", "at", "event", "value"])
        out.writerows(events)
    print(
        f"wrote {TICKETS} ({len(tickets):,} tickets), {EVENTS} ({len(events):,} events)"
    )


if __name__ == "__main__":
    main()
