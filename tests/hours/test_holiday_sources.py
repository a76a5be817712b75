"""Holidays as the holidays package offers them: categories, markets, several
countries, the file forms in Python, and closures in iCalendar files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from servicecharter import (
    BusinessCalendar,
    FinancialHolidays,
    HolidayDates,
    HorizonError,
    InvalidHoursError,
    OpeningHours,
    PublicHolidays,
    UnknownCountryError,
    dumps,
    loads,
    render,
)
from servicecharter.io.ical import closed_days, read_closures, write_closures
from tests.support.charter_files import HEAD

NEW_YORK = ZoneInfo("America/New_York")
D = dt.date


class TestCategories:
    def test_bank_holidays_of_belgium(self) -> None:
        bank = PublicHolidays("BE", categories="bank").dates(2026, 2026)
        public = PublicHolidays("BE").dates(2026, 2026)
        assert D(2026, 4, 3) in bank  # Good Friday, a bank holiday only
        assert D(2026, 4, 3) not in public
        both = PublicHolidays("BE", categories=["public", "bank"])
        assert both.categories == ("bank", "public")
        assert both.dates(2026, 2026) == bank | public

    def test_unknown_category_names_the_known_ones(self) -> None:
        with pytest.raises(UnknownCountryError, match="known: public"):
            PublicHolidays("GB", categories="optional")
        with pytest.raises(InvalidHoursError, match="categories must be names"):
            PublicHolidays("FR", categories=[])

    def test_names(self) -> None:
        names = PublicHolidays("US", categories="half_day").names(2026, 2026)
        assert names == {} or all(isinstance(n, str) for n in names.values())
        assert PublicHolidays("FR").names(2026, 2026)[D(2026, 5, 1)] == "Labor Day"


class TestMarkets:
    def test_nyse_closing_days(self) -> None:
        nyse = FinancialHolidays("XNYS")
        days = nyse.dates(2026, 2026)
        assert D(2026, 11, 26) in days  # Thanksgiving
        assert D(2026, 4, 3) in days  # Good Friday
        assert FinancialHolidays("NYSE").dates(2026, 2026) == days

    def test_unknown_market(self) -> None:
        with pytest.raises(UnknownCountryError, match=r"unknown market 'NYC'.*XNYS"):
            FinancialHolidays("NYC")
        with pytest.raises(UnknownCountryError, match="categories"):
            FinancialHolidays("XNYS", categories="bank")

    def test_years_without_data(self) -> None:
        with pytest.raises(HorizonError, match="holidays of XNYS are known"):
            FinancialHolidays("XNYS").dates(1700, 1700)

    def test_half_days_as_special_hours(self) -> None:
        # The exchange closes at 13:00 on its half days: the half days'
        # afternoons, taken away from the usual hours.
        usual = OpeningHours(
            {"Mo-Fr": "09:30-16:00"}, NEW_YORK, holidays=FinancialHolidays("XNYS")
        )
        afternoons = OpeningHours(
            {},
            NEW_YORK,
            holidays=FinancialHolidays("XNYS", categories="half_day"),
            holiday_hours="13:00-24:00",
        )
        nyse = BusinessCalendar(usual) - BusinessCalendar(afternoons)
        friday = dt.datetime(2026, 11, 27, tzinfo=NEW_YORK)
        hours = [
            (o.strftime("%H:%M"), c.strftime("%H:%M"))
            for o, c in nyse.open_intervals(friday, friday + dt.timedelta(days=1))
        ]
        assert hours == [("09:30", "13:00")]
        assert not nyse.is_business_day(D(2026, 11, 26))  # Thanksgiving
        ten = dt.datetime(2026, 11, 27, 12, tzinfo=NEW_YORK)
        assert nyse.add(ten, dt.timedelta(hours=2)) == dt.datetime(
            2026, 11, 30, 10, 30, tzinfo=NEW_YORK
        )


class TestSeveralSourcesAndFileForms:
    def test_several_countries(self) -> None:
        hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Brussels",
                             holidays=["FR", "BE"])  # fmt: skip
        assert [s.country for s in hours.holidays] == ["FR", "BE"]  # type: ignore[union-attr]
        days = hours.holiday_dates(2026, 2026)
        assert D(2026, 7, 14) in days  # France
        assert D(2026, 7, 21) in days  # Belgium

    def test_the_toml_form_in_python(self) -> None:
        hours = OpeningHours(
            {"Mo-Fr": "09:00-17:00"},
            "Europe/London",
            holidays={"country": "GB", "subdiv": "ENG"},
        )
        assert hours.holidays == (PublicHolidays("GB", "ENG"),)
        mixed = OpeningHours(
            {"Mo-Fr": "09:00-17:00"},
            "UTC",
            holidays=[
                {"market": "XNYS"},
                D(2026, 8, 14),
                {"dates": [D(2026, 8, 17)]},
                "FR",
                D(2026, 8, 18),
            ],
        )
        assert mixed.holidays == (
            FinancialHolidays("XNYS"),
            HolidayDates([D(2026, 8, 14), D(2026, 8, 18)]),
            HolidayDates([D(2026, 8, 17)]),
            PublicHolidays("FR"),
        )

    def test_bad_tables(self) -> None:
        with pytest.raises(InvalidHoursError, match="unknown holiday table"):
            OpeningHours({}, "UTC", holidays={"country": "GB", "region": "ENG"})
        with pytest.raises(InvalidHoursError, match="expected a holiday source"):
            OpeningHours({}, "UTC", holidays=[3])

    def test_files_round_trip(self) -> None:
        text = (
            HEAD
            + "[calendars.default]\n"
            + 'hours = "Mo-Fr 09:00-17:00; PH off"\n'
            + 'holidays = [{country = "BE", categories = ["bank", "public"]}, '
            + '{market = "XNYS", categories = ["half_day"]}, "FR"]\n'
        )
        charter = loads(text)
        hours = charter.calendars["default"]
        assert isinstance(hours, OpeningHours)
        assert hours.holidays == (
            PublicHolidays("BE", categories=("bank", "public")),
            FinancialHolidays("XNYS", categories="half_day"),
            PublicHolidays("FR"),
        )
        assert loads(dumps(charter)) == charter
        assert "Belgium (bank, public)" in render(charter, "en")
        assert "XNYS (half_day)" in render(charter, "en")


PARIS_DESK = OpeningHours(
    {"Mo-Fr": "09:00-17:00"},
    "Europe/Paris",
    holidays="FR",
    closures=["2026-08-14"],
    special_days={"2026-05-01": "10:00-12:00", "2026-12-31": "off"},
)


class TestICalendar:
    def test_closed_days(self) -> None:
        days = closed_days(PARIS_DESK, D(2026, 1, 1), D(2026, 12, 31))
        assert days[D(2026, 7, 14)] == "National Day"
        assert days[D(2026, 8, 14)] == days[D(2026, 12, 31)] == "closed"
        assert D(2026, 5, 1) not in days  # a holiday opened by a special day
        assert D(2026, 3, 28) not in days  # a Saturday is closed, not a closure

    def test_round_trip(self, tmp_path: Path) -> None:
        path = tmp_path / "closures.ics"
        data = write_closures(PARIS_DESK, D(2026, 1, 1), D(2026, 12, 31), path)
        assert path.read_bytes() == data
        assert b"SUMMARY:National Day" in data
        expected = set(closed_days(PARIS_DESK, D(2026, 1, 1), D(2026, 12, 31)))
        assert read_closures(path).holidays == expected
        assert read_closures(data.decode()).holidays == expected
        # The same hours give the same file.
        assert write_closures(PARIS_DESK, D(2026, 1, 1), D(2026, 12, 31)) == data

    def test_imported_dates_close_a_calendar(self) -> None:
        data = write_closures(PARIS_DESK, D(2026, 7, 1), D(2026, 8, 31))
        hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris",
                             holidays=read_closures(data))  # fmt: skip
        cal = BusinessCalendar(hours)
        assert not cal.is_business_day(D(2026, 7, 14))
        assert not cal.is_business_day(D(2026, 8, 14))
        assert cal.is_business_day(D(2026, 7, 15))

    def _file(self, *events: str) -> bytes:
        body = "".join(
            f"BEGIN:VEVENT\r\nUID:{i}@test\r\nDTSTAMP:20260101T000000Z\r\n{e}"
            "END:VEVENT\r\n"
            for i, e in enumerate(events)
        )
        return (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + body
            + "END:VCALENDAR\r\n"
        ).encode()

    def test_several_days_repeats_and_exceptions(self) -> None:
        data = self._file(
            "SUMMARY:Summer\r\nDTSTART;VALUE=DATE:20260810\r\n"
            "DTEND;VALUE=DATE:20260813\r\n",
            "SUMMARY:Founders\r\nDTSTART;VALUE=DATE:20260305\r\n"
            "RRULE:FREQ=YEARLY\r\nEXDATE;VALUE=DATE:20270305\r\n",
            "SUMMARY:Gone\r\nDTSTART;VALUE=DATE:20260601\r\nSTATUS:CANCELLED\r\n",
        )
        dates = read_closures(data, years=(2026, 2028)).holidays
        assert dates == {
            D(2026, 8, 10), D(2026, 8, 11), D(2026, 8, 12),
            D(2026, 3, 5), D(2028, 3, 5),
        }  # fmt: skip

    def test_an_endless_repeat_needs_years(self) -> None:
        data = self._file(
            "SUMMARY:Founders\r\nDTSTART;VALUE=DATE:20260305\r\nRRULE:FREQ=YEARLY\r\n"
        )
        with pytest.raises(InvalidHoursError, match="repeats without end"):
            read_closures(data)
        counted = self._file(
            "SUMMARY:Founders\r\nDTSTART;VALUE=DATE:20260305\r\n"
            "RRULE:FREQ=YEARLY;COUNT=2\r\n"
        )
        assert read_closures(counted).holidays == {D(2026, 3, 5), D(2027, 3, 5)}

    def test_timed_events_are_refused(self) -> None:
        data = self._file(
            "SUMMARY:Afternoon off\r\nDTSTART:20261224T120000Z\r\n"
            "DTEND:20261224T170000Z\r\n"
        )
        with pytest.raises(InvalidHoursError, match="'Afternoon off' starts at a time"):
            read_closures(data)

    def test_not_a_calendar(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidHoursError, match="not an iCalendar file"):
            read_closures(b"hello")
        with pytest.raises(InvalidHoursError, match="no DTSTART"):
            read_closures(self._file("SUMMARY:Nothing\r\n"))
