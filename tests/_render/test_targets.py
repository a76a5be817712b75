"""``render`` says every target of an objective: its state, calendar and share."""

from __future__ import annotations

import pytest

from servicecharter import (
    Channel,
    Charter,
    Engagement,
    Objective,
    OpeningHours,
    examples,
    render,
)

HOURS = OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Paris")
ALWAYS = OpeningHours.parse("24/7", tz="Europe/Paris")


def _charter(objective: Objective) -> Charter:
    return Charter(
        id="c",
        title="C",
        tz="Europe/Paris",
        calendars={"default": HOURS, "always": ALWAYS},
        channels=[Channel("desk", "web_form")],
        engagements=[Engagement("e", "Tickets", [objective], channel="desk")],
    )


CONDITIONAL = Objective(
    stop="agent_reply",
    share=0.9,
    targets=[
        {
            "when": {"priority": ["urgent", "high"]},
            "within": "1 business hour",
            "calendar": "always",
            "share": 0.99,
        },
        {"when": {"priority": "normal", "tier": "gold"}, "within": "4 business hours"},
        {"within": "2 business days"},
    ],
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "99% within one business hour when priority is urgent or high "
                "on the always calendar",
                "90% within 4 business hours when priority is normal and tier is gold",
                "90% within 2 business days",
            ],
        ),
        (
            "fr",
            [
                "lorsque priority vaut urgent ou high selon le calendrier always",
                "lorsque priority vaut normal et tier vaut gold",
            ],
        ),
    ],
)
def test_each_target_is_said(lang: str, said: list[str]) -> None:
    text = " ".join(render(_charter(CONDITIONAL), lang).split())
    for phrase in said:
        assert phrase in text


def test_the_helpdesk_example_says_its_urgent_targets() -> None:
    text = " ".join(render(examples.load("helpdesk"), "en").split())
    assert (
        "within one business hour when priority is urgent on the always calendar"
        in text
    )


def test_an_objective_of_one_default_target_reads_as_before() -> None:
    plain = _charter(Objective("3 business days"))
    text = " ".join(render(plain, "en").split())
    assert "within 3 business days" in text
    assert " when " not in text
