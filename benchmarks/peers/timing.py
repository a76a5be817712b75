"""Time one implementation at growing sizes, within a time budget."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from common import median_best

from .model import Data, Impl, call_once
from .results import LibraryRun, SizeTiming


def measure(impl: Impl, data: Data, repeat: int) -> tuple[SizeTiming, Any]:
    """``repeat`` calls on the same inputs: the median is the figure, for every
    library alike; the best is kept for the record."""
    native = impl.prepare(data)
    samples: list[float] = []
    out: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        out = impl.call(native)
        samples.append(time.perf_counter() - start)
    timing = SizeTiming(len(data), *median_best(samples), len(samples))
    return timing, out


def skip_reason(prev: SizeTiming | None, n: int, budget: float, repeat: int = 1) -> str:
    """Why size ``n`` is skipped: its ``repeat`` runs would exceed the budget.

    The time is estimated linearly from the previous size's median; nothing
    is extrapolated into the results.
    """
    if prev is None or prev.median is None:
        return ""
    if prev.median * repeat > budget:
        return (
            f"skipped: n={prev.n:,} took {prev.median:.1f} s a run "
            f"> budget {budget:g} s for {repeat}"
        )
    estimate = prev.median * n / prev.n
    if estimate * repeat > budget:
        return (
            f"skipped: estimated {estimate:.0f} s a run "
            f"> budget {budget:g} s for {repeat}"
        )
    return ""


def skipped_words(timing: SizeTiming) -> str:
    """How the tables and the plot say a size was not run: the same words.

    >>> skipped_words(SizeTiming(10, status="skipped: estimated 75 s a run > x"))
    'skipped (est. 75 s a run)'
    """
    if "estimated" in timing.status:
        estimate = timing.status.split("estimated ")[1].split(" >")[0]
        return f"skipped (est. {estimate})"
    if " took " in timing.status:
        took = timing.status.split(" took ")[1].split(" >")[0]
        return f"skipped (previous {took})"
    return timing.status.split(":")[0]


def run_sizes(
    impl: Impl,
    data: Data,
    workload: str,
    sizes: Sequence[int],
    *,
    budget: float,
    repeat: int,
) -> tuple[LibraryRun, Any, int]:
    """Time ``impl`` at each size; returns the run and the largest size's output."""
    run = LibraryRun(workload, impl.library, impl.api)
    call_once(impl, data.head(min(100, sizes[0])))  # warm-up
    prev: SizeTiming | None = None
    out: Any = None
    largest = 0
    for n in sizes:
        reason = skip_reason(prev, n, budget, repeat) if impl.budgeted else ""
        if reason:
            run.timings.append(SizeTiming(n, status=reason))
            continue
        try:
            timing, out = measure(impl, data.head(n), repeat)
        except Exception as exc:  # a peer's failure is a result
            run.timings.append(SizeTiming(n, status=f"error: {exc!r}"[:200]))
            break
        run.timings.append(timing)
        prev, largest = timing, n
    return run, out, largest
