"""Opening hours in words: the week, its exceptions, season months."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import servicecharter
from servicecharter import OpeningHours
from servicecharter._render.hours_words import exception_lines, week_words
from tests.support.words import fr, hours


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
            hours("Su 20:00-24:00; Fr-Sa 22:00-02:00"),
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
