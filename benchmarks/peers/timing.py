"""Time one implementation at growing sizes, within a time budget."""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Any

from common import median_best

from .model import Data, Impl, call_once
from .results import LibraryRun, SizeTiming


def measure(impl: Impl, data: Data, min_time: float) -> tuple[SizeTiming, Any]:
    """Median of repeated calls on the same inputs.

    One call when it takes 2 s or more; otherwise 3 to 25 calls, as many as
    it takes to add up to ``min_time``.
    """
    native = impl.prepare(data)
    samples: list[float] = []
    out: Any = None
    while True:
        start = time.perf_counter()
        out = impl.call(native)
        samples.append(time.perf_counter() - start)
        first = samples[0]
        if first >= 2.0:
            break
        wanted = min(25, max(3, math.ceil(min_time / first) if first > 0 else 25))
        if len(samples) >= wanted:
            break
    timing = SizeTiming(len(data), *median_best(samples), len(samples))
    return timing, out


def skip_reason(prev: SizeTiming | None, n: int, budget: float) -> str:
    if prev is None or prev.median is None:
        return ""
    if prev.median > budget:
        return f"skipped: n={prev.n:,} took {prev.median:.1f} s > budget {budget:g} s"
    estimate = prev.median * n / prev.n
    if estimate > budget:
        return f"skipped: estimated {estimate:.0f} s > budget {budget:g} s"
    return ""


def run_sizes(
    impl: Impl,
    data: Data,
    workload: str,
    sizes: Sequence[int],
    *,
    budget: float,
    min_time: float,
) -> tuple[LibraryRun, Any, int]:
    """Time ``impl`` at each size; returns the run and the largest size's output."""
    run = LibraryRun(workload, impl.library, impl.api)
    call_once(impl, data.head(min(100, sizes[0])))  # warm-up
    prev: SizeTiming | None = None
    out: Any = None
    largest = 0
    for n in sizes:
        reason = skip_reason(prev, n, budget) if impl.budgeted else ""
        if reason:
            run.timings.append(SizeTiming(n, status=reason))
            continue
        try:
            timing, out = measure(impl, data.head(n), min_time)
        except Exception as exc:  # a peer's failure is a result
            run.timings.append(SizeTiming(n, status=f"error: {exc!r}"[:200]))
            break
        run.timings.append(timing)
        prev, largest = timing, n
    return run, out, largest
