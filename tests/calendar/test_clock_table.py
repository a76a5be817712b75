"""The clock table: the business clock of a span as rows, exact to the microsecond.

The table is read back here with numpy alone (a search on ``starts_us``), as
an engine reads it with SQL, and must give the library's business clock
and ``add`` on random instants, across daylight-saving changes.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, InvalidArgumentError, OpeningHours
from servicecharter.strategies import business_durations, calendars, instants
from tests.support.zones import paris

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
US = dt.timedelta(microseconds=1)


def us(t: dt.datetime) -> int:
    return (t - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) // US


def table_clock(table: pa.Table, t: int) -> int | None:
    """B(t) read from the table; None outside its span."""
    starts = table.column("starts_us").to_numpy()
    k = int(np.searchsorted(starts, t, side="right")) - 1
    if k < 0 or t >= table.column("ends_us")[k].as_py():
        return None
    base = table.column("cum_us")[k].as_py()
    return base + (t - int(starts[k]) if table.column("is_open")[k].as_py() else 0)


def table_add(table: pa.Table, t: int, d: int) -> int | None:
    """add(t, d) read from the table; None when it needs hours outside."""
    clock = table_clock(table, t)
    if clock is None:
        return None
    target = clock + d
    rows = table.filter(table.column("is_open")).to_pydict()
    for start, end, cum in zip(
        rows["starts_us"], rows["ends_us"], rows["cum_us"], strict=True
    ):
        if cum <= target < cum + (end - start):
            return start + (target - cum)  # type: ignore[no-any-return]
    return None


class TestShape:
    def test_segments_partition_the_span_alternately(
        self, cal: BusinessCalendar
    ) -> None:
        table = cal.clock_table(paris(2026, 3, 27), paris(2026, 3, 31))
        starts = table.column("starts_us").to_pylist()
        ends = table.column("ends_us").to_pylist()
        assert starts[0] == us(paris(2026, 3, 27))
        assert ends[-1] == us(paris(2026, 3, 31))
        assert starts[1:] == ends[:-1]
        assert all(e > s for s, e in zip(starts, ends, strict=True))
        flags = table.column("is_open").to_pylist()
        assert all(a != b for a, b in itertools.pairwise(flags))

    def test_the_weekend_of_the_change_to_summer_time(
        self, cal: BusinessCalendar
    ) -> None:
        table = cal.clock_table(paris(2026, 3, 27), paris(2026, 3, 31))
        opens = table.filter(table.column("is_open"))
        shown = [
            t.astimezone(paris(2026, 1, 1).tzinfo).strftime("%a %H:%M")
            for t in opens.column("starts").to_pylist()
        ]
        assert shown == ["Fri 09:00", "Fri 14:00", "Mon 09:00", "Mon 14:00"]
        hours = [c // 3_600_000_000 for c in opens.column("cum_us").to_pylist()]
        assert hours == [0, 3, 6, 9]

    def test_types_and_metadata(self, cal: BusinessCalendar) -> None:
        table = cal.clock_table(paris(2026, 3, 27), paris(2026, 3, 28))
        utc = pa.timestamp("us", tz="UTC")
        assert table.schema.field("starts").type == utc
        assert table.schema.field("cum_us").type == pa.int64()
        assert table.schema.metadata[b"servicecharter.zone"] == b"Europe/Paris"

    def test_a_span_with_no_open_time_is_one_closed_row(
        self, cal: BusinessCalendar
    ) -> None:
        table = cal.clock_table(paris(2026, 3, 28), paris(2026, 3, 30))
        assert table.column("is_open").to_pylist() == [False]
        assert table.column("cum_us").to_pylist() == [0]

    def test_a_span_starting_and_ending_open(self, cal: BusinessCalendar) -> None:
        table = cal.clock_table(paris(2026, 3, 27, 10), paris(2026, 3, 27, 15))
        assert table.column("is_open").to_pylist() == [True, False, True]
        two_hours = 2 * 3_600_000_000
        assert table.column("cum_us").to_pylist() == [0, two_hours, two_hours]

    def test_parquet_round_trip(
        self, cal: BusinessCalendar, tmp_path: pytest.TempPathFactory
    ) -> None:
        path = tmp_path / "clock.parquet"  # type: ignore[operator]
        table = cal.clock_table(paris(2026, 1, 1), paris(2027, 1, 1), parquet=path)
        assert pq.read_table(path).equals(table)

    def test_an_empty_or_reversed_span_is_refused(self, cal: BusinessCalendar) -> None:
        with pytest.raises(InvalidArgumentError, match="must be after start"):
            cal.clock_table(paris(2026, 3, 27), paris(2026, 3, 27))


class TestAgainstTheLibrary:
    @settings(max_examples=40, deadline=None)
    @given(
        cal=calendars(
            tz=st.sampled_from(
                ["Europe/Paris", "America/Santiago", "Australia/Lord_Howe"]
            )
        ),
        data=st.data(),
    )
    def test_clock_and_add_equal_the_library(
        self, cal: BusinessCalendar, data: st.DataObject
    ) -> None:
        table = cal.clock_table(START, END)
        t = data.draw(instants(START, END - dt.timedelta(microseconds=1)))
        u = data.draw(instants(START, END - dt.timedelta(microseconds=1)))
        assert table_clock(table, us(u)) - table_clock(table, us(t)) == (  # type: ignore[operator]
            cal.elapsed(t, u) // US
        )
        d = data.draw(business_durations(60, minute_aligned=False))
        got = table_add(table, us(t), d // US)
        want = us(cal.add(t, d))
        if got is not None:
            assert got == want
        else:  # the answer lies outside the span: the table cannot know it
            assert want >= us(END) or want < us(START)

    def test_outside_the_span_nothing_is_found(self, cal: BusinessCalendar) -> None:
        table = cal.clock_table(START, END)
        assert table_clock(table, us(START) - 1) is None
        assert table_clock(table, us(END)) is None
        assert table_clock(table, us(END) - 1) is not None


def test_a_calendar_open_around_the_clock() -> None:
    cal = BusinessCalendar(OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC"))
    table = cal.clock_table(START, END)
    assert table.column("is_open").to_pylist() == [True]
    assert table.column("ends_us")[0].as_py() - table.column("starts_us")[
        0
    ].as_py() == (us(END) - us(START))
