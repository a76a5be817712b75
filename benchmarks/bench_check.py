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

from common import median_best, rows_argument
from sample_requests import random_requests
from servicecharter import examples
from servicecharter.io.csv_requests import read_requests

TARGET_S = 5.0
RUNS = 3


def write_requests(path: Path, n: int, seed: int = 0) -> None:
    """``n`` requests of 2026 as CSV: id, engagement, received_at, responded_at."""
    drawn = random_requests(n, seed, "s")
    received_text = drawn.received.astype("datetime64[s]").astype(str)
    responded_text = drawn.responded.astype("datetime64[s]").astype(str)
    responded_text[drawn.unanswered] = ""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "engagement", "received_at", "responded_at"])
        writer.writerows(
            zip(
                (f"r{i}" for i in range(n)),
                drawn.engagement.tolist(),
                received_text.tolist(),
                responded_text.tolist(),
                strict=True,
            )
        )


def main() -> None:
    n = rows_argument(sys.argv[1:], 100_000)
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
    median, best = median_best(times)
    runs = ", ".join(f"{t:.2f}" for t in times)
    verdict = "ok" if median < TARGET_S else "SLOW"
    print(f"servicecharter check: {n:,} rows, {size / 2**20:.1f} MiB of CSV")
    print(f"  end to end (subprocess): best {best:.2f} s, median {median:.2f} s")
    print(f"  runs: {runs}; target {TARGET_S:g} s: {verdict}")
    print(f"  CSV reading and instant parsing alone: {reading:.2f} s")
    print(f"  exit status of the check: {done.returncode}")


if __name__ == "__main__":
    main()
