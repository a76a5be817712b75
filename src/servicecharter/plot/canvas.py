"""What the plots share: a figure to draw on, colours, markers and time axes.

This module imports matplotlib, so the plot functions import it only when
they are called: importing ``servicecharter.plot`` costs nothing. Figures
are made with ``matplotlib.figure.Figure``, not ``pyplot``: no global state
and no display needed, and ``figure.savefig(path)`` works anywhere.

The colours are the Okabe-Ito palette, told apart with the common forms of
colour blindness; every series also has its own marker or line style, so a
figure reads in grey too. Backgrounds are opaque white, so a figure stays
readable on a dark page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import matplotlib.dates as _dates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MultipleLocator

from .._core.units import EPOCH, HOUR_US, I64
from .._errors import InvalidArgumentError

__all__ = [
    "CLOSED",
    "COLOURS",
    "INK",
    "LATE",
    "MARKERS",
    "MET",
    "PAUSED",
    "as_hours",
    "canvas",
    "finish",
    "hours_axis",
    "instants",
    "proxy",
    "time_axis",
    "when",
]

mdates: Any = _dates  # matplotlib.dates has no type annotations

COLOURS = ("#0072B2", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#D55E00")
MARKERS = ("o", "s", "^", "D", "v", "P")
MET = "#009E73"
LATE = "#D55E00"
INK = "#222222"
CLOSED = "#ececec"
PAUSED = "#F0E442"


def canvas(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    """A new white figure with one set of axes, or the figure of ``ax``."""
    if ax is not None:
        given: object = ax  # any type may come in
        figure = ax.get_figure(root=True) if isinstance(given, Axes) else None
        if not isinstance(figure, Figure):
            raise InvalidArgumentError(
                f"ax must be matplotlib Axes of a Figure (or None), got {ax!r}"
            )
        return figure, ax
    figure = Figure(figsize=size, layout="constrained", facecolor="white")
    return figure, figure.add_subplot(facecolor="white")


def instants(us: I64) -> Any:
    """UTC microseconds as matplotlib's date numbers (days since its epoch)."""
    return mdates.date2num([EPOCH + dt.timedelta(microseconds=v) for v in us.tolist()])


def when(moment: dt.datetime) -> float:
    """An aware datetime as a matplotlib date number."""
    return float(mdates.date2num(moment))


def _locator(span: dt.timedelta, tz: dt.tzinfo) -> tuple[Any, str]:
    hours = span / dt.timedelta(hours=1)
    if hours <= 14:
        return mdates.HourLocator(tz=tz), "%H:%M"
    if hours <= 36:
        return mdates.HourLocator(byhour=range(0, 24, 3), tz=tz), "%a %H:%M"
    if hours <= 5 * 24:
        return mdates.HourLocator(byhour=(0, 12), tz=tz), "%a %H:%M"
    if hours <= 16 * 24:
        return mdates.DayLocator(tz=tz), "%a %d"
    return mdates.AutoDateLocator(tz=tz), "%d %b"


def time_axis(ax: Axes, tz: dt.tzinfo, lo: dt.datetime, hi: dt.datetime) -> None:
    """An x axis of real time, labelled with the wall clock of ``tz``."""
    locator, fmt = _locator(hi - lo, tz)
    ax.set_xlim(when(lo), when(hi))
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt, tz=tz))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")


_STEPS_H = (0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 24.0, 48.0, 96.0)


def hours_axis(ax: Axes, label: str, top: float) -> None:
    """A y axis of business time from 0 to ``top`` hours, ticks in h:mm."""

    def show(value: float, _position: Any) -> str:
        minutes = round(value * 60)
        return f"{minutes // 60}:{minutes % 60:02d}"

    top = max(top, 0.25) * 1.15  # room above the highest point for markers
    step = next((s for s in _STEPS_H if top / s <= 7), _STEPS_H[-1])
    ax.set_ylim(0, top)
    ax.yaxis.set_major_locator(MultipleLocator(step))
    ax.yaxis.set_major_formatter(FuncFormatter(show))
    ax.set_ylabel(label)


def proxy(kind: str, colour: str, label: str, **style: Any) -> Any:
    """A legend entry: a ``"line"``, a ``"marker"`` or a ``"patch"``."""
    if kind == "patch":
        return Patch(color=colour, label=label, linewidth=0, **style)
    if kind == "marker":
        return Line2D(
            [],
            [],
            color=colour,
            marker="o",
            markersize=7,
            linestyle="none",
            label=label,
        )
    return Line2D([], [], color=colour, label=label, **({"linewidth": 1.5} | style))


def as_hours(us: I64 | int) -> Any:
    """Microseconds as hours, for a y axis."""
    return us / HOUR_US


def finish(
    figure: Figure,
    ax: Axes,
    title: str | None,
    *,
    own: bool,
    handles: list[Any] | None = None,
    columns: int = 3,
) -> None:
    """Title, grid and legend; the legend under the axes on a figure of our own."""
    if title:
        ax.set_title(title, loc="left")
    ax.grid(True, color="#cccccc", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if handles is None:
        handles, _ = ax.get_legend_handles_labels()
    if not handles:
        return
    if own:
        figure.legend(
            handles=handles, loc="outside lower center", ncols=columns, frameon=False
        )
    else:
        ax.legend(handles=handles, loc="best", frameon=False)
