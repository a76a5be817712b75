"""Holidays in charter files: a country, a market, dates, or a list mixing them.

``"FR"``, ``{country = "FR", subdiv = "57"}``, ``{country = "BE",
categories = ["public", "bank"]}``, ``{market = "XNYS"}``,
``[2026-05-01, ...]``, ``{dates = [...]}``, or a list of those.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .._errors import ServiceCharterError
from ..hours.holidays import (
    FinancialHolidays,
    HolidayDates,
    HolidaySource,
    PublicHolidays,
)
from .spec import Array, Date, Kind, Schema, Text, describe, fail, load_items
from .spec_table import Field, Table

__all__ = ["HOLIDAYS"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_HELP = (
    "a country code like 'FR', a table {country = 'FR', subdiv = '57'}, "
    "a market {market = 'XNYS'}, a list of dates, or a list of those"
)
_DEFAULT = ("public",)
_CATEGORIES = Field(
    Array(Text(example="bank"), 1),
    "kinds of holiday as the holidays package names them; default ['public']",
)


def _country(loaded: dict[str, Any]) -> PublicHolidays:
    return PublicHolidays(
        loaded["country"], loaded.get("subdiv"), loaded.get("categories", _DEFAULT)
    )


def _categories(source: PublicHolidays | FinancialHolidays) -> dict[str, Any]:
    same = source.categories == _DEFAULT
    return {} if same else {"categories": list(source.categories)}


def _plain(source: PublicHolidays) -> bool:
    return source.subdiv is None and source.categories == _DEFAULT


_COUNTRY = Table(
    name="CountryHolidays",
    doc="The public holidays of a country (from the holidays package).",
    fields={
        "country": Field(Text(example="FR"), "ISO 3166-1 alpha-2 code"),
        "subdiv": Field(Text(example="57"), "subdivision code (region, canton)"),
        "categories": _CATEGORIES,
    },
    build=_country,
    unbuild=lambda h: {
        "country": h.country,
        **({"subdiv": h.subdiv} if h.subdiv else {}),
        **_categories(h),
    },
    required=("country",),
)
_MARKET = Table(
    name="MarketHolidays",
    doc="The days a market is closed (from the holidays package).",
    fields={
        "market": Field(Text(example="XNYS"), "ISO 10383 market code"),
        "categories": _CATEGORIES,
    },
    build=lambda loaded: FinancialHolidays(
        loaded["market"], loaded.get("categories", _DEFAULT)
    ),
    unbuild=lambda h: {"market": h.market, **_categories(h)},
    required=("market",),
)
_DATES = Table(
    name="HolidayDates",
    doc="An explicit set of holiday dates.",
    fields={"dates": Field(Array(Date()), "the dates")},
    build=lambda loaded: HolidayDates(loaded["dates"]),
    unbuild=lambda h: {"dates": sorted(h.holidays)},
    required=("dates",),
)


def _is_date(item: object) -> bool:
    if isinstance(item, str):
        return bool(_ISO_DATE.match(item))
    return isinstance(item, dt.date) and not isinstance(item, dt.datetime)


class _Item(Kind):
    """One item of a ``holidays`` list: a date, or a holiday source."""

    def __init__(self, holidays: _Holidays) -> None:
        self._holidays = holidays

    def load(self, value: Any, path: str) -> Any:
        if _is_date(value):
            return Date().load(value, path)
        return self._holidays._source(value, path)


class _Holidays(Kind):
    def load(self, value: Any, path: str) -> Any:
        if not isinstance(value, list):
            return (self._source(value, path),)
        # Every bad item is named, not the first one only.
        items = load_items(_Item(self), value, path)
        dates = [item for item in items if isinstance(item, dt.date)]
        sources: list[Any] = []
        for item in items:  # the dates go where the first of them stands
            if not isinstance(item, dt.date):
                sources.append(item)
            elif dates:
                sources.append(HolidayDates(dates))
                dates = []
        return tuple(sources)

    def _source(self, value: Any, path: str) -> HolidaySource:
        if isinstance(value, str):
            try:
                return PublicHolidays(value)
            except ServiceCharterError as error:
                raise fail(path, value, str(error)) from None
        if isinstance(value, Mapping):
            table = (
                _DATES
                if "dates" in value
                else _MARKET
                if "market" in value
                else _COUNTRY
            )
            source: HolidaySource = table.load(value, path)
            return source
        raise fail(path, value, f"expected {_HELP}, got {describe(value)}")

    def dump(self, value: Any) -> Any:
        if len(value) == 1 and isinstance(value[0], PublicHolidays):
            only = value[0]
            return only.country if _plain(only) else _COUNTRY.dump(only)
        inline = sum(isinstance(s, HolidayDates) for s in value) == 1
        out: list[Any] = []
        for source in value:
            if isinstance(source, PublicHolidays):
                out.append(source.country if _plain(source) else _COUNTRY.dump(source))
            elif isinstance(source, FinancialHolidays):
                out.append(_MARKET.dump(source))
            elif inline and source.holidays:
                out.extend(sorted(source.holidays))
            else:
                out.append(_DATES.dump(source))
        return out

    def schema(self, defs: dict[str, Schema]) -> Schema:
        one = [
            {"type": "string", "pattern": "^[A-Z]{2,3}$"},
            _COUNTRY.schema(defs),
            _MARKET.schema(defs),
            _DATES.schema(defs),
        ]
        item = {"oneOf": [*one[1:], {"type": "string"}]}
        return {"oneOf": [*one, {"type": "array", "items": item}]}


HOLIDAYS = _Holidays()
