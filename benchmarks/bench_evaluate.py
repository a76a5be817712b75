"""Benchmark evaluate(): 1,000,000 requests over four engagements.

Run: ``python benchmarks/bench_evaluate.py [rows]``. Prints the wall time of
a warm run, and the peak memory of a second run traced by tracemalloc (numpy
reports its buffers to it) plus the process's peak resident size.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc

import numpy as np

from servicecharter import evaluate, examples

ENGAGEMENTS = np.array(["anomalies", "installation", "web-form", "callbacks"])


def make_requests(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01T00:00", "us").astype(np.int64)
    year = 365 * 86_400 * 1_000_000
    received = start + rng.integers(0, year, n)
    wait = rng.exponential(2 * 86_400 * 1_000_000, n).astype(np.int64)
    responded = received + wait
    responded[rng.random(n) < 0.1] = np.iinfo(np.int64).min  # 10 % unanswered
    return {
        "id": np.arange(n),
        "engagement": ENGAGEMENTS[rng.integers(0, len(ENGAGEMENTS), n)],
        "received_at": received.view("datetime64[us]"),
        "responded_at": responded.view("datetime64[us]"),
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    charter = examples.load("technical-support")
    requests = make_requests(n)
    now = np.datetime64("2026-12-31T12:00")
    evaluate(charter, make_requests(1000), now=now)  # compile the calendar
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = evaluate(charter, requests, now=now)
        times.append(time.perf_counter() - t0)
    lines = len(result.requests["row"])
    del result
    tracemalloc.start()
    evaluate(charter, requests, now=now)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"evaluate: {n:,} requests, {lines:,} request x objective lines")
    runs = ", ".join(f"{t:.3f}" for t in times)
    median = sorted(times)[len(times) // 2]
    print(f"  time: best {min(times):.3f} s, median {median:.3f} s, runs {runs}")
    print(f"  peak traced memory during evaluate: {peak / 2**20:.0f} MiB")
    print(f"  process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
