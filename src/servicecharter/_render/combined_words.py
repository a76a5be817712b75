"""Combined calendars in words: "open whenever sydney, london or new_york is open".

Operands are named by the charter's calendars they equal; a nested
combination that has no name of its own is written in parentheses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..calendar import CombinedHours, Hours
from .items import inline
from .words import Lang, language

__all__ = ["combined_words"]


def combined_words(
    hours: CombinedHours,
    calendars: Mapping[str, Hours],
    lang: Lang,
    *,
    markdown: bool = True,
) -> str:
    """What a combined calendar means, naming the calendars it combines.

    Names are escaped for Markdown unless ``markdown`` is false (plain text).

    >>> from servicecharter import OpeningHours
    >>> a = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Australia/Sydney")
    >>> b = OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/London")
    >>> desk = CombinedHours("union", [a, b], "UTC")
    >>> combined_words(desk, {"sydney": a, "london": b}, "en")
    'open whenever sydney or london is open'
    >>> combined_words(desk, {"sydney": a, "london": b}, "fr")
    'ouvert dès que sydney ou london est ouvert'
    """
    escape = inline if markdown else str
    return _words(hours, calendars, lang, language(lang).combined, escape)


def _words(
    hours: CombinedHours,
    calendars: Mapping[str, Hours],
    lang: Lang,
    templates: Mapping[str, str],
    escape: Callable[[str], str],
) -> str:
    words = language(lang)

    def name(operand: Hours) -> str:
        for key, value in calendars.items():
            if value == operand:
                return escape(key)
        if isinstance(operand, CombinedHours):
            return _words(operand, calendars, lang, words.combined_part, escape)
        return escape(operand.format())

    names = [name(o) for o in hours.operands]
    template = templates[hours.operation]
    if hours.operation == "difference":
        others = words.join(names[1:], words.or_word)
        return template.format(first=names[0], others=others)
    last = words.or_word if hours.operation == "union" else ""
    return template.format(names=words.join(names, last))
