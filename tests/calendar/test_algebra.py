"""Calendar algebra: the laws, and the whole API against the brute-force reference.

Random hours in the strategies' awkward zones are combined across zones;
the combination is checked minute by minute against
``tests/support/algebra_reference.py``, which combines each operand's
minute-by-minute open state with plain boolean arrays.
"""

from __future__ import annotations

import datetime as dt
import pickle
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from servicecharter import (
    BusinessCalendar,
    InvalidArgumentError,
    InvalidHoursError,
    NoOpenTimeError,
    OpeningHours,
)
from servicecharter.calendar import CombinedHours, difference, intersection, union
from servicecharter.rules import parse_rule
from servicecharter.strategies import ZONES, business_durations, opening_hours
from tests.support.algebra_reference import CombinedReference, open_minutes
from tests.support.reference import from_minute, utc_minute

UTC = dt.UTC
MIN = dt.timedelta(minutes=1)
H = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
BOUND = dt.timedelta(days=40)  # searches that find nothing give up soon
CENTRE = dt.datetime(2026, 3, 28, 12, tzinfo=UTC)  # near Europe's and NY's DST
LAWS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def day_number(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def hours_in_2026() -> st.SearchStrategy[OpeningHours]:
    return opening_hours(start=dt.date(2026, 3, 1), end=dt.date(2026, 4, 30))


def calendar(hours: OpeningHours | CombinedHours) -> BusinessCalendar:
    return BusinessCalendar(hours, search_bound=BOUND)


def window(centre: dt.datetime = CENTRE) -> tuple[dt.datetime, dt.datetime]:
    return centre - 10 * DAY, centre + 10 * DAY


def intervals(cal: BusinessCalendar) -> list[tuple[dt.datetime, dt.datetime]]:
    lo, hi = window()
    return [
        (o.astimezone(UTC), c.astimezone(UTC)) for o, c in cal.open_intervals(lo, hi)
    ]


def minutes(draw: st.DrawFn, n: int) -> list[dt.datetime]:
    lo, hi = window()
    first, last = utc_minute(lo) + 3 * 1440, utc_minute(hi) - 3 * 1440
    return [from_minute(draw(st.integers(first, last))) for _ in range(n)]


operations = st.sampled_from(["union", "intersection", "difference"])
zones = st.sampled_from([*ZONES, "UTC", "Australia/Sydney"])


class TestLaws:
    """Union and intersection commute and associate; a - a is never open."""

    @LAWS
    @given(hours_in_2026(), hours_in_2026(), st.sampled_from(["union", "intersection"]))
    def test_commute(self, a: OpeningHours, b: OpeningHours, operation: str) -> None:
        ab = calendar(CombinedHours(operation, [a, b], a.tz))  # type: ignore[arg-type]
        ba = calendar(CombinedHours(operation, [b, a], a.tz))  # type: ignore[arg-type]
        assert intervals(ab) == intervals(ba)

    @LAWS
    @given(
        hours_in_2026(),
        hours_in_2026(),
        hours_in_2026(),
        st.sampled_from(["union", "intersection"]),
    )
    def test_associate(
        self, a: OpeningHours, b: OpeningHours, c: OpeningHours, operation: str
    ) -> None:
        def of(*operands: OpeningHours | CombinedHours) -> CombinedHours:
            return CombinedHours(operation, operands, "UTC")  # type: ignore[arg-type]

        left, right = calendar(of(of(a, b), c)), calendar(of(a, of(b, c)))
        assert intervals(left) == intervals(right) == intervals(calendar(of(a, b, c)))

    @LAWS
    @given(hours_in_2026(), st.data())
    def test_a_minus_a_is_never_open(
        self, a: OpeningHours, data: st.DataObject
    ) -> None:
        nothing = calendar(CombinedHours("difference", [a, a], a.tz))
        assert intervals(nothing) == []
        for t in minutes(data.draw, 5):
            assert not nothing.is_open(t)
        with pytest.raises(NoOpenTimeError):
            nothing.next_open(CENTRE)
        assert not nothing.is_business_day(CENTRE.date())

    @LAWS
    @given(hours_in_2026(), hours_in_2026(), st.data())
    def test_union_open_exactly_when_either_is(
        self, a: OpeningHours, b: OpeningHours, data: st.DataObject
    ) -> None:
        ca, cb = calendar(a), calendar(b)
        both = ca | cb
        moments = minutes(data.draw, 12)
        array = np.array([m.replace(tzinfo=None) for m in moments], "M8[us]")
        expected = ca.is_open(array) | cb.is_open(array)
        assert both.is_open(array).tolist() == expected.tolist()
        assert [both.is_open(m) for m in moments] == expected.tolist()

    @LAWS
    @given(hours_in_2026(), hours_in_2026())
    def test_intersection_and_difference_split_the_first(
        self, a: OpeningHours, b: OpeningHours
    ) -> None:
        # (a & b) and (a - b) are disjoint, and together they are a.
        ca, cb = calendar(a), calendar(b)
        lo, hi = window()
        inside, outside = ca & cb, ca - cb
        total = inside.elapsed(lo, hi) + outside.elapsed(lo, hi)
        assert total == ca.elapsed(lo, hi)
        assert intervals(calendar(CombinedHours("intersection", [
            inside.hours, outside.hours], "UTC"))) == []  # fmt: skip


@st.composite
def combinations(draw: st.DrawFn) -> CombinedHours:
    """A union, intersection or difference of two or three random hours."""
    operands = draw(st.lists(hours_in_2026(), min_size=2, max_size=3))
    operation = draw(operations)
    if draw(st.booleans()):  # sometimes nested
        inner = CombinedHours(draw(operations), operands[:2], draw(zones))
        operands = [inner, *operands[2:]] if len(operands) > 2 else [inner, operands[0]]
    return CombinedHours(operation, operands, draw(zones))


class TestAgainstTheReference:
    """Arithmetic on a combination agrees with the reference minute by minute."""

    @LAWS
    @given(combinations(), st.data())
    def test_open_time_minute_by_minute(
        self, hours: CombinedHours, data: st.DataObject
    ) -> None:
        lo, hi = window()
        ref = CombinedReference(hours, lo, hi)
        assert intervals(calendar(hours)) == ref.open_intervals()

    @LAWS
    @given(combinations(), st.data())
    def test_instant_questions(self, hours: CombinedHours, data: st.DataObject) -> None:
        lo, hi = window()
        ref, cal = CombinedReference(hours, lo, hi), calendar(hours)
        moments = minutes(data.draw, 6)
        array = np.array([m.replace(tzinfo=None) for m in moments], "M8[us]")
        assert cal.is_open(array).tolist() == [ref.is_open(m) for m in moments]
        for name in ("next_open", "next_close", "previous_close"):
            expected = [getattr(ref, name)(m) for m in moments]
            for m, want in zip(moments, expected, strict=True):
                try:
                    got = getattr(cal, name)(m)
                except NoOpenTimeError:
                    assert want is None, f"{name}({m}) raised, reference: {want}"
                    event(f"{name}: no open time within the bound")
                    continue
                # In UTC: PEP 495 makes a time in a fold unequal to any other
                # zone's time.
                got = got.astimezone(UTC)
                if want is None:
                    assert not ref.covers(got), f"{name}({m}) = {got} in the window"
                else:
                    assert got == want, f"{name}({m})"

    @LAWS
    @given(combinations(), st.data())
    def test_elapsed_and_add(self, hours: CombinedHours, data: st.DataObject) -> None:
        lo, hi = window()
        ref, cal = CombinedReference(hours, lo, hi), calendar(hours)
        a, b = minutes(data.draw, 2)
        assert cal.elapsed(a, b) == ref.elapsed(a, b)
        d = data.draw(business_durations(30))
        want = ref.add(a, d)
        try:
            got = cal.add(a, d).astimezone(UTC)
        except NoOpenTimeError:
            assert want is None
            return
        if want is None:
            event("add: past the reference's window")
            assert not ref.covers(got)
        else:
            assert got == want
            arrays = cal.add(
                np.array([a.replace(tzinfo=None)], "M8[us]"),
                np.array([d], "m8[us]"),
            )
            assert arrays[0] == np.datetime64(want.replace(tzinfo=None), "us")

    @LAWS
    @given(combinations(), st.data())
    def test_business_days_in_the_stated_zone(
        self, hours: CombinedHours, data: st.DataObject
    ) -> None:
        lo, hi = window()
        ref, cal = CombinedReference(hours, lo, hi), calendar(hours)
        first = (CENTRE - 6 * DAY).astimezone(hours.tz).date()
        days = [first + i * DAY for i in range(12)]
        assert [cal.is_business_day(d) for d in days] == [
            ref.is_business_day(d) for d in days
        ]
        array = np.array(days, "M8[D]")
        assert cal.is_business_day(array).tolist() == [
            ref.is_business_day(d) for d in days
        ]


@pytest.fixture(scope="module")
def desks() -> tuple[BusinessCalendar, ...]:
    """Desks open 09:00-17:00 on weekdays in Sydney, London and New York."""
    return tuple(
        BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, tz))
        for tz in (SYDNEY, LONDON, NEW_YORK)
    )


class TestDayBounds:
    """A date's first opening and last closing, against the reference."""

    @LAWS
    @given(combinations())
    def test_first_open_and_last_close(self, hours: CombinedHours) -> None:
        lo, hi = window()
        ref, cal = CombinedReference(hours, lo, hi), calendar(hours)
        first = (CENTRE - 6 * DAY).astimezone(hours.tz).date()
        days = [first + i * DAY for i in range(12)]
        numbers = np.array(days, "M8[D]").view(np.int64)
        opens = cal.kernel.first_open(numbers).tolist()
        closes = cal.kernel.last_close(numbers).tolist()
        nat = int(np.iinfo(np.int64).min)
        for day, o_us, c_us in zip(days, opens, closes, strict=True):
            inside = np.flatnonzero(ref.open & (ref.wall // 1440 == day_number(day)))
            o, c = o_us // 60_000_000, c_us // 60_000_000
            if inside.size == 0:
                assert o_us == c_us == nat
            else:
                assert o == ref.start + int(inside[0])
                assert c == ref.start + int(inside[-1]) + 1

    def test_rules_count_days_in_the_stated_zone(
        self, desks: tuple[BusinessCalendar, ...]
    ) -> None:
        # Friday 5 June, 22:00 UTC: New York closed at 21:00, so "same
        # business day" rolls to the next UTC date with open time: Sunday,
        # from Sydney's Monday at 23:00 UTC; it is due when Sunday ends.
        sun = union(*desks, tz="UTC")
        late = dt.datetime(2026, 6, 5, 22, tzinfo=UTC)
        rule = parse_rule("same business day")
        assert rule.deadline(sun, late) == dt.datetime(2026, 6, 8, tzinfo=UTC)
        in_london = union(*desks, tz="Europe/London")
        due = rule.deadline(in_london, late).astimezone(UTC)
        assert due == dt.datetime(2026, 6, 8, 23, tzinfo=UTC)  # Monday, London


class TestFollowTheSun:
    """One desk handing over to the next round the world."""

    def test_operators_flatten(self, desks: tuple[BusinessCalendar, ...]) -> None:
        sydney, london, new_york = desks
        sun = sydney | london | new_york
        assert isinstance(sun.hours, CombinedHours)
        assert sun.hours.operation == "union"
        assert len(sun.hours.operands) == 3
        assert sun.tz == SYDNEY  # the left operand's days
        assert union(*desks, tz="UTC").tz == ZoneInfo("UTC")

    def test_a_ticket_handed_round_the_world(
        self, desks: tuple[BusinessCalendar, ...]
    ) -> None:
        # Friday 5 June 2026, 15:00 in New York (19:00 UTC): NY closes at
        # 21:00 UTC, then Sydney opens Monday 09:00 AEST (Sunday 23:00 UTC).
        sun = union(*desks, tz="UTC")
        received = dt.datetime(2026, 6, 5, 15, tzinfo=NEW_YORK)
        due = sun.add(received, 4 * H)
        assert due.astimezone(UTC) == dt.datetime(2026, 6, 8, 1, tzinfo=UTC)
        assert sun.elapsed(received, due) == 4 * H

    def test_over_europe_spring_change(
        self, desks: tuple[BusinessCalendar, ...]
    ) -> None:
        # Monday 30 March 2026: London on BST (08:00-16:00 UTC), New York on
        # EDT (13:00-21:00 UTC), Sydney still on AEDT (22:00-06:00 UTC).
        sun = union(*desks, tz="UTC")
        day = dt.datetime(2026, 3, 30, tzinfo=UTC)
        got = [(o.hour, c.hour) for o, c in sun.open_intervals(day, day + DAY)]
        assert got == [(0, 6), (8, 21), (22, 0)]
        assert sun.elapsed(day, day + DAY) == 21 * H

    def test_business_days_in_the_stated_zone(
        self, desks: tuple[BusinessCalendar, ...]
    ) -> None:
        # Sydney's Monday starts on Sunday in UTC: a UTC Sunday has open time.
        sun = union(*desks, tz="UTC")
        assert sun.is_business_day(dt.date(2026, 6, 7))  # Sunday, from 23:00 UTC
        assert not sun.is_business_day(dt.date(2026, 6, 6))  # Saturday
        # In London, Sydney's Monday 09:00 is Monday 00:00: Sunday has none.
        in_london = union(*desks, tz="Europe/London")
        assert not in_london.is_business_day(dt.date(2026, 6, 7))
        assert in_london.add_business_days(dt.date(2026, 6, 5), 1) == dt.date(
            2026, 6, 8
        )
        assert sun.add_business_days(dt.date(2026, 6, 5), 1) == dt.date(2026, 6, 7)


class TestProviderAndCustomer:
    def test_overlap_across_zones(self) -> None:
        provider = BusinessCalendar(
            OpeningHours({"Mo-Fr": "08:00-18:00"}, "Europe/Paris", holidays="FR")
        )
        customer = BusinessCalendar(
            OpeningHours({"Mo-Fr": "09:00-17:00"}, "America/New_York")
        )
        both = provider & customer
        # Monday 1 June: Paris 08:00-18:00 CEST is 06:00-16:00 UTC; New York
        # 09:00-17:00 EDT is 13:00-21:00 UTC; both: 13:00-16:00 UTC.
        monday = dt.datetime(2026, 6, 1, tzinfo=UTC)
        got = [(o.astimezone(UTC).hour, c.astimezone(UTC).hour)
               for o, c in both.open_intervals(monday, monday + DAY)]  # fmt: skip
        assert got == [(13, 16)]
        # 14 July is a French holiday: no overlap that day.
        bastille = dt.datetime(2026, 7, 14, tzinfo=UTC)
        assert list(both.open_intervals(bastille, bastille + DAY)) == []
        assert not both.is_business_day(dt.date(2026, 7, 14))

    def test_difference_removes_a_maintenance_window(self) -> None:
        desk = BusinessCalendar(OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC"))
        upkeep = BusinessCalendar(OpeningHours({"Su": "02:00-04:00"}, "Europe/Paris"))
        served = difference(desk, upkeep)
        # Sunday 29 March 2026, the spring change: 02:00-04:00 in Paris is
        # 01:00-02:00 UTC (the clock jumps from 02:00 to 03:00).
        sunday = dt.datetime(2026, 3, 29, tzinfo=UTC)
        assert served.elapsed(sunday, sunday + DAY) == 23 * H
        assert not served.is_open(sunday + 1.5 * H)


class TestValues:
    def test_equal_hash_and_pickle(self) -> None:
        a = BusinessCalendar(OpeningHours({"Mo": "09:00-12:00"}, "UTC"))
        b = BusinessCalendar(OpeningHours({"Tu": "09:00-12:00"}, "Europe/Paris"))
        assert a | b == a | b
        assert hash(a | b) == hash(a | b)
        assert a | b != b | a  # the zone of their days differs
        again = pickle.loads(pickle.dumps(a - b))
        assert again == a - b
        assert again.is_open(dt.datetime(2026, 3, 30, 10, tzinfo=UTC))

    def test_bad_operands(self) -> None:
        cal = BusinessCalendar(OpeningHours({"Mo": "09:00-12:00"}, "UTC"))
        with pytest.raises(TypeError):
            cal | "Mo 09:00-12:00"  # type: ignore[operator]
        with pytest.raises(InvalidHoursError, match="two or more"):
            CombinedHours("union", [cal.hours], "UTC")
        with pytest.raises(InvalidHoursError, match="OpeningHours or CombinedHours"):
            CombinedHours("union", [cal.hours, cal], "UTC")
        with pytest.raises(InvalidHoursError, match="operation must be one of"):
            CombinedHours("xor", [cal.hours, cal.hours], "UTC")  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError, match="two or more"):
            union(cal)
        with pytest.raises(InvalidArgumentError, match="BusinessCalendar"):
            intersection(cal, cal.hours)  # type: ignore[arg-type]

    def test_open_minutes_reference_self_check(self) -> None:
        # The reference's union of a schedule with itself is the schedule.
        hours = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris")
        lo, hi = window()
        both = open_minutes(CombinedHours("union", [hours, hours], "UTC"), lo, hi)
        assert both.tolist() == open_minutes(hours, lo, hi).tolist()
