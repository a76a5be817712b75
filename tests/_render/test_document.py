"""``render``: charters as Markdown documents in French and English."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import servicecharter
from servicecharter import (
    Charter,
    Engagement,
    InvalidArgumentError,
    OpeningHours,
    loads,
    render,
)
from servicecharter._render.items import target_words
from servicecharter.strategies import charters
from tests.support.words import fr, hours

# The full example of docs/charter-format.md, plus an engagement bounded by a
# cap only; kept here so that the expected phrases do not move with the guide.
FULL = """\
id = "example-support"
title = "Charte « Support Technique »"
provider = "Example Software Support"
version = "2009"
effective = 2009-07-01
locale = "fr-FR"
tz = "Europe/Paris"

# "Du lundi au vendredi (hors jours fériés) de 9h00 à 12h00 et de 14h00 à 17h."
[calendars.default]
hours = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
holidays = "FR"
closures = [2026-08-14]
special_days = [{date = 2026-12-24, hours = "09:00-12:00"}]

# The web form desk, in its structured form.
[calendars.web]
weekly = {Mo-Fr = "09:00-17:00"}
holidays = [{country = "FR", subdiv = "57"}, 2026-05-02]
changes = [{effective = 2027-01-01, weekly = {Mo-Fr = "08:00-18:00"}}]
annual_days = [{month = 12, day = 31, hours = "off"}]
seasons = [{months = [7, 8], weekly = {Fr = "09:00-12:00"}}]

[[channels]]
id = "phone"
kind = "phone"
title = "Support line"

[[channels]]
id = "web"
kind = "web_form"
title = "Formulaire « Demandes et Observations »"
calendar = "web"

[[engagements]]
id = "installation"
title = "Assistance téléphonique à l'installation"
text = "L'assistance est réalisée dans les 12 heures ouvrées qui suivent l'appel du client."
channel = "phone"
objectives = ["12 business hours"]

[[engagements]]
id = "anomalies"
title = "Assistance téléphonique sur les anomalies"
text = "L'assistance est réalisée dans les 4 heures ouvrées qui suivent l'appel du client."
channel = "phone"
kinds = ["anomaly"]
objectives = ["4 business hours"]

[[engagements]]
id = "specific-requests"
title = "Traitement des demandes spécifiques"
text = "Ce dernier contactera sous 48 heures ouvrées le responsable référent."
channel = "phone"
objectives = [{within = {kind = "business_duration", duration = "48h"}}]

[[engagements]]
id = "web-answers"
title = "Réponses aux demandes du formulaire"
text = "Les réponses aux demandes sont assurées dans les 3 jours (60 % des réponses sont faites dans la journée)."
channel = "web"
pausable = true

[[engagements.objectives]]
within = "3 business days"
title = "toutes les réponses"

[[engagements.objectives]]
within = "same business day"
share = 0.6
title = "dans la journée"

[[engagements]]
id = "callbacks"
title = "Rappels après la fermeture"
text = "Les rappels ne pouvant être traités avant la fermeture du service seront réalisés le lendemain à partir de 9 heures."
channel = "phone"
objectives = ["next business day opening"]

[[engagements]]
id = "usage"
title = "Assistance sur l'utilisation"
text = "Cette assistance sera réalisée à hauteur de 30 minutes par module ayant fait l'objet de formation."
channel = "phone"
caps = ["usage-trained"]

[[obligations]]
id = "satisfaction-survey"
title = "Questionnaire de satisfaction"
text = "Au moins une fois tous les deux ans un questionnaire d'évaluation de la satisfaction."
rrule = "FREQ=YEARLY;INTERVAL=2"

[[obligations]]
id = "follow-up-call"
title = "Suivi téléphonique"
text = "Un suivi téléphonique est assuré un mois après le début de la prestation, et une fois annuellement."
rrule = "FREQ=YEARLY"
first_after = "1 month"

[[caps]]
id = "usage-trained"
title = "Assistance sur l'utilisation"
limit = "30 minutes"
per = "module"
condition = "module ayant fait l'objet de formation"

[[caps]]
id = "usage-untrained"
title = "Assistance sans formation"
limit = "15 minutes"
per = "appel"
condition = "module n'ayant pas fait l'objet de formation"

[[commitments]]
id = "skills"
title = "Formation des équipes et montée en compétence"
text = "Les Techniciens Support sont formés à la Maîtrise de la Relation Téléphonique."

[[duties]]
id = "active-contract"
text = "Vérifiez que votre contrat de maintenance est actif et respectez le délai de règlement."

[[duties]]
id = "prepare-call"
text = "Préparez votre appel afin d'exposer votre problème de façon structurée."

[[revisions]]
version = "2009"
date = 2009-07-01
summary = "Charte communiquée par courrier et par la lettre d'information."
"""  # noqa: E501 (charter sentences are long)


def guide_charter() -> Charter:
    return loads(FULL)


def headings(document: str) -> list[str]:
    return [line for line in document.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_full_charter(lang: str) -> None:
    charter = guide_charter()
    document = render(charter, lang)
    for engagement in charter.engagements:
        assert f"### {engagement.title}\n" in document
        if engagement.objectives:
            target = target_words(engagement, lang)  # type: ignore[arg-type]
            assert target in document
    titles = [
        *(o.title for o in charter.obligations),
        *(c.title for c in charter.caps),
        *(c.title for c in charter.commitments),
    ]
    for title in titles:
        assert f"### {title}\n" in document
    for duty in charter.duties:
        assert f"- {duty.text}\n" in document
    for revision in charter.revisions:
        assert revision.summary in document
    assert document.startswith("# Charte « Support Technique »\n")
    assert document.endswith("\n")
    assert not document.endswith("\n\n")
    assert "\n\n\n" not in document
    assert "{" not in document  # no unfilled template


def test_full_charter_french() -> None:
    document = render(guide_charter(), "fr")
    assert headings(document)[:4] == [
        "# Charte « Support Technique »",
        "## Horaires d'ouverture",
        "### Téléphone (Support line)",
        "### Formulaire web (Formulaire « Demandes et Observations »)",
    ]
    assert [h for h in headings(document) if h.startswith("## ")] == [
        "## Horaires d'ouverture",
        "## Délais de réponse",
        "## Engagements périodiques",
        "## Durées maximales",
        "## Engagements qualité",
        "## Ce que nous vous demandons",
        "## Historique des versions",
    ]
    for phrase in [
        fr("- Prestataire : Example Software Support"),
        "- En vigueur à partir du 1er juillet 2009",
        "Du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h, fermé les jours fériés.",
        "- Le 24 décembre 2026 de 9 h à 12 h.",
        "- Fermé le 14 août 2026.",
        "- En juillet et août, le vendredi de 9 h à 12 h.",
        "- Chaque année, fermé le 31 décembre.",
        fr("- À partir du 1er janvier 2027 : du lundi au vendredi de 8 h à 18 h."),
        "(Europe/Paris)",
        fr("**Objectif : dans les 4 heures ouvrées.**"),
        fr("**Objectif : dans les 3 jours ouvrés (60 % le jour même).**"),
        fr("**Objectif : le jour ouvré suivant à l'ouverture.**"),
        fr("- Canal : téléphone (Support line)"),
        fr("- Demandes concernées : anomaly"),
        "- Le délai est suspendu",
        "**Au moins une fois tous les deux ans.**",
        "**Un mois après le début, puis au moins une fois par an.**",
        "**30 minutes au plus par module.**",
        fr(
            "### Assistance sur l'utilisation\n\n**Durée : 30 minutes au "
            "plus par module (module ayant fait l'objet de formation).**\n"
        ),
        fr("Condition : module ayant fait l'objet de formation."),
        fr("- Version 2009, 1er juillet 2009 : Charte communiquée par courrier"),
    ]:
        assert phrase in document


def test_full_charter_english() -> None:
    document = render(guide_charter(), "en")
    assert [h for h in headings(document) if h.startswith("## ")] == [
        "## Opening hours",
        "## Response times",
        "## Recurring commitments",
        "## Time limits",
        "## Quality commitments",
        "## What we ask of you",
        "## Revision history",
    ]
    for phrase in [
        "- Provider: Example Software Support",
        "- In effect from 1 July 2009",
        "Monday to Friday, 9:00 to 12:00 and 14:00 to 17:00; "
        "closed on public holidays.",
        "- Public holidays: France (Moselle) and 2 May 2026.",
        "- From 1 January 2027: Monday to Friday, 8:00 to 18:00.",
        "**Target: within 3 business days (60% on the same business day).**",
        "**Target: at opening time on the next business day.**",
        "- The clock stops while we wait",
        "**At least once every two years.**",
        "**At most 15 minutes per appel.**",
        "**Duration: at most 30 minutes per module (module ayant fait l'objet",
        "- Version 2009, 1 July 2009: Charte communiquée par courrier",
    ]:
        assert phrase in document
    assert "\u00a0" not in document


def test_minimal_charter_has_only_what_it_holds() -> None:
    charter = Charter(
        id="x",
        title="Hotline",
        tz="Europe/Paris",
        calendars={"default": hours("Mo-Fr 09:00-17:00")},
        engagements=[Engagement("e", "Callback", "24 hours")],
    )
    assert render(charter, "en") == (
        "# Hotline\n\n## Opening hours\n\nTimes are local times (Europe/Paris).\n\n"
        "Monday to Friday, 9:00 to 17:00.\n\n## Response times\n\n### Callback\n\n"
        "**Target: within 24 hours.**\n"
    )


def test_calendars_without_channels_and_other_zones() -> None:
    charter = Charter(
        id="x",
        title="X",
        tz="Europe/Paris",
        calendars={
            "default": hours("Mo-Fr 09:00-17:00"),
            "night": OpeningHours({"Mo-Su": "22:00-06:00"}, "America/New_York"),
        },
    )
    document = render(charter, "fr")
    assert "### Horaires généraux\n" in document
    assert "### Calendrier « night »\n" in document
    assert "tous les jours de 22 h à 6 h le lendemain" in document.lower()
    assert fr("- Fuseau horaire : America/New_York.") in document


def test_channel_text_is_a_paragraph_under_its_hours() -> None:
    charter = Charter(
        id="x",
        title="Hotline",
        tz="Europe/Paris",
        calendars={"default": hours("Mo-Fr 09:00-17:00")},
        channels=[
            servicecharter.Channel(
                "phone",
                "phone",
                "Support line",
                text="Call us on weekdays.\n\n# A machine answers at night.",
            )
        ],
    )
    document = render(charter, "en")
    assert document == (
        "# Hotline\n\n## Opening hours\n\nTimes are local times (Europe/Paris).\n\n"
        "### Phone (Support line)\n\nMonday to Friday, 9:00 to 17:00.\n\n"
        "Call us on weekdays.\n\n\\# A machine answers at night.\n"
    )
    assert headings(document)[-1] == "### Phone (Support line)"


def test_channel_texts_follow_the_hours_they_share() -> None:
    channels = [
        servicecharter.Channel("phone", "phone", "Line", text="By phone."),
        servicecharter.Channel("web", "web_form", "Form"),
        servicecharter.Channel("desk", "counter", text="At the desk."),
        servicecharter.Channel("night", "phone", calendar="night", text="At night."),
    ]
    charter = Charter(
        id="x",
        title="X",
        tz="Europe/Paris",
        calendars={
            "default": hours("Mo-Fr 09:00-17:00; PH off", holidays="FR"),
            "night": hours("Mo-Su 20:00-23:00"),
        },
        channels=channels,
    )
    document = render(charter, "fr")
    # In the order of the channels, after the hours and their exceptions.
    assert (
        "- Formulaire web (Form)\n- Accueil\n\n"
        "Du lundi au vendredi de 9 h à 17 h, fermé les jours fériés.\n\n"
        + fr("- Jours fériés : France.\n\n")
        + "By phone.\n\nAt the desk.\n\n### Téléphone\n\n"
        + "Tous les jours de 20 h à 23 h.\n\nAt night.\n"
    ) in document
    for heading in headings(document):
        assert "By phone" not in heading
        assert "At night" not in heading


def test_provider_text_is_escaped() -> None:
    charter = Charter(
        id="x",
        title="Support #1",
        tz="UTC",
        calendars={"default": hours("24/7")},
        engagements=[
            Engagement("e", "*Urgent*", "24 hours", text="1. Call [us](http://x)")
        ],
        duties=[servicecharter.ClientDuty("d", "- be <b>nice</b>")],
    )
    document = render(charter, "en")
    assert "# Support \\#1\n" in document
    assert "### \\*Urgent\\*\n" in document
    assert "\n1\\. Call [us\\](http://x)\n" in document
    assert "- \\- be \\<b>nice\\</b>\n" in document


@pytest.mark.parametrize("locale", ["de", "fr-FR", "", None, "FR"])
def test_unknown_locale(locale: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="'en', 'fr'"):
        render(guide_charter(), locale)


@settings(max_examples=60, deadline=None)
@given(charters())
def test_any_charter_renders(charter: Charter) -> None:
    for lang in ("fr", "en"):
        document = render(charter, lang)
        assert document.startswith("# ")
        assert document.endswith("\n")
        assert "\n\n\n" not in document


def test_examples_render() -> None:
    examples = pytest.importorskip("servicecharter.examples")
    names = examples.names()
    assert names
    for name in names:
        charter = examples.load(name)
        for lang in ("fr", "en"):
            document = render(charter, lang)
            assert document.startswith("# ")
            for engagement in charter.engagements:
                title = " ".join(engagement.title.split())
                assert f"### {title}\n" in document.replace("\\", "")
            # Channels: short headings over their hours, then their texts.
            opening = document.split("\n## ")[1]
            assert all(len(h) < 80 for h in headings(opening))
            for channel in charter.channels:
                for paragraph in filter(str.strip, channel.text.split("\n\n")):
                    assert f"\n\n{' '.join(paragraph.split())}\n" in opening
                    assert not any(paragraph in h for h in headings(document))
