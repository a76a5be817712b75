"""polars and pyarrow inputs: the same requests in every format, same results.

The same requests and pauses are given as a dict of numpy arrays, a pandas
DataFrame, a polars DataFrame and a pyarrow Table, with instants in
different zones and units; every output must be identical.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from servicecharter import (
    BusinessCalendar,
    Evaluation,
    InvalidArgumentError,
    NaiveDatetimeError,
    OpeningHours,
    evaluate,
)
from tests.support.charters import CHARTER, PAUSABLE
from tests.support.zones import PARIS

NOW = dt.datetime(2026, 3, 30, 10, tzinfo=PARIS)
FORMATS = ("numpy", "pandas", "polars", "pyarrow")


def utc(text: str) -> np.datetime64:
    return np.datetime64(text, "us")


# Received and responded instants in UTC (NaT: missing); two bad rows (an
# unknown engagement, a response before the receipt), one missing receipt,
# open and overdue requests, a row on another calendar zone, paused requests.
IDS = ["a1", "a2", "a3", "w1", "w2", "bad", "late", "none", "tz", "a4"]
ENGAGEMENTS = [
    "anomalies",
    "anomalies",
    "anomalies",
    "web-form",
    "web-form",
    "nope",
    "anomalies",
    "anomalies",
    "anomalies",
    "anomalies",
]
RECEIVED = np.array(
    [
        "2026-03-27T08:00",
        "2026-03-27T08:00",
        "2026-03-27T15:00",
        "2026-03-25T09:00",
        "2026-03-25T09:00",
        "2026-03-25T09:00",
        "2026-03-27T08:00",
        "NaT",
        "2026-03-27T08:00:00.123456",
        "2026-03-26T08:00",
    ],
    dtype="datetime64[us]",
)
RESPONDED = np.array(
    [
        "2026-03-27T10:00",
        "2026-03-27T15:30",
        "NaT",
        "2026-03-25T15:00",
        "2026-03-26T09:00",
        "2026-03-25T10:00",
        "2026-03-27T07:00",
        "NaT",
        "2026-03-27T20:00",
        "NaT",
    ],
    dtype="datetime64[us]",
)
TZ = ["", "", "", "", "", "", "", "", "America/New_York", ""]
PAUSE_REQUEST = ["a1", "a3", "a3", "nobody"]
PAUSE_START = np.array(
    ["2026-03-27T08:30", "2026-03-27T15:30", "2026-03-27T15:45", "2026-03-27T09:00"],
    dtype="datetime64[us]",
)
PAUSE_END = np.array(
    ["2026-03-27T09:00", "2026-03-27T16:00", "NaT", "2026-03-27T10:00"],
    dtype="datetime64[us]",
)


def _pandas_instants(values: np.ndarray, zone: str) -> pd.Series:
    return pd.Series(values).dt.tz_localize("UTC").dt.tz_convert(zone)


def _polars_instants(values: np.ndarray, zone: str, unit: str = "us") -> pl.Series:
    series = pl.Series(values).dt.replace_time_zone("UTC")
    return series.dt.convert_time_zone(zone).dt.cast_time_unit(unit)  # type: ignore[arg-type]


def _arrow_instants(values: np.ndarray, zone: str, unit: str = "us") -> pa.Array:
    return (
        pa.array(values, type=pa.timestamp("us"))
        .cast(pa.timestamp("us", tz="UTC"))
        .cast(pa.timestamp(unit, tz=zone))
    )


def _texts(values: list[str]) -> list[str | None]:
    return [v or None for v in values]


def requests_as(kind: str) -> Any:
    if kind == "numpy":
        return {
            "id": np.array(IDS),
            "engagement": np.array(ENGAGEMENTS),
            "received_at": RECEIVED,
            "responded_at": RESPONDED,
            "tz": np.array(TZ),
        }
    if kind == "pandas":
        return pd.DataFrame(
            {
                "id": IDS,
                "engagement": ENGAGEMENTS,
                "received_at": _pandas_instants(RECEIVED, "Europe/Paris"),
                "responded_at": _pandas_instants(RESPONDED, "Asia/Tokyo"),
                "tz": _texts(TZ),
            }
        )
    if kind == "polars":
        return pl.DataFrame(
            {
                "id": IDS,
                "engagement": pl.Series(ENGAGEMENTS, dtype=pl.Categorical),
                "received_at": _polars_instants(RECEIVED, "Europe/Paris"),
                "responded_at": _polars_instants(RESPONDED, "Asia/Kathmandu", "ns"),
                "tz": _texts(TZ),
            }
        )
    return pa.table(
        {
            "id": pa.array(IDS),
            "engagement": pa.array(ENGAGEMENTS).dictionary_encode(),
            "received_at": pa.chunked_array(
                [
                    _arrow_instants(RECEIVED[:4], "Europe/Paris"),
                    _arrow_instants(RECEIVED[4:], "Europe/Paris"),
                ]
            ),
            "responded_at": _arrow_instants(RESPONDED, "UTC", "ns"),
            "tz": pa.array(_texts(TZ)),
        }
    )


def pauses_as(kind: str) -> Any:
    if kind == "numpy":
        return {
            "request": np.array(PAUSE_REQUEST),
            "start": PAUSE_START,
            "end": PAUSE_END,
        }
    if kind == "pandas":
        return pd.DataFrame(
            {
                "request": PAUSE_REQUEST,
                "start": _pandas_instants(PAUSE_START, "Europe/Paris"),
                "end": _pandas_instants(PAUSE_END, "UTC"),
            }
        )
    if kind == "polars":
        return pl.DataFrame(
            {
                "request": PAUSE_REQUEST,
                "start": _polars_instants(PAUSE_START, "Europe/Paris", "ms"),
                "end": _polars_instants(PAUSE_END, "UTC"),
            }
        )
    return pa.table(
        {
            "request": PAUSE_REQUEST,
            "start": _arrow_instants(PAUSE_START, "Europe/Paris", "ms"),
            "end": _arrow_instants(PAUSE_END, "UTC"),
        }
    )


def run(kind: str) -> Evaluation:
    return evaluate(PAUSABLE, requests_as(kind), now=NOW, pauses=pauses_as(kind))


def assert_same(result: Evaluation, expected: Evaluation) -> None:
    assert list(result.requests) == list(expected.requests)
    for name, column in expected.requests.items():
        if name != "id":  # texts: numpy "U" from numpy input, objects otherwise
            assert result.requests[name].dtype == column.dtype, name
        np.testing.assert_array_equal(result.requests[name], column, err_msg=name)
    assert repr(result.summary) == repr(expected.summary)  # NaN equal to NaN
    assert result.problems == expected.problems
    assert result.now == expected.now


@pytest.mark.parametrize("kind", FORMATS[1:])
def test_every_format_gives_identical_results(kind: str) -> None:
    assert_same(run(kind), run("numpy"))


def test_the_reference_result_is_not_trivial() -> None:
    result = run("numpy")
    assert set(result.requests["status"].tolist()) == {
        "met",
        "breached",
        "open",
        "overdue",
        "invalid",
    }
    paused = dict(
        zip(result.requests["id"].tolist(), result.requests["paused"], strict=False)
    )
    assert paused["a1"] > np.timedelta64(0, "us")
    assert {p.id for p in result.problems} == {"nobody", "a3", "bad", "late", "none"}


@pytest.mark.parametrize("kind", ["polars", "pyarrow"])
def test_mapping_of_foreign_columns(kind: str) -> None:
    table = requests_as(kind)
    if kind == "polars":
        columns = {name: table[name] for name in table.columns}
    else:
        columns = {name: table.column(name) for name in table.column_names}
    assert_same(
        evaluate(PAUSABLE, columns, now=NOW, pauses=pauses_as(kind)), run("numpy")
    )


def test_empty_foreign_tables() -> None:
    empty = pl.DataFrame(
        {
            "engagement": pl.Series([], dtype=pl.String),
            "received_at": pl.Series([], dtype=pl.Datetime("us", "UTC")),
        }
    )
    assert len(evaluate(CHARTER, empty, now=NOW).requests["row"]) == 0
    assert len(evaluate(CHARTER, empty.to_arrow(), now=NOW).requests["row"]) == 0


# -- naive datetimes ------------------------------------------------------------


def test_naive_polars_columns_are_refused() -> None:
    naive = requests_as("polars").with_columns(
        pl.col("responded_at").dt.replace_time_zone(None)
    )
    with pytest.raises(NaiveDatetimeError, match="naive polars"):
        evaluate(CHARTER, naive, now=NOW)
    pauses = pauses_as("polars").with_columns(pl.col("end").dt.replace_time_zone(None))
    with pytest.raises(NaiveDatetimeError, match="naive polars"):
        evaluate(PAUSABLE, requests_as("polars"), now=NOW, pauses=pauses)


def test_naive_pyarrow_columns_are_refused() -> None:
    table = requests_as("pyarrow")
    naive = table.set_column(
        table.column_names.index("received_at"),
        "received_at",
        pa.array(RECEIVED, type=pa.timestamp("us")),
    )
    with pytest.raises(NaiveDatetimeError, match="naive pyarrow"):
        evaluate(CHARTER, naive, now=NOW)
    pauses = pa.table(
        {
            "request": PAUSE_REQUEST,
            "start": pa.array(PAUSE_START, type=pa.timestamp("us")),
            "end": _arrow_instants(PAUSE_END, "UTC"),
        }
    )
    with pytest.raises(NaiveDatetimeError, match="naive pyarrow"):
        evaluate(PAUSABLE, table, now=NOW, pauses=pauses)


def test_naive_columns_not_read_as_instants_are_ignored() -> None:
    frame = requests_as("polars").with_columns(
        pl.col("received_at").dt.replace_time_zone(None).alias("note")
    )
    assert_same(
        evaluate(PAUSABLE, frame, now=NOW, pauses=pauses_as("polars")), run("numpy")
    )


# -- BusinessCalendar arrays ----------------------------------------------------

CAL = BusinessCalendar(
    OpeningHours.parse("Mo-Fr 09:00-12:00,14:00-17:00", tz="Europe/Paris")
)
# Around the switch to summer time, with a NaT.
INSTANTS = np.array(
    [
        "2026-03-27T07:59:59.999999",
        "2026-03-27T11:00",
        "2026-03-27T16:30",
        "NaT",
        "2026-03-29T01:00",
        "2026-03-30T07:00",
    ],
    dtype="datetime64[us]",
)


def foreign_instants() -> list[Any]:
    return [
        _polars_instants(INSTANTS, "Europe/Paris"),
        _polars_instants(INSTANTS, "Asia/Kathmandu", "ns"),
        _arrow_instants(INSTANTS, "America/New_York"),
        _arrow_instants(INSTANTS, "UTC", "ns"),
        pa.chunked_array(
            [_arrow_instants(INSTANTS[:2], "UTC"), _arrow_instants(INSTANTS[2:], "UTC")]
        ),
    ]


@pytest.mark.parametrize("values", foreign_instants(), ids=repr)
def test_calendar_arrays_read_aware_foreign_instants(values: Any) -> None:
    d = np.timedelta64(90, "m")
    np.testing.assert_array_equal(CAL.is_open(values), CAL.is_open(INSTANTS))
    np.testing.assert_array_equal(CAL.next_open(values), CAL.next_open(INSTANTS))
    np.testing.assert_array_equal(CAL.add(values, d), CAL.add(INSTANTS, d))
    np.testing.assert_array_equal(
        CAL.elapsed(values, INSTANTS[::-1]), CAL.elapsed(INSTANTS, INSTANTS[::-1])
    )
    np.testing.assert_array_equal(CAL.local_date(values), CAL.local_date(INSTANTS))


def test_calendar_arrays_refuse_naive_foreign_instants() -> None:
    with pytest.raises(NaiveDatetimeError, match="naive polars"):
        CAL.is_open(pl.Series(INSTANTS))
    with pytest.raises(NaiveDatetimeError, match="naive pyarrow"):
        CAL.next_open(pa.array(INSTANTS))


def test_calendar_arrays_refuse_foreign_texts() -> None:
    with pytest.raises(Exception, match="aware datetime"):
        CAL.is_open(pl.Series(["2026-03-27T09:00+01:00"]))


# -- to_polars ------------------------------------------------------------------


def test_to_polars_mirrors_to_pandas() -> None:
    result = run("numpy")
    frame = result.to_polars()
    assert frame.columns == list(result.requests)
    assert frame.schema["deadline"] == pl.Datetime("us", "UTC")
    assert frame.schema["used"] == pl.Duration("us")
    for name, column in result.requests.items():
        values = frame[name]
        if column.dtype.kind == "M":
            values = values.dt.replace_time_zone(None)
        np.testing.assert_array_equal(values.to_numpy(), column, err_msg=name)
    expected = result.to_pandas()
    for table in ("summary", "problems"):
        mine, theirs = result.to_polars(table), result.to_pandas(table)
        assert mine.columns == list(theirs.columns)
        assert len(mine) == len(theirs)
    assert result.to_polars("problems")["reason"].to_list() == [
        p.reason for p in result.problems
    ]
    assert len(expected) == len(frame)


def test_to_polars_types_empty_results() -> None:
    result = evaluate(CHARTER, {"engagement": [], "received_at": []}, now=NOW)
    assert len(result.to_polars()) == 0
    assert result.to_polars("summary").schema["p50"] == pl.Duration("us")
    assert result.to_polars("problems").columns == ["row", "id", "reason"]


def test_to_polars_rejects_unknown_table() -> None:
    with pytest.raises(InvalidArgumentError, match="table must be one of"):
        run("numpy").to_polars("nope")


def test_import_does_not_import_polars_or_pyarrow() -> None:
    code = (
        "import sys, servicecharter, servicecharter.strategies\n"
        "loaded = {'polars', 'pyarrow', 'pandas'} & set(sys.modules)\n"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
