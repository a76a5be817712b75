"""Machine-independent cost of one array call, counted under callgrind.

The shared machine's speed varies by half from one minute to the next; the
instructions a call executes do not. Run a number of calls under callgrind,
and again with none, and divide the difference::

    for n in 0 1000; do
      PYTHONPATH=src valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/instructions.py add $n 2>&1 | grep Collected
    done

``add``, ``elapsed``, ``next_open`` and ``is_open`` run on one instant (the
fixed cost of a call); ``add-2048`` and so on on a batch of 2,048, the size
DuckDB hands a Python function. The calendar is compiled and warmed first,
in both runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from servicecharter import BusinessCalendar, OpeningHours


def main() -> None:
    op, calls = sys.argv[1], int(sys.argv[2])
    hours = OpeningHours.parse(
        "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    )
    kernel = BusinessCalendar(hours).kernel
    rng = np.random.default_rng(1)
    batch = 1_767_225_600_000_000 + rng.integers(0, 273 * 86_400_000_000, 2048)
    four = np.array([4 * 3_600_000_000])
    name, _, size = op.partition("-")
    x = batch if size == "2048" else batch[:1].copy()
    runs: dict[str, Callable[[], Any]] = {
        "add": lambda: kernel.add(x, four),
        "elapsed": lambda: kernel.elapsed(x, x + four),
        "next_open": lambda: kernel.next_open(x),
        "is_open": lambda: kernel.is_open(x),
    }
    run = runs[name]
    run()  # warm: every table built
    for _ in range(calls):
        run()


if __name__ == "__main__":
    main()
