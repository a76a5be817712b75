"""Calendar algebra: hours made of other hours, by union, intersection, difference.

``CombinedHours`` stands where an ``OpeningHours`` stands: a
``BusinessCalendar`` computes over either. Each operand keeps its own zone
(a Sydney desk opens at 09:00 in Sydney), so the combination is a set of
instants: open when any operand is (union), when all are (intersection),
or when the first is and none of the others (difference). Its business
days are the local dates, in the zone it states, that hold any open time.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._core.zone import to_zone
from .._errors import InvalidHoursError
from ..hours import OpeningHours

__all__ = ["OPERATIONS", "CombinedHours", "Hours", "Operation", "combine"]

Operation: TypeAlias = Literal["union", "intersection", "difference"]
OPERATIONS: tuple[Operation, ...] = ("union", "intersection", "difference")


def _to_operands(value: Any) -> tuple[Hours, ...]:
    if isinstance(value, OpeningHours | CombinedHours) or not isinstance(
        value, Sequence
    ):
        raise InvalidHoursError(
            f"operands must be a list of two or more hours, got {value!r}; "
            "e.g. CombinedHours('union', [sydney.hours, london.hours], tz='UTC')"
        )
    operands = tuple(value)
    for operand in operands:
        if not isinstance(operand, OpeningHours | CombinedHours):
            raise InvalidHoursError(
                f"an operand must be OpeningHours or CombinedHours, got {operand!r}; "
                "combine the calendars' hours (calendar.hours)"
            )
    if len(operands) < 2:
        raise InvalidHoursError(
            f"a combination needs two or more operands, got {len(operands)}"
        )
    return operands


def _check_operation(_instance: object, _attr: object, value: object) -> None:
    if value not in OPERATIONS:
        raise InvalidHoursError(
            f"operation must be one of {', '.join(OPERATIONS)}; got {value!r}"
        )


@attrs.frozen
class CombinedHours:
    """Open time made of other hours: their union, intersection or difference.

    >>> sydney = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Australia/Sydney")
    >>> london = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/London")
    >>> desk = CombinedHours("union", [sydney, london], tz="UTC")
    >>> desk.operation, len(desk.operands), str(desk.tz)
    ('union', 2, 'UTC')
    >>> desk.may_open()
    True
    """

    operation: Operation = attrs.field(validator=_check_operation)
    """``"union"`` (open when any operand is), ``"intersection"`` (when all are)
    or ``"difference"`` (when the first is and none of the others)."""
    operands: tuple[Hours, ...] = attrs.field(converter=_to_operands)
    """Two or more ``OpeningHours`` or ``CombinedHours``, each in its own zone."""
    tz: zoneinfo.ZoneInfo = attrs.field(converter=to_zone)
    """The zone whose local dates are the combination's days (business days,
    "end of day", "the next business day"): a ``ZoneInfo`` or an IANA name."""

    def __attrs_post_init__(self) -> None:
        # A nested combination's days are never used, only its instants:
        # give it this zone, so that equal combinations compare equal.
        operands = tuple(
            attrs.evolve(o, tz=self.tz)
            if isinstance(o, CombinedHours) and o.tz != self.tz
            else o
            for o in self.operands
        )
        object.__setattr__(self, "operands", operands)

    def may_open(self) -> bool:
        """Whether the weekly hours could give open time at all (a quick check).

        A union may open when any operand may; an intersection or a
        difference when its first operand may (whether they overlap is
        only known by computing them).
        """
        first = self.operands[0]
        if self.operation == "union":
            return any(_may_open(o) for o in self.operands)
        return _may_open(first)


def _may_open(hours: Hours) -> bool:
    if isinstance(hours, CombinedHours):
        return hours.may_open()
    return hours.has_weekly_time() or bool(hours.seasons or hours.annual_days)


Hours: TypeAlias = OpeningHours | CombinedHours
"""What a calendar computes over: opening hours, or a combination of them."""


def combine(
    operation: Operation, operands: Sequence[Hours], tz: Any = None
) -> CombinedHours:
    """The combination of ``operands``, flattening nested unions and intersections.

    ``tz`` defaults to the first operand's zone. ``(a | b) | c`` becomes one
    union of three, so chained operators build one flat combination.

    >>> a = OpeningHours({"Mo": "09:00-12:00"}, "UTC")
    >>> b = OpeningHours({"Tu": "09:00-12:00"}, "UTC")
    >>> c = OpeningHours({"We": "09:00-12:00"}, "UTC")
    >>> len(combine("union", [combine("union", [a, b]), c]).operands)
    3
    """
    zone = to_zone(operands[0].tz if tz is None and operands else tz)
    flat: list[Hours] = []
    for i, operand in enumerate(operands):
        # A nested zone only names the nested days, which the outer
        # combination does not use: its instants are all that count.
        # (a - b) - c is a - b - c; a - (b - c) is not.
        associative = operation != "difference" or i == 0
        if (
            isinstance(operand, CombinedHours)
            and operand.operation == operation
            and associative
        ):
            flat.extend(operand.operands)
        else:
            flat.append(operand)
    return CombinedHours(operation, flat, zone)
