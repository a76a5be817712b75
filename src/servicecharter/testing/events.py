"""``assert_met`` over a request's event log: every cycle of one objective.

``testing.assert_met(..., events=[...])`` evaluates the one request with its
events, exactly as ``evaluate`` would, and raises ``SLAMissed`` for the
first cycle of the objective that was breached (or is overdue at ``now``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..charter import Charter
from ..compliance.single_request import Event, request_lines

__all__ = ["Event", "breached_cycle"]

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _aware(us: int, tz: Any) -> dt.datetime:
    return (_EPOCH + dt.timedelta(microseconds=us)).astimezone(tz)


def breached_cycle(
    charter: Charter,
    engagement_id: str,
    received: dt.datetime,
    responded: dt.datetime | None,
    *,
    objective: int,
    events: Sequence[Event],
    attributes: Mapping[str, str],
    now: dt.datetime | None,
) -> dict[str, Any] | None:
    """The first breached or overdue cycle of the objective, or None.

    The dict has ``cycle``, ``start``, ``stop`` (None while running),
    ``deadline`` (aware, in the calendar's zone) and ``status``.
    """
    lines = request_lines(
        charter,
        engagement_id,
        received,
        responded,
        events=events,
        attributes=attributes,
        now=now,
    )
    tz = charter.calendar_for(engagement_id).hours.tz
    for k in np.flatnonzero(lines["objective"] == objective).tolist():
        if lines["status"][k] in ("breached", "overdue"):
            stop = lines["stop"][k]
            return {
                "cycle": int(lines["cycle"][k]),
                "start": _aware(int(lines["start"][k].view(np.int64)), tz),
                "stop": None
                if np.isnat(stop)
                else _aware(int(stop.view(np.int64)), tz),
                "deadline": _aware(int(lines["deadline"][k].view(np.int64)), tz),
                "status": str(lines["status"][k]),
            }
    return None
