"""A small TOML writer for plain data: str, int, float, bool, date, lists, tables.

Tables become ``[headers]``, lists of tables ``[[headers]]``, everything
else an inline value; ``tomllib.loads(dumps(data)) == data`` for the data it
accepts (no ``None``, no datetimes with times, string keys).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["dumps"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n"}
_ESCAPES |= {"\f": "\\f", "\r": "\\r"}
_WIDTH = 88
_INLINE = 72


def dumps(data: Mapping[str, Any]) -> str:
    """Write a table as a TOML document.

    >>> print(dumps({"id": "a", "days": [1, 2], "t": {"x": True}}), end="")
    id = "a"
    days = [1, 2]
    <BLANKLINE>
    [t]
    x = true
    """
    lines: list[str] = []
    _table(data, "", lines, array_item=False)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_table_list(value: object) -> bool:
    """A list of tables too wide for inline tables, one a line: ``[[name]]``."""
    return (
        isinstance(value, list | tuple)
        and len(value) > 0
        and all(isinstance(v, Mapping) for v in value)
        and any(len(_value(v, wrap=False)) > _INLINE for v in value)
    )


def _table(
    data: Mapping[str, Any], name: str, lines: list[str], array_item: bool
) -> None:
    nested = [
        (key, value)
        for key, value in data.items()
        if isinstance(value, Mapping) or _is_table_list(value)
    ]
    # A table holding only tables needs no header of its own.
    implicit = not array_item and nested and len(nested) == len(data)
    if name and not implicit:
        lines += ["", f"[[{name}]]" if array_item else f"[{name}]"]
    for key, value in data.items():
        if not (isinstance(value, Mapping) or _is_table_list(value)):
            lines.append(f"{_key(key)} = {_value(value, len(_key(key)) + 3)}")
    for key, value in nested:
        full = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, Mapping):
            _table(value, full, lines, array_item=False)
        else:
            for item in value:
                _table(item, full, lines, array_item=True)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _value(value: Any, indent: int = 0, wrap: bool = True) -> str:
    if isinstance(value, Mapping):
        # An inline table stays on one line, whatever it holds.
        pairs = [f"{_key(k)} = {_value(v, wrap=False)}" for k, v in value.items()]
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list | tuple):
        items = [_value(v, wrap=wrap) for v in value]
        return _array(items, indent) if wrap else "[" + ", ".join(items) + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} in a charter file")


def _array(items: list[str], indent: int) -> str:
    one_line = "[" + ", ".join(items) + "]"
    if indent + len(one_line) <= _WIDTH or len(items) < 2:
        return one_line
    return "[\n" + "".join(f"    {item},\n" for item in items) + "]"


def _float(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return repr(value)
