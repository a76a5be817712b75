"""Random requests of 2026 over four engagements of the technical-support charter.

bench_check.py writes them to a CSV file in seconds, bench_evaluate.py gives
them to ``evaluate`` in microseconds: the same draws, in the unit asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

ENGAGEMENTS = np.array(["anomalies", "installation", "web-form", "callbacks"])
PER_SECOND = {"s": 1, "us": 1_000_000}
DAY_S = 86_400


@dataclass(frozen=True)
class Requests:
    """Instants as int64 counts of the unit since the epoch."""

    received: npt.NDArray[np.int64]  # uniform over 2026
    responded: npt.NDArray[np.int64]  # received + exponential wait, 2 days mean
    unanswered: npt.NDArray[np.bool_]  # 10 %: ignore responded there
    engagement: npt.NDArray[np.str_]


def random_requests(n: int, seed: int, unit: Literal["s", "us"]) -> Requests:
    """``n`` requests drawn from ``seed``; the unit changes the scale, not the draws."""
    rng = np.random.default_rng(seed)
    scale = PER_SECOND[unit]
    start = np.datetime64("2026-01-01T00:00:00", unit).astype(np.int64)
    received = start + rng.integers(0, 365 * DAY_S * scale, n)
    responded = received + rng.exponential(2 * DAY_S * scale, n).astype(np.int64)
    unanswered = rng.random(n) < 0.1
    engagement = ENGAGEMENTS[rng.integers(0, len(ENGAGEMENTS), n)]
    return Requests(received, responded, unanswered, engagement)
