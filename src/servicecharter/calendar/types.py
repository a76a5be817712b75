"""The names of what calendar methods take and give, for their signatures.

Each input alias names the reader that takes it (``servicecharter._core.convert``).
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = ["ArrayIn", "Bools", "Boundary", "Durations", "Instants"]

Boundary: TypeAlias = Literal["next_open", "close"]
"""Which of the instants with the same business time ``add`` returns.

``"next_open"`` (the default) is the latest, the one to judge responses by: a
deadline that lands on a closing moves to the next opening. ``"close"`` is the
earliest, the one to display ("due by Friday 17:00").
"""
ArrayIn: TypeAlias = Any
"""Instants, durations or dates as an array: numpy ``datetime64`` (read as UTC),
``timedelta64`` or ``datetime64[D]``, tz-aware pandas, polars or pyarrow
columns, or sequences of aware datetimes; read by ``instant_array``,
``duration_array`` and ``days_array``."""
Instants: TypeAlias = npt.NDArray[np.datetime64]
"""Instants out: ``datetime64[us]`` in UTC, NaT kept."""
Durations: TypeAlias = npt.NDArray[np.timedelta64]
"""Durations out: ``timedelta64[us]``, NaT kept."""
Bools: TypeAlias = npt.NDArray[np.bool_]
