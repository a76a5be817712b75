"""The opening-hours model: weekly ranges, holidays, closures, special days, zone.

``OpeningHours`` is the model a ``BusinessCalendar`` computes over, with its
parts (``TimeRange``, ``SpecialDay``, ``ScheduleChange``, ``AnnualDay``,
``Season``) and holiday sources (``PublicHolidays``, ``FinancialHolidays``,
``HolidayDates``).
``OpeningHours.parse`` reads the opening_hours notation and ``format``
writes it.
"""

from __future__ import annotations

from .holidays import FinancialHolidays, HolidayDates, PublicHolidays
from .model import OpeningHours
from .osm_rules import HoursRule
from .parts import AnnualDay, ScheduleChange, Season, SpecialDay
from .ranges import DayRanges, TimeRange, Weekly

__all__ = [
    "AnnualDay",
    "DayRanges",
    "FinancialHolidays",
    "HolidayDates",
    "HoursRule",
    "OpeningHours",
    "PublicHolidays",
    "ScheduleChange",
    "Season",
    "SpecialDay",
    "TimeRange",
    "Weekly",
]
