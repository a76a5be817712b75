"""Opening hours in words for ``render``: the week, then every exception.

``week_words`` is the main sentence ("du lundi au vendredi de 9 h à 12 h et
de 14 h à 17 h, fermé les jours fériés"); ``exception_lines`` lists the rest
(holiday sources, seasons, annual days, special days, closures, changes).
Which days go together is decided here; how they are said is the language's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..hours import (
    DayRanges,
    HolidayDates,
    OpeningHours,
    PublicHolidays,
    TimeRange,
    Weekly,
)
from ..hours.notation_write_rules import format_rules
from .words import Lang, language

__all__ = ["exception_lines", "hours_words", "week_words"]


def _runs(values: Sequence[int]) -> list[list[int]]:
    """Sorted values cut into runs of consecutive ones: ``[[1, 2, 3], [5]]``."""
    runs: list[list[int]] = []
    for value in values:
        if runs and runs[-1][-1] == value - 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return runs


def _range_words(time_range: TimeRange, lang: Lang) -> str:
    words = language(lang)
    if time_range.start_s == 0 and time_range.length_s == 86_400:
        return words.around_the_clock
    start, end = words.clock(time_range.start_s), words.clock(time_range.end_s)
    next_day = time_range.crosses_midnight and time_range.end_s % 86_400 != 0
    return words.time_range.format(start=start, end=end) + (
        words.next_day if next_day else ""
    )


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
        return language(lang).closed
    return language(lang).join([_range_words(r, lang) for r in ranges])


def _run_words(
    runs: list[list[int]], names: Sequence[str], span: str, single: str = "{day}"
) -> list[str]:
    """A run of three or more as a ``span``, shorter runs name by name."""
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(span.format(first=names[run[0]], last=names[run[-1]]))
        else:
            parts += [single.format(day=names[i]) for i in run]
    return parts


def days_words(days: Iterable[int], lang: Lang) -> str:
    """Weekdays (0 = Monday) grouped in runs: ``du lundi au vendredi``.

    >>> days_words([0, 1, 2, 4], "fr"), days_words([5, 6], "en")
    ('du lundi au mercredi et le vendredi', 'Saturday and Sunday')
    >>> days_words(range(7), "fr")
    'tous les jours'
    """
    words = language(lang)
    chosen = sorted(set(days))
    if len(chosen) == 7:
        return words.every_day
    runs = _runs(chosen)
    return words.join(_run_words(runs, words.weekdays, words.day_span, words.on_day))


def months_words(months: Iterable[int], lang: Lang) -> str:
    """Months of a season: ``en juillet et août``, ``de novembre à février``.

    A run of three months or more, even across the new year, is a span.

    >>> months_words([7, 8], "fr"), months_words([11, 12, 1, 2], "en")
    ('en juillet et août', 'from November to February')
    """
    words = language(lang)
    chosen = sorted({month - 1 for month in months})
    if len(chosen) == 12:
        return words.all_year
    runs = _runs(chosen)
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 11:
        runs[0] = runs.pop() + runs[0]  # December runs on into January
    names = words.months
    if len(runs) == 1 and len(runs[0]) >= 3:
        first, last = names[runs[0][0]], names[runs[0][-1]]
        return words.month_span_alone.format(first=first, last=last)
    parts = _run_words(runs, names, words.month_span)
    return words.in_months.format(months=words.join(parts))


def _groups(week: Sequence[DayRanges | None]) -> list[tuple[list[int], DayRanges]]:
    """Days with the same ranges together, in the order of their first day."""
    groups: dict[DayRanges, list[int]] = {}
    for day, ranges in enumerate(week):
        if ranges is not None:
            groups.setdefault(ranges, []).append(day)
    return sorted(((days, r) for r, days in groups.items()), key=lambda g: g[0][0])


def _groups_words(groups: list[tuple[list[int], DayRanges]], lang: Lang) -> str:
    """Each group of days and its hours, in one clause each."""
    words = language(lang)
    clauses = [
        words.day_hours.format(days=days_words(d, lang), hours=ranges_words(r, lang))
        if r else
        words.closed_on.format(days=days_words(d, lang))
        for d, r in groups
    ]  # fmt: skip
    return words.clause_separator.join(clauses)


def weekly_words(weekly: Weekly, lang: Lang) -> str:
    """The open days of a week and their hours (closed days left unsaid).

    >>> from servicecharter import OpeningHours
    >>> h = OpeningHours({"Mo-Fr": "09:00-17:00", "Sa": "10:00-12:00"}, "UTC")
    >>> weekly_words(h.weekly, "en")
    'Monday to Friday, 9:00 to 17:00; Saturday, 10:00 to 12:00'
    """
    groups = [g for g in _groups(weekly) if g[1]]
    if not groups:
        return language(lang).no_regular_hours
    return _groups_words(groups, lang)


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
    words = language(lang)
    if hours.rules:  # rules in OSM order: their own text says them exactly
        text = format_rules(hours.rules)
        return f"« {text} »" if lang == "fr" else f'"{text}"'
    text = weekly_words(hours.weekly, lang)
    if not hours.holidays:
        return text
    if not hours.holiday_hours:
        return text + words.clause_separator + words.closed_on_holidays
    holiday = ranges_words(hours.holiday_hours, lang)
    return text + words.clause_separator + words.holiday_hours.format(hours=holiday)


@lru_cache(maxsize=64)
def _subdivision_name(country: str, subdiv: str) -> str:
    import holidays

    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {})
    names = [name for name, code in aliases.items() if code == subdiv]
    return max(names, key=len) if names else subdiv


def _holiday_words(hours: OpeningHours, lang: Lang) -> str:
    words = language(lang)
    parts: list[str] = []
    dates: list[dt.date] = []
    for source in hours.holidays:
        if isinstance(source, PublicHolidays):
            name = words.countries.get(source.country, source.country)
            if source.subdiv is not None:
                name += f" ({_subdivision_name(source.country, source.subdiv)})"
            parts.append(name)
        elif isinstance(source, HolidayDates):
            dates += sorted(source.holidays)
        else:  # a market's closing days, named by its code
            parts.append(source.market)
        if not isinstance(source, HolidayDates) and source.categories != ("public",):
            parts[-1] += f" ({', '.join(source.categories)})"
    parts += _dates_words(sorted(set(dates)), lang)
    return f"{words.holidays_label}{words.colon}{words.join(parts)}"


def _dates_words(dates: Sequence[dt.date], lang: Lang) -> list[str]:
    words = language(lang)
    return [words.on_day.format(day=words.date(d)) for d in dates]


def _season_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    lines = []
    for season in hours.seasons:
        groups = _groups(season.weekly)
        if groups:
            when = months_words(season.months, lang)
            what = _groups_words(groups, lang)
            lines.append(language(lang).season.format(months=when, hours=what))
    return lines


def _annual_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    words = language(lang)
    groups: dict[DayRanges, list[str]] = {}
    for day in hours.annual_days:
        name = words.on_day.format(day=words.day_of_month(day.month, day.day))
        groups.setdefault(day.ranges, []).append(name)
    return [
        words.yearly.format(days=words.join(names), hours=ranges_words(ranges, lang))
        if ranges else
        words.closed_yearly.format(days=words.join(names))
        for ranges, names in groups.items()
    ]  # fmt: skip


def _dated_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    words = language(lang)
    groups: dict[DayRanges, list[dt.date]] = {}
    for special in hours.special_days:
        if special.ranges:
            groups.setdefault(special.ranges, []).append(special.date)
    lines = [
        words.dated.format(
            days=words.join(_dates_words(dates, lang)),
            hours=ranges_words(ranges, lang),
        )
        for ranges, dates in groups.items()
    ]
    closed = sorted(
        hours.closures | {d.date for d in hours.special_days if not d.ranges}
    )
    if closed:
        days = words.join(_dates_words(closed, lang))
        lines.append(words.closed_on.format(days=days))
    return lines


def _change_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    words = language(lang)
    lines = []
    for change in hours.changes:
        start = words.from_date.format(date=words.date(change.effective))
        week = weekly_words(change.weekly, lang)
        if week == words.no_regular_hours:
            week = words.closed
        lines.append(f"{start}{words.colon}{week}")
    return lines


def exception_lines(hours: OpeningHours, lang: Lang) -> list[str]:
    """Everything besides the week, one phrase each (lower case, no stop).

    >>> from servicecharter import OpeningHours
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-17:00; Jul-Aug Fr 09:00-12:00; Dec 24 09:00-12:00",
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
    return " ".join(language(lang).sentence(line) for line in lines)
