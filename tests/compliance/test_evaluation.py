"""evaluate(): statuses, attainment, selection, bad rows, inputs, calendars."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import numpy as np
import pytest

import servicecharter
from servicecharter import (
    Evaluation,
    InvalidArgumentError,
    InvalidRequestError,
    NaiveDatetimeError,
    Problem,
    ServiceCharterError,
    evaluate,
)
from tests.support.charters import CHARTER
from tests.support.requests import NOW, TABLE, table_columns, utc64
from tests.support.zones import paris

H = dt.timedelta(hours=1)


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
    assert bad.problems[0].reason.startswith("unknown time zone 'Mars/Olympus'")
    other = evaluate(CHARTER, {**requests, "calendar": ["default", "nope"]}, now=NOW)
    assert other.problems[0].row == 1
    assert other.problems[0].reason.startswith("unknown calendar 'nope'")


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


@pytest.mark.parametrize("copies", [1, 4])
def test_summary_counts_and_percentiles_follow_the_lines(copies: int) -> None:
    # The charter's 6 objectives once, then 24, over rows of every
    # engagement and of none.
    engagements = [
        attrs.evolve(e, id=f"{e.id}-{c}")
        for c in range(copies)
        for e in CHARTER.engagements
    ]
    charter = attrs.evolve(CHARTER, engagements=engagements)
    rng = np.random.default_rng(copies)
    n = 400
    received = np.datetime64("2026-03-23T07:00", "us") + rng.integers(
        0, 5 * 86_400, n
    ) * np.timedelta64(1, "s")
    responded = received + rng.integers(0, 2 * 86_400, n) * np.timedelta64(1, "s")
    # Some rows answered before they were received: problems, with an
    # engagement, so each of its objectives has an invalid line.
    responded[rng.random(n) < 0.05] -= np.timedelta64(3 * 86_400, "s")
    names = np.array([e.id for e in engagements] + ["nobody"])
    requests = {
        "id": np.arange(n),
        "engagement": names[rng.integers(0, len(names), n)],
        "received_at": received,
        "responded_at": np.where(rng.random(n) < 0.7, responded, np.datetime64("NaT")),
    }
    result = evaluate(
        charter, requests, now=dt.datetime(2026, 3, 30, 10, tzinfo=dt.UTC)
    )
    lines = result.requests
    assert len(result.summary) == 6 * copies
    assert result.problems  # the rows answered before they came in
    for entry in result.summary:
        mine = (lines["engagement"] == entry["engagement"]) & (
            lines["objective"] == entry["objective"]
        )
        statuses = ("met", "breached", "open", "overdue", "not_started", "invalid")
        for status in statuses:
            assert entry[status] == int((mine & (lines["status"] == status)).sum())
        assert entry["requests"] == int(
            (requests["engagement"] == entry["engagement"]).sum()
        )
        judged = mine & np.isin(lines["status"], ["met", "breached"])
        used = lines["used"][judged].view(np.int64)
        if used.size:
            want = np.percentile(used, [50, 90, 95])
            got = [entry["p50"], entry["p90"], entry["p95"]]
            assert got == [dt.timedelta(microseconds=round(w)) for w in want]
        else:
            assert entry["p50"] is None
