"""Read the golden tables of opening_hours.js (see README.md in this folder).

The tables say what opening_hours.js, the reference implementation of the
OpenStreetMap ``opening_hours`` notation, makes of each value in a few time
zones: whether it parses (and the error if not), its warnings, its
prettified form, and its open intervals in a few fixed windows. They also
list the public and school holidays opening_hours.js used in each zone, so
that a comparison can run against the same holidays.

This module only reads the committed data (``golden_index.json`` and
``data/*.jsonl.gz``); it needs nothing but the standard library. Instants
are integers: microseconds since the Unix epoch, UTC (they fit an int64).
Intervals are half-open, ``[start_us, end_us)``.

Typical use::

    from load import records

    for record in records("Europe/Berlin"):
        if record.parse_error is None:
            easter = record.results["easter"]
            for interval in easter.intervals:
                ...

Run as a script (``python tests/hours/golden/load.py``) it prints a short
summary of the tables.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

HERE = Path(__file__).resolve().parent
INDEX_PATH = HERE / "golden_index.json"

_US_PER_MS = 1000


@dataclass(frozen=True)
class Window:
    """A span of local days in which the open intervals were recorded.

    ``start_us``/``end_us`` are the zone's local midnights of ``first_day``
    and of ``end_day`` (exclusive), as UTC microseconds.
    """

    name: str
    first_day: dt.date
    end_day: dt.date
    start_us: int
    end_us: int
    why: str


@dataclass(frozen=True)
class Interval:
    """One open (or unknown) interval, ``[start_us, end_us)`` in UTC µs."""

    start_us: int
    end_us: int
    unknown: bool
    comment: str | None


@dataclass(frozen=True)
class WindowResult:
    """What ``getOpenIntervals`` gave for one window.

    ``error`` is set when the library threw for the window as a whole; the
    generator then evaluated each local day on its own: ``intervals`` holds
    what the other days gave and ``failed_days`` the days that threw too.
    """

    window: Window
    intervals: tuple[Interval, ...]
    error: str | None
    failed_days: tuple[dt.date, ...]


@dataclass(frozen=True)
class Holidays:
    """Holidays of one kind (``PH`` or ``SH``) that opening_hours.js used.

    Found by evaluating the value ``PH`` (or ``SH``) alone over the span of
    all windows. ``days`` maps each local date to the holiday's name.
    ``available`` is false (and ``error`` says why) where opening_hours.js
    has no such data for the zone's country or state.
    """

    kind: str
    available: bool
    error: str | None
    days: Mapping[dt.date, str]


@dataclass(frozen=True)
class DstChange:
    """A change of the zone's UTC offset in 2026."""

    at_us: int
    local_date: dt.date
    offset_before_minutes: int
    offset_after_minutes: int


@dataclass(frozen=True)
class Zone:
    """A time zone of the tables and the location it was evaluated for."""

    zone: str
    nominatim: Mapping[str, Any]
    windows: tuple[Window, ...]
    dst_changes: tuple[DstChange, ...]
    public_holidays: Holidays
    school_holidays: Holidays


@dataclass(frozen=True)
class GoldenRecord:
    """What opening_hours.js made of one value in one zone.

    ``parse_error`` is the exception text when the constructor threw (then
    there are no warnings and no results); ``error_kind`` is ``"parse"`` or,
    when the value uses PH/SH where opening_hours.js has no holiday data,
    ``"no_holiday_data"``. ``sources`` says which lists the value came from
    (``suite``, ``realistic``, ``edge``). ``results`` maps window names to
    results. ``other_errors`` holds the text of any exception thrown by
    ``getWarnings``, ``prettifyValue`` or ``isWeekStable`` (keyed by
    ``warnings``, ``prettified``, ``week_stable``).
    """

    value: str
    zone: Zone
    sources: tuple[str, ...]
    parse_error: str | None
    error_kind: str | None
    warnings: tuple[str, ...]
    prettified: str | None
    week_stable: bool | None
    results: Mapping[str, WindowResult]
    other_errors: Mapping[str, str]

    @property
    def parses(self) -> bool:
        """True when opening_hours.js accepted the value in this zone."""
        return self.parse_error is None


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _interval(item: list[Any]) -> Interval:
    start_ms, end_ms, unknown, comment = item
    return Interval(start_ms * _US_PER_MS, end_ms * _US_PER_MS, bool(unknown), comment)


def _holidays(kind: str, raw: Mapping[str, Any]) -> Holidays:
    days = {_date(day["date"]): day["name"] for day in raw["days"]}
    return Holidays(kind, raw["available"], raw["error"], MappingProxyType(days))


def _zone(raw: Mapping[str, Any]) -> Zone:
    windows = tuple(
        Window(
            name=w["name"],
            first_day=_date(w["from"]),
            end_day=_date(w["to"]),
            start_us=w["from_ms"] * _US_PER_MS,
            end_us=w["to_ms"] * _US_PER_MS,
            why=w["why"],
        )
        for w in raw["windows"]
    )
    changes = tuple(
        DstChange(
            at_us=c["utc_ms"] * _US_PER_MS,
            local_date=_date(c["local_date"]),
            offset_before_minutes=c["offset_before_minutes"],
            offset_after_minutes=c["offset_after_minutes"],
        )
        for c in raw["dst_changes"]
    )
    return Zone(
        zone=raw["zone"],
        nominatim=MappingProxyType(raw["nominatim"]),
        windows=windows,
        dst_changes=changes,
        public_holidays=_holidays("PH", raw["holidays"]["PH"]),
        school_holidays=_holidays("SH", raw["holidays"]["SH"]),
    )


def load_index() -> dict[str, Any]:
    """The raw contents of ``golden_index.json`` (versions, zones, figures)."""
    with INDEX_PATH.open(encoding="utf-8") as f:
        index: dict[str, Any] = json.load(f)
    return index


def zones() -> tuple[Zone, ...]:
    """The zones of the tables, in table order."""
    return tuple(_zone(raw) for raw in load_index()["zones"])


def _result(window: Window, raw: list[Any] | Mapping[str, Any]) -> WindowResult:
    if isinstance(raw, list):
        return WindowResult(window, tuple(map(_interval, raw)), None, ())
    return WindowResult(
        window,
        tuple(map(_interval, raw["intervals"])),
        raw["error"],
        tuple(map(_date, raw["failed_days"])),
    )


def _record(zone: Zone, raw: Mapping[str, Any]) -> GoldenRecord:
    other_errors: dict[str, str] = {}
    fields: dict[str, Any] = {}
    for key in ("warnings", "prettified", "week_stable"):
        value = raw[key]
        if isinstance(value, dict):
            other_errors[key] = value["error"]
            value = None
        fields[key] = value
    windows = {w.name: w for w in zone.windows}
    results = {
        name: _result(windows[name], item) for name, item in raw["intervals"].items()
    }
    return GoldenRecord(
        value=raw["value"],
        zone=zone,
        sources=tuple(raw["sources"]),
        parse_error=raw["error"],
        error_kind=raw["error_kind"],
        warnings=tuple(fields["warnings"] or ()),
        prettified=fields["prettified"],
        week_stable=fields["week_stable"],
        results=MappingProxyType(results),
        other_errors=MappingProxyType(other_errors),
    )


def records(zone: str | None = None) -> Iterator[GoldenRecord]:
    """Yield every record of the tables, zone by zone, in value order.

    Args:
        zone: only this IANA zone (for example ``"Europe/Berlin"``); all
            zones when None.

    Raises:
        KeyError: ``zone`` is not one of the tables' zones.
    """
    index = load_index()
    raws = index["zones"]
    if zone is not None:
        raws = [raw for raw in raws if raw["zone"] == zone]
        if not raws:
            raise KeyError(zone)
    for raw_zone in raws:
        info = _zone(raw_zone)
        with gzip.open(HERE / raw_zone["file"], "rt", encoding="utf-8") as f:
            for line in f:
                yield _record(info, json.loads(line))


def _summary() -> None:
    index = load_index()
    print(f"opening_hours.js {index['library']['version']}, clock {index['fixed_now']}")
    for info in zones():
        count = parsed = intervals = 0
        for record in records(info.zone):
            count += 1
            parsed += record.parses
            intervals += sum(len(r.intervals) for r in record.results.values())
        print(
            f"{info.zone}: {count} values, {parsed} parse, {intervals} intervals, "
            f"{len(info.public_holidays.days)} PH days, "
            f"{len(info.school_holidays.days)} SH days"
        )


if __name__ == "__main__":
    _summary()
