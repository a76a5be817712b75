"""Benchmark evaluate(): 1,000,000 requests over four engagements, with pauses.

Run: ``python benchmarks/bench_evaluate.py [rows]``. 10 % of the requests
have one or two pauses (a long table of about 150,000 pauses) on engagements
made pausable for the benchmark. Prints the wall time of the FIRST run of the
process apart from the best and median of the warm runs, the minor page
faults of each run, the ratio of each run to the core ``add`` of the same
rows timed right after it (best of three; the median ratio and the
range), the peak memory of one more run traced by tracemalloc (numpy
reports its buffers to it), the process's peak resident size, and the
floor of any ``evaluate``: copying the line columns it returns, as a ratio
to the core ``add`` timed in turns with it.

The first full-size run of a process is slower than the next ones (see
docs/compliance.md, "Performance"): not the calendar (the small warm-up run
compiles it; ``--no-warmup`` leaves that in the first run) but the process's
memory, which a full-size run on other data also warms.
"""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from typing import Any

import attrs
import numpy as np

from common import median_best, rows_argument
from sample_requests import random_requests
from servicecharter import evaluate, examples

HOUR_US = 3_600_000_000


def make_requests(n: int, seed: int = 0) -> dict[str, np.ndarray[Any, Any]]:
    drawn = random_requests(n, seed, "us")
    responded = drawn.responded  # changed in place: no copy of a large array
    responded[drawn.unanswered] = np.iinfo(np.int64).min  # NaT
    return {
        "id": np.arange(n),
        "engagement": drawn.engagement,
        "received_at": drawn.received.view("datetime64[us]"),
        "responded_at": responded.view("datetime64[us]"),
    }


def make_pauses(
    requests: dict[str, np.ndarray[Any, Any]], now: np.datetime64, seed: int = 1
) -> dict[str, np.ndarray[Any, Any]]:
    """One or two pauses for 10 % of the requests, inside their lives."""
    rng = np.random.default_rng(seed)
    n = len(requests["id"])
    paused = np.flatnonzero(rng.random(n) < 0.1)
    count = rng.integers(1, 3, len(paused))
    rows = np.repeat(paused, count)
    received = requests["received_at"].view(np.int64)[rows]
    responded = requests["responded_at"].view(np.int64)[rows]
    end_of_life = np.where(
        responded == np.iinfo(np.int64).min,
        now.astype("M8[us]").view(np.int64),
        responded,
    )
    life = np.maximum(end_of_life - received, 0)
    start = received + (rng.random(len(rows)) * life).astype(np.int64)
    order = np.lexsort((start, rows))  # rows is sorted: order within each row
    rows, start, end_of_life = rows[order], start[order], end_of_life[order]
    # A pause ends before the next one of its request starts: no overlaps.
    following = np.append(start[1:], 0)
    same = np.append(rows[1:] == rows[:-1], False)
    limit = np.where(same, following, end_of_life)
    end = np.minimum(start + rng.integers(0, 8 * HOUR_US, len(rows)), limit)
    return {
        "request": requests["id"][rows],
        "start": start.view("datetime64[us]"),
        "end": end.view("datetime64[us]"),
    }


def _core_adder(charter: Any, requests: dict[str, np.ndarray[Any, Any]]) -> Any:
    """A timer of ``BusinessCalendar.add`` on the requests' receipts (warmed)."""
    calendar = charter.calendar_for(charter.engagements[0].id)
    received, hours = requests["received_at"], np.timedelta64(4, "h")
    calendar.add(received[:1000], hours)

    def timed() -> float:
        t0 = time.perf_counter()
        calendar.add(received, hours)
        return time.perf_counter() - t0

    return timed


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def main() -> None:
    n = rows_argument(sys.argv[1:], 1_000_000)
    base = examples.load("technical-support")
    charter = attrs.evolve(
        base,
        engagements=[attrs.evolve(e, pausable=True) for e in base.engagements],
    )
    now = np.datetime64("2026-12-31T12:00")
    requests = make_requests(n)
    pauses = make_pauses(requests, now)
    if "--no-warmup" not in sys.argv:
        small = make_requests(1000)
        evaluate(charter, small, now=now, pauses=make_pauses(small, now))
    times, faults, cores = [], [], []
    core_add = _core_adder(base, requests)
    for _ in range(6):
        f0 = _faults()
        t0 = time.perf_counter()
        result = evaluate(charter, requests, now=now, pauses=pauses)
        times.append(time.perf_counter() - t0)
        faults.append(_faults() - f0)
        lines, problems = len(result.requests["row"]), len(result.problems)
        del result
        # The reference takes turns with evaluate: a phase of the machine
        # slows both.
        cores.append(min(core_add() for _ in range(3)))
    core = median_best(cores[1:])[0]
    ratios = sorted(t / c for t, c in zip(times[1:], cores[1:], strict=True))
    tracemalloc.start()
    result = evaluate(charter, requests, now=now, pauses=pauses)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    # A floor of any evaluate: copying the line columns it returns, in
    # turns with the core add (after the memory figures, which it would
    # raise by a copy of the lines).
    floors = []
    for _ in range(4):
        t0 = time.perf_counter()
        copied = {name: column.copy() for name, column in result.requests.items()}
        took = time.perf_counter() - t0
        del copied
        floors.append(took / min(core_add() for _ in range(3)))
    columns = len(result.requests)
    del result
    median, best = median_best(times[1:])
    print(
        f"evaluate: {n:,} requests, {len(pauses['request']):,} pauses, "
        f"{lines:,} request x objective lines, {problems:,} problems"
    )
    print(
        f"  time: first run {times[0]:.3f} s; warm runs best {best:.3f} s, "
        f"median {median:.3f} s"
    )
    print("  runs: " + ", ".join(f"{t:.3f}" for t in times))
    print(
        f"  core add (4 business hours) on the same rows, in turns with it: "
        f"median {core * 1e3:.1f} ms; evaluate is {ratios[len(ratios) // 2]:.0f}x "
        f"it (median of the warm runs' ratios; {ratios[0]:.0f}-{ratios[-1]:.0f}x)"
    )
    print(
        f"  copying the {columns} line columns evaluate returns (a floor of any "
        f"evaluate): {sorted(floors)[1]:.1f}x the core add, in turns with it"
    )
    print("  minor page faults per run: " + ", ".join(f"{f:,}" for f in faults))
    print(f"  peak traced memory during evaluate: {peak / 2**20:.0f} MiB")
    print(f"  process peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
