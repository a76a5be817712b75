"""Write an ``OpeningHours`` model as opening_hours text (``OpeningHours.format``).

The text is canonical: weekly hours first (days with the same ranges grouped
as ``Mo-Fr`` or ``Mo,We``), then ``PH``, annual days, seasons and dated
days, dates with the same ranges listed in one rule. Reading it back with
``parse_notation`` gives the same model, except for the normal forms below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from .._core.units import DAY_S
from .._errors import InvalidHoursError
from .notation_tokens import MONTHS, WEEKDAYS
from .notation_write_rules import format_rules
from .osm_rules import HoursRule
from .parts import AnnualDay, ScheduleChange, Season, SpecialDay
from .ranges import DayRanges, Weekly

__all__ = ["format_hours"]


class HoursParts(Protocol):
    """What the writer reads of an ``OpeningHours`` (the model sits above it)."""

    @property
    def weekly(self) -> Weekly: ...
    @property
    def holidays(self) -> tuple[object, ...]: ...
    @property
    def holiday_hours(self) -> DayRanges: ...
    @property
    def closures(self) -> frozenset[dt.date]: ...
    @property
    def special_days(self) -> tuple[SpecialDay, ...]: ...
    @property
    def changes(self) -> tuple[ScheduleChange, ...]: ...
    @property
    def annual_days(self) -> tuple[AnnualDay, ...]: ...
    @property
    def seasons(self) -> tuple[Season, ...]: ...
    @property
    def rules(self) -> tuple[HoursRule, ...]: ...


def format_hours(hours: HoursParts) -> str:
    """The notation for ``hours``; see ``OpeningHours.format``."""
    if hours.changes:
        raise InvalidHoursError(
            "schedule changes have no opening_hours notation; "
            "format the hours of each period as a model of its own"
        )
    if hours.rules:
        return _rules_only(hours)
    _check_overnight(hours)
    rules = _weekly_rules(hours.weekly)
    for months, week in _normal_seasons(hours.seasons):
        rules += [f"{months} {rule}" for rule in _day_rules(week, whole=True)]
    if hours.holiday_hours or hours.holidays:
        rules.append(f"PH {_ranges_text(hours.holiday_hours)}")
    rules += _date_rules(
        (f"{MONTHS[d.month - 1]} {d.day:02d}", d.ranges) for d in hours.annual_days
    )
    dated = {d.date: d.ranges for d in hours.special_days}
    dated.update(dict.fromkeys(hours.closures, ()))  # a closure is a closed day
    rules += _date_rules((_date_text(day), dated[day]) for day in sorted(dated))
    return "; ".join(rules) or "off"


def _check_overnight(hours: HoursParts) -> None:
    """Refuse what the notation would read differently: a cut overnight range.

    In the notation a later rule selecting the next day cuts the part after
    midnight; in the structured form an exception day never does.
    """
    days = [hours.holiday_hours]
    days += [d.ranges for d in hours.annual_days]
    days += [d.ranges for d in hours.special_days]
    days += [day or () for season in hours.seasons for day in season.weekly]
    crossing = any(r.crosses_midnight for day in days for r in day)
    nights = [bool(day) and day[-1].crosses_midnight for day in hours.weekly]
    cut = set()  # weekdays an exception may select
    if hours.holidays or hours.holiday_hours or hours.annual_days:
        cut = set(range(7))
    for season in hours.seasons:
        cut |= {d for d, ranges in enumerate(season.weekly) if ranges is not None}
    cut |= {d.date.weekday() for d in hours.special_days}
    cut |= {day.weekday() for day in hours.closures}
    if crossing or any(nights[(d - 1) % 7] for d in cut):
        raise InvalidHoursError(
            "a range crossing midnight with holidays, seasons or dated days "
            "has no exact notation (there a later rule cuts the part after "
            "midnight); give the hours as rules, or split the range at 24:00"
        )


def _rules_only(hours: HoursParts) -> str:
    """The text of hours given by rules, which must have no structured parts."""
    extra = [
        name
        for name in ("closures", "special_days", "annual_days", "seasons")
        if getattr(hours, name)
    ]
    if extra or any(hours.weekly):
        raise InvalidHoursError(
            f"hours with rules and {', '.join(extra) or 'weekly hours'} have no "
            "opening_hours notation (those parts take precedence over the "
            "rules); write them as rules instead"
        )
    return format_rules(hours.rules)


def _weekly_rules(weekly: Sequence[DayRanges]) -> list[str]:
    if all(len(day) == 1 and _is_whole(day[0].start_s, day[0].end_s) for day in weekly):
        return ["24/7"]
    open_days = [day or None for day in weekly]  # closed is the default
    try:
        return _day_rules(open_days, whole=False, order=_spill_order(weekly))
    except InvalidHoursError:
        return _single_day_rules(weekly)


def _single_day_rules(weekly: Sequence[DayRanges]) -> list[str]:
    """One rule per open day, each after the day its overnight range runs into.

    For when grouping days makes a cycle (Sa into Su into Mo, Mo with Sa).
    """
    order: list[int] = []
    days = [d for d in range(7) if weekly[d]]
    while len(order) < len(days):
        ready = [
            d
            for d in days
            if d not in order
            and not (
                weekly[d][-1].crosses_midnight
                and weekly[(d + 1) % 7]
                and (d + 1) % 7 not in order
            )
        ]
        if not ready:
            raise InvalidHoursError(
                "every day has a range crossing midnight into the next day's "
                "hours: the notation has no exact form for that (a later rule "
                "cuts the earlier one after midnight); split a range at 24:00"
            )
        order.append(ready[0])
    return [f"{WEEKDAYS[d]} {_ranges_text(weekly[d])}" for d in order]


def _spill_order(weekly: Sequence[DayRanges]) -> list[DayRanges]:
    """Groups of ranges in text order such that no overnight range is cut.

    A group whose range crosses into a day of another group is written after
    that group, as a later rule cuts an earlier one's part after midnight.
    """
    groups = list(dict.fromkeys(day for day in weekly if day))
    after: dict[DayRanges, set[DayRanges]] = {g: set() for g in groups}
    for index, day in enumerate(weekly):
        following = weekly[(index + 1) % 7]
        if day and following and following != day and day[-1].crosses_midnight:
            after[day].add(following)
    order: list[DayRanges] = []
    while len(order) < len(groups):
        ready = [g for g in groups if g not in order and after[g] <= set(order)]
        if not ready:
            raise InvalidHoursError(
                "overnight ranges on consecutive days with different hours have "
                "no exact notation (a later rule cuts the earlier one after "
                "midnight); split a range at 24:00"
            )
        order.append(ready[0])
    return order


def _is_whole(start: int, end: int) -> bool:
    return start == 0 and end == DAY_S


def _day_rules(
    week: Sequence[DayRanges | None],
    *,
    whole: bool,
    order: Sequence[DayRanges] = (),
) -> list[str]:
    """One rule per distinct ranges, ``None`` days left out.

    With ``whole``, ranges shared by all seven days get no weekday selector.
    """
    groups: dict[DayRanges, list[int]] = {}
    for index, ranges in enumerate(week):
        if ranges is not None:
            groups.setdefault(ranges, []).append(index)
    if whole and len(groups) == 1 and None not in week:
        return [_ranges_text(next(iter(groups)))]
    ordered = [*order, *(g for g in groups if g not in order)]
    return [
        f"{_runs(groups[ranges], WEEKDAYS, wrap=False)} {_ranges_text(ranges)}"
        for ranges in ordered
    ]


def _runs(indexes: Iterable[int], names: Sequence[str], *, wrap: bool) -> str:
    """``Mo-We,Fr`` for 0, 1, 2, 4; with ``wrap`` a run may wrap (``Nov-Feb``)."""
    chosen = set(indexes)
    size = len(names)
    if len(chosen) == size:
        return f"{names[0]}-{names[-1]}"

    def follows(index: int) -> bool:  # whether the run goes on after ``index``
        return (wrap or index + 1 < size) and (index + 1) % size in chosen

    parts = []
    for start in sorted(chosen):
        if (wrap or start > 0) and (start - 1) % size in chosen:
            continue  # inside a run
        end = start
        while follows(end):
            end = (end + 1) % size
        parts.append(names[start] if end == start else f"{names[start]}-{names[end]}")
    return ",".join(parts)


def _normal_seasons(
    seasons: Iterable[Season],
) -> list[tuple[str, list[DayRanges | None]]]:
    """Seasons as the parser builds them: no empty ones, no same-month neighbours.

    A season naming no weekday changes nothing, and two neighbours with the
    same months act as one (the later one's days win), which is how the
    parser reads consecutive rules for the same months.
    """
    out: list[tuple[frozenset[int], list[DayRanges | None]]] = []
    for season in seasons:
        if all(day is None for day in season.weekly):
            continue
        if out and out[-1][0] == season.months:
            week = out[-1][1]
            for index, ranges in enumerate(season.weekly):
                week[index] = week[index] if ranges is None else ranges
        else:
            out.append((season.months, list(season.weekly)))
    return [
        (_runs((m - 1 for m in months), MONTHS, wrap=True), week)
        for months, week in out
    ]


def _date_rules(items: Iterable[tuple[str, DayRanges]]) -> list[str]:
    """One rule per distinct ranges: ``Dec 24,Dec 31 09:00-12:00``."""
    groups: dict[DayRanges, list[str]] = {}
    for label, ranges in items:
        groups.setdefault(ranges, []).append(label)
    return [f"{','.join(labels)} {_ranges_text(r)}" for r, labels in groups.items()]


def _date_text(day: dt.date) -> str:
    return f"{day.year:04d} {MONTHS[day.month - 1]} {day.day:02d}"


def _ranges_text(ranges: DayRanges) -> str:
    if not ranges:
        return "off"
    # A whole day from a start other than midnight: 10:00-34:00.
    ends = [r.end_s + (DAY_S if r.end_s == r.start_s else 0) for r in ranges]
    return ",".join(
        f"{_clock(r.start_s)}-{_clock(end)}"
        for r, end in zip(ranges, ends, strict=True)
    )


def _clock(seconds: int) -> str:
    if seconds % 60:
        raise InvalidHoursError(
            f"opening_hours notation has whole minutes only; cannot write the "
            f"time {seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        )
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
