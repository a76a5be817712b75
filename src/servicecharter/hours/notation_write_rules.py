"""Write opening_hours rules back as text that reads to the same intervals.

The text is canonical: weekday names as ``Mo``, months as ``Jan``, times as
``HH:MM`` (past midnight as ``22:00-02:00``, or ``10:00-34:00`` when the
range is longer than the time to the start), rules joined by ``; ``,
``, `` and `` || `` as they were read.
"""

from __future__ import annotations

from .._core.units import DAY_S
from .notation_dates import OPEN_YEAR
from .notation_navigation import MONTH_DAYS
from .notation_tokens import MONTHS, WEEKDAYS
from .osm_dates import DateRange, offset_text
from .osm_rules import HoursRule, TimeSpan
from .osm_selectors import DateSpan, DayItem, EasterDay, Selector
from .osm_variable import offset_of

__all__ = ["format_rules"]

_JOIN = {"normal": "; ", "additional": ", ", "fallback": " || "}


def format_rules(rules: tuple[HoursRule, ...]) -> str:
    """The notation of ``rules``, which ``parse_rules`` reads back equal.

    >>> from servicecharter.hours.notation import parse_rules
    >>> format_rules(parse_rules("mo-fr 9-17, sa 10:00-12:00+; dec 24-26 off"))
    'Mo-Fr 09:00-17:00, Sa 10:00-12:00,12:00+; Dec 24-26 off'
    """
    out = ""
    for index, rule in enumerate(rules):
        if index:
            out += _JOIN[rule.kind]
        out += _rule(rule)
    return out


def _rule(rule: HoursRule) -> str:
    words = [_selector(rule.selector)]
    if rule.spans:
        words.append(",".join(_span(s) for s in rule.spans))
    if rule.state == "closed":
        words.append("off")
    elif rule.state == "unknown":
        words.append("unknown")
    elif not rule.spans:
        words.append("open")
    if rule.comment is not None:
        words.append(f'"{rule.comment}"')
    return " ".join(word for word in words if word)


def _selector(sel: Selector) -> str:
    parts = []
    if sel.years:
        parts.append(",".join(_years(*years) for years in sel.years))
    for dates in (sel.dates, sel.also_dates):
        if dates:
            parts.append(",".join(_date(d) for d in dates))
    if sel.weeks:
        parts.append("week " + ",".join(_week(*w) for w in sel.weeks))
    for items in (sel.days, sel.also):
        if items:
            parts.append(",".join(_day(item) for item in items))
    return " ".join(parts)


def _pair(lo: int, hi: int, form: str) -> str:
    return form.format(lo) if lo == hi else f"{form.format(lo)}-{form.format(hi)}"


def _years(lo: int, hi: int, step: int) -> str:
    if hi == OPEN_YEAR:
        return f"{lo:04d}+" if step == 1 else f"{lo:04d}/{step}"
    return _pair(lo, hi, "{:04d}") + (f"/{step}" if step != 1 else "")


def _week(lo: int, hi: int, step: int) -> str:
    return _pair(lo, hi, "{:02d}") + (f"/{step}" if step != 1 else "")


def _date(item: DateSpan | EasterDay | DateRange) -> str:
    if isinstance(item, DateRange):
        return str(item)
    if isinstance(item, EasterDay):
        return "easter" + offset_text(item.offset)
    (m1, d1), (m2, d2) = item.first, item.last
    year = f"{item.year:04d} " if item.year is not None else ""
    if d1 == 1 and d2 == MONTH_DAYS[m2 - 1] and (item.year is None or m1 <= m2):
        months = MONTHS[m1 - 1] if m1 == m2 else f"{MONTHS[m1 - 1]}-{MONTHS[m2 - 1]}"
        return year + months
    first = f"{year}{MONTHS[m1 - 1]} {d1:02d}"
    if (m1, d1) == (m2, d2):
        return first
    if m1 == m2:
        return f"{first}-{d2:02d}"
    return f"{first}-{year}{MONTHS[m2 - 1]} {d2:02d}"


def _day(item: DayItem) -> str:
    if item.holiday is not None:
        return item.holiday + offset_text(item.offset)
    days = sorted(item.days)
    if item.nth:
        nth = ",".join(str(n) for n in item.nth)
        return f"{WEEKDAYS[days[0]]}[{nth}]{offset_text(item.offset)}"
    if len(days) == 1:
        return WEEKDAYS[days[0]]
    if len(days) == len(WEEKDAYS):
        return "Mo-Su"
    start = next(d for d in days if (d - 1) % 7 not in item.days)
    return f"{WEEKDAYS[start]}-{WEEKDAYS[(start + len(days) - 1) % 7]}"


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _moment(seconds: int, event: str | None) -> str:
    if event is None:
        return _clock(seconds)
    offset = offset_of(event, seconds)
    if not offset:
        return event
    return f"({event}{'+' if offset > 0 else '-'}{_clock(abs(offset))})"


def _span(span: TimeSpan) -> str:
    if span.variable:
        start = _moment(span.start_s, span.start_event)
        if span.open_end:
            return f"{start}+"
        return f"{start}-{_moment(span.end_s % DAY_S, span.end_event)}"
    if span.open_end:
        return f"{_clock(span.start_s)}+"
    end = span.end_s
    if end > DAY_S and end - DAY_S < span.start_s:
        end -= DAY_S
    return f"{_clock(span.start_s)}-{_clock(end)}"
