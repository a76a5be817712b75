"""evaluate() on hostile rows: each bad row is its own problem, the rest is answered.

A row outside the years its calendar computes, a time zone that is a folder
of tzdata, pandas' missing values, aware pandas columns of every kind,
nullable ids, a request received after ``now``: none of them may abort the
batch or change the lines of the other rows (``compliance.input``,
``compliance.reach``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
import pytest

from servicecharter import InvalidArgumentError, InvalidRequestError, evaluate, examples
from tests.support.zones import paris

pd = pytest.importorskip("pandas")

CHARTER = examples.load("technical-support")  # Paris, French public holidays
NOW = np.datetime64("2026-04-01T00:00", "us")
GOOD = [  # (engagement, received, responded), all in reach
    ("anomalies", "2026-03-27T08:00", "2026-03-27T10:00"),
    ("anomalies", "2026-03-30T08:00", ""),
    ("web-form", "2026-03-26T15:00", "2026-03-30T09:00"),
]
COLUMNS = ("engagement", "objective", "received", "responded", "deadline")
NUMBERS = ("used", "paused", "remaining", "share_used", "status")


def batch(rows: list[tuple[str, str, str]], **extra: list[Any]) -> dict[str, Any]:
    return {
        "engagement": [r[0] for r in rows],
        "received_at": np.array([r[1] for r in rows], "datetime64[us]"),
        "responded_at": np.array([r[2] or "NaT" for r in rows], "datetime64[us]"),
        **extra,
    }


def lines(result: Any, rows: list[int]) -> dict[str, list[Any]]:
    """The line columns of ``rows``, with their positions left out."""
    pick = np.isin(result.requests["row"], rows)
    return {
        name: [
            None if isinstance(v, float) and np.isnan(v) else v  # NaN != NaN
            for v in np.asarray(result.requests[name])[pick].tolist()
        ]
        for name in COLUMNS + NUMBERS
    }


def assert_rest_unchanged(result: Any, bad_row: int, now: Any = NOW) -> None:
    """The lines of the other rows are those of the good rows evaluated alone."""
    alone = evaluate(CHARTER, batch(GOOD), now=now)
    others = [i for i in range(len(GOOD) + 1) if i != bad_row]
    assert lines(result, others) == lines(alone, list(range(len(GOOD))))


class TestRowsOutOfReach:
    """Item 1: one row outside the supported years aborted the whole batch."""

    @pytest.mark.parametrize(
        ("row", "needle"),
        [
            (("anomalies", "0001-03-27T08:00", ""), "supported years 2-9998"),
            (("anomalies", "9999-03-27T08:00", ""), "supported years 2-9998"),
            (("anomalies", "0002-01-01T00:30", ""), "1803-2100"),
            (("anomalies", "1700-03-27T08:00", ""), "not 1700"),
            (("anomalies", "2026-03-27T08:00", "2999-03-27T08:00"), "not 2999"),
            (("web-form", "1802-12-31T23:30", ""), "not 1802"),
        ],
    )
    def test_one_row_is_a_problem_naming_its_instant(
        self, row: tuple[str, str, str], needle: str
    ) -> None:
        rows = [GOOD[0], row, *GOOD[1:]]
        result = evaluate(CHARTER, batch(rows), now=NOW)
        (problem,) = result.problems
        assert problem.row == 1
        assert needle in problem.reason
        column = "responded_at" if row[2] else "received_at"
        assert problem.reason.startswith(column)
        assert set(result.requests["status"][result.requests["row"] == 1]) == {
            "invalid"
        }
        assert_rest_unchanged(result, bad_row=1)

    @pytest.mark.parametrize("tz", ["America/Los_Angeles", "Asia/Tokyo", "UTC"])
    def test_in_any_zone_of_the_row(self, tz: str) -> None:
        rows = [GOOD[0], ("anomalies", "2300-03-27T08:00", ""), *GOOD[1:]]
        zones = [tz] * len(rows)
        later = np.datetime64("2400-01-01")
        result = evaluate(CHARTER, batch(rows, tz=zones), now=later)
        # The answered rows 0 and 3 are judged; the unanswered ones run to now.
        assert [p.row for p in result.problems] == [1, 2]
        assert result.problems[0].reason.startswith("received_at 2300-03-27T08:00Z")
        assert "not 2300" in result.problems[0].reason
        assert result.problems[1].reason.startswith("unanswered at now 2400")
        answered = evaluate(CHARTER, batch(rows, tz=zones), now=NOW)
        assert [p.row for p in answered.problems] == [1]  # received after now
        assert "after now" in answered.problems[0].reason

    def test_now_out_of_reach_affects_the_unanswered_only(self) -> None:
        result = evaluate(CHARTER, batch(GOOD), now=np.datetime64("2150-01-01"))
        assert [p.row for p in result.problems] == [1]  # the unanswered one
        assert result.problems[0].reason.startswith(
            "unanswered at now 2150-01-01T00:00Z: public holidays of FR"
        )
        assert "not 2150" in result.problems[0].reason
        status = result.requests["status"].tolist()
        assert status[0] == "met"
        assert status[1] == "invalid"

    def test_a_deadline_past_the_last_year_is_a_problem(self) -> None:
        # Received on the last business days of 2100 (the last year France's
        # holidays are known), "3 business days" falls due in 2101: caught
        # once computed, then that row alone is a problem.
        rows = [
            ("web-form", "2100-06-01T08:00", "2100-06-01T09:00"),
            ("web-form", "2100-12-29T08:00", "2100-12-29T09:00"),
            ("anomalies", "2100-12-29T08:00", "2100-12-29T09:00"),
        ]
        now = np.datetime64("2100-12-30T00:00")
        result = evaluate(CHARTER, batch(rows), now=now)
        (problem,) = result.problems
        assert problem.row == 1
        assert problem.reason.startswith("its deadline is out of reach")
        assert "not 2101" in problem.reason or "not 2102" in problem.reason
        assert result.requests["status"].tolist() == [
            "met", "met", "invalid", "invalid", "met"
        ]  # fmt: skip
        with pytest.raises(InvalidRequestError) as info:
            evaluate(CHARTER, batch(rows), now=now, strict=True)
        assert [p.row for p in info.value.problems] == [1]

    def test_strict_names_the_row(self) -> None:
        rows = [GOOD[0], ("anomalies", "1700-03-27T08:00", "")]
        with pytest.raises(InvalidRequestError) as info:
            evaluate(CHARTER, batch(rows), now=NOW, strict=True)
        assert "row 1" in str(info.value)
        assert "1700" in str(info.value)


class TestTimeZonesOfRows:
    """Item 2: one "America" in a tz column aborted the batch with OSError."""

    @pytest.mark.parametrize(
        ("zone", "needle"),
        [
            ("America", "region"),
            ("A" * 300, "unknown time zone"),
            ("Europe/Pariss", "did you mean 'Europe/Paris'"),
        ],
    )
    def test_a_bad_zone_is_a_problem_of_its_row(self, zone: str, needle: str) -> None:
        zones = [None, zone, None, None]
        rows = [GOOD[0], GOOD[0], *GOOD[1:]]
        result = evaluate(CHARTER, batch(rows, tz=zones), now=NOW)
        (problem,) = result.problems
        assert problem.row == 1
        assert needle in problem.reason
        assert_rest_unchanged(result, bad_row=1)


class TestPandasMissingValues:
    """Item 3: pd.NA in a column, pd.NaT as now, NA in a row mapping."""

    def frame(self) -> Any:
        return pd.DataFrame(
            {
                "engagement": ["anomalies", None, "web-form"],
                "received_at": pd.to_datetime(
                    ["2026-03-27T08:00Z", "2026-03-27T08:00Z", None]
                ),
            }
        )

    def test_convert_dtypes(self) -> None:
        result = evaluate(CHARTER, self.frame().convert_dtypes(), now=NOW)
        assert [(p.row, p.reason) for p in result.problems] == [
            (1, "missing engagement"),
            (2, "missing received_at"),
        ]
        assert result.requests["status"][0] == "overdue"

    @pytest.mark.parametrize("backend", ["pyarrow", "numpy_nullable"])
    def test_read_csv_backends(self, backend: str, tmp_path: Any) -> None:
        path = tmp_path / "requests.csv"
        path.write_text(
            "engagement,received_at,responded_at\n"
            "anomalies,2026-03-27T08:00Z,\n"
            ",2026-03-27T08:00Z,2026-03-27T09:00Z\n"
            "anomalies,2026-03-27T08:00+01:00,2026-03-27T09:00+01:00\n"
        )
        frame = pd.read_csv(path, dtype_backend=backend)
        result = evaluate(CHARTER, frame, now=NOW)
        assert [(p.row, p.reason) for p in result.problems] == [
            (1, "missing engagement")
        ]
        assert result.requests["status"].tolist() == ["overdue", "invalid", "met"]

    @pytest.mark.parametrize("missing", [pd.NA, pd.NaT, None, float("nan")])
    def test_missing_received_at_in_a_row_mapping(self, missing: Any) -> None:
        rows = [
            {"engagement": "anomalies", "received_at": paris(2026, 3, 27, 9)},
            {"engagement": "anomalies", "received_at": missing},
        ]
        result = evaluate(CHARTER, rows, now=NOW)
        assert [(p.row, p.reason) for p in result.problems] == [
            (1, "missing received_at")
        ]

    @pytest.mark.parametrize("column", ["calendar", "tz", "engagement"])
    def test_nan_in_a_list_of_texts_is_missing(self, column: str) -> None:
        # numpy reads ["a", nan] as the texts "a" and "nan"; a row's answer
        # may not depend on its neighbours.
        given = {"calendar": "default", "tz": "Europe/Paris", "engagement": "anomalies"}
        extra = {column: [given[column], float("nan")]}
        rows = batch(GOOD[:2], **extra)
        alone = batch(GOOD[1:2], **{column: [float("nan")]})
        if column == "engagement":
            rows["engagement"] = extra["engagement"]
            alone["engagement"] = [float("nan")]
        together = evaluate(CHARTER, rows, now=NOW)
        single = evaluate(CHARTER, alone, now=NOW)
        assert lines(together, [1]) == lines(single, [0])
        reasons = [p.reason for p in together.problems]
        if column == "engagement":
            assert reasons == ["missing engagement"]
        else:
            assert reasons == []

    @pytest.mark.parametrize("now", [pd.NaT, np.datetime64("NaT"), pd.NA])
    def test_now_missing(self, now: Any) -> None:
        with pytest.raises(ValueError, match="now must be one instant"):
            evaluate(CHARTER, batch(GOOD), now=now)


class TestAwarePandasColumns:
    """Item 4: aware columns of every pandas kind were refused as "naive"."""

    STAMPS = ("2026-03-27T08:00Z", "2026-03-30T08:00+02:00", None)

    def columns(self) -> dict[str, Any]:
        aware = pd.Series(pd.to_datetime(list(self.STAMPS), utc=True))
        return {
            "arrow": aware.astype("timestamp[us, tz=Europe/Paris][pyarrow]"),
            "object": pd.Series(list(aware), dtype=object),
            "texts": pd.Series(list(self.STAMPS), dtype=object),
            "category": aware.astype("category"),
            "string": pd.Series(list(self.STAMPS), dtype="string"),
        }

    @pytest.mark.parametrize("kind", ["arrow", "object", "texts", "category", "string"])
    def test_same_lines_as_numpy(self, kind: str) -> None:
        expected = np.array(["2026-03-27T08:00", "2026-03-30T06:00", "NaT"], "M8[us]")
        engagements = ["anomalies"] * 3
        plain = evaluate(
            CHARTER, {"engagement": engagements, "received_at": expected}, now=NOW
        )
        column = self.columns()[kind]
        result = evaluate(
            CHARTER, {"engagement": engagements, "received_at": column}, now=NOW
        )
        assert lines(result, [0, 1, 2]) == lines(plain, [0, 1, 2])
        assert [p.reason for p in result.problems] == ["missing received_at"]

    def test_numbers_are_no_instants_but_not_naive(self) -> None:
        result = evaluate(
            CHARTER,
            {"engagement": ["anomalies"] * 2, "received_at": pd.Series([1, 2])},
            now=NOW,
        )
        assert all("naive" not in p.reason for p in result.problems)
        assert [p.row for p in result.problems] == [0, 1]


class TestNullableIds:
    """Item 9: an Int64 id column with one NA made the ids floats."""

    @pytest.mark.parametrize("kind", ["Int64", "int64[pyarrow]", "polars", "pyarrow"])
    def test_pauses_find_their_requests(self, kind: str) -> None:
        values = [1, None, 3]
        if kind == "polars":
            ids = pytest.importorskip("polars").Series(values)
        elif kind == "pyarrow":
            ids = pytest.importorskip("pyarrow").array(values)
        else:
            ids = pd.Series(values, dtype=kind)
        charter = attrs.evolve(
            CHARTER,
            engagements=[
                attrs.evolve(e, pausable=e.id == "anomalies")
                for e in CHARTER.engagements
            ],
        )
        rows = [GOOD[1]] * 3
        pauses = {
            "request": [1, 3],
            "start": np.array(["2026-03-30T09:00"] * 2, "M8[us]"),
            "end": np.array(["2026-03-30T10:00"] * 2, "M8[us]"),
        }
        result = evaluate(charter, batch(rows, id=ids), now=NOW, pauses=pauses)
        assert result.problems == ()
        assert result.requests["id"].tolist() == [1, None, 3]
        paused = result.requests["paused"].astype("timedelta64[m]").astype(int)
        assert paused.tolist() == [60, 0, 60]


class TestReceivedAfterNow:
    """Item 10: a request received after now got a negative share used."""

    def test_is_a_problem(self) -> None:
        rows = [GOOD[0], ("anomalies", "2026-04-02T08:00", ""), *GOOD[1:]]
        result = evaluate(CHARTER, batch(rows), now=NOW)
        (problem,) = result.problems
        assert problem.row == 1
        assert problem.reason.startswith(
            "received_at 2026-04-02T08:00Z is after now (2026-04-01T00:00Z)"
        )
        row = result.requests["row"] == 1
        assert result.requests["status"][row].tolist() == ["invalid"]
        assert np.isnan(result.requests["share_used"][row]).all()
        assert_rest_unchanged(result, bad_row=1)

    def test_received_at_now_is_fine(self) -> None:
        rows = [("anomalies", "2026-04-01T00:00", "")]
        result = evaluate(CHARTER, batch(rows), now=NOW)
        assert result.problems == ()
        assert result.requests["share_used"].tolist() == [0.0]


def test_instants_as_texts_in_a_row_mapping() -> None:
    rows = [{"engagement": "anomalies", "received_at": "2026-03-27T09:00+01:00"}]
    result = evaluate(CHARTER, rows, now=dt.datetime(2026, 4, 1, tzinfo=dt.UTC))
    assert result.problems == ()


class TestSelectorCase:
    """Selector values are compared case included; a near miss says so."""

    def test_priority_in_another_case_is_named(self) -> None:
        charter = attrs.evolve(
            CHARTER,
            engagements=[
                attrs.evolve(
                    CHARTER.engagements[1], channel=None, kinds=(), priorities="urgent"
                ),
            ],
        )
        received = np.array(["2026-03-27T08:00"] * 2, "datetime64[us]")
        result = evaluate(
            charter,
            {"priority": ["urgent", "Urgent"], "received_at": received},
            now=NOW,
        )
        (problem,) = result.problems
        assert problem.row == 1
        assert problem.reason == (
            "no engagement matches channel=None, kind=None, priority='Urgent'; "
            "values are compared case included: did you mean priority='urgent'?"
        )

    def test_no_hint_without_a_near_miss(self) -> None:
        received = np.array(["2026-03-27T08:00"], "datetime64[us]")
        result = evaluate(
            CHARTER, {"kind": ["nothing"], "received_at": received}, now=NOW
        )
        assert "did you mean" not in result.problems[0].reason


class TestAtRisk:
    """at_risk thresholds: numbers in (0, 1], each naming its column exactly."""

    @pytest.mark.parametrize(
        "at_risk",
        [
            (True,),
            (0.5, False),
            (float("nan"),),
            None,
            "0.75",
            (0.75, "0.9"),
            (0,),
            0.75,
        ],
    )
    def test_refused(self, at_risk: Any) -> None:
        with pytest.raises(InvalidArgumentError) as info:
            evaluate(CHARTER, batch(GOOD), now=NOW, at_risk=at_risk)
        assert "at_risk must be distinct fractions in (0, 1]" in str(info.value)

    def test_columns_name_their_threshold(self) -> None:
        result = evaluate(
            CHARTER, batch(GOOD), now=NOW, at_risk=(0.004, 0.875, 0.07, 1)
        )
        names = [n for n in result.requests if n.startswith("at_risk")]
        assert names == ["at_risk_0_4", "at_risk_87_5", "at_risk_7", "at_risk_100"]
        assert result.at_risk == (0.004, 0.875, 0.07, 1.0)

    def test_thresholds_naming_one_column_are_refused(self) -> None:
        with pytest.raises(InvalidArgumentError):
            evaluate(CHARTER, batch(GOOD), now=NOW, at_risk=(0.75, 0.750000001))


def test_an_empty_response_in_row_mappings_is_unanswered_as_in_a_csv() -> None:
    # Rows built from a form or a CSV reader carry "" for "not answered yet";
    # it was refused as "cannot read '' as an instant" and the row invalid.
    charter = examples.load("technical-support")
    now = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    received = "2026-03-27T10:00+01:00"
    rows = [
        {"engagement": "anomalies", "received_at": received, "responded_at": text}
        for text in ("", "  ")
    ]
    with_empty = evaluate(charter, rows, now=now)
    without = evaluate(
        charter, [{"engagement": "anomalies", "received_at": received}] * 2, now=now
    )
    assert with_empty.problems == ()
    assert list(with_empty.requests["status"]) == list(without.requests["status"])
    assert list(with_empty.requests["status"]) == ["overdue", "overdue"]
