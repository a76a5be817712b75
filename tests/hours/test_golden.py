"""servicecharter reads opening_hours values as opening_hours.js does.

Every value of the golden tables (tests/hours/golden) that both libraries
accept gives the same open intervals in every zone and window, except where
DESIGN.md's daylight-saving policy decides (the intervals differ only within
a day of a change) or tests/hours/differences.json documents why.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.support.golden_ways import Outcome, documented, outcomes

ZONES = ("Europe/Berlin", "Europe/Paris", "America/New_York", "Australia/Sydney")
ZONES += ("Asia/Kolkata",)


@pytest.fixture(scope="module")
def results() -> dict[str, list[Outcome]]:
    return {zone: list(outcomes(zone)) for zone in ZONES}


class TestGolden:
    @pytest.mark.parametrize("zone", ZONES)
    def test_values_read_by_both_agree(
        self, results: dict[str, list[Outcome]], zone: str
    ) -> None:
        known = documented()
        wrong = [
            (o.value, o.windows)
            for o in results[zone]
            if o.status == "differ" and o.value not in known
        ]
        assert wrong == []

    def test_documented_differences_still_differ(
        self, results: dict[str, list[Outcome]]
    ) -> None:
        differing = {
            o.value for zone in ZONES for o in results[zone] if o.status == "differ"
        }
        assert set(documented()) <= differing

    def test_most_values_agree(self, results: dict[str, list[Outcome]]) -> None:
        counts = Counter(o.status for o in results["Europe/Berlin"])
        both = counts["agree"] + counts["dst"] + counts["differ"]
        assert counts["agree"] > 0.9 * both
