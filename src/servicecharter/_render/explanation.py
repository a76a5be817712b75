"""``explain``: why a request is due when it is, in words a person can check.

The explanation lists the rule of each objective, the calendar and its zone,
the deadline, the open intervals that the business time runs through, and,
with a response (or ``now``), the business time used and the verdict, with
the same meaning of *met* as ``evaluate``.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from servicecharter import examples
>>> paris = ZoneInfo("Europe/Paris")
>>> charter = examples.load("technical-support")
>>> print(
...     explain(
...         charter,
...         "anomalies",
...         dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris),
...         dt.datetime(2026, 3, 30, 15, 10, tzinfo=paris),
...     )
... )
engagement anomalies: 3/ Assistance téléphonique sur les anomalies
calendar: default, Europe/Paris: Mo-Fr 09:00-12:00,14:00-17:00; PH off
received: Fri 27 Mar 16:30 CET
responded: Mon 30 Mar 15:10 CEST
business time used: 4 h 40 min: Fri 16:30-17:00 (30 min), Mon 09:00-12:00 (3 h), Mon 14:00-15:10 (1 h 10 min)
objective 0: 4 business hours (within 4 business hours)
  deadline: Mon 30 Mar 14:30 CEST
  why: the 4 business hours run Fri 16:30-17:00 (30 min), Mon 09:00-12:00 (3 h), Mon 14:00-14:30 (30 min)
  breached: answered 40 business minutes late
"""  # noqa: E501 (doctest output is one line)

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from .._core.convert import instant_us
from .._errors import InvalidArgumentError, InvalidHoursError
from ..calendar import CombinedHours
from ..charter import Charter
from ..charter.charter import checked_charter
from ..compliance.single_pauses import SinglePauses, check_pauses, measure_pauses
from ..compliance.single_request import Event, request_lines
from ..hours import OpeningHours
from .combined_words import combined_words
from .en import ENGLISH
from .en_cycles import cycle_lines
from .en_moments import business_words, moment, short_duration, show_year
from .en_reasons import MAX_INTERVALS, open_time, pause_lines, verdict, why_lines
from .hours_words import hours_words

__all__ = ["MAX_INTERVALS", "explain"]

_ZERO = dt.timedelta(0)


def _now_instant(now: Any) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if not isinstance(now, dt.datetime):
        raise InvalidArgumentError(f"now must be an aware datetime, got {now!r}")
    return now


def _check_instants(*instants: object) -> None:
    """Each instant given is one aware datetime, or the library's error."""
    for instant in instants:
        if instant is not None:
            instant_us(instant)


def _hours_text(hours: OpeningHours) -> str:
    """The hours in the opening_hours notation, else in English words.

    Some models have no notation (schedule changes, say); their explanation
    must not fail where a deadline, ``evaluate`` and ``render`` work.
    """
    try:
        return hours.format()
    except InvalidHoursError:
        return hours_words(hours, "en")


def explain(
    charter: Charter,
    engagement_id: str,
    received: dt.datetime,
    responded: dt.datetime | None = None,
    *,
    now: dt.datetime | None = None,
    locale: str = "en",
    pauses: Sequence[tuple[dt.datetime, dt.datetime | None]] = (),
    events: Sequence[Event] | None = None,
    attributes: Mapping[str, str] | None = None,
) -> str:
    """A multi-line explanation of the deadlines of one request, and its verdict.

    For each objective of the engagement: the rule in words, the deadline,
    and why it is what it is (the open intervals the business time runs
    through, from ``calendar.open_intervals``). With ``responded``, the
    business time used and, per objective, ``met`` or ``breached`` and by how
    much business time; without it, the request is judged at ``now`` (the
    current time by default) as ``open`` or ``overdue``. Instants are shown on
    the calendar's wall clock with its zone abbreviation; at most
    12 intervals (``MAX_INTERVALS``) are listed per line.

    Only ``locale="en"`` is written for now; other locales raise
    ``InvalidArgumentError``.

    >>> import datetime as dt
    >>> from zoneinfo import ZoneInfo
    >>> from servicecharter import examples
    >>> paris = ZoneInfo("Europe/Paris")
    >>> text = explain(
    ...     examples.load("technical-support"),
    ...     "web-form",
    ...     dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris),
    ...     now=dt.datetime(2026, 3, 30, 10, tzinfo=paris),
    ... )
    >>> print(text)
    engagement web-form: 6/ Espace client sur internet : réponses aux demandes
    calendar: default, Europe/Paris: Mo-Fr 09:00-12:00,14:00-17:00; PH off
    received: Fri 27 Mar 16:30 CET
    not answered at Mon 30 Mar 10:00 CEST; business time used: 1 h 30 min: Fri 16:30-17:00 (30 min), Mon 09:00-10:00 (1 h)
    objective 0: 3 business days (within 3 business days)
      deadline: Wed 1 Apr 17:00 CEST
      why: due within 3 business days; from receipt to the deadline the service is open 18 h 30 min: Fri 16:30-17:00 (30 min), Mon 09:00-12:00 (3 h), Mon 14:00-17:00 (3 h), Tue 09:00-12:00 (3 h), Tue 14:00-17:00 (3 h), Wed 09:00-12:00 (3 h), Wed 14:00-17:00 (3 h)
      open: 17 business hours left
    objective 1: same business day, share 60% (on the same business day)
      deadline: Sat 28 Mar 00:00 CET
      why: due on the same business day; from receipt to the deadline the service is open 30 min: Fri 16:30-17:00 (30 min)
      overdue: 1 business hour past the deadline

    ``pauses`` are (start, end) pairs of aware datetimes, ``end`` None while
    still paused. On a pausable engagement (``Engagement.pausable``) they
    count as in ``evaluate`` (docs/compliance.md): each
    is clipped to [received, responded or ``now``] and listed with its
    business time, overlapping pauses count once, the business time used is
    net of the paused business time and every deadline moves later by it
    (``calendar.add(rule deadline, paused)``; the rule's deadline is shown
    too). On an engagement that is not pausable they are said to be ignored.
    A naive instant raises ``NaiveDatetimeError``, a pause ending before it
    starts ``InvalidArgumentError``.

    With ``events`` ((instant, name) or (instant, name, value) tuples) and
    the request's ``attributes`` at receipt, each objective is told as its
    cycles, measured as ``evaluate`` measures them: when each started and
    stopped, its target, the business time used and paused, its deadline
    and its status.

    >>> import attrs
    >>> pausable = attrs.evolve(
    ...     examples.load("technical-support"),
    ...     engagements=[
    ...         attrs.evolve(e, pausable=True)
    ...         for e in examples.load("technical-support").engagements
    ...     ],
    ... )
    >>> text = explain(
    ...     pausable,
    ...     "anomalies",
    ...     dt.datetime(2026, 3, 27, 14, 30, tzinfo=paris),
    ...     dt.datetime(2026, 3, 30, 11, tzinfo=paris),
    ...     pauses=[
    ...         (
    ...             dt.datetime(2026, 3, 27, 15, tzinfo=paris),
    ...             dt.datetime(2026, 3, 27, 16, tzinfo=paris),
    ...         )
    ...     ],
    ... )
    >>> print(text[text.index("business time used") :])
    business time used net of pauses: 3 h 30 min: Fri 14:30-15:00 (30 min), Fri 16:00-17:00 (1 h), Mon 09:00-11:00 (2 h)
    pauses: 1 business hour paused, left out of the time used and added to each deadline
      paused Fri 27 Mar 15:00 CET to Fri 27 Mar 16:00 CET: 1 business hour
    objective 0: 4 business hours (within 4 business hours)
      rule deadline: Mon 30 Mar 10:30 CEST
      deadline: Mon 30 Mar 11:30 CEST, moved later by the 1 business hour paused
      why: the 4 business hours run Fri 14:30-17:00 (2 h 30 min), Mon 09:00-10:30 (1 h 30 min)
      met: answered with 30 business minutes to spare
    """  # noqa: E501 (doctest output is one line)
    charter = checked_charter(charter)
    _check_instants(received, responded)  # now: by _now_instant, below
    if locale != "en":
        raise InvalidArgumentError(
            f"unknown locale {locale!r}; explain writes 'en' only for now"
        )
    engagement = charter.engagement(engagement_id)
    calendar = charter.calendar_for(engagement_id)
    tz = calendar.tz
    if events is not None:
        return _with_events(
            charter,
            engagement,
            received,
            responded=responded,
            now=now,
            events=events,
            attributes=attributes or {},
        )
    channel = next((c for c in charter.channels if c.id == engagement.channel), None)
    calendar_name = channel.calendar if channel is not None else "default"
    hours = charter.calendars[calendar_name]
    shown = (
        combined_words(hours, charter.calendars, "en", markdown=False)
        if isinstance(hours, CombinedHours)
        else _hours_text(hours)
    )
    if responded is not None and calendar.elapsed(received, responded) < _ZERO:
        raise InvalidArgumentError(
            f"responded ({responded.isoformat()}) is before received "
            f"({received.isoformat()})"
        )
    rule_deadlines: tuple[dt.datetime, ...] = charter.deadlines(engagement_id, received)
    judged_at = responded if responded is not None else _now_instant(now)
    checked = check_pauses(pauses)
    paused: SinglePauses | None = None
    if checked and engagement.pausable:
        paused = measure_pauses(calendar, checked, received, judged_at)
    deadlines = tuple(
        d if paused is None else paused.moved(calendar, d) for d in rule_deadlines
    )
    year = show_year((received, judged_at, *rule_deadlines, *deadlines), tz)

    def at(t: dt.datetime) -> str:
        return moment(t, tz, year=year)

    lines = [
        f"engagement {engagement.id}: {engagement.title}",
        f"calendar: {calendar_name}, {tz}: {shown}",
        f"received: {at(received)}",
    ]
    holes = () if paused is None else paused.union
    used, used_words = open_time(calendar, received, judged_at, holes)
    net = "" if paused is None else " net of pauses"
    if responded is not None:
        lines.append(f"responded: {at(responded)}")
        lines.append(f"business time used{net}: {short_duration(used)}: {used_words}")
    else:
        lines.append(
            f"not answered at {at(judged_at)}; business time used{net}: "
            f"{short_duration(used)}: {used_words}"
        )
    if checked and paused is None:
        lines.append(
            f"pauses: {len(checked)} ignored: engagement {engagement.id} is not "
            "pausable, so its clock runs while waiting on the client "
            "(evaluate ignores them too)"
        )
    elif paused is not None:
        lines.extend(pause_lines(paused, at))
    if not engagement.objectives:
        lines.append(
            "no deadline objective: this engagement bounds durations "
            f"({', '.join(engagement.caps)}) and has no due time"
        )
    for index, (objective, rule_deadline, deadline) in enumerate(
        zip(engagement.objectives, rule_deadlines, deadlines, strict=True)
    ):
        share = "" if objective.share == 1 else f", share {objective.share * 100:g}%"
        lines.append(
            f"objective {index}: {objective.within}{share} "
            f"({ENGLISH.rule(objective.within)})"
        )
        if paused is not None and paused.paused > _ZERO:
            lines.append(f"  rule deadline: {at(rule_deadline)}")
            lines.append(
                f"  deadline: {at(deadline)}, moved later by the "
                f"{business_words(paused.paused)} paused"
            )
        else:
            lines.append(f"  deadline: {at(deadline)}")
        lines.extend(
            why_lines(calendar, objective.within, received, rule_deadline, year)
        )
        lines.append(verdict(calendar, deadline, responded, judged_at))
    return "\n".join(lines)


def _with_events(
    charter: Charter,
    engagement: Any,
    received: dt.datetime,
    *,
    responded: dt.datetime | None,
    now: dt.datetime | None,
    events: Sequence[Event],
    attributes: Mapping[str, str],
) -> str:
    """The cycles of each objective over the request's events, in words."""
    lines = request_lines(
        charter,
        engagement.id,
        received,
        responded,
        events=events,
        attributes=attributes,
        now=now,
    )
    tz = charter.calendar_for(engagement.id).tz

    def at(t: dt.datetime) -> str:
        return moment(t, tz)

    text = [f"engagement {engagement.id}: {engagement.title}"]
    text.append(f"received: {at(received)}")
    if responded is not None:
        text.append(f"responded: {at(responded)}")

    def calendar_of(target: Any) -> Any:
        if target.calendar is None:
            return charter.calendar_for(engagement.id)
        return charter.calendar(target.calendar)

    text.extend(
        cycle_lines(
            engagement, lines, at, list(events), calendar_of=calendar_of, now=now
        )
    )
    return "\n".join(text)
