"""The tables of a charter file, from objectives up to the charter itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._core.zone import to_zone
from .._errors import ServiceCharterError
from ..charter import (
    CHANNEL_KINDS,
    Channel,
    Charter,
    ClientDuty,
    Commitment,
    DurationCap,
    Engagement,
    Objective,
    RecurringObligation,
    Revision,
)
from ..charter.fields import ID_PATTERN
from .spec import Array, Boolean, Date, Kind, Number, Schema, Text
from .spec_calendars import CALENDARS
from .spec_hours import ZONE
from .spec_lifecycle import LIFECYCLE_FIELDS
from .spec_rules import RULE, Duration, Period
from .spec_table import Field, model_table

__all__ = ["CHARTER"]

ID = Text(
    pattern=ID_PATTERN,
    example="phone-support",
    wanted="an id of letters, digits, '_', '.' or '-' (like 'phone-support')",
)
TEXT = Text()
_ID_DOC = "unique id: letters, digits, '_', '.', '-'"
_TEXT_DOC = "the charter's own words for it"

_OBJECTIVE_TABLE = model_table(
    Objective,
    "A deadline and the share of requests that must meet it.",
    {
        "within": Field(RULE, "deadline words like '4 business hours', or a table"),
        "share": Field(Number(0, 1), "share of requests, in (0, 1]; default 1"),
        "title": Field(TEXT, "what this objective is"),
        **LIFECYCLE_FIELDS,
    },
)
_unbuild_objective = _OBJECTIVE_TABLE.unbuild


def _objective_values(objective: Objective) -> dict[str, Any]:
    """Targets stand in place of ``within``, which reads as the default's rule."""
    values = _unbuild_objective(objective)
    if objective.targets:
        values.pop("within", None)
    return values


_OBJECTIVE_TABLE = attrs.evolve(_OBJECTIVE_TABLE, unbuild=_objective_values)


class _Objective(Kind):
    """An objective table, or just its deadline words."""

    def load(self, value: Any, path: str) -> Any:
        if isinstance(value, str):
            return Objective(RULE.load(value, f"{path}.within"))
        return _OBJECTIVE_TABLE.load(value, path)

    def dump(self, value: Any) -> Any:
        data = _OBJECTIVE_TABLE.dump(value)
        plain = list(data) == ["within"] and isinstance(data["within"], str)
        return data["within"] if plain else data

    def schema(self, defs: dict[str, Schema]) -> Schema:
        words = {"type": "string", "examples": ["4 business hours"]}
        return {"oneOf": [words, _OBJECTIVE_TABLE.schema(defs)]}


_ENGAGEMENT = model_table(
    Engagement,
    "A promise about requests: deadlines, on a channel.",
    {
        "id": Field(ID, _ID_DOC),
        "title": Field(TEXT, "short title"),
        "text": Field(TEXT, _TEXT_DOC),
        "channel": Field(ID, "channel id; default: the 'default' calendar"),
        "kinds": Field(Array(TEXT), "request kinds it applies to (empty: all)"),
        "priorities": Field(Array(TEXT), "priorities it applies to (empty: all)"),
        "pausable": Field(Boolean(), "the clock stops while waiting on the client"),
        "objectives": Field(
            Array(_Objective()), "deadline objectives (words or tables)"
        ),
        "caps": Field(Array(ID), "ids of the duration caps that bound it"),
    },
)
_CHANNEL = model_table(
    Channel,
    "A way in for clients, with its opening hours.",
    {
        "id": Field(ID, _ID_DOC),
        "kind": Field(Text(enum=CHANNEL_KINDS), "what kind of channel"),
        "title": Field(TEXT, "short title"),
        "calendar": Field(ID, "calendar name; default 'default'"),
        "text": Field(TEXT, _TEXT_DOC),
    },
)
_OBLIGATION = model_table(
    RecurringObligation,
    "Something owed again and again: a survey, a follow-up call.",
    {
        "id": Field(ID, _ID_DOC),
        "title": Field(TEXT, "short title"),
        "rrule": Field(
            Text(example="FREQ=YEARLY;INTERVAL=2"), "RFC 5545 RRULE, no DTSTART"
        ),
        "text": Field(TEXT, _TEXT_DOC),
        "first_after": Field(
            Period(), "first due this long after the start, like '1 month'"
        ),
    },
)
_CAP = model_table(
    DurationCap,
    "A limit on the time given to something: '30 minutes per module'.",
    {
        "id": Field(ID, _ID_DOC),
        "title": Field(TEXT, "short title"),
        "limit": Field(Duration("words"), "like '30 minutes'"),
        "per": Field(TEXT, "what the limit is counted on, like 'module'"),
        "text": Field(TEXT, _TEXT_DOC),
        "condition": Field(TEXT, "when the cap applies"),
    },
)
_COMMITMENT = model_table(
    Commitment,
    "A qualitative promise no clock measures.",
    {
        "id": Field(ID, _ID_DOC),
        "title": Field(TEXT, "short title"),
        "text": Field(TEXT, _TEXT_DOC),
    },
)
_DUTY = model_table(
    ClientDuty,
    "What the charter asks of the client.",
    {"id": Field(ID, _ID_DOC), "text": Field(TEXT, _TEXT_DOC)},
)
_REVISION = model_table(
    Revision,
    "One published version of the charter.",
    {
        "version": Field(TEXT, "version label"),
        "date": Field(Date(), "publication date"),
        "summary": Field(TEXT, "what changed"),
    },
)
_CHARTER = model_table(
    Charter,
    "A customer charter (servicecharter file format).",
    {
        "id": Field(ID, _ID_DOC),
        "title": Field(TEXT, "title of the charter"),
        "provider": Field(TEXT, "who makes the promises"),
        "version": Field(TEXT, "version label"),
        "effective": Field(Date(), "date from which it applies"),
        "locale": Field(
            Text(
                pattern=r"^([A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*)?$",
                wanted="a language tag like 'fr-FR'",
            ),
            "language tag of the texts, like 'fr-FR'",
        ),
        "tz": Field(ZONE, "IANA time zone, default of every calendar"),
        "calendars": Field(
            CALENDARS, "opening hours by name, or expressions of other calendars"
        ),
        "channels": Field(Array(_CHANNEL), "ways in"),
        "engagements": Field(Array(_ENGAGEMENT), "promises with deadlines"),
        "obligations": Field(Array(_OBLIGATION), "recurring obligations"),
        "caps": Field(Array(_CAP), "duration caps"),
        "commitments": Field(Array(_COMMITMENT), "qualitative commitments"),
        "duties": Field(Array(_DUTY), "client duties"),
        "revisions": Field(Array(_REVISION), "published versions"),
    },
)


def _inherit_tz(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """Give calendars without a tz the charter's (when it is a valid zone)."""
    tz, calendars = value.get("tz"), value.get("calendars")
    if not isinstance(calendars, Mapping):
        return value
    try:
        to_zone(tz)
    except ServiceCharterError:
        return value
    inherited = {
        name: {"tz": tz, **c} if isinstance(c, Mapping) else c
        for name, c in calendars.items()
    }
    return {**value, "calendars": inherited}


class _Charter(Kind):
    """The charter table; calendars inherit its ``tz`` unless they give one."""

    def load(self, value: Any, path: str) -> Any:
        if isinstance(value, Mapping):
            value = _inherit_tz(value)
        return _CHARTER.load(value, path)

    def dump(self, value: Any) -> Any:
        data: dict[str, Any] = _CHARTER.dump(value)
        for calendar in data.get("calendars", {}).values():
            if calendar["tz"] == data["tz"]:
                del calendar["tz"]
        return data

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return _CHARTER.schema(defs)


CHARTER = _Charter()
