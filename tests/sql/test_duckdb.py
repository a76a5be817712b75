"""servicecharter.sql.duckdb: the functions in a real DuckDB equal the library's.

The connection's session zone is New York (``conftest.py``), far from the
calendars', so a function that read an instant in the session's zone would
show. Random calendars in several zones and instants near their clock
changes are compared with the library to the microsecond, NULLs included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import BusinessCalendar, UnknownCalendarError, evaluate
from servicecharter.sql import duckdb as sc_duckdb
from servicecharter.strategies import business_durations, calendars, instants
from tests.support.calendars import paris_calendar
from tests.support.charters import CHARTER
from tests.support.requests import NOW, table_columns
from tests.support.zones import paris

UTC = pa.timestamp("us", tz="UTC")
ZONES = st.sampled_from(["Europe/Paris", "America/Santiago", "Australia/Lord_Howe"])
FUNCTIONS = (
    "sc_is_open",
    "sc_next_open",
    "sc_next_close",
    "sc_previous_close",
    "sc_add",
    "sc_elapsed",
)


def run(con: Any, query: str, **tables: pa.Table) -> list[tuple[Any, ...]]:
    for name, table in tables.items():
        con.register(name, table)
    rows = con.execute(query).fetchall()
    # In UTC: Python never finds an ambiguous local time equal to another zone's.
    return [tuple(utc(v) if isinstance(v, dt.datetime) else v for v in r) for r in rows]


def utc(t: dt.datetime | None) -> dt.datetime | None:
    return None if t is None else t.astimezone(dt.UTC)


class TestRegister:
    def test_names_for_a_calendar_and_a_charter(self, duck: Any) -> None:
        assert sc_duckdb.register(duck, paris_calendar()) == FUNCTIONS
        names = sc_duckdb.register(duck, CHARTER, prefix="desk_")
        assert names == (
            *(n.replace("sc_", "desk_") for n in FUNCTIONS),
            "desk_deadline",
        )

    def test_registering_again_replaces(self, duck: Any) -> None:
        sc_duckdb.register(duck, paris_calendar())
        sc_duckdb.register(duck, BusinessCalendar(paris_calendar().hours))
        friday = "TIMESTAMPTZ '2026-03-27 16:00+01'"
        assert run(duck, f"SELECT sc_is_open({friday})") == [(True,)]

    def test_an_unknown_calendar_name(self, duck: Any) -> None:
        with pytest.raises(UnknownCalendarError, match="'nope'"):
            sc_duckdb.register(duck, CHARTER, calendar="nope")


class TestHandCases:
    @pytest.fixture
    def con(self, duck: Any) -> Any:
        sc_duckdb.register(duck, CHARTER)
        return duck

    def test_friday_afternoon(self, con: Any) -> None:
        rows = run(
            con,
            "SELECT sc_add(t, INTERVAL 1 HOUR), "
            "sc_elapsed(t, TIMESTAMPTZ '2026-03-30 16:00+02'), "
            "sc_next_close(t), sc_is_open(t) "
            "FROM (SELECT TIMESTAMPTZ '2026-03-27 16:00+01' AS t)",
        )
        assert rows == [
            (
                utc(paris(2026, 3, 30, 9)),
                dt.timedelta(hours=6),
                utc(paris(2026, 3, 27, 17)),
                True,
            )
        ]

    def test_nulls_give_nulls(self, con: Any) -> None:
        rows = run(
            con,
            "SELECT sc_is_open(t), sc_next_open(t), sc_add(t, INTERVAL 1 HOUR), "
            "sc_add(TIMESTAMPTZ '2026-03-27 16:00+01', NULL::INTERVAL), "
            "sc_elapsed(t, TIMESTAMPTZ '2026-03-27 16:00+01'), "
            "sc_deadline('anomalies', t), "
            "sc_deadline(NULL, TIMESTAMPTZ '2026-03-27 16:00+01') "
            "FROM (SELECT NULL::TIMESTAMPTZ AS t)",
        )
        assert rows == [(None,) * 7]

    def test_deadline_of_each_engagement_and_objective(self, con: Any) -> None:
        received = paris(2026, 3, 27, 16)
        table = pa.table(
            {
                "engagement": ["anomalies", "web-form", "web-form", None],
                "k": [0, 0, 1, 0],
                "t": pa.array([received] * 4, UTC),
            }
        )
        rows = run(con, "SELECT sc_deadline(engagement, t, k) FROM r", r=table)
        web = CHARTER.deadlines("web-form", received)
        assert [r[0] for r in rows] == [
            utc(CHARTER.deadline("anomalies", received)),
            utc(web[0]),
            utc(web[1]),
            None,
        ]
        first = run(con, "SELECT sc_deadline(engagement, t) FROM r", r=table)
        assert first[1] == rows[1]

    @pytest.mark.parametrize(
        ("query", "message"),
        [
            ("SELECT sc_is_open(TIMESTAMP '2026-03-27 10:00')", "NaiveDatetimeError"),
            ("SELECT sc_next_open(DATE '2026-03-27')", "NaiveDatetimeError"),
            (
                "SELECT sc_elapsed(TIMESTAMPTZ '2026-03-27 10:00+01', "
                "TIMESTAMP '2026-03-27 11:00')",
                "NaiveDatetimeError",
            ),
            (
                "SELECT sc_deadline('anomalies', TIMESTAMP '2026-03-27 10:00')",
                "NaiveDatetimeError",
            ),
            (
                "SELECT sc_deadline('nope', TIMESTAMPTZ '2026-03-27 10:00+01')",
                "UnknownEngagementError: unknown engagement 'nope'; known: 'inst",
            ),
            (
                "SELECT sc_deadline('anomalies', TIMESTAMPTZ '2026-03-27 10:00+01', 3)",
                "InvalidArgumentError: engagement 'anomalies' has 1 objective",
            ),
            (
                "SELECT sc_add(TIMESTAMPTZ '2026-03-27 10:00+01', INTERVAL 2 MONTH)",
                "InvalidDurationError",
            ),
            ("SELECT sc_next_open(TIMESTAMPTZ 'infinity')", "HorizonError"),
        ],
    )
    def test_bad_input_gets_the_library_error(
        self, con: Any, query: str, message: str
    ) -> None:
        with pytest.raises(duckdb.Error, match=message):
            con.execute(query).fetchall()

    @pytest.mark.parametrize(
        "query",
        ["SELECT sc_is_open(42)", "SELECT sc_add('2026-03-27 10:00', INTERVAL 1 HOUR)"],
    )
    def test_other_types_do_not_bind(self, con: Any, query: str) -> None:
        with pytest.raises(duckdb.BinderException, match="TIMESTAMP WITH TIME ZONE"):
            con.execute(query).fetchall()

    def test_a_naive_table_is_refused_before_any_row(self, con: Any) -> None:
        con.execute("CREATE TABLE naive AS SELECT TIMESTAMP '2026-03-27 10:00' AS t")
        with pytest.raises(duckdb.Error, match="NaiveDatetimeError"):
            con.execute("SELECT sc_next_close(t) FROM naive").fetchall()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cal=calendars(tz=ZONES), data=st.data())
def test_every_function_equals_the_library(
    duck: Any, cal: BusinessCalendar, data: st.DataObject
) -> None:
    sc_duckdb.register(duck, cal)
    n = data.draw(st.integers(1, 40))
    ts = data.draw(st.lists(instants(), min_size=n, max_size=n))
    us = data.draw(st.lists(instants(), min_size=n, max_size=n))
    ds = data.draw(
        st.lists(business_durations(60, minute_aligned=False), min_size=n, max_size=n)
    )
    table = pa.table(
        {
            "i": range(n + 1),
            "t": pa.array([*ts, None], UTC),
            "u": pa.array([*us, us[0]], UTC),
            "d": pa.array([*ds, ds[0]], pa.month_day_nano_interval()),
        }
    )
    rows = run(
        duck,
        "SELECT sc_is_open(t), sc_next_open(t), sc_next_close(t), "
        "sc_previous_close(t), sc_add(t, d), sc_elapsed(t, u) FROM r ORDER BY i",
        r=table,
    )
    for i in range(n):
        t, u, d = ts[i], us[i], ds[i]
        assert rows[i] == (
            cal.is_open(t),
            utc(cal.next_open(t)),
            utc(cal.next_close(t)),
            utc(cal.previous_close(t)),
            utc(cal.add(t, d)),
            cal.elapsed(t, u),
        )
    assert rows[n] == (None,) * 6


def test_batches_of_many_rows_match_the_arrays(duck: Any) -> None:
    cal = paris_calendar()
    sc_duckdb.register(duck, cal)
    rng = np.random.default_rng(7)
    start = np.datetime64("2026-01-01T00:00", "us").astype(np.int64)
    t = start + rng.integers(0, 365 * 86_400_000_000, 10_000)
    t[::97] = np.iinfo(np.int64).min  # NULLs across batches
    table = pa.table({"t": pa.array(t, pa.int64(), mask=t == t.min()).view(UTC)})
    duck.register("r", table)
    got = duck.sql("SELECT sc_add(t, INTERVAL 4 HOUR) FROM r").to_arrow_table()
    want = cal.kernel.add(t, np.array([4 * 3_600_000_000]))
    column = got.column(0).cast(pa.int64()).fill_null(np.iinfo(np.int64).min)
    assert np.array_equal(column.to_numpy(), want)


class TestEvaluate:
    def test_lines_are_the_library_lines(self, duck: Any) -> None:
        columns = table_columns()
        frame = pa.table(
            {
                "id": columns["id"],
                "engagement": columns["engagement"],
                "received_at": pa.array(columns["received_at"], UTC),
                "responded_at": pa.array(columns["responded_at"], UTC),
            }
        )
        duck.register("frame", frame)
        duck.execute("CREATE TABLE requests AS FROM frame")
        result = sc_duckdb.evaluate(duck, CHARTER, "requests", now=NOW)
        want = evaluate(CHARTER, columns, now=NOW)
        assert result.to_arrow().equals(want.to_arrow())
        lines = duck.sql("SELECT * FROM sc_lines ORDER BY row, objective")
        lines = lines.to_arrow_table()
        assert lines.column_names == list(want.requests)
        assert lines.column("status").to_pylist() == want.requests["status"].tolist()
        summary = duck.execute("SELECT count(*) FROM sc_summary").fetchall()
        assert summary == [(len(want.summary),)]

    def test_a_query_and_a_bad_row(self, duck: Any) -> None:
        result = sc_duckdb.evaluate(
            duck,
            CHARTER,
            "SELECT 'x' AS id, 'nope' AS engagement, "
            "TIMESTAMPTZ '2026-03-27 10:00+01' AS received_at",
            now=NOW,
            prefix="q_",
        )
        assert duck.execute("SELECT row, id FROM q_problems").fetchall() == [(0, "x")]
        assert [p.id for p in result.problems] == ["x"]
        assert duck.execute("SELECT status FROM q_lines").fetchall() == [("invalid",)]

    def test_naive_receipts_are_refused(self, duck: Any) -> None:
        from servicecharter import NaiveDatetimeError

        with pytest.raises(NaiveDatetimeError):
            sc_duckdb.evaluate(
                duck,
                CHARTER,
                "SELECT 'anomalies' AS engagement, "
                "TIMESTAMP '2026-03-27 10:00' AS received_at",
                now=NOW,
            )


def test_evaluate_reads_an_events_table(duck: Any) -> None:
    # The next-reply example of the lifecycle contract, its event log a
    # DuckDB table with TIMESTAMPTZ instants: the lines are the library's.
    from servicecharter import Objective
    from tests.compliance import test_lifecycle_examples as example

    charter = example.charter(
        Objective(
            "8 business hours",
            id="next_reply",
            start="customer_reply",
            stop="agent_reply",
            cycles="every",
        )
    )
    events = example.t1_events()
    duck.register(
        "log",
        pa.table({**events, "at": pa.array(events["at"], UTC)}),
    )
    duck.register(
        "tickets",
        pa.table(
            {**example.T1, "received_at": pa.array(example.T1["received_at"], UTC)}
        ),
    )
    now = dt.datetime(2026, 6, 8, 11, tzinfo=dt.UTC)
    result = sc_duckdb.evaluate(duck, charter, "tickets", events="log", now=now)
    want = evaluate(charter, example.T1, events=events, now=now)
    assert result.to_arrow().equals(want.to_arrow())
    assert duck.execute(
        "SELECT cycle, status FROM sc_lines ORDER BY cycle"
    ).fetchall() == [
        (0, "met"),
        (1, "met"),
    ]
