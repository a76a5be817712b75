"""Unknown countries and subdivisions of public holidays: a "did you mean".

The ``holidays`` package names the United Kingdom ``GB`` and Moselle
``57``; a user writes ``UK``, ``France`` or ``moselle``. The error stays
``UnknownCountryError`` and now says which code was probably meant.
"""

from __future__ import annotations

import pytest

from servicecharter import OpeningHours, PublicHolidays, UnknownCountryError
from tests.support.calendars import WEEKLY
from tests.support.messages import assert_message


class TestCountryGuesses:
    @pytest.mark.parametrize(
        ("country", "meant"),
        [
            ("UK", "GB"),
            ("fr", "FR"),
            ("France", "FR"),
            ("united kingdom", "GB"),
            ("GBR", "GB"),
            ("Germany", "DE"),
            ("Belgum", "BE"),
        ],
    )
    def test_did_you_mean(self, country: str, meant: str) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays(country)
        assert_message(info.value, repr(country), f"did you mean {meant!r}", "'FR'")

    def test_through_opening_hours(self) -> None:
        with pytest.raises(UnknownCountryError) as info:
            OpeningHours(WEEKLY, "Europe/London", holidays="UK")
        assert_message(info.value, "'UK'", "did you mean 'GB'")

    @pytest.mark.parametrize("country", ["XX", "", "Q" * 500, 5, None])
    def test_no_guess_without_a_likely_code(self, country: object) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays(country)  # type: ignore[arg-type]
        assert "did you mean" not in str(info.value)


class TestSubdivisionGuesses:
    @pytest.mark.parametrize(
        ("country", "subdiv", "meant"),
        [("FR", "moselle", "57"), ("US", "California", "CA"), ("US", "ny", "NY")],
    )
    def test_did_you_mean(self, country: str, subdiv: str, meant: str) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays(country, subdiv=subdiv)
        assert_message(info.value, repr(subdiv), f"did you mean {meant!r}")

    @pytest.mark.parametrize("subdiv", ["99", 57, ("57",)])
    def test_no_guess_and_the_library_error(self, subdiv: object) -> None:
        with pytest.raises(UnknownCountryError) as info:
            PublicHolidays("FR", subdiv=subdiv)  # type: ignore[arg-type]
        assert "did you mean" not in str(info.value)
        assert_message(info.value, repr(subdiv), "57")
