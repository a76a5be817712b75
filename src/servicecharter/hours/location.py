"""A place on Earth, for the sun times of opening hours (``sunrise-sunset``)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .._errors import InvalidHoursError

__all__ = ["to_location"]


def _degrees(value: object, name: str, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidHoursError(f"{name} must be a number of degrees, got {value!r}")
    try:
        degrees = float(value)
    except ValueError:
        raise InvalidHoursError(
            f"{name} must be a number of degrees, got {value!r}"
        ) from None
    if not math.isfinite(degrees) or abs(degrees) > limit:
        raise InvalidHoursError(f"{name} {value!r} is out of range -{limit}..{limit}")
    return degrees


def to_location(value: object) -> tuple[float, float] | None:
    """``(latitude, longitude)`` in degrees from a pair or a mapping, or None.

    >>> to_location((48.8566, "2.3522"))
    (48.8566, 2.3522)
    >>> to_location({"lat": -33.87, "lon": 151.21})
    (-33.87, 151.21)
    """
    if value is None:
        return None
    if isinstance(value, Mapping):
        unknown = set(value) - {"lat", "lon"}
        if unknown or len(value) != 2:
            raise InvalidHoursError(
                f"location must have the keys lat and lon, got {sorted(value)!r}"
            )
        value = (value["lat"], value["lon"])
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise InvalidHoursError(
            f"location must be (latitude, longitude), like (48.86, 2.35); got {value!r}"
        )
    if len(value) != 2:
        raise InvalidHoursError(
            f"location must be (latitude, longitude), like (48.86, 2.35); got {value!r}"
        )
    return _degrees(value[0], "latitude", 90.0), _degrees(value[1], "longitude", 180.0)
