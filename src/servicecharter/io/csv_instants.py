"""Read a column of ISO 8601 instant texts from a CSV file, whole-array.

Instants are texts as ``datetime.fromisoformat`` reads them; one without a
UTC offset is wall-clock time in the given zone (read with ``fold=0``).
The common shapes (``YYYY-MM-DD[T ]HH:MM[:SS[.fff[fff]]]`` with an
optional ``Z`` or ``+HH:MM``) are parsed whole-array by numpy and shifted
to UTC per distinct local day; the rest, and every day with a UTC offset
change, go through ``fromisoformat`` one value at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.convert import instant_us
from .._core.units import DAY_US, I64, NAIVE_EPOCH, NAT, ONE_US

__all__ = ["parse_instants"]

# The shapes the whole-array path reads, by length of the text before any
# offset; 'D' is a digit and position 10 may be 'T' or a space.
_TEMPLATE = "DDDD-DD-DDTDD:DD:DD.DDDDDD"
_BASE_LENGTHS = (10, 13, 16, 19, 23, 26)
_YEAR_ONE = np.datetime64("0001-01-01", "us").astype(np.int64)


def parse_instants(
    values: Any, tz: dt.tzinfo
) -> tuple[npt.NDArray[np.datetime64], dict[int, str]]:
    """ISO 8601 texts as UTC ``datetime64[us]`` and the unreadable ones by row.

    Empty (or blank) texts are NaT. Texts without an offset are wall-clock
    time in ``tz``, read like ``datetime.replace(tzinfo=tz)`` (``fold=0``).

    >>> from zoneinfo import ZoneInfo
    >>> out, bad = parse_instants(
    ...     ["2026-03-27T16:30", "2026-03-27T15:30Z", "", "soon"],
    ...     ZoneInfo("Europe/Paris"),
    ... )
    >>> out.astype("datetime64[m]").astype(str).tolist()
    ['2026-03-27T15:30', '2026-03-27T15:30', 'NaT', 'NaT']
    >>> bad
    {3: 'soon'}
    """
    text = np.strings.strip(np.array(values, dtype=str).reshape(-1))
    n = len(text)
    out = np.full(n, NAT, dtype=np.int64)
    bad: dict[int, str] = {}
    if n == 0 or text.dtype.itemsize == 0:
        return out.view("datetime64[us]"), bad
    fast, base, offset, naive = _fast_shapes(text)
    local = np.full(n, NAT, dtype=np.int64)
    chosen = np.flatnonzero(fast)
    try:
        local[chosen] = base[chosen].astype("datetime64[us]").view(np.int64)
    except ValueError:  # a day or hour out of range somewhere: value by value
        for i in chosen.tolist():
            try:
                local[i] = np.datetime64(base[i], "us").view(np.int64)
            except ValueError:
                fast[i] = False
    fast &= local >= _YEAR_ONE  # year 0 reads in numpy, not in datetime
    aware = fast & ~naive
    out[aware] = local[aware] - offset[aware]
    wall = fast & naive
    out[wall], exact = _wall_to_utc(local[wall], tz)
    slow = (~fast & (np.strings.str_len(text) > 0)).copy()
    slow[np.flatnonzero(wall)[exact]] = True
    for i in np.flatnonzero(slow).tolist():
        item = str(text[i])
        try:
            parsed = dt.datetime.fromisoformat(item)
            if parsed.utcoffset() is None:
                parsed = parsed.replace(tzinfo=tz)
            out[i] = instant_us(parsed)
        except (ValueError, OverflowError):
            bad[i] = item
    return out.view("datetime64[us]"), bad


def _fast_shapes(
    text: npt.NDArray[np.str_],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.str_], I64, npt.NDArray[np.bool_]]:
    """Which texts the whole-array path reads, and how.

    Returns the mask of texts of a known shape, the texts cut before their
    offset, the offsets in microseconds and the mask of texts without one.
    """
    n, width = len(text), text.dtype.itemsize // 4
    codes = np.ascontiguousarray(text).view(np.uint32).reshape(n, width)
    size = np.strings.str_len(text).astype(np.int64)
    rows = np.arange(n)

    def at(position: I64) -> npt.NDArray[np.int64]:
        inside = (position >= 0) & (position < width)
        found = codes[rows, np.clip(position, 0, width - 1)].astype(np.int64)
        return np.where(inside, found, -1)

    def digit(position: I64) -> npt.NDArray[np.int64]:
        value = at(position) - ord("0")
        return np.where((value >= 0) & (value <= 9), value, -100)

    # A "Z" as fromisoformat reads it: upper case, after a time (a date alone
    # takes no offset: "2026-12-19Z" is refused on the command line too).
    zulu = (size > 13) & (at(size - 1) == ord("Z"))
    hours = digit(size - 5) * 10 + digit(size - 4)
    minutes = digit(size - 2) * 10 + digit(size - 1)
    sign = at(size - 6)
    offsets = (
        (size - 6 >= 16)
        & np.isin(sign, [ord("+"), ord("-")])
        & (at(size - 3) == ord(":"))
        & (hours >= 0)
        & (hours < 24)
        & (minutes >= 0)
        & (minutes < 60)
    )
    base_size = np.where(zulu, size - 1, np.where(offsets, size - 6, size))
    fast = np.isin(base_size, _BASE_LENGTHS)
    for j, want in enumerate(_TEMPLATE[: min(width, len(_TEMPLATE))]):
        column = codes[:, j].astype(np.int64)
        if want == "D":
            match = (column >= ord("0")) & (column <= ord("9"))
        elif want == "T":
            match = (column == ord("T")) | (column == ord(" "))
        else:
            match = column == ord(want)
        fast &= (j >= base_size) | match
    keep = min(width, len(_TEMPLATE))
    cut = codes[:, :keep].copy()
    cut[np.arange(keep) >= base_size[:, None]] = 0
    base = cut.view(f"<U{keep}").reshape(n)
    minus = np.where(sign == ord("-"), -1, 1)
    offset = np.where(offsets, minus * (hours * 3600 + minutes * 60), 0) * 1_000_000
    return fast, base, offset, ~(zulu | offsets)


def _wall_to_utc(local: I64, tz: dt.tzinfo) -> tuple[I64, npt.NDArray[np.bool_]]:
    """Local wall-clock microseconds in ``tz`` to UTC, and which need ``fold=0``.

    One offset lookup per distinct local day; a day whose offset changes
    (a DST change) is flagged for the exact one-by-one reading.
    """
    if local.size == 0:
        return local.copy(), np.zeros(0, dtype=bool)
    days, inverse = np.unique(local // DAY_US, return_inverse=True)
    midnight = []
    for day in days.tolist():
        start = NAIVE_EPOCH + dt.timedelta(days=day)
        try:
            now = start.replace(tzinfo=tz).utcoffset()
            after = (start + dt.timedelta(days=1)).replace(tzinfo=tz).utcoffset()
        except OverflowError:  # the last day of year 9999
            now = after = None
        same = now is not None and now == after
        midnight.append(now // ONE_US if same and now is not None else NAT)
    offsets = np.array(midnight, dtype=np.int64)[inverse.reshape(-1)]
    exact = offsets == NAT
    return np.where(exact, NAT, local - np.where(exact, 0, offsets)), exact
