"""One request and its history, evaluated: for ``explain`` and ``testing``.

The request and its events, given as Python values, become the tables
``evaluate`` reads, so that one request is measured exactly as a batch of
a million would be.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._core.convert import instant_us
from .._errors import InvalidArgumentError
from ..charter import Charter
from .compute import Lines
from .evaluation import evaluate

__all__ = ["Event", "request_lines"]

Event = tuple[dt.datetime, str] | tuple[dt.datetime, str, str]
"""An event of the request: (instant, name) or (instant, name, value)."""

_NAT = np.iinfo(np.int64).min


def _checked(
    events: Any, attributes: Any, responded: Any, now: Any
) -> list[tuple[Any, ...]]:
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
    return rows


def request_lines(
    charter: Charter,
    engagement_id: str,
    received: dt.datetime,
    responded: dt.datetime | None,
    *,
    events: Sequence[Event],
    attributes: Mapping[str, str],
    now: dt.datetime | None,
) -> Lines:
    """The lines of one request over its events, judged at ``now``.

    ``now`` defaults to the latest instant given. A problem of the request
    (an event before its receipt, say) raises ``InvalidArgumentError``.
    """
    rows = _checked(events, attributes, responded, now)
    instants = [instant_us(received)] + [instant_us(e[0]) for e in rows]
    if responded is not None:
        instants.append(instant_us(responded))
    judged = instant_us(now) if now is not None else max(instants)
    answered = instant_us(responded) if responded is not None else _NAT
    requests = {
        "id": ["request"],
        "engagement": [engagement_id],
        "received_at": np.array([instants[0]]).view("datetime64[us]"),
        "responded_at": np.array([answered]).view("datetime64[us]"),
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
        charter, requests, events=log, now=np.int64(judged).view("datetime64[us]")
    )
    # An objective whose events none of these are named after is not a
    # mistake here: one request's history may well have none of them.
    mine = [p.reason for p in result.problems if p.row >= 0]
    if mine:
        raise InvalidArgumentError("; ".join(mine))
    return result.requests
