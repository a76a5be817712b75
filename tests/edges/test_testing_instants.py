"""The assertions and ``explain`` judge instants, never wall clocks.

Two datetimes of one zone compare by their wall clock, fold ignored: in the
hour a DST change repeats, 02:15 (the second time) compares "before" 02:45
(the first). ``assert_met`` and ``explain`` said such a late response was
met while ``evaluate`` said breached. A failing assertion shows the test's
line, not the library's source (``__tracebackhide__``).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import Charter, evaluate, explain, loads
from servicecharter.compliance.single_pauses import check_pauses
from servicecharter.testing import SLAMissed, assert_met

pytest_plugins = ["pytester"]

# Zones with a fold: an hour repeated (Paris, New York), half an hour
# (Lord Howe), in the southern autumn (Sydney).
FOLDS = {
    "Europe/Paris": dt.datetime(2026, 10, 25, 2, 0),
    "America/New_York": dt.datetime(2026, 11, 1, 1, 0),
    "Australia/Lord_Howe": dt.datetime(2026, 4, 5, 1, 30),
    "Australia/Sydney": dt.datetime(2026, 4, 5, 2, 0),
}


def around_the_clock(tz: str) -> Charter:
    return loads(
        f'id = "x"\ntitle = "X"\ntz = "{tz}"\n[calendars.default]\n'
        'hours = "24/7"\n[[engagements]]\nid = "e"\ntitle = "E"\n'
        'objectives = ["1 business hour"]\n'
    )


def status(charter: Charter, received: dt.datetime, responded: dt.datetime) -> str:
    result = evaluate(
        charter,
        [{"engagement": "e", "received_at": received, "responded_at": responded}],
        now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    )
    return str(result.requests["status"][0])


class TestFold:
    @pytest.mark.parametrize("tz", sorted(FOLDS))
    def test_late_in_the_fold_is_breached_everywhere(self, tz: str) -> None:
        # Received 15 minutes before the fold starts, on its first pass;
        # answered 20 minutes into its second pass: more than an hour later.
        zone = ZoneInfo(tz)
        fold = FOLDS[tz]
        received = (fold - dt.timedelta(minutes=15)).replace(tzinfo=zone)
        responded = (fold + dt.timedelta(minutes=20)).replace(tzinfo=zone, fold=1)
        took = responded.astimezone(dt.UTC) - received.astimezone(dt.UTC)
        assert took > dt.timedelta(hours=1)
        charter = around_the_clock(tz)
        assert status(charter, received, responded) == "breached"
        with pytest.raises(SLAMissed):
            assert_met(charter, "e", received, responded)
        text = explain(charter, "e", received, responded)
        assert "breached" in text
        assert "to spare" not in text

    def test_the_reported_example(self) -> None:
        paris = ZoneInfo("Europe/Paris")
        received = dt.datetime(
            2026, 10, 25, 1, 45, tzinfo=dt.timezone(dt.timedelta(hours=2))
        )
        responded = dt.datetime(2026, 10, 25, 2, 15, tzinfo=paris, fold=1)
        charter = around_the_clock("Europe/Paris")
        with pytest.raises(SLAMissed) as info:
            assert_met(charter, "e", received, responded)
        assert info.value.late_by == dt.timedelta(minutes=30)
        assert "breached: answered 30 business minutes late" in explain(
            charter, "e", received, responded
        )

    @settings(max_examples=60, deadline=None)
    @given(
        tz=st.sampled_from(sorted(FOLDS)),
        start=st.integers(-180, 120),
        minutes=st.integers(0, 150),
        folds=st.tuples(st.booleans(), st.booleans()),
    )
    def test_assert_met_agrees_with_evaluate(
        self, tz: str, start: int, minutes: int, folds: tuple[bool, bool]
    ) -> None:
        zone = ZoneInfo(tz)
        wall = FOLDS[tz] + dt.timedelta(minutes=start)
        received = wall.replace(tzinfo=zone, fold=int(folds[0]))
        responded = (wall + dt.timedelta(minutes=minutes)).replace(
            tzinfo=zone, fold=int(folds[1])
        )
        if responded.astimezone(dt.UTC) < received.astimezone(dt.UTC):
            return  # a response before its receipt: refused by both
        charter = around_the_clock(tz)
        try:
            assert_met(charter, "e", received, responded)
            met = True
        except SLAMissed:
            met = False
        assert met == (status(charter, received, responded) == "met")
        assert ("  met:" in explain(charter, "e", received, responded)) == met

    def test_a_pause_ending_in_the_second_pass_is_not_backwards(self) -> None:
        # 02:15 on the second pass is after 02:45 on the first.
        paris = ZoneInfo("Europe/Paris")
        start = dt.datetime(2026, 10, 25, 2, 45, tzinfo=paris)
        end = dt.datetime(2026, 10, 25, 2, 15, tzinfo=paris, fold=1)
        assert check_pauses([(start, end)]) == [(start, end)]


class TestTracebacks:
    def test_a_failed_assertion_shows_the_test_not_the_library(
        self, pytester: pytest.Pytester
    ) -> None:
        pytester.makepyfile(
            test_sla="""
            import datetime as dt
            from zoneinfo import ZoneInfo
            from servicecharter import examples
            from servicecharter.testing import assert_met, assert_open

            PARIS = ZoneInfo("Europe/Paris")
            CHARTER = examples.load("technical-support")

            def test_late():
                received = dt.datetime(2026, 3, 27, 16, 30, tzinfo=PARIS)
                responded = dt.datetime(2026, 3, 30, 15, 10, tzinfo=PARIS)
                assert_met(CHARTER, "anomalies", received, responded)

            def test_closed():
                assert_open(CHARTER, dt.datetime(2026, 3, 28, 10, tzinfo=PARIS))
            """
        )
        result = pytester.runpytest("-p", "no:cacheprovider")
        result.assert_outcomes(failed=2)
        out = result.stdout.str()
        assert "def assert_met" not in out
        assert "def assert_open" not in out
        assert "__tracebackhide__" not in out
        assert "answered 40 business minutes late" in out
        assert len(out.splitlines()) < 60  # was about 97 lines per failure


def test_array_statuses_agree() -> None:
    # The array path already judged instants; it stays the reference above.
    charter = around_the_clock("Europe/Paris")
    received = np.array(["2026-10-24T23:45"], "datetime64[us]")
    responded = np.array(["2026-10-25T01:15"], "datetime64[us]")
    result = evaluate(
        charter,
        {"engagement": ["e"], "received_at": received, "responded_at": responded},
        now=np.datetime64("2027-01-01"),
    )
    assert result.requests["status"].tolist() == ["breached"]
