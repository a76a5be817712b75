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

from ._core.convert import instant_us
from ._errors import InvalidArgumentError
from .charter import Charter
from .compliance import evaluate

__all__ = ["Event", "breached_cycle"]

Event = tuple[dt.datetime, str] | tuple[dt.datetime, str, str]
"""An event of the request: (instant, name) or (instant, name, value)."""

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
    wrong = isinstance(events, str | bytes | Mapping) or not isinstance(
        events, Sequence
    )
    if wrong or not isinstance(attributes, Mapping):
        raise InvalidArgumentError(
            "events must be a list of (instant, name[, value]) tuples and "
            f"attributes a mapping of fields to values, got {events!r} and "
            f"{attributes!r}"
        )
    given: Sequence[Any] = events  # items of any type, checked below
    rows = [tuple(e) if isinstance(e, tuple | list) else (e,) for e in given]
    for e in rows:
        if len(e) not in (2, 3) or not isinstance(e[0], dt.datetime):
            raise InvalidArgumentError(
                f"an event is (instant, name) or (instant, name, value), got {e!r}"
            )
    if now is not None and not isinstance(now, dt.datetime):
        raise InvalidArgumentError(f"now must be an aware datetime, got {now!r}")
    if responded is not None and not isinstance(responded, dt.datetime):
        raise InvalidArgumentError(
            f"responded must be an aware datetime or None, got {responded!r}"
        )
    instants = [instant_us(received)] + [instant_us(e[0]) for e in rows]
    if responded is not None:
        instants.append(instant_us(responded))
    judged = instant_us(now) if now is not None else max(instants)
    requests = {
        "id": ["request"],
        "engagement": [engagement_id],
        "received_at": np.array([instants[0]]).view("datetime64[us]"),
        "responded_at": np.array(
            [instant_us(responded) if responded is not None else np.iinfo(np.int64).min]
        ).view("datetime64[us]"),
        **{name: [value] for name, value in attributes.items()},
    }
    log = {
        "request": ["request"] * len(rows),
        "at": np.array([instant_us(e[0]) for e in rows], dtype=np.int64).view(
            "datetime64[us]"
        ),
        "event": [str(e[1]) for e in rows],
        "value": [str(e[2]) if len(e) == 3 else "" for e in rows],
    }
    result = evaluate(
        charter,
        requests,
        events=log,
        now=np.int64(judged).view("datetime64[us]"),
    )
    # An objective whose events none of these are named after is not a
    # mistake here: one request's history may well have none of them.
    mine = [p.reason for p in result.problems if p.row >= 0]
    if mine:
        raise InvalidArgumentError("; ".join(mine))
    lines = result.requests
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
