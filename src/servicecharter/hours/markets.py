"""Market holidays from ``holidays``: the days an exchange is closed.

``FinancialHolidays("XNYS")`` is the New York Stock Exchange's closing
days; with ``categories="half_day"``, its early closes (which a calendar
algebra turns into special hours). Also the year check every ``holidays``
calendar shares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import attrs

from .._errors import HorizonError, InvalidHoursError, UnknownCountryError

__all__ = [
    "FinancialHolidays",
    "check_years",
    "named_dates",
    "to_categories",
    "year_numbers",
]


def year_numbers(first_year: object, last_year: object) -> None:
    """Year arguments are whole numbers (not a bool, a float, a text or a date)."""
    for year in (first_year, last_year):
        if type(year) is not int:
            raise InvalidHoursError(f"expected a year number, got {year!r}")


def check_years(what: str, known: tuple[int, int], first: int, last: int) -> None:
    """``HorizonError`` for years the ``holidays`` package has no data for.

    It would return no holidays at all there, which would silently make
    them business days.
    """
    if first < known[0] or last > known[1]:
        year = first if first < known[0] else last
        raise HorizonError(
            f"{what} are known for the years {known[0]}-{known[1]} only, not "
            f"{year}; give the holidays of other years as HolidayDates"
        )


def named_dates(dates: Iterable[dt.date], name: str = "holiday") -> dict[dt.date, str]:
    """Each date with one name."""
    return dict.fromkeys(sorted(dates), name)


@lru_cache(maxsize=1)
def _markets() -> dict[str, str]:
    from holidays import registry

    # Each entry: (class name, ISO 10383 code, other codes...).
    return {
        code: entry[1] for entry in registry.FINANCIAL.values() for code in entry[1:]
    }


@lru_cache(maxsize=256)
def _market_year(
    market: str, categories: tuple[str, ...], year: int
) -> dict[dt.date, str]:
    import holidays

    calendar = holidays.financial_holidays(market, years=year, categories=categories)
    return {day: str(name) for day, name in calendar.items()}


@lru_cache(maxsize=32)
def _market_facts(market: str) -> tuple[tuple[int, int], tuple[str, ...]]:
    import holidays

    calendar = holidays.financial_holidays(market)
    years = (int(calendar.start_year), int(calendar.end_year))
    return years, tuple(calendar.supported_categories)


def _check_market(_instance: object, _attr: object, market: Any) -> None:
    if not isinstance(market, str) or market not in _markets():
        known = ", ".join(sorted(set(_markets().values())))
        raise UnknownCountryError(
            f"unknown market {market!r} for holidays; use an ISO 10383 code "
            f"such as 'XNYS' or 'XLON' (known: {known})"
        )


def to_categories(value: Any) -> tuple[str, ...]:
    """Holiday category names as a sorted tuple, from one name or several."""
    is_list = isinstance(value, Iterable) and not isinstance(value, bytes | Mapping)
    items = (value,) if isinstance(value, str) else tuple(value) if is_list else ()
    if not items or not all(isinstance(c, str) for c in items):
        raise InvalidHoursError(
            f"categories must be names like 'public' or ['public', 'bank'], "
            f"got {value!r}"
        )
    return tuple(sorted(set(items)))


def _check_categories(
    instance: FinancialHolidays, _attr: object, categories: tuple[str, ...]
) -> None:
    known = _market_facts(instance.market)[1]
    unknown = [c for c in categories if c not in known]
    if unknown or not categories:
        raise UnknownCountryError(
            f"unknown holiday categories {', '.join(map(repr, unknown)) or '()'} of "
            f"{instance.market}; known: {', '.join(known)}"
        )


@attrs.frozen
class FinancialHolidays:
    """The days a market is closed, from the ``holidays`` package.

    >>> nyse = FinancialHolidays("XNYS")
    >>> dt.date(2026, 11, 26) in nyse.dates(2026, 2026)  # Thanksgiving
    True
    >>> sorted(FinancialHolidays("XNYS", categories="half_day").dates(2026, 2026))
    [datetime.date(2026, 11, 27), datetime.date(2026, 12, 24)]
    """

    market: str = attrs.field(validator=_check_market)
    """The market's ISO 10383 code as the ``holidays`` package knows it
    (``"XNYS"``, ``"XLON"``, ``"XPAR"``...) or one of its other names
    (``"NYSE"``)."""
    categories: tuple[str, ...] = attrs.field(
        default=("public",), converter=to_categories, validator=_check_categories
    )
    """``"public"`` (the default): closed all day; ``"half_day"``: early closes."""

    def dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """Closing dates in the years given (inclusive)."""
        return frozenset(self.names(first_year, last_year))

    def names(self, first_year: int, last_year: int) -> dict[dt.date, str]:
        """Each closing date in the years given, with its name."""
        year_numbers(first_year, last_year)
        years = _market_facts(self.market)[0]
        check_years(f"holidays of {self.market}", years, first_year, last_year)
        out: dict[dt.date, str] = {}
        for year in range(first_year, last_year + 1):
            out.update(_market_year(self.market, self.categories, year))
        return out
