"""Properties of evaluate(): order does not matter, met agrees with business time,
pauses only move time from used to paused."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import BusinessDuration, Evaluation, evaluate
from tests.support.charters import CHARTER, PAUSABLE

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
