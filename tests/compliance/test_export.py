"""Evaluation.to_arrow(): every column of each table, nulls for what is missing."""

from __future__ import annotations

import math

import attrs
import numpy as np
import pyarrow as pa
import pytest

from servicecharter import Evaluation, InvalidArgumentError, evaluate
from tests.support.charters import CHARTER
from tests.support.requests import NOW, table_columns


@pytest.fixture(scope="module")
def result() -> Evaluation:
    columns = table_columns()
    columns["id"] = np.array([*columns["id"][:-1], 7], dtype=object)  # mixed ids
    columns["engagement"] = np.array([*columns["engagement"][:-1], "nope"])
    return evaluate(CHARTER, columns, now=NOW)


def test_requests_have_every_column_in_order_with_its_type(result: Evaluation) -> None:
    table = result.to_arrow()
    assert table.column_names == list(result.requests)
    assert table.schema.field("received").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("deadline").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("used").type == pa.duration("us")
    assert table.schema.field("share_used").type == pa.float64()
    assert table.schema.field("at_risk_75").type == pa.bool_()
    assert table.schema.field("id").type == pa.string()  # texts and a number


def test_requests_values_are_the_rows_with_nulls_for_nat_and_nan(
    result: Evaluation,
) -> None:
    table = result.to_arrow()
    for got, want in zip(table.to_pylist(), result.rows(), strict=True):
        for name, value in want.items():
            if isinstance(value, float) and math.isnan(value):
                assert got[name] is None, name
            elif name == "id":
                assert got[name] == str(value)
            else:
                assert got[name] == value, name
    assert table.column("deadline").null_count > 0  # the invalid row


def test_a_new_column_of_the_evaluation_comes_out_too(result: Evaluation) -> None:
    n = len(result.requests["row"])
    cycle = np.arange(n) % 2
    start = result.requests["received"].copy()
    widened = attrs.evolve(
        result, requests={**result.requests, "cycle": cycle, "start": start}
    )
    table = widened.to_arrow()
    assert table.column_names[-2:] == ["cycle", "start"]
    assert table.column("cycle").to_pylist() == cycle.tolist()
    assert table.schema.field("start").type == pa.timestamp("us", tz="UTC")


def test_summary_types_hold_without_judged_requests() -> None:
    empty = evaluate(CHARTER, {"engagement": [], "received_at": []}, now=NOW)
    table = empty.to_arrow("summary")
    assert table.num_rows == len(empty.summary)
    assert table.schema.field("p50").type == pa.duration("us")
    assert table.schema.field("reached").type == pa.bool_()
    assert table.column("attainment").null_count == table.num_rows  # NaN: null


def test_summary_values_match(result: Evaluation) -> None:
    table = result.to_arrow("summary")
    for got, want in zip(table.to_pylist(), result.summary, strict=True):
        assert {k: v for k, v in got.items() if k != "attainment"} == {
            k: v for k, v in want.items() if k != "attainment"
        }


def test_problems_name_row_id_and_reason(result: Evaluation) -> None:
    table = result.to_arrow("problems")
    assert table.column_names == ["row", "id", "reason"]
    assert table.to_pylist() == [
        {"row": p.row, "id": p.id, "reason": p.reason} for p in result.problems
    ]
    assert table.num_rows == 1


def test_an_unknown_table_is_refused(result: Evaluation) -> None:
    with pytest.raises(InvalidArgumentError, match="'requests', 'summary'"):
        result.to_arrow("lines")
