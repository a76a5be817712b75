"""The ranges of a date from opening_hours rules, and the checks of rules.

``OpeningHours`` keeps the rules of a value the structured parts cannot say;
these functions give a date's ranges from them (the date's own pieces and
its neighbours', for ranges that cross midnight) and check the rules
against the model's other fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Protocol

from .._errors import InvalidHoursError
from .holidays import HolidaySource
from .osm_rules import HoursRule, Piece, day_pieces, owned_ranges
from .ranges import DayRanges, TimeRange
from .sun import event_seconds

__all__ = ["HolidayLookup", "RuledHours", "check_rules", "dated", "rule_ranges"]

_POLICIES = ("closed", "open", "error")
_ONE_DAY = dt.timedelta(days=1)


class HolidayLookup(Protocol):
    """Holiday dates: anything that answers ``day in holidays``."""

    def __contains__(self, day: object, /) -> bool:
        """Whether ``day`` is a holiday."""
        ...


class RuledHours(Protocol):
    """What these functions read of ``OpeningHours``."""

    @property
    def rules(self) -> tuple[HoursRule, ...]:
        """The opening_hours rules, in text order."""
        ...

    @property
    def unknown(self) -> str:
        """What unknown times count as."""
        ...

    @property
    def school_holidays(self) -> tuple[HolidaySource, ...]:
        """The sources of school holiday dates (``SH``)."""
        ...

    @property
    def location(self) -> tuple[float, float] | None:
        """Latitude and longitude for variable times (``sunrise``), if known."""
        ...

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        """The zone the rules are read in."""
        ...

    @property
    def holiday_hours(self) -> DayRanges:
        """The ranges of a holiday without rules."""
        ...


def rule_ranges(
    hours: RuledHours,
    day: dt.date,
    holidays: HolidayLookup,
    cache: dict[dt.date, list[Piece]],
) -> DayRanges:
    """The ranges ``hours.rules`` give ``day`` (needs its neighbours' too)."""
    lookup = {"PH": holidays}
    if hours.school_holidays:
        years = max(day.year - 1, 1), min(day.year + 1, 9999)
        lookup["SH"] = _school_dates(hours.school_holidays, *years)
    sun = None
    if hours.location is not None:
        lat, lon = hours.location
        zone = hours.tz

        def sun(date: dt.date, event: str) -> int | None:
            return event_seconds(date, zone, lat, lon, event)

    pieces = []
    for offset in (-1, 0, 1):
        date = day + offset * _ONE_DAY
        known = cache.get(date)
        if known is None:
            known = cache[date] = day_pieces(hours.rules, date, lookup, sun)
        pieces.append(known)
    ranges = owned_ranges(*pieces, unknown_open=hours.unknown == "open")
    return tuple(TimeRange(start, end) for start, end in ranges)


def check_rules(hours: RuledHours) -> None:
    """Refuse rules the other fields contradict, or unknown times not allowed."""
    if hours.unknown not in _POLICIES:
        raise InvalidHoursError(
            f"unknown={hours.unknown!r}; use 'closed', 'open' or 'error'"
        )
    if not hours.rules:
        return
    if hours.holiday_hours:
        raise InvalidHoursError(
            "give holiday hours as a PH rule when there are rules, not holiday_hours"
        )
    if hours.unknown == "error" and any(r.has_unknown for r in hours.rules):
        raise InvalidHoursError(
            "the hours have unknown times (unknown, a comment without "
            "open/closed, or an open end like 18:00+); say what they count "
            "as with unknown='closed' or unknown='open'"
        )


@functools.lru_cache(maxsize=64)
def _school_dates(
    sources: tuple[HolidaySource, ...], first_year: int, last_year: int
) -> frozenset[dt.date]:
    """The dates of school holiday sources in the years given."""
    return frozenset().union(*(s.dates(first_year, last_year) for s in sources))


def dated(rule: HoursRule) -> bool:
    """Whether a rule selects only dates of given years."""
    dates = rule.selector.dates
    return bool(dates) and all(getattr(d, "year", None) for d in dates)
