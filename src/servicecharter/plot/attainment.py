"""Attainment by week: the share of answered requests on time, per objective.

``attainment_by_week`` counts, for each engagement objective and each week
(from Monday, on the wall clock of a zone), the requests received that week
and answered, and those answered on time, as ``evaluate`` judged them; open
and invalid lines do not count, as in ``Evaluation.summary``.
``plot_attainment`` draws one line per objective, with its target share.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from .._core.units import DAY_US
from .._core.zone import to_zone, utc_to_local
from .._errors import InvalidArgumentError
from ..compliance import Evaluation
from .style import require_matplotlib
from .week import MONTHS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["attainment_by_week", "plot_attainment"]


def _chosen(
    evaluation: Evaluation, engagements: str | Iterable[str] | None
) -> list[int]:
    if not isinstance(evaluation, Evaluation):
        raise InvalidArgumentError(
            f"expected the Evaluation that evaluate() returns, got {evaluation!r}"
        )
    summary = evaluation.summary
    if engagements is None:
        return list(range(len(summary)))
    given: object = engagements  # any type may come in
    if isinstance(given, str):
        wanted = {given}
    elif isinstance(given, Iterable) and not isinstance(given, bytes):
        wanted = set(given)
    else:
        raise InvalidArgumentError(
            "engagement must be an engagement id or a list of them, "
            f"got {engagements!r}"
        )
    known = {s["engagement"] for s in summary}
    if not wanted <= known:
        raise InvalidArgumentError(
            f"no objective of engagement {sorted(wanted - known)!r} in the "
            f"evaluation; its engagements are {sorted(known)!r}"
        )
    return [k for k, s in enumerate(summary) if s["engagement"] in wanted]


def attainment_by_week(
    evaluation: Evaluation,
    *,
    tz: str | ZoneInfo = "UTC",
    engagement: str | Iterable[str] | None = None,
) -> dict[str, npt.NDArray[Any]]:
    """Met and answered requests per objective and week of receipt, as columns.

    Columns, sorted by objective (summary order) then week: ``engagement``,
    ``objective``, ``week`` (the Monday, ``datetime64[D]``, in ``tz``),
    ``met``, ``answered`` (met + breached) and ``attainment`` (met / answered).

    >>> import numpy as np
    >>> from servicecharter import evaluate, examples
    >>> result = evaluate(
    ...     examples.load("technical-support"),
    ...     {
    ...         "engagement": ["anomalies"] * 3,
    ...         "received_at": np.array(
    ...             ["2026-03-27T08:00", "2026-03-27T09:00", "2026-03-30T08:00"],
    ...             "M8[us]",
    ...         ),
    ...         "responded_at": np.array(
    ...             ["2026-03-27T09:00", "2026-03-30T15:00", "2026-03-30T09:00"],
    ...             "M8[us]",
    ...         ),
    ...     },
    ...     now=np.datetime64("2026-04-01T00:00"),
    ... )
    >>> weeks = attainment_by_week(result, tz="Europe/Paris", engagement="anomalies")
    >>> weeks["week"].tolist(), weeks["met"].tolist(), weeks["answered"].tolist()
    ([datetime.date(2026, 3, 23), datetime.date(2026, 3, 30)], [1, 1], [2, 1])
    """
    chosen = _chosen(evaluation, engagement)
    lines, summary = evaluation.requests, evaluation.summary
    codes = np.full(len(lines["row"]), -1, dtype=np.int64)
    for k in chosen:  # one turn per objective
        same = (lines["engagement"] == summary[k]["engagement"]) & (
            lines["objective"] == summary[k]["objective"]
        )
        codes[same] = k
    met = lines["status"] == "met"
    judged = (met | (lines["status"] == "breached")) & (codes >= 0)
    received = lines["received"][judged].astype("datetime64[us]").view(np.int64)
    days = utc_to_local(received, to_zone(tz)) // DAY_US
    monday = days - (days + 3) % 7  # 1970-01-01 was a Thursday
    first = int(monday.min()) if monday.size else 0
    keys, group = np.unique(
        codes[judged] * 1_000_000 + (monday - first), return_inverse=True
    )
    objective = keys // 1_000_000
    return {
        "engagement": np.array([summary[k]["engagement"] for k in objective.tolist()]),
        "objective": np.array([summary[k]["objective"] for k in objective.tolist()]),
        "week": (keys % 1_000_000 + first).astype("datetime64[D]"),
        "met": np.bincount(group, weights=met[judged], minlength=keys.size).astype(int),
        "answered": np.bincount(group, minlength=keys.size),
        "attainment": np.bincount(group, weights=met[judged], minlength=keys.size)
        / np.maximum(np.bincount(group, minlength=keys.size), 1),
    }


def plot_attainment(
    evaluation: Evaluation,
    *,
    tz: str | ZoneInfo = "UTC",
    engagement: str | Iterable[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Figure:
    """Draw attainment by week of receipt, one line per objective, with its target.

    Args:
        evaluation: what ``evaluate`` returned.
        tz: the zone whose weeks (from Monday 00:00) group the requests.
        engagement: an engagement id, or several, to draw; default all.
        ax: matplotlib axes to draw on; by default a new figure.
        title: a title above the axes.

    Returns:
        The matplotlib ``Figure`` (``figure.savefig("attainment.png")``).
        A week with no answered request is a gap in its line; an objective
        with none at all is left out.

    >>> import numpy as np
    >>> from servicecharter import evaluate, examples
    >>> from servicecharter.plot import plot_attainment
    >>> result = evaluate(
    ...     examples.load("technical-support"),
    ...     {
    ...         "engagement": ["anomalies"],
    ...         "received_at": np.array(["2026-03-27"], "M8[us]"),
    ...     },
    ...     now=np.datetime64("2026-04-01"),
    ... )
    >>> plot_attainment(result).axes[0].get_ylabel()
    'attainment (met / answered)'
    """
    require_matplotlib()
    from matplotlib.ticker import PercentFormatter

    from . import canvas as c

    weeks = attainment_by_week(evaluation, tz=tz, engagement=engagement)
    figure, axes = c.canvas(ax, (8.0, 4.0))
    span = np.unique(weeks["week"])
    if span.size:
        span = np.arange(span.min(), span.max() + np.timedelta64(1, "D"), 7)
    drawn = 0
    for k in _chosen(evaluation, engagement):  # one turn per objective
        line = evaluation.summary[k]
        mine = (weeks["engagement"] == line["engagement"]) & (
            weeks["objective"] == line["objective"]
        )
        if not mine.any():
            continue  # nothing answered: nothing to draw
        n, drawn = drawn, drawn + 1
        values = np.full(span.size, np.nan)
        values[np.searchsorted(span, weeks["week"][mine])] = weeks["attainment"][mine]
        colour = c.COLOURS[n % len(c.COLOURS)]
        label = f"{line['engagement']}, {line['rule']}: {line['share']:.0%}"
        axes.plot(
            span.tolist(),
            values * 100,
            color=colour,
            linewidth=1.8,
            marker=c.MARKERS[n % len(c.MARKERS)],
            label=label,
        )
        axes.axhline(
            line["share"] * 100,
            color=colour,
            linewidth=1.0,
            linestyle=(0, (4, 2 + n)),
            zorder=1,
        )
    axes.set_ylim(-2, 105)
    axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    axes.set_ylabel("attainment (met / answered)")
    axes.set_xlabel(f"week of receipt, from Monday ({to_zone(tz)})")
    if span.size:
        axes.set_xticks(
            span.tolist(), [f"{d.day} {MONTHS[d.month - 1]}" for d in span.tolist()]
        )
    c.finish(figure, axes, title, own=ax is None, columns=2)
    if figure.legends:
        figure.legends[-1].set_title("objective: target share")
    return figure
