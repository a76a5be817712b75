"""The plot: time against input size, log-log, one panel per workload.

Drawn to be read at the width of a documentation page: two panels a row,
text at the size of the page's, every library with its own colour (the
Okabe-Ito palette, told apart in the common colour blindnesses) and its
own marker, on an opaque white background that stays readable on a dark
page. Each point is the median of the same number of runs for every
library, as in the tables; a size a library skipped is said in the words of
the tables, next to its last point, and never extrapolated.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

from common import OURS, fmt_n

from .results import LibraryRun, Report
from .timing import skipped_words

STYLE = {
    OURS: ("#0072B2", "o"),
    "pandas": ("#E69F00", "s"),
    "businesstimedelta": ("#009E73", "^"),
    "businesstime": ("#CC79A7", "D"),
    "exchange_calendars": ("#D55E00", "v"),
    "numpy": ("#56B4E9", "P"),
}


def _skipped(run: LibraryRun) -> str:
    """The first size not measured, as the tables say it."""
    for t in run.timings:
        if t.median is None:
            return f"from n={fmt_n(t.n)}: {skipped_words(t)}"
    return ""


def plot(report: Report, path: Path, budget: float, repeat: int) -> None:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from servicecharter.plot import METADATA, reproducible

    keys = list(dict.fromkeys(r.workload for r in report.runs))
    cols = 2
    rows = math.ceil(len(keys) / cols)
    with reproducible():
        fig = Figure(figsize=(8, 3.1 * rows + 1.3), layout="constrained")
        axes = fig.subplots(rows, cols, sharex=True, squeeze=False)
        seen: dict[str, Line2D] = {}
        for ax, key in zip(axes.flat, keys, strict=False):
            skips = []
            for run in (r for r in report.runs if r.workload == key):
                done = run.measured()
                if not done:
                    continue
                colour, marker = STYLE.get(run.library, ("#444444", "x"))
                xs = [t.n for t in done]
                ys = [t.median for t in done]
                (line,) = ax.loglog(
                    xs, ys, color=colour, marker=marker, markersize=6, linewidth=1.6
                )
                seen.setdefault(run.library, line)
                if note := _skipped(run):
                    skips.append(
                        Line2D([], [], color=colour, label=f"{run.library},\n{note}")
                    )
            # Below the curves, which rise to the right: the lower right.
            for k, line in enumerate(reversed(skips)):
                ax.text(
                    0.98,
                    0.03 + 0.13 * k,
                    line.get_label(),
                    transform=ax.transAxes,
                    ha="right",
                    va="bottom",
                    fontsize=8,
                    color=line.get_color(),
                    linespacing=1.1,
                )
            if skips:  # room for the notes under the lowest point
                low, high = ax.get_ylim()
                ax.set_ylim(low / 10 ** (0.55 * len(skips)), high)
            title = textwrap.fill(report.titles.get(key, key), 46)
            ax.set_title(title, loc="left", fontsize=9.5)
            ax.grid(True, which="major", linewidth=0.5, color="#cccccc")
            ax.set_axisbelow(True)
        for ax in list(axes.flat)[len(keys) :]:
            ax.set_visible(False)
        for ax in axes[-1]:
            ax.set_xlabel("input size n (elements)")
        fig.supylabel(f"time for n elements (s), median of {repeat} runs")
        fig.legend(
            list(seen.values()),
            list(seen),
            loc="outside lower center",
            ncols=3,
            frameon=False,
        )
        fig.suptitle(
            f"{OURS} and peers, one thread. A peer skips a size whose {repeat} runs "
            f"would take over {budget:g} s;\nskipped sizes are not extrapolated.",
            fontsize=10,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=150, facecolor="white", metadata=METADATA)
