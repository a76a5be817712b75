"""The macros (DuckDB) and functions (PostgreSQL) of the clock SQL, as text.

Each takes the lookups written by ``ClockSQL`` and wraps them in the
dialect's own way of naming a computation: DuckDB macros, which its
optimizer turns into range joins on the clock table, and PostgreSQL SQL
functions, each an index lookup. Both also read ``TIMESTAMPTZ`` and
``INTERVAL`` values, refuse months (not fixed durations) and refuse a
timestamp without zone with its own overload, so that neither engine casts
one in the session's zone.
"""

from __future__ import annotations

__all__ = ["duckdb_ddl", "postgresql_ddl"]


def _combinations(names: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The types of each instant parameter, with at least one naive."""
    out = []
    for mask in range(1, 1 << len(names)):
        out.append(
            tuple(
                "timestamp" if mask >> i & 1 else "timestamptz"
                for i in range(len(names))
            )
        )
    return out


def duckdb_ddl(p: str, table: str, naive: dict[str, str], months: str) -> str:
    """DuckDB macros; ``naive`` holds the message of each zoned macro."""
    k, o = f"{table}_k", f"{table}_o"
    lines = [
        f"CREATE OR REPLACE MACRO {p}clock_us(t_us) AS (SELECT {k}.cum_us + CASE "
        f"WHEN {k}.is_open THEN t_us - {k}.starts_us ELSE 0 END FROM {table} AS {k} "
        f"WHERE {k}.starts_us <= t_us AND t_us < {k}.ends_us);",
        f"CREATE OR REPLACE MACRO {p}unclock_us(x) AS (SELECT {o}.starts_us + "
        f"(x - {o}.cum_us) FROM {table} AS {o} WHERE {o}.is_open AND {o}.cum_us <= x "
        f"AND x < {o}.cum_us + ({o}.ends_us - {o}.starts_us));",
        f"CREATE OR REPLACE MACRO {p}elapsed_us(a_us, b_us) AS "
        f"{p}clock_us(b_us) - {p}clock_us(a_us);",
        f"CREATE OR REPLACE MACRO {p}add_us(t_us, d_us) AS "
        f"{p}unclock_us({p}clock_us(t_us) + d_us);",
        f"CREATE OR REPLACE MACRO {p}interval_us(d) AS CASE WHEN "
        f"datepart('month', d) <> 0 OR datepart('year', d) <> 0 "
        f"THEN error('{months}') ELSE epoch_us(d) END;",
    ]
    elapsed = [
        f"(a TIMESTAMPTZ, b TIMESTAMPTZ) AS "
        f"to_microseconds({p}elapsed_us(epoch_us(a), epoch_us(b)))"
    ] + [
        f"(a {ta}, b {tb}) AS error('{naive['elapsed']}')"
        for ta, tb in _combinations(("a", "b"))
    ]
    lines.append(f"CREATE OR REPLACE MACRO {p}elapsed" + ", ".join(elapsed) + ";")
    lines.append(
        f"CREATE OR REPLACE MACRO {p}add(t TIMESTAMPTZ, d INTERVAL) AS "
        f"make_timestamptz({p}add_us(epoch_us(t), {p}interval_us(d))), "
        f"(t TIMESTAMP, d INTERVAL) AS error('{naive['add']}');"
    )
    return "\n".join(lines) + "\n"


def _function(
    p: str, signature: str, returns: str, body: str, kind: str = "STABLE"
) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {p}{signature} RETURNS {returns} "
        f"LANGUAGE sql {kind} STRICT AS $$ {body} $$;"
    )


def _raising(p: str, signature: str, returns: str, message: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {p}{signature} RETURNS {returns} "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION USING MESSAGE = '{message}'; "
        "END $$;"
    )


def postgresql_ddl(
    p: str, lookups: tuple[str, str], naive: dict[str, str], months: str
) -> str:
    """PostgreSQL functions; ``lookups`` are the bodies on ``t_us`` and ``x``."""
    clock, unclock = lookups
    us = "interval '1 microsecond'"
    lines = [
        _function(p, "clock_us(t_us bigint)", "bigint", clock.removeprefix("(")[:-1]),
        _function(p, "unclock_us(x bigint)", "bigint", unclock.removeprefix("(")[:-1]),
        _function(
            p,
            "elapsed_us(a_us bigint, b_us bigint)",
            "bigint",
            f"SELECT {p}clock_us(b_us) - {p}clock_us(a_us)",
        ),
        _function(
            p,
            "add_us(t_us bigint, d_us bigint)",
            "bigint",
            f"SELECT {p}unclock_us({p}clock_us(t_us) + d_us)",
        ),
        _function(
            p,
            "epoch_us(t timestamptz)",
            "bigint",
            "SELECT (extract(epoch FROM t) * 1000000)::bigint",
            "IMMUTABLE",
        ),
        _raising(p, "months_us(d interval)", "bigint", months),
        _function(
            p,
            "interval_us(d interval)",
            "bigint",
            f"SELECT CASE WHEN extract(month FROM d) <> 0 OR extract(year FROM d) <> 0 "
            f"THEN {p}months_us(d) ELSE (extract(epoch FROM d) * 1000000)::bigint END",
        ),
        _function(
            p,
            "from_us(us bigint)",
            "timestamptz",
            f"SELECT 'epoch'::timestamptz + us * {us}",
            "IMMUTABLE",
        ),
        _function(
            p,
            "elapsed(a timestamptz, b timestamptz)",
            "interval",
            f"SELECT {p}elapsed_us({p}epoch_us(a), {p}epoch_us(b)) * {us}",
        ),
        _function(
            p,
            "add(t timestamptz, d interval)",
            "timestamptz",
            f"SELECT {p}from_us({p}add_us({p}epoch_us(t), {p}interval_us(d)))",
        ),
        _raising(p, "add(t timestamp, d interval)", "timestamptz", naive["add"]),
    ] + [
        _raising(p, f"elapsed(a {ta}, b {tb})", "interval", naive["elapsed"])
        for ta, tb in _combinations(("a", "b"))
    ]
    return "\n".join(lines) + "\n"
