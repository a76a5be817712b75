"""``assert_open`` and ``assert_closed``: is a calendar open at an instant?"""

from __future__ import annotations

import datetime as dt

from .._core.convert import instant_us
from .._errors import InvalidArgumentError
from .._render.en_moments import moment, show_year
from ..calendar import BusinessCalendar
from ..charter import Charter

__all__ = ["assert_closed", "assert_open"]


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
