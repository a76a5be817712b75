"""The clock SQL in DuckDB, SQLite and PostgreSQL equals the library to the microsecond.

Each engine is real: DuckDB in process, SQLite from the standard library,
and a PostgreSQL server started for the session (``conftest.py``). The
clock table of a random calendar (holidays, closures, schedule changes, in
zones with awkward daylight-saving rules) is loaded into each, and the
SQL's answers on random instants and durations are compared with the
library's. Outside the table's span the SQL gives NULL, never a number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, InvalidArgumentError
from servicecharter.sql import ClockSQL, clock_sql
from servicecharter.strategies import business_durations, calendars, instants
from tests.sql.engines import Engine
from tests.support.calendars import paris_calendar
from tests.support.zones import paris

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2028, 1, 1, tzinfo=dt.UTC)
US = dt.timedelta(microseconds=1)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
ZONES = st.sampled_from(
    ["Europe/Paris", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"]
)
DIALECTS = ("duckdb", "sqlite", "postgresql")


def us(t: dt.datetime | None) -> int | None:
    return None if t is None else (t - EPOCH) // US


@pytest.fixture(params=DIALECTS)
def engine(request: pytest.FixtureRequest) -> Engine:
    fixture = {"duckdb": "duck", "sqlite": "lite", "postgresql": "pg"}[request.param]
    return Engine(request.param, request.getfixturevalue(fixture))


def inside(t: dt.datetime) -> bool:
    return START <= t < END


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_clock_elapsed_and_add_equal_the_library(
    engine: Engine, cal: BusinessCalendar, data: st.DataObject
) -> None:
    engine.load(cal.clock_table(START, END))
    some = st.lists(
        instants(START - dt.timedelta(days=3), END + dt.timedelta(days=3)),
        min_size=1,
        max_size=30,
    )
    ts = data.draw(some)
    n = len(ts)
    others = data.draw(st.lists(instants(), min_size=n, max_size=n))
    durations = data.draw(
        st.lists(business_durations(80, minute_aligned=False), min_size=n, max_size=n)
    )
    # A NULL in each column, somewhere.
    t = [us(x) for x in ts] + [None, us(ts[0])]
    u = [us(x) for x in others] + [us(others[0]), None]
    d = [x // US for x in durations] + [0, None]
    c = engine.clock
    rows = engine.select(
        [c.clock_us("t"), c.elapsed_us("t", "u"), c.add_us("t", "d")],
        {"t": t, "u": u, "d": d},
    )
    for i, (clock, elapsed, added) in enumerate(rows[:n]):
        a, b = ts[i], others[i]
        if inside(a):
            assert clock == cal.elapsed(START, a) // US
        else:
            assert clock is None
        if inside(a) and inside(b):
            assert elapsed == cal.elapsed(a, b) // US
        else:
            assert elapsed is None
        if not inside(a):
            assert added is None
            continue
        want = cal.add(a, durations[i])
        if added is None:  # the answer needs hours outside the table
            assert not START <= want < END
        else:
            assert added == us(want)
    assert [r[0] for r in rows[n:]] == [None, rows[0][0]]
    assert [r[1:] for r in rows[n:]] == [(None, None), (None, None)]


@pytest.mark.parametrize("dialect", ["duckdb", "postgresql"])
def test_timestamps_and_intervals(dialect: str, request: pytest.FixtureRequest) -> None:
    engine = Engine(
        dialect,
        request.getfixturevalue({"duckdb": "duck", "postgresql": "pg"}[dialect]),
    )  # type: ignore[arg-type]
    cal = paris_calendar()
    engine.load(cal.clock_table(START, END))
    friday = paris(2026, 3, 27, 16)
    monday = paris(2026, 3, 30, 10)
    c = engine.clock
    interval = "INTERVAL '1 hour'" if dialect == "duckdb" else "interval '1 hour'"
    rows = engine.select(
        [c.elapsed("ts", "us"), c.add("ts", interval)],
        {"t": [0, 1]},
        {"ts": [friday, None], "us": [monday, monday]},
    )
    assert rows[0][0] == dt.timedelta(hours=2)
    assert rows[0][1] == paris(2026, 3, 30, 9)
    assert rows[1] == (None, None)


def test_duckdb_refuses_naive_timestamps_and_months(duck: Any) -> None:
    engine = Engine("duckdb", duck)
    engine.load(paris_calendar().clock_table(START, END))
    import duckdb

    with pytest.raises(duckdb.Error, match="NaiveDatetimeError"):
        duck.execute(
            "SELECT sc_elapsed(TIMESTAMP '2026-03-27 10:00', "
            "TIMESTAMPTZ '2026-03-27 11:00+01')"
        ).fetchall()
    with pytest.raises(duckdb.Error, match="NaiveDatetimeError"):
        duck.execute("SELECT sc_add(DATE '2026-03-27', INTERVAL 1 HOUR)").fetchall()
    with pytest.raises(duckdb.Error, match=r"InvalidDurationError: .*months"):
        duck.execute(
            "SELECT sc_add(TIMESTAMPTZ '2026-03-27 10:00+01', INTERVAL 1 MONTH)"
        ).fetchall()


def test_postgresql_refuses_naive_timestamps_and_months(pg: Any) -> None:
    import psycopg

    engine = Engine("postgresql", pg)
    engine.load(paris_calendar().clock_table(START, END))
    naive, zoned = "'2026-03-27 10:00'::timestamp", "'2026-03-27 11:00+01'::timestamptz"
    bad = [
        f"SELECT sc_elapsed({naive}, {zoned})",
        f"SELECT sc_elapsed({zoned}, {naive})",
        "SELECT sc_add('2026-03-27 10:00'::timestamp, interval '1 hour')",
    ]
    for query in bad:
        with pytest.raises(psycopg.Error, match="NaiveDatetimeError"):
            pg.execute(query)
        pg.rollback()
    with pytest.raises(psycopg.Error, match=r"InvalidDurationError: .*months"):
        pg.execute(
            "SELECT sc_add('2026-03-27 10:00+01'::timestamptz, interval '1 month')"
        )
    pg.rollback()


def test_sqlite_has_no_timestamp_forms() -> None:
    with pytest.raises(InvalidArgumentError, match="elapsed_us"):
        ClockSQL("sqlite").elapsed("a", "b")


def test_unknown_dialects_and_names_are_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="'duckdb', 'sqlite', 'postgresql'"):
        clock_sql("mysql")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="letters, digits"):
        ClockSQL("duckdb", table="clock; DROP TABLE x")


def test_prefix_and_table_names(lite: Any) -> None:
    clock = ClockSQL("sqlite", table="hours_2026", prefix="desk_")
    assert "hours_2026" in clock.elapsed_us("a", "b")
    assert "hours_2026_starts" in clock.setup
    assert ClockSQL("duckdb", prefix="desk_").add("t", "d") == "desk_add(t, d)"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_the_elapsed_query_equals_the_library(
    engine: Engine, cal: BusinessCalendar, data: st.DataObject
) -> None:
    engine.load(cal.clock_table(START, END))
    wide = instants(START - dt.timedelta(days=3), END + dt.timedelta(days=3))
    pairs = data.draw(st.lists(st.tuples(wide, wide), min_size=1, max_size=30))
    t = [us(a) for a, _ in pairs] + [None]
    u = [us(b) for _, b in pairs] + [us(pairs[0][1])]
    engine.select(["1"], {"t": t, "u": u})  # leaves the inputs in a table
    query = engine.clock.select_elapsed("inputs", "t", "u", "used")
    rows = engine.con.execute(
        f"SELECT i, used FROM ({query}) AS q ORDER BY i"
    ).fetchall()
    got = dict(rows)
    for i, (a, b) in enumerate(pairs):
        want = cal.elapsed(a, b) // US if inside(a) and inside(b) else None
        assert got[i] == want
    assert got[len(pairs)] is None
