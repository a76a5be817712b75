"""Calendar expressions in files: ``"sydney | london | new_york"``, ``"desk - upkeep"``.

Names are the charter's calendars; ``|`` is union, ``&`` intersection and
``-`` difference, with Python's precedence for sets (``-`` binds tighter
than ``&``, ``&`` tighter than ``|``) and parentheses. A ``-`` between
names needs spaces around it, since ids may hold one (``eu-desk``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..calendar import CombinedHours, Hours
from ..calendar.algebra import Operation

__all__ = ["ExpressionError", "parse_expression", "write_expression"]

_TOKEN = re.compile(r"\s*(?:([()|&])|([A-Za-z0-9_.-]+))")
_OPERATOR = {"|": "union", "&": "intersection", "-": "difference"}
_SYMBOL = {op: symbol for symbol, op in _OPERATOR.items()}
_LEVELS = ("|", "&", "-")  # loosest first


class ExpressionError(ValueError):
    """An expression that does not read, with the reason."""


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text.rstrip()):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ExpressionError(
                f"unexpected {text[pos:].strip()[:1]!r} at column {pos + 1}; "
                "use calendar names, |, &, - and parentheses"
            )
        out.append(match[1] or match[2])
        pos = match.end()
    return out


def parse_expression(
    text: str, resolve: Callable[[str], Hours], tz: object
) -> CombinedHours:
    """The combination ``text`` says, each name looked up with ``resolve``.

    >>> from servicecharter import OpeningHours
    >>> cals = {n: OpeningHours({"Mo": "09:00-10:00"}, "UTC") for n in "abc"}
    >>> e = parse_expression("a | b & c", cals.__getitem__, "UTC")
    >>> e.operation, e.operands[1].operation
    ('union', 'intersection')
    """
    tokens = _tokens(text)
    if not tokens:
        raise ExpressionError("empty; write names joined by |, & or -")
    pos = 0

    def level(depth: int) -> Hours:
        nonlocal pos
        if depth == len(_LEVELS):
            return atom()
        symbol = _LEVELS[depth]
        operands = [level(depth + 1)]
        while pos < len(tokens) and tokens[pos] == symbol:
            pos += 1
            operands.append(level(depth + 1))
        if len(operands) == 1:
            return operands[0]
        # Not flattened: parentheses keep the nesting the text gives.
        return CombinedHours(_OPERATOR[symbol], operands, tz)  # type: ignore[arg-type]

    def atom() -> Hours:
        nonlocal pos
        if pos >= len(tokens):
            raise ExpressionError("ends too soon; a calendar name is missing")
        token = tokens[pos]
        pos += 1
        if token == "(":
            inner = level(0)
            if pos >= len(tokens) or tokens[pos] != ")":
                raise ExpressionError("a '(' is not closed")
            pos += 1
            return inner
        if token in {"(", ")", "|", "&", "-"}:
            raise ExpressionError(f"expected a calendar name, got {token!r}")
        return resolve(token)

    found = level(0)
    if pos < len(tokens):
        hint = "; put spaces around '-'" if tokens[pos].startswith("-") else ""
        raise ExpressionError(
            f"unexpected {tokens[pos]!r} after a complete expression{hint}"
        )
    if not isinstance(found, CombinedHours):
        raise ExpressionError(
            "names one calendar only; combine two or more with |, & or -"
        )
    return found


def write_expression(hours: CombinedHours, names: Mapping[str, Hours]) -> str:
    """The expression of ``hours`` with the charter's ``names`` of its operands.

    >>> from servicecharter import OpeningHours
    >>> a = OpeningHours({"Mo": "09:00-10:00"}, "UTC")
    >>> b = OpeningHours({"Tu": "09:00-10:00"}, "UTC")
    >>> c = OpeningHours({"We": "09:00-10:00"}, "UTC")
    >>> inner = CombinedHours("difference", [b, c], "UTC")
    >>> names = {"a": a, "b": b, "c": c}
    >>> write_expression(CombinedHours("union", [a, inner], "UTC"), names)
    'a | b - c'
    """
    return _write(hours, names, top=True)


def _write(hours: Hours, names: Mapping[str, Hours], *, top: bool = False) -> str:
    if not top:
        for name, value in names.items():
            if value == hours:
                return name
    if not isinstance(hours, CombinedHours):
        raise ExpressionError(
            "combines opening hours that are not one of the charter's calendars"
        )
    symbol = _SYMBOL[hours.operation]
    parts = []
    for operand in hours.operands:
        text = _write(operand, names)
        if _needs_parentheses(hours.operation, operand, names):
            text = f"({text})"
        parts.append(text)
    return f" {symbol} ".join(parts)


def _needs_parentheses(
    outer: Operation, operand: Hours, names: Mapping[str, Hours]
) -> bool:
    if not isinstance(operand, CombinedHours) or operand in names.values():
        return False
    inner_level = _LEVELS.index(_SYMBOL[operand.operation])
    outer_level = _LEVELS.index(_SYMBOL[outer])
    # A looser operator inside needs them to mean the same; the same operator
    # needs them to keep the nesting (a | b | c is one union of three).
    return inner_level <= outer_level
