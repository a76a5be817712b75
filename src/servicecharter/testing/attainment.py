"""``assert_attainment``: did a set of requests reach each objective's share?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np

from .._errors import InvalidArgumentError
from ..charter import Charter
from ..charter.charter import checked_charter
from ..compliance import Evaluation, NowIn, RequestsIn, evaluate
from .misses import AttainmentMissed, miss_text

__all__ = ["assert_attainment"]


def _percent(value: float) -> str:
    text = f"{value * 100:.1f}".removesuffix(".0")
    return f"{text}%"


def _utc(value: Any) -> dt.datetime:
    us = int(np.datetime64(value, "us").astype(np.int64))
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=us)


def _worst(
    charter: Charter, evaluation: Evaluation, line: dict[str, Any], worst: int
) -> list[str]:
    """The ``worst`` breached requests of one summary line, latest first."""
    columns = evaluation.requests
    chosen = np.flatnonzero(
        (columns["engagement"] == line["engagement"])
        & (columns["objective"] == line["objective"])
        & (columns["status"] == "breached")
    )
    if worst <= 0 or chosen.size == 0:
        return []
    calendar = charter.calendar_for(line["engagement"])
    # A cycle's stop (the response, for objectives without a lifecycle).
    late = calendar.elapsed(columns["deadline"][chosen], columns["stop"][chosen])
    order = chosen[np.argsort(-late.astype(np.int64), kind="stable")][:worst]
    out = []
    for i in order.tolist():
        text = miss_text(
            calendar,
            _utc(columns["received"][i]),
            _utc(columns["deadline"][i]),
            _utc(columns["stop"][i]),
            line["rule"],
        )
        ident = columns["id"][i]
        ident = ident.item() if isinstance(ident, np.generic) else ident
        out.append(f"    request {ident!r}: {text}")
    return out


def _ids(engagement: object) -> set[str]:
    """One engagement id or several, as a set; else the library's error."""
    if isinstance(engagement, str):
        return {engagement}
    if isinstance(engagement, Iterable):
        ids = list(engagement)
        if all(isinstance(e, str) for e in ids):
            return set(ids)
    raise InvalidArgumentError(
        f"engagement must be an engagement id or ids, got {engagement!r}"
    )


def assert_attainment(
    charter: Charter,
    requests: RequestsIn,
    *,
    now: NowIn | None = None,
    engagement: str | Iterable[str] | None = None,
    worst: int = 3,
    events: Any = None,
    pauses: Any = None,
) -> Evaluation:
    """Evaluate ``requests`` and fail when an objective's attainment is below its share.

    ``requests`` and ``now`` are as for ``evaluate``
    (pass ``now`` for a repeatable test). ``engagement`` limits the check to
    one engagement id or several (default: all). An objective with no
    answered request has no attainment and passes; invalid rows are not
    counted (see ``Evaluation.problems``). On failure, ``AttainmentMissed``
    lists each objective below its share, with its ``worst`` latest
    requests; on success the evaluation is returned for further checks.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from servicecharter import examples
    >>> paris = ZoneInfo("Europe/Paris")
    >>> charter = examples.load("technical-support")
    >>> def form(day, hour, answered_day, answered_hour):
    ...     return {
    ...         "id": f"f{day}",
    ...         "engagement": "web-form",
    ...         "received_at": dt.datetime(2026, 3, day, hour, tzinfo=paris),
    ...         "responded_at": dt.datetime(
    ...             2026, 3, answered_day, answered_hour, tzinfo=paris
    ...         ),
    ...     }
    >>> now = dt.datetime(2026, 4, 1, tzinfo=paris)
    >>> _ = assert_attainment(charter, [form(23, 10, 23, 15)], now=now)
    >>> assert_attainment(
    ...     charter, [form(23, 10, 23, 15), form(24, 10, 25, 10)], now=now
    ... )
    Traceback (most recent call last):
    ...
    servicecharter.testing.AttainmentMissed: 1 objective below its share:
      web-form objective 1 (same business day, share 60%): 50% (1 of 2)
        request 'f24': answered 1 business hour late: due Wed 25 Mar 00:00 CET, answered Wed 25 Mar 10:00 CET (received Tue 24 Mar 10:00 CET; same business day)
    """  # noqa: E501 (doctest output is one line)
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    if isinstance(worst, bool) or not isinstance(worst, int | np.integer):
        raise InvalidArgumentError(
            f"worst must be a whole number of requests to show, got {worst!r}; "
            "e.g. worst=3 (0 for none)"
        )
    evaluation = evaluate(
        checked_charter(charter), requests, now=now, events=events, pauses=pauses
    )
    wanted: set[str] | None = None
    if engagement is not None:
        wanted = _ids(engagement)
        for engagement_id in wanted:
            charter.engagement(engagement_id)  # raises for an unknown id
    missed = [
        line
        for line in evaluation.summary
        if line["reached"] is False and (wanted is None or line["engagement"] in wanted)
    ]
    if not missed:
        return evaluation
    lines = [
        f"{len(missed)} objective{'' if len(missed) == 1 else 's'} below "
        f"{'its' if len(missed) == 1 else 'their'} share:"
    ]
    for line in missed:
        answered = line["met"] + line["breached"]
        lines.append(
            f"  {line['engagement']} objective {line['objective']} "
            f"({line['rule']}, share {_percent(line['share'])}): "
            f"{_percent(line['attainment'])} ({line['met']} of {answered})"
        )
        lines.extend(_worst(charter, evaluation, line, worst))
    if evaluation.problems:
        lines.append(f"  ({len(evaluation.problems)} invalid rows not counted)")
    raise AttainmentMissed("\n".join(lines), evaluation=evaluation, missed=missed)
