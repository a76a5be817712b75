"""evaluate(): statuses, attainment, selection, bad rows, inputs, properties."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecharter
from servicecharter import (
    BusinessDuration,
    Evaluation,
    InvalidArgumentError,
    InvalidRequestError,
    NaiveDatetimeError,
    Problem,
    ServiceCharterError,
    evaluate,
    examples,
)

PARIS = ZoneInfo("Europe/Paris")
H = dt.timedelta(hours=1)
CHARTER = examples.load("technical-support")
# Monday after the switch to summer time; the table below is the week before.
NOW = dt.datetime(2026, 3, 30, 10, tzinfo=PARIS)


def paris(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=PARIS)


# id, engagement, received, responded, expected statuses (one per objective)
TABLE: list[tuple[str, str, dt.datetime, dt.datetime | None, tuple[str, ...]]] = [
    ("a1", "anomalies", paris(27, 9), paris(27, 11), ("met",)),
    ("a2", "anomalies", paris(27, 9), paris(27, 16, 30), ("breached",)),
    ("a3", "anomalies", paris(27, 16), None, ("open",)),  # due Mon 14:00
    ("a4", "anomalies", paris(27, 14), None, ("open",)),  # due Mon 10:00 = now
    ("a5", "anomalies", paris(26, 9), None, ("overdue",)),  # due Thu 15:00
    ("w1", "web-form", paris(25, 10), paris(25, 16), ("met", "met")),
    ("w2", "web-form", paris(25, 10), paris(26, 10), ("met", "breached")),
    ("w3", "web-form", paris(25, 10), paris(27, 11), ("met", "breached")),
]


def table_columns() -> dict[str, list[Any]]:
    return {
        "id": [t[0] for t in TABLE],
        "engagement": [t[1] for t in TABLE],
        "received_at": [t[2] for t in TABLE],
        "responded_at": [t[3] for t in TABLE],
    }


def summary_of(result: Evaluation, engagement: str, k: int = 0) -> dict[str, Any]:
    return next(
        s
        for s in result.summary
        if s["engagement"] == engagement and s["objective"] == k
    )


def test_hand_computed_statuses() -> None:
    result = evaluate(CHARTER, table_columns(), now=NOW)
    expected = [s for t in TABLE for s in t[4]]
    assert result.requests["status"].tolist() == expected
    assert result.requests["id"].tolist() == [t[0] for t in TABLE for _ in t[4]]
    assert result.requests["row"].tolist() == [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7]
    assert result.requests["objective"].tolist() == [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]
    assert result.problems == ()


def test_hand_computed_numbers() -> None:
    req = evaluate(CHARTER, table_columns(), now=NOW).requests
    utc = dt.UTC
    # a3: received Fri 16:00, 4 business hours end at Mon 12:00, a closing:
    # the deadline is the next opening, 14:00 (no business time in between).
    assert req["deadline"][2] == np.datetime64(
        paris(30, 14).astimezone(utc).replace(tzinfo=None), "us"
    )
    used = req["used"].astype("timedelta64[us]").tolist()
    assert used[:5] == [2 * H, 5.5 * H, 2 * H, 4 * H, 13 * H]
    remaining = req["remaining"].tolist()
    assert remaining[2] == 2 * H
    assert remaining[3] == dt.timedelta(0)
    assert remaining[4] == -9 * H  # Thu 15-17, Fri 9-12 14-17, Mon 9-10
    assert remaining[0] is None  # NaT for answered requests
    assert req["share_used"][2] == 0.5
    assert req["share_used"][3] == 1.0
    assert req["at_risk_75"].tolist()[:5] == [False, False, False, True, False]
    assert req["at_risk_90"].tolist()[:5] == [False, False, False, True, False]
    # web-form: 3 business days from Wed 10:00 is Mon 30 17:00.
    assert req["deadline"][5] == np.datetime64("2026-03-30T15:00", "us")
    assert req["deadline"][6] == np.datetime64("2026-03-25T23:00", "us")


def test_hand_computed_summary() -> None:
    result = evaluate(CHARTER, table_columns(), now=NOW)
    anomalies = summary_of(result, "anomalies")
    assert {k: anomalies[k] for k in ("met", "breached", "open", "overdue")} == {
        "met": 1,
        "breached": 1,
        "open": 2,
        "overdue": 1,
    }
    assert anomalies["requests"] == 5
    assert anomalies["attainment"] == 0.5
    assert anomalies["reached"] is False
    assert anomalies["rule"] == "4 business hours"
    assert (anomalies["p50"], anomalies["p90"], anomalies["p95"]) == (
        3.75 * H,
        5.15 * H,
        5.325 * H,
    )
    days, same_day = (
        summary_of(result, "web-form", 0),
        summary_of(result, "web-form", 1),
    )
    assert (days["met"], days["attainment"], days["reached"]) == (3, 1.0, True)
    assert (same_day["met"], same_day["breached"]) == (1, 2)
    assert same_day["attainment"] == pytest.approx(1 / 3)
    assert same_day["share"] == 0.6
    assert same_day["reached"] is False
    assert (days["p50"], days["p90"], days["p95"]) == (6 * H, 11.6 * H, 12.3 * H)
    nothing = summary_of(result, "installation")
    assert nothing["requests"] == 0
    assert math.isnan(nothing["attainment"])
    assert nothing["reached"] is None
    assert nothing["p50"] is None
    # One entry per objective, charter order; "usage" has none (caps only).
    assert [(s["engagement"], s["objective"]) for s in result.summary] == [
        ("installation", 0),
        ("anomalies", 0),
        ("specific-requests", 0),
        ("web-form", 0),
        ("web-form", 1),
        ("callbacks", 0),
    ]


def test_selection_by_channel_and_kind() -> None:
    rows = [
        {"channel": "phone", "kind": "anomaly"},
        {"channel": "phone", "kind": "installation"},
        {"channel": "web", "kind": None},
        {"channel": "phone", "kind": "callback"},
        {"channel": "phone", "kind": "anything else"},  # "usage": phone, any kind
        {"channel": "fax", "kind": "anomaly"},
        {"channel": None, "kind": "anomaly"},
    ]
    for row in rows:
        row["received_at"] = paris(27, 9)
    result = evaluate(CHARTER, rows, now=NOW)
    req = result.requests
    assert req["engagement"].tolist() == [
        "anomalies",
        "installation",
        "web-form",
        "web-form",
        "callbacks",
        "usage",
        "",
        "",
    ]
    assert req["status"].tolist()[-3:] == ["unmeasured", "invalid", "invalid"]
    assert req["objective"].tolist()[-3:] == [-1, -1, -1]
    assert [(p.row, p.id) for p in result.problems] == [(5, 5), (6, 6)]
    assert result.problems[0].reason == (
        "no engagement matches channel='fax', kind='anomaly', priority=None"
    )


def test_bad_rows_are_reported_and_others_evaluated() -> None:
    columns = table_columns()
    columns["id"] += ["x1", "x2", "x3", "x4", "x5", "x6"]
    columns["engagement"] += [
        "nope",
        "anomalies",
        "anomalies",
        None,
        "web-form",
        "anomalies",
    ]
    columns["received_at"] += [
        paris(27, 9),
        None,
        paris(27, 12),
        paris(27, 9),
        "yesterday",
        dt.datetime(2026, 3, 27, 9),  # naive
    ]
    columns["responded_at"] += [None, None, paris(27, 11), None, None, None]
    result = evaluate(CHARTER, columns, now=NOW)
    problems = {p.id: p.reason for p in result.problems}
    assert [p.row for p in result.problems] == [8, 9, 10, 11, 12, 13]
    assert problems["x1"].startswith("unknown engagement 'nope'; known: 'installation'")
    assert problems["x2"] == "missing received_at"
    assert problems["x3"] == "responded_at is before received_at"
    assert problems["x4"] == "missing engagement"
    assert problems["x5"] == "received_at: cannot read 'yesterday' as an instant"
    assert problems["x6"].startswith("received_at: naive datetime")
    req = result.requests
    bad = np.isin(req["id"], list(problems))
    assert set(req["status"][bad].tolist()) == {"invalid"}
    assert np.isnat(req["deadline"][bad]).all()
    # x5 has a known engagement with two objectives: two invalid lines.
    assert (req["id"] == "x5").sum() == 2
    # The good rows are evaluated as without the bad ones.
    clean = evaluate(CHARTER, table_columns(), now=NOW)
    for name, column in clean.requests.items():
        np.testing.assert_array_equal(req[name][~bad], column)
    anomalies = summary_of(result, "anomalies")
    assert (anomalies["invalid"], anomalies["requests"]) == (3, 8)
    assert anomalies["attainment"] == 0.5


def test_strict_raises_listing_rows() -> None:
    columns = table_columns()
    for i in range(7):
        columns["id"].append(f"x{i}")
        columns["engagement"].append("nope")
        columns["received_at"].append(paris(27, 9))
        columns["responded_at"].append(None)
    with pytest.raises(InvalidRequestError) as info:
        evaluate(CHARTER, columns, now=NOW, strict=True)
    error = info.value
    assert isinstance(error, ServiceCharterError)
    assert isinstance(error, ValueError)
    assert len(error.problems) == 7
    message = str(error)
    assert message.startswith("7 invalid request rows of 15:\n  row 8 (id 'x0'):")
    assert "... and 2 more" in message
    assert str(pickle.loads(pickle.dumps(error))) == message
    # Clean input passes strict mode.
    assert evaluate(CHARTER, table_columns(), now=NOW, strict=True).problems == ()


def test_numpy_and_iso_inputs_match_datetimes() -> None:
    reference = evaluate(CHARTER, table_columns(), now=NOW)
    utc = table_columns()
    for name in ("received_at", "responded_at"):
        utc[name] = np.array(
            [
                "NaT" if v is None else v.astimezone(dt.UTC).replace(tzinfo=None)
                for v in utc[name]
            ],
            dtype="datetime64[us]",
        )
    iso = table_columns()
    iso["received_at"] = [v.isoformat() for v in iso["received_at"]]
    for other in (utc, iso):
        result = evaluate(CHARTER, other, now=np.datetime64("2026-03-30T08:00"))
        for name, column in reference.requests.items():
            np.testing.assert_array_equal(result.requests[name], column)


def test_pandas_dataframe_equals_dict() -> None:
    pd = pytest.importorskip("pandas")
    columns = table_columns()
    frame = pd.DataFrame(
        {
            "id": columns["id"],
            "engagement": columns["engagement"],
            "received_at": pd.to_datetime(columns["received_at"], utc=True),
            "responded_at": pd.to_datetime(columns["responded_at"], utc=True),
        }
    )
    expected = evaluate(CHARTER, columns, now=NOW)
    result = evaluate(CHARTER, frame, now=NOW)
    for name, column in expected.requests.items():
        np.testing.assert_array_equal(result.requests[name], column)
    assert result.summary == expected.summary or all(
        str(a) == str(b) for a, b in zip(result.summary, expected.summary, strict=True)
    )
    naive = frame.assign(received_at=frame["received_at"].dt.tz_localize(None))
    with pytest.raises(NaiveDatetimeError):
        evaluate(CHARTER, naive, now=NOW)
    out = result.to_pandas()
    assert len(out) == len(result.requests["row"])
    assert str(out["deadline"].dt.tz) == "UTC"
    assert list(result.to_pandas("summary")["engagement"])[:2] == [
        "installation",
        "anomalies",
    ]
    assert list(result.to_pandas("problems").columns) == ["row", "id", "reason"]


def test_rows_and_repr() -> None:
    result = evaluate(CHARTER, table_columns(), now=NOW)
    first = next(result.rows())
    assert first["id"] == "a1"
    assert first["received"] == paris(27, 9)
    assert first["received"].tzinfo is dt.UTC
    assert first["remaining"] is None
    assert first["status"] == "met"
    assert len(list(result.rows())) == 11
    assert repr(result).startswith("Evaluation(11 lines, 6 objectives, 0 problems")


def test_argument_errors() -> None:
    with pytest.raises(InvalidArgumentError, match="received_at"):
        evaluate(CHARTER, {"engagement": ["anomalies"]})
    with pytest.raises(InvalidArgumentError, match="selector"):
        evaluate(CHARTER, {"received_at": [paris(27, 9)]})
    with pytest.raises(InvalidArgumentError, match="differ in length"):
        evaluate(CHARTER, {"engagement": ["anomalies"], "received_at": []})
    with pytest.raises(InvalidArgumentError, match="at_risk"):
        evaluate(CHARTER, table_columns(), at_risk=(0.5, 1.5))
    with pytest.raises(NaiveDatetimeError):
        evaluate(CHARTER, table_columns(), now=dt.datetime(2026, 3, 30))
    empty = evaluate(CHARTER, [], now=NOW)
    assert len(empty.requests["row"]) == 0
    assert all(s["requests"] == 0 for s in empty.summary)


def test_public_exports() -> None:
    for name in ("evaluate", "Evaluation", "InvalidRequestError", "Problem"):
        assert name in servicecharter.__all__
    assert servicecharter.__all__ == sorted(servicecharter.__all__)
    assert Problem(1, "a", "why").reason == "why"


# -- properties -----------------------------------------------------------------

BASE = np.datetime64("2026-01-05T00:00", "us").astype(np.int64)
ENGAGEMENTS = ["anomalies", "web-form", "callbacks", "installation", "nope"]
WEEKS_US = 3 * 7 * 86_400 * 1_000_000


@st.composite
def request_tables(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 25))
    received = draw(st.lists(st.integers(0, WEEKS_US), min_size=n, max_size=n))
    waits = draw(
        st.lists(
            st.one_of(st.none(), st.integers(-3_600_000_000, WEEKS_US)),
            min_size=n,
            max_size=n,
        )
    )
    engagement = draw(st.lists(st.sampled_from(ENGAGEMENTS), min_size=n, max_size=n))
    rec = np.array(received, dtype=np.int64) + BASE
    resp = np.array(
        [
            np.iinfo(np.int64).min if w is None else r + w
            for r, w in zip(rec, waits, strict=True)
        ],
        dtype=np.int64,
    )
    return {
        "id": np.arange(n) * 10,
        "engagement": np.array(engagement),
        "received_at": rec.view("datetime64[us]"),
        "responded_at": resp.view("datetime64[us]"),
    }


PROPERTY_NOW = np.datetime64("2026-01-20T12:00")


@given(request_tables(), st.randoms(use_true_random=False))
def test_permutation_invariance(table: dict[str, Any], rng: Any) -> None:
    order = list(range(len(table["id"])))
    rng.shuffle(order)
    shuffled = {name: column[order] for name, column in table.items()}
    a = evaluate(CHARTER, table, now=PROPERTY_NOW)
    b = evaluate(CHARTER, shuffled, now=PROPERTY_NOW)

    def by_id(result: Evaluation) -> dict[str, Any]:
        req = result.requests
        keys = np.lexsort((req["objective"], req["id"]))
        return {n: c[keys] for n, c in req.items() if n != "row"}

    for name, column in by_id(a).items():
        np.testing.assert_array_equal(by_id(b)[name], column)
    assert [str(s) for s in a.summary] == [str(s) for s in b.summary]
    assert sorted((p.id, p.reason) for p in a.problems) == sorted(
        (p.id, p.reason) for p in b.problems
    )


@given(request_tables())
def test_met_agrees_with_business_time(table: dict[str, Any]) -> None:
    req = evaluate(CHARTER, table, now=PROPERTY_NOW).requests
    answered = np.isin(req["status"], ["met", "breached"])
    calendar = CHARTER.calendar()
    received, responded = req["received"][answered], req["responded"][answered]
    deadline, met = req["deadline"][answered], req["status"][answered] == "met"
    took = calendar.elapsed(received, responded)
    budget = calendar.elapsed(received, deadline)
    np.testing.assert_array_equal(took, req["used"][answered])
    # Meeting a deadline never takes more business time than it allows...
    assert (took[met] <= budget[met]).all()
    # ...and for business-duration rules the converse holds too.
    engagement = req["engagement"][answered]
    durations = np.array(
        [
            isinstance(CHARTER.engagement(e).objectives[0].within, BusinessDuration)
            for e in engagement
        ],
        dtype=bool,
    ) & (req["objective"][answered] == 0)
    np.testing.assert_array_equal(
        met[durations], (took <= budget)[durations], strict=False
    )
    assert (req["status"][req["responded"] < req["received"]] == "invalid").all()
