"""``render``: charters as Markdown documents in French and English."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

import pytest
from hypothesis import given, settings

import servicecharter
from servicecharter import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    Charter,
    EarliestOf,
    EndOfPeriod,
    Engagement,
    InvalidArgumentError,
    LatestOf,
    NextOpening,
    Objective,
    OpeningHours,
    RecurringObligation,
    Rule,
    SameBusinessDay,
    loads,
    render,
)
from servicecharter._render.hours_words import exception_lines, week_words
from servicecharter._render.items import recurrence_words, target_words
from servicecharter._render.words import rule_words
from servicecharter.strategies import charters

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
H = dt.timedelta(hours=1)


def fr(text: str) -> str:
    """French typography: a non-breaking space before ':' and '%'."""
    return text.replace(" :", "\u00a0:").replace(" %", "\u00a0%")


def guide_charter() -> Charter:
    return loads(FULL)


# ------------------------------------------------------------- rule phrases --

RULES: list[tuple[Rule, str, str]] = [
    (BusinessDuration(4 * H), "dans les 4 heures ouvrées", "within 4 business hours"),
    (
        BusinessDuration(H),
        "dans un délai d'une heure ouvrée",
        "within one business hour",
    ),
    (
        BusinessDuration(dt.timedelta(minutes=30)),
        "dans les 30 minutes ouvrées",
        "within 30 business minutes",
    ),
    (
        BusinessDuration(dt.timedelta(hours=2, minutes=30)),
        "dans un délai de 2 h 30 en temps ouvré",
        "within 2 hours 30 minutes of business time",
    ),
    (
        BusinessDuration(4 * H, boundary="close"),
        "dans les 4 heures ouvrées (échéance à la fermeture, non à la réouverture)",
        "within 4 business hours (due at closing time, not at the next opening)",
    ),
    (BusinessDays(3), "dans les 3 jours ouvrés", "within 3 business days"),
    (
        BusinessDays(1),
        "avant la fin du jour ouvré suivant",
        "by the end of the next business day",
    ),
    (
        BusinessDays(3, "same_time"),
        "3 jours ouvrés plus tard, à la même heure",
        "3 business days later, at the same time of day",
    ),
    (
        CalendarPeriod(7, "days", "following", end_of_day=True),
        "dans un délai de 7 jours, jusqu'à la fin du dernier jour, "
        "reporté au jour ouvré suivant si celui-ci n'est pas ouvré",
        "within 7 days, to the end of the last day, "
        "moved to the next business day if that day is not a business day",
    ),
    (
        CalendarPeriod(7, "days", "following"),
        "dans un délai de 7 jours, reporté au jour ouvré suivant "
        "si le dernier jour n'est pas ouvré",
        "within 7 days, moved to the next business day "
        "if the last day is not a business day",
    ),
    (
        CalendarPeriod(2, "weeks", "preceding"),
        "dans un délai de 2 semaines, avancé au jour ouvré précédent "
        "si le dernier jour n'est pas ouvré",
        "within 2 weeks, brought forward to the previous business day "
        "if the last day is not a business day",
    ),
    (CalendarPeriod(24, "hours"), "dans un délai de 24 heures", "within 24 hours"),
    (CalendarPeriod(1, "hours"), "dans un délai d'une heure", "within one hour"),
    (CalendarPeriod(2, "months"), "dans un délai de 2 mois", "within 2 months"),
    (CalendarPeriod(1, "months"), "dans un délai d'un mois", "within one month"),
    (CalendarPeriod(1, "years"), "dans un délai d'un an", "within one year"),
    (CalendarPeriod(3, "years"), "dans un délai de 3 ans", "within 3 years"),
    (CalendarPeriod(1, "weeks"), "dans un délai d'une semaine", "within one week"),
    (
        NextOpening(),
        "le jour ouvré suivant à l'ouverture",
        "at opening time on the next business day",
    ),
    (NextOpening(0), "à la prochaine ouverture", "at the next opening"),
    (
        NextOpening(3),
        "le 3e jour ouvré suivant à l'ouverture",
        "at opening time on the 3rd business day after",
    ),
    (
        NextOpening(1, 2 * H),
        "le jour ouvré suivant, 2 heures après l'ouverture",
        "on the next business day, 2 hours after opening time",
    ),
    (
        NextOpening(0, -dt.timedelta(minutes=30)),
        "30 minutes avant la prochaine ouverture",
        "30 minutes before the next opening",
    ),
    (SameBusinessDay(), "le jour même", "on the same business day"),
    (EndOfPeriod("month"), "avant la fin du mois", "by the end of the month"),
    (EndOfPeriod("day"), "avant la fin de la journée", "by the end of the day"),
    (EndOfPeriod("week"), "avant la fin de la semaine", "by the end of the week"),
    (
        EndOfPeriod("quarter"),
        "avant la fin du trimestre",
        "by the end of the quarter",
    ),
    (EndOfPeriod("year"), "avant la fin de l'année", "by the end of the year"),
    (
        EarliestOf(["4 business hours", "end of day"]),
        "dans les 4 heures ouvrées ou avant la fin de la journée, "
        "selon ce qui arrive en premier",
        "within 4 business hours or by the end of the day, whichever comes first",
    ),
    (
        LatestOf(["3 business days", "7 days", "next opening"]),
        "dans les 3 jours ouvrés, dans un délai de 7 jours ou à la prochaine "
        "ouverture, selon ce qui arrive en dernier",
        "within 3 business days, within 7 days or at the next opening, "
        "whichever comes last",
    ),
    (
        LatestOf([EarliestOf(["4 business hours", "end of day"]), "next opening"]),
        "(dans les 4 heures ouvrées ou avant la fin de la journée, selon ce qui "
        "arrive en premier) ou à la prochaine ouverture, selon ce qui arrive en "
        "dernier",
        "(within 4 business hours or by the end of the day, whichever comes first) "
        "or at the next opening, whichever comes last",
    ),
]


@pytest.mark.parametrize(("rule", "french", "english"), RULES, ids=str)
def test_rule_phrases(rule: Rule, french: str, english: str) -> None:
    assert rule_words(rule, "fr") == french
    assert rule_words(rule, "en") == english


def test_every_rule_class_has_phrases() -> None:
    covered = {type(rule) for rule, _, _ in RULES}
    assert covered == set(typing.get_args(Rule))
    boundaries = {r.boundary for r, _, _ in RULES if isinstance(r, BusinessDuration)}
    assert boundaries == {"next_open", "close"}


@settings(max_examples=200, deadline=None)
@given(servicecharter.strategies.deadline_rules(max_depth=2))
def test_any_rule_has_words(rule: Rule) -> None:
    for lang in ("fr", "en"):
        words = rule_words(rule, lang)
        assert words
        assert words == words.strip()
        assert "  " not in words


def test_shares_in_both_locales() -> None:
    forms = Engagement(
        "forms",
        "Forms",
        [Objective("3 business days"), Objective("same business day", 0.6)],
    )
    assert target_words(forms, "fr") == fr(
        "dans les 3 jours ouvrés (60 % le jour même)"
    )
    assert target_words(forms, "en") == (
        "within 3 business days (60% on the same business day)"
    )
    partial = Engagement(
        "p", "P", [Objective("4 business hours", 0.9), Objective("end of day", 0.125)]
    )
    assert target_words(partial, "fr") == fr(
        "90 % dans les 4 heures ouvrées et 12,5 % avant la fin de la journée"
    )
    assert target_words(partial, "en") == (
        "90% within 4 business hours and 12.5% by the end of the day"
    )


# -------------------------------------------------------------- recurrences --


@pytest.mark.parametrize(
    ("rrule", "first_after", "french", "english"),
    [
        ("FREQ=YEARLY", None, "au moins une fois par an", "at least once a year"),
        (
            "FREQ=YEARLY;INTERVAL=2",
            None,
            "au moins une fois tous les deux ans",
            "at least once every two years",
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2",
            None,
            "au moins une fois toutes les deux semaines",
            "at least once every two weeks",
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=1",
            None,
            "au moins une fois par mois, le 1er du mois",
            "at least once a month, on day 1 of the month",
        ),
        (
            "FREQ=WEEKLY;BYDAY=MO",
            None,
            "au moins une fois par semaine, le lundi",
            "at least once a week, Monday",
        ),
        (
            "FREQ=DAILY;COUNT=3",
            None,
            "au moins une fois par jour, 3 fois au total",
            "at least once a day, 3 times in all",
        ),
        (
            "FREQ=YEARLY",
            "1 month",
            "un mois après le début, puis au moins une fois par an",
            "one month after the start, then at least once a year",
        ),
        (
            "FREQ=MONTHLY",
            "1 year 2 weeks",
            "un an et 2 semaines après le début, puis au moins une fois par mois",
            "one year and 2 weeks after the start, then at least once a month",
        ),
        (
            "FREQ=YEARLY;BYMONTH=1,7",
            None,
            "au moins une fois par an (règle de récurrence : BYMONTH=1,7)",
            "at least once a year (recurrence rule: BYMONTH=1,7)",
        ),
    ],
)
def test_recurrences(
    rrule: str, first_after: str | None, french: str, english: str
) -> None:
    obligation = RecurringObligation("o", "O", rrule, first_after=first_after)
    assert recurrence_words(obligation, "fr") == fr(french)
    assert recurrence_words(obligation, "en") == english


# ---------------------------------------------------------- hours in words --


def hours(text: str, **kwargs: Any) -> OpeningHours:
    return OpeningHours.parse(text, tz="Europe/Paris", **kwargs)


@pytest.mark.parametrize(
    ("model", "french", "english"),
    [
        (
            hours("Mo-Fr 09:00-12:00,14:00-17:00; PH off", holidays="FR"),
            "du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h, "
            "fermé les jours fériés",
            "Monday to Friday, 9:00 to 12:00 and 14:00 to 17:00; "
            "closed on public holidays",
        ),
        (
            hours("Fr-Sa 22:00-02:00; Su 20:00-24:00"),
            "le vendredi et le samedi de 22 h à 2 h le lendemain, "
            "le dimanche de 20 h à minuit",
            "Friday and Saturday, 22:00 to 2:00 the next day; "
            "Sunday, 20:00 to midnight",
        ),
        (hours("24/7"), "tous les jours 24 h sur 24", "every day, around the clock"),
        (
            hours("Mo-Fr 08:30-18:00; Sa 09:00-12:00; PH 10:00-12:00", holidays="FR"),
            "du lundi au vendredi de 8 h 30 à 18 h, le samedi de 9 h à 12 h, "
            "les jours fériés de 10 h à 12 h",
            "Monday to Friday, 8:30 to 18:00; Saturday, 9:00 to 12:00; "
            "public holidays, 10:00 to 12:00",
        ),
        (
            hours("Mo,We,Fr 09:00-12:00; Tu,Th 14:00-18:00"),
            "le lundi, le mercredi et le vendredi de 9 h à 12 h, "
            "le mardi et le jeudi de 14 h à 18 h",
            "Monday, Wednesday and Friday, 9:00 to 12:00; "
            "Tuesday and Thursday, 14:00 to 18:00",
        ),
        (hours("off"), "aucun horaire régulier", "no regular hours"),
    ],
)
def test_week_in_words(model: OpeningHours, french: str, english: str) -> None:
    assert week_words(model, "fr") == french
    assert week_words(model, "en") == english


def test_exceptions_in_words() -> None:
    model = OpeningHours(
        {"Mo-Fr": "09:00-17:00"},
        "Europe/Paris",
        holidays=[
            servicecharter.PublicHolidays("FR", "57"),
            servicecharter.HolidayDates([dt.date(2026, 5, 2)]),
        ],
        closures=["2026-08-14", "2026-08-13"],
        special_days=[("2026-12-24", "09:00-12:00"), ("2026-12-31", "off")],
        annual_days=[(12, 24, "09:00-12:00"), (1, 1, "off")],
        seasons=[([7, 8], {"Fr": "09:00-12:00", "Sa": "off"}), ([11, 12, 1], {})],
        changes=[("2027-01-01", {"Mo-Fr": "08:00-18:00"})],
    )
    assert exception_lines(model, "fr") == [
        fr("jours fériés : France (Moselle) et le 2 mai 2026"),
        "en juillet et août, le vendredi de 9 h à 12 h, fermé le samedi",
        "chaque année, fermé le 1er janvier",
        "chaque année, le 24 décembre de 9 h à 12 h",
        "le 24 décembre 2026 de 9 h à 12 h",
        "fermé le 13 août 2026, le 14 août 2026 et le 31 décembre 2026",
        fr("à partir du 1er janvier 2027 : du lundi au vendredi de 8 h à 18 h"),
    ]
    assert exception_lines(model, "en") == [
        "public holidays: France (Moselle) and 2 May 2026",
        "in July and August: Friday, 9:00 to 12:00; closed on Saturday",
        "closed every year on 1 January",
        "every year on 24 December: 9:00 to 12:00",
        "on 24 December 2026: 9:00 to 12:00",
        "closed on 13 August 2026, 14 August 2026 and 31 December 2026",
        "from 1 January 2027: Monday to Friday, 8:00 to 18:00",
    ]


@pytest.mark.parametrize(
    ("months", "french", "english"),
    [
        ([7, 8], "en juillet et août", "in July and August"),
        ([12], "en décembre", "in December"),
        ([11, 12, 1, 2], "de novembre à février", "from November to February"),
        ([1, 3, 4, 5], "en janvier et de mars à mai", "in January and March to May"),
        (range(1, 13), "toute l'année", "all year"),
    ],
)
def test_season_months(months: Any, french: str, english: str) -> None:
    from servicecharter._render.hours_words import months_words

    assert months_words(months, "fr") == french
    assert months_words(months, "en") == english


# --------------------------------------------------------------- documents --


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
