"""Variable times: sunrise, sunset, dawn and dusk at a place.

The sun times are compared with a table made by the solar library
opening_hours.js uses (``golden/sun_times.json``, from
``golden/make_sun_times.mjs``): every day of 2026 in five zones, to the
minute. The golden tables compare whole values (``test_golden.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
import zoneinfo
from pathlib import Path

import pytest

from servicecharter import (
    InvalidHoursError,
    NotationError,
    NotationWarning,
    OpeningHours,
)
from servicecharter.hours.sun import event_seconds
from servicecharter.io import dumps, loads

SUN_TIMES = Path(__file__).parent / "golden" / "sun_times.json"
STUTTGART = (48.7758, 9.1829)
MIDSUMMER = dt.date(2026, 6, 21)


def test_sun_times_agree_with_the_reference_to_the_minute() -> None:
    table = json.loads(SUN_TIMES.read_text())
    compared = 0
    for zone_name, lat, lon in table["places"]:
        zone = zoneinfo.ZoneInfo(zone_name)
        for key, *minutes in table["days"][zone_name]:
            day = dt.date(key // 10000, key // 100 % 100, key % 100)
            for event, expected in zip(table["events"], minutes, strict=True):
                if expected is None:
                    continue
                seconds = event_seconds(day, zone, float(lat), float(lon), event)
                assert seconds == expected * 60, (zone_name, day, event)
                compared += 1
    assert compared > 7000


def test_polar_day_has_no_sunset() -> None:
    zone = zoneinfo.ZoneInfo("Arctic/Longyearbyen")
    assert event_seconds(MIDSUMMER, zone, 78.22, 15.65, "sunset") is None


def hours(text: str, **options: object) -> OpeningHours:
    options.setdefault("location", STUTTGART)
    return OpeningHours.parse(text, tz="Europe/Berlin", **options)  # type: ignore[arg-type]


def ranges(text: str, day: dt.date) -> list[str]:
    return [str(r) for r in hours(text).ranges_on(day)]


class TestReading:
    def test_sunrise_to_sunset_moves_with_the_seasons(self) -> None:
        assert ranges("Mo-Su sunrise-sunset", MIDSUMMER) == ["05:20-21:30"]
        assert ranges("Mo-Su sunrise-sunset", dt.date(2026, 12, 21)) == ["08:13-16:29"]

    def test_offsets(self) -> None:
        text = "(sunrise-00:30)-(sunset+01:00)"
        assert ranges(text, MIDSUMMER) == ["04:50-22:30"]

    def test_dawn_and_dusk(self) -> None:
        assert ranges("dawn-dusk", MIDSUMMER) == ["04:37-22:12"]

    def test_a_fixed_end_before_a_variable_start_is_no_range(self) -> None:
        # Sunrise in December is after 08:00: the range is empty that day.
        assert ranges("sunrise-08:00", dt.date(2026, 12, 21)) == []
        assert ranges("sunrise-08:00", MIDSUMMER) == ["05:20-08:00"]

    def test_night_range_ends_at_the_next_sunrise(self) -> None:
        # 21 June 2026: sunset 21:30; 22 June: sunrise 05:20.
        night = hours("sunset-sunrise")
        assert [str(r) for r in night.ranges_on(MIDSUMMER)] == ["21:30-05:20"]

    def test_without_a_place_the_defaults_apply_with_a_warning(self) -> None:
        with pytest.warns(NotationWarning, match=r"location=\(latitude, longitude\)"):
            plain = OpeningHours.parse("sunrise-sunset", tz="Europe/Berlin")
        assert [str(r) for r in plain.ranges_on(MIDSUMMER)] == ["06:00-18:00"]

    def test_a_place_gives_no_warning(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            hours("sunrise-sunset")

    def test_polar_day_falls_back_to_the_defaults(self) -> None:
        svalbard = OpeningHours.parse(
            "sunrise-sunset", tz="Arctic/Longyearbyen", location=(78.22, 15.65)
        )
        assert [str(r) for r in svalbard.ranges_on(MIDSUMMER)] == ["06:00-18:00"]


class TestWriting:
    @pytest.mark.parametrize(
        "text",
        [
            "Mo-Su sunrise-sunset",
            "(sunrise-00:30)-(sunset+01:00)",
            "dawn-dusk",
            "Mo-Fr 08:00-sunset",
            "sunset-sunrise",
            "14:00-sunset+",
        ],
    )
    def test_format_reads_back(self, text: str) -> None:
        first = hours(text, unknown="open")
        again = hours(first.format(), unknown="open")
        days = [MIDSUMMER + dt.timedelta(days=n) for n in range(-3, 200, 7)]
        assert [first.ranges_on(d) for d in days] == [again.ranges_on(d) for d in days]
        assert first.format() == text or "+" in text

    def test_location_in_a_charter_file(self) -> None:
        text = """
id = "kiosk"
title = "Kiosk charter"
tz = "Europe/Berlin"

[calendars.default]
hours = "Mo-Su sunrise-sunset"
location = [48.7758, 9.1829]

[[engagements]]
id = "answers"
title = "Answers at the kiosk"
channel = "kiosk"
[[engagements.objectives]]
within = "1 business hour"

[[channels]]
id = "kiosk"
kind = "counter"
"""
        charter = loads(text)
        calendar = charter.calendars["default"]
        assert calendar.location == STUTTGART
        assert loads(dumps(charter)).calendars["default"] == calendar


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "column", "reason"),
        [
            ("(sunrise 01:00)-sunset", 9, "expected + or - after sunrise"),
            ("(noon+01:00)-sunset", 0, "got '('"),
            ("(sunset+12:00)-sunrise", 8, "under 12:00"),
            ("(sunset+01:00-sunrise", 13, "expected ')'"),
        ],
    )
    def test_column_and_reason(self, text: str, column: int, reason: str) -> None:
        with pytest.raises(NotationError) as info:
            hours(text)
        assert info.value.column == column
        assert reason in info.value.reason

    @pytest.mark.parametrize(
        ("location", "reason"),
        [
            ((91, 0), "latitude 91 is out of range"),
            ((0, -181), "longitude -181 is out of range"),
            ("48,9", "location must be (latitude, longitude)"),
            ((1, 2, 3), "location must be (latitude, longitude)"),
            ({"lat": 1}, "keys lat and lon"),
            ((True, 2), "latitude must be a number"),
        ],
    )
    def test_bad_location(self, location: object, reason: str) -> None:
        with pytest.raises(InvalidHoursError, match=re.escape(reason)):
            hours("sunrise-sunset", location=location)
