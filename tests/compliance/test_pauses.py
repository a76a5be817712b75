"""Pauses: waiting on the client stops the clock of pausable engagements."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from servicecharter import InvalidArgumentError, InvalidRequestError, Problem, evaluate
from tests.support.charters import CHARTER, PAUSABLE
from tests.support.requests import NOW, table_columns, utc64
from tests.support.zones import PARIS, paris

H = dt.timedelta(hours=1)


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


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pauses_in_any_order_give_the_same_lines(seed: int) -> None:
    # Pauses come sorted by (request, start) in most exports, and evaluate
    # then skips sorting them; in any other order it sorts them itself.
    rng = np.random.default_rng(seed)
    n, m = 60, 200
    start = np.datetime64("2026-03-23T08:00", "us")
    received = start + rng.integers(0, 4 * 86_400, n) * np.timedelta64(1, "s")
    answered = received + rng.integers(0, 3 * 86_400, n) * np.timedelta64(1, "s")
    requests = {
        "id": np.arange(n),
        "engagement": np.array(["anomalies", "web-form"])[rng.integers(0, 2, n)],
        "received_at": received,
        "responded_at": np.where(rng.random(n) < 0.8, answered, np.datetime64("NaT")),
    }
    row = rng.integers(0, n, m)
    begin = received[row] + rng.integers(-3_600, 2 * 86_400, m) * np.timedelta64(1, "s")
    pauses = {
        "request": row,
        "start": begin,
        "end": begin + rng.integers(0, 8 * 3_600, m) * np.timedelta64(1, "s"),
    }
    order = np.lexsort((pauses["start"], pauses["request"]))
    sorted_pauses = {k: v[order] for k, v in pauses.items()}
    assert not np.array_equal(order, np.arange(m))  # the shuffled ones are not
    now = dt.datetime(2026, 3, 30, 10, tzinfo=PARIS)
    a = evaluate(PAUSABLE, requests, now=now, pauses=pauses)
    b = evaluate(PAUSABLE, requests, now=now, pauses=sorted_pauses)
    assert a.requests.keys() == b.requests.keys()
    for name, column in a.requests.items():
        mine, other = column, b.requests[name]
        if column.dtype.kind in "mM":  # NaT compares unequal to itself
            mine, other = column.view(np.int64), other.view(np.int64)
        assert np.array_equal(mine, other, equal_nan=column.dtype.kind == "f"), name
    assert a.problems == b.problems
    assert repr(a.summary) == repr(b.summary)  # NaN attainments: compared as text
