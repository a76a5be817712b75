"""The languages of ``render`` by locale code: the one registry of them.

Each language is one module (``fr``, ``en``) that defines one ``Language``
object. This module lists them: a locale code in ``Lang`` and its object in
``_LANGUAGES``; the rest of ``render`` asks ``language(lang)`` for its words
and never tests which language it writes.

>>> import typing
>>> set(typing.get_args(Lang)) == set(LOCALES)
True
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from .._errors import InvalidArgumentError
from ..rules import Rule
from .en import ENGLISH
from .fr import FRENCH
from .language import Language

__all__ = ["LOCALES", "Lang", "check_locale", "language", "rule_words"]

Lang: TypeAlias = Literal["fr", "en"]
_LANGUAGES: dict[Lang, Language] = {"en": ENGLISH, "fr": FRENCH}
LOCALES: tuple[Lang, ...] = tuple(sorted(_LANGUAGES))


def check_locale(locale: object) -> Lang:
    """The locale if it is one ``render`` writes, else ``InvalidArgumentError``.

    >>> check_locale("fr")
    'fr'
    >>> check_locale("fr-FR")
    Traceback (most recent call last):
    ...
    servicecharter.InvalidArgumentError: unknown locale 'fr-FR'; use one of 'en', 'fr' (a language, not a region: 'fr')
    """  # noqa: E501 (a doctest traceback is one line)
    for lang in LOCALES:
        if locale == lang:
            return lang
    allowed = ", ".join(repr(lang) for lang in LOCALES)
    hint = ""
    if isinstance(locale, str):
        code = locale.replace("_", "-").split("-")[0].lower()
        if code in LOCALES:
            hint = f" (a language, not a region: {code!r})"
    raise InvalidArgumentError(f"unknown locale {locale!r}; use one of {allowed}{hint}")


def language(lang: Lang) -> Language:
    """The words of a locale that ``check_locale`` accepted.

    >>> language("fr").join(["a", "b", "c"]), language("en").join(["a", "b"], "or")
    ('a, b et c', 'a or b')
    """
    return _LANGUAGES[lang]


def rule_words(rule: Rule, lang: Lang) -> str:
    """The deadline of a rule as a reader says it, lower case.

    >>> from servicecharter import parse_rule
    >>> rule_words(parse_rule("4 business hours"), "fr")
    'dans les 4 heures ouvrées'
    >>> rule_words(parse_rule("next business day opening"), "en")
    'at opening time on the next business day'
    >>> rule_words(parse_rule("earliest of (4 business hours; end of day)"), "en")
    'within 4 business hours or by the end of the day, whichever comes first'
    """
    return language(lang).rule(rule)
