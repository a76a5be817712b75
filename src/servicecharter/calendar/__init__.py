"""``BusinessCalendar``: business-time arithmetic over one ``OpeningHours``.

Scalar and whole-array arithmetic (``add``, ``elapsed``, ``next_open``...),
business days, and the lazily compiled horizon behind them. The calendar's
``kernel`` is the same arithmetic on int64 microseconds, for layers and
integrations that convert their data once. Calendars combine: ``a | b``,
``a & b`` and ``a - b`` (or ``union``, ``intersection``, ``difference`` with
the zone of the result's days) compute over ``CombinedHours``.
"""

from __future__ import annotations

from .algebra import CombinedHours, Hours
from .algebra_ops import difference, intersection, union
from .busdays import Roll, RollToDay
from .business import BusinessCalendar
from .kernel import CalendarKernel
from .types import Boundary

__all__ = [
    "Boundary",
    "BusinessCalendar",
    "CalendarKernel",
    "CombinedHours",
    "Hours",
    "Roll",
    "RollToDay",
    "difference",
    "intersection",
    "union",
]
