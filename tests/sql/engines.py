"""One way to run the clock SQL in each engine, on a batch of inputs at once.

``Engine.load`` writes a clock table with ``servicecharter.sql.write`` and
runs the dialect's setup; ``Engine.select`` evaluates SQL expressions over
rows of integer inputs (``t``, ``u``, ``d``: microseconds, None for NULL)
and timestamp inputs (``ts``, ``us``: aware datetimes), in input order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from servicecharter.sql import ClockSQL, Dialect, clock_sql, write

COLUMNS = ("t", "u", "d")
UTC = pa.timestamp("us", tz="UTC")


class Engine:
    """A connection and the clock SQL of its dialect."""

    def __init__(self, dialect: Dialect, con: Any) -> None:
        self.dialect = dialect
        self.con = con
        self.clock = ClockSQL(dialect)

    def load(self, table: pa.Table) -> None:
        write(table, self.con, "sc_clock", if_exists="replace")
        setup = clock_sql(self.dialect)
        if self.dialect == "sqlite":
            self.con.executescript(setup)
        elif self.dialect == "duckdb":
            self.con.execute(setup)
        else:
            self.con.execute(setup)
            self.con.commit()

    def select(
        self,
        expressions: list[str],
        ints: dict[str, list[int | None]],
        stamps: dict[str, list[dt.datetime | None]] | None = None,
    ) -> list[tuple[Any, ...]]:
        stamps = stamps or {}
        n = len(next(iter(ints.values())))
        shown = ", ".join(expressions)
        if self.dialect == "duckdb":
            data = pa.table(
                {"i": list(range(n))}
                | {k: pa.array(v, pa.int64()) for k, v in ints.items()}
                | {k: pa.array(v, UTC) for k, v in stamps.items()}
            )
            self.con.register("inputs", data)
            return self.con.execute(f"SELECT {shown} FROM inputs ORDER BY i").fetchall()  # type: ignore[no-any-return]
        if self.dialect == "sqlite":
            self.con.execute("DROP TABLE IF EXISTS inputs")
            names = ["i", *ints]
            self.con.execute(f"CREATE TEMP TABLE inputs ({', '.join(names)})")
            rows = zip(range(n), *ints.values(), strict=True)
            marks = ", ".join("?" * len(names))
            self.con.executemany(f"INSERT INTO inputs VALUES ({marks})", list(rows))
            return self.con.execute(f"SELECT {shown} FROM inputs ORDER BY i").fetchall()  # type: ignore[no-any-return]
        names = ["i", *ints, *stamps]
        types = ["bigint"] * (1 + len(ints)) + ["timestamptz"] * len(stamps)
        self.con.execute("DROP TABLE IF EXISTS inputs")
        columns = ", ".join(f"{n} {t}" for n, t in zip(names, types, strict=True))
        self.con.execute(f"CREATE TEMP TABLE inputs ({columns})")
        rows = zip(range(n), *ints.values(), *stamps.values(), strict=True)
        marks = ", ".join(["%s"] * len(names))
        with self.con.cursor() as cursor:
            cursor.executemany(f"INSERT INTO inputs VALUES ({marks})", list(rows))
        return self.con.execute(f"SELECT {shown} FROM inputs ORDER BY i").fetchall()  # type: ignore[no-any-return]
