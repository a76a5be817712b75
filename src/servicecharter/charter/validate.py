"""Whole-charter checks: unique ids, references that resolve, usable calendars."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from .._errors import InvalidCharterError
from ..calendar import CombinedHours, Hours
from ..rules import CalendarPeriod, EarliestOf, EndOfPeriod, LatestOf, Rule
from .obligations import RecurringObligation
from .parts import (
    Channel,
    ClientDuty,
    Commitment,
    DurationCap,
    Engagement,
    Objective,
    Revision,
)

__all__ = ["charter_problems"]


class CharterParts(Protocol):
    """The parts of a charter the checks read (``Charter`` has them all)."""

    @property
    def calendars(self) -> Mapping[str, Hours]: ...
    @property
    def channels(self) -> tuple[Channel, ...]: ...
    @property
    def engagements(self) -> tuple[Engagement, ...]: ...
    @property
    def obligations(self) -> tuple[RecurringObligation, ...]: ...
    @property
    def caps(self) -> tuple[DurationCap, ...]: ...
    @property
    def commitments(self) -> tuple[Commitment, ...]: ...
    @property
    def duties(self) -> tuple[ClientDuty, ...]: ...
    @property
    def revisions(self) -> tuple[Revision, ...]: ...


_COLLECTIONS = ("channels", "engagements", "obligations", "caps", "commitments")


def charter_problems(charter: CharterParts) -> list[InvalidCharterError]:
    """Every problem of the charter as a whole, in the order of its fields."""
    return [
        *_duplicates(charter),
        *_channel_calendars(charter),
        *_engagement_channels(charter),
        *_engagement_caps(charter),
        *_target_calendars(charter),
    ]


def _known(names: Iterable[str]) -> str:
    return ", ".join(repr(n) for n in names) or "none"


def _duplicates(charter: CharterParts) -> Iterator[InvalidCharterError]:
    keyed = [(name, "id") for name in _COLLECTIONS]
    keyed += [("duties", "id"), ("revisions", "version")]
    for collection, key in keyed:
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(charter, collection)):
            value = getattr(item, key)
            if value in seen:
                yield InvalidCharterError(
                    f"{collection}[{i}].{key}",
                    value,
                    f"{value!r} is used twice (also {collection}[{seen[value]}]); "
                    f"each {key} must be unique",
                )
            seen.setdefault(value, i)


def _channel_calendars(charter: CharterParts) -> Iterator[InvalidCharterError]:
    for i, channel in enumerate(charter.channels):
        if channel.calendar not in charter.calendars:
            yield InvalidCharterError(
                f"channels[{i}].calendar",
                channel.calendar,
                f"unknown calendar {channel.calendar!r}; "
                f"known: {_known(charter.calendars)}",
            )


def _engagement_channels(charter: CharterParts) -> Iterator[InvalidCharterError]:
    channels = {c.id: c.calendar for c in charter.channels}
    for i, engagement in enumerate(charter.engagements):
        if engagement.channel is None:
            calendar = "default"
            if calendar not in charter.calendars:
                yield InvalidCharterError(
                    f"engagements[{i}].channel",
                    None,
                    "no channel given and no 'default' calendar; name a channel "
                    f"(known: {_known(channels)}) or add a 'default' calendar",
                )
                continue
        elif engagement.channel not in channels:
            yield InvalidCharterError(
                f"engagements[{i}].channel",
                engagement.channel,
                f"unknown channel {engagement.channel!r}; known: {_known(channels)}",
            )
            continue
        else:
            calendar = channels[engagement.channel]
        hours = charter.calendars.get(calendar)
        if hours is not None:
            yield from _rules_on(hours, calendar, engagement.objectives, i)


def _engagement_caps(charter: CharterParts) -> Iterator[InvalidCharterError]:
    caps = {cap.id for cap in charter.caps}
    for i, engagement in enumerate(charter.engagements):
        for j, cap in enumerate(engagement.caps):
            if cap not in caps:
                yield InvalidCharterError(
                    f"engagements[{i}].caps[{j}]",
                    cap,
                    f"unknown duration cap {cap!r}; known: {_known(caps)}",
                )


def _rules_on(
    hours: Hours, name: str, objectives: tuple[Objective, ...], index: int
) -> Iterator[InvalidCharterError]:
    if _has_open_weekday(hours):
        return
    for j, objective in enumerate(objectives):
        rule = objective.within
        if _needs_business_days(rule) and not objective.targets:
            yield InvalidCharterError(
                f"engagements[{index}].objectives[{j}].within",
                str(rule),
                f"{str(rule)!r} counts business time, but calendar {name!r} has "
                "no open weekday; give it weekly hours",
            )


def _target_calendars(charter: CharterParts) -> Iterator[InvalidCharterError]:
    """Each target names a known calendar that can count its rule."""
    for i, engagement in enumerate(charter.engagements):
        for j, objective in enumerate(engagement.objectives):
            for k, target in enumerate(objective.targets):
                path = f"engagements[{i}].objectives[{j}].targets[{k}]"
                if target.calendar is None:
                    hours = _engagement_hours(charter, engagement)
                    name = "of the engagement"
                elif target.calendar not in charter.calendars:
                    yield InvalidCharterError(
                        f"{path}.calendar",
                        target.calendar,
                        f"unknown calendar {target.calendar!r}; "
                        f"known: {_known(charter.calendars)}",
                    )
                    continue
                else:
                    hours = charter.calendars[target.calendar]
                    name = repr(target.calendar)
                rule = target.within
                closed = hours is not None and not _has_open_weekday(hours)
                if closed and _needs_business_days(rule):
                    yield InvalidCharterError(
                        f"{path}.within",
                        str(rule),
                        f"{str(rule)!r} counts business time, but calendar "
                        f"{name} has no open weekday; give it weekly hours",
                    )


def _engagement_hours(charter: CharterParts, engagement: Engagement) -> Hours | None:
    if engagement.channel is None:
        return charter.calendars.get("default")
    channel = next((c for c in charter.channels if c.id == engagement.channel), None)
    return None if channel is None else charter.calendars.get(channel.calendar)


def _has_open_weekday(hours: Hours) -> bool:
    """Whether open time recurs (weekly, seasonal or annual), so searches end."""
    if isinstance(hours, CombinedHours):
        return hours.may_open()
    seasonal = any(day for season in hours.seasons for day in season.weekly)
    annual = any(day.ranges for day in hours.annual_days)
    return hours.has_weekly_time() or seasonal or annual


def _needs_business_days(rule: Rule) -> bool:
    if isinstance(rule, EarliestOf | LatestOf):
        return any(_needs_business_days(r) for r in rule.rules)
    if isinstance(rule, CalendarPeriod):
        return rule.roll != "none"
    return not isinstance(rule, EndOfPeriod)
