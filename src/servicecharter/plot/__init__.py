"""Pictures of a calendar and of compliance, drawn with matplotlib.

``plot_week`` draws a week of opening hours with its holidays and special
days; ``plot_timeline`` a request's business clock as a staircase, with its
deadline and pauses (one ``Segment`` per run of the clock: a request, or
each of its cycles); ``plot_attainment`` the attainment of each objective
by week. Each returns a matplotlib ``Figure``, which ``savefig`` writes to
a file, and takes ``ax=`` to draw into a figure of your own.

matplotlib is an optional dependency (``pip install 'servicecharter[plot]'``):
importing this module does not import it; the functions do, when called.
"""

from __future__ import annotations

from .attainment import attainment_by_week, plot_attainment
from .segments import Curve, Segment, clock_curve, request_segments
from .style import METADATA, reproducible
from .timeline import plot_timeline
from .week import DayPlan, plot_week, week_plan

__all__ = [
    "METADATA",
    "Curve",
    "DayPlan",
    "Segment",
    "attainment_by_week",
    "clock_curve",
    "plot_attainment",
    "plot_timeline",
    "plot_week",
    "reproducible",
    "request_segments",
    "week_plan",
]
