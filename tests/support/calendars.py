"""The calendars the tests share: the Paris desk, a closed one, any weekly hours.

The Paris desk is the seed charter's support desk: 09:00-12:00 and
14:00-17:00 on weekdays, closed on French public holidays.
"""

from __future__ import annotations

from typing import Any

from servicecharter import BusinessCalendar, OpeningHours

WEEKLY = {"Mo-Fr": "09:00-12:00,14:00-17:00"}


def paris_hours(**kwargs: Any) -> OpeningHours:
    """The Paris desk's hours, with any other fields of ``OpeningHours``."""
    return OpeningHours(WEEKLY, "Europe/Paris", holidays="FR", **kwargs)


def paris_calendar(**kwargs: Any) -> BusinessCalendar:
    """The Paris desk's calendar, with any options of ``BusinessCalendar``."""
    return BusinessCalendar(paris_hours(), **kwargs)


def closed_calendar(**kwargs: Any) -> BusinessCalendar:
    """A calendar that is never open."""
    return BusinessCalendar(OpeningHours({}, "Europe/Paris"), **kwargs)


def calendar(
    weekly: object, tz: str = "Europe/Paris", **kw: object
) -> BusinessCalendar:
    """A calendar of ``weekly`` hours in ``tz``, with any fields of the hours."""
    return BusinessCalendar(OpeningHours(weekly, tz, **kw))  # type: ignore[arg-type]
