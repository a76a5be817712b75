"""Holiday sources: national and market calendars from ``holidays``, or dates.

A country's holidays come in the categories the ``holidays`` package knows
(``public``, ``bank``, ``optional``, ``half_day``...); a market's are its
closing days (``FinancialHolidays``). The ``holidays`` package is imported
only when such a calendar is first used, so ``import servicecharter`` stays
fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, TypeAlias

import attrs

from .._errors import InvalidHoursError, UnknownCountryError
from .holiday_hints import country_guess, subdivision_guess
from .markets import (
    FinancialHolidays,
    check_years,
    named_dates,
    to_categories,
    year_numbers,
)

__all__ = [
    "FinancialHolidays",
    "HolidayDates",
    "HolidaySource",
    "PublicHolidays",
    "to_holiday_sources",
]


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    # The registry names every country without importing its module, which
    # list_supported_countries() would do for all of them (over 100 ms).
    from holidays import registry

    return frozenset(entry[1] for entry in registry.COUNTRIES.values())


@lru_cache(maxsize=512)
def _country_year(
    country: str, subdiv: str | None, categories: tuple[str, ...], year: int
) -> dict[dt.date, str]:
    import holidays

    calendar = holidays.country_holidays(
        country, subdiv=subdiv, years=year, categories=categories
    )
    return {day: str(name) for day, name in calendar.items()}


@lru_cache(maxsize=64)
def _known_years(country: str, subdiv: str | None) -> tuple[int, int]:
    import holidays

    calendar = holidays.country_holidays(country, subdiv=subdiv)
    return int(calendar.start_year), int(calendar.end_year)


@lru_cache(maxsize=64)
def _categories_of(country: str) -> tuple[str, ...]:
    import holidays

    return tuple(holidays.country_holidays(country).supported_categories)


def _check_categories(
    instance: PublicHolidays, _attr: Any, categories: tuple[str, ...]
) -> None:
    known = _categories_of(instance.country)
    unknown = [c for c in categories if c not in known]
    if unknown:
        raise UnknownCountryError(
            f"unknown holiday categor{'ies' if len(unknown) > 1 else 'y'} "
            f"{', '.join(map(repr, unknown))} of {instance.country}; "
            f"known: {', '.join(known)}"
        )


def _check_country(instance: PublicHolidays, _attr: Any, country: Any) -> None:
    if not isinstance(country, str) or country not in _country_codes():
        guess = country_guess(country) if isinstance(country, str) else None
        hint = f"did you mean {guess!r}? " if guess else ""
        raise UnknownCountryError(
            f"unknown country {country!r} for public holidays; {hint}use an "
            "ISO 3166-1 alpha-2 code such as 'FR' or 'BE'"
        )


def _check_subdiv(instance: PublicHolidays, _attr: Any, subdiv: Any) -> None:
    if subdiv is None:
        return
    if not isinstance(subdiv, str):
        raise UnknownCountryError(
            f"subdivision must be a code as text (subdiv='57' or 'BE-VLG'), got "
            f"{subdiv!r}"
        )
    import holidays

    calendar = holidays.country_holidays(instance.country)
    known = [str(code) for code in calendar.subdivisions]
    if subdiv not in known:
        choices = ", ".join(known) or "none"
        aliases = getattr(calendar, "subdivisions_aliases", {})
        guess = subdivision_guess(subdiv, tuple(known), aliases)
        hint = f"did you mean {guess!r}? " if guess else ""
        raise UnknownCountryError(
            f"unknown subdivision {subdiv!r} of {instance.country}; {hint}"
            f"known: {choices}"
        )


@attrs.frozen
class PublicHolidays:
    """The holidays of a country, optionally of one subdivision and categories.

    >>> fr = PublicHolidays("FR")
    >>> dt.date(2026, 7, 14) in fr.dates(2026, 2026)
    True
    >>> dt.date(2026, 12, 26) in PublicHolidays("FR", subdiv="57").dates(2026, 2026)
    True
    >>> sorted(PublicHolidays("BE", categories="bank").dates(2026, 2026))[0]
    datetime.date(2026, 4, 3)
    """

    country: str = attrs.field(validator=_check_country)
    """The country, as the ISO 3166-1 alpha-2 code the ``holidays`` package knows,
    such as ``"FR"`` or ``"BE"`` (upper case)."""
    subdiv: str | None = attrs.field(default=None, validator=_check_subdiv)
    """A subdivision code of that country as ``holidays`` names it (``"57"``, Moselle,
    for ``"FR"``), adding its own holidays; ``None``: the national ones only."""
    categories: tuple[str, ...] = attrs.field(
        default=("public",),
        converter=to_categories,
        validator=_check_categories,
    )
    """The kinds of holiday, as the ``holidays`` package names them for that
    country: ``"public"`` (the default), ``"bank"``, ``"optional"``,
    ``"half_day"``, ``"government"``...; one name or a list (kept sorted)."""

    def dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """Holiday dates in the years given (inclusive).

        Outside the years the ``holidays`` package knows for the country, it
        would return no holidays at all; that would silently make them
        business days, so it raises ``HorizonError`` instead.
        """
        return frozenset(self.names(first_year, last_year))

    def names(self, first_year: int, last_year: int) -> dict[dt.date, str]:
        """Each holiday date in the years given, with its name.

        >>> PublicHolidays("FR").names(2026, 2026)[dt.date(2026, 7, 14)]
        'National Day'
        """
        year_numbers(first_year, last_year)
        known = _known_years(self.country, self.subdiv)
        check_years(f"public holidays of {self.country}", known, first_year, last_year)
        out: dict[dt.date, str] = {}
        for year in range(first_year, last_year + 1):
            out.update(_country_year(self.country, self.subdiv, self.categories, year))
        return out


def _iterable(value: object, what: str) -> Iterable[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidHoursError(f"expected {what}, got {value!r}")
    return value


def _to_dates(value: Any) -> frozenset[dt.date]:
    dates = set()
    for item in _iterable(value, "holiday dates (datetime.date)"):
        if isinstance(item, dt.datetime) or not isinstance(item, dt.date):
            raise InvalidHoursError(
                f"expected holiday dates (datetime.date), got {item!r}"
            )
        dates.add(item)
    return frozenset(dates)


@attrs.frozen
class HolidayDates:
    """An explicit set of holiday dates.

    >>> HolidayDates([dt.date(2026, 5, 1)]).dates(2026, 2026)
    frozenset({datetime.date(2026, 5, 1)})
    """

    holidays: frozenset[dt.date] = attrs.field(converter=_to_dates)
    """The dates, any iterable of ``datetime.date`` (not datetimes, not strings)."""

    def dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """Holiday dates in the years given (inclusive)."""
        year_numbers(first_year, last_year)
        return frozenset(d for d in self.holidays if first_year <= d.year <= last_year)

    def names(self, first_year: int, last_year: int) -> dict[dt.date, str]:
        """Each holiday date in the years given, named ``"holiday"``."""
        return named_dates(self.dates(first_year, last_year))


HolidaySource: TypeAlias = PublicHolidays | HolidayDates | FinancialHolidays
_SOURCES = (PublicHolidays, HolidayDates, FinancialHolidays)


def _one_source(value: Any) -> HolidaySource:
    """A source from a country code or a table as files write it."""
    if isinstance(value, _SOURCES):
        return value
    if isinstance(value, str):
        return PublicHolidays(value)
    if isinstance(value, Mapping):
        table = dict(value)
        try:
            if "dates" in table:
                return HolidayDates(table.pop("dates"), **table)
            if "market" in table:
                return FinancialHolidays(**table)
            return PublicHolidays(**table)
        except TypeError as error:
            raise InvalidHoursError(
                f"unknown holiday table {value!r} ({error}); use "
                "{'country': 'GB', 'subdiv': 'ENG'}, {'market': 'XNYS'} or "
                "{'dates': [...]}"
            ) from None
    raise InvalidHoursError(
        f"expected a holiday source, got {value!r}; give a country code like "
        "'FR', a table like {'country': 'GB', 'subdiv': 'ENG'}, or dates"
    )


def to_holiday_sources(value: Any) -> tuple[HolidaySource, ...]:
    """Read holidays: a source, a country code, a table, dates, or a list of them.

    A table is the file form: ``{"country": "GB", "subdiv": "ENG"}``,
    ``{"market": "XNYS"}``, ``{"dates": [...]}``. In a list, dates are
    gathered into one ``HolidayDates`` where the first of them stands.

    >>> to_holiday_sources("BE")
    (PublicHolidays(country='BE', subdiv=None, categories=('public',)),)
    >>> [s.country for s in to_holiday_sources(["FR", {"country": "BE"}])]
    ['FR', 'BE']
    """
    if value is None:
        return ()
    if type(value) is tuple and all(isinstance(s, _SOURCES) for s in value):
        return value  # read already
    if isinstance(
        value, str | Mapping | PublicHolidays | HolidayDates | FinancialHolidays
    ):
        return (_one_source(value),)
    sources: list[Any] = []
    dates: list[Any] = []
    for item in _iterable(value, "holidays: a country code, dates or sources"):
        if isinstance(item, dt.date):
            if not dates:
                sources.append(None)  # where the dates go
            dates.append(item)
        else:
            sources.append(_one_source(item))
    return tuple(HolidayDates(dates) if s is None else s for s in sources)
