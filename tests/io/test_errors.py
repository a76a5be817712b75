"""Charter file errors: each names its path in the file and the fix."""

from __future__ import annotations

from typing import Any

import pytest

from servicecharter import InvalidArgumentError, InvalidCharterError, loads
from tests.support.charter_files import HEAD


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


def test_every_bad_item_of_a_holidays_list_is_named() -> None:
    text = (
        HEAD
        + CAL
        + 'holidays = [{market = "XXXX"}, "ZZ", "2026-13-01", "FR", '
        + '{country = "BE", categories = ["nope"]}]\n'
        + '[[engagements]]\nid = "a"\ntitle = "A"\nobjectives = ["4 business hours"]\n'
    )
    message = str(error(text))
    for item in (0, 1, 2, 4):
        assert f"calendars.default.holidays[{item}]" in message
    assert "holidays[3]" not in message
