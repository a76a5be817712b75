"""One-instant lookups of the timeline equal its whole-array answers.

The array plumbing reads the clock and the local day of an array's
extremes with one binary search each (``Timeline._clock_at``,
``Timeline.local_day1``); they must answer exactly as the array path does,
on openings, closings, midnights (DST days included) and in between.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar
from servicecharter._core.timeline import Timeline
from servicecharter.strategies import calendars

ZONES = st.sampled_from(
    ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
)


def _timeline(cal: BusinessCalendar) -> Timeline:
    # 2026 and the next year compiled: two DST changes each way in most zones.
    start = np.array(["2026-01-05T12:00", "2027-06-01T00:00"], "M8[us]")
    cal.is_open(start)
    tl = cal.kernel.horizon.current
    assert tl is not None
    return tl


def _edges(tl: Timeline) -> np.ndarray:
    opens = tl._o[1:-1]  # the openings, without the sentinels at both ends
    closes = opens + tl._len[1:-1]
    midnights = tl._days.midnights[:-1]
    edges = np.concatenate([opens, closes, midnights])
    near = np.concatenate([edges - 1, edges, edges + 1])
    return near[(near >= tl.start_us) & (near < tl.end_us)]


@settings(max_examples=40, deadline=None)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_one_instant_lookups_equal_the_arrays(
    cal: BusinessCalendar, data: st.DataObject
) -> None:
    tl = _timeline(cal)
    drawn = data.draw(
        st.lists(st.integers(tl.start_us, tl.end_us - 1), min_size=1, max_size=40)
    )
    t = np.concatenate([np.array(drawn, dtype=np.int64), _edges(tl)])
    t = np.concatenate([t, [tl.start_us, tl.end_us - 1]]).astype(np.int64)
    clock, day = tl.clock(t), tl.local_day(t)
    assert [tl._clock_at(int(x)) for x in t] == clock.tolist()
    assert [tl.local_day1(int(x)) for x in t] == day.tolist()
