"""Time zones: lookup, and local wall-clock microseconds to UTC with DST rules.

Local wall-clock instants are int64 microseconds since 1970-01-01T00:00 *local*
(a naive clock). Two rules decide the ambiguous ones: a time inside a DST gap
moves forward to the end of the gap; in a fold an opening takes the earlier
instant and a closing the later one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .._errors import UnknownTimeZoneError
from .units import DAY_US, EPOCH, I64, NAIVE_EPOCH, ONE_US

__all__ = [
    "DAY_US",
    "EPOCH",
    "local_to_utc",
    "to_zone",
    "utc_to_local",
    "utc_to_local_day",
]


def to_zone(value: object) -> zoneinfo.ZoneInfo:
    """Read an IANA time zone name (or a ZoneInfo) as a ZoneInfo.

    A ZoneInfo is read by its key, so that every zone of one name is the same
    object (``ZoneInfo.no_cache`` gives a new one each time) and can be
    written to a file and read back; one without a key in the zone database
    (``ZoneInfo.from_file``) is refused.

    >>> to_zone("Europe/Paris")
    zoneinfo.ZoneInfo(key='Europe/Paris')
    >>> to_zone("Europe/Pariss")
    Traceback (most recent call last):
    ...
    servicecharter.UnknownTimeZoneError: unknown time zone 'Europe/Pariss'; did you mean 'Europe/Paris' ...
    """  # noqa: E501 (doctest output is one line)
    if isinstance(value, zoneinfo.ZoneInfo):
        if value.key is None:
            raise UnknownTimeZoneError(
                f"{value!r} has no IANA name, so no charter file can name it; "
                "use a zone of the database by its name, like 'Europe/Paris'"
            )
        name = value.key
    elif isinstance(value, str):
        name = value
    else:
        raise UnknownTimeZoneError(
            f"expected an IANA time zone name like 'Europe/Paris', got {value!r}"
        )
    try:
        return zoneinfo.ZoneInfo(name)
    # OSError: a folder of the database ("America") or a name too long for
    # the file system; ValueError: a path, a NUL or a file that is no zone.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownTimeZoneError(_unknown(name)) from None


def _unknown(name: str) -> str:
    """Why ``name`` is no zone, with the zones it was perhaps meant to be."""
    shown = repr(name) if len(name) <= 80 else f"{name[:60]!r}... ({len(name)} chars)"
    fix = (
        "Use an IANA name like 'Europe/Paris' (install the tzdata package if "
        "the system has no zone database)"
    )
    folder = name.strip("/") + "/"
    inside = sorted(z for z in _zone_names() if z.startswith(folder))
    if inside and folder != "/":
        return (
            f"{shown} is a region of the IANA zone database, not a zone; name "
            f"one of its {len(inside)} zones, like {inside[0]!r}"
        )
    close = _close_names(name)
    if close:
        guess = " or ".join(repr(z) for z in close)
        return f"unknown time zone {shown}; did you mean {guess}? {fix}"
    return f"unknown time zone {shown}. {fix}"


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    # Read the first time a name is not found: listing the database reads
    # every file name in it (tens of milliseconds), which a lookup never needs.
    return frozenset(zoneinfo.available_timezones())


@lru_cache(maxsize=1)
def _lower_names() -> dict[str, str]:
    """Zones by their name and by their city in lower case ("paris")."""
    zones = sorted(_zone_names(), reverse=True)  # a shared city: the first wins
    cities = {zone.rpartition("/")[2].lower(): zone for zone in zones}
    return cities | {zone.lower(): zone for zone in zones}


def _close_names(name: str) -> list[str]:
    """Up to two zones spelt like ``name``: its case or area aside, else by difflib."""
    if len(name) > 80:  # no zone name is this long; no spelling is close
        return []
    same = _lower_names().get(name.lower())
    if same is not None:
        return [same]
    return difflib.get_close_matches(name, _zone_names(), n=2, cutoff=0.75)


def _offset_us(tz: dt.tzinfo, local: dt.datetime) -> int:
    offset = local.replace(tzinfo=tz).utcoffset()
    assert offset is not None
    return offset // ONE_US


@lru_cache(maxsize=64)
def _midnight_offsets(tz: zoneinfo.ZoneInfo, day0: int, ndays: int) -> I64:
    """UTC offset (us) at local midnight of each day in [day0, day0 + ndays)."""
    start = NAIVE_EPOCH + dt.timedelta(days=day0)
    out = np.empty(ndays, dtype=np.int64)
    for i in range(ndays):
        out[i] = _offset_us(tz, start + dt.timedelta(days=i))
    return out


def _utc_of(tz: dt.tzinfo, local_us: int, closing: bool) -> int:
    """Resolve one local wall-clock time exactly (the slow, careful path)."""
    naive = NAIVE_EPOCH + dt.timedelta(microseconds=local_us)
    early = naive.replace(tzinfo=tz, fold=0).utcoffset()
    late = naive.replace(tzinfo=tz, fold=1).utcoffset()
    assert early is not None
    assert late is not None
    off_early, off_late = early // ONE_US, late // ONE_US
    if off_early == off_late:
        return local_us - off_early
    if off_early > off_late:  # a fold: the wall time happens twice
        return local_us - (off_late if closing else off_early)
    return _gap_end(tz, local_us - off_late, local_us - off_early)


def _gap_end(tz: dt.tzinfo, lo: int, hi: int) -> int:
    """The transition instant in (lo, hi]: the first instant with the new offset."""

    def offset_at(utc_us: int) -> dt.timedelta | None:
        return (EPOCH + dt.timedelta(microseconds=utc_us)).astimezone(tz).utcoffset()

    new_offset = offset_at(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if offset_at(mid) == new_offset:
            hi = mid
        else:
            lo = mid
    return hi


def local_to_utc(
    local_us: I64, closing: npt.NDArray[np.bool_], tz: zoneinfo.ZoneInfo
) -> I64:
    """Convert local wall-clock microseconds to UTC microseconds.

    Days whose offset is the same at both midnights take a whole-array path;
    the few endpoints on transition days are resolved one by one.
    """
    if local_us.size == 0:
        return local_us.copy()
    days = local_us // DAY_US
    day0 = int(days.min()) - 1
    offsets = _midnight_offsets(tz, day0, int(days.max()) - day0 + 2)
    here = offsets[days - day0]
    stable = here == offsets[days - day0 + 1]
    utc = local_us - here
    for i in np.flatnonzero(~stable):
        utc[i] = _utc_of(tz, int(local_us[i]), bool(closing[i]))
    return utc


@lru_cache(maxsize=64)
def _utc_midnight_offsets(tz: zoneinfo.ZoneInfo, day0: int, ndays: int) -> I64:
    """UTC offset (us) at 00:00 UTC of each day in [day0, day0 + ndays)."""
    out = np.empty(ndays, dtype=np.int64)
    for i in range(ndays):
        moment = EPOCH + dt.timedelta(days=day0 + i)
        offset = moment.astimezone(tz).utcoffset()
        assert offset is not None
        out[i] = offset // ONE_US
    return out


def utc_to_local(utc_us: I64, tz: zoneinfo.ZoneInfo) -> I64:
    """Local wall-clock microseconds of UTC instants (the mirror of local_to_utc).

    Whole-array where the offset is the same at both UTC midnights around an
    instant; instants on the few transition days are converted one by one.
    """
    if utc_us.size == 0:
        return utc_us.copy()
    days = utc_us // DAY_US
    day0 = int(days.min()) - 1
    offsets = _utc_midnight_offsets(tz, day0, int(days.max()) - day0 + 2)
    here = offsets[days - day0]
    local = utc_us + here
    for i in np.flatnonzero(here != offsets[days - day0 + 1]):
        moment = EPOCH + dt.timedelta(microseconds=int(utc_us[i]))
        offset = moment.astimezone(tz).utcoffset()
        assert offset is not None
        local[i] = int(utc_us[i]) + offset // ONE_US
    return local


def utc_to_local_day(utc_us: int, tz: dt.tzinfo) -> int:
    """The local date (days since 1970-01-01) of one UTC instant."""
    local = (EPOCH + dt.timedelta(microseconds=utc_us)).astimezone(tz)
    return local.date().toordinal() - dt.date(1970, 1, 1).toordinal()
