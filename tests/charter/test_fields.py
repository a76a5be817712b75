"""Field checks of the charter model: ids match their pattern as a whole.

``$`` in a pattern also matches before a final newline, so the id ``"x\\n"``
passed ``ID_PATTERN`` (in the model and in files, where it then broke the
TOML written back); every pattern is now used with ``fullmatch``.
"""

from __future__ import annotations

import json

import pytest

from servicecharter import (
    Channel,
    Engagement,
    InvalidCharterError,
    RecurringObligation,
    dumps,
    loads,
)
from tests.support.charter_files import HEAD


@pytest.mark.parametrize("bad", ["x\n", "x\r\n", "\nx", "x y", "", "x\n\n"])
class TestIds:
    def test_in_the_model(self, bad: str) -> None:
        for make in (
            lambda: Engagement(bad, "E"),
            lambda: Channel(bad, "phone"),
            lambda: RecurringObligation(bad, "O", "FREQ=YEARLY"),
        ):
            with pytest.raises(InvalidCharterError) as info:
                make()
            assert info.value.path == "id"

    def test_in_a_file(self, bad: str) -> None:
        data = {"id": bad, "title": "X", "tz": "Europe/Paris"}
        with pytest.raises(InvalidCharterError) as info:
            loads(json.dumps(data), "json")
        assert info.value.path == "id"

    def test_as_a_calendar_name(self, bad: str) -> None:
        data = {
            "id": "x",
            "title": "X",
            "tz": "Europe/Paris",
            "calendars": {bad: {"hours": "Mo-Fr 09:00-17:00"}},
        }
        with pytest.raises(InvalidCharterError):
            loads(json.dumps(data), "json")


def test_good_ids_still_load_and_write() -> None:
    calendar = '[calendars.default]\nhours = "24/7"\n'
    text = HEAD + calendar + '[[channels]]\nid = "E-2.1_x"\nkind = "phone"\n'

    charter = loads(text)
    assert loads(dumps(charter)) == charter
