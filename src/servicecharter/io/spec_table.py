"""Tables in file formats: known keys, built into models, written back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._errors import InvalidCharterError, ServiceCharterError
from .spec import Kind, Schema, describe, fail, key_path

__all__ = ["Field", "Table", "attrs_defaults", "model_table"]


@attrs.frozen
class Field:
    """One key of a table: its kind and what it means."""

    kind: Kind
    doc: str


Build = Callable[[dict[str, Any]], Any]
Unbuild = Callable[[Any], dict[str, Any]]


@attrs.frozen
class Table(Kind):
    """A table with known keys, built into a model by ``build``.

    ``unbuild`` gives the model's values worth writing (defaults left out).
    ``exclusive`` lists pairs of keys that may not be given together.
    """

    name: str
    doc: str
    fields: dict[str, Field]
    build: Build
    unbuild: Unbuild
    required: tuple[str, ...] = ()
    exclusive: tuple[tuple[str, str], ...] = ()

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            raise fail(path, value, f"expected a table, got {describe(value)}")
        errors = self._shape_errors(value, path)
        loaded: dict[str, Any] = {}
        for key, field in self.fields.items():
            if key in value:
                try:
                    loaded[key] = field.kind.load(value[key], key_path(path, key))
                except InvalidCharterError as error:
                    errors.append(error)
        if errors:
            raise InvalidCharterError.collect(errors)
        return self._build(loaded, value, path)

    def _shape_errors(
        self, value: Mapping[Any, Any], path: str
    ) -> list[InvalidCharterError]:
        allowed = ", ".join(self.fields)
        errors = [
            fail(key_path(path, key), value[key], f"unknown key; allowed: {allowed}")
            for key in value
            if key not in self.fields
        ]
        errors += [
            fail(key_path(path, key), None, "missing; this key is required")
            for key in self.required
            if key not in value
        ]
        errors += [
            fail(key_path(path, b), value[b], f"give {a} or {b}, not both")
            for a, b in self.exclusive
            if a in value and b in value
        ]
        return errors

    def _build(self, loaded: dict[str, Any], value: object, path: str) -> Any:
        try:
            return self.build(loaded)
        except InvalidCharterError as error:
            raise error.at(path) from None
        except ServiceCharterError as error:
            raise fail(path, value, str(error)) from None

    def dump(self, value: Any) -> Any:
        return {k: self.fields[k].kind.dump(v) for k, v in self.unbuild(value).items()}

    def schema(self, defs: dict[str, Schema]) -> Schema:
        ref = {"$ref": f"#/$defs/{self.name}"}
        if self.name in defs:
            return ref
        defs[self.name] = {}  # a placeholder: tables may contain themselves
        out: Schema = {
            "type": "object",
            "description": self.doc,
            "properties": {
                key: {"description": f.doc, **f.kind.schema(defs)}
                for key, f in self.fields.items()
            },
            "additionalProperties": False,
        }
        if self.required:
            out["required"] = list(self.required)
        if self.exclusive:
            out["allOf"] = [{"not": {"required": list(p)}} for p in self.exclusive]
        defs[self.name] = out
        return ref


def _same(value: object, default: object) -> bool:
    # relativedelta == None warns (it returns NotImplemented); test None first.
    if default is None or value is None:
        return value is default
    return value == default


def attrs_defaults(cls: type) -> dict[str, Any]:
    """The default value of each attrs field of ``cls`` that has one."""
    out: dict[str, Any] = {}
    for a in attrs.fields(cls):
        if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            out[a.name] = a.default.factory()
        elif a.default is not attrs.NOTHING:
            out[a.name] = a.default
    return out


def model_table(cls: type, doc: str, fields: dict[str, Field], name: str = "") -> Table:
    """A table for an attrs class whose keys are its field names.

    Keys without a default are required; values equal to the default are
    left out when writing.
    """
    defaults = {k: v for k, v in attrs_defaults(cls).items() if k in fields}

    def unbuild(model: Any) -> dict[str, Any]:
        values = {key: getattr(model, key) for key in fields}
        return {
            k: v
            for k, v in values.items()
            if k not in defaults or not _same(v, defaults[k])
        }

    return Table(
        name=name or cls.__name__,
        doc=doc,
        fields=fields,
        build=lambda loaded: cls(**loaded),
        unbuild=unbuild,
        required=tuple(k for k in fields if k not in defaults),
    )
