"""``assert_met``: did one request meet its engagement's deadline?"""

from __future__ import annotations

import contextlib
import datetime as dt
import operator
from collections.abc import Mapping, Sequence
from typing import Any

from .._core.convert import instant_us
from .._errors import InvalidArgumentError
from .._render.en_moments import business_words
from ..charter import Charter
from ..charter.charter import checked_charter
from ..compliance.single_pauses import check_pauses, measure_pauses
from .events import Event, breached_cycle
from .misses import ZERO, SLAMissed, miss_text

__all__ = ["assert_met"]


def _position(objective: object) -> int:
    """An objective's position: an int, numpy's included, not a bool."""
    if not isinstance(objective, bool):
        with contextlib.suppress(TypeError):
            return operator.index(objective)  # type: ignore[arg-type]
    raise InvalidArgumentError(
        f"objective must be an objective's position in its engagement (an int "
        f"from 0), got {objective!r}"
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
    objective = _position(objective)
    if not 0 <= objective < len(engagement.objectives):
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
    if calendar.elapsed(received, responded) < ZERO or backwards:
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
        if paused.paused > ZERO:
            rule += f"; moved by the {business_words(paused.paused)} paused"
    if instant_us(responded) <= instant_us(deadline):
        return
    name = engagement_id if objective == 0 else f"{engagement_id} objective {objective}"
    text = miss_text(calendar, received, deadline, responded, rule)
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
