"""Recurring obligations: "une enquête annuelle", "tous les deux ans"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from .._core import durations as _durations
from .._errors import InvalidCharterError
from .fields import check_identifier, check_text, day_argument

__all__ = ["RecurringObligation"]

_FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# BY* parts that take numbers: the allowed magnitudes and whether a sign may
# come first (RFC 5545 section 3.3.10); dateutil itself checks none of them.
_RANGES = {
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
    "BYHOUR": (0, 23, False),
    "BYMINUTE": (0, 59, False),
    "BYSECOND": (0, 60, False),
}
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
        if key in parts and len(parts[key]) > 6:
            raise ValueError(f"{key} must be at most 999999")
    for key, (low, high, signed) in _RANGES.items():
        for item in parts[key].split(",") if key in parts else ():
            number = item.lstrip("+-") if signed else item
            if not (number.isdigit() and low <= int(number) <= high):
                sign = "-" if signed else ""
                raise ValueError(
                    f"{key} values are whole numbers in {sign}{low}..{high}, "
                    f"got {item!r}"
                )
    # The nth weekday of a month is at most its 5th; of a year, its 53rd.
    in_months = parts["FREQ"] == "MONTHLY" or "BYMONTH" in parts
    most = 5 if in_months else 53
    for item in parts["BYDAY"].split(",") if "BYDAY" in parts else ():
        nth, day = item[:-2].lstrip("+-"), item[-2:]
        if day not in _WEEKDAYS or (
            nth and not (nth.isdigit() and 1 <= int(nth) <= most)
        ):
            raise ValueError(
                f"BYDAY values are like MO, 1MO or -1FR (at most {most} as "
                f"the nth weekday here), got {item!r}"
            )


def _check_matches(parts: dict[str, str]) -> None:
    """Refuse date filters that no date meets ("BYMONTH=2;BYMONTHDAY=30").

    The dates a year's filters select depend only on the kind of year (its
    length and the weekday of 1 January): 28 years from 2000 hold every kind,
    so a yearly rule with the same filters and no date in them never falls
    due. Rules with BYSETPOS, which selects among a period's dates, are left
    to run.
    """
    if "BYSETPOS" in parts:
        return
    keep = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY")
    filters = {key: parts[key] for key in keep if key in parts}
    if not filters:
        return
    if "BYDAY" in filters and parts["FREQ"] in ("WEEKLY", "DAILY"):
        # An nth weekday means nothing outside months and years.
        filters["BYDAY"] = ",".join(d[-2:] for d in filters["BYDAY"].split(","))
    if parts["FREQ"] == "MONTHLY" and "BYMONTH" not in filters and "BYDAY" in filters:
        return  # "5FR" of a month is not "5FR" of a year: leave it be
    text = ";".join(["FREQ=YEARLY", *(f"{k}={v}" for k, v in filters.items())])
    first = dt.datetime(2000, 1, 1)
    rule = rrulestr(f"{text};UNTIL=20271231", dtstart=first)
    assert isinstance(rule, rrule)
    if rule.after(first, inc=True) is None:
        shown = ";".join(f"{k}={v}" for k, v in filters.items())
        raise ValueError(f"no date ever matches {shown}, so it never falls due")


def _to_rrule(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidCharterError("rrule", value, f"expected {_RRULE_HELP}")
    cleaned = value.strip().upper().removeprefix("RRULE:")
    try:
        parts = _parse_parts(cleaned)
        _check_parts(parts)
        rrulestr(cleaned, dtstart=dt.datetime(2000, 1, 1))
        _check_matches(parts)
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

    def next_due(self, start: dt.date, after: dt.date) -> dt.date | None:
        """The first due date strictly after ``after`` (counted from ``start``).

        None when the rule has no more dates (a COUNT used up, an UNTIL past,
        the last supported year reached).

        >>> survey = RecurringObligation("s", "Survey", "FREQ=YEARLY;COUNT=2")
        >>> survey.next_due(dt.date(2020, 1, 15), dt.date(2020, 6, 1))
        datetime.date(2021, 1, 15)
        >>> print(survey.next_due(dt.date(2020, 1, 15), dt.date(2022, 1, 15)))
        None
        """
        start, after = day_argument(start, "start"), day_argument(after, "after")
        anchor = self._anchor(start)
        if anchor is None:
            return None
        rule = rrulestr(self.rrule, dtstart=_midnight(anchor))
        assert isinstance(rule, rrule)
        if after < anchor:  # the anchor itself may be due (with first_after)
            after = anchor - dt.timedelta(days=1)
        found = rule.after(_midnight(max(after, start)), inc=False)
        return None if found is None else found.date()

    def _anchor(self, start: dt.date) -> dt.date | None:
        """Where the rule starts counting; None past the last supported year."""
        try:
            return start + (self.first_after or relativedelta())
        except (OverflowError, ValueError):
            return None

    def occurrences(self, start: dt.date, until: dt.date) -> list[dt.date]:
        """The due dates from ``start`` (see above) up to ``until`` inclusive."""
        start, until = day_argument(start, "start"), day_argument(until, "until")
        anchor = self._anchor(start)
        if anchor is None or until < anchor:  # past the year 9999: never due
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
