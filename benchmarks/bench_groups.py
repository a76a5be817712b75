"""Benchmark the per-group cost of evaluate(): the same rows over many engagements.

Run: ``PYTHONPATH=src python benchmarks/bench_groups.py [rows] [groups]``
(defaults 1,000,000 and 5,000). The requests are the same in both runs, only
the number of engagements they spread over changes: 4 engagements (the
reference, measured in the same run) and ``groups`` engagements, each a copy
of the technical-support charter's first one. The ratio is what the extra
groups cost; the hardening issue measured 52 s for 5,000 groups before
evaluate coded the engagement column with one sort.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import attrs
import numpy as np

from servicecharter import evaluate, examples


def _charter(groups: int) -> Any:
    base = examples.load("technical-support")
    first = base.engagements[0]
    engagements = [attrs.evolve(first, id=f"e{k}") for k in range(groups)]
    return attrs.evolve(base, engagements=engagements)


def _requests(n: int, groups: int) -> dict[str, Any]:
    rng = np.random.default_rng(0)
    start = np.datetime64("2026-01-05T08:00", "us").view(np.int64)
    names = np.array([f"e{k}" for k in range(groups)])
    return {
        "engagement": names[rng.integers(0, groups, n)],
        "received_at": (start + rng.integers(0, 300 * 86_400_000_000, n)).view(
            "M8[us]"
        ),
    }


def _best(groups: int, n: int, runs: int) -> float:
    charter, requests = _charter(groups), _requests(n, groups)
    now = np.datetime64("2026-12-31T00:00")
    evaluate(charter, requests, now=now)  # compiles the calendar
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        evaluate(charter, requests, now=now)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    args = [int(a) for a in sys.argv[1:3]]
    n = args[0] if args else 1_000_000
    groups = args[1] if len(args) > 1 else 5_000
    few = _best(4, n, 3)
    many = _best(groups, n, 3)
    print(f"evaluate, {n:,} requests, best of 3:")
    print(f"  over 4 engagements      {few:8.3f} s")
    print(f"  over {groups:,} engagements  {many:8.3f} s  ({many / few:.1f}x)")
    print(f"  per extra group         {(many - few) / (groups - 4) * 1e3:8.3f} ms")


if __name__ == "__main__":
    main()
