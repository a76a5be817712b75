"""Hostile arguments to the public API: the library's own errors, never wrong answers.

Each case was found by an adversarial run over the calendar, the
dataframe namespaces, the SQL functions and the notation; each used to
answer wrongly, or to raise a bare Python or numpy error.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import servicecharter.frames.pandas  # noqa: F401 (registers the .sc accessor)
from servicecharter import (
    BusinessCalendar,
    HorizonError,
    InvalidArgumentError,
    InvalidDurationError,
    NotationError,
    OpeningHours,
    examples,
)
from servicecharter.sql.duckdb import register

PARIS = ZoneInfo("Europe/Paris")
CAL = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz=PARIS))
# Monday 30 March 2026 00:30 in Paris is still Sunday in UTC.
MONDAY_NIGHT = dt.datetime(2026, 3, 30, 0, 30, tzinfo=PARIS)


def _aware_columns() -> dict[str, object]:
    naive = MONDAY_NIGHT.replace(tzinfo=None)
    return {
        "polars": pl.Series([naive]).dt.replace_time_zone("Europe/Paris"),
        "pyarrow": pa.array([MONDAY_NIGHT], type=pa.timestamp("us", tz="Europe/Paris")),
        "pandas": pd.Series([pd.Timestamp(MONDAY_NIGHT)]),
    }


@pytest.mark.parametrize("library", ["polars", "pyarrow", "pandas"])
def test_date_methods_read_an_aware_column_as_local_dates(library: str) -> None:
    column = _aware_columns()[library]
    assert CAL.is_business_day(MONDAY_NIGHT)  # the scalar: Monday in Paris
    assert CAL.is_business_day(column).tolist() == [True]
    want = CAL.first_open(MONDAY_NIGHT).astimezone(dt.UTC).replace(tzinfo=None)
    assert CAL.first_open(column).tolist() == [want]
    monday = dt.date(2026, 3, 30)
    assert CAL.add_business_days(column, 1).tolist() == [monday + dt.timedelta(1)]


def test_a_pandas_column_in_seconds_past_the_years_is_refused() -> None:
    # 10**13 s is in year 318857: converted to microseconds it would wrap.
    far = pd.Series(pd.DatetimeIndex(np.array([10**13], "M8[s]")).tz_localize("UTC"))
    with pytest.raises(HorizonError, match="318857"):
        CAL.next_open(far)
    with pytest.raises(HorizonError, match="318857"):
        far.sc.next_open(CAL)


def test_unsigned_business_day_counts_do_not_wrap() -> None:
    with pytest.raises(HorizonError, match="18446744073709551615 business days"):
        CAL.add_business_days(dt.date(2026, 3, 27), np.array([2**64 - 1], np.uint64))
    small = CAL.add_business_days(dt.date(2026, 3, 27), np.array([1], np.uint64))
    assert small.tolist() == [dt.date(2026, 3, 30)]


@pytest.mark.parametrize(
    ("day", "count", "named"),
    [
        (dt.date(9998, 12, 31), 1, "1 business day reaches past"),
        (dt.date(2, 1, 1), -3, "-3 business days reach past"),
    ],
)
def test_a_count_past_the_years_names_the_date_it_starts_from(
    day: dt.date, count: int, named: str
) -> None:
    with pytest.raises(HorizonError, match=named) as info:
        CAL.add_business_days(day, count)
    assert day.isoformat() in str(info.value)


def test_a_date_past_year_9999_in_the_calendars_zone_is_a_horizon_error() -> None:
    late = dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)  # 10000 in Paris
    for method in (CAL.is_business_day, CAL.first_open, CAL.day_start):
        with pytest.raises(HorizonError, match="outside the supported years"):
            method(late)


@pytest.mark.parametrize("unit", ["fs", "as"])
def test_date_methods_read_the_finest_units(unit: str) -> None:
    epoch = np.array([0, -1], dtype=f"datetime64[{unit}]")  # 1970-01-01 and before
    days = CAL.is_business_day(epoch)  # a Thursday, then a Wednesday
    assert days.tolist() == [True, True]
    assert CAL.day_start(epoch).view(np.int64).tolist() == [
        CAL.day_start(dt.date(1970, 1, 1)).timestamp() * 1e6 // 1,
        CAL.day_start(dt.date(1969, 12, 31)).timestamp() * 1e6 // 1,
    ]


@pytest.mark.parametrize(
    "bound", [dt.timedelta.max, dt.timedelta(days=3_000_000), dt.timedelta(0)]
)
def test_a_search_bound_past_what_one_call_covers_is_refused(
    bound: dt.timedelta,
) -> None:
    with pytest.raises(InvalidArgumentError, match="search_bound"):
        BusinessCalendar(CAL.hours, search_bound=bound)


@pytest.mark.parametrize(
    "text",
    [
        "easter +99999999999 days off",
        "PH -3000000 days off",
        "Sa[-1] +3000000 days off",
        "easter +367 days off",
    ],
)
def test_a_day_offset_past_a_year_is_a_notation_error(text: str) -> None:
    with pytest.raises(NotationError, match="at most 366 days"):
        OpeningHours.parse(text, tz=PARIS, holidays="FR")


@pytest.mark.parametrize("offset", ["", " +1 day", " +300 days", " -2 days"])
def test_easter_rules_compute_in_the_last_supported_year(offset: str) -> None:
    # The calendar compiles the year after too: Easter of year 10000, or
    # Easter of 9999 plus the offset, is no date.
    hours = OpeningHours.parse(f"Mo-Fr 09:00-17:00; easter{offset} off", tz=PARIS)
    late = dt.datetime(9998, 12, 1, 10, tzinfo=PARIS)  # a Tuesday
    assert BusinessCalendar(hours).is_open(late)
    easter_monday = dt.datetime(9998, 4, 6, 10, tzinfo=PARIS)  # Easter: 5 April
    assert BusinessCalendar(hours).is_open(easter_monday) == (offset != " +1 day")


def test_a_unitless_timedelta64_names_the_missing_unit() -> None:
    with pytest.raises(InvalidDurationError, match="without a unit"):
        CAL.add(MONDAY_NIGHT, np.timedelta64(1))


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    register(connection, examples.load("technical-support"))
    return connection


@pytest.mark.parametrize("objective", [-1, -7])
def test_sql_a_negative_objective_is_an_error(
    con: duckdb.DuckDBPyConnection, objective: int
) -> None:
    sql = "SELECT sc_deadline('anomalies', TIMESTAMPTZ '2026-03-27 16:30+01', ?)"
    with pytest.raises(duckdb.Error, match="numbered from 0"):
        con.execute(sql, [objective]).fetchall()
    null = "SELECT sc_deadline('anomalies', TIMESTAMPTZ '2026-03-27 16:30+01', NULL)"
    assert con.execute(null).fetchall() == [(None,)]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT sc_is_open(NULL)",
        "SELECT sc_add(NULL, INTERVAL 1 HOUR)",
        "SELECT sc_deadline('anomalies', NULL)",
    ],
)
def test_sql_an_untyped_null_gives_null(
    con: duckdb.DuckDBPyConnection, query: str
) -> None:
    assert con.execute(query).fetchall() == [(None,)]


def test_sql_a_naive_timestamp_is_still_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(duckdb.Error, match="NaiveDatetimeError"):
        con.execute("SELECT sc_add(TIMESTAMP '2026-03-27 16:30', INTERVAL 1 HOUR)")


@pytest.mark.parametrize(
    "prefix",
    [
        "1bad",
        "x; DROP TABLE t; --",
        "evil(ts) AS 1; CREATE TABLE p AS SELECT 1 AS",
        None,
    ],
)
def test_sql_a_prefix_that_is_no_name_is_refused(prefix: object) -> None:
    connection = duckdb.connect()
    with pytest.raises(InvalidArgumentError, match="prefix must be"):
        register(connection, CAL, prefix=prefix)  # type: ignore[arg-type]
    tables = connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    assert tables == []


@pytest.mark.parametrize("con", [None, "db.duckdb"])
def test_sql_register_needs_a_connection(con: object) -> None:
    with pytest.raises(InvalidArgumentError, match="DuckDB connection"):
        register(con, CAL)


def test_masked_values_of_a_numpy_masked_array_are_nat() -> None:
    t = np.ma.array(
        np.array(["2026-03-27T09:00", "2026-03-27T10:00"], "M8[us]"), mask=[0, 1]
    )
    d = np.ma.array(np.array([1, 2], "m8[h]"), mask=[1, 0])
    assert np.isnat(CAL.add(t, np.timedelta64(1, "h"))).tolist() == [False, True]
    assert np.isnat(CAL.add(t.data, d)).tolist() == [True, False]
    days = np.ma.array(np.array(["2026-03-27", "2026-03-28"], "M8[D]"), mask=[0, 1])
    assert np.isnat(CAL.first_open(days)).tolist() == [False, True]


def test_sql_the_smallest_int64_objective_is_no_null(
    con: duckdb.DuckDBPyConnection,
) -> None:
    sql = "SELECT sc_deadline('anomalies', TIMESTAMPTZ '2026-03-27 16:30+01', ?)"
    with pytest.raises(duckdb.Error, match="numbered from 0"):
        con.execute(sql, [-(2**63)]).fetchall()


def test_summarize_groups_missing_values_apart_from_texts() -> None:
    from servicecharter import evaluate
    from servicecharter.compliance import summarize

    charter = examples.load("technical-support")
    received = pd.to_datetime(["2026-03-27T08:00"] * 4, utc=True)
    frame = pd.DataFrame(
        {
            "engagement": ["anomalies"] * 4,
            "received_at": received,
            "responded_at": received + pd.Timedelta(hours=1),
            "channel_name": ["a", None, np.nan, "None"],
        }
    )
    result = evaluate(charter, frame, now=np.datetime64("2026-12-02"))
    entries = summarize(result, charter, group_by="channel_name", requests=frame)
    assert sorted((e["group"], e["lines"]) for e in entries) == [
        ("", 2),
        ("None", 1),
        ("a", 1),
    ]


@pytest.mark.parametrize("worst", [None, "2", 2.5, True])
def test_assert_attainment_checks_worst_up_front(worst: object) -> None:
    from servicecharter.testing import assert_attainment

    charter = examples.load("technical-support")
    friday = dt.datetime(2026, 3, 27, 10, tzinfo=PARIS)
    met = {"engagement": "anomalies", "received_at": friday, "responded_at": friday}
    with pytest.raises(InvalidArgumentError, match="worst must be"):
        assert_attainment(charter, [met], now=friday, worst=worst)  # type: ignore[arg-type]


def test_assert_met_takes_a_numpy_objective_number() -> None:
    from servicecharter.testing import assert_met

    charter = examples.load("technical-support")
    friday = dt.datetime(2026, 3, 27, 16, 30, tzinfo=PARIS)
    assert_met(charter, "anomalies", friday, friday, objective=np.int64(0))
    with pytest.raises(InvalidArgumentError, match="objective must be"):
        assert_met(charter, "anomalies", friday, friday, objective=True)


def test_market_holidays_check_their_year_arguments() -> None:
    from servicecharter import FinancialHolidays, InvalidHoursError

    for year in ("2026", 2026.0, None, True):
        with pytest.raises(InvalidHoursError, match="expected a year number"):
            FinancialHolidays("XNYS").dates(year, 2026)  # type: ignore[arg-type]


def test_a_numeric_subdivision_is_told_to_be_text() -> None:
    from servicecharter import PublicHolidays, UnknownCountryError

    with pytest.raises(UnknownCountryError, match="code as text"):
        PublicHolidays("FR", 57)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_hours_of_the_first_and_last_dates_are_out_of_reach(day: dt.date) -> None:
    ruled = OpeningHours.parse("Mo-Fr 09:00-17:00; Mo[1] 10:00-12:00", tz="UTC")
    with pytest.raises(HorizonError, match="outside the supported years"):
        ruled.ranges_on(day)


def test_the_timeline_margin_stays_in_the_supported_years() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from servicecharter.plot import Segment, plot_timeline

    utc = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    for start, end in [
        (
            dt.datetime(2, 1, 1, 0, 10, tzinfo=dt.UTC),
            dt.datetime(2, 1, 3, tzinfo=dt.UTC),
        ),
        (
            dt.datetime(9998, 12, 31, 20, tzinfo=dt.UTC),
            dt.datetime(9998, 12, 31, 23, 50, tzinfo=dt.UTC),
        ),
    ]:
        plot_timeline(utc, Segment(start, end))


def test_cli_open_echoes_a_wall_time_in_a_gap_as_its_instant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from servicecharter.cli import main

    main(["open", "technical-support", "--at", "2026-03-29T02:30"])
    gap = capsys.readouterr().out
    main(["open", "technical-support", "--at", "2026-03-29T01:30Z"])
    assert gap == capsys.readouterr().out
    assert "03:30:00+02:00" in gap


def test_school_holidays_are_refused_by_the_writer_not_dropped() -> None:
    import attrs

    from servicecharter import InvalidCharterError, dumps
    from servicecharter.charter.fields import FrozenDict

    hours = OpeningHours.parse(
        "Mo-Fr 09:00-17:00; SH off", tz=PARIS, school_holidays=[dt.date(2026, 7, 1)]
    )
    base = examples.load("technical-support")
    charter = attrs.evolve(base, calendars=FrozenDict({"default": hours}))
    with pytest.raises(InvalidCharterError, match="school holidays"):
        dumps(charter)
