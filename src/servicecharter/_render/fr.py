"""French, as ``render`` writes it: ``FRENCH``, the ``Language`` of ``"fr"``.

French typography puts a non-breaking space (U+00A0) before ``:`` and ``%``
and nowhere else; ``colon`` and ``percent_sign`` carry it, and so does every
template here that holds a colon.

>>> from servicecharter import parse_rule
>>> FRENCH.rule(parse_rule("4 business hours"))
'dans les 4 heures ouvrées'
>>> import datetime as dt
>>> FRENCH.percent(0.125) == "12,5\u00a0%", FRENCH.date(dt.date(2027, 1, 1))
(True, '1er janvier 2027')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from .language import Language

__all__ = ["FRENCH"]

NBSP = "\u00a0"

# unit -> (singular, plural, feminine)
_UNITS = {
    "hour": ("heure", "heures", True),
    "minute": ("minute", "minutes", True),
    "second": ("seconde", "secondes", True),
    "day": ("jour", "jours", False),
    "week": ("semaine", "semaines", True),
    "month": ("mois", "mois", False),
    "year": ("an", "ans", False),
}
_SHORT_UNITS = {"hour": "h", "minute": "min", "second": "s"}


class French(Language):
    """The French of ``render``: ``du lundi au vendredi de 9 h à 17 h``."""

    weekdays = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    months = (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    )  # fmt: skip
    small_numbers = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept",
                     "huit", "neuf", "dix", "onze", "douze")  # fmt: skip
    channel_kinds: ClassVar[Mapping[str, str]] = {
        "phone": "téléphone",
        "web_form": "formulaire web",
        "email": "courriel",
        "counter": "accueil",
        "mail": "courrier",
        "chat": "messagerie instantanée",
        "visit": "visite sur place",
        "other": "autre canal",
    }
    countries: ClassVar[Mapping[str, str]] = {
        "BE": "Belgique", "CA": "Canada", "CH": "Suisse", "DE": "Allemagne",
        "ES": "Espagne", "FR": "France", "GB": "Royaume-Uni", "IT": "Italie",
        "LU": "Luxembourg", "MC": "Monaco", "NL": "Pays-Bas", "PT": "Portugal",
        "US": "États-Unis",
    }  # fmt: skip
    labels: ClassVar[Mapping[str, str]] = {
        "provider": "Prestataire",
        "version": "Version",
        "effective": "En vigueur à partir du",
        "hours": "Horaires d'ouverture",
        "local": "Les heures sont données à l'heure locale ({tz}).",
        "zone": "fuseau horaire",
        "general": "Horaires généraux",
        "calendar": "Calendrier « {name} »",
        "engagements": "Délais de réponse",
        "target": "Objectif",
        "limit": "Durée",
        "channel": "Canal",
        "kinds": "Demandes concernées",
        "priorities": "Priorités concernées",
        "pausable": (
            "Le délai est suspendu tant que nous attendons une réponse de votre part."
        ),
        "obligations": "Engagements périodiques",
        "caps": "Durées maximales",
        "condition": "Condition",
        "commitments": "Engagements qualité",
        "duties": "Ce que nous vous demandons",
        "revisions": "Historique des versions",
    }
    and_word = "et"
    or_word = "ou"
    colon = f"{NBSP}: "
    decimal_mark = ","
    percent_sign = f"{NBSP}%"
    midnight = "minuit"

    closed = "fermé"
    around_the_clock = "24 h sur 24"
    time_range = "de {start} à {end}"
    next_day = " le lendemain"
    every_day = "tous les jours"
    day_span = "du {first} au {last}"
    on_day = "le {day}"
    all_year = "toute l'année"
    month_span = month_span_alone = "de {first} à {last}"
    in_months = "en {months}"
    closed_on = "fermé {days}"
    day_hours = dated = "{days} {hours}"
    clause_separator = ", "
    no_regular_hours = "aucun horaire régulier"
    closed_on_holidays = "fermé les jours fériés"
    holiday_hours = "les jours fériés {hours}"
    holidays_label = "jours fériés"
    season = "{months}, {hours}"
    yearly = "chaque année, {days} {hours}"
    closed_yearly = "chaque année, fermé {days}"
    from_date = "à partir du {date}"

    business_time = "dans un délai de {duration} en temps ouvré"
    due_at_close = " (échéance à la fermeture, non à la réouverture)"
    next_day_same_time = "le jour ouvré suivant, à la même heure"
    days_later_same_time = "{n} jours ouvrés plus tard, à la même heure"
    by_next_day_end = "avant la fin du jour ouvré suivant"
    within_days = "dans les {n} jours ouvrés"
    to_last_day_end = ", jusqu'à la fin du dernier jour"
    roll = ", {move} si {day} n'est pas ouvré"
    roll_moves: ClassVar[Mapping[str, str]] = {
        "following": "reporté au jour ouvré suivant",
        "preceding": "avancé au jour ouvré précédent",
    }
    roll_days = ("le dernier jour", "celui-ci")
    at_next_opening = "à la prochaine ouverture"
    at_opening_on = "{day} à l'ouverture"
    near_next_opening = "{gap} {side} la prochaine ouverture"
    near_opening_on = "{day}, {gap} {side} l'ouverture"
    sides = ("avant", "après")
    same_business_day = "le jour même"
    end_of_period: ClassVar[Mapping[str, str]] = {
        "day": "avant la fin de la journée",
        "week": "avant la fin de la semaine",
        "month": "avant la fin du mois",
        "quarter": "avant la fin du trimestre",
        "year": "avant la fin de l'année",
    }
    earliest = "{rules}, selon ce qui arrive en premier"
    latest = "{rules}, selon ce qui arrive en dernier"
    when_target = "{rule} lorsque {state}"
    state_is = "{field} vaut {values}"
    on_calendar = "{rule} selon le calendrier {calendar}"
    combined: ClassVar[Mapping[str, str]] = {
        "union": "ouvert dès que {names} est ouvert",
        "intersection": "ouvert seulement lorsque {names} sont tous ouverts",
        "difference": "ouvert lorsque {first} est ouvert, sauf lorsque {others} "
        "est ouvert",
    }
    by_time_on = "avant {time}, {day}"
    day_end_on = "avant la fermeture, {day}"
    cut_off = (
        "{rule} ; une demande reçue à partir de {time} est réputée reçue à "
        "l'ouverture du jour ouvré suivant"
    )
    combined_part: ClassVar[Mapping[str, str]] = {
        "union": "l'un de {names}",
        "intersection": "{names} ensemble",
        "difference": "{first} hors {others}",
    }

    on_month_day = "le {day} du mois"
    until = "jusqu'au {date}"
    recurrence_rule = "règle de récurrence"
    after_start = "{delay} après le début"
    at_start = "dès le début"
    then = "{first}, puis {rest}"
    at_most = "{limit} au plus"
    per = " par {per}"

    def one(self, unit: str) -> str:
        """``une heure``, ``un jour``: the article agrees with the unit."""
        singular, _, feminine = _UNITS[unit]
        return f"{'une' if feminine else 'un'} {singular}"

    def unit_name(self, count: float, unit: str) -> str:
        """Plural from two on: ``1,5 seconde``, ``2 secondes``."""
        singular, plural, _ = _UNITS[unit]
        return singular if count < 2 else plural

    def day_number(self, day: int) -> str:
        """``1er`` for the first of a month, else the number."""
        return "1er" if day == 1 else str(day)

    def time_of_day(self, hours: int, minutes: int, seconds: int) -> str:
        """``9 h``, ``9 h 30``, ``9 h 30 min 05 s``.

        >>> FRENCH.clock(9 * 3600), FRENCH.clock(34200), FRENCH.clock(0)
        ('9 h', '9 h 30', 'minuit')
        """
        if seconds:
            return f"{hours} h {minutes:02d} min {seconds:02d} s"
        return f"{hours} h" + (f" {minutes:02d}" if minutes else "")

    def compound_duration(self, parts: Sequence[tuple[float, str]]) -> str:
        """``2 h 30`` for hours and minutes, else short units: ``1 min 30 s``.

        >>> import datetime as dt
        >>> FRENCH.duration(dt.timedelta(hours=2, minutes=30))
        '2 h 30'
        """
        if [unit for _, unit in parts] == ["hour", "minute"]:
            return f"{int(parts[0][0])} h {int(parts[1][0]):02d}"
        return " ".join(f"{self.number(n)} {_SHORT_UNITS[u]}" for n, u in parts)

    def business_units(self, count: float, unit: str) -> str:
        """``dans les 4 heures ouvrées``, ``dans un délai d'une heure ouvrée``."""
        if count == 1:
            return f"dans un délai d'une {_UNITS[unit][0]} ouvrée"
        plural = "s" if count >= 2 else ""
        return f"dans les {self.amount(count, unit)} ouvrée{plural}"

    def within_period(self, amount: str) -> str:
        """``dans un délai de 3 mois``, elided before a vowel: ``d'un mois``.

        >>> from servicecharter import CalendarPeriod
        >>> FRENCH.rule(CalendarPeriod(1, "months", roll="following"))
        "dans un délai d'un mois, reporté au jour ouvré suivant si le dernier jour n'est pas ouvré"
        """  # noqa: E501 (a doctest result is one line)
        elided = amount.startswith(("un ", "une "))
        return f"dans un délai d'{amount}" if elided else f"dans un délai de {amount}"

    def business_day_after(self, n: int) -> str:
        """``le jour ouvré suivant``, ``le 2e jour ouvré suivant``."""
        return "le jour ouvré suivant" if n == 1 else f"le {n}e jour ouvré suivant"

    def every(self, unit: str, interval: int) -> str:
        """``au moins une fois par an``, ``... toutes les deux semaines``."""
        singular, _, feminine = _UNITS[unit]
        if interval == 1:
            return f"au moins une fois par {singular}"
        every = "toutes les" if feminine else "tous les"
        return f"au moins une fois {every} {self.count(interval, unit, spell=True)}"

    def times(self, count: int) -> str:
        """``3 fois au total``."""
        return f"{count} fois au total"


FRENCH = French()
