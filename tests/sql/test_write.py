"""write(): an evaluation's tables into DuckDB, SQLite and PostgreSQL, read back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import attrs
import numpy as np
import pytest

from servicecharter import Evaluation, InvalidArgumentError, evaluate
from servicecharter.sql import write
from servicecharter.sql.write import dialect_of
from tests.support.charters import CHARTER
from tests.support.requests import NOW, table_columns

DIALECTS = ("duckdb", "sqlite", "postgresql")


@pytest.fixture(scope="module")
def result() -> Evaluation:
    columns = table_columns()
    columns["engagement"] = [*columns["engagement"][:-1], "nope"]  # a bad row
    return evaluate(CHARTER, columns, now=NOW)


@pytest.fixture(params=DIALECTS)
def con(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue(
        {"duckdb": "duck", "sqlite": "lite", "postgresql": "pg"}[request.param]
    )


def read(con: Any, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in con.execute(query).fetchall()]


def sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.timedelta):
        return value // dt.timedelta(microseconds=1)
    if isinstance(value, bool):
        return int(value)
    return value


def expected(rows: list[dict[str, Any]], con: Any) -> list[tuple[Any, ...]]:
    """What a database gives back for Arrow rows, in its own representation."""
    out = []
    for row in rows:
        if isinstance(con, sqlite3.Connection):
            out.append(tuple(sqlite_value(v) for v in row.values()))
        else:
            out.append(tuple(row.values()))
    return out


@pytest.mark.parametrize("what", ["requests", "summary", "problems"])
def test_each_table_reads_back_equal(con: Any, result: Evaluation, what: str) -> None:
    table = result.to_arrow(what)
    assert write(result, con, f"sla_{what}", what=what) == table.num_rows
    got = read(con, f'SELECT * FROM "sla_{what}"')
    want = expected(table.to_pylist(), con)
    assert len(got) == len(want)
    for g, w in zip(sorted(got, key=repr), sorted(want, key=repr), strict=True):
        assert g == w


def test_new_columns_pass_through(con: Any, result: Evaluation) -> None:
    n = len(result.requests["row"])
    wider = attrs.evolve(
        result,
        requests={
            **result.requests,
            "cycle": np.zeros(n, dtype=np.int64),
            "stop": result.requests["responded"],
        },
    )
    write(wider, con, "lines")
    columns = [d[0] for d in con.execute('SELECT * FROM "lines"').description]
    assert columns == list(wider.requests)


def test_if_exists(con: Any, result: Evaluation) -> None:
    n = write(result, con, "lines")
    # A library error on every engine, and no failed statement: a PostgreSQL
    # transaction goes on.
    with pytest.raises(InvalidArgumentError, match=r"already exists.*'append'"):
        write(result, con, "lines")
    write(result, con, "lines", if_exists="append")
    assert read(con, 'SELECT count(*) FROM "lines"') == [(2 * n,)]
    write(result, con, "lines", if_exists="replace")
    assert read(con, 'SELECT count(*) FROM "lines"') == [(n,)]


def test_the_clock_table_writes_too(con: Any, cal: Any) -> None:
    start = dt.datetime(2026, 3, 27, tzinfo=dt.UTC)
    clock = cal.clock_table(start, start + dt.timedelta(days=3))
    assert write(clock, con, "sc_clock") == clock.num_rows
    got = read(con, "SELECT starts_us, cum_us FROM sc_clock ORDER BY starts_us")
    assert got == list(
        zip(
            clock.column("starts_us").to_pylist(),
            clock.column("cum_us").to_pylist(),
            strict=True,
        )
    )


def test_bad_arguments(lite: Any, result: Evaluation) -> None:
    with pytest.raises(InvalidArgumentError, match="if_exists"):
        write(result, lite, "t", if_exists="merge")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="'requests', 'summary'"):
        write(result, lite, "t", what="lines")
    with pytest.raises(InvalidArgumentError, match="Evaluation or a pyarrow Table"):
        write({"a": [1]}, lite, "t")
    with pytest.raises(InvalidArgumentError, match="dialect="):
        dialect_of(object())


def test_quoted_names_are_safe(lite: Any, result: Evaluation) -> None:
    write(result, lite, 'odd "name"; DROP TABLE x')
    assert read(lite, 'SELECT count(*) FROM "odd ""name""; DROP TABLE x"')[0][0] > 0
