"""Laws of lifecycle lines, as properties, and bad input reported on its row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import InvalidArgumentError, Objective, evaluate
from tests.support.lifecycle_cases import (
    SETUPS,
    charter_of,
    histories,
    objectives,
    tables,
)
from tests.support.lifecycle_reference import MINUTE_US

SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
KEYS = ("objective", "cycle", "start", "stop", "deadline", "used", "paused", "status")


def case(objective: Objective, setup: Any, data: Any) -> tuple[Any, ...]:
    zone, hours, other, base = setup
    charter = charter_of(objective, zone, hours, other)
    requests = data.draw(st.lists(histories(base), min_size=1, max_size=4))
    latest = max(max([r, s or r, *(e[0] for e in ev)]) for r, s, ev, _ in requests)
    now = latest + data.draw(st.integers(0, 1440)) * MINUTE_US
    return charter, requests, np.int64(now).view("datetime64[us]")


def by_id(result: Any) -> dict[str, list[tuple[Any, ...]]]:
    lines = result.requests
    out: dict[str, list[tuple[Any, ...]]] = {}
    for k in range(len(lines["row"])):
        values = (lines[name][k] for name in KEYS)
        key = tuple(v.item() if hasattr(v, "item") else v for v in values)
        out.setdefault(str(lines["id"][k]), []).append(key)
    return out


@SETTINGS
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_lines_depend_only_on_each_request(
    objective: Objective, setup: Any, data: Any
) -> None:
    charter, requests, now = case(objective, setup, data)
    table, events = tables(requests)
    order = data.draw(st.permutations(range(len(requests))))
    shuffled = {name: [list(col)[i] for i in order] for name, col in table.items()}
    shuffled["received_at"] = table["received_at"][list(order)]
    shuffled["responded_at"] = table["responded_at"][list(order)]
    first = evaluate(charter, table, events=events, now=now)
    second = evaluate(charter, shuffled, events=_by_request(events, order), now=now)
    assert by_id(first) == by_id(second)


def _by_request(events: dict[str, Any], order: list[int]) -> dict[str, Any]:
    """The events grouped by request in the order of the shuffled requests.

    Each request's events keep their order; those of others move around them.
    """
    rank = {f"r{i}": k for k, i in enumerate(order)}
    keep = sorted(
        range(len(events["request"])), key=lambda i: rank[events["request"][i]]
    )
    return {
        "request": [events["request"][i] for i in keep],
        "at": events["at"][keep] if keep else events["at"],
        "event": [events["event"][i] for i in keep],
        "value": [events["value"][i] for i in keep],
    }


@SETTINGS
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_events_after_now_change_nothing(
    objective: Objective, setup: Any, data: Any
) -> None:
    charter, requests, now = case(objective, setup, data)
    table, events = tables(requests)
    later = now.view(np.int64) + data.draw(st.integers(1, 3000)) * MINUTE_US
    extra = data.draw(st.sampled_from(["agent_reply", "status", "customer_reply"]))
    more = {
        "request": [*events["request"], "r0"],
        "at": np.append(events["at"], np.int64(later).view("datetime64[us]")),
        "event": [*events["event"], extra],
        "value": [*events["value"], "solved"],
    }
    first = evaluate(charter, table, events=events, now=now)
    second = evaluate(charter, table, events=more, now=now)
    assert by_id(first) == by_id(second)
    assert first.problems == second.problems


@SETTINGS
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_used_and_paused_make_the_elapsed_time(
    objective: Objective, setup: Any, data: Any
) -> None:
    charter, requests, now = case(objective, setup, data)
    table, events = tables(requests)
    lines = evaluate(charter, table, events=events, now=now).requests
    measured = np.isin(lines["status"], ["met", "breached", "open", "overdue"])
    for k in np.flatnonzero(measured).tolist():
        start = lines["start"][k].item().replace(tzinfo=dt.UTC)
        stop = lines["stop"][k]
        end = now if np.isnat(stop) else stop
        end_dt = end.item().replace(tzinfo=dt.UTC)
        target = _target(objective, lines, k, charter)
        calendar = charter.calendar(target.calendar or "default")
        elapsed = calendar.elapsed(start, end_dt)
        used, paused = lines["used"][k].item(), lines["paused"][k].item()
        assert used + paused == elapsed
        assert paused >= dt.timedelta(0)
        # A business duration: met exactly when the time used fits in it.
        if lines["status"][k] in ("met", "breached"):
            fits = used <= target.within.duration  # type: ignore[union-attr]
            assert (lines["status"][k] == "met") == fits


def _target(objective: Objective, lines: Any, k: int, charter: Any) -> Any:
    """The target of line ``k``: its deadline says which (they differ)."""
    start = lines["start"][k].item().replace(tzinfo=dt.UTC)
    paused = lines["paused"][k].item()
    for target in objective.all_targets:
        calendar = charter.calendar(target.calendar or "default")
        due = target.within.deadline(calendar, start)
        if paused:
            due = calendar.add(due, paused)
        if (
            np.datetime64(due.astimezone(dt.UTC).replace(tzinfo=None), "us")
            == lines["deadline"][k]
        ):
            return target
    raise AssertionError("no target gives the line's deadline")


@SETTINGS
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_retarget_start_is_the_target_at_start(
    objective: Objective, setup: Any, data: Any
) -> None:
    if not objective.targets:
        objective = attrs.evolve(
            objective,
            within=None,
            targets=[
                {"when": {"priority": "urgent"}, "within": "20 business minutes"},
                {"within": str(objective.within)},
            ],
        )
    at_start = attrs.evolve(objective, retarget="start")
    charter, requests, now = case(at_start, setup, data)
    # Priority never changes: the target at the start is the one at the stop.
    requests = [
        (r, s, [e for e in ev if e[1] != "priority"], a) for r, s, ev, a in requests
    ]
    table, events = tables(requests)
    latest = attrs.evolve(at_start, retarget="latest")
    first = evaluate(charter, table, events=events, now=now)
    other = charter_of(latest, *setup[:3])
    second = evaluate(other, table, events=events, now=now)
    assert by_id(first) == by_id(second)


REQUESTS = {
    "id": ["a", "b"],
    "engagement": ["e", "e"],
    "received_at": np.array(["2026-03-09T10:00", "2026-03-09T11:00"], "M8[us]"),
}


class TestBadInput:
    CHARTER = charter_of(
        Objective("60 business minutes", stop="agent_reply"),
        "Europe/London",
        "Mo-Fr 09:00-12:00,13:00-17:00",
        "24/7",
    )
    NOW = np.datetime64("2026-03-10T12:00", "us")

    def evaluate(self, events: dict[str, Any], charter: Any = None) -> Any:
        return evaluate(charter or self.CHARTER, REQUESTS, events=events, now=self.NOW)

    def test_no_request_line_is_dropped(self) -> None:
        result = self.evaluate(
            {
                "request": ["a", "zz", "b", "b", "a"],
                "at": [
                    "2026-03-09T10:30:00Z",
                    "2026-03-09T10:30:00Z",
                    "2026-03-09T09:00:00Z",
                    "yesterday",
                    "2026-03-09T10:45:00Z",
                ],
                "event": [
                    "agent_reply",
                    "agent_reply",
                    "agent_reply",
                    "agent_reply",
                    "",
                ],
            }
        )
        assert result.requests["id"].tolist() == ["a", "b"]
        assert result.requests["status"].tolist() == ["met", "overdue"]
        reasons = {(p.row, p.id): p.reason for p in result.problems}
        assert "no request" in reasons[-1, "zz"]
        assert "before the receipt" in reasons[1, "b"]
        assert "events.at" in reasons[1, "b"]
        assert "no name" in reasons[0, "a"]

    def test_when_on_a_field_no_input_has_is_an_error(self) -> None:
        charter = charter_of(
            Objective(
                stop="agent_reply",
                targets=[
                    {"when": {"tier": "gold"}, "within": "1 business hour"},
                    "2 business hours",
                ],
            ),
            "Europe/London",
            "24/7",
            "24/7",
        )
        with pytest.raises(InvalidArgumentError, match="'tier'"):
            self.evaluate({"request": [], "at": [], "event": []}, charter)

    def test_no_target_matching_is_an_invalid_line(self) -> None:
        charter = charter_of(
            Objective(
                stop="agent_reply",
                targets=[{"when": {"priority": "urgent"}, "within": "1 business hour"}],
            ),
            "Europe/London",
            "24/7",
            "24/7",
        )
        requests = {**REQUESTS, "priority": ["urgent", "low"]}
        result = evaluate(
            charter,
            requests,
            events={
                "request": ["a"],
                "at": ["2026-03-09T10:30:00Z"],
                "event": ["agent_reply"],
            },
            now=self.NOW,
        )
        assert result.requests["status"].tolist() == ["met", "invalid"]
        assert [p.row for p in result.problems] == [1]
        assert "priority='low'" in result.problems[0].reason

    def test_cycles_every_with_start_equal_stop_is_a_charter_error(self) -> None:
        with pytest.raises(ValueError, match="differ"):
            Objective("1 hour", start="reply", stop="reply", cycles="every")

    def test_not_started_line(self) -> None:
        charter = charter_of(
            Objective("1 business hour", start="customer_reply", stop="agent_reply"),
            "Europe/London",
            "24/7",
            "24/7",
        )
        result = self.evaluate(
            {
                "request": ["a", "a"],
                "at": ["2026-03-09T10:30:00Z"] * 2,
                "event": ["customer_reply", "agent_reply"],
            },
            charter,
        )
        assert result.requests["status"].tolist() == ["met", "not_started"]
        assert np.isnat(result.requests["start"][1])
        assert result.summary[0]["not_started"] == 1


@SETTINGS
@given(objective=objectives(), setup=SETUPS, data=st.data())
def test_interleaved_events_give_the_same_lines(
    objective: Objective, setup: Any, data: Any
) -> None:
    charter, requests, now = case(objective, setup, data)
    table, events = tables(requests)
    m = len(events["request"])
    keys = np.array(data.draw(st.lists(st.floats(0, 1), min_size=m, max_size=m)))
    for request in set(events["request"]):
        mine = [i for i in range(m) if events["request"][i] == request]
        keys[mine] = np.sort(keys[mine])  # each request's own order is kept
    order = np.argsort(keys, kind="stable").tolist()
    mixed = {
        "request": [events["request"][i] for i in order],
        "at": events["at"][order] if order else events["at"],
        "event": [events["event"][i] for i in order],
        "value": [events["value"][i] for i in order],
    }
    first = evaluate(charter, table, events=events, now=now)
    second = evaluate(charter, table, events=mixed, now=now)
    assert by_id(first) == by_id(second)
