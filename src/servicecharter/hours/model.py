"""The opening-hours model: weekly ranges, holidays, closures, special days, zone."""

from __future__ import annotations

import bisect
import datetime as dt
import warnings
import zoneinfo
from collections.abc import Container, Iterable, Iterator
from typing import Any, Literal

import attrs

from .._core.units import SUPPORTED_YEARS
from .._core.zone import to_zone
from .._errors import HorizonError, InvalidHoursError, NotationError, NotationWarning
from .holidays import HolidaySource, to_holiday_sources
from .location import to_location
from .notation import parse_rules
from .notation_model import structured_parts
from .notation_tolerant import canonical
from .notation_write import format_hours
from .osm_rules import HoursRule, Piece
from .parsed_hours import from_parts, from_plain, warn_no_holidays
from .parts import (
    AnnualDay,
    ScheduleChange,
    Season,
    SpecialDay,
    to_annual_days,
    to_changes,
    to_closures,
    to_seasons,
    to_special_days,
)
from .ranges import DayRanges, Weekly, to_day_ranges, to_weekly
from .rule_days import HolidayLookup, check_rules, dated, rule_ranges

__all__ = ["OpeningHours", "UnknownPolicy"]

UnknownPolicy = Literal["closed", "open", "error"]


def _to_rules(value: object) -> tuple[HoursRule, ...]:
    """Rules as a tuple, each an ``HoursRule``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidHoursError(
            f"expected a sequence of HoursRule (from OpeningHours.parse), got {value!r}"
        )
    rules = tuple(value)
    for rule in rules:
        if not isinstance(rule, HoursRule):
            raise InvalidHoursError(
                f"expected HoursRule objects (from OpeningHours.parse), got {rule!r}"
            )
    return rules


@attrs.frozen
class OpeningHours:
    """When a service is open: weekly hours in an IANA zone, with exceptions.

    For a given date the first that applies wins: a closure, a special day,
    an annual day, a holiday (``holiday_hours``, closed by default), a season
    naming that weekday (the last one listed wins), then the weekly hours in
    force on that date (the latest ``changes`` entry not after it, else
    ``rules`` when given, else ``weekly``).

    ``rules`` hold opening_hours rules applied in OpenStreetMap order (see
    ``OpeningHours.parse``); with rules, holidays only feed their ``PH``
    selectors and ``holiday_hours`` must be empty. ``unknown`` says what an
    ``unknown`` state or an open end (``18:00+``) counts as: ``"closed"``,
    ``"open"``, or ``"error"`` (the default: such rules are refused).

    >>> hours = OpeningHours(
    ...     {"Mo-Fr": "09:00-12:00,14:00-17:00"},
    ...     "Europe/Paris",
    ...     closures=["2026-08-14"],
    ... )
    >>> [str(r) for r in hours.ranges_on(dt.date(2026, 3, 27))]
    ['09:00-12:00', '14:00-17:00']
    >>> hours.ranges_on(dt.date(2026, 8, 14))
    ()
    """

    weekly: Weekly = attrs.field(converter=to_weekly)
    """The usual hours: a mapping like ``{"Mo-Fr": "09:00-12:00,14:00-17:00"}``
    (keys ``"Mo"``, ``"Mo-Fr"``, ``"Mo,We"`` or 0-6; weekdays left out are closed),
    or seven days' ranges from Monday."""
    tz: zoneinfo.ZoneInfo = attrs.field(converter=to_zone)
    """The IANA time zone the hours are read in: a ``ZoneInfo`` or a name such as
    ``"Europe/Paris"``."""
    holidays: tuple[HolidaySource, ...] = attrs.field(
        default=(), converter=to_holiday_sources
    )
    """Public holidays: a country code like ``"FR"``, a ``PublicHolidays`` or
    ``HolidayDates``, a list of those sources, or a list of ``date`` objects."""
    holiday_hours: DayRanges = attrs.field(default=(), converter=to_day_ranges)
    """The hours on a holiday, like ``"10:00-12:00"``; empty (the default): closed."""
    closures: frozenset[dt.date] = attrs.field(
        default=frozenset(), converter=to_closures
    )
    """Dates closed all day: one or a list of ``date`` or ``"2026-08-14"`` strings."""
    special_days: tuple[SpecialDay, ...] = attrs.field(
        default=(), converter=to_special_days
    )
    """Dated exceptions, one per date: a mapping like ``{"2026-12-24": "09:00-12:00"}``,
    a ``SpecialDay``, or a list of them or of ``(date, ranges)`` pairs."""
    changes: tuple[ScheduleChange, ...] = attrs.field(default=(), converter=to_changes)
    """New weekly hours from a date on, one per date: a ``ScheduleChange``, or a list
    of them or of ``(effective, weekly)`` pairs; kept sorted by date."""
    annual_days: tuple[AnnualDay, ...] = attrs.field(
        default=(), converter=to_annual_days
    )
    """Days of every year with their own hours, one per day: a list of ``AnnualDay``
    or of ``(month, day)`` / ``(month, day, ranges)`` tuples."""
    seasons: tuple[Season, ...] = attrs.field(default=(), converter=to_seasons)
    """Weekly hours for some months of every year: a list of ``Season`` or of
    ``(months, weekly)`` pairs; the last one naming a weekday wins."""
    rules: tuple[HoursRule, ...] = attrs.field(default=(), converter=_to_rules)
    """opening_hours rules in text order, as ``OpeningHours.parse`` reads them;
    empty: the structured parts above say everything."""
    school_holidays: tuple[HolidaySource, ...] = attrs.field(
        default=(), converter=to_holiday_sources, kw_only=True
    )
    """School holidays for the ``SH`` selector of ``rules``: a list of dates or a
    ``HolidayDates`` (the holidays package has no school holidays)."""
    unknown: UnknownPolicy = attrs.field(default="error", kw_only=True)
    """What unknown times of ``rules`` count as: ``"closed"``, ``"open"`` or
    ``"error"`` (refuse rules that have them)."""
    location: tuple[float, float] | None = attrs.field(
        default=None, converter=to_location, kw_only=True
    )
    """Latitude and longitude in degrees (``(48.86, 2.35)``) for the variable
    times of ``rules`` (``sunrise``, ``sunset``, ``dawn``, ``dusk``); None:
    those read as 06:00, 18:00, 05:30 and 18:30, as opening_hours.js reads
    them without a place."""
    _special_map: dict[dt.date, DayRanges] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _annual_map: dict[tuple[int, int], DayRanges] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self, "_special_map", {d.date: d.ranges for d in self.special_days}
        )
        object.__setattr__(
            self, "_annual_map", {(d.month, d.day): d.ranges for d in self.annual_days}
        )
        check_rules(self)
        both = self.closures & {d.date for d in self.special_days}
        if both:
            raise InvalidHoursError(
                f"{min(both)} is both a closure and a special day; keep one"
            )

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        tz: str | zoneinfo.ZoneInfo,
        holidays: Any = (),
        unknown: UnknownPolicy = "error",
        school_holidays: Any = (),
        location: Any = None,
    ) -> OpeningHours:
        """Read the opening_hours notation as OpenStreetMap consumers do.

        Rules separated by ``;`` apply in text order: a later rule that
        selects a date replaces what earlier rules said about it, the part
        after midnight of the previous day's overnight range included. A rule
        after ``,`` adds to the ones before it, one after ``||`` fills the
        times still closed. ``#`` starts a comment. A value the structured
        parts say exactly (``Mo-Fr 09:00-17:00; PH off``) reads as them, any
        other keeps its ``rules``. ``PH`` with no ``holidays`` warns
        (``NotationWarning``): no date would be a holiday. Variable times
        (``sunrise-sunset``, ``(dusk-00:30)``) need ``location=(lat, lon)``;
        without it they warn and read as 06:00, 18:00, 05:30 and 18:30. A
        tolerant form opening_hours.js reads (``Mon-Fri 9am-5pm``) reads as
        its canonical value, with a ``NotationWarning`` naming it; a value
        that even rewritten does not parse raises the strict parser's error.

        >>> hours = OpeningHours.parse(
        ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off; Dec 24 09:00-12:00",
        ...     tz="Europe/Paris",
        ...     holidays="FR",
        ... )
        >>> [str(r) for r in hours.weekly[4]], hours.weekly[5]
        (['09:00-12:00', '14:00-17:00'], ())
        >>> bar = OpeningHours.parse("Fr 22:00-02:00; Sa 10:00-12:00", tz="UTC")
        >>> [str(r) for r in bar.ranges_on(dt.date(2026, 6, 5))]
        ['22:00-24:00']
        """
        holidays = to_holiday_sources(holidays)  # once, not once per check
        school_holidays = to_holiday_sources(school_holidays)
        plain = from_plain(
            cls, text, tz, holidays, unknown=unknown, school_holidays=school_holidays
        )
        if plain is not None:
            return plain
        try:
            rules = parse_rules(text)
        except NotationError as strict:
            fixed = canonical(text)
            try:
                rules = parse_rules(fixed) if fixed is not None else ()
            except NotationError:
                rules = ()
            if not rules:
                raise strict from None
            message = f"read {text!r} as {fixed!r}; write the canonical form"
            warnings.warn(message, NotationWarning, stacklevel=2)
        used = frozenset().union(*(r.selector.holidays_used for r in rules))
        if "SH" in used and not school_holidays:
            raise InvalidHoursError(
                f"{text!r} uses SH (school holidays), and servicecharter has no "
                "school holiday data; pass school_holidays= (a list of dates)"
            )
        if "PH" in used and not holidays:
            warn_no_holidays(text, stacklevel=3)
        if location is None and any(s.variable for r in rules for s in r.spans):
            warnings.warn(
                f"{text!r} has variable times (sunrise, sunset, dawn, dusk) but "
                "no location, so they read as 06:00, 18:00, 05:30 and 18:30; "
                "pass location=(latitude, longitude)",
                NotationWarning,
                stacklevel=2,
            )
        parts = structured_parts(rules)
        if parts is not None and parts.holiday_hours is None and "PH" not in used:
            # Without a PH rule a holiday keeps its weekday's hours, which the
            # structured form (holidays closed by default) says only without
            # holiday sources.
            parts = parts if not holidays else None
        if parts is not None:
            try:
                return from_parts(
                    cls,
                    parts,
                    tz,
                    holidays,
                    unknown=unknown,
                    school_holidays=school_holidays,
                )
            except InvalidHoursError:
                pass  # the structured form refuses it (an overlap): keep the rules
        return cls(
            [()] * 7,
            tz,
            holidays,
            rules=rules,
            unknown=unknown,
            school_holidays=school_holidays,
            location=location,
        )

    def format(self) -> str:
        """Write the hours as opening_hours notation, the inverse of ``parse``.

        ``OpeningHours.parse(h.format(), tz=h.tz, holidays=h.holidays) == h``
        up to normal forms: the zone and holiday sources are not part of the
        text; a closure comes back as a closed special day; seasons naming no
        weekday are left out and neighbouring seasons with the same months
        come back as one. ``PH off`` is written when there are holiday
        sources and no holiday hours. Hours with ``rules`` are written rule
        by rule. Raises ``InvalidHoursError`` for what the notation cannot
        say: schedule changes, times with seconds, and a range crossing
        midnight beside holidays, seasons or dated days (in the notation a
        later rule cuts it after midnight, in the structured form it never is).

        >>> OpeningHours.parse(
        ...     "Mo-Fr 09:00-17:00; Sa 10:00-12:00; Tu 09:00-17:00; PH off; Jan 1 off",
        ...     tz="Europe/Paris",
        ...     holidays="FR",
        ... ).format()
        'Mo-Fr 09:00-17:00; Sa 10:00-12:00; PH off; Jan 01 off'
        >>> OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC").format()
        '24/7'
        >>> OpeningHours(
        ...     {"Mo,We": "22:00-02:00"},
        ...     "UTC",
        ...     seasons=[([11, 12, 1], {"Sa-Su": "10:00-12:00"})],
        ...     closures=["2026-12-28"],
        ... ).format()
        'Mo,We 22:00-02:00; Nov-Jan Sa-Su 10:00-12:00; 2026 Dec 28 off'
        """
        return format_hours(self)

    def weekly_on(self, day: dt.date) -> Weekly:
        """The weekly hours in force on ``day``."""
        _check_date(day)
        index = bisect.bisect_right(self.changes, day, key=lambda c: c.effective)
        return self.changes[index - 1].weekly if index else self.weekly

    def ranges_on(
        self, day: dt.date, holidays: HolidayLookup | None = None
    ) -> DayRanges:
        """The ranges that belong to ``day`` (those crossing midnight included)."""
        _check_date(day)
        if holidays is not None and (
            isinstance(holidays, str | bytes) or not isinstance(holidays, Container)
        ):
            raise InvalidHoursError(
                f"expected a set of holiday dates, got {holidays!r}"
            )
        if holidays is None:
            reach = 1 if self.rules else 0
            years = max(day.year - reach, 1), min(day.year + reach, 9999)
            holidays = self.holiday_dates(*years)
        return self._ranges(day, holidays, {})

    def _ranges(
        self,
        day: dt.date,
        holidays: HolidayLookup,
        cache: dict[dt.date, list[Piece]],
    ) -> DayRanges:
        """The ranges of ``day``; ``cache`` keeps the rules' pieces of dates."""
        if day in self.closures:
            return ()
        fixed = self._special_map.get(day)
        if fixed is None and self._annual_map:
            fixed = self._annual_map.get((day.month, day.day))
        if fixed is not None:
            return fixed
        if day in holidays and not self.rules:
            return self.holiday_hours
        weekday = day.weekday()
        for season in reversed(self.seasons):
            if day.month in season.months and season.weekly[weekday] is not None:
                return season.weekly[weekday]  # type: ignore[return-value]
        if self.rules and not (self.changes and self.changes[0].effective <= day):
            return rule_ranges(self, day, holidays, cache)
        return self.weekly_on(day)[weekday]

    def holiday_dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """All holiday dates of the sources in the years given (inclusive)."""
        dates: set[dt.date] = set()
        for source in self.holidays:
            dates |= source.dates(first_year, last_year)
        return frozenset(dates)

    def days(
        self, first: dt.date, last: dt.date
    ) -> Iterator[tuple[dt.date, DayRanges]]:
        """Each date in [first, last] with its ranges."""
        _check_date(first)
        _check_date(last)
        if self.rules:  # PH +1 day and the neighbours reach the next year
            years = max(first.year - 1, 1), min(last.year + 1, 9999)
            holidays = self.holiday_dates(*years)
        else:
            holidays = self.holiday_dates(first.year, last.year)
        day = first
        one = dt.timedelta(days=1)
        cache: dict[dt.date, list[Piece]] = {}  # pieces shared by neighbours
        while day <= last:
            yield day, self._ranges(day, holidays, cache)
            day += one

    def has_weekly_time(self) -> bool:
        """Whether any weekly hours (current or changed) have open time."""
        weeks = [self.weekly, *(c.weekly for c in self.changes)]
        recurring = any(
            r.state != "closed" and not r.selector.years and not dated(r)
            for r in self.rules
        )
        return recurring or any(day for week in weeks for day in week)


def _check_date(day: object) -> None:
    """A date (not a datetime) given to a method, or the library's error."""
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise InvalidHoursError(
            f"expected a date (datetime.date), got {type(day).__name__} {day!r}"
        )
    if day in (dt.date.min, dt.date.max):  # its neighbours are no dates
        raise HorizonError(
            f"{day} is outside the supported years {SUPPORTED_YEARS}; hours are "
            "read for the dates around a date too"
        )
