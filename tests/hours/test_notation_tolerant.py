"""Tests for the tolerant forms of the opening_hours notation.

``OpeningHours.parse`` reads what opening_hours.js reads with a warning
(``Mon-Fri 9am-5pm``) as the canonical value it stands for, and warns with
that value; the golden tables of opening_hours.js check the reading.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import pytest

from servicecharter import OpeningHours
from servicecharter._errors import NotationError, NotationWarning
from servicecharter.hours.notation import parse_rules
from servicecharter.hours.notation_tolerant import canonical
from tests.hours.golden.load import GoldenRecord, records
from tests.support.golden_ways import compare, documented

ZONES = ("Europe/Berlin", "Europe/Paris", "America/New_York", "Australia/Sydney")
ZONES += ("Asia/Kolkata",)


def _strict_refuses(value: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NotationWarning)
            parse_rules(value)
    except NotationError:
        return True
    return False


@pytest.fixture(scope="module")
def rewritten() -> list[GoldenRecord]:
    """Records opening_hours.js reads, the strict parser refuses, we rewrite."""
    return [
        record
        for zone in ZONES
        for record in records(zone)
        if record.parses
        and _strict_refuses(record.value)
        and canonical(record.value) is not None
    ]


class TestGolden:
    def test_rewritten_values_read_as_opening_hours_js_does(
        self, rewritten: list[GoldenRecord]
    ) -> None:
        known = documented()
        read = [o for o in map(compare, rewritten) if o.status != "we_refuse"]
        wrong = [
            (o.zone, o.value, o.windows)
            for o in read
            if o.status not in ("agree", "dst") and o.value not in known
        ]
        assert wrong == []
        # 153 distinct values in Europe/Berlin when this was written.
        assert len({o.value for o in read if o.zone == "Europe/Berlin"}) >= 150

    def test_canonical_form_is_opening_hours_js_prettified_one(
        self, rewritten: list[GoldenRecord]
    ) -> None:
        berlin = [r for r in rewritten if r.zone.zone == "Europe/Berlin"]
        agreeing = [r for r in berlin if compare(r).status == "agree"]
        assert len(agreeing) >= 130  # 136 when this was written
        assert [(r.value, canonical(r.value)) for r in agreeing] == [
            (r.value, r.prettified) for r in agreeing
        ]


FORMS = [
    ("Mon-Fri 9am-5pm", "Mo-Fr 09:00-17:00"),
    ("Monday-Friday 08:00-19:00", "Mo-Fr 08:00-19:00"),
    ("mon., Tuesday, wed., Thursday. 12:00-20:00", "Mo,Tu,We,Th 12:00-20:00"),
    ("Montags bis Freitags 07:00-18:00", "Mo-Fr 07:00-18:00"),
    ("Mo.-Fr. 08:30-17:00", "Mo-Fr 08:30-17:00"),
    ("Mo-Do 08:00-12:00; So off", "Mo-Th 08:00-12:00; Su off"),
    ("Di,Mi 10:00-12:00", "Tu,We 10:00-12:00"),
    ("lundi-vendredi 10:00-18:00", "Mo-Fr 10:00-18:00"),
    ("\u043f\u044f\u0442\u043d\u0438\u0446\u0430 10:00-18:00", "Fr 10:00-18:00"),
    ("\u6708\u66dc\u65e5 10:00-18:00", "Mo 10:00-18:00"),
    ("We,Fr: PH", "PH We,Fr"),
    ("Mo off; We open 10:00-16:00", "Mo off; We 10:00-16:00 open"),
    ("12:00 a.m. - 12:01am", "00:00-00:01"),
    ("11:59a.m.-12:00 p.m.", "11:59-12:00"),
    ("Mo 9:30 pm-11 pm", "Mo 21:30-23:00"),
    ("2 a 6 pm", "02:00-18:00"),
    ("Mo 12:00 \N{EN DASH} 14:00", "Mo 12:00-14:00"),
    ("Mo 12:00\N{EM DASH}14:00", "Mo 12:00-14:00"),
    ("Mo 12:00\N{RIGHTWARDS ARROW}14:00", "Mo 12:00-14:00"),
    ("Mo 12:00~14:00", "Mo 12:00-14:00"),
    ("Mo 12:00 to 14:00", "Mo 12:00-14:00"),
    ("Mo 12:00 till 14:00", "Mo 12:00-14:00"),
    ("Mo 12:00 bis 14:00", "Mo 12:00-14:00"),
    ("Mo 12:00 ate 14:00", "Mo 12:00-14:00"),
    ("24x7", "24/7"),
    ("24 hours", "00:00-24:00"),
    ("24 hours 7 days a week", "24/7"),
    ("always closed", "closed"),
    ("daily 10:00-18:00", "Mo-Su 10:00-18:00"),
    ("Mo-Fr 08:00-18:00; Sa Closed", "Mo-Fr 08:00-18:00; Sa closed"),
    ("Mo-Sa 08:00-18:00; Su geschlossen", "Mo-Sa 08:00-18:00; Su off"),
    ("Mo,Th,weekend 10:00-12:00", "Mo,Th,Sa,Su 10:00-12:00"),
    ("Mo & Th and We 10:00-12:00", "Mo,Th,We 10:00-12:00"),
    ("17:00-late", "17:00+"),
    ("Mo: geschlossen, Di: 14-18Uhr", "Mo off, Tu 14:00-18:00"),
    ("Mo 12\N{DEGREE SIGN}\N{DEGREE SIGN}-14:00", "Mo 12:00-14:00"),
    ("\N{LEFT DOUBLE QUOTATION MARK}ask\N{RIGHT DOUBLE QUOTATION MARK}", '"ask"'),
    ('Mon 10:00-12:00 "Mon to Fri"', 'Mo 10:00-12:00 "Mon to Fri"'),
    ('Mo-Fr 10:00-12:00 "Mon to Fri"', None),
    (
        "Mon 10:00-12:00; # Mon, Tue\nTu 09:00-10:00",
        "Mo 10:00-12:00; # Mon, Tue\nTu 09:00-10:00",
    ),
    ("Mo-Fr 09:00-17:00", None),
]


class TestCanonical:
    @pytest.mark.parametrize(("text", "expected"), FORMS)
    def test_form(self, text: str, expected: str | None) -> None:
        assert canonical(text) == expected

    @pytest.mark.parametrize("text", [e for _, e in FORMS if e is not None])
    def test_canonical_forms_parse_strictly(self, text: str) -> None:
        assert parse_rules(text)


OPTIONS: dict[str, Any] = {
    "tz": "UTC",
    "unknown": "closed",
    "holidays": [dt.date(2026, 5, 1)],
}


class TestWarning:
    @pytest.mark.parametrize(
        ("text", "fixed"),
        [(t, e) for t, e in FORMS if e is not None and _strict_refuses(t)],
    )
    def test_warns_with_the_canonical_form(self, text: str, fixed: str) -> None:
        with pytest.warns(NotationWarning) as caught:
            hours = OpeningHours.parse(text, **OPTIONS)
        assert len(caught) == 1
        message = str(caught[0].message)
        assert message == f"read {text!r} as {fixed!r}; write the canonical form"
        assert caught[0].filename == __file__  # the warning names the caller
        assert hours == OpeningHours.parse(fixed, **OPTIONS)

    @pytest.mark.parametrize(
        "text",
        ["Mo-Fr 09:00-17:00", "mo-fr 8:30-12:00,13:00-17:00", "Sa 9-12", "24/7"],
    )
    def test_strict_value_does_not_warn(self, text: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            OpeningHours.parse(text, tz="UTC")


class TestUnfixable:
    @pytest.mark.parametrize(
        "text",
        [
            "Mon-Fri 09:00-17:00 sometimes",  # rewritten, still refused
            "Monday 9am-5pm; Tu 10:00-",
            "Mo 10:00-12:00 xyz",
        ],
    )
    def test_raises_the_strict_error(self, text: str) -> None:
        with pytest.raises(NotationError) as strict:
            parse_rules(text)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(NotationError) as info:
                OpeningHours.parse(text, tz="UTC")
        assert info.value.text == text
        assert (info.value.column, info.value.reason) == (
            strict.value.column,
            strict.value.reason,
        )

    def test_column_refers_to_the_text_as_written(self) -> None:
        with pytest.raises(NotationError) as info:
            OpeningHours.parse("Mon-Fri 09:00-17:00 sometimes", tz="UTC")
        assert info.value.column == 0  # "Mon", not "sometimes" of "Mo-Fr ..."


def test_daylight_reads_as_sunrise_to_sunset() -> None:
    assert canonical("daylight") == "sunrise-sunset"
    with pytest.warns(NotationWarning, match="as 'sunrise-sunset'"):
        hours = OpeningHours.parse(
            "daylight", tz="Europe/Paris", location=(48.86, 2.35)
        )
    same = OpeningHours.parse(
        "sunrise-sunset", tz="Europe/Paris", location=(48.86, 2.35)
    )
    day = dt.date(2026, 6, 21)
    assert hours.ranges_on(day) == same.ranges_on(day) != ()
