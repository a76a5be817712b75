"""The time-semantics contract, rule by rule, with the worked examples."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from servicecharter import (
    BusinessCalendar,
    NaiveDatetimeError,
    NotBusinessDayError,
    OpeningHours,
    ScheduleChange,
)
from tests.support.calendars import calendar
from tests.support.zones import PARIS, paris, utc

H = dt.timedelta(hours=1)
UTC = dt.UTC


def as_utc64(*moments: dt.datetime) -> np.ndarray:
    return np.array(
        [m.astimezone(UTC).replace(tzinfo=None) for m in moments],
        dtype="datetime64[us]",
    )


@pytest.fixture
def nine_to_five() -> BusinessCalendar:
    return calendar({"Mo-Fr": "09:00-17:00"})


@pytest.fixture
def seed() -> BusinessCalendar:
    hours = OpeningHours.parse(
        "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    )
    return BusinessCalendar(hours)


class TestSeedNumbers:
    def test_friday_call_plus_four_business_hours(self, seed: BusinessCalendar) -> None:
        due = seed.add(paris(2026, 3, 27, 16, 30), 4 * H)
        assert due.isoformat() == "2026-03-30T14:30:00+02:00"

    def test_sunday_call_before_easter_monday(self, seed: BusinessCalendar) -> None:
        due = seed.add(paris(2026, 4, 5, 18), H)
        assert due.isoformat() == "2026-04-07T10:00:00+02:00"

    def test_result_is_in_the_calendar_zone(self, seed: BusinessCalendar) -> None:
        due = seed.add(utc(2026, 3, 27, 15, 30), 4 * H)
        assert due.tzinfo == PARIS
        assert due == paris(2026, 3, 30, 14, 30)


class TestInstants:
    def test_naive_datetime_is_refused_with_the_fix(
        self, seed: BusinessCalendar
    ) -> None:
        with pytest.raises(NaiveDatetimeError, match="tzinfo"):
            seed.add(dt.datetime(2026, 3, 27, 16, 30), H)

    def test_numpy_datetime64_is_read_as_utc(self, seed: BusinessCalendar) -> None:
        received = np.array(["2026-03-27T15:30"], dtype="datetime64[m]")
        due = seed.add(received, np.timedelta64(4, "h"))
        assert due.dtype == np.dtype("datetime64[us]")
        assert due[0] == np.datetime64("2026-03-30T12:30", "us")

    def test_any_zone_gives_the_same_instant(self, seed: BusinessCalendar) -> None:
        ny = dt.datetime(2026, 3, 27, 11, 30, tzinfo=ZoneInfo("America/New_York"))
        assert seed.add(ny, 4 * H) == seed.add(paris(2026, 3, 27, 16, 30), 4 * H)

    def test_tz_aware_pandas_series(self, seed: BusinessCalendar) -> None:
        pd = pytest.importorskip("pandas")
        series = pd.Series(
            pd.to_datetime(["2026-03-27 16:30"]).tz_localize("Europe/Paris")
        )
        due = seed.add(series, np.timedelta64(4, "h"))
        assert due[0] == np.datetime64("2026-03-30T12:30", "us")

    def test_shape_is_kept(self, nine_to_five: BusinessCalendar) -> None:
        grid = np.full((2, 3), np.datetime64("2026-03-02T08:00", "us"))
        assert nine_to_five.next_open(grid).shape == (2, 3)


class TestRanges:
    def test_overnight_range_belongs_to_the_day_it_starts(self) -> None:
        cal = calendar({"Fr": "22:00-02:00"})
        assert cal.is_open(paris(2026, 3, 7, 1))  # Saturday 01:00
        assert cal.next_close(paris(2026, 3, 6, 23)) == paris(2026, 3, 7, 2)
        assert cal.is_business_day(dt.date(2026, 3, 6))
        assert not cal.is_business_day(dt.date(2026, 3, 7))

    def test_whole_days_merge(self) -> None:
        cal = calendar({"Mo-Tu": "00:00-24:00"})
        assert cal.next_close(paris(2026, 3, 2, 10)) == paris(2026, 3, 4, 0)
        assert cal.elapsed(paris(2026, 3, 1), paris(2026, 3, 8)) == 48 * H

    def test_intervals_are_half_open(self, nine_to_five: BusinessCalendar) -> None:
        assert nine_to_five.is_open(paris(2026, 3, 2, 9))
        assert not nine_to_five.is_open(paris(2026, 3, 2, 17))
        assert nine_to_five.is_open(
            paris(2026, 3, 2, 16, 59, second=59, microsecond=999999)
        )


class TestAdd:
    """The worked examples of the semantics page."""

    def test_friday_16_plus_one_hour_is_monday_9(
        self, nine_to_five: BusinessCalendar
    ) -> None:
        assert nine_to_five.add(paris(2026, 3, 6, 16), H) == paris(2026, 3, 9, 9)

    def test_reply_in_the_closed_span_is_on_time(
        self, nine_to_five: BusinessCalendar
    ) -> None:
        received, replied = paris(2026, 3, 6, 16), paris(2026, 3, 7, 12)
        assert nine_to_five.elapsed(received, replied) == H
        assert replied <= nine_to_five.add(received, H)

    def test_closing_plus_one_hour(self, nine_to_five: BusinessCalendar) -> None:
        assert nine_to_five.add(paris(2026, 3, 3, 17), H) == paris(2026, 3, 4, 10)

    def test_minus_one_hour(self, nine_to_five: BusinessCalendar) -> None:
        assert nine_to_five.add(paris(2026, 3, 3, 10), -H) == paris(2026, 3, 3, 9)
        assert nine_to_five.add(paris(2026, 3, 3, 9), -H) == paris(2026, 3, 2, 16)

    def test_zero_is_next_open(self, nine_to_five: BusinessCalendar) -> None:
        saturday = paris(2026, 3, 7, 12)
        assert nine_to_five.add(saturday, dt.timedelta(0)) == nine_to_five.next_open(
            saturday
        )

    def test_close_boundary_for_display(self, nine_to_five: BusinessCalendar) -> None:
        due = nine_to_five.add(paris(2026, 3, 6, 16), H, boundary="close")
        assert due == paris(2026, 3, 6, 17)
        inside = nine_to_five.add(paris(2026, 3, 6, 10), H, boundary="close")
        assert inside == paris(2026, 3, 6, 11)

    def test_array_and_scalar_agree(self, seed: BusinessCalendar) -> None:
        moments = [
            paris(2026, 3, 27, 16, 30),
            paris(2026, 4, 5, 18),
            paris(2026, 5, 1, 9),
        ]
        due = seed.add(as_utc64(*moments), np.timedelta64(4, "h"))
        assert due.tolist() == [
            seed.add(m, 4 * H).astimezone(UTC).replace(tzinfo=None) for m in moments
        ]

    def test_durations_broadcast(self, nine_to_five: BusinessCalendar) -> None:
        hours = np.array([1, 2, 9], dtype="timedelta64[h]")
        due = nine_to_five.add(as_utc64(paris(2026, 3, 2, 9))[0], hours)
        assert due.tolist() == [
            paris(2026, 3, 2, h).astimezone(UTC).replace(tzinfo=None) for h in (10, 11)
        ] + [paris(2026, 3, 3, 10).astimezone(UTC).replace(tzinfo=None)]

    def test_long_duration_extends_the_horizon(
        self, nine_to_five: BusinessCalendar
    ) -> None:
        # 8 business hours a day, 5 days a week: 20 years is far past one compiled year.
        due = nine_to_five.add(
            paris(2026, 3, 2, 9), dt.timedelta(hours=8 * 5 * 52 * 20)
        )
        assert 2045 <= due.year <= 2046


class TestSearches:
    def test_next_open_is_t_when_open(self, nine_to_five: BusinessCalendar) -> None:
        t = paris(2026, 3, 2, 10)
        assert nine_to_five.next_open(t) == t

    def test_next_close_is_strictly_after(self, nine_to_five: BusinessCalendar) -> None:
        assert nine_to_five.next_close(paris(2026, 3, 2, 17)) == paris(2026, 3, 3, 17)

    def test_previous_close_is_at_or_before(
        self, nine_to_five: BusinessCalendar
    ) -> None:
        assert nine_to_five.previous_close(paris(2026, 3, 2, 17)) == paris(
            2026, 3, 2, 17
        )
        assert nine_to_five.previous_close(paris(2026, 3, 2, 16)) == paris(
            2026, 2, 27, 17
        )

    def test_open_intervals(self, seed: BusinessCalendar) -> None:
        spans = list(seed.open_intervals(paris(2026, 4, 3, 11), paris(2026, 4, 7, 10)))
        assert spans == [
            (paris(2026, 4, 3, 11), paris(2026, 4, 3, 12)),
            (paris(2026, 4, 3, 14), paris(2026, 4, 3, 17)),
            (paris(2026, 4, 7, 9), paris(2026, 4, 7, 10)),
        ]


class TestHolidaysAndExceptions:
    def test_alsace_moselle_closes_good_friday(self) -> None:
        national = calendar({"Mo-Fr": "09:00-17:00"}, holidays="FR")
        alsace = calendar({"Mo-Fr": "09:00-17:00"}, holidays=_moselle())
        good_friday = dt.date(2026, 4, 3)
        assert national.is_business_day(good_friday)
        assert not alsace.is_business_day(good_friday)

    def test_belgian_holidays(self) -> None:
        cal = calendar({"Mo-Fr": "09:00-17:00"}, tz="Europe/Brussels", holidays="BE")
        assert not cal.is_business_day(dt.date(2026, 7, 21))  # national day

    def test_holiday_hours(self) -> None:
        hours = OpeningHours.parse(
            "Mo-Su 09:00-17:00; PH 10:00-12:00", tz="Europe/Paris", holidays="FR"
        )
        cal = BusinessCalendar(hours)
        assert cal.next_open(paris(2026, 7, 14, 8)) == paris(2026, 7, 14, 10)

    def test_explicit_holiday_dates(self) -> None:
        cal = calendar({"Mo-Fr": "09:00-17:00"}, holidays=[dt.date(2026, 3, 4)])
        assert cal.add(paris(2026, 3, 3, 16), 2 * H) == paris(2026, 3, 5, 10)

    def test_closure_and_special_days(self) -> None:
        cal = calendar(
            {"Mo-Fr": "09:00-17:00"},
            closures=["2026-12-28"],
            special_days={"2026-12-24": "09:00-12:00", "2026-12-26": "10:00-12:00"},
        )
        assert cal.next_close(paris(2026, 12, 24, 10)) == paris(2026, 12, 24, 12)
        assert cal.is_business_day(dt.date(2026, 12, 26))  # an exceptional Saturday
        assert cal.next_open(paris(2026, 12, 27, 12)) == paris(2026, 12, 29, 9)

    def test_effective_dated_change(self) -> None:
        change = ScheduleChange("2026-06-01", {"Mo-Fr": "08:00-18:00"})
        cal = calendar({"Mo-Fr": "09:00-17:00"}, changes=[change])
        assert cal.next_open(paris(2026, 5, 29, 7)) == paris(2026, 5, 29, 9)
        assert cal.next_open(paris(2026, 6, 1, 7)) == paris(2026, 6, 1, 8)


def _moselle() -> object:
    from servicecharter import PublicHolidays

    return PublicHolidays("FR", subdiv="57")


ROLLS = [
    "nat",
    "forward",
    "following",
    "backward",
    "preceding",
    "modifiedfollowing",
    "modifiedpreceding",
]


class TestBusinessDays:
    """Differential against numpy.busday_offset / busday_count."""

    @pytest.fixture
    def days(self) -> np.ndarray:
        rng = np.random.default_rng(7)
        start = np.datetime64("2026-01-01", "D")
        return start + rng.integers(0, 2 * 365, 2000).astype("timedelta64[D]")

    @pytest.fixture
    def holidays(self) -> np.ndarray:
        import holidays as hol

        dates = hol.country_holidays("FR", years=range(2025, 2030))
        return np.array(sorted(dates), dtype="datetime64[D]")

    @pytest.mark.parametrize("roll", ROLLS)
    @pytest.mark.parametrize("n", [-7, -1, 0, 1, 3, 40])
    def test_offset_matches_numpy(
        self,
        seed: BusinessCalendar,
        days: np.ndarray,
        holidays: np.ndarray,
        roll: str,
        n: int,
    ) -> None:
        ours = seed.add_business_days(days, n, roll=roll)  # type: ignore[arg-type]
        numpy = np.busday_offset(days, n, roll=roll, holidays=holidays)
        np.testing.assert_array_equal(ours, numpy)

    def test_raise_names_the_date(self, seed: BusinessCalendar) -> None:
        with pytest.raises(NotBusinessDayError, match="2026-04-05"):
            seed.add_business_days(dt.date(2026, 4, 5), 1)

    def test_count_matches_numpy(
        self, seed: BusinessCalendar, days: np.ndarray, holidays: np.ndarray
    ) -> None:
        ends = days[::-1]
        ours = seed.count_business_days(days, ends)
        np.testing.assert_array_equal(
            ours, np.busday_count(days, ends, holidays=holidays)
        )

    def test_is_business_day_matches_numpy(
        self, seed: BusinessCalendar, days: np.ndarray, holidays: np.ndarray
    ) -> None:
        ours = seed.is_business_day(days)
        np.testing.assert_array_equal(ours, np.is_busday(days, holidays=holidays))

    def test_aware_datetime_is_read_as_its_local_date(
        self, seed: BusinessCalendar
    ) -> None:
        # 23:30 UTC on Monday 6 April is Tuesday 01:30 in Paris.
        assert seed.is_business_day(utc(2026, 4, 6, 23, 30))
        assert not seed.is_business_day(utc(2026, 4, 6, 12))

    def test_scalar_results(self, seed: BusinessCalendar) -> None:
        assert seed.add_business_days(dt.date(2026, 4, 3), 1) == dt.date(2026, 4, 7)
        assert seed.count_business_days(dt.date(2026, 4, 8), dt.date(2026, 4, 1)) == -4


class TestAnnualDaysAndSeasons:
    def test_annual_day_every_year_and_over_holidays(self) -> None:
        from servicecharter import AnnualDay

        hours = OpeningHours(
            {"Mo-Fr": "09:00-17:00"},
            "Europe/Paris",
            holidays="FR",
            annual_days=[
                AnnualDay(12, 24, "09:00-12:00"),
                AnnualDay(12, 25, "10:00-11:00"),
            ],
        )
        cal = BusinessCalendar(hours)
        for year in (2026, 2027):
            assert cal.next_close(paris(year, 12, 24, 10)) == paris(year, 12, 24, 12)
        # Christmas is a public holiday, but the annual day names it explicitly.
        assert cal.is_open(paris(2026, 12, 25, 10, 30))

    def test_february_29_only_in_leap_years(self) -> None:
        from servicecharter import AnnualDay

        cal = calendar({}, annual_days=[AnnualDay(2, 29, "10:00-11:00")])
        assert cal.next_open(paris(2027, 1, 1)) == paris(2028, 2, 29, 10)

    def test_bad_annual_day(self) -> None:
        from servicecharter import AnnualDay, InvalidHoursError

        with pytest.raises(InvalidHoursError, match="day 31 does not exist in month 4"):
            AnnualDay(4, 31)

    def test_season_replaces_only_the_days_it_names(self) -> None:
        from servicecharter import Season

        summer = Season([7, 8], {"Mo-Fr": "09:00-12:00"})
        cal = calendar({"Mo-Fr": "09:00-17:00", "Sa": "10:00-12:00"}, seasons=[summer])
        assert cal.next_close(paris(2026, 7, 6, 10)) == paris(2026, 7, 6, 12)
        assert cal.is_open(paris(2026, 7, 4, 11))  # Saturday keeps its hours
        assert cal.next_close(paris(2026, 9, 7, 10)) == paris(2026, 9, 7, 17)

    def test_later_season_wins(self) -> None:
        from servicecharter import Season

        seasons = [Season([7, 8], {"Mo": "09:00-12:00"}), Season([8], {"Mo": "off"})]
        cal = calendar({"Mo-Fr": "09:00-17:00"}, seasons=seasons)
        assert not cal.is_business_day(dt.date(2026, 8, 3))
        assert cal.is_business_day(dt.date(2026, 7, 6))
