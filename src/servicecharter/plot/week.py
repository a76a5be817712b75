"""``plot_week``: a week of opening hours as a grid, with its exceptions marked.

One column per day from Monday, the wall-clock time of day down the side
(00:00 at the top), the open ranges as bars labelled with their times.
A day whose hours are not the weekly ones says why: a public holiday, a
closure, a special day or an annual day (the first that applies, as in
``OpeningHours.ranges_on``). A range past midnight shows on both dates, as
a reader of the grid expects; the times are the calendar's wall clock.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import numpy as np

from .._core.units import DAY_US, EPOCH, HOUR_US, day_number
from .._core.zone import utc_to_local
from .._errors import InvalidArgumentError
from ..calendar import BusinessCalendar
from ..hours import OpeningHours
from .style import require_matplotlib

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["MONTHS", "DayPlan", "plot_week", "week_plan"]

_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = tuple(name[:3] for name in _LONG)


@attrs.frozen
class DayPlan:
    """One day of the grid: its date, why its hours differ, its open pieces."""

    day: dt.date
    kind: str
    """"" for the weekly hours, else "public holiday", "closed", "special
    hours" or "annual hours"."""
    pieces: tuple[tuple[float, float], ...]
    """Open (start, end) wall-clock hours of the date, from 0 to 24."""


def _calendar(value: BusinessCalendar | OpeningHours) -> BusinessCalendar:
    if isinstance(value, BusinessCalendar):
        return value
    if isinstance(value, OpeningHours):
        return BusinessCalendar(value)
    raise InvalidArgumentError(
        "expected a BusinessCalendar or OpeningHours, got "
        f"{type(value).__name__}; build one with OpeningHours.parse(...)"
    )


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _kind(hours: object, day: dt.date, holidays: frozenset[dt.date]) -> str:
    # A combined calendar marks no days: its dates are its operands'.
    if not isinstance(hours, OpeningHours):
        return ""
    if day in hours.closures:
        return "closed"
    if any(s.date == day for s in hours.special_days):
        return "special hours"
    if any((a.month, a.day) == (day.month, day.day) for a in hours.annual_days):
        return "annual hours"
    return "public holiday" if day in holidays else ""


def week_plan(
    calendar: BusinessCalendar | OpeningHours, week: dt.date
) -> list[DayPlan]:
    """The seven days, from Monday, of the week that holds ``week``.

    >>> hours = OpeningHours.parse("Mo-Fr 09:00-17:00; PH off", tz="UTC", holidays="FR")
    >>> easter = week_plan(hours, dt.date(2026, 4, 8))
    >>> easter[0].day, easter[0].kind, easter[1].pieces
    (datetime.date(2026, 4, 6), 'public holiday', ((9.0, 17.0),))
    """
    if not _is_date(week):
        raise InvalidArgumentError(
            f"week must be a date, such as datetime.date(2026, 4, 6), got {week!r}"
        )
    cal = _calendar(calendar)
    monday = week - dt.timedelta(days=week.weekday())
    first = day_number(monday)
    midnights = cal.kernel.day_start(np.arange(first, first + 8, dtype=np.int64))
    opens, closes = cal.opening_arrays(
        EPOCH + dt.timedelta(microseconds=int(midnights[0])),
        EPOCH + dt.timedelta(microseconds=int(midnights[-1])),
    )
    hours = cal.hours
    holidays = (
        hours.holiday_dates(monday.year, (monday + dt.timedelta(days=6)).year)
        if isinstance(hours, OpeningHours)
        else frozenset()
    )
    plans = []
    for i in range(7):  # one turn per day of the grid
        lo = np.maximum(opens, midnights[i])
        hi = np.minimum(closes, midnights[i + 1])
        keep = hi > lo
        base = (first + i) * DAY_US  # the local midnight, as wall-clock us
        starts = (utc_to_local(lo[keep], hours.tz) - base) / HOUR_US
        ends = (utc_to_local(hi[keep], hours.tz) - base) / HOUR_US
        ends[hi[keep] == midnights[i + 1]] = 24.0  # up to the next midnight
        day = monday + dt.timedelta(days=i)
        pieces = tuple(zip(starts.tolist(), ends.tolist(), strict=True))
        plans.append(DayPlan(day, _kind(hours, day, holidays), pieces))
    return plans


def _clock(hours: float) -> str:
    minutes = round(hours * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def plot_week(
    calendar: BusinessCalendar | OpeningHours,
    week: dt.date,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Draw the opening hours of one week, Monday to Sunday, with its exceptions.

    Args:
        calendar: a ``BusinessCalendar`` or the ``OpeningHours`` to draw.
        week: any date of the week to draw.
        ax: matplotlib axes to draw on; by default a new figure.
        title: a title above the grid; by default the week and the zone.

    Returns:
        The matplotlib ``Figure`` (``figure.savefig("week.png")``).

    >>> from servicecharter.plot import plot_week
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    ... )
    >>> figure = plot_week(hours, dt.date(2026, 4, 6))
    >>> figure.axes[0].get_title(loc="left")
    'Week of Monday 6 April 2026, Europe/Paris'
    """
    require_matplotlib()
    from matplotlib.patches import Patch

    from . import canvas as c

    plans = week_plan(calendar, week)
    zone = str(_calendar(calendar).tz)
    figure, axes = c.canvas(ax, (8.0, 4.5))
    regular, special = c.COLOURS[0], c.COLOURS[1]
    for i, plan in enumerate(plans):
        if plan.kind in ("public holiday", "closed"):
            axes.axvspan(
                i - 0.45,
                i + 0.45,
                facecolor="none",
                edgecolor="#999999",
                hatch="//",
                linewidth=0,
                zorder=0,
            )
        colour = special if plan.kind in ("special hours", "annual hours") else regular
        for start, end in plan.pieces:
            axes.bar(i, end - start, bottom=start, width=0.8, color=colour, zorder=2)
            if end - start >= 1.5:
                axes.text(
                    i,
                    (start + end) / 2,
                    f"{_clock(start)}\n{_clock(end)}",
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=8,
                    zorder=3,
                )
        if plan.kind:
            axes.text(
                i,
                0.4,
                plan.kind.replace(" ", "\n"),
                ha="center",
                va="top",
                fontsize=8,
                style="italic",
                color=c.INK,
                zorder=3,
            )
    axes.set_xticks(
        range(7),
        [
            f"{_NAMES[p.day.weekday()]}\n{p.day.day} {MONTHS[p.day.month - 1]}"
            for p in plans
        ],
    )
    axes.set_xlim(-0.5, 6.5)
    axes.set_ylim(24, 0)
    axes.set_yticks(range(0, 25, 3), [f"{h:02d}:00" for h in range(0, 25, 3)])
    axes.set_ylabel(f"time of day ({zone})")
    kinds = {p.kind for p in plans}
    handles = [Patch(color=regular, label="open, weekly hours")]
    if kinds & {"special hours", "annual hours"}:
        handles.append(Patch(color=special, label="open, hours of that date"))
    if kinds & {"public holiday", "closed"}:
        handles.append(
            Patch(
                facecolor="none",
                edgecolor="#999999",
                hatch="//",
                label="public holiday or closure",
            )
        )
    monday = plans[0].day
    month = _LONG[monday.month - 1]  # English whatever the locale
    default = f"Week of Monday {monday.day} {month} {monday.year}, {zone}"
    c.finish(
        figure,
        axes,
        default if title is None else title,
        own=ax is None,
        handles=handles,
    )
    axes.grid(False, axis="x")
    return figure
