"""Tokens of the opening_hours notation, each with its column.

Words are matched without regard to case (``mo-fr``, ``MO-FR``), ``#``
starts a comment to the end of the line, newlines are whitespace, and a
quoted text (``"by appointment"``) is one token.
"""

from __future__ import annotations

import re

import attrs

from .._errors import NotationError

__all__ = ["MONTHS", "WEEKDAYS", "Token", "tokenize"]

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


@attrs.frozen
class Token:
    """One token: ``kind`` is time, num, word, punct, string or end.

    ``text`` is as written; for a word, ``key`` is its lowercase form.
    """

    kind: str
    text: str
    column: int
    key: str = attrs.field(
        default=attrs.Factory(lambda token: token.text.lower(), takes_self=True),
        eq=False,
        repr=False,
    )
    """The text in lowercase, for matching words without regard to case."""


# ASCII classes on purpose: "\d" would accept digits such as "٣".
_TOKEN_RE = re.compile(
    r"(?P<space>\s+|#[^\n]*)|(?P<time>[0-9]{1,2}[:.][0-9]{2}(?![0-9]))"
    r"|(?P<num>[0-9]+)|(?P<word>[A-Za-z]+)|(?P<string>\"[^\"]*\")"
    r"|(?P<punct>\|\||[-,;:/\[\]+()])"
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens ending with an "end" token at ``len(text)``.

    >>> [t.text for t in tokenize('mo-fr 9:00-17:00 "ask"')]
    ['mo', '-', 'fr', '9:00', '-', '17:00', '"ask"', '']
    """
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            reason = f"unexpected character {text[pos]!r}"
            if text[pos] == '"':
                reason = "a comment in quotes is not closed; add the closing '\"'"
            raise NotationError(text, pos, reason)
        if match.lastgroup != "space":
            word = match.group()
            tokens.append(Token(str(match.lastgroup), word, pos, word.lower()))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens
