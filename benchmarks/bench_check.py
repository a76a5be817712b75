"""Benchmark ``servicecharter check`` end to end on a generated CSV file.

Run: ``python benchmarks/bench_check.py [rows]`` (default 100,000). Writes a
CSV of requests over four engagements of the technical-support charter in a
temporary folder (offset-less instants, read in the charter's zone, and 10 %
unanswered), then times ``python -m servicecharter check`` in a subprocess,
three runs: process start, imports, CSV reading, evaluation and the report.
It also times the CSV reading alone in this process. Target: under 5 s.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from servicecharter import examples
from servicecharter.io.csv_requests import read_requests

ENGAGEMENTS = np.array(["anomalies", "installation", "web-form", "callbacks"])
TARGET_S = 5.0
RUNS = 3


def write_requests(path: Path, n: int, seed: int = 0) -> None:
    """``n`` requests of 2026 as CSV: id, engagement, received_at, responded_at."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01T00:00:00", "s").astype(np.int64)
    received = start + rng.integers(0, 365 * 86_400, n)
    responded = received + rng.exponential(2 * 86_400, n).astype(np.int64)
    received_text = received.astype("datetime64[s]").astype(str)
    responded_text = responded.astype("datetime64[s]").astype(str)
    responded_text[rng.random(n) < 0.1] = ""  # unanswered
    engagement = ENGAGEMENTS[rng.integers(0, len(ENGAGEMENTS), n)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "engagement", "received_at", "responded_at"])
        writer.writerows(
            zip(
                (f"r{i}" for i in range(n)),
                engagement.tolist(),
                received_text.tolist(),
                responded_text.tolist(),
                strict=True,
            )
        )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "requests.csv"
        write_requests(path, n)
        size = path.stat().st_size
        command = [
            sys.executable,
            "-m",
            "servicecharter",
            "check",
            "technical-support",
            str(path),
            "--now",
            "2026-12-31T12:00",
        ]
        times = []
        for _ in range(RUNS):
            began = time.perf_counter()
            done = subprocess.run(
                command, capture_output=True, text=True, check=False, timeout=300
            )
            times.append(time.perf_counter() - began)
            if done.returncode not in (0, 1):
                sys.exit(f"check failed ({done.returncode}):\n{done.stderr}")
        tz = examples.load("technical-support").tz
        began = time.perf_counter()
        read_requests(path, tz)
        reading = time.perf_counter() - began
    best, median = min(times), sorted(times)[len(times) // 2]
    runs = ", ".join(f"{t:.2f}" for t in times)
    verdict = "ok" if median < TARGET_S else "SLOW"
    print(f"servicecharter check: {n:,} rows, {size / 2**20:.1f} MiB of CSV")
    print(f"  end to end (subprocess): best {best:.2f} s, median {median:.2f} s")
    print(f"  runs: {runs}; target {TARGET_S:g} s: {verdict}")
    print(f"  CSV reading and instant parsing alone: {reading:.2f} s")
    print(f"  exit status of the check: {done.returncode}")


if __name__ == "__main__":
    main()
