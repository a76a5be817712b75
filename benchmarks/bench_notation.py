"""How fast opening_hours values are read: values parsed per second.

Reads the realistic values of the golden tables
(tests/hours/golden/realistic_values.json: shops, bars, offices,
pharmacies...) with ``parse_rules`` (the notation alone) and with
``OpeningHours.parse`` (rules and model), against a reference measured in
the same run: ``str.split`` of the same values on ``;``, the cheapest pass
over the text. Values that do not parse count as read (they raise late or
early like any value). Goal: 10,000 values per second or more.

    PYTHONPATH=src python benchmarks/bench_notation.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from servicecharter import OpeningHours, ServiceCharterError
from servicecharter.hours.notation import parse_rules

VALUES = (
    Path(__file__).resolve().parents[1] / "tests/hours/golden/realistic_values.json"
)
GOAL_PER_S = 10_000


def _values() -> list[str]:
    data = json.loads(VALUES.read_text(encoding="utf-8"))
    return [item["value"] for item in data["values"]]


def _split(values: list[str]) -> None:
    for value in values:
        value.split(";")


def _rules(values: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for value in values:
            try:  # noqa: SIM105 - cheaper than contextlib.suppress in a timed loop
                parse_rules(value)
            except ServiceCharterError:
                pass


def _hours(values: list[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for value in values:
            try:  # noqa: SIM105 - cheaper than contextlib.suppress in a timed loop
                OpeningHours.parse(value, tz="Europe/Paris", unknown="closed")
            except ServiceCharterError:
                pass


ROWS: tuple[tuple[str, Callable[[list[str]], None]], ...] = (
    ("str.split (reference)", _split),
    ("parse_rules", _rules),
    ("OpeningHours.parse", _hours),
)


def _medians_s(values: list[str], repeat: int) -> dict[str, float]:
    """Each row's median time; the rows take turns, so a drift hits them all."""
    times: dict[str, list[float]] = {name: [] for name, _ in ROWS}
    for _ in range(repeat):
        for name, run in ROWS:
            start = time.perf_counter()
            run(values)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(runs) for name, runs in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    values = _values() * 10  # long enough a run to time
    medians = _medians_s(values, args.repeat)
    reference = medians["str.split (reference)"]
    print(f"{len(values)} values, median of {args.repeat} alternating runs")
    print(f"{'row':<22}{'values/s':>12}{'x str.split':>14}{'goal':>8}")
    for name, _ in ROWS[1:]:
        rate = len(values) / medians[name]
        ok = "met" if rate >= GOAL_PER_S else "MISSED"
        print(f"{name:<22}{rate:>12,.0f}{medians[name] / reference:>14,.0f}{ok:>8}")
    print(f"{'str.split (reference)':<22}{len(values) / reference:>12,.0f}{1:>14}")


if __name__ == "__main__":
    main()
