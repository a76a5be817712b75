"""``BusinessCalendar``: business-time arithmetic over one ``OpeningHours``.

Scalar and whole-array arithmetic (``add``, ``elapsed``, ``next_open``...),
business days, and the lazily compiled horizon behind them. The calendar's
``kernel`` is the same arithmetic on int64 microseconds, for layers and
integrations that convert their data once.
"""

from __future__ import annotations

from .busdays import Roll, RollToDay
from .business import BusinessCalendar
from .kernel import CalendarKernel
from .types import Boundary

__all__ = ["Boundary", "BusinessCalendar", "CalendarKernel", "Roll", "RollToDay"]
