"""``summarize`` against counts taken line by line."""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections import Counter
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import Objective, evaluate
from servicecharter.compliance import STATUSES, summarize
from tests.support.lifecycle_cases import (
    SETUPS,
    charter_of,
    histories,
    objectives,
    tables,
)
from tests.support.lifecycle_reference import MINUTE_US


def _week(line: dict[str, Any], tz: zoneinfo.ZoneInfo) -> str:
    instant = line["start"] or line["received"]
    day = instant.astimezone(tz).date()
    return (day - dt.timedelta(days=day.weekday())).isoformat()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    objective=objectives(),
    setup=SETUPS,
    data=st.data(),
    by=st.sampled_from([None, "week", "priority"]),
)
def test_counts_match_the_lines(
    objective: Objective, setup: Any, data: Any, by: Any
) -> None:
    zone, hours, other, base = setup
    charter = charter_of(objective, zone, hours, other)
    requests = data.draw(st.lists(histories(base), min_size=1, max_size=6))
    latest = max(max([r, s or r, *(e[0] for e in ev)]) for r, s, ev, _ in requests)
    now = np.int64(latest + 60 * MINUTE_US).view("datetime64[us]")
    table, events = tables(requests)
    result = evaluate(charter, table, events=events, now=now)
    entries = summarize(result, charter, group_by=by, requests=table)
    want: dict[tuple[Any, ...], Counter[str]] = {}
    used: dict[tuple[Any, ...], list[int]] = {}
    for line in result.rows():
        if by == "week":
            group = _week(line, charter.tz)
        elif by == "priority":
            group = table["priority"][line["row"]]
        else:
            group = ""
        key = (line["engagement"], line["objective_id"], line["target"], group)
        want.setdefault(key, Counter())[line["status"]] += 1
        if line["status"] in ("met", "breached"):
            used.setdefault(key, []).append(
                line["used"] // dt.timedelta(microseconds=1)
            )
    got = {
        (e["engagement"], e["objective_id"], e["target"], e["group"]): e
        for e in entries
    }
    assert set(got) == set(want)
    for key, counts in want.items():
        entry = got[key]
        assert {s: entry[s] for s in STATUSES} == {s: counts[s] for s in STATUSES}
        judged = counts["met"] + counts["breached"]
        if judged:
            assert entry["attainment"] == counts["met"] / judged
            median = np.percentile(used[key], 50)
            assert entry["p50"] == dt.timedelta(microseconds=round(median))
        else:
            assert math.isnan(entry["attainment"])
