"""Tests of servicecharter.explain."""

from __future__ import annotations

import datetime as dt

import pytest

import servicecharter
from servicecharter import InvalidArgumentError, NaiveDatetimeError, evaluate, explain
from servicecharter._render.en_moments import business_words, moment, short_duration
from servicecharter.compliance import STATUSES
from tests.support.charters import CHARTER, PAUSABLE
from tests.support.zones import PARIS, paris


def test_explain_is_exported():
    assert servicecharter.explain is explain
    assert "explain" in servicecharter.__all__


def test_breached_business_duration():
    text = explain(
        CHARTER, "anomalies", paris(2026, 3, 27, 16, 30), paris(2026, 3, 30, 15, 10)
    )
    lines = text.splitlines()
    assert lines[1] == (
        "calendar: default, Europe/Paris: Mo-Fr 09:00-12:00,14:00-17:00; PH off"
    )
    assert "  deadline: Mon 30 Mar 14:30 CEST" in lines
    assert (
        "  why: the 4 business hours run Fri 16:30-17:00 (30 min), "
        "Mon 09:00-12:00 (3 h), Mon 14:00-14:30 (30 min)"
    ) in lines
    assert lines[-1] == "  breached: answered 40 business minutes late"
    assert "business time used: 4 h 40 min: " in text


def test_met_with_time_to_spare_and_easter():
    text = explain(
        CHARTER, "anomalies", paris(2026, 4, 3, 16, 30), paris(2026, 4, 7, 11)
    )
    assert "  deadline: Tue 7 Apr 14:30 CEST" in text
    assert "Tue 09:00-12:00 (3 h)" in text  # Easter Monday is skipped
    assert "Mon" not in text.split("why:")[1]
    assert text.endswith("  met: answered with 1 h 30 min of business time to spare")


def test_deadline_at_a_closing_is_explained():
    # 1 business hour from Friday 16:00 runs out at 17:00, due Monday 09:00.
    charter = servicecharter.Charter(
        id="c",
        title="C",
        tz="Europe/Paris",
        calendars={"default": CHARTER.calendars["default"]},
        engagements=[servicecharter.Engagement("e", "E", "1 business hour")],
    )
    text = explain(charter, "e", paris(2026, 3, 27, 16), paris(2026, 3, 28, 10))
    assert "  deadline: Mon 30 Mar 09:00 CEST" in text
    assert "the time runs out at Fri 27 Mar 17:00 CET, a closing" in text
    assert text.endswith("  met: answered with 0 business minutes to spare")


def test_unanswered_uses_now():
    text = explain(
        CHARTER,
        "anomalies",
        paris(2026, 3, 27, 16, 30),
        now=paris(2026, 3, 30, 16),
    )
    assert "not answered at Mon 30 Mar 16:00 CEST" in text
    assert text.endswith("  overdue: 1 h 30 min of business time past the deadline")
    text = explain(CHARTER, "anomalies", paris(2026, 3, 27, 16, 30), now=None)
    assert "not answered at" in text


def test_many_intervals_are_counted_not_listed():
    text = explain(
        CHARTER, "specific-requests", paris(2026, 3, 2, 9), paris(2026, 3, 3, 9)
    )
    assert "and 4 more intervals" in text


def test_caps_only_engagement():
    text = explain(CHARTER, "usage", paris(2026, 3, 2, 9), paris(2026, 3, 2, 10))
    assert "no deadline objective" in text


def test_year_shown_when_needed():
    text = explain(CHARTER, "anomalies", paris(2026, 12, 31, 16), paris(2027, 1, 4, 9))
    assert "received: Thu 31 Dec 2026 16:00 CET" in text


def test_bad_arguments():
    received = paris(2026, 3, 27, 10)
    with pytest.raises(InvalidArgumentError, match="'en' only"):
        explain(CHARTER, "anomalies", received, locale="fr")
    with pytest.raises(InvalidArgumentError, match="before received"):
        explain(CHARTER, "anomalies", received, received - dt.timedelta(hours=1))
    with pytest.raises(InvalidArgumentError, match="now must be"):
        explain(CHARTER, "anomalies", received, now="2026-03-27")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        explain(CHARTER, "nope", received)


# -- pauses -----------------------------------------------------------------------

NOW = paris(2026, 4, 10, 12)


def _evaluated(engagement, received, responded, pauses, now):
    requests = {
        "id": ["r"],
        "engagement": [engagement],
        "received_at": [received],
        "responded_at": [responded],
    }
    table = {
        "request": ["r"] * len(pauses),
        "start": [a for a, _ in pauses],
        "end": [b for _, b in pauses],
    }
    return list(evaluate(PAUSABLE, requests, now=now, pauses=table).rows())


PAUSE_CASES = [
    # One business hour on Friday afternoon: a 4-hour deadline moves 1 hour.
    (
        "anomalies",
        paris(2026, 3, 27, 14, 30),
        paris(2026, 3, 30, 11),
        [(paris(2026, 3, 27, 15), paris(2026, 3, 27, 16))],
    ),
    # Overlapping pauses count once; one starts before the receipt (clipped).
    (
        "anomalies",
        paris(2026, 3, 27, 14, 30),
        paris(2026, 3, 31, 10),
        [
            (paris(2026, 3, 27, 12), paris(2026, 3, 27, 16)),
            (paris(2026, 3, 27, 15), paris(2026, 3, 30, 10)),
            (paris(2026, 3, 30, 9, 30), paris(2026, 3, 30, 9, 45)),
        ],
    ),
    # Unanswered, a pause still running, two objectives (day-based rules).
    (
        "web-form",
        paris(2026, 3, 27, 14, 30),
        None,
        [
            (paris(2026, 3, 30, 10), paris(2026, 3, 30, 11)),
            (paris(2026, 3, 30, 10, 30), None),
        ],
    ),
    # Pauses past the response are clipped away; a pause over Easter Monday.
    (
        "web-form",
        paris(2026, 4, 3, 16),
        paris(2026, 4, 8, 10),
        [
            (paris(2026, 4, 3, 16, 30), paris(2026, 4, 7, 9, 30)),
            (paris(2026, 4, 9, 9), paris(2026, 4, 9, 12)),
        ],
    ),
]


@pytest.mark.parametrize(("engagement", "received", "responded", "pauses"), PAUSE_CASES)
def test_pauses_agree_with_evaluate(engagement, received, responded, pauses):
    text = explain(PAUSABLE, engagement, received, responded, now=NOW, pauses=pauses)
    rows = _evaluated(engagement, received, responded, pauses, NOW)
    lines = text.splitlines()
    used = next(line for line in lines if "business time used net of pauses" in line)
    assert f"net of pauses: {short_duration(rows[0]['used'])}: " in used
    assert rows[0]["paused"] > dt.timedelta(0)
    assert lines[lines.index(used) + 1].startswith(
        f"pauses: {business_words(rows[0]['paused'])} paused"
    )
    shown = [line for line in lines if line.startswith("  deadline: ")]
    assert shown == [
        f"  deadline: {moment(row['deadline'], PARIS)}, moved later by the "
        f"{business_words(row['paused'])} paused"
        for row in rows
    ]
    verdicts = [line.split(":")[0].strip() for line in lines if line[:2] == "  "]
    assert [v for v in verdicts if v in STATUSES] == [row["status"] for row in rows]


def test_pauses_are_listed_clipped_and_merged():
    engagement, received, responded, pauses = PAUSE_CASES[1]
    text = explain(PAUSABLE, engagement, received, responded, pauses=pauses)
    assert (
        "  paused Fri 27 Mar 14:30 CET to Fri 27 Mar 16:00 CET: "
        "1 h 30 min of business time (clipped to the request's life)"
    ) in text
    assert (
        "  paused Fri 27 Mar 15:00 CET to Mon 30 Mar 10:00 CEST: 3 business hours\n"
    ) in text
    assert "  overlapping pauses are counted once" in text
    # The union: Fri 14:30-17:00 (2 h 30 min) and Mon 09:00-10:00 (1 h).
    assert "pauses: 3 h 30 min of business time paused" in text
    assert "  rule deadline: Mon 30 Mar 10:30 CEST" in text
    assert "  deadline: Mon 30 Mar 16:00 CEST, moved later by the 3 h 30 min" in text
    assert text.endswith("  breached: answered 2 business hours late")
    text = explain(
        PAUSABLE,
        "web-form",
        paris(2026, 3, 27, 14, 30),
        now=paris(2026, 3, 30, 11),
        pauses=[(paris(2026, 3, 30, 10), None)],
    )
    assert (
        "Mon 30 Mar 10:00 CEST to Mon 30 Mar 11:00 CEST: 1 business hour (still" in text
    )


def test_pauses_on_a_non_pausable_engagement_are_ignored():
    received, responded = paris(2026, 3, 27, 14, 30), paris(2026, 3, 30, 11)
    pauses = [(paris(2026, 3, 27, 15), paris(2026, 3, 27, 16))]
    text = explain(CHARTER, "anomalies", received, responded, pauses=pauses)
    assert "pauses: 1 ignored: engagement anomalies is not pausable" in text
    assert text == explain(CHARTER, "anomalies", received, responded).replace(
        "\nobjective 0", "\n" + text.splitlines()[5] + "\nobjective 0"
    )
    assert text.endswith("breached: answered 30 business minutes late")


def test_no_pauses_changes_nothing():
    received, responded = paris(2026, 3, 27, 14, 30), paris(2026, 3, 30, 11)
    assert explain(PAUSABLE, "anomalies", received, responded, pauses=()) == explain(
        CHARTER, "anomalies", received, responded
    )


def test_bad_pauses():
    received = paris(2026, 3, 27, 10)
    naive = dt.datetime(2026, 3, 27, 11)
    for pauses in ([(naive, None)], [(paris(2026, 3, 27, 11), naive)]):
        with pytest.raises(NaiveDatetimeError):
            explain(PAUSABLE, "anomalies", received, now=NOW, pauses=pauses)
        with pytest.raises(NaiveDatetimeError):  # checked even when not pausable
            explain(CHARTER, "anomalies", received, now=NOW, pauses=pauses)
    with pytest.raises(InvalidArgumentError, match="before it starts"):
        explain(
            PAUSABLE,
            "anomalies",
            received,
            now=NOW,
            pauses=[(paris(2026, 3, 27, 12), paris(2026, 3, 27, 11))],
        )
    with pytest.raises(InvalidArgumentError, match="pair"):
        explain(PAUSABLE, "anomalies", received, now=NOW, pauses=[received])  # type: ignore[list-item]
    with pytest.raises(InvalidArgumentError, match="aware datetime"):
        explain(PAUSABLE, "anomalies", received, now=NOW, pauses=[("x", None)])  # type: ignore[list-item]
