"""What an unknown country or subdivision of the ``holidays`` package was meant to be.

A user writes ``"UK"``, ``"fr"``, ``"France"`` or ``"Moselle"``; the package
knows ``"GB"``, ``"FR"`` and ``"57"``. These helpers turn such a slip into a
"did you mean" for the error message. They run only when a code is refused,
so the names are read (from the package's registry, without importing a
country module) the first time one is needed.

>>> country_guess("UK"), country_guess("france"), country_guess("ZZ")
('GB', 'FR', None)
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from functools import lru_cache

__all__ = ["country_guess", "subdivision_guess"]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every name the registry gives a country, in lower case, to its code.

    Each entry of ``holidays.registry.COUNTRIES`` is (class name, alpha-2
    code, alpha-3 code, aliases...): ``("UnitedKingdom", "GB", "GBR", "UK")``.
    """
    from holidays import registry

    names: dict[str, str] = {}
    for module, (class_name, code, *others) in registry.COUNTRIES.items():
        spellings = (code, class_name, module, module.replace("_", " "), *others)
        for name in spellings:
            if not name.startswith("Holidays"):  # "HolidaysGB": a class, no name
                names.setdefault(name.lower(), code)
    return names


def country_guess(country: str) -> str | None:
    """The country code ``country`` most likely stands for, or None."""
    if not country or len(country) > 60:
        return None
    names = _country_names()
    key = country.strip().lower()
    found = names.get(key) or names.get(key.replace(" ", ""))
    if found is not None:
        return found
    close = difflib.get_close_matches(key, [n for n in names if len(n) > 3], n=1)
    return names[close[0]] if close else None


def subdivision_guess(
    subdiv: str, known: tuple[str, ...], aliases: Mapping[str, str]
) -> str | None:
    """The subdivision code ``subdiv`` most likely stands for, or None.

    ``known`` are the country's subdivision codes, ``aliases`` its names
    for them (``{"Moselle": "57"}``), as the ``holidays`` package gives them.

    >>> subdivision_guess("moselle", ("57", "6AE"), {"Moselle": "57"})
    '57'
    """
    if not subdiv or len(subdiv) > 60:
        return None
    names = {code.lower(): code for code in known}
    names |= {name.lower(): code for name, code in aliases.items() if code in known}
    key = subdiv.strip().lower()
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, [n for n in names if len(n) > 3], n=1)
    return names[close[0]] if close else None
