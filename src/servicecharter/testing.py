"""Assertions for test suites: did a response meet the charter, in business time?

Import them from this module (``from servicecharter.testing import
assert_met``). Each raises an ``AssertionError`` subclass whose message says
what was missed in business time, on the calendar's own clock, so a failing
test reads like the charter it checks:

    anomalies: answered 40 business minutes late: due Mon 30 Mar 14:30 CEST,
    answered Mon 30 Mar 15:10 CEST (received Fri 27 Mar 16:30 CET; 4 business hours)

(one line in the real message). Instants are shown in the zone of the
engagement's calendar with the zone's abbreviation, and English day and month
abbreviations whatever the machine's locale.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from servicecharter import examples
>>> paris = ZoneInfo("Europe/Paris")
>>> charter = examples.load("technical-support")
>>> received = dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris)
>>> assert_met(charter, "anomalies", received, received + dt.timedelta(days=1))
>>> assert_met(
...     charter, "anomalies", received, dt.datetime(2026, 3, 30, 15, 10, tzinfo=paris)
... )
Traceback (most recent call last):
...
servicecharter.testing.SLAMissed: anomalies: answered 40 business minutes late: due Mon 30 Mar 14:30 CEST, answered Mon 30 Mar 15:10 CEST (received Fri 27 Mar 16:30 CET; 4 business hours)
"""  # noqa: E501 (doctest output is one line)

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from ._core.convert import instant_us
from ._errors import InvalidArgumentError
from ._render.en_moments import business_words, moment, show_year
from ._testing_events import Event, breached_cycle
from .calendar import BusinessCalendar
from .charter import Charter
from .charter.charter import checked_charter
from .compliance import Evaluation, NowIn, RequestsIn, evaluate
from .compliance.single_pauses import check_pauses, measure_pauses

__all__ = [
    "AttainmentMissed",
    "SLAMissed",
    "assert_attainment",
    "assert_closed",
    "assert_met",
    "assert_open",
]

_ZERO = dt.timedelta(0)


class SLAMissed(AssertionError):  # noqa: N818 (an assertion failure, not an error)
    """A response that missed its objective (raised by ``assert_met``).

    Attributes:
        engagement: the engagement id.
        objective: the objective's index in the engagement (0 for the first).
        deadline: the deadline, aware, in the calendar's zone.
        responded: the response instant as given.
        late_by: business time from the deadline to the response; zero when
            the response came after the deadline while the service was
            closed (a day-based deadline answered the next morning before
            opening).
    """

    def __init__(
        self,
        message: str,
        *,
        engagement: str,
        objective: int,
        deadline: dt.datetime,
        responded: dt.datetime,
        late_by: dt.timedelta,
    ) -> None:
        super().__init__(message)
        self.engagement = engagement
        self.objective = objective
        self.deadline = deadline
        self.responded = responded
        self.late_by = late_by


class AttainmentMissed(AssertionError):  # noqa: N818 (as SLAMissed)
    """Objectives whose attainment is below their share (``assert_attainment``).

    Attributes:
        evaluation: the ``Evaluation`` that was checked.
        missed: the summary lines (dicts of ``Evaluation.summary``) that
            failed, in charter order.
    """

    def __init__(
        self, message: str, *, evaluation: Evaluation, missed: list[dict[str, Any]]
    ) -> None:
        super().__init__(message)
        self.evaluation = evaluation
        self.missed = missed


def _late_words(late_by: dt.timedelta) -> str:
    if late_by <= _ZERO:
        return "answered after the deadline, while the service was closed"
    return f"answered {business_words(late_by)} late"


def _miss_text(
    calendar: BusinessCalendar,
    received: dt.datetime,
    deadline: dt.datetime,
    responded: dt.datetime,
    rule: str,
) -> str:
    """``answered ... late: due ..., answered ... (received ...; rule)``."""
    tz = calendar.tz
    year = show_year((received, deadline, responded), tz)
    late_by = calendar.elapsed(deadline, responded)
    return (
        f"{_late_words(late_by)}: due {moment(deadline, tz, year=year)}, "
        f"answered {moment(responded, tz, year=year)} "
        f"(received {moment(received, tz, year=year)}; {rule})"
    )


def assert_met(
    charter: Charter,
    engagement_id: str,
    received: dt.datetime,
    responded: dt.datetime | None,
    *,
    objective: int = 0,
    pauses: Sequence[tuple[dt.datetime, dt.datetime | None]] = (),
    events: Sequence[Event] | None = None,
    attributes: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Pass when ``responded`` met the engagement's objective, else raise ``SLAMissed``.

    Met means what ``evaluate`` means: the response is at
    or before the deadline (for business-duration rules, exactly when the
    business time used is at most the one allowed). ``objective`` is the
    index of the objective in the engagement (0, the first, by default).
    ``pauses`` are (start, end) pairs (``end`` None: until the response),
    counted as ``evaluate`` counts them on a pausable
    engagement: clipped to [received, responded], overlaps once, the
    deadline moved later by the paused business time; ignored on an
    engagement that is not pausable. Naive instants raise
    ``NaiveDatetimeError``.

    With ``events`` ((instant, name) or (instant, name, value) tuples, the
    request's history), the objective's lifecycle is measured as
    ``evaluate`` measures it, every cycle of it: the first cycle breached
    (or overdue at ``now``, by default the latest instant given) raises
    ``SLAMissed``. ``attributes`` are the request's fields at receipt
    (``{"priority": "urgent"}``); ``responded`` may then be ``None``.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from servicecharter import examples
    >>> paris = ZoneInfo("Europe/Paris")
    >>> charter = examples.load("technical-support")
    >>> form = dt.datetime(2026, 3, 27, 10, tzinfo=paris)
    >>> assert_met(charter, "web-form", form, form.replace(hour=16), objective=1)
    >>> try:
    ...     assert_met(
    ...         charter, "web-form", form, form.replace(day=30, hour=8), objective=1
    ...     )
    ... except SLAMissed as miss:
    ...     print(miss)
    ...     print(miss.late_by)
    web-form objective 1: answered after the deadline, while the service was closed: due Sat 28 Mar 00:00 CET, answered Mon 30 Mar 08:00 CEST (received Fri 27 Mar 10:00 CET; same business day)
    0:00:00
    """  # noqa: E501 (doctest output is one line)
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    engagement = checked_charter(charter).engagement(engagement_id)
    whole = type(objective) is int  # not a bool, nor None
    if not whole or not 0 <= objective < len(engagement.objectives):
        raise InvalidArgumentError(
            f"engagement {engagement_id!r} has {len(engagement.objectives)} "
            f"objective(s); there is no objective {objective}"
        )
    if events is not None:
        _met_over_events(
            charter,
            engagement_id,
            received,
            responded,
            objective=objective,
            events=events,
            attributes=attributes or {},
            now=now,
        )
        return
    if responded is None:
        raise InvalidArgumentError(
            "responded is None: give the response, or the request's events"
        )
    target = engagement.objectives[objective]
    calendar = charter.calendar_for(engagement_id)
    # Instants, not wall clocks: two datetimes of one zone compare by wall
    # clock, ignoring fold, so in a DST fold 02:15 (fold=1) is "before" 02:45.
    backwards = instant_us(responded) < instant_us(received)
    if calendar.elapsed(received, responded) < _ZERO or backwards:
        raise InvalidArgumentError(
            f"responded ({responded.isoformat()}) is before received "
            f"({received.isoformat()})"
        )
    checked = check_pauses(pauses)
    deadline: dt.datetime = target.deadline(calendar, received)
    rule = str(target.within)
    if checked and engagement.pausable:
        paused = measure_pauses(calendar, checked, received, responded)
        deadline = paused.moved(calendar, deadline)
        if paused.paused > _ZERO:
            rule += f"; moved by the {business_words(paused.paused)} paused"
    if instant_us(responded) <= instant_us(deadline):
        return
    name = engagement_id if objective == 0 else f"{engagement_id} objective {objective}"
    text = _miss_text(calendar, received, deadline, responded, rule)
    raise SLAMissed(
        f"{name}: {text}",
        engagement=engagement_id,
        objective=objective,
        deadline=deadline,
        responded=responded,
        late_by=calendar.elapsed(deadline, responded),
    )


def _met_over_events(
    charter: Charter,
    engagement_id: str,
    received: dt.datetime,
    responded: dt.datetime | None,
    **given: Any,
) -> None:
    __tracebackhide__ = True
    found = breached_cycle(charter, engagement_id, received, responded, **given)
    if found is None:
        return
    calendar = charter.calendar_for(engagement_id)
    end = found["stop"]
    name = f"{engagement_id} objective {given['objective']} cycle {found['cycle']}"
    shown = "running" if end is None else f"stopped {end.isoformat()}"
    raise SLAMissed(
        f"{name}: {found['status']}: started {found['start'].isoformat()}, "
        f"due {found['deadline'].isoformat()}, {shown}",
        engagement=engagement_id,
        objective=given["objective"],
        deadline=found["deadline"],
        responded=end if end is not None else found["deadline"],
        late_by=calendar.elapsed(found["deadline"], end)
        if end is not None
        else dt.timedelta(0),
    )


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
        text = _miss_text(
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


def _calendar(
    target: BusinessCalendar | Charter, calendar: str | None, engagement: str | None
) -> BusinessCalendar:
    if isinstance(target, BusinessCalendar):
        if calendar is not None or engagement is not None:
            raise InvalidArgumentError(
                "calendar= and engagement= choose a calendar of a Charter; "
                "a BusinessCalendar was given"
            )
        return target
    if isinstance(target, Charter):
        if engagement is not None:
            if calendar is not None:
                raise InvalidArgumentError("give calendar= or engagement=, not both")
            return target.calendar_for(engagement)
        return target.calendar(calendar or "default")
    raise InvalidArgumentError(
        f"expected a BusinessCalendar or a Charter, got {type(target).__name__}"
    )


def assert_open(
    calendar_or_charter: BusinessCalendar | Charter,
    at: dt.datetime,
    *,
    calendar: str | None = None,
    engagement: str | None = None,
) -> None:
    """Pass when the service is open at ``at``; else ``AssertionError``.

    With a charter, ``calendar`` names one of its calendars (``"default"``
    by default) or ``engagement`` picks the calendar of an engagement's
    channel.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from servicecharter import examples
    >>> charter = examples.load("technical-support")
    >>> friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))
    >>> assert_open(charter, friday, engagement="anomalies")
    >>> assert_open(charter, friday.replace(hour=17, minute=0))
    Traceback (most recent call last):
    ...
    AssertionError: closed at Fri 27 Mar 17:00 CET; opens next Mon 30 Mar 09:00 CEST
    """
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    cal = _calendar(calendar_or_charter, calendar, engagement)
    instant_us(at)  # one aware datetime, or the library's error
    if cal.is_open(at):
        return
    following = cal.next_open(at)
    tz = cal.tz
    year = show_year((at, following), tz)
    raise AssertionError(
        f"closed at {moment(at, tz, year=year)}; "
        f"opens next {moment(following, tz, year=year)}"
    )


def assert_closed(
    calendar_or_charter: BusinessCalendar | Charter,
    at: dt.datetime,
    *,
    calendar: str | None = None,
    engagement: str | None = None,
) -> None:
    """Pass when the service is closed at ``at``; else ``AssertionError``.

    Arguments as for ``assert_open``. Intervals are half-open: at its
    closing instant a service is closed.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from servicecharter import examples
    >>> charter = examples.load("technical-support")
    >>> easter_monday = dt.datetime(2026, 4, 6, 10, tzinfo=ZoneInfo("Europe/Paris"))
    >>> assert_closed(charter, easter_monday)
    >>> assert_closed(charter, easter_monday.replace(day=7))
    Traceback (most recent call last):
    ...
    AssertionError: open at Tue 7 Apr 10:00 CEST; closes next Tue 7 Apr 12:00 CEST
    """
    __tracebackhide__ = True  # pytest shows the test's line, not this one
    cal = _calendar(calendar_or_charter, calendar, engagement)
    instant_us(at)  # one aware datetime, or the library's error
    if not cal.is_open(at):
        return
    closing = cal.next_close(at)
    tz = cal.tz
    year = show_year((at, closing), tz)
    raise AssertionError(
        f"open at {moment(at, tz, year=year)}; "
        f"closes next {moment(closing, tz, year=year)}"
    )
