"""BusinessCalendar against the brute-force reference of ``tests/support/reference.py``.

Random schedules (``servicecharter.strategies``) in four zones with awkward
clocks, random whole-minute instants clustered around each zone's 2026 DST
transitions (and on the schedule's own openings and closings), durations of
either sign; every operation scalar and array. Plus hand-checked cases that
pin the reference itself.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, NoOpenTimeError, OpeningHours, SpecialDay
from servicecharter.strategies import (
    ZONES,
    business_durations,
    day_ranges,
    instants,
    opening_hours,
    transitions,
)
from tests.support.reference import (
    Reference,
    from_minute,
    scan_closing,
    scan_opening,
    utc_minute,
    wall_minute,
    wall_minutes,
)
from tests.support.zones import PARIS, utc

UTC = dt.UTC
H = dt.timedelta(hours=1)
MIN = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KATHMANDU = ZoneInfo("Asia/Kathmandu")
Y2026 = (dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC))


# Searches the reference may not answer within its window (no closing there):
# the library then answers beyond the window or raises NoOpenTimeError. The
# array test masks those elements with NaT (the scalar test checks them).
FAR_SEARCHES = ("next_close", "previous_close")

REFERENCE_SETTINGS = settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def local(tz: ZoneInfo, *parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=tz)  # type: ignore[misc]


def as_utc(t: dt.datetime) -> dt.datetime:
    return t.astimezone(UTC)


def utc64(moments: list[dt.datetime]) -> np.ndarray:
    return np.array(
        [m.astimezone(UTC).replace(tzinfo=None) for m in moments],
        dtype="datetime64[us]",
    )


def td64(durations: list[dt.timedelta]) -> np.ndarray:
    return np.array(durations, dtype="timedelta64[us]")


def to_utc_datetime(value: np.datetime64) -> dt.datetime:
    us = int(value.astype("datetime64[us]").astype(np.int64))
    return from_minute(0) + dt.timedelta(microseconds=us)


def day_reference(hours: OpeningHours, day: dt.date) -> Reference:
    """A reference covering ``day`` and its neighbours (whole UTC days)."""
    start = dt.datetime.combine(day, dt.time(), UTC)
    return Reference(hours, start - 2 * DAY, start + 3 * DAY)


def one_day(cal: BusinessCalendar, tz: ZoneInfo, day: dt.date) -> dt.timedelta:
    """Business time within the local date ``day``."""
    begin = dt.datetime.combine(day, dt.time(), tz)
    end = dt.datetime.combine(day + DAY, dt.time(), tz)
    return cal.elapsed(begin, end)


# --------------------------------------------------------------- scenarios --


class Oracle:
    """A reference around ``centre``; a much wider one when an answer needs it."""

    def __init__(self, hours: OpeningHours, centre: dt.datetime) -> None:
        self.hours = hours
        centre = as_utc(centre)  # window arithmetic in UTC, not wall clock
        self.centre = centre
        self.near = Reference(hours, centre - 12 * DAY, centre + 12 * DAY)
        self._far: Reference | None = None
        if self.near.fold_start_closings:
            event("a closing at the first reading of a fold")

    @property
    def far(self) -> Reference:
        if self._far is None:
            self._far = Reference(
                self.hours, self.centre - 400 * DAY, self.centre + 400 * DAY
            )
        return self._far

    def check_beyond(self, name: str, got: dt.datetime) -> None:
        """An answer the reference could not give must lie past its window."""
        far = self.far
        if name == "previous_close":
            assert as_utc(got) < from_minute(far.lo), f"{name}: {got} is in the window"
        else:
            assert as_utc(got) > from_minute(far.hi), f"{name}: {got} is in the window"

    def ask(self, name: str, *args: object) -> object:
        value = getattr(self.near, name)(*args)
        if value is None:
            value = getattr(self.far, name)(*args)
        if value is None:
            event(f"reference cannot answer {name} (too far)")
        return value


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[OpeningHours, Oracle, list[dt.datetime], list[dt.timedelta]]:
    """A schedule, an oracle, instants near a DST change, durations."""
    hours = draw(opening_hours(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)))
    zone = hours.tz
    centre = draw(instants(*Y2026, tz=zone, minute_aligned=True))
    oracle = Oracle(hours, centre)
    ref = oracle.near
    # Instants: around the centre, and right on (or next to) resolved range
    # endpoints near it, the places where off-by-one errors live.
    spread = st.integers(-4 * 1440, 4 * 1440).map(lambda m: as_utc(centre) + m * MIN)
    endpoints = sorted(
        {u for _, _, o, c in ref.resolved for u in (o, c) if ref.covers(from_minute(u))}
    )
    near_edge = (
        st.tuples(st.sampled_from(endpoints), st.sampled_from([-1, 0, 0, 1])).map(
            lambda p: from_minute(p[0] + p[1])
        )
        if endpoints
        else spread
    )
    moments = draw(st.lists(st.one_of(spread, near_edge), min_size=1, max_size=8))
    # Read instants in the zone (folds included) or in UTC.
    moments = [m.astimezone(draw(st.sampled_from([zone, UTC]))) for m in moments]
    durations = draw(
        st.lists(business_durations(30), min_size=len(moments), max_size=len(moments))
    )
    return hours, oracle, moments, durations


# ------------------------------------------------------------- self-checks --


class TestReferenceSelfChecks:
    """The reference's fast paths agree with its literal definitions."""

    @pytest.mark.parametrize("zone", ZONES)
    def test_wall_clock_matches_astimezone_around_transitions(self, zone: str) -> None:
        tz = ZoneInfo(zone)
        pivots = transitions(zone, *Y2026) or (utc(2026, 6, 1),)
        for pivot in pivots:
            first = utc_minute(pivot) - 1440
            fast = wall_minutes(first, first + 2880, tz)
            slow = [wall_minute(u, tz) for u in range(first, first + 2880)]
            assert fast.tolist() == slow

    @settings(max_examples=25)
    @given(data=st.data())
    def test_resolution_matches_the_literal_scan(self, data: st.DataObject) -> None:
        zone = ZoneInfo(data.draw(st.sampled_from(ZONES[:3])))
        pivot = data.draw(st.sampled_from(transitions(zone, *Y2026)))
        day = (
            pivot.astimezone(zone).date() + data.draw(st.sampled_from([-1, 0, 0])) * DAY
        )
        ranges = data.draw(day_ranges(min_size=1))
        hours = OpeningHours({}, zone, special_days=[SpecialDay(day, ranges)])
        ref = day_reference(hours, day)
        resolved = [(o, c) for d, _, o, c in ref.resolved if d == day]
        assert len(resolved) == len(ranges)
        base = (day - dt.date(1970, 1, 1)).days * 1440
        for r, (o, c) in zip(ranges, resolved, strict=True):
            w_open = base + r.start_s // 60
            assert o == scan_opening(w_open, zone)
            assert c == scan_closing(w_open + r.length_s // 60, zone)


# ----------------------------------------------------------- hand-checked --


class TestHandChecked:
    """DST cases worked out by hand; library and reference both must agree."""

    def test_paris_spring_forward_range_is_two_real_hours(self) -> None:
        hours = OpeningHours({"Su": "01:00-04:00"}, PARIS)
        day = dt.date(2026, 3, 29)
        ref = day_reference(hours, day)
        assert one_day(BusinessCalendar(hours), PARIS, day) == 2 * H
        assert (
            ref.elapsed(local(PARIS, 2026, 3, 29), local(PARIS, 2026, 3, 30)) == 2 * H
        )
        expected = [(utc(2026, 3, 29, 0), utc(2026, 3, 29, 2))]
        got = list(BusinessCalendar(hours).open_intervals(*expected[0]))
        assert [(as_utc(o), as_utc(c)) for o, c in got] == expected
        assert [iv for iv in ref.open_intervals() if iv[0].date() == day] == expected

    def test_paris_fall_back_range_is_four_real_hours(self) -> None:
        hours = OpeningHours({"Su": "01:00-04:00"}, PARIS)
        day = dt.date(2026, 10, 25)
        ref = day_reference(hours, day)
        assert one_day(BusinessCalendar(hours), PARIS, day) == 4 * H
        assert (
            ref.elapsed(local(PARIS, 2026, 10, 25), local(PARIS, 2026, 10, 26)) == 4 * H
        )
        cal = BusinessCalendar(hours)
        assert as_utc(cal.next_open(local(PARIS, 2026, 10, 25))) == utc(
            2026, 10, 24, 23
        )
        assert as_utc(cal.next_close(local(PARIS, 2026, 10, 25))) == utc(
            2026, 10, 25, 3
        )

    def test_paris_opening_in_the_gap_opens_at_three(self) -> None:
        hours = OpeningHours({"Su": "02:30-05:00"}, PARIS)
        cal = BusinessCalendar(hours)
        ref = day_reference(hours, dt.date(2026, 3, 29))
        midnight = local(PARIS, 2026, 3, 29)
        opened = cal.next_open(midnight)
        assert opened.isoformat() == "2026-03-29T03:00:00+02:00"
        assert ref.next_open(midnight) == utc(2026, 3, 29, 1) == as_utc(opened)
        assert not cal.is_open(utc(2026, 3, 29, 0, 59))
        assert cal.is_open(utc(2026, 3, 29, 1))

    def test_paris_closing_in_the_fold_uses_the_later_instant(self) -> None:
        hours = OpeningHours({"Su": "01:00-02:30"}, PARIS)
        cal = BusinessCalendar(hours)
        ref = day_reference(hours, dt.date(2026, 10, 25))
        midnight = local(PARIS, 2026, 10, 25)
        closed = cal.next_close(midnight)
        assert as_utc(closed) == ref.next_close(midnight) == utc(2026, 10, 25, 1, 30)
        assert closed.fold == 1
        assert closed.isoformat() == "2026-10-25T02:30:00+01:00"
        # 01:00 CEST (23:00 UTC) to 02:30 CET (01:30 UTC).
        assert one_day(cal, PARIS, midnight.date()) == 2.5 * H

    def test_lord_howe_half_hour_spring_forward(self) -> None:
        # 2026-10-04 02:00 LHST (+10:30) jumps to 02:30 LHDT (+11).
        hours = OpeningHours({"Su": "01:00-04:00"}, LORD_HOWE)
        cal = BusinessCalendar(hours)
        day = dt.date(2026, 10, 4)
        assert one_day(cal, LORD_HOWE, day) == 2.5 * H
        ref = day_reference(hours, day)
        begin = local(LORD_HOWE, 2026, 10, 4)
        assert ref.elapsed(begin, begin + DAY) == 2.5 * H
        gap = BusinessCalendar(OpeningHours({"Su": "02:15-04:00"}, LORD_HOWE))
        opened = gap.next_open(begin)
        assert opened.isoformat() == "2026-10-04T02:30:00+11:00"
        assert as_utc(opened) == utc(2026, 10, 3, 15, 30)

    def test_lord_howe_half_hour_fall_back(self) -> None:
        # 2026-04-05 02:00 LHDT (+11) goes back to 01:30 LHST (+10:30).
        hours = OpeningHours({"Su": "01:00-04:00"}, LORD_HOWE)
        cal = BusinessCalendar(hours)
        day = dt.date(2026, 4, 5)
        assert one_day(cal, LORD_HOWE, day) == 3.5 * H
        assert (
            day_reference(hours, day).elapsed(
                local(LORD_HOWE, 2026, 4, 5), local(LORD_HOWE, 2026, 4, 6)
            )
            == 3.5 * H
        )
        fold = OpeningHours({"Su": "01:00-01:45"}, LORD_HOWE)
        closed = BusinessCalendar(fold).next_close(local(LORD_HOWE, 2026, 4, 5))
        assert as_utc(closed) == utc(2026, 4, 4, 15, 15)  # 01:45 LHST, the later one
        assert day_reference(fold, day).next_close(local(LORD_HOWE, 2026, 4, 5)) == utc(
            2026, 4, 4, 15, 15
        )

    def test_new_york_overnight_range_across_spring_forward(self) -> None:
        # Sat 2026-03-07 22:00 EST (03:00 UTC) to Sun 02:00, a wall time in
        # the gap, so 03:00 EDT (07:00 UTC): 4 real hours.
        hours = OpeningHours({"Sa": "22:00-02:00"}, NEW_YORK)
        cal = BusinessCalendar(hours)
        ref = day_reference(hours, dt.date(2026, 3, 7))
        noon = local(NEW_YORK, 2026, 3, 7, 12)
        assert cal.elapsed(noon, noon + DAY) == 4 * H
        assert ref.elapsed(noon, noon + DAY) == 4 * H
        assert as_utc(cal.next_open(noon)) == ref.next_open(noon) == utc(2026, 3, 8, 3)
        assert (
            as_utc(cal.next_close(noon)) == ref.next_close(noon) == utc(2026, 3, 8, 7)
        )
        opened = utc(2026, 3, 8, 3)
        assert as_utc(cal.add(opened, 3 * H)) == utc(2026, 3, 8, 6)  # 01:00 EST
        assert as_utc(cal.add(opened, 4 * H, boundary="close")) == utc(2026, 3, 8, 7)
        # The next Saturday is on EDT: 22:00 EDT is 02:00 UTC.
        assert as_utc(cal.add(opened, 4 * H)) == utc(2026, 3, 15, 2)
        assert ref.add(opened, 4 * H, "close") == utc(2026, 3, 8, 7)
        assert cal.is_business_day(dt.date(2026, 3, 7))
        assert not cal.is_business_day(dt.date(2026, 3, 8))

    def test_new_york_overnight_range_across_fall_back(self) -> None:
        # Sat 2026-10-31 22:00 EDT (02:00 UTC) to Sun 02:00 EST (07:00 UTC).
        hours = OpeningHours({"Sa": "22:00-02:00"}, NEW_YORK)
        cal = BusinessCalendar(hours)
        ref = day_reference(hours, dt.date(2026, 10, 31))
        noon = local(NEW_YORK, 2026, 10, 31, 12)
        assert cal.elapsed(noon, noon + DAY) == 5 * H
        assert ref.elapsed(noon, noon + DAY) == 5 * H
        assert (
            as_utc(cal.next_close(noon)) == ref.next_close(noon) == utc(2026, 11, 1, 7)
        )
        # 01:30 happens twice; both are open.
        assert cal.is_open(utc(2026, 11, 1, 5, 30))
        assert cal.is_open(utc(2026, 11, 1, 6, 30))

    def test_kathmandu_quarter_hour_offset(self) -> None:
        hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, KATHMANDU)
        cal = BusinessCalendar(hours)
        ref = day_reference(hours, dt.date(2026, 3, 2))
        assert as_utc(cal.next_open(utc(2026, 3, 2))) == utc(2026, 3, 2, 3, 15)
        assert ref.next_open(utc(2026, 3, 2)) == utc(2026, 3, 2, 3, 15)
        assert ref.next_close(utc(2026, 3, 2)) == utc(2026, 3, 2, 11, 15)

    def test_range_inside_the_gap_is_no_business_day(self) -> None:
        hours = OpeningHours({"Su": "02:00-02:59"}, PARIS)
        ref = day_reference(hours, dt.date(2026, 3, 29))
        assert ref.is_business_day(dt.date(2026, 3, 29)) is False
        assert not BusinessCalendar(hours).is_business_day(dt.date(2026, 3, 29))
        assert BusinessCalendar(hours).is_business_day(dt.date(2026, 4, 5))


class TestFoldStartClosing:
    """A closing at the first wall reading of a fold takes the later instant.

    The contract: in a fold a closing uses the later of the two instants
    reading its wall time, even when that time is where the fold starts. On
    the Paris fall-back day the clock reads 02:00 at 00:00 UTC and again at
    01:00 UTC, so "00:00-02:00" stays open through the first pass of the
    repeated hour: 3 real hours. Reference and library must both say so.
    """

    @pytest.mark.parametrize(
        ("tz", "ranges", "day", "real"),
        [
            (PARIS, "00:00-02:00", dt.date(2026, 10, 25), 3 * H),
            (PARIS, "01:00-02:00", dt.date(2026, 10, 25), 2 * H),
            (NEW_YORK, "00:00-01:00", dt.date(2026, 11, 1), 2 * H),
            (LORD_HOWE, "00:00-01:30", dt.date(2026, 4, 5), 2 * H),
        ],
    )
    def test_closing_at_the_first_reading_of_a_fold(
        self, tz: ZoneInfo, ranges: str, day: dt.date, real: dt.timedelta
    ) -> None:
        hours = OpeningHours({"Su": ranges}, tz)
        assert (
            day_reference(hours, day).elapsed(
                dt.datetime.combine(day, dt.time(), tz),
                dt.datetime.combine(day + DAY, dt.time(), tz),
            )
            == real
        )
        assert one_day(BusinessCalendar(hours), tz, day) == real

    def test_reference_flags_the_case(self) -> None:
        hours = OpeningHours({"Su": "00:00-02:00"}, PARIS)
        assert day_reference(hours, dt.date(2026, 10, 25)).fold_start_closings


class TestUnboundedSearch:
    """Searches for a closing that never comes stop at the bound.

    With hours open around the clock every day has open time, so the bound
    must count days without a *closing* for ``next_close`` and
    ``previous_close``, or they would grow the horizon towards year 9998.
    Each call runs in a subprocess killed after a few seconds, so a
    regression fails instead of hanging the suite.
    """

    @pytest.mark.parametrize("operation", ["next_close", "previous_close"])
    def test_search_without_a_closing_raises_within_the_bound(
        self, operation: str
    ) -> None:
        code = (
            "import datetime as dt\n"
            "from servicecharter import BusinessCalendar, OpeningHours, "
            "ServiceCharterError\n"
            "hours = OpeningHours({'Mo-Su': '00:00-24:00'}, 'Europe/Paris')\n"
            "cal = BusinessCalendar(hours, search_bound=dt.timedelta(days=30))\n"
            "t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)\n"
            "try:\n"
            f"    cal.{operation}(t)\n"
            "except ServiceCharterError:\n"
            "    raise SystemExit(0)\n"
            "raise SystemExit('returned instead of raising')\n"
        )
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        try:
            done = subprocess.run(
                [sys.executable, "-c", code],
                check=False,
                env=env,
                timeout=3,
                capture_output=True,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"{operation} on hours open around the clock did not end in 3 s"
            )
        assert done.returncode == 0, done.stderr.decode()


# ------------------------------------------------------------ differential --


def check_equal(got: object, want: object, what: str) -> None:
    if want is None:
        return
    if isinstance(got, dt.datetime):
        assert isinstance(want, dt.datetime)
        assert as_utc(got) == want, (
            f"{what}: got {got.isoformat()}, want {want.isoformat()}"
        )
    else:
        assert got == want, f"{what}: got {got!r}, want {want!r}"


class TestDifferential:
    """Random schedules and instants: every operation agrees with the reference."""

    @REFERENCE_SETTINGS
    @given(scenarios())
    def test_instant_queries_scalar(self, scenario: tuple) -> None:
        hours, oracle, moments, _ = scenario
        cal = BusinessCalendar(hours)
        for t in moments:
            check_equal(cal.is_open(t), oracle.ask("is_open", t), f"is_open({t})")
            for name in ("next_open", "next_close", "previous_close"):
                want = oracle.ask(name, t)
                try:
                    got = getattr(cal, name)(t)
                except NoOpenTimeError:
                    assert want is None, f"{name}({t}) raised; reference: {want}"
                    continue
                assert got.tzinfo is hours.tz
                if want is None:
                    oracle.check_beyond(name, got)
                check_equal(got, want, f"{name}({t})")

    @REFERENCE_SETTINGS
    @given(scenarios())
    def test_add_and_elapsed_scalar(self, scenario: tuple) -> None:
        hours, oracle, moments, durations = scenario
        cal = BusinessCalendar(hours)
        for t, d in zip(moments, durations, strict=True):
            for boundary in ("next_open", "close"):
                got = cal.add(t, d, boundary=boundary)
                check_equal(
                    got, oracle.ask("add", t, d, boundary), f"add({t}, {d}, {boundary})"
                )
        for a, b in zip(moments, moments[1:] + moments[:1], strict=True):
            check_equal(
                cal.elapsed(a, b), oracle.ask("elapsed", a, b), f"elapsed({a}, {b})"
            )

    @REFERENCE_SETTINGS
    @given(scenarios())
    def test_every_operation_as_arrays(self, scenario: tuple) -> None:
        hours, oracle, moments, durations = scenario
        cal = BusinessCalendar(hours)
        ts = utc64(moments)
        ds = td64(durations)
        others = moments[1:] + moments[:1]
        # Ask the searches only where the reference has an answer, NaT
        # elsewhere (which must give NaT): see FAR_SEARCHES.
        answered = {
            name: np.array([oracle.ask(name, t) is not None for t in moments])
            for name in FAR_SEARCHES
        }
        nat = np.datetime64("NaT", "us")
        results = {
            "is_open": cal.is_open(ts),
            "next_open": cal.next_open(ts),
            "next_close": cal.next_close(np.where(answered["next_close"], ts, nat)),
            "previous_close": cal.previous_close(
                np.where(answered["previous_close"], ts, nat)
            ),
            "add": cal.add(ts, ds),
            "add_close": cal.add(ts, ds, boundary="close"),
            "elapsed": cal.elapsed(ts, utc64(others)),
        }
        assert results["is_open"].dtype == np.bool_
        assert results["add"].dtype == np.dtype("datetime64[us]")
        assert results["elapsed"].dtype == np.dtype("timedelta64[us]")
        for i, (t, d, other) in enumerate(zip(moments, durations, others, strict=True)):
            check_equal(
                bool(results["is_open"][i]), oracle.ask("is_open", t), "is_open"
            )
            for name in ("next_open", "next_close", "previous_close"):
                if name in answered and not answered[name][i]:
                    assert np.isnat(results[name][i])
                    continue
                got = to_utc_datetime(results[name][i])
                check_equal(got, oracle.ask(name, t), f"{name}[{i}] ({t})")
            got = to_utc_datetime(results["add"][i])
            check_equal(got, oracle.ask("add", t, d, "next_open"), f"add[{i}]")
            got = to_utc_datetime(results["add_close"][i])
            check_equal(got, oracle.ask("add", t, d, "close"), f"add close[{i}]")
            elapsed = results["elapsed"][i].astype("timedelta64[us]").item()
            check_equal(elapsed, oracle.ask("elapsed", t, other), f"elapsed[{i}]")

    @REFERENCE_SETTINGS
    @given(scenarios())
    def test_business_days(self, scenario: tuple) -> None:
        hours, oracle, moments, _ = scenario
        cal = BusinessCalendar(hours)
        days = sorted(
            {
                m.astimezone(hours.tz).date() + k * DAY
                for m in moments
                for k in (-1, 0, 1)
            }
        )
        want = [oracle.ask("is_business_day", day) for day in days]
        got_scalar = [cal.is_business_day(day) for day in days]
        got_array = cal.is_business_day(np.array(days, dtype="datetime64[D]"))
        for day, w, s, a in zip(
            days, want, got_scalar, got_array.tolist(), strict=True
        ):
            check_equal(s, w, f"is_business_day({day})")
            check_equal(a, w, f"is_business_day([{day}])")

    @REFERENCE_SETTINGS
    @given(scenarios())
    def test_open_intervals(self, scenario: tuple) -> None:
        hours, oracle, _, _ = scenario
        ref = oracle.near
        lo, hi = from_minute(ref.lo), from_minute(ref.hi)
        got = [
            (as_utc(o), as_utc(c))
            for o, c in BusinessCalendar(hours).open_intervals(lo, hi)
        ]
        assert got == ref.open_intervals()
