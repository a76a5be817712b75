"""Clock-time deadlines and cut-offs: "by 16:00 on the next business day".

``BusinessDayAt`` is a local time of day (or the last closing) on the nth
business day after the date of receipt; ``CutOff`` makes a receipt at or
after a local time count as received at the next business day's opening,
then applies another rule from there.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import numpy as np

from .._core.units import I64, MINUTE_US
from .._errors import InvalidRuleError
from ..calendar import BusinessCalendar
from .base import RuleBase, at_wall, count
from .words import read_words, reads

__all__ = ["BusinessDayAt", "CutOff", "clock_us"]

_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)|24:00")
_ONE = np.ones(1, dtype=np.int64)


def clock_us(text: object) -> int:
    """Microseconds after midnight of ``"HH:MM"`` (``"24:00"``: the day's end).

    >>> clock_us("16:30") // 60_000_000
    990
    """
    if not (isinstance(text, str) and _CLOCK.fullmatch(text)):
        raise InvalidRuleError(
            f"expected a local time like '16:00' (00:00 to 24:00), got {text!r}"
        )
    hours, minutes = text.split(":")
    return (int(hours) * 60 + int(minutes)) * MINUTE_US


def _check_at(_instance: object, _attr: object, value: Any) -> None:
    if value != "close":
        clock_us(value)


def _check_clock(_instance: object, _attr: object, value: Any) -> None:
    clock_us(value)


@attrs.frozen
class BusinessDayAt(RuleBase):
    """A time on the nth business day after receipt: "by 16:00 the next business day".

    The date of receipt is day zero and is not counted (a receipt on Saturday
    is due on Monday, the next business day); the deadline is the local time
    ``at`` on that date (``"24:00"``: its end), or its last closing
    (``at="close"``: "end of the next business day"). Times follow the DST
    rules (a time in a gap moves to the gap's end).

    >>> rule = BusinessDayAt(1, "16:00")
    >>> (
    ...     str(rule),
    ...     rule.deadline(cal, dt.datetime(2026, 4, 3, 18, tzinfo=paris)).isoformat(),
    ... )
    ('by 16:00 next business day', '2026-04-07T16:00:00+02:00')
    >>> str(BusinessDayAt(2, "close"))
    'end of 2 business days'
    """

    days: int = attrs.field(default=1, validator=count(1))
    """How many business days after the date of receipt, an integer >= 1."""
    at: str = attrs.field(default="close", validator=_check_at)
    """A local time ``"HH:MM"`` (``"24:00"``: midnight at the end of that date),
    or ``"close"`` (the default): that date's last closing."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        kernel = calendar.kernel
        n = np.array([self.days], dtype=np.int64)
        day = kernel.add_business_days(kernel.local_day(t), n, "backward")
        if self.at == "close":
            return kernel.last_close(day)
        return at_wall(calendar, day, clock_us(self.at))

    def __str__(self) -> str:
        if self.at == "close":
            n = self.days
            return "end of next business day" if n == 1 else f"end of {n} business days"
        when = (
            "next business day" if self.days == 1 else f"in {self.days} business days"
        )
        return f"by {self.at} {when}"


def _to_rule(value: Any) -> Any:
    rule = read_words(value) if isinstance(value, str) else value
    if not isinstance(rule, RuleBase):
        raise InvalidRuleError(f"expected a deadline rule, got {value!r}")
    if isinstance(rule, CutOff):
        raise InvalidRuleError("a cut-off rule cannot hold another cut-off")
    return rule


@attrs.frozen
class CutOff(RuleBase):
    """A cut-off: "received after 15:00, counts as received the next business day".

    A receipt at or after the local time ``time`` on its date counts as
    received at the first opening of the next business day; ``rule`` then
    gives the deadline from that receipt (earlier receipts keep theirs).

    >>> rule = CutOff("15:00", "same business day")
    >>> str(rule)
    'same business day with cut-off 15:00'
    >>> late = dt.datetime(2026, 3, 27, 15, 30, tzinfo=paris)  # a Friday
    >>> rule.deadline(cal, late).isoformat()  # due by the end of Monday
    '2026-03-31T00:00:00+02:00'
    """

    time: str = attrs.field(validator=_check_clock)
    """The local cut-off time, ``"HH:MM"``; a receipt at or after it is late."""
    rule: Any = attrs.field(converter=_to_rule)
    """The rule applied from the (moved) receipt: a rule or its words."""

    def _due(self, calendar: BusinessCalendar, t: I64) -> I64:
        kernel = calendar.kernel
        day = kernel.local_day(t)
        late = t >= at_wall(calendar, day, clock_us(self.time))
        if late.any():
            nxt = kernel.add_business_days(day[late], _ONE, "backward")
            t = t.copy()
            t[late] = kernel.first_open(nxt)
        due: I64 = self.rule._due(calendar, t)
        return due

    def __str__(self) -> str:
        return f"{self.rule} with cut-off {self.time}"


@reads(-1)
def _cut_off(words: str) -> CutOff | None:
    match = re.fullmatch(r"(.+) with cut-off (\d\d:\d\d)", words)
    if match is None:
        return None
    return CutOff(match[2], match[1])


@reads(6)
def _business_day_at(words: str) -> BusinessDayAt | None:
    match = re.fullmatch(
        r"by (\d\d:\d\d) (?:next business day|in (\d+) business days?)", words
    )
    if match is not None:
        return BusinessDayAt(int(match[2] or 1), match[1])
    match = re.fullmatch(r"end of (?:next business day|(\d+) business days?)", words)
    if match is not None:
        return BusinessDayAt(int(match[1] or 1), "close")
    return None
