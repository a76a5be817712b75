"""Shared test configuration: hypothesis profiles and the shared calendar.

Pick a profile with ``HYPOTHESIS_PROFILE=dev pytest``; CI uses ``ci``.
Zones, calendars and other helpers to import live in ``tests/support/``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from servicecharter import BusinessCalendar
from tests.support.calendars import paris_calendar

settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    """The Paris desk: 9-12 and 14-17 on weekdays, French holidays (per module)."""
    return paris_calendar()
