"""The lifecycle keys of an objective in a charter file.

``start`` and ``stop`` are an event name or a state table; ``pause_while``
and a target's ``when`` are state tables (``{status = ["pending"]}``, a
value or a list of values per field); ``targets`` are tables of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._errors import InvalidCharterError
from ..charter import Target
from ..charter.fields import ID_PATTERN
from ..charter.lifecycle import CYCLES, REOPENS, RETARGETS, Condition, to_state
from .spec import Array, Kind, Number, Schema, Text, describe, fail
from .spec_rules import RULE
from .spec_table import Field, model_table

__all__ = ["LIFECYCLE_FIELDS"]

_NAME = Text(
    pattern=ID_PATTERN,
    example="agent_reply",
    wanted="an event name of letters, digits, '_', '.' or '-' (like 'agent_reply')",
)


class _State(Kind):
    """A table of fields to one value or a list of values."""

    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping) or not value:
            raise fail(
                path,
                value,
                "expected a table of fields to values like {status = ['pending']}, "
                f"got {describe(value)}",
            )
        try:
            return to_state(value, path)
        except InvalidCharterError as error:
            raise fail(error.path, error.value, error.reason) from None

    def dump(self, value: Any) -> Any:
        return {k: list(v) for k, v in value.items()}

    def schema(self, defs: dict[str, Schema]) -> Schema:
        values = {
            "oneOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
            ]
        }
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": values,
            "minProperties": 1,
        }


STATE = _State()


class _Condition(Kind):
    """An event name, or a state table whose entry it is."""

    def load(self, value: Any, path: str) -> Any:
        if isinstance(value, str):
            return Condition(event=_NAME.load(value, path))
        return Condition(state=STATE.load(value, path))

    def dump(self, value: Any) -> Any:
        return value.event if value.event is not None else STATE.dump(value.state)

    def schema(self, defs: dict[str, Schema]) -> Schema:
        return {"oneOf": [_NAME.schema(defs), STATE.schema(defs)]}


_TARGET = model_table(
    Target,
    "A deadline that applies in a state, on a calendar, with a share.",
    {
        "when": Field(STATE, "the state it applies in; none: the default target"),
        "within": Field(RULE, "deadline words like '1 business hour', or a table"),
        "calendar": Field(
            Text(pattern=ID_PATTERN, example="24-7"),
            "calendar name; default the engagement's",
        ),
        "share": Field(
            Number(0, 1), "share of lines, in (0, 1]; default the objective's"
        ),
    },
)


LIFECYCLE_FIELDS: dict[str, Field] = {
    "id": Field(
        Text(pattern=ID_PATTERN, example="first_reply"),
        "id in the engagement; default its position",
    ),
    "start": Field(_Condition(), "event name or state that starts the clock"),
    "stop": Field(_Condition(), "event name or state that stops it"),
    "pause_while": Field(STATE, "states under which the clock stops"),
    "cycles": Field(Text(enum=CYCLES), "'first' (default) or 'every'"),
    "reopen": Field(Text(enum=REOPENS), "state stop only: 'resume' (default)..."),
    "targets": Field(Array(_TARGET, min_items=1), "targets, first match applies"),
    "retarget": Field(Text(enum=RETARGETS), "'latest' (default) or 'start'"),
}
"""The lifecycle keys of an objective table."""
