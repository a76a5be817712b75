"""A request's cycles in words, for ``explain`` with events.

Each objective with a lifecycle is told as its cycles: when each started,
what paused it, when it stopped (or that it runs), the target that applied,
the business time used and paused, the open intervals that make them up
(used and paused together are the open time from the start to the stop, or
to ``now``), the deadline and the verdict, with the numbers ``evaluate``
gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..calendar import BusinessCalendar
from ..charter import Engagement
from .en_moments import business_words, short_duration
from .en_reasons import open_time

__all__ = ["cycle_lines"]

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _instant(value: Any) -> dt.datetime | None:
    if np.isnat(value):
        return None
    return _EPOCH + dt.timedelta(microseconds=int(value.view(np.int64)))


def _duration(value: Any) -> dt.timedelta:
    return dt.timedelta(microseconds=int(value.view(np.int64)))


def cycle_lines(
    engagement: Engagement,
    lines: dict[str, Any],
    at: Callable[[dt.datetime], str],
    events: Sequence[tuple[Any, ...]],
    *,
    calendar_of: Callable[[Any], BusinessCalendar],
    now: dt.datetime | None,
) -> list[str]:
    """The lines of words for each objective's cycles.

    ``calendar_of(target)`` is the calendar a target measures on; ``now``
    ends the cycles still running.
    """
    out = [f"events: {len(events)} given"]
    for index, objective in enumerate(engagement.objectives):
        oid = engagement.objective_ids()[index]
        mine = np.flatnonzero(lines["objective"] == index).tolist()
        out.append(
            f"objective {oid}: starts on {objective.start}, stops on {objective.stop}"
        )
        if objective.pause_while:
            shown = ", ".join(
                f"{k} in {list(v)}" for k, v in objective.pause_while.items()
            )
            out.append(f"  paused while {shown}")
        for k in mine:
            out.extend(
                _one_cycle(objective, lines, k, at, calendar_of=calendar_of, now=now)
            )
    return out


def _one_cycle(
    objective: Any,
    lines: dict[str, Any],
    k: int,
    at: Callable[[dt.datetime], str],
    *,
    calendar_of: Callable[[Any], BusinessCalendar],
    now: dt.datetime | None,
) -> list[str]:
    status = str(lines["status"][k])
    start = _instant(lines["start"][k])
    if status == "not_started" or start is None:
        return [f"  not started: no {objective.start} yet"]
    stop = _instant(lines["stop"][k])
    target = objective.all_targets[max(int(lines["target"][k]), 0)]
    deadline = _instant(lines["deadline"][k])
    ended = "still running" if stop is None else f"stopped {at(stop)}"
    text = [
        f"  cycle {int(lines['cycle'][k])}: started {at(start)}, {ended}",
        f"    target: {target.within}"
        + (f" on calendar {target.calendar}" if target.calendar else ""),
    ]
    if status == "invalid":
        text.append("    invalid: no target matches its state")
        return text
    used = business_words(_duration(lines["used"][k]))
    paused = _duration(lines["paused"][k])
    text.append(
        f"    business time used: {used}"
        + (f"; paused: {business_words(paused)}" if paused else "")
    )
    end = stop if stop is not None else now
    if end is not None and end > start:
        total, words = open_time(calendar_of(target), start, end)
        until = "its stop" if stop is not None else "now"
        text.append(
            f"    why: from its start to {until} the service is open "
            f"{short_duration(total)}"
            + (", used and paused together" if paused else "")
            + f": {words}"
        )
    if deadline is not None:
        text.append(f"    deadline: {at(deadline)}")
    text.append(f"    {status}")
    return text
