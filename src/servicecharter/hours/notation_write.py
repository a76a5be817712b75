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
from .notation import MONTHS, WEEKDAYS
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


def format_hours(hours: HoursParts) -> str:
    """The notation for ``hours``; see ``OpeningHours.format``."""
    if hours.changes:
        raise InvalidHoursError(
            "schedule changes have no opening_hours notation; "
            "format the hours of each period as a model of its own"
        )
    rules = _weekly_rules(hours.weekly)
    if hours.holiday_hours or hours.holidays:
        rules.append(f"PH {_ranges_text(hours.holiday_hours)}")
    rules += _date_rules(
        (f"{MONTHS[d.month - 1]} {d.day:02d}", d.ranges) for d in hours.annual_days
    )
    for months, week in _normal_seasons(hours.seasons):
        rules += [f"{months} {rule}" for rule in _day_rules(week, whole=True)]
    dated = {d.date: d.ranges for d in hours.special_days}
    dated.update(dict.fromkeys(hours.closures, ()))  # a closure is a closed day
    rules += _date_rules((_date_text(day), dated[day]) for day in sorted(dated))
    return "; ".join(rules) or "off"


def _weekly_rules(weekly: Sequence[DayRanges]) -> list[str]:
    if all(len(day) == 1 and _is_whole(day[0].start_s, day[0].end_s) for day in weekly):
        return ["24/7"]
    open_days = [day or None for day in weekly]  # closed is the default
    return _day_rules(open_days, whole=False)


def _is_whole(start: int, end: int) -> bool:
    return start == 0 and end == DAY_S


def _day_rules(week: Sequence[DayRanges | None], *, whole: bool) -> list[str]:
    """One rule per distinct ranges, ``None`` days left out.

    With ``whole``, ranges shared by all seven days get no weekday selector.
    """
    groups: dict[DayRanges, list[int]] = {}
    for index, ranges in enumerate(week):
        if ranges is not None:
            groups.setdefault(ranges, []).append(index)
    if whole and len(groups) == 1 and None not in week:
        return [_ranges_text(next(iter(groups)))]
    return [
        f"{_runs(days, WEEKDAYS, wrap=False)} {_ranges_text(ranges)}"
        for ranges, days in groups.items()
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
    return ",".join(f"{_clock(r.start_s)}-{_clock(r.end_s)}" for r in ranges)


def _clock(seconds: int) -> str:
    if seconds % 60:
        raise InvalidHoursError(
            f"opening_hours notation has whole minutes only; cannot write the "
            f"time {seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
        )
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
