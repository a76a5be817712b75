"""Checks of the arguments the strategies take, raising the library's error.

A strategy is built before anything is drawn, so a wrong argument (a
``None`` bound, a list where a flag goes) failed deep inside hypothesis or
in the cache of strategies, with a foreign error far from the call. Each
check here names the argument and what it takes.

>>> flags(holidays=True, closures="yes")
Traceback (most recent call last):
...
servicecharter.InvalidArgumentError: closures must be True or False, got 'yes'
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from typing import Any

from .._errors import InvalidArgumentError

__all__ = ["aware", "flags", "hashable", "real", "whole", "zone_argument"]


def flags(**values: object) -> None:
    """Each value is ``True`` or ``False``."""
    for name, value in values.items():
        if not isinstance(value, bool):
            raise InvalidArgumentError(f"{name} must be True or False, got {value!r}")


def whole(value: object, name: str, low: int, high: int) -> int:
    """An integer (not a bool) in [low, high]."""
    if type(value) is not int or not low <= value <= high:
        raise InvalidArgumentError(
            f"{name} must be a whole number in {low}..{high}, got {value!r}"
        )
    return value


def real(value: object, name: str, limit: float) -> float:
    """A finite number (not a bool) of magnitude at most ``limit``."""
    wrong = InvalidArgumentError(
        f"{name} must be a number in -{limit:g}..{limit:g}, got {value!r}"
    )
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise wrong
    # The range first: math.isfinite of a 31-digit int overflows.
    if not -limit <= value <= limit or not math.isfinite(value):
        raise wrong
    return float(value)


def aware(value: object, name: str) -> dt.datetime:
    """An aware ``datetime``."""
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise InvalidArgumentError(
            f"{name} must be an aware datetime, got {value!r}; e.g. "
            "datetime(2026, 1, 1, tzinfo=timezone.utc)"
        )
    return value


def zone_argument(tz: object) -> None:
    """None, a zone name, a ``ZoneInfo`` or a strategy (anything with ``map``)."""
    if tz is None or isinstance(tz, str | zoneinfo.ZoneInfo):
        return
    if not callable(getattr(tz, "map", None)) or isinstance(tz, list | tuple | dict):
        raise InvalidArgumentError(
            f"tz must be None, a zone name, a ZoneInfo or a strategy of them, "
            f"got {tz!r}"
        )


def hashable(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Every argument can key the cache of strategies (a list cannot)."""
    for value in (*args, *kwargs.values()):
        try:
            hash(value)
        except TypeError:
            raise InvalidArgumentError(
                f"strategy arguments are single values, got {value!r}; pass a "
                "tuple or a strategy instead of a list"
            ) from None
