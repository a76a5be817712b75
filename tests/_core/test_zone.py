"""Time zones: unknown ones refused, and the DST gap and fold rules.

Business time is real elapsed time: a range over a spring-forward is
shorter, one over a fall-back longer; a time inside a gap moves to the end
of the gap; in a fold an opening takes the earlier instant and a closing the
later one (``servicecharter._core.zone``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzdata

from servicecharter import OpeningHours, UnknownTimeZoneError
from tests.support.calendars import WEEKLY, calendar
from tests.support.messages import assert_message
from tests.support.zones import paris, utc

H = dt.timedelta(hours=1)
UTC = dt.UTC


class TestUnknownZones:
    @pytest.mark.parametrize(
        "zone", ["Mars/Olympus", "Europe/Pariss", "", "../../etc/passwd", "CET+1"]
    )
    def test_unknown_time_zone(self, zone: str) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, repr(zone), "IANA")

    @pytest.mark.parametrize("zone", [5, None, dt.timezone(dt.timedelta(hours=2))])
    def test_time_zone_of_wrong_type(self, zone: object) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)  # type: ignore[arg-type]
        assert_message(info.value, repr(zone), "IANA")

    def test_unknown_time_zone_in_parse(self) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Pariss")
        assert_message(info.value, "'Europe/Pariss'", "IANA")


class TestNamesThatAreNoZones:
    """Folders of tzdata, over-long names and near misses: the library's error."""

    @pytest.mark.parametrize("zone", ["America", "Europe", "America/", "Etc"])
    def test_a_region_of_the_database_is_no_zone(self, zone: str) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, repr(zone), "region", f"'{zone.strip('/')}/")

    @pytest.mark.parametrize("zone", ["A" * 300, "Europe/" + "x" * 5000])
    def test_a_name_too_long_for_the_file_system(self, zone: str) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert_message(info.value, zone[:50], "IANA")
        assert len(str(info.value)) < 400  # the name is cut, not repeated

    @pytest.mark.parametrize(
        ("zone", "meant"),
        [
            ("Europe/Pariss", "Europe/Paris"),
            ("europe/paris", "Europe/Paris"),
            ("paris", "Europe/Paris"),
            ("America/New York", "America/New_York"),
            ("Asia/Kolkatta", "Asia/Kolkata"),
        ],
    )
    def test_did_you_mean(self, zone: str, meant: str) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert_message(info.value, repr(zone), f"did you mean {meant!r}")

    def test_no_guess_for_a_name_like_no_zone(self) -> None:
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, "Mars/Olympus")
        assert "did you mean" not in str(info.value)

    def test_a_zone_read_from_a_file_has_no_name(self) -> None:
        # A charter names its zone: one without an IANA key cannot be written
        # to a file (TOML failed, JSON wrote null) nor pickled.
        path = Path(tzdata.__file__).parent / "zoneinfo" / "Europe" / "Paris"
        with path.open("rb") as handle:
            zone = ZoneInfo.from_file(handle)
        with pytest.raises(UnknownTimeZoneError) as info:
            OpeningHours(WEEKLY, zone)
        assert_message(info.value, "IANA", "'Europe/Paris'")

    def test_an_uncached_zone_is_the_zone_of_its_name(self) -> None:
        # ZoneInfo.no_cache gives a zone unequal to ZoneInfo(key): a model
        # holding one compared unequal to itself read back from its file.
        hours = OpeningHours(WEEKLY, ZoneInfo.no_cache("Europe/Paris"))
        assert hours.tz is ZoneInfo("Europe/Paris")
        assert hours == OpeningHours(WEEKLY, "Europe/Paris")


class TestDaylightSaving:
    """Business time is real elapsed time; gap and fold rules."""

    def test_range_over_spring_forward_is_shorter(self) -> None:
        cal = calendar({"Su": "01:00-04:00"})
        day = (paris(2026, 3, 29, 0), paris(2026, 3, 30, 0))
        assert cal.elapsed(*day) == 2 * H

    def test_range_over_fall_back_is_longer(self) -> None:
        cal = calendar({"Su": "01:00-04:00"})
        day = (paris(2026, 10, 25, 0), paris(2026, 10, 26, 0))
        assert cal.elapsed(*day) == 4 * H

    def test_opening_in_the_gap_moves_to_the_end_of_the_gap(self) -> None:
        cal = calendar({"Su": "02:30-05:00"})
        opened = cal.next_open(paris(2026, 3, 29, 0))
        assert opened == utc(2026, 3, 29, 1)  # 03:00 CEST, the end of the gap
        assert opened.isoformat() == "2026-03-29T03:00:00+02:00"

    def test_closing_in_the_gap_moves_to_the_end_of_the_gap(self) -> None:
        cal = calendar({"Su": "00:00-02:30"})
        assert cal.next_close(paris(2026, 3, 29, 0)) == utc(2026, 3, 29, 1)

    def test_range_inside_the_gap_has_no_time(self) -> None:
        cal = calendar({"Su": "02:00-03:00", "Mo": "09:00-10:00"})
        assert not cal.is_business_day(dt.date(2026, 3, 29))
        assert cal.is_business_day(dt.date(2026, 4, 5))

    def test_fold_opening_takes_the_earlier_instant(self) -> None:
        # Compare in UTC: PEP 495 makes == across zones False inside a fold.
        cal = calendar({"Su": "02:30-05:00"})
        opened = cal.next_open(paris(2026, 10, 25, 0))
        assert opened.astimezone(UTC) == utc(2026, 10, 25, 0, 30)
        assert opened.fold == 0

    def test_fold_closing_takes_the_later_instant(self) -> None:
        cal = calendar({"Su": "00:00-02:30"})
        closed = cal.next_close(paris(2026, 10, 25, 0))
        assert closed.astimezone(UTC) == utc(2026, 10, 25, 1, 30)
        assert closed.fold == 1
        assert cal.elapsed(paris(2026, 10, 25, 0), paris(2026, 10, 26, 0)) == 3.5 * H

    def test_half_hour_shift_of_lord_howe(self) -> None:
        # Lord Howe moves clocks by 30 minutes: 02:00 -> 02:30 on 2026-10-04.
        cal = calendar({"Su": "01:00-04:00"}, tz="Australia/Lord_Howe")
        tz = ZoneInfo("Australia/Lord_Howe")
        start = dt.datetime(2026, 10, 4, tzinfo=tz)
        assert cal.elapsed(start, start + dt.timedelta(days=1)) == 2.5 * H

    def test_kathmandu_quarter_hour_offset(self) -> None:
        cal = calendar({"Mo-Fr": "09:00-17:00"}, tz="Asia/Kathmandu")
        opened = cal.next_open(utc(2026, 3, 2, 0))
        assert opened == utc(2026, 3, 2, 3, 15)
