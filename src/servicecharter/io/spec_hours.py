"""Opening hours in charter files: notation text or structured tables.

A calendar is either ``hours = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"`` or
``weekly = {Mo-Fr = "09:00-12:00,14:00-17:00"}``, with holidays, closures,
special days, schedule changes, annual days and seasons alongside.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._core.zone import to_zone
from .._errors import InvalidCharterError, ServiceCharterError
from ..hours import AnnualDay, OpeningHours, ScheduleChange, Season, SpecialDay
from ..hours.ranges import WEEKDAYS, to_day_ranges, weekday_keys
from .spec import (
    Array,
    Date,
    Integer,
    Kind,
    Number,
    Schema,
    Text,
    describe,
    fail,
    key_path,
)
from .spec_holidays import HOLIDAYS
from .spec_table import Field, Table

__all__ = ["HOURS", "ZONE"]

_DAY = "(Mo|Tu|We|Th|Fr|Sa|Su)"
_WEEKDAY_KEY = f"^{_DAY}(-{_DAY})?(,{_DAY}(-{_DAY})?)*$"


def _wrap(path: str, value: object, error: ServiceCharterError) -> InvalidCharterError:
    return fail(path, value, str(error))


class _Zone(Kind):
    def load(self, value: Any, path: str) -> Any:
        try:
            return to_zone(value)
        except ServiceCharterError as error:
            raise _wrap(path, value, error) from None

    def dump(self, value: Any) -> Any:
        return value.key

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {"type": "string", "examples": ["Europe/Paris"]}


ZONE = _Zone()


class _Ranges(Kind):
    """One day's ranges: ``"09:00-12:00,14:00-17:00"``, a list of them, or "off"."""

    def load(self, value: Any, path: str) -> Any:
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in items):
            raise fail(
                path,
                value,
                f"expected ranges like '09:00-12:00', got {describe(value)}",
            )
        try:
            return to_day_ranges(",".join(items) if items else "off")
        except ServiceCharterError as error:
            raise _wrap(path, value, error) from None

    def dump(self, value: Any) -> Any:
        return ",".join(str(r) for r in value) or "off"

    def schema(self, defs: dict[str, Schema]) -> Schema:
        text = {"type": "string", "examples": ["09:00-12:00,14:00-17:00", "off"]}
        return {"oneOf": [text, {"type": "array", "items": {"type": "string"}}]}


RANGES = _Ranges()


class _Weekly(Kind):
    """Weekday keys (``Mo``, ``Mo-Fr``, ``Sa,Su``) to ranges; a day named once.

    Days not named are closed (``partial``: keep the usual hours, ``None``).
    """

    def __init__(self, *, partial: bool) -> None:
        self.partial = partial

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            raise fail(
                path, value, f"expected a table of weekdays, got {describe(value)}"
            )
        week: list[Any] = [None] * 7
        named: dict[int, str] = {}
        for key, ranges in value.items():
            where = key_path(path, key)
            try:
                days = weekday_keys(key)
            except ServiceCharterError as error:
                raise _wrap(where, key, error) from None
            loaded = RANGES.load(ranges, where)
            for day in days:
                if day in named:
                    raise fail(where, key, f"{WEEKDAYS[day]} is also in {named[day]!r}")
                named[day], week[day] = key, loaded
        return tuple(week) if self.partial else tuple(d or () for d in week)

    def dump(self, value: Any) -> Any:
        out: dict[str, Any] = {}
        day = 0
        while day < 7:
            end = day
            while end < 6 and value[end + 1] == value[day]:
                end += 1
            if value[day] is not None and (self.partial or value[day]):
                key = WEEKDAYS[day] + ("" if end == day else f"-{WEEKDAYS[end]}")
                out[key] = RANGES.dump(value[day])
            day = end + 1
        return out

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {
            "type": "object",
            "propertyNames": {"pattern": _WEEKDAY_KEY},
            "additionalProperties": RANGES.schema(defs),
        }


WEEKLY = _Weekly(partial=False)
SEASON_WEEKLY = _Weekly(partial=True)


def _table(cls: Any, doc: str, fields: dict[str, Field], attributes: str) -> Table:
    """A table whose keys are all required and map, in order, to ``attributes``."""
    pairs = tuple(zip(fields, attributes.split(), strict=True))
    return Table(
        name=cls.__name__,
        doc=doc,
        fields=fields,
        build=lambda loaded: cls(*(loaded[key] for key, _ in pairs)),
        unbuild=lambda model: {key: getattr(model, a) for key, a in pairs},
        required=tuple(fields),
    )


_HOURS_DOC = "ranges of that day, like '09:00-12:00' ('off': closed)"
_SPECIAL = _table(
    SpecialDay,
    "A date with its own hours, replacing the usual ones.",
    {"date": Field(Date(), "the date"), "hours": Field(RANGES, _HOURS_DOC)},
    "date ranges",
)
_CHANGE = _table(
    ScheduleChange,
    "New weekly hours in force from a date on.",
    {
        "effective": Field(Date(), "first date of the new hours"),
        "weekly": Field(WEEKLY, "the new weekly hours"),
    },
    "effective weekly",
)
_ANNUAL = _table(
    AnnualDay,
    "A day of every year with its own hours (24 December, say).",
    {
        "month": Field(Integer(1, 12), "month number, 1-12"),
        "day": Field(Integer(1, 31), "day of the month"),
        "hours": Field(RANGES, _HOURS_DOC),
    },
    "month day ranges",
)


class _Months(Array):
    def dump(self, value: Any) -> Any:
        return sorted(value)


_SEASON = _table(
    Season,
    "Weekly hours for some months of every year; weekdays not named keep "
    "the usual hours.",
    {
        "months": Field(_Months(Integer(1, 12), 1), "month numbers, 1-12"),
        "weekly": Field(SEASON_WEEKLY, "hours of the weekdays named"),
    },
    "months weekly",
)


def _weekly_notation(hours: OpeningHours) -> str | None:
    """The weekly and holiday hours as notation, if it reads back the same."""
    if hours.rules:  # the rules alone, the other parts go in their own keys
        bare = attrs.evolve(
            hours, closures=(), special_days=(), annual_days=(), seasons=(), changes=()
        )
        return bare.format()
    rules = [f"{key} {ranges}" for key, ranges in WEEKLY.dump(hours.weekly).items()]
    if hours.holidays or hours.holiday_hours:
        rules.append(f"PH {RANGES.dump(hours.holiday_hours)}")
    text = "; ".join(rules) or "off"
    try:
        parsed = OpeningHours.parse(text, tz=hours.tz, holidays=hours.holidays)
    except ServiceCharterError:
        return None
    same = (parsed.weekly, parsed.holiday_hours) == (hours.weekly, hours.holiday_hours)
    return text if same else None


def _full_notation(hours: OpeningHours) -> str | None:
    """All of the hours as notation, if it reads back exactly."""
    try:
        text = hours.format()
        back = OpeningHours.parse(
            text,
            tz=hours.tz,
            holidays=hours.holidays,
            unknown=hours.unknown,
            location=hours.location,
        )
        same = back == hours
    except ServiceCharterError:
        return None
    return text if same else None


_PARTS = ("holidays", "closures", "special_days", "changes", "annual_days", "seasons")
_MERGED = ("special_days", "annual_days", "seasons")


def _build_hours(loaded: dict[str, Any]) -> OpeningHours:
    tz = loaded.pop("tz", None)
    if tz is None:
        raise fail("tz", None, "missing; give tz here or at the top of the charter")
    notation = loaded.pop("hours", None)
    if notation is None:
        if "weekly" not in loaded:
            raise fail(
                "hours", None, "missing; give hours = 'Mo-Fr 09:00-17:00' or weekly"
            )
        return OpeningHours(tz=tz, **loaded)
    unknown = loaded.pop("unknown", "error")
    location = loaded.pop("location", None)
    try:
        parsed = OpeningHours.parse(
            notation,
            tz=tz,
            holidays=loaded.get("holidays", ()),
            unknown=unknown,
            location=location,
        )
    except ServiceCharterError as error:
        raise _wrap("hours", notation, error) from None
    # Days and seasons of the notation come first, those of their own keys after.
    merged = {part: getattr(parsed, part) + loaded.pop(part, ()) for part in _MERGED}
    return OpeningHours(
        parsed.weekly,
        tz,
        holiday_hours=parsed.holiday_hours,
        rules=parsed.rules,
        unknown=unknown,
        location=location,
        **merged,
        **loaded,
    )


def _unbuild_hours(hours: OpeningHours) -> dict[str, Any]:
    if hours.school_holidays:  # no key holds them: refused, not dropped
        raise fail(
            "school_holidays",
            hours.school_holidays,
            "charter files have no key for school holidays yet; give them in "
            "code (OpeningHours.parse(..., school_holidays=...)) after loading",
        )
    out: dict[str, Any] = {"tz": hours.tz}
    if hours.unknown != "error":
        out["unknown"] = hours.unknown
    if hours.location is not None:
        out["location"] = hours.location
    full = _full_notation(hours)
    if full is not None:
        out["hours"] = full
        if hours.holidays:
            out["holidays"] = hours.holidays
        return out
    notation = _weekly_notation(hours)
    if notation is not None:
        out["hours"] = notation
    else:
        out["weekly"] = hours.weekly
        if hours.holiday_hours:
            out["holiday_hours"] = hours.holiday_hours
    for part in _PARTS:
        value = getattr(hours, part)
        if value:
            out[part] = sorted(value) if part == "closures" else value
    return out


HOURS = Table(
    name="Calendar",
    doc="Opening hours: notation text or a weekly table, with exceptions. "
    "For a date, the first that applies wins: a closure, a special day, an "
    "annual day, a holiday, a season, then the weekly hours in force.",
    fields={
        "tz": Field(ZONE, "IANA time zone; default: the charter's tz"),
        "hours": Field(
            Text(example="Mo-Fr 09:00-12:00,14:00-17:00; PH off"),
            "opening_hours notation (instead of weekly and holiday_hours)",
        ),
        "unknown": Field(
            Text(example="closed"),
            "what unknown times of the notation count as: closed, open or error",
        ),
        "location": Field(
            Array(Number(-181.0, 180.0), min_items=2),
            "latitude and longitude in degrees, for sunrise, sunset, dawn, dusk",
        ),
        "weekly": Field(WEEKLY, "weekday keys to ranges; days not named are closed"),
        "holidays": Field(HOLIDAYS, "public holidays: a country, dates or both"),
        "holiday_hours": Field(RANGES, "hours on holidays (default: closed)"),
        "closures": Field(Array(Date()), "dates closed"),
        "special_days": Field(Array(_SPECIAL), "dates with their own hours"),
        "changes": Field(Array(_CHANGE), "new weekly hours from a date on"),
        "annual_days": Field(Array(_ANNUAL), "days of every year with own hours"),
        "seasons": Field(Array(_SEASON), "weekly hours for some months"),
    },
    build=_build_hours,
    unbuild=_unbuild_hours,
    exclusive=(("hours", "weekly"), ("hours", "holiday_hours")),
)
