"""Holiday sources: national calendars from ``holidays``, or explicit dates.

The ``holidays`` package is imported only when a country calendar is first
used, so ``import servicecharter`` stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeAlias

import attrs

from .._errors import HorizonError, InvalidHoursError, UnknownCountryError

__all__ = ["HolidayDates", "HolidaySource", "PublicHolidays", "to_holiday_sources"]


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    # The registry names every country without importing its module, which
    # list_supported_countries() would do for all of them (over 100 ms).
    from holidays import registry

    return frozenset(entry[1] for entry in registry.COUNTRIES.values())


@lru_cache(maxsize=512)
def _country_year(country: str, subdiv: str | None, year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays(country, subdiv=subdiv, years=year))


@lru_cache(maxsize=64)
def _known_years(country: str, subdiv: str | None) -> tuple[int, int]:
    import holidays

    calendar = holidays.country_holidays(country, subdiv=subdiv)
    return int(calendar.start_year), int(calendar.end_year)


def _check_country(instance: PublicHolidays, _attr: Any, country: Any) -> None:
    if not isinstance(country, str) or country not in _country_codes():
        raise UnknownCountryError(
            f"unknown country {country!r} for public holidays; use an ISO 3166-1 "
            "alpha-2 code such as 'FR' or 'BE'"
        )


def _check_subdiv(instance: PublicHolidays, _attr: Any, subdiv: str | None) -> None:
    if subdiv is None:
        return
    import holidays

    calendar = holidays.country_holidays(instance.country)
    known = [str(code) for code in calendar.subdivisions]
    if subdiv not in known:
        choices = ", ".join(known) or "none"
        raise UnknownCountryError(
            f"unknown subdivision {subdiv!r} of {instance.country}; known: {choices}"
        )


@attrs.frozen
class PublicHolidays:
    """The public holidays of a country, optionally of one subdivision.

    >>> fr = PublicHolidays("FR")
    >>> dt.date(2026, 7, 14) in fr.dates(2026, 2026)
    True
    >>> dt.date(2026, 12, 26) in PublicHolidays("FR", subdiv="57").dates(2026, 2026)
    True
    """

    country: str = attrs.field(validator=_check_country)
    """The country, as the ISO 3166-1 alpha-2 code the ``holidays`` package knows,
    such as ``"FR"`` or ``"BE"`` (upper case)."""
    subdiv: str | None = attrs.field(default=None, validator=_check_subdiv)
    """A subdivision code of that country as ``holidays`` names it (``"57"``, Moselle,
    for ``"FR"``), adding its own holidays; ``None``: the national ones only."""

    def dates(self, first_year: int, last_year: int) -> frozenset[dt.date]:
        """Holiday dates in the years given (inclusive).

        Outside the years the ``holidays`` package knows for the country, it
        would return no holidays at all; that would silently make them
        business days, so it raises ``HorizonError`` instead.
        """
        known = _known_years(self.country, self.subdiv)
        if first_year < known[0] or last_year > known[1]:
            year = first_year if first_year < known[0] else last_year
            raise HorizonError(
                f"public holidays of {self.country} are known for the years "
                f"{known[0]}-{known[1]} only, not {year}; give the holidays of other "
                "years as HolidayDates"
            )
        out: set[dt.date] = set()
        for year in range(first_year, last_year + 1):
            out |= _country_year(self.country, self.subdiv, year)
        return frozenset(out)


def _to_dates(value: Iterable[Any]) -> frozenset[dt.date]:
    dates = set()
    for item in value:
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
        return frozenset(d for d in self.holidays if first_year <= d.year <= last_year)


HolidaySource: TypeAlias = PublicHolidays | HolidayDates


def to_holiday_sources(value: Any) -> tuple[HolidaySource, ...]:
    """Read holidays: a source, a country code, dates, or several sources.

    >>> to_holiday_sources("BE")
    (PublicHolidays(country='BE', subdiv=None),)
    """
    if value is None:
        return ()
    if isinstance(value, PublicHolidays | HolidayDates):
        return (value,)
    if isinstance(value, str):
        return (PublicHolidays(value),)
    items = list(value)
    if items and all(isinstance(i, PublicHolidays | HolidayDates) for i in items):
        return tuple(items)
    return (HolidayDates(items),) if items else ()
