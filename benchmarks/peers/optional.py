"""The peers are optional and untyped: import them on demand, quietly."""

from __future__ import annotations

import contextlib
import importlib
import warnings
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence the peers' known warnings (tests run with filterwarnings=error).

    - pandas ``PerformanceWarning`` "Non-vectorized DateOffset being applied":
      CustomBusinessHour is applied element by element; that is what we time.
    - pandas 3.1 ``Pandas4Warning`` (a DeprecationWarning) ".values returning
      an ndarray that drops timezone information", raised inside
      exchange_calendars 4.13 when it builds a calendar.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Non-vectorized DateOffset")
        warnings.filterwarnings(
            "ignore",
            message=r"(Series|DatetimeIndex)\.values returning an ndarray",
            category=DeprecationWarning,
        )
        yield


def load(module: str) -> Any:
    """Import an optional, untyped peer (read as Any)."""
    with quiet():
        return importlib.import_module(module)
