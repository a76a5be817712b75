"""What the benchmark scripts share: formats, tables, machine facts, options, JSON.

The scripts are run as files (``python benchmarks/bench_core.py``), which puts
this folder first on ``sys.path``; they import this module as ``common``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

OURS = "servicecharter"
SEED = 2026

# ----------------------------------------------------------------- numbers --


def fmt_seconds(value: float | None, *, us_digits: int = 0) -> str:
    """A duration in us, ms or s; ``-`` for None.

    >>> fmt_seconds(0.0123), fmt_seconds(2.5e-6, us_digits=2), fmt_seconds(None)
    ('12.3 ms', '2.50 us', '-')
    """
    if value is None:
        return "-"
    if value < 1e-3:
        return f"{value * 1e6:.{us_digits}f} us"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def fmt_rate(per_second: float) -> str:
    """Items per second, in M/s or k/s when large.

    >>> fmt_rate(12_345_678), fmt_rate(950)
    ('12.3 M/s', '950 /s')
    """
    for unit, scale in (("M", 1e6), ("k", 1e3)):
        if per_second >= scale:
            return f"{per_second / scale:,.1f} {unit}/s"
    return f"{per_second:,.0f} /s"


def fmt_n(n: int) -> str:
    """An input size, as a power of ten when it is one.

    >>> fmt_n(10_000), fmt_n(2_500)
    ('10^4', '2,500')
    """
    exp = math.log10(n) if n > 0 else 0.0
    return f"10^{exp:.0f}" if exp.is_integer() else f"{n:,}"


def median_best(samples: Sequence[float]) -> tuple[float, float]:
    """The median and the best (smallest) of timed runs, in that order."""
    return statistics.median(samples), min(samples)


# ------------------------------------------------------------------ tables --


def _widths(table: Sequence[Sequence[str]]) -> list[int]:
    return [max(len(r[i]) for r in table) for i in range(len(table[0]))]


def markdown(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A markdown table with padded columns."""
    table = [list(header), *(list(r) for r in rows)]
    widths = _widths(table)

    def line(cells: Sequence[str]) -> str:
        padded = (c.ljust(w) for c, w in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(table[0]), rule, *(line(r) for r in table[1:])])


def columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: columns two spaces apart, dashes under the header."""
    table = [list(header), *(list(r) for r in rows)]
    widths = _widths(table)
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True))
        for line in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ------------------------------------------------------------------- facts --


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def version(dist: str) -> str:
    """The installed version of a distribution, or ``not installed``."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def facts(versions: Sequence[str], extra: Mapping[str, str]) -> dict[str, Any]:
    """Versions and machine first, then ``extra`` (settings, load...), in order."""
    import servicecharter

    return {
        OURS: servicecharter.__version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        **{dist: version(dist) for dist in versions},
        "machine": f"{platform.machine()} {platform.system()}, {os.cpu_count()} CPUs",
        **extra,
    }


# ---------------------------------------------------------- options, output --


def argument_parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser described by the first line of a script's docstring."""
    return argparse.ArgumentParser(description=(doc or "").splitlines()[0])


def add_seed_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")


def add_json_option(parser: argparse.ArgumentParser, tables: str) -> None:
    """``--json [PATH]``: see `emit`. ``tables`` names what stdout then omits."""
    parser.add_argument(
        "--json",
        nargs="?",
        const="-",
        metavar="PATH",
        help=f"write JSON to PATH (stdout, without the {tables}, if no PATH)",
    )


def rows_argument(argv: Sequence[str], default: int) -> int:
    """The first argument that is not an option, as a count (``script.py [rows]``)."""
    counts = [a for a in argv if not a.startswith("--")]
    return int(counts[0]) if counts else default


def to_json(data: object) -> str:
    return json.dumps(data, indent=2)


def emit(json_option: str | None, text: str, data: object) -> None:
    """Print ``text``, and write ``data`` as JSON to the ``--json`` PATH if given.

    With ``--json`` alone (``-``), print only the JSON, for piping.
    """
    if json_option == "-":
        print(to_json(data))
        return
    print(text)
    if json_option:
        Path(json_option).write_text(to_json(data) + "\n", encoding="utf-8")
