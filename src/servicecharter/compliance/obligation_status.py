"""Where a charter's recurring obligations stand, given the dates they were done."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence

import attrs
import numpy as np

from .._errors import InvalidArgumentError
from ..charter import Charter, RecurringObligation
from ..charter.charter import checked_charter
from ..charter.fields import day_argument

__all__ = ["ObligationStatus", "obligations_status"]


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


def _missed(due: list[dt.date], done: list[dt.date], start: dt.date) -> list[dt.date]:
    """The due dates with no done date after the previous one, up to them.

    One search in the sorted done dates per due date, where comparing every
    pair made a century of a daily rule take seconds.
    """
    if not due:
        return []
    ordinal = np.array([d.toordinal() for d in done], dtype=np.int64)
    ends = np.array([d.toordinal() for d in due], dtype=np.int64)
    begins = np.concatenate(([start.toordinal() - 1], ends[:-1]))
    found = np.searchsorted(ordinal, ends, "right") - np.searchsorted(
        ordinal, begins, "right"
    )
    return [due[i] for i in np.flatnonzero(found == 0).tolist()]


def _status(
    obligation: RecurringObligation, done: list[dt.date], start: dt.date, today: dt.date
) -> ObligationStatus:
    due = obligation.occurrences(start, today)
    missed = _missed(due, done, start)
    last = done[-1] if done else None
    next_due = obligation.next_due(start, last if last is not None else start)
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
    charter = checked_charter(charter)
    start, today = day_argument(start, "start"), day_argument(today, "today")
    if not isinstance(done, Mapping):
        raise InvalidArgumentError(
            f"done must map obligation ids to lists of dates, got {done!r}"
        )
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
        dates: object = done.get(obligation.id, ())
        if isinstance(dates, str | bytes) or not isinstance(dates, Iterable):
            raise InvalidArgumentError(
                f"done[{obligation.id!r}] must be a list of dates, got {dates!r}"
            )
        days = sorted(day_argument(d, f"done[{obligation.id!r}]") for d in dates)
        if days and not (start <= days[0] and days[-1] <= today):
            raise InvalidArgumentError(
                f"done dates of {obligation.id!r} must lie in [{start}, {today}], "
                f"got {days[0]} .. {days[-1]}"
            )
        out.append(_status(obligation, days, start, today))
    return tuple(out)
