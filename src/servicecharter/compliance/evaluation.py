"""Compliance: evaluate request records against a charter, whole-array.

``evaluate(charter, requests)`` finds each request's engagement, computes the
deadline of each of its objectives on the engagement's calendar, the business
time used and left, a status (``met``, ``breached``, ``open``, ``overdue``)
and at-risk flags, then sums up attainment per engagement objective. Bad rows
are reported in ``Evaluation.problems`` and marked ``invalid``, never dropped.
Pauses (a long table) stop the clock of pausable engagements; ``calendar``
and ``tz`` columns evaluate rows on another calendar or in another zone.
``obligations_status`` says where the recurring obligations stand.

>>> import numpy as np
>>> from servicecharter import evaluate, examples
>>> charter = examples.load("technical-support")
>>> result = evaluate(
...     charter,
...     {
...         "id": ["a", "b"],
...         "engagement": ["anomalies", "anomalies"],
...         "received_at": np.array(
...             ["2026-03-27T08:00", "2026-03-27T08:00"], dtype="datetime64[us]"
...         ),
...         "responded_at": np.array(
...             ["2026-03-27T10:00", "2026-03-27T15:30"], dtype="datetime64[us]"
...         ),
...     },
...     now=np.datetime64("2026-03-31T00:00"),
... )
>>> result.requests["status"].tolist()
['met', 'breached']
>>> anomalies = next(s for s in result.summary if s["engagement"] == "anomalies")
>>> anomalies["attainment"], anomalies["reached"], str(anomalies["p50"])
(0.5, False, '3:45:00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from numbers import Real
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt

from .._core.convert import (
    InstantIn,
    InstantsIn,
    instant_array,
    instant_us,
    is_missing,
)
from .._core.units import EPOCH, NAT
from .._errors import InvalidArgumentError, InvalidRequestError
from ..charter import Charter
from ..charter.charter import checked_charter
from .compute import STATUSES, Lines
from .conditions import condition_names
from .engine import OPEN_FLAGS, compute_lines
from .events import EventsIn, empty_events, read_events
from .input import (
    RequestsIn,
    as_ids,
    read_columns,
    read_instants,
    select_engagements,
    select_zones,
)
from .obligation_status import ObligationStatus, obligations_status
from .pauses import PausesIn, empty_pauses, read_pauses
from .reach import compute_isolating, out_of_reach
from .result import Evaluation, Problem

__all__ = [
    "STATUSES",
    "Evaluation",
    "ObligationStatus",
    "Problem",
    "evaluate",
    "obligations_status",
]

_LIFECYCLE_COLUMNS = ("objective_id", "target", "due", "stop", "cycle", "start")


NowIn: TypeAlias = InstantIn | np.datetime64 | InstantsIn
"""The instant open requests are judged at: an aware ``datetime``, a
``datetime64`` (UTC) or a one-element array of instants; read by ``_now``."""


def _now(now: NowIn | None) -> int:
    if now is None:
        return instant_us(dt.datetime.now(dt.UTC))
    if is_missing(now):
        raise InvalidArgumentError(f"now must be one instant, got {now!r}")
    if isinstance(now, dt.datetime):
        return instant_us(now)
    value = instant_array(np.asarray(now) if isinstance(now, np.generic) else now)
    if value.size != 1 or int(value.reshape(-1)[0]) == NAT:
        raise InvalidArgumentError(f"now must be one instant, got {now!r}")
    return int(value.reshape(-1)[0])


def _risk_name(threshold: float) -> str:
    """``at_risk_75`` for 0.75, ``at_risk_87_5`` for 0.875: the percent, exactly.

    Rounding to a whole percent named 0.004 ``at_risk_0``.
    """
    return "at_risk_" + f"{threshold * 100:g}".replace(".", "_")


def _thresholds(at_risk: Any) -> tuple[float, ...]:
    wrong = InvalidArgumentError(
        f"at_risk must be distinct fractions in (0, 1] (0.75 for 75 %), got {at_risk!r}"
    )
    if isinstance(at_risk, str | bytes) or not isinstance(at_risk, Iterable):
        raise wrong
    values = tuple(at_risk)
    numeric = all(
        isinstance(v, Real) and not isinstance(v, bool | np.bool_) for v in values
    )
    if not numeric or not all(0 < v <= 1 for v in values):  # NaN is not
        raise wrong
    thresholds = tuple(float(v) for v in values)
    if len({_risk_name(v) for v in thresholds}) != len(thresholds):
        raise wrong
    return thresholds


def _problems(
    orphans: list[tuple[Any, str]], reasons: dict[int, list[str]], ids: Any
) -> tuple[Problem, ...]:
    """Stray pauses (one per unknown request id) then bad rows, in row order."""
    unknown = dict.fromkeys(orphans)
    return tuple(Problem(-1, request, why) for request, why in unknown) + tuple(
        Problem(row, ids[row].item() if hasattr(ids[row], "item") else ids[row], why)
        for row, why in sorted((r, "; ".join(w)) for r, w in reasons.items())
    )


def _order_reasons(
    received: Any, responded: Any, unreadable: dict[int, str], reasons: Any
) -> None:
    """A missing receipt, and a response before its receipt, are row problems."""
    missing = received == NAT
    missing[list(unreadable)] = False
    late = (received != NAT) & (responded != NAT) & (responded < received)
    for row in np.flatnonzero(missing).tolist():
        reasons.setdefault(row, []).append("missing received_at")
    for row in np.flatnonzero(late).tolist():
        reasons.setdefault(row, []).append("responded_at is before received_at")


def _check_fields(
    charter: Charter,
    *,
    columns: dict[str, Any],
    log: Any,
    chosen: Any,
    orphans: list[tuple[Any, str]],
    has_events: bool,
) -> None:
    """A ``when`` field no input has is an error; an unseen event a problem."""
    seen = np.bincount(chosen + 1, minlength=len(charter.engagements) + 1)
    used = np.flatnonzero(seen[1:]).tolist()
    engagements = tuple(charter.engagements[e] for e in used)
    given = set(log.seen)
    for engagement in engagements:
        for objective, oid in zip(
            engagement.objectives, engagement.objective_ids(), strict=True
        ):
            for target in objective.targets:
                for field in target.when:
                    if field not in columns and field not in given:
                        raise InvalidArgumentError(
                            f"objective {oid!r} of engagement {engagement.id!r} "
                            f"chooses its target by {field!r}, which neither the "
                            f"requests (columns: {', '.join(sorted(columns))}) nor "
                            "the events give; add a column or events of that name"
                        )
    if not has_events:
        return
    names, _ = condition_names(engagements)
    for name in sorted(names - given):
        orphans.append(
            (
                None,
                f"no event is named {name!r}, which an objective starts or "
                "stops on; check the event names",
            )
        )


def evaluate(
    charter: Charter,
    requests: RequestsIn,
    *,
    now: NowIn | None = None,
    at_risk: tuple[float, ...] = (0.75, 0.9),
    strict: bool = False,
    pauses: PausesIn | None = None,
    events: EventsIn | None = None,
) -> Evaluation:
    """Evaluate request records against ``charter``'s engagements.

    Args:
        charter: the ``Charter``.
        requests: a mapping of column names to arrays (numpy, lists, pandas
            or polars Series, pyarrow arrays), a pandas or polars DataFrame,
            a pyarrow Table, or an iterable of row mappings.
            Columns: ``received_at`` (required), ``responded_at`` (optional,
            missing values are unanswered requests), ``id`` (optional), and
            either ``engagement`` (an engagement id) or selector columns among
            ``channel``, ``kind``, ``priority``: the first engagement in
            charter order whose channel (if it names one), kinds and
            priorities (if non-empty) accept the row's values, compared as text
            with case ("Urgent" is not "urgent").
        now: the instant open requests are judged at; default the current time.
        at_risk: thresholds of the share of the budget used that flag an open
            request, each giving an ``at_risk_<percent>`` column
            (``at_risk_87_5`` for 0.875).
        strict: raise ``InvalidRequestError`` on any bad
            row (pause problems included) instead of reporting it in
            ``problems``.
        pauses: a long table of pauses (mapping of columns, pandas or
            polars DataFrame, pyarrow Table or iterable of row mappings):
            ``request`` (the request's ``id``, or its row number without an
            ``id`` column), ``start`` and ``end``
            (a missing end: still paused, until the response or ``now``).
            On pausable engagements the business time inside pauses is not
            counted and pushes the deadlines later; see docs/compliance.md.
        events: a long table of events (the same forms): ``request`` (as in
            ``pauses``), ``at`` (an instant), ``event`` (a name) and an
            optional ``value`` (the new value of the field the event names).
            Objectives with a lifecycle read their cycles from it; each line
            is then a request x objective x cycle, with the columns
            ``objective_id``, ``target`` (its index in the objective's
            targets, -1: none), ``due`` (the deadline as a closing instant),
            ``stop``, ``cycle`` and ``start``; see docs/lifecycles.md.

    Optional request columns ``calendar`` (one of the charter's calendar
    names) and ``tz`` (an IANA zone for the calendar's hours) evaluate a row
    on another calendar than its engagement's.

    Instants are aware datetimes, ``datetime64`` (read as UTC), tz-aware
    pandas, polars (``pl.Datetime(time_zone=...)``) or pyarrow
    (``pa.timestamp(unit, tz=...)``) columns, or ISO 8601 texts with an
    offset. A naive pandas, polars or pyarrow datetime column as a whole
    raises ``NaiveDatetimeError``. polars and pyarrow are optional: never
    imported, their objects are recognised by duck typing.
    """
    charter = checked_charter(charter)
    thresholds = _thresholds(at_risk)
    now_us = _now(now)
    columns, n = read_columns(requests)
    received, bad_received = read_instants("received_at", columns["received_at"])
    if "responded_at" in columns:
        responded, bad_responded = read_instants(
            "responded_at", columns["responded_at"]
        )
    else:
        responded, bad_responded = np.full(n, NAT, dtype=np.int64), {}
    chosen, bad_engagement = select_engagements(columns, charter.engagements, n)
    zones, specs, bad_zone = select_zones(columns, tuple(charter.calendars), n)
    reasons: dict[int, list[str]] = {}
    for found in (bad_engagement, bad_received, bad_responded, bad_zone):
        for row, reason in found.items():
            reasons.setdefault(row, []).append(reason)
    _order_reasons(received, responded, bad_received, reasons)
    ids = as_ids(columns.get("id"), n)
    bad = np.zeros(n, dtype=bool)
    bad[list(reasons)] = True
    far = out_of_reach(
        charter,
        received=received,
        responded=responded,
        chosen=chosen,
        zones=zones,
        specs=specs,
        bad=bad,
        now_us=now_us,
    )
    for row, reason in far.items():
        reasons.setdefault(row, []).append(reason)
    bad[list(far)] = True
    orphans: list[tuple[Any, str]] = []
    table = empty_pauses()
    if pauses is not None:
        pausable = np.array([e.pausable for e in charter.engagements] + [False])
        table = read_pauses(
            pauses,
            ids=ids,
            has_ids="id" in columns,
            received=received,
            life_end=np.where(responded != NAT, responded, now_us),
            pausable=pausable[chosen],
            bad=bad,
            reasons=reasons,
            orphans=orphans,
        )
    wanted = tuple(sorted(set().union(*condition_names(charter.engagements))))
    log = (
        empty_events(wanted)
        if events is None
        else read_events(
            events,
            ids=ids,
            has_ids="id" in columns,
            received=received,
            bad=bad,
            now_us=now_us,
            reasons=reasons,
            orphans=orphans,
            names=wanted,
        )
    )
    _check_fields(
        charter,
        columns=columns,
        log=log,
        chosen=chosen,
        orphans=orphans,
        has_events=events is not None,
    )
    problems = _problems(orphans, reasons, ids)
    if strict and problems:
        raise InvalidRequestError(problems, n)
    seen = {row: list(why) for row, why in reasons.items()}

    def compute(rows: npt.NDArray[np.bool_]) -> tuple[Lines, list[dict[str, Any]]]:
        return compute_lines(
            charter,
            received=received,
            responded=responded,
            chosen=chosen,
            bad=bad | ~rows,
            now_us=now_us,
            zones=zones,
            specs=specs,
            pauses=table,
            events=log,
            columns=columns,
            reasons=reasons,
        )

    (lines, summary), isolated = compute_isolating(compute, bad, reasons)
    if isolated or reasons != seen:  # a deadline out of reach, a line no target
        problems = _problems(orphans, reasons, ids)
        if strict:
            raise InvalidRequestError(problems, n)
    lines = {"row": lines["row"], "id": ids[lines["row"]], **lines}
    share, is_open = lines["share_used"], lines.pop(OPEN_FLAGS)
    for threshold in thresholds:
        lines[_risk_name(threshold)] = is_open & (share >= threshold)
    for name in _LIFECYCLE_COLUMNS:  # after today's columns, in this order
        lines[name] = lines.pop(name)
    return Evaluation(
        requests=lines,
        summary=tuple(summary),
        problems=problems,
        now=EPOCH + dt.timedelta(microseconds=now_us),
        at_risk=thresholds,
    )
