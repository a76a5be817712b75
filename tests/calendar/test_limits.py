"""The supported years at both ends, and the bound on the span of one call.

Years 2-9998 are supported: every date of them, every instant of them on the
UTC clock and every wall-clock time of them in the calendar's zone, in
zones from UTC-12 to UTC+14. One call covers at most 400 years of a
calendar: longer spans are refused at once, without compiling them, and
arrays spread over millennia are answered one era at a time, compiling
only the eras they touch. Work is bounded by counting the days compiled,
never by timing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from servicecharter import BusinessCalendar, HorizonError, OpeningHours
from servicecharter.calendar import horizon
from servicecharter.cli import main
from tests.support.messages import assert_message

ZONES = ("UTC", "Europe/Paris", "Etc/GMT+12", "Pacific/Kiritimati", "Etc/GMT-14")
H = dt.timedelta(hours=1)
FIRST, LAST = dt.date(2, 1, 1), dt.date(9998, 12, 31)


def every_day(tz: str) -> BusinessCalendar:
    return BusinessCalendar(OpeningHours({"Mo-Su": "09:00-17:00"}, tz))


def wall(tz: str, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), ZoneInfo(tz))


def utc64(t: dt.datetime) -> np.datetime64:
    return np.datetime64(t.astimezone(dt.UTC).replace(tzinfo=None), "us")


class Counter:
    """Days compiled by a calendar's horizon, counted around compile_hours."""

    def __init__(self) -> None:
        self.days = 0


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counter = Counter()
    real = horizon.compile_hours

    def counting(hours: OpeningHours, first: int, stop: int) -> object:
        counter.days += stop - first
        return real(hours, first, stop)

    monkeypatch.setattr(horizon, "compile_hours", counting)
    return counter


@pytest.mark.parametrize("tz", ZONES)
class TestBothEnds:
    @pytest.mark.parametrize("day", [FIRST, LAST])
    def test_the_date_methods(self, tz: str, day: dt.date) -> None:
        cal = every_day(tz)
        assert cal.day_start(day) == wall(tz, day, 0)
        assert cal.first_open(day) == wall(tz, day, 9)
        assert cal.last_close(day) == wall(tz, day, 17)
        assert cal.is_business_day(day) is True
        days = np.array([day], dtype="datetime64[D]")
        assert cal.day_start(days)[0] == utc64(wall(tz, day, 0))
        assert cal.is_business_day(days).tolist() == [True]

    @pytest.mark.parametrize("day", [FIRST, LAST])
    def test_wall_clock_instants(self, tz: str, day: dt.date) -> None:
        cal = every_day(tz)
        noon, ten = wall(tz, day, 12), wall(tz, day, 10)
        assert cal.is_open(noon) is True
        assert cal.next_open(wall(tz, day, 8)) == wall(tz, day, 9)
        assert cal.next_close(noon) == wall(tz, day, 17)
        assert cal.add(ten, 2 * H) == noon
        assert cal.elapsed(wall(tz, day, 9), wall(tz, day, 17)) == 8 * H
        assert cal.local_date(noon) == day
        t = np.array([utc64(ten), utc64(noon)])
        assert cal.add(t, np.timedelta64(1, "h"))[1] == utc64(wall(tz, day, 13))
        assert cal.elapsed(t[:1], t[1:]).tolist() == [2 * H]

    def test_utc_instants_at_both_ends(self, tz: str) -> None:
        cal = every_day(tz)
        for t in (
            dt.datetime(2, 1, 1, tzinfo=dt.UTC),
            dt.datetime(9998, 12, 31, 23, 59, 59, 999_999, tzinfo=dt.UTC),
        ):
            assert cal.local_date(t) == t.astimezone(ZoneInfo(tz)).date()
            assert cal.is_open(t) == (9 <= t.astimezone(ZoneInfo(tz)).hour < 17)
            array = np.array([utc64(t)])
            local = t.astimezone(ZoneInfo(tz)).date()
            assert cal.local_date(array)[0] == np.datetime64(local, "D")

    def test_beyond_the_ends_is_refused(self, tz: str) -> None:
        cal = every_day(tz)
        for t in (
            dt.datetime(1, 12, 30, 12, tzinfo=dt.UTC),
            dt.datetime(9999, 1, 2, 12, tzinfo=dt.UTC),
        ):
            with pytest.raises(HorizonError) as info:
                cal.is_open(t)
            assert_message(info.value, "2-9998")
        for day in (dt.date(1, 12, 31), dt.date(9999, 1, 1)):
            with pytest.raises(HorizonError):
                cal.day_start(day)

    def test_answers_stop_at_the_last_compiled_day(self, tz: str) -> None:
        cal = every_day(tz)
        # The day after 9998-12-31 is compiled (an instant of 9998 in UTC may
        # fall on it); an answer further on lies outside: HorizonError.
        late = wall(tz, LAST, 18)
        assert cal.next_open(late) == wall(tz, dt.date(9999, 1, 1), 9)
        with pytest.raises(HorizonError) as info:
            cal.add(wall(tz, LAST, 16), 10 * H)
        assert_message(info.value, "outside the supported years 2-9998")
        with pytest.raises(HorizonError):
            cal.add(wall(tz, FIRST, 10), -10 * H)


class TestLongSpans:
    """Item 12: single calls over thousands of years are refused, not compiled."""

    def test_add_of_five_thousand_years_is_refused_at_once(
        self, compiled: Counter
    ) -> None:
        cal = every_day("Europe/Paris")
        t = wall("Europe/Paris", dt.date(2026, 3, 27), 10)
        with pytest.raises(HorizonError) as info:
            cal.add(t, dt.timedelta(days=4999 * 365))
        assert_message(info.value, "more than 400 years after 2026-03-27")
        with pytest.raises(HorizonError):
            cal.add(np.array([utc64(t)]), np.array([-4999 * 365], "m8[D]"))
        assert compiled.days <= 3 * 366  # the first window of the instant only

    def test_count_over_millennia_is_refused_at_once(self, compiled: Counter) -> None:
        cal = every_day("Europe/Paris")
        with pytest.raises(HorizonError) as info:
            cal.count_business_days(dt.date(2, 1, 5), dt.date(9998, 12, 1))
        assert_message(info.value, "at most 400 years")
        assert compiled.days == 0

    def test_elapsed_over_millennia_is_refused_at_once(self, compiled: Counter) -> None:
        cal = every_day("Europe/Paris")
        far = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)
        near = dt.datetime(2026, 3, 27, tzinfo=dt.UTC)
        with pytest.raises(HorizonError) as info:
            cal.elapsed(far, near)
        assert_message(info.value, "at most 400 years")
        with pytest.raises(HorizonError):
            cal.elapsed(np.array([utc64(far)]), np.array([utc64(near)]))
        assert compiled.days == 0

    def test_an_add_that_lands_too_far_stops_at_the_span(
        self, compiled: Counter
    ) -> None:
        # 300 years of business time at 8 hours a day is 900 years away: the
        # horizon grows to the span, then refuses; it never compiles 900.
        cal = every_day("UTC")
        t = dt.datetime(2026, 3, 27, 10, tzinfo=dt.UTC)
        with pytest.raises(HorizonError) as info:
            cal.add(t, dt.timedelta(days=300 * 365))
        assert_message(info.value, "more than 400 years")
        assert compiled.days < 2 * 403 * 366

    def test_a_long_add_within_the_span_is_answered(self) -> None:
        cal = every_day("UTC")
        t = dt.datetime(2026, 3, 27, 10, tzinfo=dt.UTC)
        due = cal.add(t, dt.timedelta(days=100))  # 300 days of 8 hours
        assert cal.elapsed(t, due) == dt.timedelta(days=100)
        assert due.date() == dt.date(2026, 3, 27) + dt.timedelta(days=300)

    def test_arrays_spread_over_millennia_compile_only_their_eras(
        self, compiled: Counter
    ) -> None:
        cal = every_day("Pacific/Kiritimati")
        years = [2, 1700, 2026, 5000, 9998]
        moments = [wall("Pacific/Kiritimati", dt.date(y, 6, 1), 10) for y in years]
        t = np.array([utc64(m) for m in moments] + [np.datetime64("NaT", "us")])
        due = cal.add(t, np.timedelta64(2, "h"))
        assert due[:-1].tolist() == [utc64(m + 2 * H) for m in moments]
        assert np.isnat(due[-1])
        assert cal.is_open(t).tolist() == [True] * len(years) + [False]
        spent = cal.elapsed(t, t + np.timedelta64(10, "h"))
        assert spent[:-1].tolist() == [7 * H] * len(years)
        assert compiled.days < 10 * 6 * 366  # a few years per era, not 10,000
        days = t.astype("datetime64[D]")
        assert cal.count_business_days(days[:-1], days[:-1] + 10).tolist() == [10] * 5


def test_cli_open_at_the_last_supported_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "desk.toml"
    path.write_text(
        'id = "desk"\ntitle = "Desk"\ntz = "Etc/GMT+12"\n\n'
        '[calendars.default]\nhours = "Mo-Su 09:00-17:00"\n',
        encoding="utf-8",
    )
    code = main(["open", str(path), "--at", "9998-12-31T12:00-12:00"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "9998-12-31" in out
