"""Benchmark the integrations against the library's own array calls, in one run.

Run: ``PYTHONPATH=src python benchmarks/bench_sql.py [--n 1000000] [--check]``.
Every row is a ratio to a reference measured in the same run on the same
data (the median of ``--repeat`` runs each):

- DuckDB ``sc_add`` over n rows, the answers kept in DuckDB (an aggregate
  reads them) and fetched as Arrow, against ``BusinessCalendar.add`` on
  numpy arrays; target: the in-database figure within 2x;
- the generated clock SQL ``elapsed`` over n pairs in DuckDB (its macros, and
  the ASOF-join query of ``ClockSQL.select_elapsed``), against
  ``BusinessCalendar.elapsed``; reported, no target;
- the pandas accessor and the polars namespace ``add`` over n rows against
  the bare ``BusinessCalendar.add`` on numpy arrays; target: under 10 % more.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

import servicecharter.frames.pandas
import servicecharter.frames.polars  # noqa: F401 (registers Expr.sc)
from common import SEED, argument_parser, fmt_seconds, markdown, median_best
from servicecharter import BusinessCalendar, OpeningHours
from servicecharter.sql import ClockSQL, clock_sql, write
from servicecharter.sql import duckdb as sc_duckdb

START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
YEAR_US = 365 * 86_400_000_000
FOUR_HOURS = np.timedelta64(4, "h")
_TZ = "TIMESTAMP WITH TIME ZONE"


def timed(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm: compiled horizon, DuckDB caches
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        samples.append(time.perf_counter() - began)
    return median_best(samples)[0]


def main() -> int:
    parser = argument_parser(__doc__)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    n, repeat = options.n, options.repeat
    cal = BusinessCalendar(
        OpeningHours.parse(
            "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
        )
    )
    rng = np.random.default_rng(SEED)
    epoch = int(np.datetime64("2026-01-01T00:00", "us").astype(np.int64))
    a = epoch + rng.integers(0, YEAR_US * 3 // 4, n)
    b = a + rng.integers(0, 10 * 86_400_000_000, n)
    t64 = a.view("M8[us]")
    utc = pa.timestamp("us", tz="UTC")

    con = duckdb.connect()
    sc_duckdb.register(con, cal)
    con.register("t", pa.table({"ts": pa.array(a).view(utc)}))
    con.execute("CREATE TABLE rows AS FROM t")
    rows: list[tuple[str, float, float, str]] = []

    library_add = timed(lambda: cal.add(t64, FOUR_HOURS), repeat)
    inside = timed(
        lambda: con.execute(
            "SELECT max(sc_add(ts, INTERVAL 4 HOUR)) FROM rows"
        ).fetchall(),
        repeat,
    )
    fetched = timed(
        lambda: con.sql(
            "SELECT sc_add(ts, INTERVAL 4 HOUR) FROM rows"
        ).to_arrow_table(),
        repeat,
    )
    plain = timed(
        lambda: con.execute("SELECT max(ts + INTERVAL 4 HOUR) FROM rows").fetchall(),
        repeat,
    )
    # The least any Python function costs in DuckDB: one that returns its
    # input, called per batch as sc_add is.
    untyped: Any = con  # the stubs spell the function kinds as enums only
    untyped.create_function(
        "_same", lambda x: x, [_TZ], _TZ, type="arrow", null_handling="special"
    )
    same = timed(
        lambda: con.execute("SELECT max(_same(ts)) FROM rows").fetchall(), repeat
    )
    # DuckDB's threads each call Python, and contend for its interpreter.
    con.execute("SET threads = 1")
    one_thread = timed(
        lambda: con.execute(
            "SELECT max(sc_add(ts, INTERVAL 4 HOUR)) FROM rows"
        ).fetchall(),
        repeat,
    )
    con.execute("RESET threads")
    rows += [
        ("DuckDB sc_add, kept in DuckDB", inside, library_add, "< 2x"),
        ("DuckDB sc_add, fetched as Arrow", fetched, library_add, "-"),
        ("DuckDB sc_add, SET threads = 1", one_thread, library_add, "-"),
        ("(DuckDB Arrow function returning its input)", same, library_add, "-"),
        ("(DuckDB ts + INTERVAL, for scale)", plain, library_add, "-"),
    ]

    con = duckdb.connect()  # the clock SQL, in a connection of its own
    write(cal.clock_table(START, START + dt.timedelta(days=366)), con, "sc_clock")
    con.execute(clock_sql("duckdb"))
    con.register("p", pa.table({"a": a, "b": b}))
    con.execute("CREATE TABLE pairs AS FROM p")
    library_elapsed = timed(lambda: cal.elapsed(t64, b.view("M8[us]")), repeat)
    macros = timed(
        lambda: con.execute("SELECT sum(sc_elapsed_us(a, b)) FROM pairs").fetchall(), 1
    )
    query = ClockSQL("duckdb").select_elapsed("pairs", "a", "b")
    asof = timed(
        lambda: con.execute(f"SELECT sum(elapsed_us) FROM ({query})").fetchall(),
        repeat,
    )
    rows += [
        ("clock SQL elapsed, DuckDB macros", macros, library_elapsed, "-"),
        ("clock SQL elapsed, DuckDB ASOF query", asof, library_elapsed, "-"),
    ]

    series = pd.Series(pd.DatetimeIndex(t64).tz_localize("UTC"))
    frame = pl.DataFrame({"t": pl.Series(t64).dt.replace_time_zone("UTC")})
    hours = dt.timedelta(hours=4)
    accessor = timed(lambda: series.sc.add(cal, hours), repeat)
    sc_add = pl.col("t").sc.add  # type: ignore[attr-defined]
    namespace = timed(lambda: frame.select(sc_add(cal, hours)), repeat)
    # The reference again, beside the rows it judges; and the kernel's floor.
    bare = timed(lambda: cal.add(t64, FOUR_HOURS), repeat)
    four = np.array([4 * 3_600_000_000])
    floor = timed(lambda: cal.kernel.add(a, four), repeat)
    rows += [
        ("pandas Series.sc.add", accessor, bare, "< 1.10x"),
        ("polars Expr.sc.add", namespace, bare, "< 1.10x"),
        ("(kernel.add on int64, the floor)", floor, bare, "-"),
    ]

    print(f"n = {n:,}, median of {repeat} runs (the DuckDB macros: one run)\n")
    table = [
        (name, fmt_seconds(took), fmt_seconds(ref), f"{took / ref:.2f}x", target)
        for name, took, ref, target in rows
    ]
    print(markdown(["row", "time", "library", "ratio", "target"], table))
    failed = [
        name
        for name, took, ref, target in rows
        if target != "-" and took / ref >= float(target.strip("<x "))
    ]
    if failed:
        print("\nover target: " + ", ".join(failed))
    return 1 if options.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
