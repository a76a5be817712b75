"""Tests of servicecharter.explain."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import servicecharter
from servicecharter import InvalidArgumentError, examples, explain

PARIS = ZoneInfo("Europe/Paris")
CHARTER = examples.load("technical-support")


def paris(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


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
