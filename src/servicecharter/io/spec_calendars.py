"""The calendars of a charter file: opening hours, or expressions of other calendars.

``[calendars.desk]`` with ``combine = "sydney | london | new_york"`` (and
an optional ``tz``, the zone of its days) is the union of three calendars
defined beside it; names resolve in any order, and a calendar defined by
itself, directly or not, is an error naming the cycle.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._errors import InvalidCharterError, ServiceCharterError
from ..calendar import CombinedHours, Hours
from ..charter.fields import ID_PATTERN
from .calendar_expr import ExpressionError, parse_expression, write_expression
from .spec import Kind, Map, Schema, Text, describe, fail, key_path
from .spec_hours import HOURS, ZONE
from .spec_table import Field, Table

__all__ = ["CALENDARS"]

_ID = Text(
    pattern=ID_PATTERN,
    example="phone-support",
    wanted="an id of letters, digits, '_', '.' or '-' (like 'phone-support')",
)
_COMBINED = Table(
    name="CombinedCalendar",
    doc="A calendar made of the charter's other calendars: open when any of "
    "them is (|), when all are (&), or when the first is and the others are "
    "not (-). Each keeps its own zone; tz names the zone of its days.",
    fields={
        "combine": Field(
            Text(example="sydney | london | new_york"),
            "calendar names joined by | (union), & (intersection), - (difference)",
        ),
        "tz": Field(ZONE, "zone of its business days; default: the charter's tz"),
    },
    build=lambda loaded: loaded,
    unbuild=lambda hours: hours,
    required=("combine",),
)


def _is_combined(value: object) -> bool:
    return isinstance(value, Mapping) and "combine" in value


class _Calendars(Kind):
    """Names to opening hours, or to expressions of the other names."""

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            raise fail(path, value, f"expected a table, got {describe(value)}")
        plain = {k: v for k, v in value.items() if not _is_combined(v)}
        errors: list[InvalidCharterError] = []
        loaded: dict[str, Hours] = {}
        try:
            loaded.update(Map(_ID, HOURS).load(plain, path))
        except InvalidCharterError as error:
            errors.append(error)
        tables: dict[str, dict[str, Any]] = {}
        for name, item in value.items():
            if _is_combined(item):
                try:
                    _ID.load(name, key_path(path, name))
                    tables[name] = _COMBINED.load(item, key_path(path, name))
                except InvalidCharterError as error:
                    errors.append(error)
        if errors:
            raise InvalidCharterError.collect(errors)
        _Resolver(loaded, tables, path).resolve_all()
        return {name: loaded[name] for name in value}

    def dump(self, value: Any) -> Any:
        out: dict[str, Any] = {}
        for name, hours in value.items():
            if not isinstance(hours, CombinedHours):
                out[name] = HOURS.dump(hours)
                continue
            others = {k: v for k, v in value.items() if k != name}
            out[name] = {
                "combine": write_expression(hours, others),
                "tz": ZONE.dump(hours.tz),
            }
        return out

    def schema(self, defs: dict[str, Schema]) -> Schema:
        one = {"oneOf": [HOURS.schema(defs), _COMBINED.schema(defs)]}
        return {
            "type": "object",
            "propertyNames": _ID.schema(defs),
            "additionalProperties": one,
        }


class _Resolver:
    """Reads each expression once its names are read, refusing cycles."""

    def __init__(
        self, loaded: dict[str, Hours], tables: dict[str, dict[str, Any]], path: str
    ) -> None:
        self.loaded, self.tables, self.path = loaded, tables, path

    def resolve_all(self) -> None:
        errors = []
        for name in self.tables:
            try:
                self.resolve(name, ())
            except InvalidCharterError as error:
                errors.append(error)
        if errors:
            raise InvalidCharterError.collect(errors)

    def resolve(self, name: str, stack: tuple[str, ...]) -> Hours:
        if name in self.loaded:
            return self.loaded[name]
        where = f"{key_path(self.path, name)}.combine"
        table = self.tables[name]
        text = table["combine"]

        def lookup(other: str) -> Hours:
            if other in stack or other == name:
                cycle = " -> ".join((*stack, name, other))
                raise fail(where, text, f"calendars defined by each other: {cycle}")
            if other not in self.loaded and other not in self.tables:
                names = {*self.loaded, *self.tables} - {name}
                known = ", ".join(sorted(names)) or "none"
                raise fail(where, text, f"unknown calendar {other!r}; known: {known}")
            return self.resolve(other, (*stack, name))

        if "tz" not in table:
            raise fail(where, text, "no tz; give tz here or at the top of the charter")
        try:
            hours = parse_expression(text, lookup, table["tz"])
        except (ExpressionError, ServiceCharterError) as error:
            if isinstance(error, InvalidCharterError):
                raise
            raise fail(where, text, str(error)) from None
        self.loaded[name] = hours
        return hours


CALENDARS = _Calendars()
