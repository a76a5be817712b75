"""servicecharter: service-level commitments as typed, computable objects.

Opening hours, business-time deadlines and business days, for one request or
millions at once.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from servicecharter import BusinessCalendar, OpeningHours
>>> hours = OpeningHours.parse(
...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
... )
>>> cal = BusinessCalendar(hours)
>>> call = dt.datetime(2026, 4, 5, 18, 0, tzinfo=ZoneInfo("Europe/Paris"))
>>> cal.add(call, dt.timedelta(hours=1)).isoformat()
'2026-04-07T10:00:00+02:00'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import (
    HorizonError,
    InvalidArgumentError,
    InvalidCharterError,
    InvalidDurationError,
    InvalidHoursError,
    InvalidInstantError,
    InvalidRequestError,
    InvalidRuleError,
    MissingDependencyError,
    NaiveDatetimeError,
    NoOpenTimeError,
    NotationError,
    NotationWarning,
    NotBusinessDayError,
    ServiceCharterError,
    ServiceCharterWarning,
    UnknownCalendarError,
    UnknownCountryError,
    UnknownEngagementError,
    UnknownExampleError,
    UnknownTimeZoneError,
)

if TYPE_CHECKING:  # loaded on first use at run time: see __getattr__
    from . import examples
    from ._render import explain, render
    from .calendar import Boundary, BusinessCalendar, CombinedHours, Roll
    from .charter import (
        Channel,
        ChannelKind,
        Charter,
        ClientDuty,
        Commitment,
        DurationCap,
        Engagement,
        Objective,
        RecurringObligation,
        Revision,
    )
    from .compliance import (
        Evaluation,
        ObligationStatus,
        Problem,
        evaluate,
        obligations_status,
    )
    from .hours import (
        AnnualDay,
        FinancialHolidays,
        HolidayDates,
        OpeningHours,
        PublicHolidays,
        ScheduleChange,
        Season,
        SpecialDay,
        TimeRange,
    )
    from .io import dump, dumps, load, loads, schema
    from .rules import (
        BusinessDayAt,
        BusinessDays,
        BusinessDuration,
        CalendarPeriod,
        CutOff,
        EarliestOf,
        EndOfPeriod,
        LatestOf,
        NextOpening,
        Rule,
        SameBusinessDay,
        parse_rule,
    )

__version__ = "0.2.0.dev0"

# Everything but the exceptions loads on first use (PEP 562), so importing the
# package, or its pytest plugin, costs nothing until a name is used. A name is
# looked up in the facades' ``__all__``, lowest layer first; the names
# themselves are written once above (for type checkers) and in ``__all__``.
_FACADES = (
    ".hours",
    ".calendar",
    ".rules",
    ".charter",
    ".compliance",
    ".io",
    "._render",
)


def __getattr__(name: str) -> Any:
    if name == "examples":
        value: Any = importlib.import_module(".examples", __name__)
    elif name in __all__:
        value = _from_facades(name)
    else:
        raise AttributeError(f"module 'servicecharter' has no attribute {name!r}")
    globals()[name] = value
    return value


def _from_facades(name: str) -> Any:
    for facade in _FACADES:
        module = importlib.import_module(facade, __name__)
        if name in module.__all__:
            return getattr(module, name)
    raise AttributeError(f"module 'servicecharter' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The public names only: not this module's own imports (importlib, Any,
    # TYPE_CHECKING, annotations) nor whichever subpackages are loaded yet.
    return sorted(__all__)


__all__ = [
    "AnnualDay",
    "Boundary",
    "BusinessCalendar",
    "BusinessDayAt",
    "BusinessDays",
    "BusinessDuration",
    "CalendarPeriod",
    "Channel",
    "ChannelKind",
    "Charter",
    "ClientDuty",
    "CombinedHours",
    "Commitment",
    "CutOff",
    "DurationCap",
    "EarliestOf",
    "EndOfPeriod",
    "Engagement",
    "Evaluation",
    "FinancialHolidays",
    "HolidayDates",
    "HorizonError",
    "InvalidArgumentError",
    "InvalidCharterError",
    "InvalidDurationError",
    "InvalidHoursError",
    "InvalidInstantError",
    "InvalidRequestError",
    "InvalidRuleError",
    "LatestOf",
    "MissingDependencyError",
    "NaiveDatetimeError",
    "NextOpening",
    "NoOpenTimeError",
    "NotBusinessDayError",
    "NotationError",
    "NotationWarning",
    "Objective",
    "ObligationStatus",
    "OpeningHours",
    "Problem",
    "PublicHolidays",
    "RecurringObligation",
    "Revision",
    "Roll",
    "Rule",
    "SameBusinessDay",
    "ScheduleChange",
    "Season",
    "ServiceCharterError",
    "ServiceCharterWarning",
    "SpecialDay",
    "TimeRange",
    "UnknownCalendarError",
    "UnknownCountryError",
    "UnknownEngagementError",
    "UnknownExampleError",
    "UnknownTimeZoneError",
    "__version__",
    "dump",
    "dumps",
    "evaluate",
    "examples",
    "explain",
    "load",
    "loads",
    "obligations_status",
    "parse_rule",
    "render",
    "schema",
]
