"""Closures as iCalendar files (RFC 5545), with the optional ``icalendar`` package.

``write_closures`` writes the dates opening hours are closed for a holiday
or a closure as all-day events, named as the holiday source names them;
``read_closures`` reads all-day events back as ``HolidayDates`` (an event
of several days gives each of its dates, a yearly or other repeating event
gives its dates within the years asked for). ``icalendar`` is imported only
here, when one of them is called: ``pip install servicecharter[ical]``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from dateutil.rrule import rrulestr

from .._core.optional import optional
from .._errors import InvalidArgumentError, InvalidHoursError
from ..charter.fields import day_argument
from ..hours import HolidayDates, OpeningHours

__all__ = ["read_closures", "write_closures"]

_PRODID = "-//servicecharter//closures//EN"
_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed: same hours, same file


def _icalendar() -> Any:
    return optional("icalendar", "ical")


def closed_days(
    hours: OpeningHours, first: dt.date, last: dt.date
) -> dict[dt.date, str]:
    """Dates in [first, last] closed all day by a holiday or a closure, named.

    A holiday with ``holiday_hours`` is open, so it is not a closure; a
    special day with no hours is one.

    >>> hours = OpeningHours(
    ...     {"Mo-Fr": "09:00-17:00"},
    ...     "Europe/Paris",
    ...     holidays="FR",
    ...     closures=["2026-08-14"],
    ... )
    >>> closed_days(hours, dt.date(2026, 8, 1), dt.date(2026, 8, 31))
    {datetime.date(2026, 8, 14): 'closed', datetime.date(2026, 8, 15): 'Assumption Day'}
    """
    if not isinstance(hours, OpeningHours):
        raise InvalidArgumentError(
            f"hours must be OpeningHours, got {type(hours).__name__}; e.g. "
            "charter.calendars['default']"
        )
    first, last = day_argument(first, "first"), day_argument(last, "last")
    if last < first:
        raise InvalidArgumentError(f"last ({last}) is before first ({first})")
    out: dict[dt.date, str] = {}
    if not hours.holiday_hours:
        for source in hours.holidays:
            for day, name in source.names(first.year, last.year).items():
                if first <= day <= last:
                    out.setdefault(day, name)
    specials = [d.date for d in hours.special_days if not d.ranges]
    for day in sorted({*hours.closures, *specials}):
        if first <= day <= last:
            out[day] = "closed"
    # Only dates the hours really close: a special day may reopen a holiday.
    return {d: out[d] for d in sorted(out) if not hours.ranges_on(d)}


def write_closures(
    hours: OpeningHours,
    first: dt.date,
    last: dt.date,
    path: str | os.PathLike[str] | None = None,
    *,
    name: str = "Closures",
) -> bytes:
    """The closures of ``hours`` in [first, last] as an iCalendar file.

    Each closed date is one all-day event; the file is returned, and written
    to ``path`` when one is given.

    >>> hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris", holidays="FR")
    >>> text = write_closures(hours, dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    >>> [line for line in text.decode().splitlines() if line.startswith("DTSTART")]
    ['DTSTART;VALUE=DATE:20260714']
    """
    icalendar = _icalendar()
    calendar = icalendar.Calendar()
    calendar.add("prodid", _PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for day, summary in closed_days(hours, first, last).items():
        event = icalendar.Event()
        event.add("uid", f"{day.isoformat()}@servicecharter")
        event.add("dtstamp", _STAMP)
        event.add("summary", summary)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    if path is not None:
        Path(path).write_bytes(data)
    return data


def read_closures(
    source: bytes | str | os.PathLike[str], *, years: tuple[int, int] | None = None
) -> HolidayDates:
    """The dates of the all-day events of an iCalendar file, as ``HolidayDates``.

    ``source`` is the file's text (``bytes``, or a ``str`` that starts with
    ``BEGIN:VCALENDAR``) or its path. A repeating event needs ``years``
    (first and last, inclusive) unless it ends by itself. Events with a
    time of day are refused (a closure here is whole dates; give part-day
    hours as special days), cancelled events are left out.

    >>> data = write_closures(
    ...     OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC", holidays="GB"),
    ...     dt.date(2026, 12, 1),
    ...     dt.date(2026, 12, 31),
    ... )
    >>> [d.day for d in sorted(read_closures(data).holidays)]  # 28: Boxing Day observed
    [25, 26, 28]
    """
    icalendar = _icalendar()
    text = _read(source)
    _check_years(years)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as error:
        raise InvalidHoursError(f"not an iCalendar file: {error}") from None
    dates: set[dt.date] = set()
    for event in calendar.walk("VEVENT"):
        if str(event.get("status", "")).upper() == "CANCELLED":
            continue
        dates |= _event_dates(event, years)
    return HolidayDates(dates)


def _read(source: bytes | str | os.PathLike[str]) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str) and source.lstrip().startswith("BEGIN:VCALENDAR"):
        return source.encode()
    if not isinstance(source, str | os.PathLike):
        raise InvalidArgumentError(
            f"source must be an iCalendar file's bytes, its text or its path, "
            f"got {type(source).__name__}"
        )
    return Path(source).read_bytes()


def _check_years(years: object) -> None:
    """``years`` is None or (first, last): whole years, in order."""
    if years is None:
        return
    if isinstance(years, tuple | list) and len(years) == 2:
        first, last = years[0], years[1]
        whole = all(isinstance(y, int) and not isinstance(y, bool) for y in years)
        if whole and 2 <= first <= last <= 9998:
            return
    raise InvalidArgumentError(
        f"years must be (first, last), whole years within 2-9998 with first <= "
        f"last, got {years!r}; e.g. years=(2026, 2027)"
    )


def _event_dates(event: Any, years: tuple[int, int] | None) -> set[dt.date]:
    summary = str(event.get("summary", "(no summary)"))
    start = event.get("dtstart")
    if start is None:
        raise InvalidHoursError(f"event {summary!r} has no DTSTART")
    first = start.dt
    if isinstance(first, dt.datetime) or not isinstance(first, dt.date):
        raise InvalidHoursError(
            f"event {summary!r} starts at a time of day ({first}); closures are "
            "whole dates: make it an all-day event, or give its hours as a "
            "special day"
        )
    length = _length(event, first, summary)
    starts = set(_starts(event, first, years, summary)) | _listed(event, "rdate")
    starts -= _listed(event, "exdate")
    return {s + dt.timedelta(days=i) for s in starts for i in range(length)}


def _length(event: Any, first: dt.date, summary: str) -> int:
    """The days an all-day event lasts: to its DTEND, or its DURATION; else one."""
    end, duration = event.get("dtend"), event.get("duration")
    if end is not None:
        length = (end.dt - first).days
    elif duration is not None:
        span = duration.dt
        if span % dt.timedelta(days=1):
            raise InvalidHoursError(
                f"event {summary!r} lasts {span}, not whole days; closures are "
                "whole dates"
            )
        length = span.days
    else:
        length = 1
    if length < 1:
        raise InvalidHoursError(f"event {summary!r} ends before it starts")
    return int(length)


def _listed(event: Any, key: str) -> set[dt.date]:
    """The dates an event lists under ``key``: its EXDATE or RDATE dates."""
    found = event.get(key)
    lists = found if isinstance(found, list) else [found] if found else []
    out = set()
    for one in lists:
        for value in one.dts:
            day = value.dt
            out.add(day.date() if isinstance(day, dt.datetime) else day)
    return out


def _starts(
    event: Any, first: dt.date, years: tuple[int, int] | None, summary: str
) -> list[dt.date]:
    rule = event.get("rrule")
    if rule is None:
        return [first]
    text = rule.to_ical().decode()
    bounded = "COUNT=" in text or "UNTIL=" in text
    if years is None and not bounded:
        raise InvalidHoursError(
            f"event {summary!r} repeats without end ({text}); pass years=(first, "
            "last) to say which years to read"
        )
    begin = dt.datetime.combine(first, dt.time())
    # Exports often end a rule of dates at a UTC instant: read it as a date.
    text = re.sub(r"(UNTIL=\d{8})(T\d{6}Z?)?", r"\1", text)
    try:
        recurrence = rrulestr(text, dtstart=begin)
    except (ValueError, TypeError) as error:
        raise InvalidHoursError(
            f"event {summary!r} repeats by a rule that cannot be read ({text}): {error}"
        ) from None
    lo = dt.datetime(years[0], 1, 1) if years else begin
    hi = dt.datetime(years[1], 12, 31) if years else dt.datetime(9998, 12, 31)
    return [d.date() for d in recurrence.between(lo, hi, inc=True)]
