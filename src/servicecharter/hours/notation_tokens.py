"""Tokens of the opening_hours notation, each with its column.

Words are matched without regard to case (``mo-fr``, ``MO-FR``), ``#``
starts a comment to the end of the line, newlines are whitespace, and a
quoted text (``"by appointment"``) is one token.
"""

from __future__ import annotations

import re
from typing import NamedTuple

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


class Token(NamedTuple):
    """One token: ``kind`` is time, num, word, punct, string or end.

    ``text`` is as written; ``key`` is its lowercase form, for matching
    words without regard to case. A plain tuple: the parser makes some
    fifteen of them per value, and a tuple is the cheapest object to build.

    >>> Token("word", "Mo", 0, "mo").key
    'mo'
    """

    kind: str
    text: str
    column: int
    key: str


# ASCII classes on purpose: "\d" would accept digits such as "٣".
# Spaces and ``#`` comments before a token are part of its match (taken
# whole, never given back), so each match is one token and the last is the
# end of the text.
_TOKEN_RE = re.compile(
    r"(?:\s|#[^\n]*+)*+"
    r"(?:(?P<time>[0-9]{1,2}[:.][0-9]{2}(?![0-9]))"
    r"|(?P<num>[0-9]+)|(?P<word>[A-Za-z]+)|(?P<string>\"[^\"]*\")"
    r"|(?P<punct>\|\||[-,;:/\[\]+()])|(?P<end>\Z)|(?P<bad>.))",
    re.DOTALL,
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens ending with an "end" token at ``len(text)``.

    >>> [t.text for t in tokenize('mo-fr 9:00-17:00 "ask"')]
    ['mo', '-', 'fr', '9:00', '-', '17:00', '"ask"', '']
    """
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__  # Token's fields in order, without its Python __new__
    for match in _TOKEN_RE.finditer(text):  # every character is in one match
        kind = match.lastgroup or "end"
        pos = match.start(kind)
        if kind == "end":
            break
        if kind == "bad":
            reason = f"unexpected character {text[pos]!r}"
            if text[pos] == '"':
                reason = "a comment in quotes is not closed; add the closing '\"'"
            raise NotationError(text, pos, reason)
        word = match[kind]
        append(new(Token, (kind, word, pos, word.lower())))
    append(Token("end", "", len(text), ""))
    return tokens
