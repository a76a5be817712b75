"""Tests of servicecharter.testing: SLA assertions and their messages."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from servicecharter import InvalidArgumentError, NaiveDatetimeError, evaluate, examples
from servicecharter.testing import (
    AttainmentMissed,
    SLAMissed,
    assert_attainment,
    assert_closed,
    assert_met,
    assert_open,
)
from tests.support.charters import CHARTER
from tests.support.zones import PARIS, paris


def test_met_passes_at_the_deadline_and_before():
    received = paris(2026, 3, 27, 16, 30)
    assert_met(CHARTER, "anomalies", received, paris(2026, 3, 30, 14, 30))
    assert_met(CHARTER, "anomalies", received, received)
    # Still on time on Saturday: no business time passes while closed.
    assert_met(CHARTER, "anomalies", paris(2026, 3, 27, 13), paris(2026, 3, 28, 12))


def test_met_failure_message_in_business_time():
    with pytest.raises(SLAMissed) as caught:
        assert_met(
            CHARTER,
            "anomalies",
            paris(2026, 3, 27, 16, 30),
            paris(2026, 3, 30, 15, 10),
        )
    assert str(caught.value) == (
        "anomalies: answered 40 business minutes late: due Mon 30 Mar 14:30 CEST, "
        "answered Mon 30 Mar 15:10 CEST (received Fri 27 Mar 16:30 CET; "
        "4 business hours)"
    )
    miss = caught.value
    assert isinstance(miss, AssertionError)
    assert miss.engagement == "anomalies"
    assert miss.objective == 0
    assert miss.deadline == paris(2026, 3, 30, 14, 30)
    assert miss.responded == paris(2026, 3, 30, 15, 10)
    assert miss.late_by == dt.timedelta(minutes=40)


def test_met_message_for_a_later_objective_and_a_new_year():
    with pytest.raises(SLAMissed) as caught:
        assert_met(
            CHARTER,
            "web-form",
            paris(2026, 12, 31, 10),
            paris(2027, 1, 4, 10, 15),
            objective=1,
        )
    assert str(caught.value) == (
        "web-form objective 1: answered 1 h 15 min of business time late: "
        "due Fri 1 Jan 2027 00:00 CET, answered Mon 4 Jan 2027 10:15 CET "
        "(received Thu 31 Dec 2026 10:00 CET; same business day)"
    )
    assert caught.value.late_by == dt.timedelta(hours=1, minutes=15)


def test_met_late_while_closed_has_zero_business_lateness():
    with pytest.raises(SLAMissed, match="while the service was closed") as caught:
        assert_met(
            CHARTER,
            "web-form",
            paris(2026, 3, 27, 10),
            paris(2026, 3, 30, 8),
            objective=1,
        )
    assert caught.value.late_by == dt.timedelta(0)


def test_met_rejects_bad_arguments():
    received = paris(2026, 3, 27, 10)
    with pytest.raises(InvalidArgumentError, match="no objective 2"):
        assert_met(CHARTER, "web-form", received, received, objective=2)
    with pytest.raises(InvalidArgumentError, match="before received"):
        assert_met(CHARTER, "anomalies", received, received - dt.timedelta(hours=1))
    with pytest.raises(KeyError):
        assert_met(CHARTER, "nope", received, received)


def _form(ident: str, received: dt.datetime, responded: dt.datetime) -> dict:
    return {
        "id": ident,
        "engagement": "web-form",
        "received_at": received,
        "responded_at": responded,
    }


def test_attainment_passes_and_returns_the_evaluation():
    rows = [_form("a", paris(2026, 3, 23, 10), paris(2026, 3, 23, 11))]
    result = assert_attainment(CHARTER, rows, now=paris(2026, 4, 1))
    assert result.requests["status"].tolist() == ["met", "met"]


def test_attainment_failure_lists_objectives_and_worst_requests():
    # 20 forms received Monday 10:00; 9 answered the same day, 11 the next
    # day at increasing times: 45% against a 60% share.
    rows = []
    for i in range(20):
        received = paris(2026, 3, 23, 10)
        if i < 9:
            responded = paris(2026, 3, 23, 15)
        else:
            responded = paris(2026, 3, 24, 9) + dt.timedelta(minutes=10 * (i - 9))
        rows.append(_form(f"f{i:02d}", received, responded))
    with pytest.raises(AttainmentMissed) as caught:
        assert_attainment(CHARTER, rows, now=paris(2026, 4, 1), worst=2)
    assert str(caught.value) == (
        "1 objective below its share:\n"
        "  web-form objective 1 (same business day, share 60%): 45% (9 of 20)\n"
        "    request 'f19': answered 1 h 40 min of business time late: due Tue 24 "
        "Mar 00:00 CET, answered Tue 24 Mar 10:40 CET (received Mon 23 Mar 10:00 "
        "CET; same business day)\n"
        "    request 'f18': answered 1 h 30 min of business time late: due Tue 24 "
        "Mar 00:00 CET, answered Tue 24 Mar 10:30 CET (received Mon 23 Mar 10:00 "
        "CET; same business day)"
    )
    assert [line["objective"] for line in caught.value.missed] == [1]
    assert caught.value.evaluation.summary


def test_attainment_filters_engagements():
    rows = [_form("late", paris(2026, 3, 23, 10), paris(2026, 3, 24, 10))]
    now = paris(2026, 4, 1)
    assert_attainment(CHARTER, rows, now=now, engagement="anomalies")
    with pytest.raises(AttainmentMissed):
        assert_attainment(CHARTER, rows, now=now, engagement=["web-form"])
    with pytest.raises(KeyError):
        assert_attainment(CHARTER, rows, now=now, engagement="nope")


def test_open_and_closed():
    friday = paris(2026, 3, 27, 16, 30)
    assert_open(CHARTER, friday)
    assert_open(CHARTER.calendar(), friday)
    assert_open(CHARTER, friday, engagement="anomalies")
    assert_closed(CHARTER, paris(2026, 3, 27, 17))
    with pytest.raises(
        AssertionError,
        match=r"^closed at Sat 28 Mar 10:00 CET; opens next Mon 30 Mar 09:00 CEST$",
    ):
        assert_open(CHARTER, paris(2026, 3, 28, 10))
    with pytest.raises(
        AssertionError,
        match=r"^open at Fri 27 Mar 16:30 CET; closes next Fri 27 Mar 17:00 CET$",
    ):
        assert_closed(CHARTER, friday, calendar="default")


def test_open_rejects_bad_targets():
    friday = paris(2026, 3, 27, 16, 30)
    with pytest.raises(InvalidArgumentError):
        assert_open(CHARTER.calendar(), friday, calendar="default")
    with pytest.raises(InvalidArgumentError):
        assert_open(CHARTER, friday, calendar="default", engagement="anomalies")
    with pytest.raises(InvalidArgumentError):
        assert_open("technical-support", friday)  # type: ignore[arg-type]


def test_assert_met_with_pauses_as_evaluate():
    charter = examples.load("technical-support")
    pausable = attrs.evolve(
        charter,
        engagements=[attrs.evolve(e, pausable=True) for e in charter.engagements],
    )
    tz = PARIS
    received = dt.datetime(2026, 3, 27, 14, 30, tzinfo=tz)
    responded = dt.datetime(2026, 3, 30, 11, tzinfo=tz)  # rule deadline 10:30
    pauses = [
        (
            dt.datetime(2026, 3, 27, 15, tzinfo=tz),
            dt.datetime(2026, 3, 27, 15, 30, tzinfo=tz),
        ),
        (
            dt.datetime(2026, 3, 27, 15, 15, tzinfo=tz),
            dt.datetime(2026, 3, 27, 16, tzinfo=tz),
        ),
    ]
    row = next(
        evaluate(
            pausable,
            {
                "id": ["r"],
                "engagement": ["anomalies"],
                "received_at": [received],
                "responded_at": [responded],
            },
            now=responded,
            pauses={
                "request": ["r", "r"],
                "start": [a for a, _ in pauses],
                "end": [b for _, b in pauses],
            },
        ).rows()
    )
    assert row["status"] == "met"
    assert_met(pausable, "anomalies", received, responded, pauses=pauses)
    # Not pausable: the pauses are ignored, as evaluate ignores them.
    with pytest.raises(SLAMissed) as miss:
        assert_met(charter, "anomalies", received, responded, pauses=pauses)
    assert miss.value.deadline == dt.datetime(2026, 3, 30, 10, 30, tzinfo=tz)
    # One 30-minute pause moves the deadline to 11:00: met then, missed at 11:01.
    assert_met(pausable, "anomalies", received, responded, pauses=pauses[:1])
    with pytest.raises(SLAMissed, match="moved by the 30 business minutes paused"):
        assert_met(
            pausable,
            "anomalies",
            received,
            responded.replace(minute=1),
            pauses=pauses[:1],
        )
    with pytest.raises(NaiveDatetimeError):
        assert_met(
            pausable,
            "anomalies",
            received,
            responded,
            pauses=[(dt.datetime(2026, 3, 27, 15), None)],
        )
