"""Where a charter's recurring obligations stand, given the dates they were done."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._errors import InvalidArgumentError
from ..charter import Charter, RecurringObligation

__all__ = ["ObligationStatus", "obligations_status"]

_LAST_DAY = dt.date(9999, 12, 31)


@attrs.frozen
class ObligationStatus:
    """One recurring obligation on ``today``, as ``obligations_status`` gives it."""

    id: str
    """The obligation's id."""
    title: str
    """Its title."""
    next_due: dt.date | None
    """The first due date after the last time it was done (after ``start`` if
    never done); None when the rule has no more dates."""
    overdue: bool
    """Whether ``next_due`` is before ``today``."""
    missed: tuple[dt.date, ...]
    """The due dates up to ``today`` with no done date in their window (after
    the previous due date, or from ``start``, up to and including the due date)."""
    last_done: dt.date | None
    """The latest done date, None if never done."""
    longest_gap: dt.timedelta | None
    """The longest gap between ``start`` and the first done date or between
    consecutive done dates; None if never done."""
    since_last: dt.timedelta
    """The time from the last done date (or ``start``) to ``today``."""


def _day(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidArgumentError(
            f"{what} must be a date (not a datetime), got {value!r}"
        )
    return value


def _next_due(
    obligation: RecurringObligation, start: dt.date, after: dt.date
) -> dt.date | None:
    """The first due date strictly after ``after``, widening the search."""
    span = 366
    while True:
        until = min(after + dt.timedelta(days=span), _LAST_DAY)
        found = [d for d in obligation.occurrences(start, until) if d > after]
        if found:
            return found[0]
        if until == _LAST_DAY:
            return None
        span *= 4


def _status(
    obligation: RecurringObligation, done: list[dt.date], start: dt.date, today: dt.date
) -> ObligationStatus:
    due = obligation.occurrences(start, today)
    missed = []
    previous = start - dt.timedelta(days=1)
    for day in due:  # a few dates per obligation: plain Python
        if not any(previous < d <= day for d in done):
            missed.append(day)
        previous = day
    last = done[-1] if done else None
    next_due = _next_due(obligation, start, last if last is not None else start)
    points = [start, *done]
    gaps = [b - a for a, b in itertools.pairwise(points)]
    return ObligationStatus(
        id=obligation.id,
        title=obligation.title,
        next_due=next_due,
        overdue=next_due is not None and next_due < today,
        missed=tuple(missed),
        last_done=last,
        longest_gap=max(gaps) if gaps else None,
        since_last=today - (last if last is not None else start),
    )


def obligations_status(
    charter: Charter,
    done: Mapping[str, Sequence[dt.date]],
    *,
    start: dt.date,
    today: dt.date,
) -> tuple[ObligationStatus, ...]:
    """The status of each of ``charter``'s recurring obligations on ``today``.

    ``done`` maps obligation ids to the dates the obligation was carried out
    (any order; ids left out were never done). ``start`` is the start of the
    service, from which the obligations' rules count. Done dates must lie in
    ``[start, today]``; an unknown id or a misplaced date raises
    ``InvalidArgumentError``.

    >>> import datetime as dt
    >>> from servicecharter import examples, obligations_status
    >>> charter = examples.load("technical-support")
    >>> (survey,) = obligations_status(
    ...     charter,
    ...     {"satisfaction-survey": [dt.date(2021, 5, 3)]},
    ...     start=dt.date(2020, 1, 15),
    ...     today=dt.date(2026, 3, 1),
    ... )
    >>> str(survey.next_due), survey.overdue, [str(d) for d in survey.missed]
    ('2022-01-15', True, ['2024-01-15', '2026-01-15'])
    >>> survey.longest_gap.days, survey.since_last.days
    (474, 1763)
    """
    start, today = _day(start, "start"), _day(today, "today")
    if today < start:
        raise InvalidArgumentError(f"today {today} is before start {start}")
    obligations: tuple[RecurringObligation, ...] = charter.obligations
    known = {o.id for o in obligations}
    unknown = sorted(set(done) - known)
    if unknown:
        raise InvalidArgumentError(
            f"unknown obligation {unknown[0]!r}; known: "
            + ", ".join(repr(o.id) for o in obligations)
        )
    out = []
    for obligation in obligations:
        days = sorted(
            _day(d, f"done[{obligation.id!r}]") for d in done.get(obligation.id, ())
        )
        if days and not (start <= days[0] and days[-1] <= today):
            raise InvalidArgumentError(
                f"done dates of {obligation.id!r} must lie in [{start}, {today}], "
                f"got {days[0]} .. {days[-1]}"
            )
        out.append(_status(obligation, days, start, today))
    return tuple(out)
