"""Write docs/examples/requests.csv, the request file ``make demo`` checks.

Run: ``python docs/examples/make_requests.py``. The file is reproducible (a
seeded generator): 40 requests to the technical-support charter between
23 March and 10 April 2026 (over the switch to summer time and Easter
Monday), across four engagements. Responses are placed in business time
from each request's computed deadline: most before it, a few after it
(late), a few missing
(still open at the demo's ``--now 2026-04-10T12:00``, or already overdue),
and one row has a date that does not exist. Instants have no UTC offset
(read in the charter's zone, Europe/Paris) except a few written with one.
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

from servicecharter import examples

OUT = Path(__file__).with_name("requests.csv")
SEED = 2026
ROWS = 40
ENGAGEMENTS = ("anomalies", "installation", "web-form", "callbacks")
FIRST_DAY = datetime(2026, 3, 23)
DAYS = 18  # to Thursday 9 April; the last rows come in on Friday 10 April
BAD_ROW = 17  # this request's received_at is 31 April


def text(value: datetime, offset: bool) -> str:
    """Minutes, in Paris time; with its UTC offset when ``offset``."""
    local = value.astimezone(examples.load("technical-support").tz)
    return local.isoformat(timespec="minutes") if offset else f"{local:%Y-%m-%dT%H:%M}"


def make_rows() -> list[list[str]]:
    """The rows of the file, header first."""
    charter = examples.load("technical-support")
    rng = random.Random(SEED)
    rows = [["id", "engagement", "received_at", "responded_at"]]
    for i in range(ROWS):
        engagement = ENGAGEMENTS[i % len(ENGAGEMENTS)]
        if i >= ROWS - 3:  # Friday morning: still open at the demo's now
            day = FIRST_DAY + timedelta(days=DAYS)
            received = day.replace(hour=9, minute=rng.randrange(0, 60, 5))
        else:
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            while day.weekday() >= 5:  # a weekday
                day += timedelta(days=1)
            evening = engagement == "callbacks"  # call-backs: after closing
            hour = rng.randint(17, 18) if evening else rng.randint(9, 16)
            received = day.replace(hour=hour, minute=rng.randrange(0, 60, 5))
        aware = received.replace(tzinfo=charter.tz)
        calendar = charter.calendar_for(engagement)
        dues = charter.deadlines(engagement, aware)
        # Most web answers come the same business day (the second objective).
        same_day = engagement == "web-form" and rng.random() < 0.7
        due = min(dues) if same_day else dues[0]
        allowed = calendar.elapsed(aware, due)
        draw = rng.random()
        if i >= ROWS - 3 or draw < 0.06:  # unanswered: open, or overdue
            responded = ""
        elif draw < 0.2:  # late: one to six business hours after the deadline
            late = calendar.add(dues[0], timedelta(hours=rng.randint(1, 6)))
            responded = text(late, i % 5 == 0)
        else:  # on time: part of the business time allowed, in open hours
            used = max(timedelta(minutes=5), allowed * rng.uniform(0.05, 0.9))
            answer = calendar.add(aware, used)
            responded = text(min(answer, due), i % 5 == 0)
        shown = text(aware, i % 7 == 0)
        if i == BAD_ROW:
            shown = "2026-04-31T10:00"
        rows.append([f"T{i + 1:03d}", engagement, shown, responded])
    return rows


def main() -> None:
    """Write the file and say how many rows it has."""
    rows = make_rows()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    print(f"wrote {OUT} ({len(rows) - 1} requests)")


if __name__ == "__main__":
    main()
