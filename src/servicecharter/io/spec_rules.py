"""Deadline rules, durations and periods in charter files.

A rule is its words (``"4 business hours"``) or a table with a ``kind``
(``{kind = "business_days", days = 3}``); written back as words whenever
the words read back to the same rule.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any

from .. import rules
from .._core import durations as _durations
from .._errors import ServiceCharterError
from ..rules import days, periods
from .spec import Array, Boolean, Integer, Kind, Schema, Text, describe, fail
from .spec_table import Field, Table, model_table

__all__ = ["RULE", "RULE_TABLES", "Duration", "Period"]


class Duration(Kind):
    """``"30 minutes"``, ``"4h"``, ``"2h30min"`` or whole seconds."""

    def __init__(self, style: typing.Literal["words", "compact"]) -> None:
        self.style = style

    def load(self, value: Any, path: str) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value}s"
        if not isinstance(value, str):
            raise fail(
                path,
                value,
                f"expected {_durations.DURATION_HELP} or a whole number of seconds",
            )
        try:
            return _durations.parse_duration(value)
        except (ValueError, OverflowError) as error:
            raise fail(path, value, str(error)) from None

    def dump(self, value: Any) -> Any:
        return _durations.format_duration(value, self.style)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        text = {"type": "string", "examples": ["30 minutes", "4h", "2h30min"]}
        return {"oneOf": [text, {"type": "integer"}]}


class Period(Kind):
    """``"1 month"``, ``"2 weeks"``, ``"1 year 6 months"``."""

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            raise fail(path, value, f"expected {_durations.PERIOD_HELP}")
        try:
            return _durations.parse_period(value)
        except (ValueError, OverflowError) as error:
            raise fail(path, value, str(error)) from None

    def dump(self, value: Any) -> Any:
        return _durations.format_period(value)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {"type": "string", "examples": ["1 month", "2 weeks"]}


def _choice(*values: str) -> Text:
    return Text(enum=values)


_KINDS: dict[str, type] = {
    "business_duration": rules.BusinessDuration,
    "business_days": rules.BusinessDays,
    "calendar_period": rules.CalendarPeriod,
    "next_opening": rules.NextOpening,
    "same_business_day": rules.SameBusinessDay,
    "end_of_period": rules.EndOfPeriod,
    "earliest_of": rules.EarliestOf,
    "latest_of": rules.LatestOf,
    "business_day_at": rules.BusinessDayAt,
    "cut_off": rules.CutOff,
}
_KIND_OF = {cls: kind for kind, cls in _KINDS.items()}


def _rule_table(kind: str, doc: str, **fields: Field) -> Table:
    """The table of one rule class: ``kind`` then the class's fields."""
    cls = _KINDS[kind]
    plain = model_table(cls, doc, fields)

    def build(loaded: dict[str, Any]) -> Any:
        del loaded["kind"]
        return cls(**loaded)

    return Table(
        name=f"rule_{kind}",
        doc=doc,
        fields={"kind": Field(_choice(kind), f"{kind!r}"), **fields},
        build=build,
        unbuild=lambda rule: {"kind": kind, **plain.unbuild(rule)},
        required=("kind", *plain.required),
    )


class _Rule(Kind):
    """Deadline words (``"4 business hours"``) or a table with a ``kind``."""

    def load(self, value: Any, path: str) -> Any:
        if isinstance(value, str):
            try:
                return rules.parse_rule(value)
            except ServiceCharterError as error:
                raise fail(path, value, str(error)) from None
            except (ValueError, OverflowError):
                reason = f"a number is too large in the deadline words {value!r}"
                raise fail(path, value, reason) from None
        if isinstance(value, Mapping):
            kind = value.get("kind")
            if not isinstance(kind, str) or kind not in RULE_TABLES:
                kinds = ", ".join(RULE_TABLES)
                where = f"{path}.kind"
                raise fail(where, kind, f"expected a rule kind: one of {kinds}")
            return RULE_TABLES[kind].load(value, path)
        raise fail(
            path,
            value,
            "expected deadline words like '4 business hours' or a rule table, "
            f"got {describe(value)}",
        )

    def dump(self, value: Any) -> Any:
        words = str(value)
        try:
            if rules.parse_rule(words) == value:
                return words
        except (ServiceCharterError, ValueError):
            pass
        return RULE_TABLES[_KIND_OF[type(value)]].dump(value)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        words = {"type": "string", "examples": ["4 business hours", "3 business days"]}
        return {"oneOf": [words, *(t.schema(defs) for t in RULE_TABLES.values())]}


RULE = _Rule()
_CLOCK = r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"
_AT = r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00|close)$"
_COMPACT = Duration("compact")
RULE_TABLES: dict[str, Table] = {
    "business_duration": _rule_table(
        "business_duration",
        "Business time after receipt.",
        duration=Field(_COMPACT, "business time, like '4h'"),
        boundary=Field(_choice("next_open", "close"), "next_open or close"),
    ),
    "business_days": _rule_table(
        "business_days",
        "The nth business day after receipt.",
        days=Field(Integer(1), "business days"),
        at=Field(_choice("close", "same_time"), "at the day's close or same time"),
    ),
    "calendar_period": _rule_table(
        "calendar_period",
        "Calendar time, optionally rolled to a business day.",
        amount=Field(Integer(1), "how many units"),
        unit=Field(_choice(*typing.get_args(periods.Unit)), "the unit"),
        roll=Field(_choice(*typing.get_args(periods.Roll)), "roll off closed days"),
        end_of_day=Field(Boolean(), "move the end to the following midnight"),
    ),
    "next_opening": _rule_table(
        "next_opening",
        "An opening to come, plus an offset.",
        business_days=Field(Integer(0), "0: next opening; n: nth business day's"),
        offset=Field(_COMPACT, "real time after the opening, like '2h'"),
    ),
    "same_business_day": _rule_table(
        "same_business_day", "By the end of the day of receipt."
    ),
    "end_of_period": _rule_table(
        "end_of_period",
        "The end of the current local period.",
        period=Field(_choice(*typing.get_args(days.Period)), "the period"),
    ),
    "earliest_of": _rule_table(
        "earliest_of",
        "The earliest of several deadlines.",
        rules=Field(Array(RULE, 2), "two or more rules"),
    ),
    "latest_of": _rule_table(
        "latest_of",
        "The latest of several deadlines.",
        rules=Field(Array(RULE, 2), "two or more rules"),
    ),
    "business_day_at": _rule_table(
        "business_day_at",
        "A local time, or the last closing, on the nth business day after receipt.",
        days=Field(Integer(1), "business days after the date of receipt"),
        at=Field(
            Text(pattern=_AT, example="16:00", wanted="'HH:MM' or 'close'"),
            "local time 'HH:MM' ('24:00': end of day) or 'close' (default)",
        ),
    ),
    "cut_off": _rule_table(
        "cut_off",
        "Receipts at or after a local time count from the next business day.",
        time=Field(
            Text(pattern=_CLOCK, example="15:00", wanted="a time like '15:00'"),
            "the local cut-off time",
        ),
        rule=Field(RULE, "the rule applied from the (moved) receipt"),
    ),
}
