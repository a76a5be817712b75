"""``Objective``: a deadline, the share that must meet it, and its lifecycle.

Without lifecycle keys an objective is today's: one clock per request from
``received`` to ``responded``, on the engagement's calendar. Its lifecycle
says which events start and stop the clock, which states pause it, whether
a request has one cycle or several, what a reopening does, and which target
applies in which state (see docs/lifecycles.md).
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable, Mapping
from typing import Any, overload

import attrs
import numpy as np
import numpy.typing as npt

from .._core.convert import InstantsIn
from .._errors import InvalidCharterError
from ..calendar import BusinessCalendar
from ..rules import Rule
from .fields import FrozenDict, check_optional_identifier, check_text, one_of
from .lifecycle import (
    CYCLES,
    REOPENS,
    RETARGETS,
    Condition,
    Cycles,
    Reopen,
    Retarget,
    State,
    Target,
    to_condition,
    to_rule,
    to_share,
    to_state,
)

__all__ = ["Objective", "objective_id"]

_RECEIVED = Condition(event="received")
_RESPONDED = Condition(event="responded")


def _to_within(value: Any) -> Rule | None:
    return None if value is None else to_rule(value)


def _to_start(value: Any) -> Condition:
    return to_condition(value, "start")


def _to_stop(value: Any) -> Condition:
    return to_condition(value, "stop")


def _to_pause(value: Any) -> State:
    return to_state(value, "pause_while")


def _to_targets(value: Any) -> tuple[Target, ...]:
    if isinstance(value, str | Mapping | Target) or not isinstance(value, Iterable):
        raise InvalidCharterError(
            "targets",
            value,
            "expected a list of targets like [{when = {priority = 'urgent'}, "
            "within = '1 business hour'}, {within = '8 business hours'}], "
            f"got {value!r}",
        )
    out = []
    for i, item in enumerate(value):
        try:
            out.append(Target.of(item))
        except InvalidCharterError as error:
            raise error.at(f"targets[{i}]") from None
        except TypeError as error:
            raise InvalidCharterError(f"targets[{i}]", item, str(error)) from None
    return tuple(out)


@attrs.frozen(repr=False)
class Objective:
    """A deadline and the share of requests that must meet it, over a lifecycle.

    "Réponses assurées dans les 3 jours (60 % des réponses sont faites dans
    la journée)" is two objectives: ``"3 business days"`` for all requests
    and ``"same business day"`` for 60 % of them. Lifecycle keys measure
    other clocks: "next reply within 8 business hours" starts at each
    customer reply and stops at the agent's.

    >>> Objective("same business day", share=0.6)
    Objective(within=SameBusinessDay(), share=0.6, title='')
    >>> nxt = Objective(
    ...     "8 business hours",
    ...     id="next_reply",
    ...     start="customer_reply",
    ...     stop="agent_reply",
    ...     cycles="every",
    ... )
    >>> str(nxt.start), str(nxt.stop), nxt.cycles
    ('customer_reply', 'agent_reply', 'every')
    """

    within: Rule = attrs.field(default=None, converter=_to_within)
    """The deadline rule: a rule object (``BusinessDuration(...)``) or its words, like
    ``"4 business hours"``; with ``targets``, left out (it reads as the rule of
    the default target, else of the first)."""
    share: float = attrs.field(default=1.0, converter=to_share)
    """The fraction of requests that must meet the deadline, in (0, 1]: ``0.6`` for
    60 %; ``1.0`` (the default) for all of them."""
    title: str = attrs.field(default="", validator=check_text)
    """A short label for the objective, shown with it in reports; may be empty."""
    id: str | None = attrs.field(
        default=None, kw_only=True, validator=check_optional_identifier
    )
    """The objective's id in its engagement (``"first_reply"``); ``None``: its
    position, ``"0"``, ``"1"``..."""
    start: Condition = attrs.field(default=_RECEIVED, kw_only=True, converter=_to_start)
    """What starts the clock: an event name or the entry into a state
    (``{"status": ["open"]}``); default ``"received"``."""
    stop: Condition = attrs.field(default=_RESPONDED, kw_only=True, converter=_to_stop)
    """What stops it: an event name or a state; default ``"responded"``."""
    pause_while: State = attrs.field(
        default=FrozenDict(), kw_only=True, converter=_to_pause
    )
    """States under which the clock stops (``{"status": ["pending"]}``)."""
    cycles: Cycles = attrs.field(
        default="first", kw_only=True, validator=one_of(CYCLES)
    )
    """``"first"``: one cycle from the first start; ``"every"``: each start while
    none runs opens a cycle."""
    reopen: Reopen | None = attrs.field(
        default=None, kw_only=True, validator=attrs.validators.optional(one_of(REOPENS))
    )
    """For a stop given as a state: ``"resume"`` (``None`` reads so), ``"ignore"`` or
    ``"new_cycle"``; only with a state stop."""
    targets: tuple[Target, ...] = attrs.field(
        default=(), kw_only=True, converter=_to_targets
    )
    """Ordered targets; the first whose ``when`` matches applies, one without
    ``when`` is the default. Empty: ``within`` is the one default target."""
    retarget: Retarget = attrs.field(
        default="latest", kw_only=True, validator=one_of(RETARGETS)
    )
    """``"latest"``: the target matching the state at the cycle's stop (or at
    ``now``) applies to the whole cycle; ``"start"``: the one at its start."""

    def __attrs_post_init__(self) -> None:
        # ``within`` is ``None`` here only when left out: it is read as a Rule.
        given = typing.cast("Rule | None", self.within)
        if not self.targets and given is None:
            raise InvalidCharterError(
                "within", None, "an objective needs within (a deadline rule) or targets"
            )
        self._check_lifecycle()
        if self.targets:
            default = next((t for t in self.targets if not t.when), self.targets[0])
            # The same rule again is what attrs.evolve passes back.
            if given is not None and given != default.within:
                raise InvalidCharterError(
                    "within", given, "give within or targets, not both"
                )
            object.__setattr__(self, "within", default.within)

    def _check_lifecycle(self) -> None:
        if self.reopen is not None and self.stop.event is not None:
            raise InvalidCharterError(
                "reopen",
                self.reopen,
                f"reopen is for a stop given as a state; stop is the event "
                f"{self.stop.event!r}: remove reopen or stop on a state",
            )
        if self.cycles == "every" and self.start == self.stop:
            raise InvalidCharterError(
                "stop",
                str(self.stop),
                "with cycles='every' the start and the stop must differ: each "
                "start would also stop its cycle",
            )
        defaults = [i for i, t in enumerate(self.targets) if not t.when]
        if len(defaults) > 1 or (defaults and defaults[0] != len(self.targets) - 1):
            raise InvalidCharterError(
                f"targets[{defaults[0]}]",
                self.targets[defaults[0]],
                "a target without when (the default) must be the last and only one; "
                "the targets after it could never apply",
            )

    def __repr__(self) -> str:
        # The lifecycle keys only when they say something: today's objectives
        # read as they always did.
        shown = [f"within={self.within!r}", f"share={self.share!r}"]
        shown.append(f"title={self.title!r}")
        for a in attrs.fields(Objective)[3:]:
            value = getattr(self, a.name)
            if value != a.default:
                shown.append(f"{a.name}={value!r}")
        return f"Objective({', '.join(shown)})"

    @property
    def all_targets(self) -> tuple[Target, ...]:
        """The targets, or ``within`` as the one default target."""
        return self.targets or (Target(self.within),)

    @property
    def has_lifecycle(self) -> bool:
        """Whether it measures anything but receipt to response on one target."""
        return (
            self.start != _RECEIVED
            or self.stop != _RESPONDED
            or bool(self.pause_while)
            or self.cycles != "first"
            or bool(self.targets)
        )

    @property
    def resumes(self) -> bool:
        """Whether leaving the stop state resumes the cycle (state stops only)."""
        return self.stop.event is None and self.reopen in (None, "resume")

    @overload
    def deadline(
        self, calendar: BusinessCalendar, received: dt.datetime
    ) -> dt.datetime: ...
    @overload
    def deadline(
        self, calendar: BusinessCalendar, received: InstantsIn
    ) -> npt.NDArray[np.datetime64]: ...
    def deadline(self, calendar: BusinessCalendar, received: Any) -> Any:
        """The deadline of each receipt instant on ``calendar`` (scalar or array)."""
        return self.within.deadline(calendar, received)


def objective_id(objective: Objective, index: int) -> str:
    """The id of the objective at ``index`` of its engagement: its own, or the index.

    >>> objective_id(Objective("4 business hours"), 1)
    '1'
    """
    return objective.id if objective.id is not None else str(index)
