"""A small vocabulary for file formats, declared once for three uses.

Each kind of value loads, dumps and describes itself (JSON Schema).
``load`` reads plain data (what ``tomllib`` or ``json`` give) into model
values and raises ``InvalidCharterError`` naming the path, the value and
what is allowed; ``dump`` writes model values back as plain data (dates
stay ``datetime.date``); ``schema`` returns a JSON Schema fragment and puts
named tables in ``defs``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import InvalidCharterError, _join_path
from ..charter.fields import date_of

__all__ = [
    "Array",
    "Boolean",
    "Date",
    "Integer",
    "Kind",
    "Map",
    "Number",
    "Schema",
    "Text",
    "describe",
    "fail",
    "key_path",
    "load_items",
]

Schema = dict[str, Any]
_BARE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*\Z")


def describe(value: object) -> str:
    """A short repr for messages."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def fail(path: str, value: object, reason: str) -> InvalidCharterError:
    """The error for ``value`` at ``path``."""
    return InvalidCharterError(path, value, reason)


def key_path(path: str, key: object) -> str:
    """``path.key``, or ``path["odd key"]`` when the key is not a bare word."""
    if isinstance(key, str) and _BARE.match(key):
        return _join_path(path, key)
    return f"{path}[{key!r}]"


def _list_of(value: object) -> bool:
    return isinstance(value, list | tuple)


class Kind:
    """One kind of value in a file."""

    def load(self, value: Any, path: str) -> Any:
        """Read plain data at ``path``; raise ``InvalidCharterError`` if bad."""
        raise NotImplementedError

    def dump(self, value: Any) -> Any:
        """Write a model value as plain data."""
        return value

    def schema(self, defs: dict[str, Schema]) -> Schema:
        """This kind as a JSON Schema fragment."""
        raise NotImplementedError


@attrs.frozen
class Text(Kind):
    """A string, optionally one of ``enum`` or matching ``pattern``."""

    enum: tuple[str, ...] = ()
    pattern: str | None = None
    example: str = ""
    wanted: str = ""

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            raise fail(path, value, f"expected {self._wanted()}, got {describe(value)}")
        if self.enum and value not in self.enum:
            raise fail(path, value, f"expected {self._wanted()}, got {value!r}")
        # fullmatch: a pattern's "$" also matches before a final newline.
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise fail(path, value, f"expected {self._wanted()}, got {value!r}")
        return value

    def _wanted(self) -> str:
        if self.wanted:
            return self.wanted
        if self.enum:
            return "one of " + ", ".join(repr(e) for e in self.enum)
        return f"text like {self.example!r}" if self.example else "text"

    def schema(self, defs: dict[str, Schema]) -> Schema:
        out: Schema = {"type": "string"}
        if self.enum:
            out["enum"] = list(self.enum)
        if self.pattern:
            out["pattern"] = self.pattern
        if self.example:
            out["examples"] = [self.example]
        return out


@attrs.frozen
class Integer(Kind):
    """A whole number in [``minimum``, ``maximum``]."""

    minimum: int = 0
    maximum: int | None = None

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail(path, value, f"expected a whole number, got {describe(value)}")
        top = self.maximum
        if value < self.minimum or (top is not None and value > top):
            bounds = f">= {self.minimum}" if top is None else f"{self.minimum}-{top}"
            shown = describe(value)
            raise fail(path, value, f"expected a whole number {bounds}, got {shown}")
        return value

    def schema(self, defs: dict[str, Schema]) -> Schema:
        out: Schema = {"type": "integer", "minimum": self.minimum}
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@attrs.frozen
class Number(Kind):
    """A finite number in (``above``, ``maximum``]."""

    above: float
    maximum: float

    def load(self, value: Any, path: str) -> Any:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number:
            raise fail(path, value, f"expected a number, got {describe(value)}")
        # The range first (NaN is in none): math.isfinite of a 400-digit int
        # raises OverflowError.
        if not self.above < value <= self.maximum or not math.isfinite(value):
            raise fail(
                path,
                value,
                f"expected a number in ({self.above}, {self.maximum}], got "
                f"{describe(value)}",
            )
        return float(value)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {
            "type": "number",
            "exclusiveMinimum": self.above,
            "maximum": self.maximum,
        }


class Boolean(Kind):
    """``true`` or ``false``."""

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, bool):
            raise fail(path, value, f"expected true or false, got {describe(value)}")
        return value

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {"type": "boolean"}


class Date(Kind):
    """A date: a TOML date, or an ISO string ``"2026-01-31"`` (JSON)."""

    def load(self, value: Any, path: str) -> Any:
        return date_of(path, value)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {"type": "string", "format": "date"}


def load_items(kind: Kind, value: Any, path: str) -> list[Any]:
    """Load each item of a list, collecting every item's errors."""
    out, errors = [], []
    for i, item in enumerate(value):
        try:
            out.append(kind.load(item, f"{path}[{i}]"))
        except InvalidCharterError as error:
            errors.append(error)
    if errors:
        raise InvalidCharterError.collect(errors)
    return out


@attrs.frozen
class Array(Kind):
    """A list of one kind of item, read as a tuple."""

    item: Kind
    min_items: int = 0

    def load(self, value: Any, path: str) -> Any:
        if not _list_of(value):
            raise fail(path, value, f"expected a list, got {describe(value)}")
        if len(value) < self.min_items:
            raise fail(path, value, f"expected at least {self.min_items} item(s)")
        return tuple(load_items(self.item, value, path))

    def dump(self, value: Any) -> Any:
        return [self.item.dump(v) for v in value]

    def schema(self, defs: dict[str, Schema]) -> Schema:
        out: Schema = {"type": "array", "items": self.item.schema(defs)}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


@attrs.frozen
class Map(Kind):
    """A table of names (``key``) to values (``value``), read as a dict."""

    key: Text
    value: Kind

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            raise fail(path, value, f"expected a table, got {describe(value)}")
        out, errors = {}, []
        for key, item in value.items():
            try:
                self.key.load(key, key_path(path, key))
                out[key] = self.value.load(item, key_path(path, key))
            except InvalidCharterError as error:
                errors.append(error)
        if errors:
            raise InvalidCharterError.collect(errors)
        return out

    def dump(self, value: Any) -> Any:
        return {k: self.value.dump(v) for k, v in value.items()}

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {
            "type": "object",
            "propertyNames": self.key.schema(defs),
            "additionalProperties": self.value.schema(defs),
        }
