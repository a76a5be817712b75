"""Charter files: TOML and JSON, every part read and written, schema, docs."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from servicecharter import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    EarliestOf,
    EndOfPeriod,
    HolidayDates,
    InvalidArgumentError,
    LatestOf,
    NextOpening,
    OpeningHours,
    PublicHolidays,
    SameBusinessDay,
    dump,
    dumps,
    load,
    loads,
    schema,
)
from servicecharter.io import from_data, to_data
from tests.support.charter_files import HEAD, RICH
from tests.support.paths import DOCS


class TestRichCharter:
    def test_reads_every_part(self) -> None:
        c = loads(RICH)
        assert c.effective == dt.date(2009, 7, 1)
        web = c.calendars["web"]
        assert str(web.tz) == "Europe/Brussels"
        assert str(c.calendars["default"].tz) == "Europe/Paris"
        assert web.holidays == (
            PublicHolidays("FR", "57"),
            HolidayDates([dt.date(2026, 5, 2)]),
            PublicHolidays("BE"),
        )
        assert [str(r) for r in web.weekly[5]] == ["10:00-12:00"]
        assert web.seasons[0].weekly[5] == ()
        assert web.seasons[0].weekly[0] is None
        assert c.obligations[1].first_after == relativedelta(months=1)
        assert c.caps[0].limit == dt.timedelta(minutes=30)
        assert c.commitments[0].text.endswith('\nTab:\t, quote: ".')
        assert c.channels[0].text == (
            "Accessible par téléphone.\n\nUn répondeur prend vos messages."
        )
        assert c.channels[1].text == ""

    def test_rule_tables(self) -> None:
        rules = [o.within for o in loads(RICH).engagement("rules").objectives]
        assert rules == [
            BusinessDuration(dt.timedelta(hours=2, minutes=30), "close"),
            BusinessDays(2, "same_time"),
            CalendarPeriod(7, "days", "following", True),
            NextOpening(0, dt.timedelta(minutes=90)),
            EndOfPeriod("month"),
            EarliestOf([BusinessDuration(dt.timedelta(hours=4)), EndOfPeriod("day")]),
            LatestOf([BusinessDays(1), CalendarPeriod(24, "hours")]),
        ]
        assert loads(RICH).engagement("web-answers").objectives[1].within == (
            SameBusinessDay()
        )

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_round_trip(self, fmt: Any) -> None:
        c = loads(RICH)
        text = dumps(c, fmt)
        assert loads(text, fmt) == c
        assert dumps(loads(text, fmt), fmt) == text

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_channel_text_round_trips(self, fmt: Any) -> None:
        c = loads(RICH)
        text = dumps(c, fmt)
        assert loads(text, fmt).channels == c.channels
        data = json.loads(dumps(c, "json"))
        assert data["channels"][0]["text"] == c.channels[0].text
        assert "text" not in data["channels"][1]  # the default is left out

    def test_writes_words_and_leaves_defaults_out(self) -> None:
        text = dumps(loads(RICH))
        assert 'objectives = ["4 business hours"]' in text
        assert "share = 1.0" not in text
        assert 'tz = "Europe/Brussels"' in text
        assert text.count('tz = "Europe/Paris"') == 1
        assert '    "2 business hours 30 business minutes to close",\n' in text

    def test_json_is_plain_json(self) -> None:
        data = json.loads(dumps(loads(RICH), "json"))
        assert data["effective"] == "2009-07-01"
        assert data["calendars"]["default"]["closures"] == ["2026-08-14"]

    def test_files(self, tmp_path: Path) -> None:
        c = loads(RICH)
        for name in ("charter.toml", "charter.JSON"):
            dump(c, tmp_path / name)
            assert load(tmp_path / name) == c
        with pytest.raises(InvalidArgumentError, match=r"name it \.toml or \.json"):
            dump(c, tmp_path / "charter.yaml")

    def test_data(self) -> None:
        c = loads(RICH)
        assert from_data(to_data(c)) == c
        with pytest.raises(InvalidArgumentError):
            to_data("charter")  # type: ignore[arg-type]


class TestNotation:
    def test_rules_in_osm_order_round_trip(self) -> None:
        c = loads(
            HEAD + "[calendars.default]\n"
            'hours = "Fr 22:00-02:00; Sa 10:00-12:00, Su 10:00-12:00 unknown"\n'
            'unknown = "open"\n'
            "closures = [2026-06-05]\n"
        )
        hours = c.calendars["default"]
        assert [rule.kind for rule in hours.rules] == ["normal", "normal", "additional"]
        assert hours.unknown == "open"
        assert hours.ranges_on(dt.date(2026, 6, 5)) == ()  # the closure wins
        assert [str(r) for r in hours.ranges_on(dt.date(2026, 6, 12))] == [
            "22:00-24:00"
        ]
        text = dumps(c)
        assert 'unknown = "open"' in text
        assert loads(text) == c

    def test_notation_with_annual_days_and_seasons(self) -> None:
        c = loads(
            HEAD + "[calendars.default]\n"
            'hours = "Mo-Fr 09:00-17:00; Jul-Aug Fr off; Dec 24 09:00-12:00"\n'
            'annual_days = [{month = 12, day = 31, hours = "off"}]\n'
        )
        hours = c.calendars["default"]
        assert [(d.month, d.day) for d in hours.annual_days] == [(12, 24), (12, 31)]
        assert sorted(hours.seasons[0].months) == [7, 8]
        assert loads(dumps(c)) == c

    def test_hours_notation_cannot_say_falls_back_to_tables(self) -> None:
        hours = OpeningHours({"Mo": "09:00:30-12:00"}, "Europe/Paris")
        c = loads(HEAD).__class__(
            id="x", title="X", tz="UTC", calendars={"default": hours}
        )
        text = dumps(c)
        assert '[calendars.default.weekly]\nMo = "09:00:30-12:00"\n' in text
        assert loads(text) == c


class TestSchema:
    def test_committed_schema_is_generated(self) -> None:
        spec = importlib.util.spec_from_file_location(
            "gen_schema", DOCS / "gen_schema.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        committed = (DOCS / "charter.schema.json").read_text(encoding="utf-8")
        assert committed == module.render(), "run: python docs/gen_schema.py"

    def test_schema_shape(self) -> None:
        s = schema()
        assert s["$ref"] == "#/$defs/Charter"
        charter = s["$defs"]["Charter"]
        assert charter["required"] == ["id", "title", "tz"]
        assert charter["additionalProperties"] is False
        kinds = {
            d["properties"]["kind"]["enum"][0]
            for n, d in s["$defs"].items()
            if n.startswith("rule_")
        }
        assert "business_days" in kinds
        assert len(kinds) == 10

    def test_documents_validate(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        validator = jsonschema.Draft202012Validator(schema())
        validator.validate(json.loads(dumps(loads(RICH), "json")))
        with pytest.raises(jsonschema.ValidationError):
            validator.validate({"id": "x", "title": "X", "tz": "UTC", "colour": 1})


class TestDocs:
    def test_examples_in_the_format_guide_load(self) -> None:
        guide = (DOCS / "charter-format.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```toml\n(.*?)```", guide, re.S)
        assert blocks
        full = loads(blocks[0])
        assert loads(dumps(full)) == full
        for block in blocks[1:]:
            if block.startswith("id ="):
                loads(block)
