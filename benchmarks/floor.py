"""The floor of an interval lookup, and each core operation measured against it.

The least work any lookup over a bucket index must do is to compute each
instant's bucket and gather once: ``index.take((t - origin) // width)``,
with an int32 table the size of the calendar's bucket index. ``bench_core``
times each array operation and this floor on the same instants in the same
run, alternately, two ways:

* hot: the second of two back-to-back calls, as in a loop over batches
  (the memory the first freed is reused by the allocator);
* fresh: the allocator gives its free memory back to the system before
  each call (``malloc_trim``), so every page the call writes faults in, as
  on a first call or one made after other work.

Minor page faults are counted per call (``getrusage``), in both modes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "FLOOR_COLUMNS",
    "Floor",
    "FloorRow",
    "Measured",
    "floor_call",
    "floor_rows",
    "measure",
]

I64 = npt.NDArray[np.int64]


def _trimmer() -> Callable[[], object]:
    """``malloc_trim(0)`` where the C library has it (glibc), else nothing."""
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    trim = getattr(libc, "malloc_trim", None)
    if trim is None:
        return lambda: None
    return lambda: trim(0)


_TRIM = _trimmer()


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


@dataclass(frozen=True)
class Measured:
    """Median seconds and minor page faults per call, hot and fresh."""

    hot: float
    fresh: float
    hot_faults: float
    fresh_faults: float


def _runs(fn: Callable[[], object], repeat: int, fresh: bool) -> tuple[float, float]:
    times, faults = [], []
    for _ in range(repeat):
        if fresh:
            _TRIM()
        f0 = _faults()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        faults.append(_faults() - f0)
    return statistics.median(times), statistics.median(faults)


def measure(fns: list[Callable[[], object]], repeat: int) -> list[Measured]:
    """Time each of ``fns`` hot and fresh, the functions taking turns each round.

    Taking turns keeps slow drifts of the machine from favouring any of them.
    """
    hot: list[list[tuple[float, float]]] = [[] for _ in fns]
    fresh: list[list[tuple[float, float]]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            fn()  # the allocator now holds what this call frees: hot
            hot[i].append(_runs(fn, 1, fresh=False))
            fresh[i].append(_runs(fn, 1, fresh=True))
    out = []
    for h, f in zip(hot, fresh, strict=True):
        out.append(
            Measured(
                hot=statistics.median(s for s, _ in h),
                fresh=statistics.median(s for s, _ in f),
                hot_faults=statistics.median(n for _, n in h),
                fresh_faults=statistics.median(n for _, n in f),
            )
        )
    return out


@dataclass(frozen=True)
class Floor:
    """The calendar's bucket grid: where bucket 0 starts, its width, its size."""

    origin: int
    width: int
    buckets: int

    def table(self) -> npt.NDArray[np.int32]:
        """An int32 table the size of the bucket index (its values do not matter)."""
        return np.arange(self.buckets, dtype=np.int32)


def floor_call(floor: Floor, instants: I64) -> Callable[[], object]:
    """``index.take((t - origin) // width)`` on the instants, as a call."""
    index, origin, width = floor.table(), floor.origin, floor.width
    return lambda: index.take((instants - origin) // width)


@dataclass(frozen=True)
class FloorRow:
    """One operation against the floor and against ``np.searchsorted``."""

    operation: str
    ours: Measured
    floor: Measured
    searchsorted: float  # hot median of the same searchsorted as the main table
    target: float | None = None  # most hot ratio to the floor allowed

    @property
    def hot_ratio(self) -> float:
        return self.ours.hot / self.floor.hot

    @property
    def fresh_ratio(self) -> float:
        return self.ours.fresh / self.floor.fresh

    @property
    def status(self) -> str:
        if self.target is None:
            return "info"
        return "pass" if self.hot_ratio <= self.target else "FAIL"

    def cells(self) -> list[str]:
        ms = 1e3
        return [
            self.operation,
            f"{self.ours.hot * ms:.2f} ms",
            f"{self.hot_ratio:.2f}",
            f"{self.ours.fresh * ms:.2f} ms",
            f"{self.fresh_ratio:.2f}",
            f"{self.ours.hot / self.searchsorted:.2f}",
            f"{self.ours.hot_faults:,.0f} / {self.ours.fresh_faults:,.0f}",
            "-" if self.target is None else f"hot <= {self.target:g}",
            self.status,
        ]

    def as_data(self) -> dict[str, object]:
        return {
            "operation": self.operation,
            "hot_s": self.ours.hot,
            "fresh_s": self.ours.fresh,
            "floor_hot_s": self.floor.hot,
            "floor_fresh_s": self.floor.fresh,
            "hot_ratio": self.hot_ratio,
            "fresh_ratio": self.fresh_ratio,
            "searchsorted_ratio": self.ours.hot / self.searchsorted,
            "faults_hot": self.ours.hot_faults,
            "faults_fresh": self.ours.fresh_faults,
            "target": self.target,
            "status": self.status,
        }


FLOOR_COLUMNS = (
    "operation",
    "hot",
    "x floor",
    "fresh",
    "x floor",
    "x searchsorted",
    "faults hot / fresh",
    "target",
    "status",
)


def floor_rows(
    cases: list[tuple[str, Callable[[], object], float | None]],
    floor: Callable[[], object],
    searchsorted: Callable[[], object],
    repeat: int,
) -> tuple[Measured, list[FloorRow]]:
    """Each case, the floor and searchsorted measured in turns.

    Returns the floor's measure and a row per case.
    """
    measured = measure([floor, searchsorted, *(fn for _, fn, _ in cases)], repeat)
    base, reference = measured[0], measured[1].hot
    rows = [
        FloorRow(name, m, base, reference, target)
        for (name, _, target), m in zip(cases, measured[2:], strict=True)
    ]
    return base, rows
