from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicecharter import InvalidArgumentError, evaluate
from servicecharter.plot import attainment_by_week
from tests.support.charters import CHARTER
from tests.support.plot_reference import weekly_counts
from tests.support.zones import PARIS

ENGAGEMENTS = ("anomalies", "installation", "web-form", "callbacks")
FIRST = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


@st.composite
def requests(draw):
    n = draw(st.integers(1, 40))
    rows = []
    for k in range(n):
        received = FIRST + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 40)))
        answer = draw(st.none() | st.integers(0, 60 * 24 * 6))
        rows.append(
            {
                "id": k,
                "engagement": draw(st.sampled_from(ENGAGEMENTS)),
                "received_at": received,
                "responded_at": None
                if answer is None
                else received + dt.timedelta(minutes=answer),
            }
        )
    return rows


def _table(weeks):
    return {
        (e, o, w): (m, a)
        for e, o, w, m, a in zip(
            weeks["engagement"].tolist(),
            weeks["objective"].tolist(),
            weeks["week"].tolist(),
            weeks["met"].tolist(),
            weeks["answered"].tolist(),
            strict=True,
        )
    }


class TestAttainmentByWeek:
    @given(requests(), st.sampled_from(["UTC", "Europe/Paris", "Pacific/Auckland"]))
    def test_matches_a_loop_over_the_lines(self, rows, zone):
        result = evaluate(CHARTER, rows, now=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
        weeks = attainment_by_week(result, tz=zone)
        assert _table(weeks) == weekly_counts(list(result.rows()), ZoneInfo(zone))
        answered = weeks["answered"]
        assert np.allclose(weeks["attainment"], weeks["met"] / answered)
        order = [
            (
                next(
                    k
                    for k, s in enumerate(result.summary)
                    if (s["engagement"], s["objective"]) == (e, o)
                ),
                w,
            )
            for e, o, w in zip(
                weeks["engagement"], weeks["objective"], weeks["week"], strict=True
            )
        ]
        assert order == sorted(order)

    def test_weeks_start_on_monday_in_the_zone(self):
        # Sunday 22:30 UTC is Monday 00:30 in Paris (summer time).
        sunday = dt.datetime(2026, 4, 12, 22, 30, tzinfo=dt.UTC)
        rows = [
            {
                "engagement": "anomalies",
                "received_at": sunday,
                "responded_at": sunday + dt.timedelta(hours=10),
            }
        ]
        result = evaluate(CHARTER, rows, now=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
        for zone, monday in (("UTC", 6), ("Europe/Paris", 13), (PARIS, 13)):
            (week,) = attainment_by_week(result, tz=zone)["week"].tolist()
            assert week == dt.date(2026, 4, monday)

    def test_only_the_engagements_asked_for(self):
        answered = FIRST + dt.timedelta(days=1)
        rows = [
            {"engagement": e, "received_at": FIRST, "responded_at": answered}
            for e in ENGAGEMENTS
        ]
        result = evaluate(CHARTER, rows, now=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
        weeks = attainment_by_week(result, engagement=["web-form", "callbacks"])
        assert sorted(set(weeks["engagement"].tolist())) == ["callbacks", "web-form"]
        with pytest.raises(InvalidArgumentError, match=r"\['fax'\]"):
            attainment_by_week(result, engagement="fax")

    def test_nothing_answered_gives_empty_columns(self):
        rows = [{"engagement": "anomalies", "received_at": FIRST}]
        result = evaluate(CHARTER, rows, now=FIRST)
        weeks = attainment_by_week(result)
        assert all(column.size == 0 for column in weeks.values())

    def test_needs_an_evaluation(self):
        with pytest.raises(InvalidArgumentError, match="Evaluation that evaluate"):
            attainment_by_week({"requests": []})
