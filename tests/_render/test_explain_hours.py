"""explain() on hours that have no opening_hours notation: described in words.

A calendar with schedule changes cannot be written in the notation, and
``explain`` raised ``InvalidHoursError`` on it (the example of
docs/charter-format.md included) while ``deadline``, ``evaluate``,
``assert_met`` and ``render`` worked on the same charter.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest

from servicecharter import InvalidHoursError, evaluate, explain, loads
from servicecharter.testing import assert_met
from tests.support.charters import CHARTER
from tests.support.paths import DOCS
from tests.support.zones import paris


def format_example() -> str:
    """The TOML example of docs/charter-format.md, as the page shows it."""
    page = (DOCS / "charter-format.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- write: example-support.toml -->\n```toml\n(.*?)```", page, re.DOTALL
    )
    assert found is not None
    return found.group(1)


class TestHoursWithoutNotation:
    def test_the_documented_example(self) -> None:
        charter = loads(format_example())
        with pytest.raises(InvalidHoursError):  # what made explain fail
            charter.calendars["web"].format()
        received = paris(2026, 12, 30, 16)
        responded = paris(2027, 1, 4, 8, 30)
        text = explain(charter, "web-answers", received, responded)
        (calendar_line,) = [line for line in text.splitlines() if "calendar:" in line]
        assert calendar_line.startswith("calendar: web, Europe/Paris: Monday to Friday")
        assert "From 1 January 2027: Monday to Friday, 8:00 to 18:00" in calendar_line
        due = charter.deadlines("web-answers", received)[0]
        assert f"deadline: {due:%a} {due.day} {due:%b}" in text

    def test_a_verdict_like_evaluate(self) -> None:
        hours = attrs.evolve(
            CHARTER.calendars["default"],
            changes=[(dt.date(2026, 3, 30), {"Mo-Fr": "08:00-18:00"})],
        )
        charter = attrs.evolve(CHARTER, calendars={"default": hours})
        # 30 min on Friday, then 8:00 on: the 4 hours run out at 11:30.
        received, responded = paris(2026, 3, 27, 16, 30), paris(2026, 3, 30, 11)
        text = explain(charter, "anomalies", received, responded)
        assert "From 30 March 2026" in text
        assert "met: answered with 30 business minutes to spare" in text
        assert_met(charter, "anomalies", received, responded)
        result = evaluate(
            charter,
            [{"engagement": "anomalies", "received_at": received,
              "responded_at": responded}],
            now=paris(2026, 4, 1),
        )  # fmt: skip
        assert result.requests["status"].tolist() == ["met"]

    def test_hours_with_a_notation_keep_it(self) -> None:
        text = explain(CHARTER, "anomalies", paris(2026, 3, 27, 16, 30))
        assert "calendar: default, Europe/Paris: Mo-Fr 09:00-12:00,14:00-17:00" in text
