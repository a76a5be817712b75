"""The plot: time against input size, log-log, one panel per workload."""

from __future__ import annotations

import math
from pathlib import Path

from common import OURS, fmt_n

from .results import Report


def plot(report: Report, path: Path, budget: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = list(dict.fromkeys(r.workload for r in report.runs))
    cols = 3
    rows = math.ceil(len(keys) / cols)
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=(4.6 * cols, 3.9 * rows),
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    colours = {
        OURS: "C0",
        "pandas": "C1",
        "businesstimedelta": "C2",
        "businesstime": "C3",
        "exchange_calendars": "C4",
        "numpy": "C5",
    }
    for ax, key in zip(axes.flat, keys, strict=False):
        for run in (r for r in report.runs if r.workload == key):
            done = run.measured()
            if not done:
                continue
            xs = [t.n for t in done]
            ys = [t.best for t in done]
            label = run.library
            for t in run.timings:
                if t.median is None:
                    why = "error" if t.status.startswith("error") else "skipped: budget"
                    label += f" (n>={fmt_n(t.n)} {why})"
                    break
            ax.loglog(xs, ys, marker="o", color=colours.get(run.library), label=label)
            if run.library == OURS and ys[-1] is not None:
                guide = [ys[-1] * n / xs[-1] for n in xs]
                ax.loglog(
                    xs,
                    guide,
                    color="0.75",
                    linestyle=":",
                    linewidth=1,
                    label="proportional to n",
                )
        ax.set_title(report.titles.get(key, key), fontsize=8.5)
        ax.grid(True, which="major", linewidth=0.4)
        ax.legend(fontsize=6.5, loc="lower right")
    for ax in list(axes.flat)[len(keys) :]:
        ax.set_visible(False)
    fig.supxlabel("input size n (elements)")
    fig.supylabel("time for n elements (s), best run")
    fig.suptitle(
        f"{OURS} and peers: time against input size, one thread. A size whose time "
        f"would exceed the {budget:g} s budget is skipped, not extrapolated.",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)
