"""Hypothesis strategies for opening hours, instants, rules and charters.

Reuse them to property-test code built on servicecharter: random weekly hours
with holidays, closures, special days and schedule changes, in zones chosen
for their awkward daylight-saving rules, and instants that land near the
clock changes on purpose.

``hypothesis`` is a test dependency, so it is imported only when a strategy
is built, never by ``import servicecharter``.

>>> from hypothesis import given, settings
>>> from servicecharter import BusinessCalendar
>>> @settings(max_examples=5, deadline=None)
... @given(hours=opening_hours(), t=instants())
... def test_next_open_is_open(hours, t):
...     cal = BusinessCalendar(hours)
...     assert cal.is_open(cal.next_open(t))
>>> test_next_open_is_open()
"""

from __future__ import annotations

from .charter import charters, deadline_rules
from .hours import day_ranges, opening_hours, time_ranges, valid_week
from .instants import (
    business_durations,
    calendars,
    closed_instants,
    instants,
    open_instants,
)
from .notation import notation_texts
from .zones import ZONES, transitions

__all__ = [
    "ZONES",
    "business_durations",
    "calendars",
    "charters",
    "closed_instants",
    "day_ranges",
    "deadline_rules",
    "instants",
    "notation_texts",
    "open_instants",
    "opening_hours",
    "time_ranges",
    "transitions",
    "valid_week",
]
