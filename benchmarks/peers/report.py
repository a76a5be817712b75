"""The tables printed at the end: throughput, scaling, agreement, disagreements."""

from __future__ import annotations

from collections.abc import Sequence

from common import OURS, fmt_n, fmt_rate, fmt_seconds, markdown

from .results import LibraryRun, Report
from .timing import skipped_words


def ours_run(report: Report, key: str) -> LibraryRun | None:
    return next(
        (r for r in report.runs if r.workload == key and r.library == OURS), None
    )


def throughput_table(report: Report) -> str:
    """Each library at the largest size it ran, and our speedup at that size.

    Every figure is a median of the same number of runs, for every library;
    the speedup is the peer's median over ours at the same size.
    """
    rows: list[list[str]] = []
    for run in report.runs:
        done = run.measured()
        if not done:
            rows.append([run.workload, run.library, "-", "-", "-", run.note or "-"])
            continue
        last = done[-1]
        assert last.median is not None
        cells = [run.workload, run.library, f"{last.n:,}", fmt_seconds(last.median)]
        cells.append(fmt_rate(last.n / last.median))
        ours = ours_run(report, run.workload)
        same = None if ours is None or run.library == OURS else ours.at(last.n)
        if same is None or same.median is None:
            rows.append([*cells, "-"])
            continue
        speedup = last.median / same.median
        rows.append(
            [*cells, f"{speedup:,.0f}x" if speedup >= 10 else f"{speedup:.1f}x"]
        )
    header = ["workload", "library", "largest n", "median", "per second", "speedup"]
    return markdown(header, rows)


def scaling_table(report: Report, sizes: Sequence[int]) -> str:
    """The median time of each library at each size; skipped sizes say why."""
    rows = []
    for run in report.runs:
        cells = []
        for n in sizes:
            t = next((x for x in run.timings if x.n == n), None)
            if t is None:
                cells.append(run.note or "-")
            elif t.median is not None:
                cells.append(fmt_seconds(t.median))
            else:
                cells.append(skipped_words(t))
        rows.append([f"{run.workload}: {run.library}", *cells])
    return markdown(["workload: library", *(f"n={fmt_n(n)}" for n in sizes)], rows)


def agreement_table(report: Report) -> str:
    rows = []
    for c in report.checks:
        random = f"{c.random_differ:,} of {c.random_n:,}" if c.random_n else "-"
        edge = f"{c.edge_differ:,} of {c.edge_n:,}" if c.edge_n else "-"
        rows.append([c.workload, c.library, c.semantics, random, edge, c.error])
    header = ["workload", "library", f"compared with {OURS}'s"]
    header += ["random: differ", "edge: differ", "error"]
    if not any(c.error for c in report.checks):
        header, rows = header[:-1], [r[:-1] for r in rows]
    return markdown(header, rows)


def differences(report: Report) -> str:
    lines = []
    for c in report.checks:
        for k in c.classes:
            lines.append(f"- {c.workload} / {c.library}: {k.count:,} x {k.cause}")
            lines += [f"    - {e}" for e in k.examples]
    lines.append("")
    lines.append("Conventions (our other boundary, for information):")
    for c in report.checks:
        if c.alternative:
            lines.append(f"- {c.workload} / {c.library}: {c.alternative[0]}")
            lines += [f"    - {e}" for e in c.alternative[1:]]
    return "\n".join(lines)


def render(report: Report, sizes: Sequence[int]) -> str:
    facts = [f"{k}: {v}" for k, v in report.facts.items()]
    return "\n\n".join(
        [
            "\n".join(facts),
            "Throughput (largest n each library ran, median of the runs):\n\n"
            + throughput_table(report),
            "Time for n elements, by size (median of the runs):\n\n"
            + scaling_table(report, sizes),
            "Agreement:\n\n" + agreement_table(report),
            "Disagreements by cause (examples):\n\n" + differences(report),
        ]
    )
