"""The lifecycle keys of an objective: typed, validated, in files and schema."""

from __future__ import annotations

import json

import attrs
import pytest

import servicecharter as sc
from servicecharter import Condition, Engagement, InvalidCharterError, Objective, Target

BASE = """
id = "hd"
title = "Helpdesk"
tz = "Europe/London"

[calendars.default]
hours = "Mo-Fr 09:00-17:00"

[calendars.always]
hours = "24/7"

[[engagements]]
id = "tickets"
title = "Tickets"

[[engagements.objectives]]
"""


def load(objective: str) -> sc.Charter:
    return sc.loads(BASE + objective)


class TestModel:
    def test_today_objective_is_one_default_target(self) -> None:
        o = Objective("4 business hours")
        assert not o.has_lifecycle
        assert o.start == Condition(event="received")
        assert o.stop == Condition(event="responded")
        assert [str(t.within) for t in o.all_targets] == ["4 business hours"]

    def test_targets_give_within_of_the_default(self) -> None:
        o = Objective(
            targets=[
                {"when": {"priority": "urgent"}, "within": "1 business hour"},
                "8 business hours",
            ]
        )
        assert str(o.within) == "8 business hours"
        assert attrs.evolve(o, share=0.5).targets == o.targets

    def test_state_values_read_as_tuples(self) -> None:
        o = Objective("2 business days", pause_while={"status": "pending"})
        assert dict(o.pause_while) == {"status": ("pending",)}

    @pytest.mark.parametrize(
        ("kwargs", "path", "words"),
        [
            ({"stop": "agent_reply", "reopen": "ignore"}, "reopen", "state"),
            ({"start": "reply", "stop": "reply", "cycles": "every"}, "stop", "differ"),
            ({"cycles": "sometimes"}, "cycles", "'first', 'every'"),
            ({"retarget": "never"}, "retarget", "'latest', 'start'"),
            ({"stop": {"status": []}}, "stop.status", "values"),
            ({"stop": {"responded": ["x"]}}, "stop.responded", "event"),
            ({"pause_while": "pending"}, "pause_while", "table of fields"),
            ({"id": "first reply"}, "id", "id of letters"),
        ],
    )
    def test_bad_keys_name_the_key_and_fix(
        self, kwargs: dict[str, object], path: str, words: str
    ) -> None:
        with pytest.raises(InvalidCharterError) as caught:
            Objective("4 business hours", **kwargs)  # type: ignore[arg-type]
        assert caught.value.path == path
        assert words in str(caught.value)

    def test_default_target_must_come_last(self) -> None:
        with pytest.raises(InvalidCharterError, match="last and only"):
            Objective(
                targets=["1 business hour", Target("2 business hours", when={"p": "x"})]
            )

    def test_within_and_targets_not_both(self) -> None:
        with pytest.raises(InvalidCharterError, match="not both"):
            Objective("4 business hours", targets=["1 business hour"])

    def test_neither_within_nor_targets(self) -> None:
        with pytest.raises(InvalidCharterError, match=r"within .* or targets"):
            Objective()

    def test_objective_ids_unique_in_engagement(self) -> None:
        with pytest.raises(InvalidCharterError) as caught:
            Engagement(
                "e", "E", [Objective("1 hour", id="a"), Objective("2 hours", id="a")]
            )
        assert caught.value.path == "objectives[1].id"

    def test_position_ids_may_not_clash(self) -> None:
        with pytest.raises(InvalidCharterError, match="unique"):
            Engagement("e", "E", [Objective("1 hour", id="1"), "2 hours"])


class TestFiles:
    TEXT = """id = "resolution"
stop = {status = ["solved"]}
pause_while = {status = ["pending", "on-hold"]}
reopen = "new_cycle"
cycles = "every"
start = {status = "open"}
retarget = "start"

[[engagements.objectives.targets]]
when = {priority = "urgent"}
within = "1 business hour"
calendar = "always"
share = 0.9

[[engagements.objectives.targets]]
within = "16 business hours"
"""

    def test_every_key_reads(self) -> None:
        o = load(self.TEXT).engagements[0].objectives[0]
        assert o.id == "resolution"
        assert o.start == Condition(state={"status": ("open",)})
        assert o.stop == Condition(state={"status": ("solved",)})
        assert dict(o.pause_while) == {"status": ("pending", "on-hold")}
        assert (o.reopen, o.cycles, o.retarget) == ("new_cycle", "every", "start")
        assert [t.calendar for t in o.targets] == ["always", None]
        assert [t.share for t in o.targets] == [0.9, None]

    @pytest.mark.parametrize("form", ["toml", "json"])
    def test_round_trip(self, form: str) -> None:
        charter = load(self.TEXT)
        assert sc.loads(sc.dumps(charter, format=form), format=form) == charter

    def test_targets_replace_within_when_written(self) -> None:
        data = json.loads(sc.dumps(load(self.TEXT), format="json"))
        written = data["engagements"][0]["objectives"][0]
        assert "within" not in written
        assert written["stop"] == {"status": ["solved"]}

    def test_today_objective_still_written_as_words(self) -> None:
        charter = load('within = "4 business hours"\n')
        data = json.loads(sc.dumps(charter, format="json"))
        assert data["engagements"][0]["objectives"] == ["4 business hours"]

    def test_unknown_target_calendar_names_the_path(self) -> None:
        text = self.TEXT.replace('calendar = "always"', 'calendar = "nights"')
        with pytest.raises(InvalidCharterError) as caught:
            load(text)
        assert caught.value.path == "engagements[0].objectives[0].targets[0].calendar"
        assert "'always'" in str(caught.value)

    def test_bad_key_in_file_names_the_path(self) -> None:
        with pytest.raises(InvalidCharterError) as caught:
            load('within = "4 business hours"\nstop = 3\n')
        assert caught.value.path == "engagements[0].objectives[0].stop"

    def test_schema_knows_the_keys(self) -> None:
        defs = sc.schema()["$defs"]
        keys = set(defs["Objective"]["properties"])
        assert {"start", "stop", "pause_while", "cycles", "reopen"} <= keys
        assert {"targets", "retarget", "id"} <= keys
        assert set(defs["Target"]["properties"]) == {
            "when",
            "within",
            "calendar",
            "share",
        }
