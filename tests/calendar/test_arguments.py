"""The calendar's arguments: constructor options, policies, counts, date lists.

An unknown ``roll`` or ``boundary``, a business-day count that is not an
integer or a search bound that is not a positive timedelta raises
``InvalidArgumentError`` (also a ``ValueError``) naming the value and the
allowed ones; a huge count fails promptly; lists of dates let only the
library's errors out.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import warnings
from typing import Any

import numpy as np
import pytest

from servicecharter import (
    BusinessCalendar,
    InvalidArgumentError,
    InvalidHoursError,
    ServiceCharterError,
)
from tests.support.calendars import paris_hours
from tests.support.calls import AWARE, DAY_ARRAY_CALLS, FRIDAY, HOUR, NAIVE, us
from tests.support.messages import assert_message
from tests.support.paths import SRC
from tests.support.zones import PARIS


class TestConstruction:
    def test_calendar_needs_opening_hours(self) -> None:
        with pytest.raises(InvalidHoursError) as info:
            BusinessCalendar("Mo-Fr 09:00-17:00")  # type: ignore[arg-type]
        assert_message(info.value, "str", "OpeningHours.parse")

    @pytest.mark.parametrize(
        "bound", [dt.timedelta(0), -dt.timedelta(days=1), 3653, None]
    )
    def test_search_bound_must_be_a_positive_timedelta(self, bound: Any) -> None:
        with pytest.raises(InvalidArgumentError) as info:
            BusinessCalendar(paris_hours(), search_bound=bound)
        assert_message(info.value, repr(bound))


class TestArguments:
    @pytest.mark.parametrize("roll", ["fwd", "Forward", "", None, ["forward"]])
    def test_unknown_roll(self, cal: BusinessCalendar, roll: Any) -> None:
        for day in (FRIDAY, np.array(["2026-03-27"], dtype="datetime64[D]")):
            with pytest.raises(InvalidArgumentError) as info:
                cal.add_business_days(day, 1, roll=roll)
            assert isinstance(info.value, ValueError)
            assert_message(info.value, repr(roll), "forward", "modifiedpreceding")

    @pytest.mark.parametrize("boundary", ["open", "closing", "", None, "CLOSE"])
    def test_unknown_boundary(self, cal: BusinessCalendar, boundary: Any) -> None:
        for t in (AWARE, us("2026-03-27T09:00")):
            with pytest.raises(InvalidArgumentError) as info:
                cal.add(t, HOUR, boundary=boundary)
            assert_message(info.value, repr(boundary), "'next_open'", "'close'")

    @pytest.mark.parametrize(
        ("n", "needle"),
        [(1.5, "1.5"), ("1", "'1'"), (True, "True"), (np.array([1.0, 2.0]), "float64")],
    )
    def test_business_day_count_not_an_integer(
        self, cal: BusinessCalendar, n: Any, needle: str
    ) -> None:
        with pytest.raises(InvalidArgumentError) as info:
            cal.add_business_days(FRIDAY, n)
        assert_message(info.value, needle)

    def test_huge_business_day_count_fails_promptly(self) -> None:
        # 10**12 business days is far past year 9998: HorizonError, at once.
        # Run in a child process so that a hang fails this test, not the suite.
        code = textwrap.dedent(
            """
            import datetime as dt
            from servicecharter import BusinessCalendar, HorizonError, OpeningHours
            cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
            for n in (10**12, -10**12):
                try:
                    cal.add_business_days(dt.date(2026, 3, 27), n)
                except HorizonError:
                    pass
                else:
                    raise SystemExit("no HorizonError")
            """
        )
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        try:
            done = subprocess.run(
                [sys.executable, "-c", code],
                env=env,
                timeout=6,
                capture_output=True,
                text=True,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail("add_business_days(day, 10**12) did not finish within 6 s")
        assert done.returncode == 0, done.stderr


class TestDayLists:
    @pytest.mark.parametrize(
        "values",
        [["not a date"], [1.5], [AWARE], [NAIVE], [dt.timedelta(days=1)], [None, "x"]],
        ids=["text", "float", "aware", "naive", "timedelta", "none-text"],
    )
    def test_day_list_of_odd_items(
        self, cal: BusinessCalendar, values: list[Any]
    ) -> None:
        # Lists of dates are a convenience; whatever is inside, only our
        # errors (no numpy ValueError, no numpy warning) leave.
        escaped = []
        for name, call in sorted(DAY_ARRAY_CALLS.items()):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    call(cal, values)
                except ServiceCharterError:
                    pass
                except Exception as error:  # collected, reported below
                    escaped.append(f"{name}: {type(error).__name__}: {error}")
        assert not escaped, "\n".join(escaped)

    def test_day_list_of_aware_datetimes_reads_local_dates(
        self, cal: BusinessCalendar
    ) -> None:
        # Saturday 00:30 in Paris is still Friday in UTC: the local date counts.
        saturday = dt.datetime(2026, 3, 28, 0, 30, tzinfo=PARIS)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert cal.is_business_day(saturday) is False
            assert cal.is_business_day([saturday]).tolist() == [False]
