"""Charter files: TOML and JSON, lossless round trips, errors with paths."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    EarliestOf,
    EndOfPeriod,
    HolidayDates,
    InvalidArgumentError,
    InvalidCharterError,
    LatestOf,
    NextOpening,
    OpeningHours,
    PublicHolidays,
    SameBusinessDay,
    ServiceCharterError,
    dump,
    dumps,
    load,
    loads,
    schema,
)
from servicecharter.io import from_data, to_data
from servicecharter.io import toml_write as _toml
from servicecharter.strategies import charters
from tests.support.paths import DOCS

HEAD = 'id = "x"\ntitle = "X"\ntz = "Europe/Paris"\n'
RICH = """\
id = "example-support"
title = "Charte « Support Technique »"
provider = "Example Software Support"
version = "2009"
effective = 2009-07-01
locale = "fr-FR"
tz = "Europe/Paris"

[calendars.default]
hours = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
holidays = "FR"
closures = [2026-08-14]
special_days = [{date = 2026-12-24, hours = "09:00-12:00"}]

[calendars.web]
tz = "Europe/Brussels"
weekly = {Mo-Fr = "09:00-17:00", Sa = ["10:00-12:00"]}
holidays = [{country = "FR", subdiv = "57"}, 2026-05-02, "BE"]
holiday_hours = "10:00-11:00"
changes = [{effective = 2027-01-01, weekly = {Mo-Fr = "08:00-18:00"}}]
annual_days = [{month = 12, day = 31, hours = "off"}]
seasons = [{months = [7, 8], weekly = {Fr = "09:00-12:00", Sa = "off"}}]

[[channels]]
id = "phone"
kind = "phone"
title = "Support line"
text = "Accessible par téléphone.\\n\\nUn répondeur prend vos messages."

[[channels]]
id = "web"
kind = "web_form"
calendar = "web"

[[engagements]]
id = "anomalies"
title = "Assistance sur les anomalies"
text = "L'assistance est réalisée dans les 4 heures ouvrées qui suivent l'appel."
channel = "phone"
kinds = ["anomaly", "bug"]
priorities = ["high"]
objectives = ["4 business hours"]

[[engagements]]
id = "web-answers"
title = "Réponses du formulaire"
text = "Réponses assurées dans les 3 jours (60 % dans la journée)."
channel = "web"
pausable = true

[[engagements.objectives]]
within = "3 business days"

[[engagements.objectives]]
within = {kind = "same_business_day"}
share = 0.6
title = "dans la journée"

[[engagements]]
id = "rules"
title = "Every kind of rule, as tables"

[[engagements.objectives]]
within = {kind = "business_duration", duration = "2h30min", boundary = "close"}

[[engagements.objectives]]
within = {kind = "business_days", days = 2, at = "same_time"}

[[engagements.objectives]]
title = "a table in a table"

[engagements.objectives.within]
kind = "calendar_period"
amount = 7
unit = "days"
roll = "following"
end_of_day = true

[[engagements.objectives]]
within = {kind = "next_opening", business_days = 0, offset = 5400}

[[engagements.objectives]]
within = {kind = "end_of_period", period = "month"}

[[engagements.objectives]]
within.kind = "earliest_of"
within.rules = ["4 business hours", {kind = "end_of_period", period = "day"}]

[[engagements.objectives]]
within = {kind = "latest_of", rules = ["1 business day", "24 hours"]}

[[obligations]]
id = "survey"
title = "Questionnaire de satisfaction"
rrule = "FREQ=YEARLY;INTERVAL=2"

[[obligations]]
id = "follow-up"
title = "Suivi téléphonique"
rrule = "FREQ=YEARLY"
first_after = "1 month"

[[caps]]
id = "usage"
title = "Assistance sur l'utilisation"
limit = "30 minutes"
per = "module"
condition = "module ayant fait l'objet de formation"

[[commitments]]
id = "courtesy"
title = "Accueil aimable"
text = "L'accueil téléphonique est aimable et personnalisé.\\nTab:\\t, quote: \\"."

[[duties]]
id = "prepare"
text = "Préparez votre appel."

[[revisions]]
version = "2009"
date = 2009-07-01
summary = "Première édition"
"""

relaxed = settings(deadline=None, suppress_health_check=list(HealthCheck))


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
    def test_notation_with_annual_days_and_seasons(self) -> None:
        c = loads(
            HEAD + "[calendars.default]\n"
            'hours = "Mo-Fr 09:00-17:00; Dec 24 09:00-12:00; Jul-Aug Fr off"\n'
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


def error(text: str, fmt: Any = "toml") -> InvalidCharterError:
    with pytest.raises(InvalidCharterError) as info:
        loads(text, fmt)
    return info.value


CAL = '[calendars.default]\nhours = "Mo-Fr 09:00-17:00"\n'


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\n'
                'objectives = ["4 buisness hours"]\n',
                "engagements[0].objectives[0].within: unknown duration words "
                "'4 buisness hours'; use e.g. '4 business hours', ",
            ),
            (HEAD + "colour = 1\n", "colour: unknown key; allowed: id, title, "),
            ('id = "x"\ntz = "UTC"\n', "title: missing; this key is required"),
            (HEAD + 'effective = "July"\n', "effective: expected a date like "),
            (HEAD + "effective = 2026-01-01T10:00:00\n", "effective: expected a date"),
            (HEAD.replace("Europe/Paris", "Mars/Olympus"), "tz: unknown time zone"),
            (
                HEAD + '[calendars.default]\nhours = "Mo-Fx 09:00-17:00"\n',
                "calendars.default.hours: unknown weekday 'Fx' at column 4",
            ),
            (
                HEAD + '[calendars.default]\nweekly = {Mo-Fr = "9-17"}\n',
                "calendars.default.weekly.Mo-Fr: expected a clock time like '09:00'",
            ),
            (
                HEAD + '[calendars.default]\nweekly = {Mo-Fr = "09:00-17:00", '
                'Fr = "09:00-12:00"}\n',
                "calendars.default.weekly.Fr: Fr is also in 'Mo-Fr'",
            ),
            (
                HEAD + '[calendars.default]\nhours = "Mo 09:00-10:00"\n'
                'weekly = {Mo = "09:00-10:00"}\n',
                "calendars.default.weekly: give hours or weekly, not both",
            ),
            (HEAD + "[calendars.default]\n", "calendars.default.hours: missing; give"),
            (
                HEAD + CAL + 'holidays = "XX"\n',
                "calendars.default.holidays: unknown country 'XX'",
            ),
            (
                HEAD + CAL + 'holidays = [{country = "FR", region = "57"}]\n',
                "calendars.default.holidays[0].region: unknown key; allowed: country",
            ),
            (
                HEAD + CAL + "closures = [2026-08-14, 14]\n",
                "calendars.default.closures[1]: expected a date like 2026-01-31, "
                "got 14",
            ),
            (
                HEAD + '[calendars."night shift"]\nhours = "Mo 09:00-10:00"\n',
                "calendars['night shift']: expected an id of letters",
            ),
            (
                HEAD + CAL + '[[channels]]\nid = "fax"\nkind = "fax"\n',
                "channels[0].kind: expected one of 'phone', 'web_form', ",
            ),
            (
                HEAD + CAL + '[[channels]]\nid = "fax"\nkind = "other"\ntext = 1\n',
                "channels[0].text: expected text, got 1",
            ),
            (
                HEAD
                + CAL
                + '[[engagements]]\nid = "a"\ntitle = "A"\nobjectives = []\n',
                "engagements[0].objectives: an engagement needs at least one "
                "objective or duration cap",
            ),
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\n'
                'objectives = [{within = "end of day", share = 60}]\n',
                "engagements[0].objectives[0].share: expected a number in (0, 1], "
                "got 60",
            ),
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\n'
                'objectives = [{within = {kind = "business_weeks", weeks = 2}}]\n',
                "engagements[0].objectives[0].within.kind: expected a rule kind: "
                "one of business_duration, business_days, ",
            ),
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\n'
                'objectives = [{within = {kind = "business_days", days = 0}}]\n',
                "engagements[0].objectives[0].within.days: expected a whole number "
                ">= 1, got 0",
            ),
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\n'
                'objectives = [{within = {kind = "next_opening", offset = "soon"}}]\n',
                "engagements[0].objectives[0].within.offset: not a duration: 'soon'",
            ),
            (
                HEAD + CAL + '[[engagements]]\nid = "a"\ntitle = "A"\nchannel = "fax"\n'
                'objectives = ["end of day"]\n',
                "engagements[0].channel: unknown channel 'fax'; known: none",
            ),
            (
                HEAD
                + '[[obligations]]\nid = "s"\ntitle = "S"\nrrule = "FREQ=HOURLY"\n',
                "obligations[0].rrule: FREQ must be one of YEARLY, MONTHLY, WEEKLY, "
                "DAILY in 'FREQ=HOURLY'",
            ),
            (
                HEAD + '[[obligations]]\nid = "s"\ntitle = "S"\nrrule = "FREQ=YEARLY"\n'
                'first_after = "1 fortnight"\n',
                "obligations[0].first_after: not a period: '1 fortnight'",
            ),
            (
                HEAD + '[[caps]]\nid = "c"\ntitle = "C"\nlimit = "half an hour"\n',
                "caps[0].limit: not a duration: 'half an hour'",
            ),
            (
                HEAD + '[[duties]]\nid = "d"\ntext = "a"\n[[duties]]\nid = "d"\n'
                'text = "b"\n',
                "duties[1].id: 'd' is used twice (also duties[0]); "
                "each id must be unique",
            ),
            ('id = "x"\ntitle = \n', "not valid TOML: "),
        ],
    )
    def test_message_names_path_value_and_fix(self, text: str, message: str) -> None:
        assert str(error(text)).startswith(message)

    def test_json_errors(self) -> None:
        assert str(error("[1, 2]", "json")) == "expected a table, got [1, 2]"
        assert str(error('{"id": "x", "id": "y"}', "json")).startswith(
            "not valid JSON: key 'id' appears twice"
        )
        assert "NaN is not a JSON number" in str(error('{"share": NaN}', "json"))
        assert str(error("{", "json")).startswith("not valid JSON: ")

    def test_several_errors_are_collected(self) -> None:
        err = error(
            HEAD + 'colour = "red"\nlocale = 3\n[calendars.default]\nhours = "x"\n'
        )
        assert [e.path for e in err.errors] == [
            "colour",
            "locale",
            "calendars.default.hours",
        ]
        assert str(err).startswith("3 problems in the charter:\n  colour: unknown key")
        assert err.path == "colour"

    def test_value_and_path_attributes(self) -> None:
        err = error(HEAD + CAL + 'holidays = "XX"\n')
        assert (err.path, err.value) == ("calendars.default.holidays", "XX")
        assert isinstance(err, ValueError)

    def test_bad_format_and_input(self) -> None:
        with pytest.raises(InvalidArgumentError, match="'toml' or 'json'"):
            loads(HEAD, "yaml")  # type: ignore[arg-type]
        with pytest.raises(InvalidArgumentError, match="expected the text"):
            loads(b"id = 1")  # type: ignore[arg-type]


TOML_VALUES = st.recursive(
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text()
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


class TestRoundTrips:
    @relaxed
    @given(charters())
    def test_any_charter_round_trips(self, charter: Any) -> None:
        for fmt in ("toml", "json"):
            text = dumps(charter, fmt)  # type: ignore[arg-type]
            assert loads(text, fmt) == charter  # type: ignore[arg-type]

    @given(st.dictionaries(st.text(max_size=8), TOML_VALUES, max_size=4))
    def test_toml_writer(self, data: dict[str, Any]) -> None:
        assert tomllib.loads(_toml.dumps(data)) == _normalise(data)


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    return value


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | st.sampled_from(
        [
            "",
            "FR",
            "Mo-Fr",
            "09:00-17:00",
            "2026-01-01",
            "default",
            "phone",
            "4 business hours",
            "FREQ=YEARLY",
            "Europe/Paris",
            "1 month",
            "30 minutes",
            "business_days",
            "same_business_day",
            "99999999999999 hours",
            "off",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "title", "kind", "hours", "weekly", "within", "tz"])
            | st.text(max_size=5),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


def _mutate(data: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = new
    elif how == "delete":
        del parent[last]
    elif how == "wrap":
        parent[last] = [parent[last]]
    elif isinstance(parent[last], dict):
        parent[last]["unexpected"] = new
    return data


class TestOnlyLibraryErrorsEscape:
    @relaxed
    @given(JSON_VALUES)
    def test_arbitrary_json(self, value: Any) -> None:
        for document in (
            value,
            {"id": "x", "title": "T", "tz": "UTC", "calendars": value},
        ):
            with contextlib.suppress(ServiceCharterError):
                loads(json.dumps(document), "json")

    @relaxed
    @given(st.text(max_size=200))
    def test_arbitrary_text(self, text: str) -> None:
        for fmt in ("toml", "json"):
            with pytest.raises(ServiceCharterError):
                loads(text, fmt)  # type: ignore[arg-type]

    @relaxed
    @given(
        charters() | st.just(loads(RICH)),
        st.data(),
    )
    def test_mutated_charters(self, charter: Any, data: st.DataObject) -> None:
        plain = json.loads(dumps(charter, "json"))
        for _ in range(data.draw(st.integers(1, 3))):
            path = data.draw(st.sampled_from(_paths(plain)))
            how = data.draw(st.sampled_from(["replace", "delete", "wrap", "add"]))
            plain = _mutate(plain, path, how, data.draw(JSON_VALUES))
        with contextlib.suppress(ServiceCharterError):
            loads(json.dumps(plain), "json")


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
        assert len(kinds) == 8

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
