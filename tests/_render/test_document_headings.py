"""render(): every calendar's heading is its own, even for untitled channels.

Two untitled email channels on two calendars both rendered "### Email";
each heading now says which channels it is for.
"""

from __future__ import annotations

import re

import pytest

from servicecharter import loads, render

TWO_EMAILS = """id = "x"
title = "X"
tz = "Europe/Paris"
[calendars.default]
hours = "Mo-Fr 09:00-17:00"
[calendars.evenings]
hours = "Mo-Fr 18:00-20:00"
[calendars.spare]
hours = "Sa 10:00-12:00"
[[channels]]
id = "sales"
kind = "email"
[[channels]]
id = "support"
kind = "email"
calendar = "evenings"
"""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_headings_are_distinct(lang: str) -> None:
    text = render(loads(TWO_EMAILS), lang)  # type: ignore[arg-type]
    headings = re.findall(r"^### (.*)$", text, re.MULTILINE)
    assert len(headings) == len(set(headings)) == 3
    email = "Email" if lang == "en" else "Courriel"
    assert headings[:2] == [f"{email} (sales)", f"{email} (support)"]


def test_a_heading_of_its_own_is_unchanged() -> None:
    text = render(
        loads(
            TWO_EMAILS.replace(
                'kind = "email"\ncalendar', 'kind = "web_form"\ncalendar'
            )
        ),
        "en",
    )
    assert "### Email" in text.splitlines()
