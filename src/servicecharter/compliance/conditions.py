"""What the objectives' lifecycles read: event names, fields and their values.

``evaluate`` reads only the events and fields some objective's conditions
name; a cycle that no target matches gets a reason naming the values read.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..charter import Engagement, Objective
from ..charter.lifecycle import IMPLICIT_EVENTS
from .stream import Stream

__all__ = ["condition_names", "condition_values", "no_target_reason"]


def _objectives(engagements: tuple[Engagement, ...]) -> Iterator[Objective]:
    for engagement in engagements:
        yield from engagement.objectives


def condition_names(engagements: tuple[Engagement, ...]) -> tuple[set[str], set[str]]:
    """The event names and the fields the objectives' conditions read."""
    events: set[str] = set()
    fields: set[str] = set()
    for objective in _objectives(engagements):
        for condition in (objective.start, objective.stop):
            if condition.event is not None:
                events.add(condition.event)
            fields.update(condition.state)
        fields.update(objective.pause_while)
        for target in objective.targets:
            fields.update(target.when)
    return events - set(IMPLICIT_EVENTS), fields


def condition_values(engagements: tuple[Engagement, ...]) -> dict[str, list[str]]:
    """The values each field's conditions and targets name (codes known first)."""
    values: dict[str, list[str]] = {}
    for objective in _objectives(engagements):
        states = [objective.start.state, objective.stop.state, objective.pause_while]
        states += [target.when for target in objective.targets]
        for state in states:
            for field, named in state.items():
                values.setdefault(field, []).extend(named)
    return {field: list(dict.fromkeys(named)) for field, named in values.items()}


def no_target_reason(
    stream: Stream, objective: Objective, read: int, objective_id: str
) -> str:
    """Why no target of ``objective`` matches the values read at stream row ``read``."""
    fields = dict.fromkeys(f for t in objective.targets for f in t.when)
    shown = []
    for field in fields:
        codes, vocabulary = stream.fields[field]
        code = int(codes[read])
        shown.append(f"{field}={str(vocabulary[code]) if code >= 0 else None!r}")
    return (
        f"objective {objective_id!r}: no target matches {', '.join(shown)} and "
        "there is no default; add a target without when"
    )
