"""The lifecycle of an objective: when its clock starts, stops, pauses, retargets.

A ``Condition`` is an event name (``"agent_reply"``) or a state, a mapping
of fields to the values that make it hold (``{"status": ["solved"]}``); a
``Target`` is a deadline rule with the ``when`` state it applies in, its
own calendar and share. ``Objective`` (in ``objective``) holds them.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeAlias

import attrs

from .._errors import InvalidCharterError, InvalidRuleError
from ..rules import Rule, parse_rule
from .fields import FrozenDict, check_optional_identifier, identifier

__all__ = [
    "CYCLES",
    "IMPLICIT_EVENTS",
    "REOPENS",
    "RETARGETS",
    "Condition",
    "Cycles",
    "Reopen",
    "Retarget",
    "State",
    "Target",
    "to_condition",
    "to_rule",
    "to_share",
    "to_state",
]

Cycles: TypeAlias = Literal["first", "every"]
Reopen: TypeAlias = Literal["resume", "ignore", "new_cycle"]
Retarget: TypeAlias = Literal["latest", "start"]
CYCLES: tuple[str, ...] = typing.get_args(Cycles)
REOPENS: tuple[str, ...] = typing.get_args(Reopen)
RETARGETS: tuple[str, ...] = typing.get_args(Retarget)
IMPLICIT_EVENTS = ("received", "responded")
"""The events every request has: its ``received_at`` and ``responded_at``."""

State: TypeAlias = FrozenDict[str, tuple[str, ...]]
"""Fields and the values under which a state holds (any field matching)."""

RULE_TYPES: tuple[type, ...] = typing.get_args(Rule)


def to_rule(value: Any, path: str = "within") -> Rule:
    """A deadline rule from a rule object or its words; the error names ``path``."""
    if isinstance(value, RULE_TYPES):
        return value  # type: ignore[return-value]
    if not isinstance(value, str):
        raise InvalidCharterError(
            path,
            value,
            f"expected a deadline rule or words like '4 business hours', got {value!r}",
        )
    try:
        return parse_rule(value)
    except InvalidRuleError as error:
        raise InvalidCharterError(path, value, str(error)) from None


def to_share(value: Any, path: str = "share") -> float:
    """A fraction in (0, 1]; the error names ``path``."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    # The range first: math.isfinite of a 400-digit int raises OverflowError.
    if not number or not 0 < value <= 1 or not math.isfinite(value):
        raise InvalidCharterError(
            path,
            value,
            f"expected a fraction in (0, 1] (0.6 for 60 %), got {value!r}",
        )
    return float(value)


def _values(path: str, value: Any) -> tuple[str, ...]:
    """One value or a list of distinct non-empty texts."""
    items = (value,) if isinstance(value, str) else value
    wrong = InvalidCharterError(
        path,
        value,
        f"expected a value or a list of values like ['pending'], got {value!r}",
    )
    if not isinstance(items, Iterable) or isinstance(items, Mapping | bytes):
        raise wrong
    out = tuple(items)
    if not out or not all(isinstance(v, str) and v for v in out):
        raise wrong
    if len(set(out)) != len(out):
        raise InvalidCharterError(path, value, "a value is named twice")
    return out


def to_state(value: Any, path: str = "when") -> State:
    """A state: a mapping of field names to one value or a list of values.

    >>> dict(to_state({"status": ["pending", "on-hold"]}))
    {'status': ('pending', 'on-hold')}
    """
    if not isinstance(value, Mapping):
        raise InvalidCharterError(
            path,
            value,
            f"expected a table of fields to values like {{status = ['pending']}}, "
            f"got {value!r}",
        )
    out = {}
    for name, values in value.items():
        field = identifier(f"{path}.{name}", name)
        if field in IMPLICIT_EVENTS:
            raise InvalidCharterError(
                f"{path}.{name}",
                values,
                f"{field!r} is an event, not a field with values; "
                f"write it as an event name: {field!r}",
            )
        out[field] = _values(f"{path}.{name}", values)
    return FrozenDict(out)


@attrs.frozen
class Condition:
    """An event (``event``) or the entry into a state (``state``): one of them.

    ``Condition.of`` reads the forms of a charter file: an event name, or a
    table of fields to values.

    >>> Condition.of("agent_reply")
    Condition(event='agent_reply', state=FrozenDict({}))
    >>> Condition.of({"status": "solved"}).state["status"]
    ('solved',)
    """

    event: str | None = attrs.field(default=None, validator=check_optional_identifier)
    """The name of the event, like ``"agent_reply"``; ``None`` for a state."""
    state: State = attrs.field(default=FrozenDict(), converter=to_state)
    """The fields and values whose entry it is; empty for an event."""

    def __attrs_post_init__(self) -> None:
        if (self.event is None) == (not self.state):
            raise InvalidCharterError(
                "event",
                self,
                "give an event name or a state (a table of fields to values), "
                "exactly one",
            )

    @classmethod
    def of(cls, value: Any, path: str = "start") -> Condition:
        """A condition from an event name, a state table or a ``Condition``."""
        if isinstance(value, Condition):
            return value
        if isinstance(value, str):
            return cls(event=identifier(path, value))
        return cls(state=to_state(value, path))

    def fields(self) -> tuple[str, ...]:
        """The fields its state reads (none for an event)."""
        return tuple(self.state)

    def __str__(self) -> str:
        if self.event is not None:
            return self.event
        return " or ".join(f"{k} in {list(v)}" for k, v in self.state.items())


def to_condition(value: Any, path: str) -> Condition:
    """A ``Condition`` from its file form; the error names ``path``."""
    return Condition.of(value, path)


def _to_when(value: Any) -> State:
    return to_state(value, "when")


def _to_target_share(value: Any) -> float | None:
    return None if value is None else to_share(value)


@attrs.frozen
class Target:
    """A deadline rule, the state it applies in, its calendar and its share.

    Without ``when`` it is the default target. ``calendar`` names one of the
    charter's calendars (``None``: the engagement's); ``share`` ``None``
    takes the objective's.

    >>> t = Target("1 business hour", when={"priority": "urgent"}, calendar="24-7")
    >>> str(t.within), dict(t.when)
    ('1 business hour', {'priority': ('urgent',)})
    """

    within: Rule = attrs.field(converter=to_rule)
    """The deadline rule, a rule object or its words like ``"8 business hours"``."""
    when: State = attrs.field(default=FrozenDict(), converter=_to_when)
    """The state in which it applies (``{"priority": ["urgent"]}``); empty: always."""
    calendar: str | None = attrs.field(
        default=None, validator=check_optional_identifier
    )
    """The name of the charter calendar it counts on; ``None``: the engagement's."""
    share: float | None = attrs.field(default=None, converter=_to_target_share)
    """The share of lines that must meet it, in (0, 1]; ``None``: the objective's."""

    @classmethod
    def of(cls, value: Any) -> Target:
        """A ``Target`` from itself, a rule or its words, or a mapping of its keys."""
        if isinstance(value, Target):
            return value
        if isinstance(value, Mapping):
            return cls(**value)
        return cls(value)
