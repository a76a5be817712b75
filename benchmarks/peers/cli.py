"""Run servicecharter and its installed peers on the same workloads; compare answers.

The command line of ``benchmarks/bench_peers.py``: options, the run, then the
plot and the tables or JSON.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from common import add_json_option, add_seed_option, argument_parser, emit

from .plot import plot
from .report import render
from .runner import run

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_PLOT = ROOT / "docs" / "img" / "peers.png"
DEFAULT_SIZES = (10**3, 10**4, 10**5, 10**6, 10**7)


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(float(s)) for s in text.split(",") if s.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected sizes like 1000,10000, got {text!r}"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argument_parser(__doc__)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated input sizes (default 1000,...,10000000)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=30.0,
        help="seconds: a peer skips a size whose runs, estimated from the "
        "previous size, would take longer than this in all (default 30)",
    )
    parser.add_argument("--plot", type=Path, default=DEFAULT_PLOT, help="PNG to write")
    add_json_option(parser, "tables")
    add_seed_option(parser)
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="timed runs of every library at every size; the median is "
        "reported (default 5)",
    )
    args = parser.parse_args(argv)
    if args.budget <= 0 or args.repeat < 1:
        parser.error("--budget must be positive and --repeat at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    try:
        plot(report, args.plot, args.budget, args.repeat)
        report.facts["plot"] = str(args.plot)
    except ImportError:
        report.facts["plot"] = "not written: matplotlib is not installed"
    emit(args.json, render(report, args.sizes), asdict(report))
    return 0
