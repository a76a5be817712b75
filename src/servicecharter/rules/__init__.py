"""Deadline rules: the charter sentences that say when an answer is due.

Each rule computes the deadline of one receipt or of a whole array of them
on a ``BusinessCalendar``; ``parse_rule`` reads rules from words and
``str(rule)`` writes them back.
"""

from __future__ import annotations

from .clock import BusinessDayAt, CutOff
from .combined import EarliestOf, LatestOf, Rule, parse_rule
from .days import BusinessDays, EndOfPeriod, SameBusinessDay
from .periods import BusinessDuration, CalendarPeriod, NextOpening

__all__ = [
    "BusinessDayAt",
    "BusinessDays",
    "BusinessDuration",
    "CalendarPeriod",
    "CutOff",
    "EarliestOf",
    "EndOfPeriod",
    "LatestOf",
    "NextOpening",
    "Rule",
    "SameBusinessDay",
    "parse_rule",
]
