"""The parts of one opening_hours rule, gathered in any order, and the rule.

opening_hours.js reads a rule's selectors, times, state and comment in any
order (``10:00-12:00 Mo`` is ``Mo 10:00-12:00``). Two parts of one kind
that are not joined by a comma (``Mo-Sa 11:00-21:00 Su off``) add up, as
opening_hours.js reads them, and are probably not what was meant: the
parser notes a warning that names the second and the fix (a ``;`` between
two rules). A holiday part and a weekday part are both required
(``SH Mo-Fr``: school holidays that are weekdays), as are a part of whole
months and a part of days (``Jan-Feb Jan 09-15``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .notation_model import is_months
from .osm_rules import HoursRule, RuleKind, State, TimeSpan
from .osm_selectors import DayItem, Selector

if TYPE_CHECKING:
    from .notation_navigation import _Navigator
    from .notation_tokens import Token

__all__: list[str] = []


@attrs.define
class _Parts:
    """What one rule has said so far; ``add`` notes a second part of a kind."""

    years: list[tuple[int, int, int]] = attrs.Factory(list)
    dates: list[Any] = attrs.Factory(list)
    month_dates: list[Any] = attrs.Factory(list)
    weeks: list[tuple[int, int, int]] = attrs.Factory(list)
    holidays: list[DayItem] = attrs.Factory(list)
    weekdays: list[DayItem] = attrs.Factory(list)
    spans: list[TimeSpan] = attrs.Factory(list)
    state: State | None = None
    comment: str | None = None
    notes: list[tuple[str, Token]] = attrs.Factory(list)

    def add_dates(self, items: tuple[Any, ...], token: Token) -> None:
        """A date part: whole months (``Jan-Feb``) or days (``Jan 09-15``)."""
        if all(is_months(item) for item in items):
            self.add("month selectors", self.month_dates, items, token)
        else:
            self.add("date selectors", self.dates, items, token)

    def add(self, what: str, target: list[Any], items: Any, token: Token) -> None:
        if target:
            self.notes.append((what, token))
        target.extend(items)

    def rule(self, kind: RuleKind, parser: _Navigator) -> HoursRule:
        """The rule said; notes go to ``parser.notes`` as warnings to give."""
        for what, token in self.notes:
            parser.notes.append(
                f"{parser.text!r} has two {what} in one rule (the second at "
                f"column {token.column + 1}); they add up, as opening_hours.js "
                "reads them, and the rule's times and state apply to both: "
                "join them with ',' or separate two rules with ';'"
            )
        days, also = self.holidays, self.weekdays
        if not days:
            days, also = also, []
        dates, also_dates = self.month_dates, self.dates
        if not dates:
            dates, also_dates = also_dates, []
        selector = Selector(
            tuple(self.years),
            tuple(dates),
            tuple(self.weeks),
            tuple(days),
            tuple(also),
            tuple(also_dates),
        )
        state: State = self.state or ("unknown" if self.comment is not None else "open")
        return HoursRule(selector, tuple(self.spans), state, kind, self.comment)
