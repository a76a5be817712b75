"""Words for ``render``: French and English vocabulary, dates, clock times, rules.

Every phrase here is lower case and without a final full stop, so that the
document can put it at the start of a sentence or inside one. French uses a
non-breaking space (U+00A0) before ``%`` and ``:``; nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeAlias

from .._errors import InvalidArgumentError
from ..rules import (
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    EarliestOf,
    EndOfPeriod,
    LatestOf,
    NextOpening,
    Rule,
    SameBusinessDay,
)

__all__ = [
    "LOCALES",
    "Lang",
    "check_locale",
    "clock",
    "colon",
    "count_words",
    "date_words",
    "duration_words",
    "join",
    "percent",
    "rule_words",
    "sentence",
]

Lang: TypeAlias = Literal["fr", "en"]
LOCALES: tuple[Lang, ...] = ("en", "fr")
NBSP = "\u00a0"

WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ),
}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

# unit -> (singular, plural, feminine) in French; (singular, plural) in English.
_FR_UNITS = {
    "hour": ("heure", "heures", True),
    "minute": ("minute", "minutes", True),
    "second": ("seconde", "secondes", True),
    "day": ("jour", "jours", False),
    "week": ("semaine", "semaines", True),
    "month": ("mois", "mois", False),
    "year": ("an", "ans", False),
}
_SMALL = {
    "fr": ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
           "neuf", "dix", "onze", "douze"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
           "nine", "ten", "eleven", "twelve"),
}  # fmt: skip


def check_locale(locale: object) -> Lang:
    """The locale if it is one ``render`` writes, else ``InvalidArgumentError``.

    >>> check_locale("fr")
    'fr'
    >>> check_locale("fr-FR")
    Traceback (most recent call last):
    ...
    servicecharter.InvalidArgumentError: unknown locale 'fr-FR'; use one of 'en', 'fr' (a language, not a region: 'fr')
    """  # noqa: E501 (a doctest traceback is one line)
    for lang in LOCALES:
        if locale == lang:
            return lang
    allowed = ", ".join(repr(lang) for lang in LOCALES)
    hint = ""
    if isinstance(locale, str):
        language = locale.replace("_", "-").split("-")[0].lower()
        if language in LOCALES:
            hint = f" (a language, not a region: {language!r})"
    raise InvalidArgumentError(f"unknown locale {locale!r}; use one of {allowed}{hint}")


def colon(lang: Lang) -> str:
    """``" : "`` in French (non-breaking space before), ``": "`` in English."""
    return f"{NBSP}: " if lang == "fr" else ": "


def percent(share: float, lang: Lang) -> str:
    """A share as a percentage: ``60 %`` (non-breaking space) or ``60%``.

    >>> percent(0.6, "en"), percent(0.125, "fr") == "12,5\u00a0%"
    ('60%', True)
    """
    value = share * 100
    text = str(round(value)) if abs(value - round(value)) < 1e-9 else f"{value:.4g}"
    if lang == "fr":
        return text.replace(".", ",") + f"{NBSP}%"
    return text + "%"


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop.

    >>> sentence("à partir du 1er janvier : fermé")
    'À partir du 1er janvier : fermé.'
    """
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def join(items: Sequence[str], lang: Lang, last: str = "") -> str:
    """``a, b et c`` / ``a, b and c`` (``last`` replaces the final word).

    >>> join(["a", "b", "c"], "fr"), join(["a", "b"], "en", "or")
    ('a, b et c', 'a or b')
    """
    word = last or ("et" if lang == "fr" else "and")
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def count_words(count: int, unit: str, lang: Lang, *, spell: bool = False) -> str:
    """``3 jours``, ``une semaine``, ``2 months``; ``spell`` writes 2-12 in words.

    One of anything is always written in words: ``un mois``, ``one day``.

    >>> count_words(1, "week", "fr"), count_words(2, "year", "fr", spell=True)
    ('une semaine', 'deux ans')
    """
    if lang == "fr":
        singular, plural, feminine = _FR_UNITS[unit]
        word = singular if count < 2 else plural
        if count == 1:
            return f"{'une' if feminine else 'un'} {word}"
    else:
        word = unit if count == 1 else unit + "s"
        if count == 1:
            return f"one {word}"
    number = _SMALL[lang][count] if spell and 0 <= count <= 12 else str(count)
    return f"{number} {word}"


def date_words(day: dt.date, lang: Lang, *, year: bool = True) -> str:
    """``1er janvier 2027`` / ``1 January 2027`` (``year=False``: no year).

    >>> date_words(dt.date(2027, 1, 1), "fr"), date_words(dt.date(2026, 12, 24), "en")
    ('1er janvier 2027', '24 December 2026')
    """
    return day_of_month(day.month, day.day, lang) + (f" {day.year}" if year else "")


def day_of_month(month: int, day: int, lang: Lang) -> str:
    """``1er mai``, ``24 décembre``, ``24 December``."""
    number = "1er" if lang == "fr" and day == 1 else str(day)
    return f"{number} {MONTHS[lang][month - 1]}"


def clock(seconds: int, lang: Lang) -> str:
    """A time of day: ``9 h``, ``9 h 30``, ``minuit`` / ``9:00``, ``midnight``.

    >>> clock(9 * 3600, "fr"), clock(34200, "fr"), clock(34200, "en"), clock(0, "en")
    ('9 h', '9 h 30', '9:30', 'midnight')
    """
    seconds %= 86_400
    if seconds == 0:
        return "minuit" if lang == "fr" else "midnight"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if lang == "en":
        return f"{hours}:{minutes:02d}" + (f":{secs:02d}" if secs else "")
    if secs:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    return f"{hours} h" + (f" {minutes:02d}" if minutes else "")


def _number(value: float, lang: Lang) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def _parts(duration: dt.timedelta) -> list[tuple[float, str]]:
    """``[(count, unit), ...]``, hours first; seconds may have a fraction."""
    us = abs(duration // dt.timedelta(microseconds=1))
    hours, us = divmod(us, 3_600_000_000)
    minutes, us = divmod(us, 60_000_000)
    parts = [(float(n), u) for n, u in ((hours, "hour"), (minutes, "minute")) if n]
    if us:
        parts.append((us / 1_000_000, "second"))
    return parts


def _unit_words(count: float, unit: str, lang: Lang) -> str:
    """``4 heures``, ``1,5 seconde``, ``30 minutes``, ``1 hour``."""
    if lang == "fr":
        singular, plural, _ = _FR_UNITS[unit]
        return f"{_number(count, lang)} {singular if count < 2 else plural}"
    return f"{_number(count, lang)} {unit}{'' if count == 1 else 's'}"


def duration_words(duration: dt.timedelta, lang: Lang) -> str:
    """A duration: ``30 minutes``, ``une heure``, ``2 h 30`` / ``2 hours 30 minutes``.

    The sign is left out: callers say "before" or "after".

    >>> duration_words(dt.timedelta(hours=2, minutes=30), "fr")
    '2 h 30'
    >>> duration_words(dt.timedelta(hours=1), "en")
    'one hour'
    """
    parts = _parts(duration)
    if not parts:
        return "0 minute" if lang == "fr" else "0 minutes"
    if len(parts) == 1:
        count, unit = parts[0]
        if count == 1:
            return count_words(1, unit, lang)
        return _unit_words(count, unit, lang)
    if lang == "en":
        return " ".join(_unit_words(count, unit, lang) for count, unit in parts)
    units = [unit for _, unit in parts]
    if units == ["hour", "minute"]:
        return f"{int(parts[0][0])} h {int(parts[1][0]):02d}"
    short = {"hour": "h", "minute": "min", "second": "s"}
    return " ".join(f"{_number(count, lang)} {short[unit]}" for count, unit in parts)


def _ordinal(n: int, lang: Lang) -> str:
    if lang == "fr":
        return "1er" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10)
    return f"{n}{suffix or 'th'}"


_PERIOD_END = {
    "fr": {
        "day": "avant la fin de la journée",
        "week": "avant la fin de la semaine",
        "month": "avant la fin du mois",
        "quarter": "avant la fin du trimestre",
        "year": "avant la fin de l'année",
    },
    "en": {
        "day": "by the end of the day",
        "week": "by the end of the week",
        "month": "by the end of the month",
        "quarter": "by the end of the quarter",
        "year": "by the end of the year",
    },
}


def rule_words(rule: Rule, lang: Lang) -> str:
    """The deadline of a rule as a reader says it, lower case.

    >>> from servicecharter import parse_rule
    >>> rule_words(parse_rule("4 business hours"), "fr")
    'dans les 4 heures ouvrées'
    >>> rule_words(parse_rule("next business day opening"), "en")
    'at opening time on the next business day'
    >>> rule_words(parse_rule("earliest of (4 business hours; end of day)"), "en")
    'within 4 business hours or by the end of the day, whichever comes first'
    """
    return _PHRASES[type(rule)](rule, lang)


def _business_duration(rule: BusinessDuration, lang: Lang) -> str:
    parts = _parts(rule.duration)
    if len(parts) != 1:
        amount = duration_words(rule.duration, lang)
        words = (
            f"dans un délai de {amount} en temps ouvré"
            if lang == "fr"
            else f"within {amount} of business time"
        )
    elif lang == "fr":
        count, unit = parts[0]
        if count == 1:
            words = f"dans un délai d'une {_FR_UNITS[unit][0]} ouvrée"
        else:
            words = f"dans les {_unit_words(count, unit, lang)} ouvrée"
            words += "s" if count >= 2 else ""
    else:
        count, unit = parts[0]
        amount = "one" if count == 1 else _number(count, lang)
        words = f"within {amount} business {unit}{'' if count == 1 else 's'}"
    if rule.boundary == "close":
        words += (
            " (échéance à la fermeture, non à la réouverture)"
            if lang == "fr"
            else " (due at closing time, not at the next opening)"
        )
    return words


def _business_days(rule: BusinessDays, lang: Lang) -> str:
    n = rule.days
    if rule.at == "same_time":
        if lang == "fr":
            when = "le jour ouvré suivant" if n == 1 else f"{n} jours ouvrés plus tard"
            return f"{when}, à la même heure"
        when = "on the next business day" if n == 1 else f"{n} business days later"
        return f"{when}, at the same time of day"
    if lang == "fr":
        if n == 1:
            return "avant la fin du jour ouvré suivant"
        return f"dans les {n} jours ouvrés"
    if n == 1:
        return "by the end of the next business day"
    return f"within {n} business days"


def _calendar_period(rule: CalendarPeriod, lang: Lang) -> str:
    amount = count_words(rule.amount, rule.unit[:-1], lang)
    if lang == "fr":
        elided = amount.startswith(("un ", "une "))
        words = f"dans un délai d'{amount}" if elided else f"dans un délai de {amount}"
    else:
        words = f"within {amount}"
    if rule.end_of_day:
        words += (
            ", jusqu'à la fin du dernier jour"
            if lang == "fr"
            else ", to the end of the last day"
        )
    if rule.roll != "none":
        if lang == "fr":
            which = "celui-ci" if rule.end_of_day else "le dernier jour"
            move = (
                "reporté au jour ouvré suivant"
                if rule.roll == "following"
                else "avancé au jour ouvré précédent"
            )
            words += f", {move} si {which} n'est pas ouvré"
        else:
            which = "that day" if rule.end_of_day else "the last day"
            move = (
                "moved to the next business day"
                if rule.roll == "following"
                else "brought forward to the previous business day"
            )
            words += f", {move} if {which} is not a business day"
    return words


def _next_opening(rule: NextOpening, lang: Lang) -> str:
    n = rule.business_days
    offset = rule.offset
    if lang == "fr":
        day = (
            "le jour ouvré suivant"
            if n == 1
            else f"le {_ordinal(n, lang)} jour ouvré suivant"
        )
        if not offset:
            return "à la prochaine ouverture" if n == 0 else f"{day} à l'ouverture"
        side = "après" if offset > dt.timedelta(0) else "avant"
        gap = duration_words(offset, lang)
        if n == 0:
            return f"{gap} {side} la prochaine ouverture"
        return f"{day}, {gap} {side} l'ouverture"
    day = (
        "the next business day"
        if n == 1
        else f"the {_ordinal(n, lang)} business day after"
    )
    if not offset:
        return "at the next opening" if n == 0 else f"at opening time on {day}"
    side = "after" if offset > dt.timedelta(0) else "before"
    gap = duration_words(offset, lang)
    if n == 0:
        return f"{gap} {side} the next opening"
    return f"on {day}, {gap} {side} opening time"


def _combination(rule: EarliestOf | LatestOf, lang: Lang) -> str:
    inner = [
        f"({rule_words(r, lang)})" if isinstance(r, EarliestOf | LatestOf) else
        rule_words(r, lang)
        for r in rule.rules
    ]  # fmt: skip
    first = isinstance(rule, EarliestOf)
    if lang == "fr":
        which = "en premier" if first else "en dernier"
        return f"{join(inner, lang, 'ou')}, selon ce qui arrive {which}"
    which = "first" if first else "last"
    return f"{join(inner, lang, 'or')}, whichever comes {which}"


def _same_business_day(rule: SameBusinessDay, lang: Lang) -> str:
    return "le jour même" if lang == "fr" else "on the same business day"


def _end_of_period(rule: EndOfPeriod, lang: Lang) -> str:
    return _PERIOD_END[lang][rule.period]


# The phrase table: one writer per rule class (every member of ``Rule``).
_PHRASES: dict[type, Callable[[Any, Lang], str]] = {
    BusinessDuration: _business_duration,
    BusinessDays: _business_days,
    CalendarPeriod: _calendar_period,
    NextOpening: _next_opening,
    SameBusinessDay: _same_business_day,
    EndOfPeriod: _end_of_period,
    EarliestOf: _combination,
    LatestOf: _combination,
}
