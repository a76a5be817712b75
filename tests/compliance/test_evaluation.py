"""evaluate(): statuses, attainment, selection, bad rows, inputs, properties."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import attrs
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
from tests.support.zones import PARIS, paris

H = dt.timedelta(hours=1)
CHARTER = examples.load("technical-support")
# Monday after the switch to summer time; the table below is the week before.
NOW = dt.datetime(2026, 3, 30, 10, tzinfo=PARIS)


# id, engagement, received, responded, expected statuses (one per objective)
TABLE: list[tuple[str, str, dt.datetime, dt.datetime | None, tuple[str, ...]]] = [
    ("a1", "anomalies", paris(2026, 3, 27, 9), paris(2026, 3, 27, 11), ("met",)),
    (
        "a2",
        "anomalies",
        paris(2026, 3, 27, 9),
        paris(2026, 3, 27, 16, 30),
        ("breached",),
    ),
    ("a3", "anomalies", paris(2026, 3, 27, 16), None, ("open",)),  # due Mon 14:00
    ("a4", "anomalies", paris(2026, 3, 27, 14), None, ("open",)),  # due Mon 10:00 = now
    ("a5", "anomalies", paris(2026, 3, 26, 9), None, ("overdue",)),  # due Thu 15:00
    ("w1", "web-form", paris(2026, 3, 25, 10), paris(2026, 3, 25, 16), ("met", "met")),
    (
        "w2",
        "web-form",
        paris(2026, 3, 25, 10),
        paris(2026, 3, 26, 10),
        ("met", "breached"),
    ),
    (
        "w3",
        "web-form",
        paris(2026, 3, 25, 10),
        paris(2026, 3, 27, 11),
        ("met", "breached"),
    ),
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
        paris(2026, 3, 30, 14).astimezone(utc).replace(tzinfo=None), "us"
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
        row["received_at"] = paris(2026, 3, 27, 9)
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
        paris(2026, 3, 27, 9),
        None,
        paris(2026, 3, 27, 12),
        paris(2026, 3, 27, 9),
        "yesterday",
        dt.datetime(2026, 3, 27, 9),  # naive
    ]
    columns["responded_at"] += [None, None, paris(2026, 3, 27, 11), None, None, None]
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
        columns["received_at"].append(paris(2026, 3, 27, 9))
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
    assert first["received"] == paris(2026, 3, 27, 9)
    assert first["received"].tzinfo is dt.UTC
    assert first["remaining"] is None
    assert first["status"] == "met"
    assert len(list(result.rows())) == 11
    assert repr(result).startswith("Evaluation(11 lines, 6 objectives, 0 problems")


def test_argument_errors() -> None:
    with pytest.raises(InvalidArgumentError, match="received_at"):
        evaluate(CHARTER, {"engagement": ["anomalies"]})
    with pytest.raises(InvalidArgumentError, match="selector"):
        evaluate(CHARTER, {"received_at": [paris(2026, 3, 27, 9)]})
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


# -- pauses -----------------------------------------------------------------------

PAUSABLE = attrs.evolve(
    CHARTER,
    engagements=[
        attrs.evolve(e, pausable=True) if e.id in ("anomalies", "web-form") else e
        for e in CHARTER.engagements
    ],
)


def utc64(moment: dt.datetime) -> np.datetime64:
    return np.datetime64(moment.astimezone(dt.UTC).replace(tzinfo=None), "us")


def test_friday_pause_moves_the_deadline_one_business_hour() -> None:
    # Fri 14:30 + 4 business hours: Fri 14:30-17:00, Mon 09:00-10:30.
    requests = {
        "id": ["a", "b"],
        "engagement": ["anomalies", "anomalies"],
        "received_at": [paris(2026, 3, 27, 14, 30), paris(2026, 3, 27, 14, 30)],
        "responded_at": [paris(2026, 3, 30, 11), paris(2026, 3, 30, 11)],
    }
    # One business hour waiting on the client, for "a" only.
    pauses = {
        "request": ["a"],
        "start": [paris(2026, 3, 27, 15)],
        "end": [paris(2026, 3, 27, 16)],
    }
    result = evaluate(PAUSABLE, requests, now=NOW, pauses=pauses)
    req = result.requests
    assert req["deadline"].tolist() == [
        utc64(paris(2026, 3, 30, 11, 30)).item(),
        utc64(paris(2026, 3, 30, 10, 30)).item(),
    ]
    assert req["status"].tolist() == ["met", "breached"]
    assert req["used"].tolist() == [3.5 * H, 4.5 * H]
    assert req["paused"].tolist() == [H, dt.timedelta(0)]
    assert req["share_used"].tolist() == [3.5 / 4, 4.5 / 4]
    assert result.problems == ()
    # The same pause on the non-pausable original is reported and ignored.
    plain = evaluate(CHARTER, requests, now=NOW, pauses=pauses)
    assert plain.requests["status"].tolist() == ["breached", "breached"]
    assert [(p.row, p.id) for p in plain.problems] == [(0, "a")]
    assert "not pausable" in plain.problems[0].reason
    with pytest.raises(InvalidRequestError):
        evaluate(CHARTER, requests, now=NOW, pauses=pauses, strict=True)


def test_pauses_clipped_overlapping_and_open() -> None:
    requests = {
        "id": ["clip", "overlap", "open", "bad"],
        "engagement": ["anomalies", "anomalies", "anomalies", "anomalies"],
        "received_at": [paris(2026, 3, 27, 9)] * 4,
        "responded_at": [
            paris(2026, 3, 27, 16),
            paris(2026, 3, 27, 16),
            None,
            paris(2026, 3, 27, 8),
        ],
    }
    pauses = [
        # Starts before the receipt and ends after the response: clipped to
        # the request's whole life, 09:00-16:00 = 5 business hours.
        {
            "request": "clip",
            "start": paris(2026, 3, 27, 8),
            "end": paris(2026, 3, 27, 17),
        },
        # 10:00-11:00 and 10:30-11:30 overlap: their union 10:00-11:30 counts.
        {
            "request": "overlap",
            "start": paris(2026, 3, 27, 10),
            "end": paris(2026, 3, 27, 11),
        },
        {
            "request": "overlap",
            "start": paris(2026, 3, 27, 10, 30),
            "end": paris(2026, 3, 27, 11, 30),
        },
        # No end: still paused, until now (Mon 30 10:00).
        {"request": "open", "start": paris(2026, 3, 27, 16), "end": None},
        {
            "request": "bad",
            "start": paris(2026, 3, 27, 10),
            "end": paris(2026, 3, 27, 11),
        },
        {
            "request": "nobody",
            "start": paris(2026, 3, 27, 10),
            "end": paris(2026, 3, 27, 11),
        },
    ]
    result = evaluate(PAUSABLE, requests, now=NOW, pauses=pauses)
    req = result.requests
    assert req["paused"].tolist()[:3] == [5 * H, 1.5 * H, 2 * H]
    # "open": Fri 09-12, 14-17 and Mon 09-10 less the pause Fri 16-17, Mon 09-10.
    assert req["used"].tolist()[:3] == [dt.timedelta(0), 3.5 * H, 5 * H]
    # Its deadline, Fri 15:00 plus the 2 paused hours, is Mon 09:00: overdue.
    assert req["deadline"][2] == utc64(paris(2026, 3, 30, 9))
    assert req["status"].tolist() == ["met", "met", "overdue", "invalid"]
    reasons = {p.id: p.reason for p in result.problems}
    assert reasons["clip"] == (
        "pauses: a pause reaches outside the request's life; clipped to it"
    )
    assert reasons["overlap"] == "pauses: pauses overlap; counted once"
    assert reasons["bad"] == "responded_at is before received_at"
    assert reasons["nobody"] == "pause for no request with this id"
    assert [p.row for p in result.problems] == [-1, 0, 1, 3]
    with pytest.raises(InvalidRequestError):
        evaluate(PAUSABLE, requests, now=NOW, pauses=pauses, strict=True)


def test_pauses_by_row_number_and_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    columns = table_columns()
    del columns["id"]
    frame = pd.DataFrame(
        {
            "request": [0, 5],
            "start": pd.to_datetime(
                [paris(2026, 3, 27, 10), paris(2026, 3, 25, 11)], utc=True
            ),
            "end": pd.to_datetime(
                [paris(2026, 3, 27, 10, 30), paris(2026, 3, 25, 12)], utc=True
            ),
        }
    )
    result = evaluate(PAUSABLE, columns, now=NOW, pauses=frame)
    paused = result.requests["paused"].tolist()
    assert paused[0] == 0.5 * H
    assert paused[5:7] == [H, H]  # both web-form objectives
    assert result.problems == ()


# -- per-request calendar and time zone ---------------------------------------


def test_per_request_time_zone() -> None:
    # 09:00 in Montreal is 14:00 in Paris; on the same hours read in
    # Montreal, 4 business hours from 09:00 end at 15:00 Montreal.
    montreal = ZoneInfo("America/Montreal")
    received = dt.datetime(2026, 3, 25, 9, tzinfo=montreal)
    requests = {
        "engagement": ["anomalies", "anomalies"],
        "received_at": [received, received],
        "tz": [None, "America/Montreal"],
    }
    req = evaluate(CHARTER, requests, now=NOW).requests
    assert req["deadline"].tolist() == [
        utc64(paris(2026, 3, 26, 10)).item(),  # Paris hours: Wed 14-17, Thu 09-10
        utc64(dt.datetime(2026, 3, 25, 15, tzinfo=montreal)).item(),  # 9-12, 14-15
    ]
    bad = evaluate(CHARTER, {**requests, "tz": ["Mars/Olympus", None]}, now=NOW)
    assert bad.problems[0].reason == "unknown time zone 'Mars/Olympus'"
    other = evaluate(CHARTER, {**requests, "calendar": ["default", "nope"]}, now=NOW)
    assert other.problems[0].row == 1
    assert other.problems[0].reason.startswith("unknown calendar 'nope'")


# -- recurring obligations --------------------------------------------------------


def test_obligations_status() -> None:
    start = dt.date(2020, 1, 15)  # survey due every two years: 2022, 2024, 2026
    done = {"satisfaction-survey": [dt.date(2023, 6, 1), dt.date(2021, 12, 1)]}
    (survey,) = servicecharter.obligations_status(
        CHARTER, done, start=start, today=dt.date(2025, 3, 1)
    )
    assert survey.id == "satisfaction-survey"
    assert survey.last_done == dt.date(2023, 6, 1)
    assert survey.next_due == dt.date(2024, 1, 15)  # the first due after 2023-06-01
    assert survey.overdue is True
    assert survey.missed == ()  # done in (start, 2022-01-15] and (.., 2024-01-15]
    # start -> 2021-12-01 is 686 days, 2021-12-01 -> 2023-06-01 is 547.
    assert survey.longest_gap == dt.timedelta(days=686)
    assert survey.since_last == dt.date(2025, 3, 1) - dt.date(2023, 6, 1)
    (early,) = servicecharter.obligations_status(
        CHARTER, {}, start=start, today=dt.date(2022, 1, 15)
    )
    assert (early.next_due, early.overdue) == (dt.date(2022, 1, 15), False)
    assert early.missed == (dt.date(2022, 1, 15),)  # due today, not done yet
    assert early.last_done is None
    assert early.longest_gap is None
    with pytest.raises(InvalidArgumentError, match="unknown obligation 'nope'"):
        servicecharter.obligations_status(
            CHARTER, {"nope": []}, start=start, today=dt.date(2025, 3, 1)
        )
    with pytest.raises(InvalidArgumentError, match="must lie in"):
        servicecharter.obligations_status(
            CHARTER, done, start=start, today=dt.date(2023, 1, 1)
        )
    with pytest.raises(InvalidArgumentError, match="not a datetime"):
        servicecharter.obligations_status(
            CHARTER, {}, start=start, today=dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
        )


# -- properties of pauses -----------------------------------------------------------


@st.composite
def pause_tables(draw: st.DrawFn, table: dict[str, Any]) -> dict[str, Any]:
    rows = draw(st.lists(st.integers(0, len(table["id"]) - 1), max_size=12))
    starts = draw(
        st.lists(st.integers(0, WEEKS_US), min_size=len(rows), max_size=len(rows))
    )
    lengths = draw(
        st.lists(
            st.integers(0, 3 * 86_400_000_000), min_size=len(rows), max_size=len(rows)
        )
    )
    start = np.array(starts, dtype=np.int64) + BASE
    return {
        "request": table["id"][rows],
        "start": start.view("datetime64[us]"),
        "end": (start + np.array(lengths, dtype=np.int64)).view("datetime64[us]"),
    }


@given(request_tables())
def test_empty_pauses_change_nothing(table: dict[str, Any]) -> None:
    plain = evaluate(PAUSABLE, table, now=PROPERTY_NOW)
    empty = {"request": [], "start": [], "end": []}
    for pauses in (empty, []):
        paused = evaluate(PAUSABLE, table, now=PROPERTY_NOW, pauses=pauses)
        for name, column in plain.requests.items():
            np.testing.assert_array_equal(paused.requests[name], column)
        assert paused.problems == plain.problems


@given(st.data())
def test_used_plus_paused_is_elapsed(data: st.DataObject) -> None:
    table = data.draw(request_tables())
    pauses = data.draw(pause_tables(table))
    result = evaluate(PAUSABLE, table, now=PROPERTY_NOW, pauses=pauses)
    req = result.requests
    judged = req["status"] != "invalid"
    judged &= req["objective"] >= 0
    calendar = CHARTER.calendar()
    end = np.where(np.isnat(req["responded"]), PROPERTY_NOW, req["responded"])
    elapsed = calendar.elapsed(req["received"][judged], end[judged].astype("M8[us]"))
    np.testing.assert_array_equal(req["used"][judged] + req["paused"][judged], elapsed)
    assert (req["paused"][judged] >= np.timedelta64(0, "us")).all()
    # Paused time is only counted on pausable engagements.
    pausable = np.isin(req["engagement"], ["anomalies", "web-form"])
    assert (req["paused"][judged & ~pausable] == np.timedelta64(0, "us")).all()
    # For business-duration rules, met <=> used <= allowance still holds.
    answered = judged & np.isin(req["status"], ["met", "breached"])
    anomalies = answered & (req["engagement"] == "anomalies")
    np.testing.assert_array_equal(
        req["status"][anomalies] == "met",
        req["used"][anomalies] <= np.timedelta64(4 * 3600 * 10**6, "us"),
    )


def test_per_request_calendar() -> None:
    evening = servicecharter.OpeningHours.parse("Mo-Fr 18:00-22:00", tz="Europe/Paris")
    charter = attrs.evolve(CHARTER, calendars={**CHARTER.calendars, "evening": evening})
    requests = {
        "engagement": ["anomalies"] * 3,
        "received_at": [paris(2026, 3, 25, 19)] * 3,
        "calendar": ["evening", None, "evening"],
        "tz": [None, None, "America/Montreal"],
    }
    req = evaluate(charter, requests, now=NOW).requests
    montreal = ZoneInfo("America/Montreal")
    assert req["deadline"].tolist() == [
        utc64(paris(2026, 3, 26, 19)).item(),  # Wed 19-22, Thu 18-19
        utc64(paris(2026, 3, 26, 15)).item(),  # default: Thu 09-12, 14-15
        # 19:00 Paris is 14:00 in Montreal: 18-22 Montreal ends at a closing,
        # so the deadline is the next opening, Thu 18:00 Montreal.
        utc64(dt.datetime(2026, 3, 26, 18, tzinfo=montreal)).item(),
    ]


def test_pause_moves_day_based_deadlines() -> None:
    # web-form from Wed 10:00: "3 business days" is Mon 30 17:00 and "same
    # business day" Thu 00:00; one paused business hour moves each by it:
    # Tue 31 10:00 and Thu 10:00 (midnight + 1 business hour).
    requests = {
        "id": ["w"],
        "engagement": ["web-form"],
        "received_at": [paris(2026, 3, 25, 10)],
        "responded_at": [paris(2026, 3, 26, 9, 30)],
    }
    pauses = {
        "request": ["w"],
        "start": [paris(2026, 3, 25, 11)],
        "end": [paris(2026, 3, 25, 12)],
    }
    req = evaluate(PAUSABLE, requests, now=NOW, pauses=pauses).requests
    assert req["deadline"].tolist() == [
        utc64(dt.datetime(2026, 3, 31, 10, tzinfo=PARIS)).item(),
        utc64(paris(2026, 3, 26, 10)).item(),
    ]
    assert req["status"].tolist() == ["met", "met"]
    without = evaluate(PAUSABLE, requests, now=NOW).requests
    assert without["status"].tolist() == ["met", "breached"]


def test_pauses_without_requests() -> None:
    pauses = {"request": ["x", "x"], "start": [paris(2026, 3, 27, 9)] * 2}
    result = evaluate(PAUSABLE, [], now=NOW, pauses=pauses)
    assert result.problems == (Problem(-1, "x", "pause for no request with this id"),)
    with pytest.raises(InvalidArgumentError, match="'request' column"):
        evaluate(PAUSABLE, table_columns(), now=NOW, pauses={"start": []})
