"""Business time inside DuckDB: vectorised functions, and evaluate on a table.

``register(con, charter_or_calendar)`` adds to a DuckDB connection, with
names starting with ``prefix`` (``sc_`` by default):

- ``sc_is_open(ts)``, ``sc_next_open(ts)``, ``sc_next_close(ts)``,
  ``sc_previous_close(ts)``, ``sc_add(ts, interval)``, ``sc_elapsed(a, b)``
  on the calendar (a charter's ``"default"`` one, or the one named);
- for a charter, ``sc_deadline(engagement, ts)`` (the first objective's
  deadline) and ``sc_deadline(engagement, ts, objective)``.

Instants are ``TIMESTAMPTZ``; a ``TIMESTAMP`` (without time zone), or a
``DATE``, is refused with the library's ``NaiveDatetimeError``, never read in
the session's zone. Answers are ``TIMESTAMPTZ``, ``INTERVAL`` or
``BOOLEAN``; a NULL in gives a NULL out. Each name is a macro over a Python
function that DuckDB calls with a batch of rows as Arrow arrays (see
``duckdb_functions``). The functions live in the connection, not in the
database file: register them in each connection.

``evaluate(con, charter, "requests")`` evaluates a table or query of the
connection and shows the lines, summary and problems as the views
``sc_lines``, ``sc_summary`` and ``sc_problems``.

duckdb is optional (``pip install servicecharter[sql]``): imported when used.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

from .._errors import (
    InvalidArgumentError,
    InvalidDurationError,
    NaiveDatetimeError,
    UnknownCalendarError,
)
from ..calendar import BusinessCalendar
from ..charter import Charter
from ..compliance import Evaluation, NowIn
from ..compliance import evaluate as evaluate_requests
from .clock import check_sql_name
from .duckdb_functions import CalendarFunctions, DeadlineFunction

__all__ = ["evaluate", "register"]

_TZ, _NAIVE = "TIMESTAMPTZ", "TIMESTAMP"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
Params = tuple[tuple[str, str | None], ...]
"""A macro's parameters: (name, SQL type), with None for an instant."""
# name: (parameters, result type)
_CLOCK: dict[str, tuple[Params, str]] = {
    "is_open": ((("ts", None),), "BOOLEAN"),
    "next_open": ((("ts", None),), _TZ),
    "next_close": ((("ts", None),), _TZ),
    "previous_close": ((("ts", None),), _TZ),
    "add": ((("ts", None), ("d", "INTERVAL")), _TZ),
    "elapsed": ((("a", None), ("b", None)), "INTERVAL"),
}
_DEADLINE: Params = (("engagement", "VARCHAR"), ("ts", None), ("objective", "BIGINT"))


def _naive_message(name: str) -> str:
    error = NaiveDatetimeError(
        f"{name}() got a TIMESTAMP without time zone, which is not an instant; "
        "give a TIMESTAMPTZ, e.g. ts AT TIME ZONE 'Europe/Paris' for wall-clock "
        "times in Paris"
    )
    return f"{type(error).__name__}: {error}".replace("'", "''")


def _months_message(name: str) -> str:
    error = InvalidDurationError(
        f"{name}() got an interval with months or years, which are not fixed "
        "durations; give days, hours or minutes (INTERVAL 30 DAY)"
    )
    return f"{type(error).__name__}: {error}".replace("'", "''")


def _micros(name: str, d: str) -> str:
    """SQL for an INTERVAL as BIGINT microseconds (a day is 24 hours).

    Read in SQL, the interval crosses into Python as one int64 column
    rather than month-day-nano structures; months are refused here.
    """
    return (
        f"CASE WHEN datepart('month', {d}) <> 0 OR datepart('year', {d}) <> 0 "
        f"THEN error('{_months_message(name)}') ELSE epoch_us({d}) END"
    )


def _overloads(name: str, params: Params, call: str) -> list[str]:
    """The overloads of one signature: zoned instants call, naive ones raise.

    Every combination with a naive instant has its own overload that
    raises (NULL arguments give NULL), so that DuckDB never casts a naive
    timestamp in the session's zone to reach the zoned one (a ``DATE``
    casts to a naive one).
    """
    instants = [p for p, kind in params if kind is None]
    out = []
    for mask in range(1 << len(instants)):
        naive = {p for i, p in enumerate(instants) if mask >> i & 1}
        typed = ", ".join(
            f"{p} {kind or (_NAIVE if p in naive else _TZ)}" for p, kind in params
        )
        # A NULL gives NULL, as in any SQL function: a bare NULL literal
        # binds to a naive overload, and is no naive instant.
        nulls = " OR ".join(f"{p} IS NULL" for p, _ in params)
        refused = (
            f"CASE WHEN {nulls} THEN NULL ELSE error('{_naive_message(name)}') END"
        )
        out.append(f"({typed}) AS {call if not naive else refused}")
    return out


def _macro(name: str, *signatures: tuple[Params, str]) -> str:
    overloads = [
        o for params, call in signatures for o in _overloads(name, params, call)
    ]
    return f"CREATE OR REPLACE TEMP MACRO {name}" + ", ".join(overloads)


def _call(name: str, params: Params) -> str:
    return f"_{name}({', '.join(p for p, _ in params)})"


def _function(
    con: Any, name: str, body: Callable[..., Any], params: list[str], result: str
) -> None:
    import duckdb

    with contextlib.suppress(duckdb.InvalidInputException):  # not registered yet
        con.remove_function(f"_{name}")
    con.create_function(
        f"_{name}",
        body,
        params,
        result,
        type="arrow",
        null_handling="special",
    )


def _calendar_of(
    source: Charter | BusinessCalendar, calendar: str | None
) -> BusinessCalendar:
    if isinstance(source, BusinessCalendar):
        if calendar is not None:
            raise UnknownCalendarError(calendar, ())
        return source
    if not isinstance(source, Charter):
        raise InvalidArgumentError(
            "register takes a Charter or a BusinessCalendar, got "
            f"{type(source).__name__}"
        )
    return source.calendar("default" if calendar is None else calendar)


def register(
    con: Any,
    source: Charter | BusinessCalendar,
    prefix: str = "sc_",
    *,
    calendar: str | None = None,
) -> tuple[str, ...]:
    """Register the business-time functions in a DuckDB connection.

    ``calendar`` names the charter's calendar the clock functions use
    (default ``"default"``); ``sc_deadline`` uses each engagement's own.
    Registering again replaces the functions. Returns the SQL names.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> register(con, charter)
    ('sc_is_open', 'sc_next_open', 'sc_next_close', 'sc_previous_close', 'sc_add', 'sc_elapsed', 'sc_deadline')
    >>> con.execute(
    ...     "SELECT sc_add(TIMESTAMPTZ '2026-03-27 16:00+01', INTERVAL 1 HOUR) AS due"
    ... ).fetchone()[0].isoformat()
    '2026-03-30T07:00:00+00:00'
    """  # noqa: E501 (a doctest output is one line)
    if prefix != "":  # it begins the SQL function names
        check_sql_name(prefix, "prefix")
    if not callable(getattr(con, "create_function", None)):
        raise InvalidArgumentError(
            f"con must be a DuckDB connection (duckdb.connect()), got "
            f"{type(con).__name__}"
        )
    functions = CalendarFunctions(_calendar_of(source, calendar))
    names = []
    for short, (params, result) in _CLOCK.items():
        name = prefix + short
        types = [kind or _TZ for _, kind in params]
        call = _call(name, params)
        if short == "add":
            types, call = [_TZ, "BIGINT"], f"_{name}(ts, {_micros(name, 'd')})"
        _function(con, name, getattr(functions, short), types, result)
        con.execute(_macro(name, (params, call)))
        names.append(name)
    if isinstance(source, Charter):
        name = prefix + "deadline"
        _function(con, name, DeadlineFunction(source), ["VARCHAR", _TZ, "BIGINT"], _TZ)
        first = f"_{name}(engagement, ts, 0)"
        con.execute(
            _macro(name, (_DEADLINE[:2], first), (_DEADLINE, _call(name, _DEADLINE)))
        )
        names.append(name)
    return tuple(names)


def _relation(con: Any, source: Any) -> Any:
    """A relation of a table or view name, a query, or a relation itself."""
    if not isinstance(source, str):
        return source
    if _IDENTIFIER.match(source):
        return con.table(source)
    return con.sql(source)


def evaluate(
    con: Any,
    charter: Charter,
    requests: Any,
    *,
    now: NowIn | None = None,
    at_risk: tuple[float, ...] = (0.75, 0.9),
    pauses: Any = None,
    events: Any = None,
    prefix: str = "sc_",
) -> Evaluation:
    """Evaluate a requests table of the connection; show the results as views.

    ``requests`` (and ``pauses``, ``events``) is a table or view name, a
    query, or a DuckDB relation, with the columns ``evaluate`` reads
    (``received_at`` as ``TIMESTAMPTZ``...). The lines, summary and problems
    become the views ``{prefix}lines``, ``{prefix}summary`` and
    ``{prefix}problems`` of the connection, with every column of
    ``Evaluation.to_arrow``, and the ``Evaluation`` is returned. ``events``
    is given to ``evaluate`` as its events table, for charters whose
    objectives follow a request's events.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute(
    ...     "CREATE TABLE requests AS SELECT 'anomalies' AS engagement, "
    ...     "TIMESTAMPTZ '2026-03-27 16:00+01' AS received_at"
    ... )
    >>> result = evaluate(
    ...     con, charter, "requests", now=dt.datetime(2026, 3, 30, tzinfo=paris)
    ... )
    >>> con.sql("SELECT status, remaining FROM sc_lines").fetchall()
    [('open', datetime.timedelta(seconds=10800))]
    """
    tables = {"pauses": pauses, "events": events}
    extra = {
        name: _relation(con, value).to_arrow_table()
        for name, value in tables.items()
        if value is not None
    }
    result = evaluate_requests(
        charter,
        _relation(con, requests).to_arrow_table(),
        now=now,
        at_risk=at_risk,
        **extra,
    )
    for view, table in (
        ("lines", "requests"),
        ("summary", "summary"),
        ("problems", "problems"),
    ):
        con.register(prefix + view, result.to_arrow(table))
    return result
