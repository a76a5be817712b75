"""The measurement loop: every workload, ours then each peer, timed then compared."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from common import OURS, facts, fmt_seconds, load_average

from .agreement import compare_peer
from .inputs import Inputs
from .model import Missing
from .results import CheckReport, LibraryRun, Report
from .timing import run_sizes
from .workloads import workloads


def progress(started: float, text: str) -> None:
    print(
        f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr, flush=True
    )


def run_facts(args: argparse.Namespace) -> dict[str, Any]:
    peers = (
        "pandas",
        "businesstime",
        "businesstimedelta",
        "exchange_calendars",
        "pytz",
        "matplotlib",
    )
    settings = (
        f"sizes={','.join(map(str, args.sizes))} budget={args.budget:g} s "
        f"repeat={args.repeat} seed={args.seed}"
    )
    return facts(peers, {"settings": settings, "load average at start": load_average()})


def run(args: argparse.Namespace) -> Report:
    started = time.perf_counter()
    report = Report(facts=run_facts(args))
    inp = Inputs.make(max(args.sizes), args.seed)
    limits = {"budget": args.budget, "repeat": args.repeat}
    progress(started, f"inputs ready (n={max(args.sizes):,})")
    for w in workloads(inp, report.facts):
        report.titles[w.key] = w.title
        if w.random is not None:
            ours, _, _ = run_sizes(w.ours, w.random, w.key, args.sizes, **limits)
            report.runs.append(ours)
            progress(started, f"{w.key} / {OURS}: {summary(ours)}")
        for peer in w.peers:
            if isinstance(peer, Missing):
                if w.random is not None:
                    report.runs.append(
                        LibraryRun(w.key, peer.library, "-", note=peer.reason)
                    )
                report.checks.append(
                    CheckReport(w.key, peer.library, "-", error=peer.reason)
                )
                continue
            out, n = None, 0
            if w.random is not None:
                lib, out, n = run_sizes(
                    peer.impl, w.random, w.key, args.sizes, **limits
                )
                report.runs.append(lib)
                progress(started, f"{w.key} / {peer.impl.library}: {summary(lib)}")
            report.checks.append(compare_peer(w, peer, out, n))
            del out
    report.facts["run time"] = f"{time.perf_counter() - started:.0f} s"
    report.facts["load average at end"] = load_average()
    return report


def summary(run: LibraryRun) -> str:
    done = run.measured()
    if not done:
        return run.note or "nothing measured"
    last = done[-1]
    assert last.median is not None
    rate = last.n / last.median
    return f"n={last.n:,} median {fmt_seconds(last.median)}, {rate:,.0f}/s"
