"""From parsed rules to the parts of ``OpeningHours``, exactly.

Rules that the structured form says with the same meaning become weekly
hours, holiday hours, seasons, annual days and dated days, so a value like
``Mo-Fr 09:00-17:00; PH off`` reads as the weekly table it is. That holds
when the rules come in the structured form's order of precedence (weekdays,
seasons, ``PH``, annual days, dated days), are plain (``;`` rules, open or
closed all day, no comment or open end) and no later rule cuts an
overnight range. Any other value keeps its rules, applied in OSM order.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .._core.units import DAY_S
from .notation_navigation import MONTH_DAYS
from .osm_rules import HoursRule
from .osm_selectors import DateSpan, Selector

__all__ = ["StructuredParts", "is_months", "structured_parts", "to_parts"]

Ranges = tuple[tuple[int, int], ...]


@attrs.frozen
class StructuredParts:
    """The parts of ``OpeningHours`` that say what the rules say.

    Ranges are ``(start_s, end_s)``; an end not after the start crosses
    midnight and 86400 is ``24:00``.
    """

    weekly: tuple[Ranges, ...]
    holiday_hours: Ranges | None
    annual_days: tuple[tuple[int, int, Ranges], ...] = ()
    seasons: tuple[tuple[tuple[int, ...], tuple[Ranges | None, ...]], ...] = ()
    special_days: tuple[tuple[dt.date, Ranges], ...] = ()
    rules: tuple[HoursRule, ...] = attrs.field(default=(), eq=False)
    """The rules read, in text order (not part of equality)."""
    structured: bool = attrs.field(default=True, eq=False)
    """False when only the rules say what the value means."""


def _ranges(rule: HoursRule) -> Ranges:
    if rule.state == "closed":
        return ()
    return tuple(
        sorted(
            (s.start_s, s.end_s - DAY_S if s.end_s > DAY_S else s.end_s)
            for s in rule.spans
        )
    ) or ((0, DAY_S),)


def _plain_days(selector: Selector) -> tuple[frozenset[int], bool] | None:
    """Weekdays and whether PH is named, for a selector of plain weekdays/PH."""
    days: set[int] = set()
    holiday = False
    for item in selector.days:
        if item.nth or item.offset or item.holiday == "SH":
            return None
        holiday = holiday or item.holiday == "PH"
        days |= item.days
    return frozenset(days), holiday


def is_months(span: DateSpan | object) -> bool:
    """Whether a date item is whole months of every year (``Jul-Aug``)."""
    return (
        isinstance(span, DateSpan)
        and span.year is None
        and span.first[1] == 1
        and span.last[1] == MONTH_DAYS[span.last[0] - 1]
    )


def _months(selector: Selector) -> tuple[int, ...]:
    months: set[int] = set()
    for span in selector.dates:
        assert isinstance(span, DateSpan)
        first, last = span.first[0], span.last[0]
        months.update((first - 1 + i) % 12 + 1 for i in range((last - first) % 12 + 1))
    return tuple(sorted(months))


def _plain(rule: HoursRule) -> bool:
    """A ``;`` rule, open or closed all day, of weekdays, PH or dates only."""
    sel = rule.selector
    return not (
        rule.kind != "normal"
        or rule.comment is not None
        or rule.has_unknown
        or sel.years
        or sel.weeks
        or sel.also
        or sel.also_dates
        or (rule.state == "closed" and rule.spans)
        or any(span.variable for span in rule.spans)
        or any(span.end_s - span.start_s > DAY_S for span in rule.spans)
    )


def _rank(rule: HoursRule) -> int | None:
    """Precedence level of a plain rule (0 weekly .. 4 dated), None if not plain."""
    sel = rule.selector
    days = _plain_days(sel) if _plain(rule) else None
    if days is None:
        return None
    if not sel.dates:
        return 2 if days[1] else 0
    if all(is_months(span) for span in sel.dates) and not days[1]:
        return 1
    single = all(isinstance(s, DateSpan) and s.first == s.last for s in sel.dates)
    years = {s.year is None for s in sel.dates if isinstance(s, DateSpan)}
    if not single or sel.days or len(years) != 1:
        return None
    return 3 if years == {True} else 4


def _spill_kept(rules: tuple[HoursRule, ...]) -> bool:
    """Whether every overnight range keeps its part after midnight as structured."""
    for index, rule in enumerate(rules):
        if not rule.spills:
            continue
        if _rank(rule) != 0:
            return False
        days = _plain_days(rule.selector) or (frozenset(), False)
        for day in days[0] or frozenset(range(7)):
            for later in rules[index + 1 :]:
                later_days = (_plain_days(later.selector) or (frozenset(), False))[0]
                later_days = later_days or frozenset(range(7))
                if later.selector.dates or later_days & {day, (day + 1) % 7}:
                    return False
    return True


def structured_parts(rules: tuple[HoursRule, ...]) -> StructuredParts | None:
    """The structured parts for ``rules``, or None when only rules say them.

    >>> from servicecharter.hours.notation import parse_rules
    >>> structured_parts(parse_rules("Mo-Fr 09:00-17:00; PH off")).holiday_hours
    ()
    >>> structured_parts(parse_rules("Fr 22:00-02:00; Sa 10:00-12:00")) is None
    True
    """
    ranks = [_rank(rule) for rule in rules]
    if any(rank is None for rank in ranks) or ranks != sorted(ranks):  # type: ignore[type-var]
        return None
    if not _spill_kept(rules):
        return None
    weekly: list[Ranges] = [()] * 7
    holiday: Ranges | None = None
    annual: dict[tuple[int, int], Ranges] = {}
    special: dict[dt.date, Ranges] = {}
    seasons: list[tuple[tuple[int, ...], list[Ranges | None]]] = []
    for rule in rules:
        ranges = _ranges(rule)
        sel = rule.selector
        days, has_ph = _plain_days(sel) or (frozenset(), False)
        if not sel.days:
            days = frozenset(range(7))
        if sel.dates and is_months(sel.dates[0]):
            months = _months(sel)
            if not seasons or seasons[-1][0] != months:
                seasons.append((months, [None] * 7))
            for day in days:
                seasons[-1][1][day] = ranges
            continue
        for span in sel.dates:
            assert isinstance(span, DateSpan)
            if span.year is None:
                annual[span.first] = ranges
            else:
                special[dt.date(span.year, *span.first)] = ranges
        if sel.dates:
            continue
        holiday = ranges if has_ph else holiday
        for day in days:
            weekly[day] = ranges
    return StructuredParts(
        tuple(weekly),
        holiday,
        tuple((m, d, annual[m, d]) for m, d in sorted(annual)),
        tuple((months, tuple(week)) for months, week in seasons),
        tuple((day, special[day]) for day in sorted(special)),
    )


def to_parts(rules: tuple[HoursRule, ...]) -> StructuredParts:
    """The structured parts of ``rules``, or empty parts that keep the rules."""
    parts = structured_parts(rules)
    if parts is None:
        return StructuredParts(((),) * 7, None, rules=rules, structured=False)
    return attrs.evolve(parts, rules=rules)
