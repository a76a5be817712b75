"""The lines and summary of ``evaluate``: every objective over the stream.

One stream for all live requests, then one loop turn per objective (its
cycles and targets) and, inside, one per (target, calendar) group. A
request whose objective never starts has one ``not_started`` line; a cycle
that no target matches is an ``invalid`` line with its reason.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from .._core.units import I64
from ..charter import Engagement
from .compute import (
    INVALID,
    NOT_STARTED,
    OPEN,
    STATUSES,
    UNMEASURED,
    Lines,
)
from .conditions import condition_names, condition_values, no_target_reason
from .cycles import Cycles, derive_cycles
from .events import Events
from .input import Columns
from .lines import (
    compute_cycles,
    cycle_instants,
    empty_out,
    layout_lines,
    stream_paused,
    target_calendar,
    targets_of,
)
from .lines_summary import JudgedTimes, summarize_lines
from .ordering import by_group
from .pauses import Pauses
from .plain import grouped, plain_lines
from .stream import Stream, build_stream

__all__ = ["OPEN_FLAGS", "compute_lines"]

OPEN_FLAGS = "_open"
"""The key of the lines' open flags, which ``evaluate`` takes out."""


def compute_lines(
    charter: Any,
    *,
    received: I64,
    responded: I64,
    chosen: I64,
    bad: npt.NDArray[np.bool_],
    now_us: int,
    zones: I64,
    specs: list[tuple[str | None, str | None]],
    pauses: Pauses,
    events: Events,
    columns: Columns,
    reasons: dict[int, list[str]],
) -> tuple[Lines, list[dict[str, Any]]]:
    """Columns of the request x objective x cycle lines, and the summary.

    ``chosen`` is the engagement index of each row (-1: none), ``bad`` the
    rows reported as problems: one ``invalid`` line per objective, no
    numbers. Reasons for lines no target matches go to ``reasons``.
    """
    engagements: tuple[Engagement, ...] = charter.engagements
    counts = np.array([len(e.objectives) for e in engagements] + [0])
    per_row = counts[chosen]
    most = int(counts.max(initial=0))
    live = ~bad & (per_row > 0)
    simple = [all(not o.has_lifecycle for o in e.objectives) for e in engagements]
    streamed = live & ~np.array([*simple, True])[chosen]
    measured = tuple(
        e for e, plain in zip(engagements, simple, strict=True) if not plain
    )
    _, fields = condition_names(measured)
    stream = build_stream(
        live=streamed,
        received=received,
        responded=responded,
        events=events,
        pauses=pauses,
        columns=columns,
        fields=sorted(fields),
        values=condition_values(measured),
    )
    widths = None  # one cycle per objective, unless an objective has cycles
    found = []
    for e, engagement in enumerate(engagements):
        if simple[e]:
            continue
        if widths is None:
            widths = (np.arange(max(most, 1)) < per_row[:, None]).astype(np.int64)
        inside = chosen[stream.row] == e
        for k, objective in enumerate(engagement.objectives):
            cycles = derive_cycles(stream, objective, inside, engagement.pausable)
            np.maximum.at(widths[:, k], cycles.row, cycles.number + 1)
            found.append((e, k, cycles))
    layout = layout_lines(per_row, widths, most)
    # Until computed, a line is its row's: invalid on a bad row, not started
    # on a live one, else unmeasured (a row without objectives).
    row_status = np.full(len(chosen), UNMEASURED, dtype=np.int8)
    row_status[live] = NOT_STARTED
    row_status[bad] = INVALID
    status = row_status.take(layout.row)
    out = empty_out(status)
    plain = live & np.array([*simple, False])[chosen]
    offsets = np.zeros(len(engagements) + 1, dtype=np.int64)
    np.cumsum(counts[:-1], out=offsets[1:])  # each engagement's first slot
    times = JudgedTimes(int(offsets[-1]))
    rows_of = grouped(np.flatnonzero(plain), chosen, len(engagements))
    pauses_of = grouped(
        np.flatnonzero(plain[pauses.row]), chosen[pauses.row], len(engagements)
    )
    for e, engagement in enumerate(engagements):
        if simple[e]:
            plain_lines(
                charter,
                out,
                engagement,
                rows_of(e),
                slot=int(offsets[e]),
                times=times,
                layout=layout,
                received=received,
                responded=responded,
                pauses=pauses,
                mine=pauses_of(e),
                zones=zones,
                specs=specs,
                now_us=now_us,
            )
    for e, k, cycles in found:
        _cycled(
            charter,
            out,
            engagements[e],
            k,
            cycles,
            times=times,
            slot=int(offsets[e]) + k,
            stream=stream,
            layout=layout,
            zones=zones,
            specs=specs,
            now_us=now_us,
            reasons=reasons,
        )
    row = layout.row
    # Each line's (engagement, objective) slot; -1 for a row's lone line,
    # whose objective is -1: its row's first slot is taken as 0.
    owner = chosen.take(row)  # each line's engagement (-1: none), read once
    first_slot = np.append(np.where(counts[:-1] > 0, offsets[:-1], 0), 0)
    slot = first_slot[owner]
    slot += layout.objective
    summary = summarize_lines(
        engagements,
        chosen=chosen,
        status=status,
        slot=slot,
        offsets=offsets,
        times=times,
    )
    ids = np.array(
        [i for e in engagements for i in e.objective_ids()] + [""], dtype=object
    )
    engagement_names = np.array([e.id for e in engagements] + [""], dtype=object)
    lines_out: Lines = {
        "row": row,
        "engagement": engagement_names[owner],
        "objective": layout.objective,
        "received": received[row].view("datetime64[us]"),
        "responded": responded[row].view("datetime64[us]"),
        "deadline": out["deadline"].view("datetime64[us]"),
        "used": out["used"].view("timedelta64[us]"),
        "paused": out["paused"].view("timedelta64[us]"),
        "remaining": out["remaining"].view("timedelta64[us]"),
        "share_used": out["share"],
        "status": np.array(STATUSES, dtype=object)[status],
        "objective_id": ids[slot],
        "target": out["target"],
        "cycle": layout.cycle,
        "start": out["start"].view("datetime64[us]"),
        "stop": out["stop"].view("datetime64[us]"),
        "due": out["due"].view("datetime64[us]"),
        OPEN_FLAGS: status == OPEN,  # for the at-risk columns, then dropped
    }
    return lines_out, summary


def _cycled(
    charter: Any,
    out: Lines,
    engagement: Engagement,
    k: int,
    cycles: Cycles,
    *,
    times: JudgedTimes,
    slot: int,
    stream: Stream,
    layout: Any,
    zones: I64,
    specs: list[tuple[str | None, str | None]],
    now_us: int,
    reasons: dict[int, list[str]],
) -> None:
    """The lines of objective ``k``'s cycles, one (target, calendar) at a time."""
    objective = engagement.objectives[k]
    lines = layout.lines(cycles.row, k) + cycles.number
    target, read = targets_of(stream, objective, cycles)
    start, stop = cycle_instants(stream, cycles)
    unmatched = np.flatnonzero(target < 0)
    for i in unmatched.tolist():
        r = int(cycles.row[i])
        oid = engagement.objective_ids()[k]
        why = no_target_reason(stream, objective, int(read[i]), oid)
        if why not in reasons.get(r, []):
            reasons.setdefault(r, []).append(why)
    out["status"][lines[unmatched]] = INVALID
    out["start"][lines[unmatched]] = start[unmatched]
    out["stop"][lines[unmatched]] = stop[unmatched]
    n_specs = len(specs)
    matched = np.flatnonzero(target >= 0)
    keys = target[matched] * n_specs + zones[cycles.row[matched]]
    # One sort for all the (target, calendar) groups, not one scan each.
    order, bounds = by_group(keys, len(objective.all_targets) * n_specs)
    paused_rows = np.flatnonzero(cycles.pause)  # once for all the groups
    for key in np.flatnonzero(np.diff(bounds)).tolist():
        chosen_target = objective.all_targets[key // n_specs]
        calendar = target_calendar(
            charter, engagement, chosen_target, specs[key % n_specs]
        )
        pick = matched[order[bounds[key] : bounds[key + 1]]]
        group, group_stop = _subset(cycles, pick), stop[pick]
        judged = compute_cycles(
            out,
            lines[pick],
            calendar=calendar,
            target=chosen_target,
            now_us=now_us,
            start=start[pick],
            stop=group_stop,
            paused=stream_paused(
                calendar,
                stream,
                group,
                now_us,
                stop=group_stop,
                paused_rows=paused_rows,
            ),
            index=key // n_specs,
        )
        times.add(slot, judged)


def _subset(cycles: Cycles, pick: I64) -> Cycles:
    return attrs.evolve(
        cycles,
        row=cycles.row[pick],
        start=cycles.start[pick],
        stop=cycles.stop[pick],
        number=cycles.number[pick],
    )
