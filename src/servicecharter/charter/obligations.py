"""Recurring obligations: "une enquête annuelle", "tous les deux ans"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from .._core import durations as _durations
from .._errors import InvalidCharterError
from .fields import check_identifier, check_text

__all__ = ["RecurringObligation"]

_FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_RRULE_HELP = (
    "an RFC 5545 RRULE like 'FREQ=YEARLY' or 'FREQ=YEARLY;INTERVAL=2' "
    f"(FREQ one of {', '.join(_FREQS)}, no DTSTART)"
)


def _parse_parts(value: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for part in value.split(";"):
        key, sep, item = part.partition("=")
        if not sep or key in parts:
            raise ValueError(f"malformed part {part!r}")
        parts[key] = item
    return parts


def _check_parts(parts: dict[str, str]) -> None:
    if parts.get("FREQ") not in _FREQS:
        raise ValueError(f"FREQ must be one of {', '.join(_FREQS)}")
    if "DTSTART" in parts:
        raise ValueError("DTSTART comes from the start given to occurrences()")
    for key in ("INTERVAL", "COUNT"):
        if key in parts and (not parts[key].isdigit() or int(parts[key]) < 1):
            raise ValueError(f"{key} must be a whole number >= 1")


def _to_rrule(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidCharterError("rrule", value, f"expected {_RRULE_HELP}")
    cleaned = value.strip().upper().removeprefix("RRULE:")
    try:
        _check_parts(_parse_parts(cleaned))
        rrulestr(cleaned, dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise InvalidCharterError(
            "rrule", value, f"{error} in {value!r}; expected {_RRULE_HELP}"
        ) from None
    return cleaned


def _to_first_after(value: Any) -> relativedelta | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = _durations.parse_period(value)
        except ValueError as error:
            raise InvalidCharterError("first_after", value, str(error)) from None
    if not isinstance(value, relativedelta) or not _is_date_period(value):
        raise InvalidCharterError(
            "first_after",
            value,
            f"expected {_durations.PERIOD_HELP}, got {value!r}",
        )
    return value


def _is_date_period(period: relativedelta) -> bool:
    """Whole, non-negative years, months and days only."""
    if period != relativedelta(
        years=period.years, months=period.months, days=period.days
    ):
        return False
    return min(period.years, period.months, period.days) >= 0


@attrs.frozen
class RecurringObligation:
    """Something owed again and again: a survey, a follow-up call, a report.

    ``rrule`` is an RFC 5545 recurrence rule; the dates it gives are due
    dates. Without ``first_after`` the recurrence is anchored at the start
    and the start itself is not a due date, so "at least once every two
    years" is ``FREQ=YEARLY;INTERVAL=2`` and first falls due two years in.
    With ``first_after`` the first due date is the start plus that period
    and the rule repeats from there: "one month after the start of the
    service, and once a year" is ``first_after="1 month"`` with
    ``FREQ=YEARLY``.

    >>> call = RecurringObligation(
    ...     "follow-up", "Follow-up call", "FREQ=YEARLY", first_after="1 month"
    ... )
    >>> [str(d) for d in call.occurrences(dt.date(2026, 1, 15), dt.date(2028, 1, 1))]
    ['2026-02-15', '2027-02-15']
    >>> survey = RecurringObligation("survey", "Survey", "FREQ=YEARLY;INTERVAL=2")
    >>> survey.occurrences(dt.date(2026, 1, 15), dt.date(2030, 12, 31))
    [datetime.date(2028, 1, 15), datetime.date(2030, 1, 15)]
    """

    id: str = attrs.field(validator=check_identifier)
    """The obligation's id, of letters, digits, ``_``, ``.`` or ``-``."""
    title: str = attrs.field(validator=check_text)
    """A short title, the heading of the obligation in the rendered charter."""
    rrule: str = attrs.field(converter=_to_rrule)
    """An RFC 5545 RRULE like ``"FREQ=YEARLY;INTERVAL=2"``: FREQ YEARLY, MONTHLY,
    WEEKLY or DAILY and no DTSTART; an ``RRULE:`` prefix and lower case are read."""
    text: str = attrs.field(default="", validator=check_text)
    """The charter's own words for the obligation; may be empty."""
    first_after: relativedelta | None = attrs.field(
        default=None, converter=_to_first_after
    )
    """When the first falls due after the start: ``"1 month"``, ``"2 weeks"``,
    ``"1 year 6 months"`` or a ``relativedelta`` of whole years, months and days;
    ``None`` (the default): at the rule's first date after the start."""

    def occurrences(self, start: dt.date, until: dt.date) -> list[dt.date]:
        """The due dates from ``start`` (see above) up to ``until`` inclusive."""
        try:
            anchor = start + (self.first_after or relativedelta())
        except (OverflowError, ValueError):  # past the year 9999: never due
            return []
        if until < anchor:
            return []
        rule = rrulestr(self.rrule, dtstart=_midnight(anchor))
        assert isinstance(rule, rrule)
        found = rule.between(_midnight(anchor), _midnight(until), inc=True)
        dates = [d.date() for d in found]
        return (
            dates if self.first_after is not None else [d for d in dates if d > start]
        )


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
