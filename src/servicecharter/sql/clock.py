"""SQL that computes business time from a clock table, for DuckDB, SQLite, PostgreSQL.

The clock table (``BusinessCalendar.clock_table``) cuts a span into closed
and open segments, with ``cum_us`` the business time before each. With t in
microseconds since the epoch, the business clock is one lookup of the row
holding t, and ``add`` one lookup of the open row whose business-time range
holds the target:

- ``clock_us(t)``: ``cum_us + (t - starts_us)`` on an open row, ``cum_us``
  on a closed one;
- ``elapsed_us(a, b)``: ``clock_us(b) - clock_us(a)``;
- ``add_us(t, d)``: the latest instant whose clock is ``clock_us(t) + d``
  (the library's ``add``, ``boundary="next_open"``).

An instant outside the table's span, or an ``add`` whose answer lies
outside it, gives NULL: the table does not know the hours there, and SQL
marks an unknown with NULL rather than an error. A NULL in gives NULL.

DuckDB gets macros and PostgreSQL functions (``setup``), which also take
``TIMESTAMPTZ`` and ``INTERVAL`` values (``elapsed``, ``add``) and refuse a
timestamp without zone; SQLite has no functions defined in SQL, so its
expressions are written out in full, on integer microseconds.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

import attrs

from .._errors import InvalidArgumentError
from .clock_ddl import duckdb_ddl, postgresql_ddl

__all__ = ["ClockSQL", "Dialect", "check_sql_name", "clock_sql"]

Dialect: TypeAlias = Literal["duckdb", "sqlite", "postgresql"]
"""The SQL engines whose dialect is written."""

_NAIVE = (
    "NaiveDatetimeError: {name}() got a timestamp without time zone, which is not "
    "an instant; give a timestamptz, e.g. ts AT TIME ZONE ''Europe/Paris''"
)
_MONTHS = (
    "InvalidDurationError: {name}() got an interval with months or years, which "
    "are not fixed durations; give days, hours or minutes"
)


def _dialect(_instance: object, _attribute: object, value: object) -> None:
    if value not in get_args(Dialect):
        raise InvalidArgumentError(
            f"dialect must be one of {', '.join(map(repr, get_args(Dialect)))}, "
            f"got {value!r}"
        )


def check_sql_name(value: object, what: str) -> None:
    """A name (or its prefix) pasted into SQL: letters, digits and ``_``.

    >>> check_sql_name("sc_", "prefix")
    >>> check_sql_name("x; DROP", "prefix")
    Traceback (most recent call last):
    ...
    servicecharter.InvalidArgumentError: prefix must be letters, digits and _, not a digit first, got 'x; DROP'
    """  # noqa: E501 (a doctest output is one line)
    if not (
        isinstance(value, str)
        and value.replace("_", "a").isalnum()
        and not value[:1].isdigit()
    ):
        raise InvalidArgumentError(
            f"{what} must be letters, digits and _, not a digit first, got {value!r}"
        )


def _identifier(
    _instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    check_sql_name(value, attribute.name)


@attrs.frozen
class ClockSQL:
    """The SQL of the business clock over a clock table, in one dialect.

    ``setup`` is run once (after loading the table); the methods give SQL
    expressions to put in any query. Their arguments are SQL expressions
    too, such as column names; in SQLite they are written out several times,
    so pass columns rather than subqueries.

    >>> clock = ClockSQL("duckdb")
    >>> clock.elapsed("received_at", "responded_at")
    'sc_elapsed(received_at, responded_at)'
    """

    dialect: Dialect = attrs.field(validator=_dialect)
    """``"duckdb"``, ``"sqlite"`` or ``"postgresql"``."""
    table: str = attrs.field(default="sc_clock", validator=_identifier)
    """The name of the clock table."""
    prefix: str = attrs.field(default="sc_", validator=_identifier)
    """What the names of the macros or functions start with."""

    def clock_us(self, t_us: str) -> str:
        """B(t), in microseconds, of an instant in microseconds since the epoch."""
        if self.dialect != "sqlite":
            return f"{self.prefix}clock_us({t_us})"
        return self._clock_body(t_us)

    def elapsed_us(self, a_us: str, b_us: str) -> str:
        """Business time in [a, b), on microseconds since the epoch."""
        if self.dialect != "sqlite":
            return f"{self.prefix}elapsed_us({a_us}, {b_us})"
        return f"({self.clock_us(b_us)} - {self.clock_us(a_us)})"

    def add_us(self, t_us: str, d_us: str) -> str:
        """``add`` on microseconds: the instant, in microseconds since the epoch."""
        if self.dialect != "sqlite":
            return f"{self.prefix}add_us({t_us}, {d_us})"
        return self._unclock_body(f"({self.clock_us(t_us)} + ({d_us}))")

    def select_elapsed(
        self, source: str, a_us: str, b_us: str, name: str = "elapsed_us"
    ) -> str:
        """A query: every row of ``source`` and its business time in [a, b).

        ``source`` is a table name or a parenthesised query; ``a_us`` and
        ``b_us`` columns of it. In DuckDB this is two ASOF joins on the clock
        table, several times faster over many rows than the macros (rows
        come out in no particular order); elsewhere the row-by-row lookups.
        """
        if self.dialect != "duckdb":
            elapsed = self.elapsed_us(f"s.{a_us}", f"s.{b_us}")
            return f"SELECT s.*, {elapsed} AS {name} FROM {source} AS s"
        ends = [
            f"CASE WHEN s.{col} < {k}.ends_us THEN {k}.cum_us + CASE WHEN {k}.is_open "
            f"THEN s.{col} - {k}.starts_us ELSE 0 END END"
            for col, k in ((b_us, "sc_b"), (a_us, "sc_a"))
        ]
        joins = " ".join(
            f"ASOF LEFT JOIN {self.table} AS {k} ON s.{col} >= {k}.starts_us"
            for col, k in ((a_us, "sc_a"), (b_us, "sc_b"))
        )
        elapsed = f"({ends[0]}) - ({ends[1]})"
        return f"SELECT s.*, {elapsed} AS {name} FROM {source} AS s {joins}"

    def elapsed(self, a: str, b: str) -> str:
        """Business time in [a, b) as an INTERVAL, of two TIMESTAMPTZ (not SQLite)."""
        return f"{self._zoned('elapsed')}({a}, {b})"

    def add(self, t: str, d: str) -> str:
        """A TIMESTAMPTZ plus a business INTERVAL, as a TIMESTAMPTZ (not SQLite)."""
        return f"{self._zoned('add')}({t}, {d})"

    def _zoned(self, name: str) -> str:
        if self.dialect == "sqlite":
            raise InvalidArgumentError(
                f"SQLite has no timestamp type; use {name}_us on microseconds "
                "since the epoch"
            )
        return self.prefix + name

    # -- the lookups, written once for every dialect --------------------------

    def _clock_body(self, t: str) -> str:
        k = f"{self.table}_k"
        return (
            f"(SELECT CASE WHEN {t} < {k}.ends_us THEN {k}.cum_us + CASE WHEN "
            f"{k}.is_open THEN {t} - {k}.starts_us ELSE 0 END END "
            f"FROM {self.table} AS {k} WHERE {k}.starts_us <= {t} "
            f"ORDER BY {k}.starts_us DESC LIMIT 1)"
        )

    def _unclock_body(self, x: str) -> str:
        o = f"{self.table}_o"
        return (
            f"(SELECT CASE WHEN {x} < {o}.cum_us + ({o}.ends_us - {o}.starts_us) "
            f"THEN {o}.starts_us + ({x} - {o}.cum_us) END "
            f"FROM {self.table} AS {o} WHERE {o}.is_open AND {o}.cum_us <= {x} "
            f"ORDER BY {o}.cum_us DESC LIMIT 1)"
        )

    # -- setup -------------------------------------------------------------------

    @property
    def setup(self) -> str:
        """The statements to run once: indexes, and the macros or functions."""
        naive = {
            name: _NAIVE.format(name=self.prefix + name) for name in ("add", "elapsed")
        }
        months = _MONTHS.format(name=self.prefix + "add")
        if self.dialect == "duckdb":  # no partial indexes; its range joins need none
            return duckdb_ddl(self.prefix, self.table, naive, months)
        index = (
            f"CREATE INDEX IF NOT EXISTS {self.table}_starts ON {self.table} "
            f"(starts_us);\nCREATE INDEX IF NOT EXISTS {self.table}_cum ON "
            f"{self.table} (cum_us) WHERE is_open;\n"
        )
        if self.dialect == "sqlite":
            return index
        lookups = (self._clock_body("t_us"), self._unclock_body("x"))
        return index + postgresql_ddl(self.prefix, lookups, naive, months)


def clock_sql(dialect: Dialect, *, table: str = "sc_clock", prefix: str = "sc_") -> str:
    """The SQL to run once so that a clock table computes business time.

    For DuckDB, macros; for PostgreSQL, SQL functions
    (``{prefix}clock_us``, ``{prefix}elapsed_us``, ``{prefix}add_us`` on
    microseconds, ``{prefix}elapsed`` and ``{prefix}add`` on ``TIMESTAMPTZ``
    and ``INTERVAL``); for SQLite, indexes only (``ClockSQL`` writes its
    expressions). See ``ClockSQL``.

    >>> print(clock_sql("sqlite"))
    CREATE INDEX IF NOT EXISTS sc_clock_starts ON sc_clock (starts_us);
    CREATE INDEX IF NOT EXISTS sc_clock_cum ON sc_clock (cum_us) WHERE is_open;
    <BLANKLINE>
    """
    return ClockSQL(dialect, table=table, prefix=prefix).setup
