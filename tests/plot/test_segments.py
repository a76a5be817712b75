from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import (
    BusinessCalendar,
    InvalidArgumentError,
    NaiveDatetimeError,
    OpeningHours,
    evaluate,
)
from servicecharter.plot import Segment, clock_curve, request_segments
from tests.support.charters import PAUSABLE
from tests.support.plot_reference import used_by_minute
from tests.support.reference import MINUTE, Reference
from tests.support.zones import PARIS, paris

# Lunch breaks, nights across both DST changes, a day with no closing
# overnight, in zones that shift by one hour and by thirty minutes.
SCHEDULES = [
    ("Mo-Fr 09:00-12:00,14:00-17:00; PH off", "Europe/Paris"),
    ("Mo-Su 22:00-06:00", "Europe/Paris"),
    ("Mo-Su 01:00-03:00", "Australia/Lord_Howe"),
    ("Mo-Sa 08:00-20:00; Su 00:00-24:00", "America/New_York"),
]
# Windows around the spring and autumn changes of 2026, and an ordinary week.
WINDOWS = [
    dt.datetime(2026, 3, 26, tzinfo=dt.UTC),
    dt.datetime(2026, 10, 22, tzinfo=dt.UTC),
    dt.datetime(2026, 4, 2, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 5, tzinfo=dt.UTC),
]
_REFS: dict[tuple[int, int], tuple[BusinessCalendar, Reference]] = {}


def _pair(schedule: int, window: int) -> tuple[BusinessCalendar, Reference]:
    if (schedule, window) not in _REFS:
        text, zone = SCHEDULES[schedule]
        holidays = "FR" if "PH" in text else ()
        hours = OpeningHours.parse(text, tz=zone, holidays=holidays)
        lo = WINDOWS[window]
        _REFS[schedule, window] = (
            BusinessCalendar(hours),
            Reference(hours, lo, lo + dt.timedelta(days=8)),
        )
    return _REFS[schedule, window]


def _curve_at(curve, moments):
    at = curve.at_us.astype(np.float64)
    return np.interp(moments, at, curve.used_us.astype(np.float64))


minutes = st.integers(0, 7 * 24 * 60)


class TestClockCurve:
    @given(
        st.integers(0, len(SCHEDULES) - 1),
        st.integers(0, len(WINDOWS) - 1),
        minutes,
        minutes,
        st.lists(st.tuples(minutes, st.none() | minutes), max_size=3),
    )
    def test_matches_minute_by_minute_counting(
        self, schedule, window, a, b, pause_minutes
    ):
        cal, ref = _pair(schedule, window)
        lo = WINDOWS[window]
        start, stop = lo + min(a, b) * MINUTE, lo + max(a, b) * MINUTE
        pauses = [
            (lo + p * MINUTE, None if q is None else lo + max(p, q) * MINUTE)
            for p, q in pause_minutes
        ]
        curve = clock_curve(cal, Segment(start, pauses=pauses), stop)
        expected = used_by_minute(ref, start, stop, pauses)
        every = [(start + k * MINUTE - lo) // MINUTE for k in range(len(expected))]
        moments = np.array(
            [int((lo + m * MINUTE).timestamp()) * 1_000_000 for m in every],
            dtype=np.float64,
        )
        got = _curve_at(curve, moments) / 60_000_000
        assert got.tolist() == expected
        assert np.all(np.diff(curve.at_us) > 0)
        assert curve.paused_us // 60_000_000 == (
            ref.elapsed(start, stop) // MINUTE - expected[-1]
        )

    def test_flat_while_closed_and_rising_while_open(self, cal):
        friday = paris(2026, 3, 27, 16)
        curve = clock_curve(cal, Segment(friday), paris(2026, 3, 30, 10))
        shown = [
            (t.astimezone(PARIS).strftime("%a %H:%M"), u // 60_000_000)
            for t, u in zip(
                [dt.datetime.fromtimestamp(v / 1e6, dt.UTC) for v in curve.at_us],
                curve.used_us.tolist(),
                strict=True,
            )
        ]
        assert shown == [
            ("Fri 16:00", 0),
            ("Fri 17:00", 60),
            ("Mon 09:00", 60),
            ("Mon 10:00", 120),
        ]

    def test_allowance_and_use_agree_with_evaluate(self):
        # A pausable engagement: the curve's use at the response is the
        # evaluation's ``used`` and its allowance the share's denominator.
        received, responded = paris(2026, 3, 27, 14, 30), paris(2026, 3, 30, 15)
        pause = (paris(2026, 3, 27, 15), paris(2026, 3, 27, 16))
        result = evaluate(
            PAUSABLE,
            [
                {
                    "id": "a",
                    "engagement": "anomalies",
                    "received_at": received,
                    "responded_at": responded,
                }
            ],
            now=paris(2026, 4, 1),
            pauses=[{"request": "a", "start": pause[0], "end": pause[1]}],
        )
        (line,) = result.rows()
        (segment,) = request_segments(result, "a")
        segment = Segment(
            segment.start, segment.end, deadline=segment.deadline, pauses=[pause]
        )
        cal = PAUSABLE.calendar_for("anomalies")
        curve = clock_curve(cal, segment, segment.end)
        assert dt.timedelta(microseconds=int(curve.used_us[-1])) == line["used"]
        assert dt.timedelta(microseconds=curve.paused_us) == line["paused"]
        # The deadline moved by the paused hour allows the rule's 4 hours.
        assert curve.allowance_us == 4 * 3_600_000_000
        share = int(curve.used_us[-1]) / curve.allowance_us
        assert share == pytest.approx(line["share_used"])

    def test_overlapping_pauses_count_once(self, cal):
        start = paris(2026, 3, 30, 9)
        pauses = [
            (paris(2026, 3, 30, 10), paris(2026, 3, 30, 11)),
            (paris(2026, 3, 30, 10, 30), paris(2026, 3, 30, 11, 30)),
        ]
        curve = clock_curve(cal, Segment(start, pauses=pauses), paris(2026, 3, 30, 12))
        assert curve.paused_us == 90 * 60_000_000
        assert int(curve.used_us[-1]) == 90 * 60_000_000


class TestSegment:
    def test_naive_instants_are_refused(self):
        with pytest.raises(NaiveDatetimeError, match="attach a time zone"):
            Segment(dt.datetime(2026, 3, 27, 16))

    def test_an_end_before_the_start_is_refused(self):
        with pytest.raises(InvalidArgumentError, match=r"end .* is before its start"):
            Segment(paris(2026, 3, 27, 16), paris(2026, 3, 27, 15), label="T1")

    def test_pauses_must_be_pairs_in_order(self):
        with pytest.raises(InvalidArgumentError, match=r"\(start, end\) pairs"):
            Segment(paris(2026, 3, 27, 16), pauses=[paris(2026, 3, 27, 17)])
        with pytest.raises(InvalidArgumentError, match="ends before it starts"):
            Segment(
                paris(2026, 3, 27, 16),
                pauses=[(paris(2026, 3, 27, 18), paris(2026, 3, 27, 17))],
            )

    def test_a_curve_cannot_stop_before_it_starts(self, cal):
        with pytest.raises(InvalidArgumentError, match="must stop at or after"):
            clock_curve(cal, Segment(paris(2026, 3, 27, 16)), paris(2026, 3, 27, 15))


class TestRequestSegments:
    def test_one_segment_per_line(self):
        received = paris(2026, 3, 27, 16, 30)
        result = evaluate(
            PAUSABLE,
            [{"id": 7, "engagement": "web-form", "received_at": received}],
            now=paris(2026, 3, 30, 10),
        )
        first, second = (request_segments(result, 7, k)[0] for k in (0, 1))
        assert first.start == second.start == received
        assert first.end is None
        assert (first.deadline, second.deadline) == tuple(
            PAUSABLE.deadlines("web-form", received)
        )
        assert first.label == "7"

    def test_an_unknown_request_is_named(self):
        result = evaluate(
            PAUSABLE,
            [{"id": "a", "engagement": "anomalies", "received_at": paris(2026, 3, 27)}],
            now=paris(2026, 3, 30),
        )
        with pytest.raises(InvalidArgumentError, match="no line for request 'b'"):
            request_segments(result, "b")
        with pytest.raises(InvalidArgumentError, match="objective 3"):
            request_segments(result, "a", 3)

    def test_zones_do_not_matter(self):
        tokyo = ZoneInfo("Asia/Tokyo")
        start = paris(2026, 3, 27, 16)
        assert Segment(start).start == Segment(start.astimezone(tokyo)).start


def _utc(moment: dt.datetime | None) -> np.datetime64 | None:
    if moment is None:
        return None
    return np.datetime64(moment.astimezone(dt.UTC).replace(tzinfo=None), "us")


def test_one_segment_per_cycle_of_a_restarting_objective() -> None:
    # The next-reply example of the lifecycle contract: two cycles, each a
    # segment of its own, from the customer's message to the agent's reply.
    from servicecharter import Objective
    from tests.compliance import test_lifecycle_examples as example

    objective = Objective(
        "8 business hours",
        id="next_reply",
        start="customer_reply",
        stop="agent_reply",
        cycles="every",
    )
    result = evaluate(
        example.charter(objective),
        example.T1,
        events=example.t1_events(),
        now=example.NOW,
    )
    segments = request_segments(result, "T1")
    assert [s.label for s in segments] == ["T1 cycle 0", "T1 cycle 1"]
    assert [_utc(s.start) for s in segments] == [
        example.at(2, 15),
        example.at(4, 9, 30),
    ]
    assert [_utc(s.end) for s in segments] == [example.at(3, 11), example.at(4, 13)]
    assert [_utc(s.deadline) for s in segments] == [
        example.at(3, 15),
        example.at(5, 9, 30),
    ]
