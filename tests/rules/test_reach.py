"""Rules that reach past the supported years raise ``HorizonError``, never wrap.

Each case was a wrong instant or a bare ``OverflowError`` before: int64
arithmetic wrapped around, or Python's ``datetime`` overflowed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from servicecharter import (
    BusinessCalendar,
    HorizonError,
    InvalidCharterError,
    OpeningHours,
    cli,
)
from servicecharter.io import loads
from servicecharter.rules import CalendarPeriod, NextOpening, parse_rule
from tests.support.zones import paris

RECEIVED = paris(2026, 3, 27, 10)
WORDS = [
    "213503982 days",
    "30500568 weeks",
    "4611686018427387904 days",
    "8000 years",
    "1000000000 hours",
    "10000000 weeks",
    "1000000000000 months",
    "next opening + 99999999 hours",
    "next opening - 99999999 hours",
    "next opening + 70000000 hours",
    "9000 years rolled to next business day",
    "500000 weeks to end of day",
]


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    """Weekdays in Paris, no holidays: every supported year can be compiled."""
    return BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))


def _as_array(t: dt.datetime) -> np.ndarray:
    return np.array([t.astimezone(dt.UTC).replace(tzinfo=None)], "datetime64[us]")


class TestHorizon:
    @pytest.mark.parametrize("words", WORDS)
    def test_scalar(self, cal: BusinessCalendar, words: str) -> None:
        with pytest.raises(HorizonError, match="supported years 2-9998"):
            parse_rule(words).deadline(cal, RECEIVED)

    @pytest.mark.parametrize("words", WORDS)
    def test_array(self, cal: BusinessCalendar, words: str) -> None:
        with pytest.raises(HorizonError, match="supported years 2-9998"):
            parse_rule(words).deadline(cal, _as_array(RECEIVED))

    def test_huge_amount_in_python(self) -> None:
        # Was "Python int too large to convert to C long".
        with pytest.raises(HorizonError):
            CalendarPeriod(10**30, "days")
        with pytest.raises(HorizonError):
            NextOpening(0, dt.timedelta(days=999_999_999))

    def test_backwards_past_year_two(self, cal: BusinessCalendar) -> None:
        early = dt.datetime(3, 1, 5, 10, tzinfo=dt.UTC)
        with pytest.raises(HorizonError, match="before year 2"):
            parse_rule("next opening - 1000 hours").deadline(
                cal, dt.datetime(2, 1, 2, 10, tzinfo=dt.UTC)
            )
        assert parse_rule("1 day").deadline(cal, early) == early + dt.timedelta(days=1)

    def test_the_last_supported_day_still_works(self, cal: BusinessCalendar) -> None:
        start = dt.datetime(9998, 12, 20, 10, tzinfo=dt.UTC)
        due = parse_rule("10 days").deadline(cal, start)
        assert due == dt.datetime(9998, 12, 30, 10, tzinfo=dt.UTC)
        with pytest.raises(HorizonError, match="after the year 9998"):
            parse_rule("12 days").deadline(cal, start)

    def test_a_file_with_such_a_rule_fails_to_load(self) -> None:
        text = """
id = "c"
title = "C"
tz = "Europe/Paris"
[calendars.default]
hours = "Mo-Fr 09:00-17:00"
[[engagements]]
id = "e"
title = "E"
objectives = ["213503982 days"]
"""
        with pytest.raises(InvalidCharterError, match="objectives"):
            loads(text, "toml")


def test_the_command_line_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "far.toml"
    path.write_text(
        'id = "c"\ntitle = "C"\ntz = "Europe/Paris"\n'
        '[calendars.default]\nhours = "Mo-Fr 09:00-17:00"\n'
        '[[engagements]]\nid = "e"\ntitle = "E"\nobjectives = ["8000 years"]\n',
        encoding="utf-8",
    )
    status = cli.main(["deadline", str(path), "e", "2026-03-27T10:00"])
    out, err = capsys.readouterr()
    assert status != 0
    assert out == ""
    assert "supported years 2-9998" in err
    assert "Traceback" not in err
