"""Benchmark lifecycles: evaluate() over an event log, and without one.

Run: ``python benchmarks/bench_lifecycle.py [--quick]``. The full size is
1,000,000 tickets with 8,000,000 events (replies, status and priority
changes) against a helpdesk charter of four objectives: first reply (a
target per priority, urgent on a 24/7 calendar), next reply (a cycle per
customer reply), resolution (paused while pending, resumed on reopening)
and requester wait (a cycle per pending spell). Its time is given as a
ratio to one ``np.argsort`` of the events' ``at`` column measured in the
same run (the goal: at most 5x), for events grouped by ticket (as exports
per ticket come) and for events in time order across tickets; its peak
memory as the peak resident size of a child process that only builds the
data and evaluates it once (the goal: under 4 GiB). Then ``evaluate`` on
1,000,000 requests without events, as a ratio to ``BusinessCalendar.add``
(4 business hours) on the same rows. ``--quick`` runs 20,000 tickets, a
smoke test.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench_evaluate import make_requests
from servicecharter import (
    Channel,
    Charter,
    Engagement,
    Objective,
    OpeningHours,
    evaluate,
    examples,
)

HOUR_US = 3_600_000_000
EVENTS_PER_TICKET = 8
NAMES = np.array(["customer_reply", "agent_reply", "status", "priority"])
STATUS = np.array(["open", "pending", "solved"])


def charter() -> Charter:
    zone = "Europe/London"
    first_reply = Objective(
        id="first_reply",
        stop="agent_reply",
        targets=[
            {
                "when": {"priority": "urgent"},
                "within": "1 business hour",
                "calendar": "always",
            },
            {"when": {"priority": "high"}, "within": "4 business hours"},
            {"within": "8 business hours"},
        ],
    )
    next_reply = Objective(
        "8 business hours",
        id="next_reply",
        start="customer_reply",
        stop="agent_reply",
        cycles="every",
    )
    resolution = Objective(
        "24 business hours",
        id="resolution",
        stop={"status": ["solved"]},
        pause_while={"status": ["pending"]},
    )
    waiting = Objective(
        "16 business hours",
        id="requester_wait",
        start={"status": ["pending"]},
        stop={"status": ["open", "solved"]},
        reopen="ignore",
        cycles="every",
    )
    return Charter(
        id="helpdesk",
        title="Helpdesk",
        tz=zone,
        calendars={
            "default": OpeningHours.parse("Mo-Fr 09:00-12:00,13:00-17:30", tz=zone),
            "always": OpeningHours.parse("24/7", tz=zone),
        },
        channels=[Channel("desk", "web_form")],
        engagements=[
            Engagement(
                "tickets",
                "Tickets",
                [first_reply, next_reply, resolution, waiting],
                channel="desk",
            )
        ],
    )


def tickets(n: int, seed: int = 0) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """``n`` tickets over 2026 and ``EVENTS_PER_TICKET`` events each."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-05T00:00", "us").view(np.int64)
    received = start + rng.integers(0, 300 * 24 * HOUR_US, n)
    requests = {
        "id": np.arange(n),
        "engagement": np.full(n, "tickets"),
        "priority": rng.choice(np.array(["low", "normal", "high", "urgent"]), n),
        "received_at": received.view("datetime64[us]"),
    }
    m = n * EVENTS_PER_TICKET
    gaps = rng.integers(0, 12 * HOUR_US, m).reshape(n, EVENTS_PER_TICKET)
    at = received[:, None] + np.cumsum(gaps, axis=1)
    name = NAMES[rng.choice(4, m, p=[0.3, 0.3, 0.35, 0.05])]
    value = np.where(
        name == "status",
        STATUS[rng.integers(0, 3, m)],
        np.where(name == "priority", "urgent", ""),
    )
    events = {
        "request": np.repeat(np.arange(n), EVENTS_PER_TICKET),
        "at": at.reshape(-1).view("datetime64[us]"),
        "event": name,
        "value": value,
    }
    now = np.datetime64("2026-12-31T12:00", "us")
    return requests, events, now


def _timed(run: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return float(np.median(times))


def child(n: int) -> None:
    """Build the data and evaluate once; print the peak resident size."""
    requests, events, now = tickets(n)
    result = evaluate(charter(), requests, events=events, now=now)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB
    print(json.dumps({"lines": len(result.requests["row"]), "peak": rss}))


def with_events(n: int, repeat: int) -> None:
    requests, events, now = tickets(n)
    the_charter = charter()
    small, small_events, _ = tickets(1000, seed=1)
    evaluate(the_charter, small, events=small_events, now=now)  # compiles
    at = events["at"]
    by_time = np.argsort(at, kind="stable")
    log = {name: column[by_time] for name, column in events.items()}
    del by_time
    # The reference and both orders take turns, so that a drift of the
    # machine's speed (a neighbour, the clock) hits all three alike.
    runs: dict[str, list[float]] = {"sort": [], "ticket": [], "time": []}
    for _ in range(repeat):
        runs["sort"].append(_timed(lambda: np.argsort(at), 1))
        runs["ticket"].append(
            _timed(lambda: evaluate(the_charter, requests, events=events, now=now), 1)
        )
        runs["time"].append(
            _timed(lambda: evaluate(the_charter, requests, events=log, now=now), 1)
        )
    sort, t, shuffled = (float(np.median(runs[k])) for k in ("sort", "ticket", "time"))
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(n)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
    )
    report = json.loads(out.stdout)
    print(
        f"evaluate with events: {n:,} tickets, {len(at):,} events, 4 objectives, "
        f"{report['lines']:,} lines"
    )
    print(
        f"  events by ticket: median {t:.2f} s; np.argsort(at) {sort:.2f} s: "
        f"{t / sort:.2f}x"
    )
    print(
        f"  events by time across tickets: median {shuffled:.2f} s: "
        f"{shuffled / sort:.2f}x"
    )
    print(f"  peak resident size (child process): {report['peak'] / 2**30:.2f} GiB")


def without_events(n: int, repeat: int) -> None:
    the_charter = examples.load("technical-support")
    requests = make_requests(n)
    now = np.datetime64("2026-12-31T12:00")
    evaluate(the_charter, make_requests(1000), now=now)
    calendar = the_charter.calendar_for("anomalies")
    received = requests["received_at"]
    hours = np.timedelta64(4, "h")
    calendar.add(received[:1000], hours)
    core = _timed(lambda: calendar.add(received, hours), repeat)
    t = _timed(lambda: evaluate(the_charter, requests, now=now), repeat)
    print(f"evaluate without events: {n:,} requests")
    print(
        f"  median {t:.3f} s; core add on the same rows {core:.3f} s: {t / core:.1f}x"
    )


def main() -> None:
    if "--child" in sys.argv:
        child(int(sys.argv[-1]))
        return
    quick = "--quick" in sys.argv
    n = 20_000 if quick else 1_000_000
    repeat = 5
    with_events(n, repeat)
    without_events(n, 5 if not quick else 3)


if __name__ == "__main__":
    main()
