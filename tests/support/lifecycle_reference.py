"""A brute-force reference of request lifecycles, minute by minute.

Independent of the engine: each request's rows are replayed one by one with
the contract's rules (docs/lifecycles.md), cycles opened and closed by a
plain state machine, and business time counted minute by minute, a minute
open when the calendar is open at its start and paused when a pause state
(or, with ``resume``, the stop state) holds after every row up to it, or
when the minute lies in a spell of the pauses table. Only
instants on whole minutes, with calendars whose changes fall on whole
minutes, are meant for it. The rule's deadline from the start and the
calendar's ``add`` are taken from the library: they are not under test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from servicecharter import BusinessCalendar, Objective
from servicecharter.charter.lifecycle import Condition, State

MINUTE_US = 60_000_000


@attrs.frozen
class Row:
    """One row of a request's life: an instant in microseconds, a name, a value."""

    at: int
    name: str
    value: str = ""


@attrs.frozen
class Line:
    """What the reference says of one cycle."""

    start: int
    stop: int | None
    target: int | None
    used: int = 0
    paused: int = 0
    deadline: int | None = None
    status: str = ""


def _holds(state: State, fields: Mapping[str, str | None]) -> bool:
    return any(fields.get(f) in values for f, values in state.items())


def _states(
    rows: Sequence[Row], attributes: Mapping[str, str | None], watched: set[str]
) -> list[dict[str, str | None]]:
    """The fields after each row (a row naming a field sets it)."""
    fields = {f: attributes.get(f) for f in watched}
    out = []
    for row in rows:
        if row.name in watched:
            fields[row.name] = row.value or None
        out.append(dict(fields))
    return out


def _happens(
    condition: Condition, row: Row, now: dict[str, Any], before: dict[str, Any] | None
) -> bool:
    if condition.event is not None:
        return row.name == condition.event
    was = before is not None and _holds(condition.state, before)
    return _holds(condition.state, now) and not was


def replay(
    objective: Objective, rows: Sequence[Row], attributes: Mapping[str, str | None]
) -> list[tuple[int, int | None]]:
    """The cycles as (start row, stop row or None), row by row."""
    watched = set(attributes) | {r.name for r in rows}
    states = _states(rows, attributes, watched)
    stop_state = objective.stop.state if objective.stop.event is None else None
    resume = stop_state is not None and objective.reopen in (None, "resume")
    cycles: list[list[Any]] = []
    running = False
    seen_start = False
    last_entry = None
    for i, row in enumerate(rows):
        now, before = states[i], (states[i - 1] if i else None)
        starts = _happens(objective.start, row, now, before)
        holding = stop_state is not None and _holds(stop_state, now)
        held = (
            stop_state is not None and before is not None and _holds(stop_state, before)
        )
        if resume:
            if holding and not held:
                last_entry = i
            if starts and not cycles:
                cycles.append([i, None])
            continue
        entry = (
            holding and not held
            if stop_state is not None
            else row.name == objective.stop.event
        )
        if entry and running:
            cycles[-1][1] = i
            running = False
        if (
            objective.reopen == "new_cycle"
            and held
            and not holding
            and seen_start
            and not running
        ):
            cycles.append([i, None])
            running = True
        if starts:
            if (objective.cycles == "every" or not seen_start) and not running:
                cycles.append([i, None])
                running = True
                if holding:
                    cycles[-1][1] = i
                    running = False
            seen_start = True
    if resume and cycles:
        final = states[-1]
        if _holds(stop_state, final):  # type: ignore[arg-type]
            entry_row = last_entry if last_entry is not None else cycles[0][0]
            cycles[0][1] = max(entry_row, cycles[0][0])
    return [(a, b) for a, b in cycles]


def _settled(rows: Sequence[Row], i: int) -> int:
    """The last row at the same instant as row ``i``."""
    while i + 1 < len(rows) and rows[i + 1].at == rows[i].at:
        i += 1
    return i


def measure(
    objective: Objective,
    rows: Sequence[Row],
    attributes: Mapping[str, str | None],
    *,
    calendars: Mapping[str | None, BusinessCalendar],
    now_us: int,
    pauses: Sequence[tuple[int, int]] = (),
) -> list[Line]:
    """Every cycle of ``objective`` over ``rows`` (received first), measured.

    ``pauses`` are the request's spells of the pauses table, ``[start, end)``
    inside its life (a pausable engagement): the clock stops in them too.
    """
    watched = set(attributes) | {r.name for r in rows}
    states = _states(rows, attributes, watched)
    out = []
    for start_row, stop_row in replay(objective, rows, attributes):
        if objective.retarget == "start":
            read = _settled(rows, start_row)
        else:
            read = _settled(rows, stop_row) if stop_row is not None else len(rows) - 1
        target = next(
            (
                j
                for j, t in enumerate(objective.all_targets)
                if not t.when or _holds(t.when, states[read])
            ),
            None,
        )
        start = rows[start_row].at
        stop = rows[stop_row].at if stop_row is not None else None
        if target is None:
            out.append(Line(start, stop, None))
            continue
        chosen = objective.all_targets[target]
        calendar = calendars[chosen.calendar]
        end = stop if stop is not None else now_us
        minutes = np.arange(start, max(end, start), MINUTE_US, dtype=np.int64)
        is_open = (
            calendar.is_open(minutes.view("datetime64[us]"))
            if len(minutes)
            else np.zeros(0, bool)
        )
        pause = np.zeros(len(minutes), dtype=bool)
        stop_state = objective.stop.state if objective.stop.event is None else None
        resume = stop_state is not None and objective.reopen in (None, "resume")
        for k, m in enumerate(minutes.tolist()):
            j = max(i for i, r in enumerate(rows) if r.at <= m)
            fields = states[j]
            pause[k] = bool(objective.pause_while) and _holds(
                objective.pause_while, fields
            )
            if resume:
                pause[k] |= _holds(stop_state, fields)  # type: ignore[arg-type]
            pause[k] |= any(a <= m < b for a, b in pauses)
        paused = int((is_open & pause).sum()) * MINUTE_US
        used = int((is_open & ~pause).sum()) * MINUTE_US
        utc = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        first = chosen.within.deadline(calendar, utc + dt.timedelta(microseconds=start))
        if paused:
            first = calendar.add(first, dt.timedelta(microseconds=paused))
        deadline = (first - utc) // dt.timedelta(microseconds=1)
        if stop is not None:
            status = "met" if stop <= deadline else "breached"
        else:
            status = "open" if now_us <= deadline else "overdue"
        out.append(Line(start, stop, target, used, paused, deadline, status))
    return out
