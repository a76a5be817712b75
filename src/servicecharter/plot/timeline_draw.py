"""The drawing of ``plot_timeline``: matplotlib, imported when it is called."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .._core.convert import instant_us
from ..calendar import BusinessCalendar
from . import canvas as c
from .segments import Curve, Segment

__all__ = ["draw_timeline"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def draw_timeline(
    calendar: BusinessCalendar,
    segments: tuple[Segment, ...],
    curves: list[Curve],
    *,
    span: tuple[dt.datetime, dt.datetime],
    now: dt.datetime | None,
    ax: Axes | None,
    title: str | None,
) -> Figure:
    """Draw the segments' curves over ``span``, with closed spans shaded."""
    lo, hi = span
    figure, axes = c.canvas(ax, (8.0, 4.0))
    legend = _shade_closed(axes, calendar, lo, hi)
    for k, (segment, curve) in enumerate(zip(segments, curves, strict=True)):
        legend += _draw_segment(axes, calendar.tz, segment, curve, k)
    if now is not None:
        axes.axvline(c.when(now), color=c.INK, linewidth=1.0, linestyle="-.")
        legend.append(c.proxy("line", c.INK, "now", linestyle="-."))
    c.time_axis(axes, calendar.tz, lo, hi)
    top = max(float(c.as_hours(u.used_us.max())) for u in curves)
    levels = [c.as_hours(u.allowance_us) for u in curves if u.allowance_us is not None]
    c.hours_axis(axes, "business time used (h:mm)", max([top, *levels]))
    c.finish(figure, axes, title, own=ax is None, handles=_unique(legend))
    return figure


def _unique(handles: list[Any]) -> list[Any]:
    """One legend entry per label, in order of appearance."""
    seen: dict[str, Any] = {}
    for handle in handles:
        seen.setdefault(handle.get_label(), handle)
    return list(seen.values())


def _shade_closed(
    ax: Axes, calendar: BusinessCalendar, lo: dt.datetime, hi: dt.datetime
) -> list[Any]:
    opens, closes = calendar.opening_arrays(lo, hi)
    starts = np.r_[instant_us(lo), closes]
    ends = np.r_[opens, instant_us(hi)]
    keep = ends > starts
    spans = zip(c.instants(starts[keep]), c.instants(ends[keep]), strict=True)
    for begin, end in spans:
        ax.axvspan(float(begin), float(end), color=c.CLOSED, linewidth=0, zorder=0)
    return [c.proxy("patch", c.CLOSED, "closed")] if keep.any() else []


def _mark(ax: Axes, tz: dt.tzinfo, moment: dt.datetime, colour: str, row: int) -> None:
    """The wall-clock time of a vertical line, written at the top of the axes."""
    shown = moment.astimezone(tz)
    ax.annotate(
        f"{_DAYS[shown.weekday()]} {shown:%H:%M}",
        xy=(c.when(moment), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(3, -3 - 11 * row),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color=colour,
    )


def _draw_segment(
    ax: Axes, tz: dt.tzinfo, segment: Segment, curve: Curve, index: int
) -> list[Any]:
    colour = c.COLOURS[index % len(c.COLOURS)]
    name = segment.label or "business time used"
    legend = [c.proxy("line", colour, name, linewidth=2.0)]
    last = float(c.instants(curve.at_us[-1:])[0])
    for begin, end in segment.pauses:
        stop = last if end is None else min(c.when(end), last)
        ax.axvspan(
            c.when(begin), stop, color=c.PAUSED, alpha=0.45, linewidth=0, zorder=1
        )
        legend.append(c.proxy("patch", c.PAUSED, "paused", alpha=0.45))
    ax.plot(
        c.instants(curve.at_us),
        c.as_hours(curve.used_us),
        color=colour,
        linewidth=2.0,
        zorder=3,
    )
    row = 0
    if segment.deadline is not None and curve.allowance_us is not None:
        ax.axhline(
            c.as_hours(curve.allowance_us),
            color=colour,
            linewidth=0.8,
            linestyle=(0, (2, 2)),
            zorder=2,
        )
        ax.axvline(
            c.when(segment.deadline),
            color=colour,
            linewidth=1.5,
            linestyle="--",
            zorder=2,
        )
        _mark(ax, tz, segment.deadline, colour, index * 2)
        legend.append(
            c.proxy("line", c.INK, "allowance", linewidth=0.8, linestyle=(0, (2, 2)))
        )
        legend.append(
            c.proxy("line", c.INK, "deadline: latest on time", linestyle="--")
        )
        row = 1
    if segment.due_by is not None:
        ax.axvline(
            c.when(segment.due_by), color=colour, linewidth=1.5, linestyle=":", zorder=2
        )
        _mark(ax, tz, segment.due_by, colour, index * 2 + row)
        legend.append(
            c.proxy("line", c.INK, "due by: as shown to a customer", linestyle=":")
        )
    if segment.end is not None:
        verdict, ink = "answered", c.INK
        if segment.deadline is not None:
            late = instant_us(segment.end) > instant_us(segment.deadline)
            verdict, ink = ("late", c.LATE) if late else ("on time", c.MET)
        ax.plot(
            [c.when(segment.end)],
            [c.as_hours(curve.used_us[-1])],
            marker="o",
            markersize=7,
            linestyle="none",
            zorder=4,
            color=ink,
        )
        legend.append(c.proxy("marker", ink, verdict))
    return legend
