"""Connections to real engines: DuckDB in process, SQLite, a PostgreSQL server.

The PostgreSQL server starts once per test session, on first use, and stops
at its end; each test gets a connection to a fresh schema of its own. A
server that cannot start fails the tests that need it, naming the package
to install: nothing is skipped.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from tests.support.postgres import Server


@pytest.fixture
def duck() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB, in a session zone far from the calendars'."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'America/New_York'")
    yield con
    con.close()


@pytest.fixture
def lite() -> Iterator[sqlite3.Connection]:
    """An in-memory SQLite database."""
    con = sqlite3.connect(":memory:")
    yield con
    con.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    try:
        server = Server().start()
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg(pg_server: Server) -> Iterator[Any]:
    """A connection to the server, in a fresh schema, session zone far away."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    con = pg_server.connect()
    con.execute(f"CREATE SCHEMA {schema}")
    con.execute(f"SET search_path TO {schema}")
    con.execute("SET TimeZone TO 'Asia/Tokyo'")
    con.commit()
    yield con
    con.rollback()
    con.execute(f"DROP SCHEMA {schema} CASCADE")
    con.commit()
    con.close()
