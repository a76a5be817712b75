"""The week of requests the compliance tests evaluate, worked out by hand.

Requests to the technical-support charter (``tests.support.charters``) in
the week of 23 March 2026, evaluated at ``NOW``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from tests.support.zones import PARIS, paris

# Monday after the switch to summer time; the table below is the week before.
NOW = dt.datetime(2026, 3, 30, 10, tzinfo=PARIS)


# id, engagement, received, responded, expected statuses (one per objective)
TABLE: list[tuple[str, str, dt.datetime, dt.datetime | None, tuple[str, ...]]] = [
    ("a1", "anomalies", paris(2026, 3, 27, 9), paris(2026, 3, 27, 11), ("met",)),
    (
        "a2",
        "anomalies",
        paris(2026, 3, 27, 9),
        paris(2026, 3, 27, 16, 30),
        ("breached",),
    ),
    ("a3", "anomalies", paris(2026, 3, 27, 16), None, ("open",)),  # due Mon 14:00
    ("a4", "anomalies", paris(2026, 3, 27, 14), None, ("open",)),  # due Mon 10:00 = now
    ("a5", "anomalies", paris(2026, 3, 26, 9), None, ("overdue",)),  # due Thu 15:00
    ("w1", "web-form", paris(2026, 3, 25, 10), paris(2026, 3, 25, 16), ("met", "met")),
    (
        "w2",
        "web-form",
        paris(2026, 3, 25, 10),
        paris(2026, 3, 26, 10),
        ("met", "breached"),
    ),
    (
        "w3",
        "web-form",
        paris(2026, 3, 25, 10),
        paris(2026, 3, 27, 11),
        ("met", "breached"),
    ),
]


def table_columns() -> dict[str, list[Any]]:
    return {
        "id": [t[0] for t in TABLE],
        "engagement": [t[1] for t in TABLE],
        "received_at": [t[2] for t in TABLE],
        "responded_at": [t[3] for t in TABLE],
    }


def utc64(moment: dt.datetime) -> np.datetime64:
    return np.datetime64(moment.astimezone(dt.UTC).replace(tzinfo=None), "us")
