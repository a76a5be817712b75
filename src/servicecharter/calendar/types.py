"""The names of what calendar methods take and give, for their signatures.

Each input alias names the reader that takes it (``servicecharter._core.convert``).
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = ["Bools", "Boundary", "Durations", "Instants"]

Boundary: TypeAlias = Literal["next_open", "close"]
"""Which of the instants with the same business time ``add`` returns.

``"next_open"`` (the default) is the latest, the one to judge responses by: a
deadline that lands on a closing moves to the next opening. ``"close"`` is the
earliest, the one to display ("due by Friday 17:00").
"""
Instants: TypeAlias = npt.NDArray[np.datetime64]
"""Instants out: ``datetime64[us]`` in UTC, NaT kept."""
Durations: TypeAlias = npt.NDArray[np.timedelta64]
"""Durations out: ``timedelta64[us]``, NaT kept."""
Bools: TypeAlias = npt.NDArray[np.bool_]
