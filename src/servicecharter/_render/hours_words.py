"""Opening hours in words for ``render``: the week, then every exception.

``week_words`` is the main sentence ("du lundi au vendredi de 9 h à 12 h et
de 14 h à 17 h, fermé les jours fériés"); ``exception_lines`` lists the rest
(holiday sources, seasons, annual days, special days, closures, changes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..hours import DayRanges, HolidayDates, OpeningHours, PublicHolidays, Weekly
from .words import (
    MONTHS,
    WEEKDAYS,
    Lang,
    clock,
    colon,
    date_words,
    day_of_month,
    join,
    sentence,
)

__all__ = ["exception_lines", "hours_words", "week_words"]

_COUNTRIES = {
    "BE": ("Belgique", "Belgium"),
    "CA": ("Canada", "Canada"),
    "CH": ("Suisse", "Switzerland"),
    "DE": ("Allemagne", "Germany"),
    "ES": ("Espagne", "Spain"),
    "FR": ("France", "France"),
    "GB": ("Royaume-Uni", "United Kingdom"),
    "IT": ("Italie", "Italy"),
    "LU": ("Luxembourg", "Luxembourg"),
    "MC": ("Monaco", "Monaco"),
    "NL": ("Pays-Bas", "Netherlands"),
    "PT": ("Portugal", "Portugal"),
    "US": ("États-Unis", "United States"),
}


def ranges_words(ranges: DayRanges, lang: Lang) -> str:
    """``de 9 h à 12 h et de 14 h à 17 h`` / ``9:00 to 12:00 and 14:00 to 17:00``.

    A range ending after midnight says so; a whole day is "24 h sur 24".

    >>> from servicecharter.hours import TimeRange
    >>> ranges_words((TimeRange("22:00", "02:00"),), "fr")
    'de 22 h à 2 h le lendemain'
    >>> ranges_words((TimeRange("00:00", "24:00"),), "en")
    'around the clock'
    """
    if not ranges:
        return "fermé" if lang == "fr" else "closed"
    parts = []
    for r in ranges:
        if r.start_s == 0 and r.length_s == 86_400:
            parts.append("24 h sur 24" if lang == "fr" else "around the clock")
            continue
        start, end = clock(r.start_s, lang), clock(r.end_s, lang)
        next_day = r.crosses_midnight and r.end_s % 86_400 != 0
        if lang == "fr":
            parts.append(f"de {start} à {end}" + (" le lendemain" if next_day else ""))
        else:
            parts.append(f"{start} to {end}" + (" the next day" if next_day else ""))
    return join(parts, lang)


def days_words(days: Sequence[int], lang: Lang, names: Sequence[str] = ()) -> str:
    """Weekdays (0 = Monday) grouped in runs: ``du lundi au vendredi``.

    >>> days_words([0, 1, 2, 4], "fr"), days_words([5, 6], "en")
    ('du lundi au mercredi et le vendredi', 'Saturday and Sunday')
    >>> days_words(range(7), "fr")
    'tous les jours'
    """
    names = names or WEEKDAYS[lang]
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return "tous les jours" if lang == "fr" else "every day"
    runs: list[list[int]] = []
    for day in chosen:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        first, last = names[run[0]], names[run[-1]]
        if len(run) >= 3:
            parts.append(
                f"du {first} au {last}" if lang == "fr" else f"{first} to {last}"
            )
        else:
            parts += [f"le {names[d]}" if lang == "fr" else names[d] for d in run]
    return join(parts, lang)


def months_words(months: Iterable[int], lang: Lang) -> str:
    """Months of a season: ``en juillet et août``, ``de novembre à février``.

    A run of three months or more, even across the new year, is a span.

    >>> months_words([7, 8], "fr"), months_words([11, 12, 1, 2], "en")
    ('en juillet et août', 'from November to February')
    """
    chosen = sorted(set(months))
    names = MONTHS[lang]
    if len(chosen) == 12:
        return "toute l'année" if lang == "fr" else "all year"
    runs: list[list[int]] = []
    for month in chosen:
        if runs and runs[-1][-1] == month - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    if len(runs) > 1 and runs[0][0] == 1 and runs[-1][-1] == 12:
        runs[0] = runs.pop() + runs[0]  # December runs on into January
    if len(runs) == 1 and len(runs[0]) >= 3:
        first, last = names[runs[0][0] - 1], names[runs[0][-1] - 1]
        return f"de {first} à {last}" if lang == "fr" else f"from {first} to {last}"
    words: list[str] = []
    for run in runs:
        if len(run) >= 3:
            first, last = names[run[0] - 1], names[run[-1] - 1]
            words.append(
                f"de {first} à {last}" if lang == "fr" else f"{first} to {last}"
            )
        else:
            words += [names[m - 1] for m in run]
    return ("en " if lang == "fr" else "in ") + join(words, lang)


def _groups(week: Sequence[DayRanges | None]) -> list[tuple[list[int], DayRanges]]:
    """Days with the same ranges together, in the order of their first day."""
    groups: dict[DayRanges, list[int]] = {}
    for day, ranges in enumerate(week):
        if ranges is not None:
            groups.setdefault(ranges, []).append(day)
    return sorted(((days, r) for r, days in groups.items()), key=lambda g: g[0][0])


def _group_words(days: list[int], ranges: DayRanges, lang: Lang) -> str:
    when = days_words(days, lang)
    if not ranges:
        return f"fermé {when}" if lang == "fr" else f"closed on {when}"
    return f"{when} {ranges_words(ranges, lang)}" if lang == "fr" else (
        f"{when}, {ranges_words(ranges, lang)}"
    )  # fmt: skip


def _separator(lang: Lang) -> str:
    return ", " if lang == "fr" else "; "


def weekly_words(weekly: Weekly, lang: Lang) -> str:
    """The open days of a week and their hours (closed days left unsaid).

    >>> from servicecharter import OpeningHours
    >>> h = OpeningHours({"Mo-Fr": "09:00-17:00", "Sa": "10:00-12:00"}, "UTC")
    >>> weekly_words(h.weekly, "en")
    'Monday to Friday, 9:00 to 17:00; Saturday, 10:00 to 12:00'
    """
    groups = [g for g in _groups(weekly) if g[1]]
    if not groups:
        return "aucun horaire régulier" if lang == "fr" else "no regular hours"
    return _separator(lang).join(_group_words(d, r, lang) for d, r in groups)


def week_words(hours: OpeningHours, lang: Lang) -> str:
    """The main sentence: the weekly hours, then public holidays.

    >>> from servicecharter import OpeningHours
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    ... )
    >>> week_words(hours, "fr")
    'du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h, fermé les jours fériés'
    >>> week_words(hours, "en")
    'Monday to Friday, 9:00 to 12:00 and 14:00 to 17:00; closed on public holidays'
    """
    words = weekly_words(hours.weekly, lang)
    if hours.holidays:
        if not hours.holiday_hours:
            words += _separator(lang) + (
                "fermé les jours fériés"
                if lang == "fr"
                else "closed on public holidays"
            )
        elif lang == "fr":
            words += f", les jours fériés {ranges_words(hours.holiday_hours, lang)}"
        else:
            words += f"; public holidays, {ranges_words(hours.holiday_hours, lang)}"
    return words


@lru_cache(maxsize=64)
def _subdivision_name(country: str, subdiv: str) -> str:
    import holidays

    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {})
    names = [name for name, code in aliases.items() if code == subdiv]
    return max(names, key=len) if names else subdiv


def _holiday_words(hours: OpeningHours, lang: Lang) -> str:
    parts: list[str] = []
    dates: list[dt.date] = []
    for source in hours.holidays:
        if isinstance(source, PublicHolidays):
            names = _COUNTRIES.get(source.country)
            name = names[lang == "en"] if names else source.country
            if source.subdiv is not None:
                name += f" ({_subdivision_name(source.country, source.subdiv)})"
            parts.append(name)
        elif isinstance(source, HolidayDates):
            dates += sorted(source.holidays)
    parts += _dates_words(sorted(set(dates)), lang)
    label = "jours fériés" if lang == "fr" else "public holidays"
    return f"{label}{colon(lang)}{join(parts, lang)}"


def _dates_words(dates: Sequence[dt.date], lang: Lang) -> list[str]:
    return [("le " if lang == "fr" else "") + date_words(d, lang) for d in dates]


def _season_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    lines = []
    for season in hours.seasons:
        groups = _groups(season.weekly)
        if not groups:
            continue
        when = months_words(season.months, lang)
        what = _separator(lang).join(_group_words(d, r, lang) for d, r in groups)
        lines.append(
            f"{when}, {what}" if lang == "fr" else f"{when}{colon(lang)}{what}"
        )
    return lines


def _annual_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    groups: dict[DayRanges, list[str]] = {}
    for day in hours.annual_days:
        name = day_of_month(day.month, day.day, lang)
        groups.setdefault(day.ranges, []).append(f"le {name}" if lang == "fr" else name)
    lines = []
    for ranges, names in groups.items():
        days = join(names, lang)
        if lang == "fr":
            what = (
                f"fermé {days}"
                if not ranges
                else f"{days} {ranges_words(ranges, lang)}"
            )
            lines.append(f"chaque année, {what}")
        elif not ranges:
            lines.append(f"closed every year on {days}")
        else:
            lines.append(
                f"every year on {days}{colon(lang)}{ranges_words(ranges, lang)}"
            )
    return lines


def _dated_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    groups: dict[DayRanges, list[dt.date]] = {}
    for special in hours.special_days:
        if special.ranges:
            groups.setdefault(special.ranges, []).append(special.date)
    lines = []
    for ranges, dates in groups.items():
        days = join(_dates_words(dates, lang), lang)
        if lang == "fr":
            lines.append(f"{days} {ranges_words(ranges, lang)}")
        else:
            lines.append(f"on {days}{colon(lang)}{ranges_words(ranges, lang)}")
    closed = sorted(
        hours.closures | {d.date for d in hours.special_days if not d.ranges}
    )
    if closed:
        days = join(_dates_words(closed, lang), lang)
        lines.append(f"fermé {days}" if lang == "fr" else f"closed on {days}")
    return lines


def _change_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    lines = []
    for change in hours.changes:
        day = date_words(change.effective, lang)
        week = weekly_words(change.weekly, lang)
        if week in ("aucun horaire régulier", "no regular hours"):
            week = "fermé" if lang == "fr" else "closed"
        start = f"à partir du {day}" if lang == "fr" else f"from {day}"
        lines.append(f"{start}{colon(lang)}{week}")
    return lines


def exception_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    """Everything besides the week, one phrase each (lower case, no stop).

    >>> from servicecharter import OpeningHours
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-17:00; Dec 24 09:00-12:00; Jul-Aug Fr 09:00-12:00",
    ...     tz="Europe/Paris",
    ... )
    >>> exception_lines(hours, "fr")
    ['en juillet et août, le vendredi de 9 h à 12 h', 'chaque année, le 24 décembre de 9 h à 12 h']
    """  # noqa: E501 (a doctest result is one line)
    lines = [_holiday_words(hours, lang)] if hours.holidays else []
    lines += _season_lines(hours, lang)
    lines += _annual_lines(hours, lang)
    lines += _dated_lines(hours, lang)
    lines += _change_lines(hours, lang)
    return lines


def hours_words(hours: OpeningHours, lang: Lang) -> str:
    """The whole of the hours as sentences in one paragraph.

    >>> from servicecharter import OpeningHours
    >>> print(hours_words(OpeningHours({"Mo-Su": "00:00-24:00"}, "UTC"), "en"))
    Every day, around the clock.
    """
    lines = [week_words(hours, lang), *exception_lines(hours, lang)]
    return " ".join(sentence(line) for line in lines)
