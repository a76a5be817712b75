"""Holiday sources: unknown countries refused, years the package knows only.

``PublicHolidays`` names the known codes when given an unknown country or
subdivision; past the years the ``holidays`` package covers it raises
``HorizonError`` rather than silently making a public holiday a business day.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from servicecharter import (
    HorizonError,
    OpeningHours,
    PublicHolidays,
    UnknownCountryError,
)
from tests.support.calendars import WEEKLY, paris_calendar
from tests.support.messages import assert_message


class TestCountries:
    @pytest.mark.parametrize("country", ["XX", "ZZ", "France", ""])
    def test_unknown_country(self, country: str) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays(country)
        assert isinstance(info.value, ValueError)
        assert_message(info.value, repr(country), "'FR'")

    def test_unknown_country_through_opening_hours(self) -> None:
        with pytest.raises(UnknownCountryError) as info:
            OpeningHours(WEEKLY, "Europe/Paris", holidays="ZZ")
        assert_message(info.value, "'ZZ'")
        with pytest.raises(UnknownCountryError):
            OpeningHours.parse(
                "Mo-Fr 09:00-17:00; PH off", tz="Europe/Paris", holidays="ZZ"
            )

    def test_unknown_subdivision(self) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays("FR", subdiv="99")
        assert_message(info.value, "'99'", "FR", "57")  # lists the known ones

    def test_known_subdivision_works(self) -> None:
        moselle = PublicHolidays("FR", subdiv="57")
        assert dt.date(2026, 12, 26) in moselle.dates(2026, 2026)


class TestYearsTheHolidaysPackageKnows:
    def test_french_holidays_far_from_today(self) -> None:
        easter_monday = dt.date(1900, 4, 16)
        assert easter_monday.weekday() == 0
        assert paris_calendar().is_business_day(easter_monday) is False

    def test_holidays_unknown_to_the_package_raise(self) -> None:
        # holidays knows France for 1803-2100. Past that it returns no
        # holidays at all, which must not silently make Bastille Day 2200
        # (a Monday) a business day: a clear error instead.
        bastille = dt.date(2200, 7, 14)
        assert bastille.weekday() == 0
        with pytest.raises(HorizonError) as info:
            paris_calendar().is_business_day(bastille)
        assert_message(info.value, "1803-2100", "2200", fix=re.compile("HolidayDates"))
