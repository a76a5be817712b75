"""Rules, targets and recurrences in words, in French and English."""

from __future__ import annotations

import datetime as dt
import typing

import pytest
from hypothesis import given, settings

import servicecharter
from servicecharter import (
    BusinessDayAt,
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    CutOff,
    EarliestOf,
    EndOfPeriod,
    Engagement,
    LatestOf,
    NextOpening,
    Objective,
    RecurringObligation,
    Rule,
    SameBusinessDay,
)
from servicecharter._render.items import recurrence_words, target_words
from servicecharter._render.words import rule_words
from tests.support.words import fr

H = dt.timedelta(hours=1)


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
        BusinessDayAt(1, "16:00"),
        "avant 16 h, le jour ouvré suivant",
        "by 16:00 on the next business day",
    ),
    (
        BusinessDayAt(2, "close"),
        "avant la fermeture, le 2e jour ouvré suivant",
        "by the close of the 2nd business day after",
    ),
    (
        CutOff("15:00", "same business day"),
        "le jour même ; une demande reçue à partir de 15 h est réputée reçue à "
        "l'ouverture du jour ouvré suivant",
        "on the same business day; a request received at 15:00 or later counts "
        "as received at the opening of the next business day",
    ),
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
