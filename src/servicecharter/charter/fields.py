"""Converters for charter model fields that fail with the field's name.

Each error is an ``InvalidCharterError`` whose path is the field name (or an
item of it, ``objectives[1]``); the charter and the file loader put the
enclosing path in front.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from .._errors import InvalidArgumentError, InvalidCharterError

__all__ = [
    "ID_PATTERN",
    "FrozenDict",
    "check_bool",
    "check_filled",
    "check_identifier",
    "check_names",
    "check_optional_identifier",
    "check_text",
    "date_of",
    "day_argument",
    "identifier",
    "instances_of",
    "one_of",
    "to_tuple",
]

K = TypeVar("K")
V = TypeVar("V")

#: What an id (and a calendar name) may look like: it is a bare TOML key too.
#: Written for JSON Schema too (whose ``$`` is the end of the text); in Python
#: it is used with ``fullmatch``, since ``$`` also matches before a final
#: newline and ``"x\n"`` would pass.
ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"
_ID = re.compile(ID_PATTERN)


class FrozenDict(Mapping[K, V]):
    """A read-only, hashable, picklable mapping.

    >>> FrozenDict({"a": 1}) == {"a": 1}, hash(FrozenDict()) == hash(FrozenDict())
    (True, True)
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._data = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (FrozenDict, (self._data,))


def check_text(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is a string that a file can hold."""
    if not isinstance(value, str):
        raise InvalidCharterError(
            attribute.name, value, f"expected text, got {value!r}"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: dump() would fail
        raise InvalidCharterError(
            attribute.name,
            value[:40],
            f"holds a lone surrogate {value[error.start]!r} at character "
            f"{error.start}, which no file can store; write the character whole",
        ) from None


def check_filled(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is a string with something in it."""
    check_text(_instance, attribute, value)
    assert isinstance(value, str)
    if not value.strip():
        raise InvalidCharterError(attribute.name, value, "must not be empty")


def check_identifier(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is an id like ``"phone"`` or ``"E-2.1"``."""
    _identifier(attribute.name, value)


def check_optional_identifier(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is ``None`` or an id."""
    if value is not None:
        _identifier(attribute.name, value)


def _identifier(path: str, value: object) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidCharterError(
            path,
            value,
            "expected an id of letters, digits, '_', '.' or '-' "
            f"(like 'phone-support'), got {value!r}",
        )


def identifier(path: str, value: object) -> str:
    """Check that ``value`` is an id; the error names ``path``."""
    _identifier(path, value)
    assert isinstance(value, str)
    return value


def check_bool(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is ``True`` or ``False``."""
    if not isinstance(value, bool):
        raise InvalidCharterError(
            attribute.name, value, f"expected true or false, got {value!r}"
        )


def one_of(allowed: tuple[str, ...]) -> Callable[[object, Any, Any], None]:
    """A validator: the field is one of the ``allowed`` strings."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise InvalidCharterError(
                attribute.name, value, f"expected one of {choices}, got {value!r}"
            )

    return check


def to_tuple(value: Any) -> Any:
    """A converter: a list (or one string) to a tuple; anything else unchanged."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return tuple(value)
    return value


def check_names(_instance: object, attribute: Any, value: Any) -> None:
    """A validator: the field is a tuple of distinct non-empty strings."""
    if not isinstance(value, tuple):
        raise InvalidCharterError(
            attribute.name, value, f"expected a list of names, got {value!r}"
        )
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InvalidCharterError(
                f"{attribute.name}[{i}]", item, f"expected a name, got {item!r}"
            )
        if item in value[:i]:
            raise InvalidCharterError(f"{attribute.name}[{i}]", item, "named twice")


def instances_of(cls: type) -> Callable[[object, Any, Any], None]:
    """A validator: the field is a tuple of ``cls`` instances."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvalidCharterError(
                attribute.name,
                value,
                f"expected a list of {cls.__name__}, got {value!r}",
            )
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                raise InvalidCharterError(
                    f"{attribute.name}[{i}]",
                    item,
                    f"expected a {cls.__name__}, got {item!r}",
                )

    return check


def day_argument(value: object, what: str) -> dt.date:
    """A date given to a method (not a datetime), or ``InvalidArgumentError``.

    >>> day_argument(dt.date(2026, 1, 31), "start")
    datetime.date(2026, 1, 31)
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        kind = "a date, not a datetime" if isinstance(value, dt.datetime) else "a date"
        raise InvalidArgumentError(
            f"{what} must be {kind}, got {value!r}; e.g. datetime.date(2026, 1, 31)"
        )
    return value


def date_of(path: str, value: object) -> dt.date:
    """Read a date (``datetime.date`` or ``"2026-01-31"``); the error names ``path``."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidCharterError(
        path, value, f"expected a date like 2026-01-31, got {value!r}"
    )
