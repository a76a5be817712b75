"""Assertions for test suites: did a response meet the charter, in business time?

Import them from this module (``from servicecharter.testing import
assert_met``). Each raises an ``AssertionError`` subclass whose message says
what was missed in business time, on the calendar's own clock, so a failing
test reads like the charter it checks:

    anomalies: answered 40 business minutes late: due Mon 30 Mar 14:30 CEST,
    answered Mon 30 Mar 15:10 CEST (received Fri 27 Mar 16:30 CET; 4 business hours)

(one line in the real message). Instants are shown in the zone of the
engagement's calendar with the zone's abbreviation, and English day and month
abbreviations whatever the machine's locale.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from servicecharter import examples
>>> paris = ZoneInfo("Europe/Paris")
>>> charter = examples.load("technical-support")
>>> received = dt.datetime(2026, 3, 27, 16, 30, tzinfo=paris)
>>> assert_met(charter, "anomalies", received, received + dt.timedelta(days=1))
>>> assert_met(
...     charter, "anomalies", received, dt.datetime(2026, 3, 30, 15, 10, tzinfo=paris)
... )
Traceback (most recent call last):
...
servicecharter.testing.SLAMissed: anomalies: answered 40 business minutes late: due Mon 30 Mar 14:30 CEST, answered Mon 30 Mar 15:10 CEST (received Fri 27 Mar 16:30 CET; 4 business hours)
"""  # noqa: E501 (doctest output is one line)

from __future__ import annotations

from .attainment import assert_attainment
from .hours import assert_closed, assert_open
from .met import assert_met
from .misses import AttainmentMissed, SLAMissed

__all__ = [
    "AttainmentMissed",
    "SLAMissed",
    "assert_attainment",
    "assert_closed",
    "assert_met",
    "assert_open",
]

# Failures name themselves by their public path in tracebacks.
for _failure in (AttainmentMissed, SLAMissed):
    _failure.__module__ = __name__
