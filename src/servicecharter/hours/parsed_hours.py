"""Building ``OpeningHours`` from what ``OpeningHours.parse`` read.

The structured parts a value says (``notation_model``, ``notation_plain``)
become the model's fields here. A value of weekly hours only, the common
case, is built field by field: its days were read and checked once, so it
skips the constructor's converters, which would read them again. The
checks the model makes on any value (a night running into the next day's
hours, the rules and zone) still run.
"""

from __future__ import annotations

import warnings
from typing import Any, TypeVar, cast

from .._core.zone import to_zone
from .._errors import InvalidHoursError, NotationWarning
from .holidays import HolidaySource, to_holiday_sources
from .notation_model import StructuredParts
from .notation_plain import plain_parts
from .parts import AnnualDay, Season, SpecialDay
from .ranges import DayRanges, TimeRange, _no_spill_overlap, to_day_ranges

Hours = TypeVar("Hours")
"""``OpeningHours``, passed in by its own methods (this module is below it)."""

__all__ = ["from_parts", "from_plain", "warn_no_holidays"]

# The fields of a weekly value beside its weekly hours, zone and holidays.
_WEEKLY_ONLY: dict[str, object] = {
    "closures": frozenset(),
    "special_days": (),
    "changes": (),
    "annual_days": (),
    "seasons": (),
    "rules": (),
    "location": None,
}


def warn_no_holidays(text: str, stacklevel: int) -> None:
    """Warn the caller of ``OpeningHours.parse`` that PH names no date."""
    warnings.warn(
        f"{text!r} names PH but no holidays are given, so no date is a "
        "holiday; pass holidays='FR' (a country) or a list of dates",
        NotationWarning,
        stacklevel=stacklevel,
    )


def from_parts(
    cls: type[Hours],
    parsed: StructuredParts,
    tz: Any,
    holidays: Any,
    *,
    unknown: str,
    school_holidays: Any,
) -> Hours:
    """The hours the structured parts say; ``InvalidHoursError`` if they cannot."""
    read: dict[Any, DayRanges] = {}  # "Mo-Fr": five days, one reading

    def day(ranges: tuple[tuple[int, int], ...]) -> DayRanges:
        found = read.get(ranges)
        if found is None:
            built = tuple(TimeRange(start, end) for start, end in ranges)
            found = read[ranges] = to_day_ranges(built)
        return found

    weekly = tuple(day(ranges) for ranges in parsed.weekly)
    holiday_hours = day(parsed.holiday_hours or ())
    if parsed.special_days or parsed.annual_days or parsed.seasons:
        made: Hours = cast(Any, cls)(
            weekly=weekly,
            tz=tz,
            holidays=holidays,
            holiday_hours=holiday_hours,
            special_days=tuple(SpecialDay(d, r) for d, r in parsed.special_days),
            annual_days=tuple(AnnualDay(m, d, r) for m, d, r in parsed.annual_days),
            seasons=tuple(Season(months, week) for months, week in parsed.seasons),
            unknown=unknown,
            school_holidays=school_holidays,
        )
        return made
    hours = object.__new__(cls)
    fields = {
        "weekly": _no_spill_overlap(weekly),
        "tz": to_zone(tz),
        "holidays": to_holiday_sources(holidays),
        "holiday_hours": holiday_hours,
        "school_holidays": to_holiday_sources(school_holidays),
        "unknown": unknown,
        **_WEEKLY_ONLY,
    }
    for name, value in fields.items():
        object.__setattr__(hours, name, value)
    cast(Any, hours).__attrs_post_init__()
    return hours


def from_plain(
    cls: type[Hours],
    text: str,
    tz: Any,
    holidays: tuple[HolidaySource, ...],
    *,
    unknown: str,
    school_holidays: tuple[HolidaySource, ...],
) -> Hours | None:
    """The hours of a plain weekly value read without the parser, or None.

    None leaves the value to the parser: it is not plain, it names no PH
    while holidays are given (a holiday then keeps its weekday's hours,
    which only rules say), or the weekly table refuses it (a night running
    into the next day's hours).
    """
    plain = plain_parts(text) if type(text) is str else None
    if plain is None or (plain.holiday_hours is None and holidays):
        return None
    try:
        hours = from_parts(
            cls, plain, tz, holidays, unknown=unknown, school_holidays=school_holidays
        )
    except InvalidHoursError:
        return None
    if plain.holiday_hours is not None and not holidays:
        warn_no_holidays(text, stacklevel=4)
    return hours
