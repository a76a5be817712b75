"""Recurring obligation rules: refused when loaded if out of range or never due.

``BYMONTH=13`` loaded and failed later; ``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``
loaded, then ``obligations_status`` ran 22 s and crashed. Both are now an
``InvalidCharterError`` naming the part, in the model and in a file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from servicecharter import InvalidCharterError, RecurringObligation, loads
from tests.support.charter_files import HEAD


class TestRanges:
    @pytest.mark.parametrize(
        ("rule", "part"),
        [
            ("FREQ=YEARLY;BYMONTH=13", "BYMONTH"),
            ("FREQ=YEARLY;BYMONTH=0", "BYMONTH"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY"),
            ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY"),
            ("FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY"),
            ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO"),
            ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY"),
            ("FREQ=MONTHLY;BYDAY=XX", "BYDAY"),
            ("FREQ=DAILY;BYHOUR=24", "BYHOUR"),
            ("FREQ=YEARLY;INTERVAL=99999999999", "INTERVAL"),
        ],
    )
    def test_out_of_range_parts(self, rule: str, part: str) -> None:
        with pytest.raises(InvalidCharterError) as info:
            RecurringObligation("o", "O", rule)
        assert info.value.path == "rrule"
        assert part in str(info.value)

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH",
            "FREQ=MONTHLY;BYDAY=5FR",
            "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1",
            "FREQ=YEARLY;BYYEARDAY=366",
        ],
    )
    def test_rules_that_fall_due_load(self, rule: str) -> None:
        obligation = RecurringObligation("o", "O", rule)
        assert obligation.occurrences(dt.date(2020, 1, 1), dt.date(2036, 1, 1))


class TestNeverDue:
    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
            "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31",
            "FREQ=YEARLY;BYMONTH=2;BYDAY=5MO;BYMONTHDAY=1",
        ],
    )
    def test_refused_when_loaded(self, rule: str) -> None:
        # Loaded, such a rule made obligations_status search to the year 9999.
        with pytest.raises(InvalidCharterError) as info:
            RecurringObligation("o", "O", rule)
        assert "never falls due" in str(info.value)

    def test_in_a_file_the_path_is_named(self) -> None:
        text = (
            HEAD + '[[obligations]]\nid = "o"\ntitle = "O"\n'
            'rrule = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"\n'
        )
        with pytest.raises(InvalidCharterError) as info:
            loads(text)
        assert info.value.path == "obligations[0].rrule"
        assert "never falls due" in info.value.reason
