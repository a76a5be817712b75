"""Calendars defined as expressions of other calendars, in charter files."""

from __future__ import annotations

import datetime as dt

import pytest

from servicecharter import (
    Charter,
    CombinedHours,
    InvalidCharterError,
    OpeningHours,
    dumps,
    explain,
    loads,
    render,
    schema,
)
from servicecharter.io.calendar_expr import ExpressionError, parse_expression
from tests.support.charter_files import HEAD

UTC = dt.UTC
DESKS = """
[calendars.sydney]
hours = "Mo-Fr 09:00-17:00"
tz = "Australia/Sydney"

[calendars.london]
hours = "Mo-Fr 09:00-17:00"
tz = "Europe/London"

[calendars.new-york]
hours = "Mo-Fr 09:00-17:00"
tz = "America/New_York"
"""
ENGAGEMENT = """
[[engagements]]
id = "p1"
title = "Priority one"
objectives = ["4 business hours"]
"""


def charter(*calendars: str) -> Charter:
    extra = "".join(f"\n[calendars.{c}\n" for c in calendars)
    return loads(HEAD + DESKS + extra + ENGAGEMENT)


def combined(expression: str, tz: str = "") -> str:
    zone = f'tz = "{tz}"\n' if tz else ""
    return f'default]\ncombine = "{expression}"\n{zone}'


class TestReading:
    def test_follow_the_sun(self) -> None:
        c = charter(combined("sydney | london | new-york", "UTC"))
        desk = c.calendar()
        assert isinstance(desk.hours, CombinedHours)
        assert desk.hours.operation == "union"
        assert desk.hours.operands == tuple(
            c.calendars[n] for n in ("sydney", "london", "new-york")
        )
        # Friday 5 June 2026, 19:00 UTC: two hours of New York, then Sydney's
        # Monday from Sunday 23:00 UTC.
        due = c.deadline("p1", dt.datetime(2026, 6, 5, 19, tzinfo=UTC))
        assert due.astimezone(UTC) == dt.datetime(2026, 6, 8, 1, tzinfo=UTC)
        assert str(desk.tz) == "UTC"

    def test_tz_defaults_to_the_charters(self) -> None:
        c = charter(combined("sydney | london"))
        assert str(c.calendar().tz) == "Europe/Paris"

    @pytest.mark.parametrize(
        ("text", "shape"),
        [
            ("sydney | london & new-york", ("union", ["sydney", "intersection"])),
            ("(sydney | london) & new-york", ("intersection", ["union", "new-york"])),
            ("sydney - london - new-york",
             ("difference", ["sydney", "london", "new-york"])),
            ("sydney & london - new-york", ("intersection", ["sydney", "difference"])),
            ("sydney - (london - new-york)", ("difference", ["sydney", "difference"])),
        ],
    )  # fmt: skip
    def test_precedence(self, text: str, shape: tuple[str, list[str]]) -> None:
        c = charter(combined(text))
        hours = c.calendars["default"]
        assert isinstance(hours, CombinedHours)
        names = {v: k for k, v in c.calendars.items() if k != "default"}
        got = [
            o.operation if isinstance(o, CombinedHours) else names[o]
            for o in hours.operands
        ]
        assert (hours.operation, got) == shape

    def test_expressions_of_expressions_in_any_order(self) -> None:
        c = charter(
            'default]\ncombine = "europe - sydney"\n',
            'europe]\ncombine = "london | new-york"\n',
        )
        assert c.calendar().is_open(dt.datetime(2026, 6, 1, 14, tzinfo=UTC))
        assert not c.calendar().is_open(dt.datetime(2026, 6, 1, 3, tzinfo=UTC))


class TestWriting:
    @pytest.mark.parametrize(
        "text",
        [
            "sydney | london | new-york",
            "sydney | london & new-york",
            "(sydney | london) & new-york",
            "sydney - london - new-york",
            "sydney - (london - new-york)",
            "(sydney - london) - new-york",
            "sydney | (london | new-york)",
        ],
    )
    def test_round_trip(self, text: str) -> None:
        c = charter(combined(text, "UTC"))
        again = loads(dumps(c))
        assert again == c
        assert f'combine = "{text}"' in dumps(c)
        assert loads(dumps(c, "json"), "json") == c

    def test_python_operators_write_as_names(self) -> None:
        c = charter('default]\nhours = "Mo 09:00-10:00"\n')
        sun = c.calendar("sydney") | c.calendar("london") | c.calendar("new-york")
        both = Charter(
            id="x",
            title="X",
            tz="UTC",
            calendars={**c.calendars, "default": sun.hours},
        )
        assert 'combine = "sydney | london | new-york"' in dumps(both)
        assert loads(dumps(both)) == both


class TestErrors:
    @pytest.mark.parametrize(
        ("expression", "message"),
        [
            ("sydney | tokyo",
             "unknown calendar 'tokyo'; known: london, new-york, sydney"),
            ("sydney |", "ends too soon"),
            ("(sydney | london", "'(' is not closed"),
            ("sydney london", "unexpected 'london'"),
            ("sydney", "names one calendar only"),
            ("sydney + london", "unexpected '+'"),
            ("sydney -london", "put spaces around '-'"),
            ("| sydney", "expected a calendar name"),
        ],
    )  # fmt: skip
    def test_bad_expressions(self, expression: str, message: str) -> None:
        with pytest.raises(InvalidCharterError) as info:
            charter(combined(expression))
        assert "calendars.default.combine" in str(info.value)
        assert message in str(info.value)

    def test_cycles(self) -> None:
        with pytest.raises(InvalidCharterError, match="defined by each other"):
            charter(
                'default]\ncombine = "a | sydney"\n',
                'a]\ncombine = "default | london"\n',
            )
        with pytest.raises(InvalidCharterError, match="default -> default"):
            charter('default]\ncombine = "default | london"\n')

    def test_unknown_keys_and_bad_zone(self) -> None:
        with pytest.raises(InvalidCharterError, match="unknown key"):
            charter('default]\ncombine = "sydney | london"\nhours = "Mo 09:00-10:00"\n')
        with pytest.raises(InvalidCharterError, match=r"calendars\.default\.tz"):
            charter('default]\ncombine = "sydney | london"\ntz = "Mars/Base"\n')

    def test_unnamed_operands_are_refused_in_a_charter(self) -> None:
        a = OpeningHours({"Mo": "09:00-10:00"}, "UTC")
        b = OpeningHours({"Tu": "09:00-10:00"}, "UTC")
        with pytest.raises(InvalidCharterError, match="give each of them a name"):
            Charter(
                id="x",
                title="X",
                tz="UTC",
                calendars={"a": a, "default": CombinedHours("union", [a, b], "UTC")},
            )

    def test_expression_reader_alone(self) -> None:
        with pytest.raises(ExpressionError, match="empty"):
            parse_expression("  ", pytest.fail, "UTC")


class TestWords:
    def test_render_and_explain_name_the_calendars(self) -> None:
        c = charter('default]\ncombine = "(london & new-york) - sydney"\ntz = "UTC"\n')
        en = render(c, "en")
        assert (
            "Open when london and new-york together is open, except when sydney "
            "is open." in en
        )
        fr = render(c, "fr")
        assert "Ouvert lorsque london et new-york ensemble est ouvert" in fr
        said = explain(c, "p1", dt.datetime(2026, 6, 1, 14, tzinfo=UTC))
        assert "calendar: default, UTC: open when london and new-york together" in said

    def test_schema_describes_combined_calendars(self) -> None:
        defs = schema()["$defs"]
        assert defs["CombinedCalendar"]["required"] == ["combine"]
        top = defs["Charter"]["properties"]["calendars"]
        calendars = top["additionalProperties"]
        refs = [one["$ref"] for one in calendars["oneOf"]]
        assert refs == ["#/$defs/Calendar", "#/$defs/CombinedCalendar"]
