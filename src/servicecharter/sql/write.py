"""Write an evaluation's lines, or any Arrow table, to a database table in one call.

DuckDB reads the Arrow table itself. SQLite and PostgreSQL take a DB-API
connection (``sqlite3``; psycopg, psycopg2 or pg8000), so the library needs
no driver of its own: the table is created with a type per column and the
rows inserted with ``executemany``. The columns are the Arrow table's, in
order, so every column of ``Evaluation.to_arrow`` is written, new ones too.

Types: instants are ``TIMESTAMPTZ`` (DuckDB, PostgreSQL) or ISO 8601 text in
UTC (SQLite, ``2026-03-27T08:00:00.000000Z``, which its date functions
read); business times ``INTERVAL``, or integer microseconds in SQLite;
booleans are 0 and 1 in SQLite. Nulls stay NULL.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import numpy as np

from .._errors import InvalidArgumentError
from .clock import Dialect

__all__ = ["IfExists", "dialect_of", "write"]

IfExists: TypeAlias = Literal["fail", "replace", "append"]
"""What to do when the table exists: raise (the database's error), drop and
create it again, or add the rows to it."""

_DRIVERS = {
    "duckdb": "duckdb",
    "_duckdb": "duckdb",
    "sqlite3": "sqlite",
    "psycopg": "postgresql",
    "psycopg2": "postgresql",
    "pg8000": "postgresql",
}
# Arrow type (by its id text) -> (SQLite, PostgreSQL) column type.
_TYPES = {
    "timestamp": ("TEXT", "timestamptz"),
    "duration": ("INTEGER", "interval"),
    "bool": ("INTEGER", "boolean"),
    "int": ("INTEGER", "bigint"),
    "uint": ("INTEGER", "bigint"),
    "double": ("REAL", "double precision"),
    "float": ("REAL", "double precision"),
    "string": ("TEXT", "text"),
    "large_string": ("TEXT", "text"),
    "null": ("TEXT", "text"),
}


def dialect_of(con: Any) -> Dialect:
    """The dialect of a connection, by the package of its class.

    >>> import sqlite3
    >>> dialect_of(sqlite3.connect(":memory:"))
    'sqlite'
    """
    package = type(con).__module__.partition(".")[0]
    found = _DRIVERS.get(package)
    if found is None:
        raise InvalidArgumentError(
            f"cannot tell the SQL dialect of a {type(con).__module__}."
            f"{type(con).__name__} connection; pass dialect='duckdb', 'sqlite' "
            "or 'postgresql'"
        )
    return found  # type: ignore[return-value]


def quote(name: str) -> str:
    """An identifier (``schema.table`` allowed) in double quotes."""
    if not name or not isinstance(name, str):
        raise InvalidArgumentError(f"a table name must be a text, got {name!r}")
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def _arrow(source: Any, what: str) -> Any:
    if hasattr(source, "to_arrow"):  # an Evaluation
        return source.to_arrow(what)
    if hasattr(source, "column_names") and hasattr(source, "schema"):
        return source
    raise InvalidArgumentError(
        f"write takes an Evaluation or a pyarrow Table, got {type(source).__name__}"
    )


def write(
    source: Any,
    con: Any,
    table: str,
    *,
    what: str = "requests",
    if_exists: IfExists = "fail",
    dialect: Dialect | None = None,
    commit: bool = True,
) -> int:
    """Write ``source`` into the table ``table`` of ``con``; return the row count.

    ``source`` is an ``Evaluation`` (its ``what`` table: ``"requests"``,
    ``"summary"`` or ``"problems"``) or a pyarrow Table, such as a clock
    table. ``commit`` commits a DB-API connection's transaction.

    >>> import sqlite3
    >>> con = sqlite3.connect(":memory:")
    >>> write(
    ...     cal.clock_table(
    ...         dt.datetime(2026, 3, 27, tzinfo=paris),
    ...         dt.datetime(2026, 3, 28, tzinfo=paris),
    ...     ),
    ...     con,
    ...     "sc_clock",
    ... )
    5
    >>> con.execute("SELECT starts, is_open FROM sc_clock LIMIT 2").fetchall()
    [('2026-03-26T23:00:00.000000Z', 0), ('2026-03-27T08:00:00.000000Z', 1)]
    """
    if if_exists not in ("fail", "replace", "append"):
        raise InvalidArgumentError(
            f"if_exists must be 'fail', 'replace' or 'append', got {if_exists!r}"
        )
    data = _arrow(source, what)
    if not isinstance(commit, bool):
        raise InvalidArgumentError(f"commit must be True or False, got {commit!r}")
    if dialect not in (None, "duckdb", "sqlite", "postgresql"):
        raise InvalidArgumentError(
            "dialect must be 'duckdb', 'sqlite', 'postgresql' or None (told by "
            f"the connection), got {dialect!r}"
        )
    kind = dialect_of(con) if dialect is None else dialect
    name = quote(table)
    if kind == "duckdb":
        _write_duckdb(con, data, name, if_exists)
    else:
        _write_dbapi(con, data, table, if_exists, kind)
        if commit:
            con.commit()
    return int(data.num_rows)


def _taken(table: str) -> InvalidArgumentError:
    return InvalidArgumentError(
        f"table {table} already exists; pass if_exists='replace' to overwrite "
        "it or 'append' to add the rows"
    )


def _write_duckdb(con: Any, data: Any, name: str, if_exists: IfExists) -> None:
    import duckdb

    view = "__servicecharter_write"
    con.register(view, data)
    try:
        if if_exists == "append":
            con.execute(f"CREATE TABLE IF NOT EXISTS {name} AS FROM {view} LIMIT 0")
            con.execute(f"INSERT INTO {name} BY NAME FROM {view}")
        else:
            verb = (
                "CREATE OR REPLACE TABLE" if if_exists == "replace" else "CREATE TABLE"
            )
            try:
                con.execute(f"{verb} {name} AS FROM {view}")
            except duckdb.CatalogException as error:
                raise _taken(name) from error
    finally:
        con.unregister(view)


def _sql_type(arrow_type: Any, kind: Dialect) -> str:
    text = str(arrow_type).partition("[")[0]
    text = text.rstrip("0123456789") if text.startswith(("int", "uint")) else text
    found = _TYPES.get(text)
    if found is None:
        raise InvalidArgumentError(f"no {kind} column type for Arrow type {arrow_type}")
    return found[0] if kind == "sqlite" else found[1]


def _values(column: Any, kind: Dialect) -> list[Any]:
    """One column as Python values the driver takes."""
    import pyarrow as pa

    array = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    if kind == "sqlite":
        if pa.types.is_timestamp(array.type):
            us = array.cast(pa.timestamp("us", tz="UTC")).cast(pa.int64())
            text = np.datetime_as_string(
                us.fill_null(0).to_numpy().view("M8[us]"), unit="us", timezone="UTC"
            )
            missing = np.asarray(array.is_null().to_numpy(zero_copy_only=False))
            return pa.array(text, mask=missing).to_pylist()  # type: ignore[no-any-return]
        if pa.types.is_duration(array.type):
            return array.cast(pa.duration("us")).cast(pa.int64()).to_pylist()  # type: ignore[no-any-return]
        if pa.types.is_boolean(array.type):
            return array.cast(pa.int64()).to_pylist()  # type: ignore[no-any-return]
    return array.to_pylist()  # type: ignore[no-any-return]


def _exists(cursor: Any, table: str, kind: Dialect) -> bool:
    """Whether ``table`` (``schema.table`` allowed) exists, asked without error."""
    if kind == "postgresql":
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (quote(table),))
    else:
        schema, _, base = table.rpartition(".")
        master = f"{quote(schema)}.sqlite_master" if schema else "sqlite_master"
        cursor.execute(
            f"SELECT count(*) FROM {master} WHERE type IN ('table', 'view') "
            "AND name = ?",
            (base,),
        )
    return bool(cursor.fetchone()[0])


def _write_dbapi(
    con: Any, data: Any, table: str, if_exists: IfExists, kind: Dialect
) -> None:
    name = quote(table)
    names = [quote(n) for n in data.column_names]
    types = [_sql_type(field.type, kind) for field in data.schema]
    columns = ", ".join(f"{n} {t}" for n, t in zip(names, types, strict=True))
    marker = "?" if kind == "sqlite" else "%s"
    cursor = con.cursor()
    if if_exists == "fail" and _exists(cursor, table, kind):
        cursor.close()
        raise _taken(name)
    if if_exists == "replace":
        cursor.execute(f"DROP TABLE IF EXISTS {name}")
    exists = "IF NOT EXISTS " if if_exists == "append" else ""
    cursor.execute(f"CREATE TABLE {exists}{name} ({columns})")
    if data.num_rows:
        values = [_values(data.column(i), kind) for i in range(data.num_columns)]
        rows = zip(*values, strict=True)
        cursor.executemany(
            f"INSERT INTO {name} ({', '.join(names)}) VALUES "
            f"({', '.join([marker] * len(names))})",
            list(rows),
        )
    cursor.close()
