r"""Read and write charter files, TOML or JSON, without losing anything.

``loads(dumps(charter)) == charter`` for every charter. Reading is strict:
an unknown key, a wrong type or an unreadable value is an
``InvalidCharterError`` naming the path inside the file, the value and what
is allowed; several problems are reported together.

>>> text = dumps(charter)
>>> print(text, end="")
id = "support"
title = "Technical support"
tz = "Europe/Paris"
channels = [{id = "phone", kind = "phone"}, {id = "web", kind = "web_form"}]
<BLANKLINE>
[calendars.default]
hours = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
holidays = "FR"
<BLANKLINE>
[[engagements]]
id = "anomalies"
title = "Anomalies"
channel = "phone"
objectives = ["4 business hours"]
<BLANKLINE>
[[engagements]]
id = "forms"
title = "Web form answers"
channel = "web"
objectives = ["3 business days", {within = "same business day", share = 0.6}]
>>> loads(text) == charter
True
>>> loads('id = "x"\ntitle = "X"\ntz = "Europe/Paris"\ncolour = "red"')
Traceback (most recent call last):
...
servicecharter.InvalidCharterError: colour: unknown key; allowed: id, ...
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeAlias

from .._errors import InvalidArgumentError, InvalidCharterError
from ..charter import Charter
from . import toml_write as _toml
from .file_limits import (
    MAX_BYTES,
    MAX_DEPTH,
    check_dotted_keys,
    check_size,
    check_tree,
    read_text,
)
from .spec_charter import CHARTER

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Format",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "schema",
    "to_data",
]

Format: TypeAlias = Literal["toml", "json"]
_SUFFIXES: dict[str, Format] = {".toml": "toml", ".json": "json"}
_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def loads(text: str, format: Format = "toml") -> Charter:
    """Read a charter from TOML or JSON text.

    At most ``MAX_BYTES`` of text, nested at most ``MAX_DEPTH`` deep; a
    byte-order mark at the start is skipped.
    """
    return from_data(_parse(text, _check_format(format)))


def load(path: str | os.PathLike[str]) -> Charter:
    """Read a charter file; the format comes from the suffix (.toml, .json).

    The file must be UTF-8 text (a byte-order mark is skipped) of at most
    ``MAX_BYTES``; the suffix is checked before anything is read.
    """
    file = _path(path)
    format = _format_of(file)
    return loads(read_text(file), format)


def dumps(charter: Charter, format: Format = "toml") -> str:
    """Write a charter as TOML or JSON text."""
    data = to_data(charter)
    if _check_format(format) == "toml":
        return _toml.dumps(data)
    return json.dumps(data, indent=2, ensure_ascii=False, default=_json_value) + "\n"


def dump(charter: Charter, path: str | os.PathLike[str]) -> None:
    """Write a charter file; the format comes from the suffix (.toml, .json)."""
    file = _path(path)
    text = dumps(charter, _format_of(file))
    file.write_text(text, encoding="utf-8")


def from_data(data: Mapping[str, Any]) -> Charter:
    """Build a charter from plain data, as ``tomllib`` or ``json`` give it.

    For other sources (YAML, a database): dates may be ``datetime.date`` or
    ISO strings.
    """
    charter: Charter = CHARTER.load(data, "")
    return charter


def to_data(charter: Charter) -> dict[str, Any]:
    """The charter as plain data (dates as ``datetime.date``), defaults left out."""
    if not isinstance(charter, Charter):
        raise InvalidArgumentError(f"expected a Charter, got {charter!r}")
    data: dict[str, Any] = CHARTER.dump(charter)
    return data


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of charter files, in their JSON form.

    TOML files have the same shape; their dates may be TOML dates.

    >>> sorted(schema()["$defs"]["Charter"]["properties"])[:3]
    ['calendars', 'caps', 'channels']
    """
    defs: dict[str, Any] = {}
    root = CHARTER.schema(defs)
    return {
        "$schema": _SCHEMA_DIALECT,
        "title": "servicecharter charter file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _path(path: object) -> Path:
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentError(
            f"expected the path of a charter file, got {type(path).__name__} {path!r}"
        )
    return Path(path)


def _check_format(format: object) -> Format:
    if format == "toml" or format == "json":  # noqa: PLR1714 (narrows the type)
        return format
    raise InvalidArgumentError(f"format must be 'toml' or 'json', got {format!r}")


def _format_of(path: Path) -> Format:
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InvalidArgumentError(
            f"cannot tell the format of {str(path)!r}; name it .toml or .json"
        )
    return found


def _parse(text: str, format: Format) -> Any:
    if not isinstance(text, str):
        raise InvalidArgumentError(f"expected the text of a file, got {text!r}")
    check_size(len(text), "text")
    text = text.removeprefix("\ufeff")  # a byte-order mark, as editors write
    if format == "toml":
        check_dotted_keys(text)
    try:
        if format == "toml":
            data = tomllib.loads(text)
        else:
            data = json.loads(
                text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant
            )
    except RecursionError:
        raise InvalidCharterError(
            "", None, "the document is nested too deeply"
        ) from None
    except ValueError as error:
        raise InvalidCharterError(
            "", None, f"not valid {format.upper()}: {error}"
        ) from None
    check_tree(data)
    return data


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _json_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} in JSON")
