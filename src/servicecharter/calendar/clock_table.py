"""The business clock as data: a calendar's compiled intervals as a table.

Engines without Python (a warehouse, SQLite, PostgreSQL) compute business
time by looking up this table. Its rows cut ``[start, end)`` into
consecutive segments, alternately closed and open, with no gap and no
overlap, so that every instant of the span lies in exactly one row:

- ``starts``, ``ends`` (``timestamp[us, tz=UTC]``) and ``starts_us``,
  ``ends_us`` (int64 microseconds since the epoch): the segment
  ``[starts, ends)``;
- ``is_open``: whether the service is open throughout it;
- ``cum_us``: the business time, in microseconds, from ``start`` to
  ``starts``.

The business clock is then ``B(t) = cum_us + (t - starts_us if is_open
else 0)`` on the row holding t, ``elapsed(a, b)`` is ``B(b) - B(a)``, and
``add`` finds the open row whose ``[cum_us, cum_us + ends_us - starts_us)``
holds the target. An instant outside the span lies in no row: a lookup then
finds nothing (NULL in SQL), never a wrong number. pyarrow is optional and
imported here only when a table is built.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any, Protocol

import numpy as np

from .._core.convert import instant_us
from .._core.optional import optional
from .._core.units import B1, I64
from .._errors import InvalidArgumentError

__all__ = ["COLUMNS", "Intervals", "clock_segments", "clock_table"]

COLUMNS = ("starts", "ends", "starts_us", "ends_us", "is_open", "cum_us")


class Intervals(Protocol):
    """What the clock table reads of a calendar: its zone and open intervals."""

    @property
    def tz(self) -> dt.tzinfo:
        """The calendar's zone."""
        ...

    def opening_arrays(self, start: dt.datetime, end: dt.datetime) -> tuple[I64, I64]:
        """(opens_us, closes_us) within [start, end), clipped."""
        ...


def clock_segments(
    calendar: Intervals, start: dt.datetime, end: dt.datetime
) -> tuple[I64, I64, B1, I64]:
    """(starts_us, ends_us, is_open, cum_us): the segments of ``[start, end)``.

    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "UTC"))
    >>> day = dt.datetime(2026, 3, 27, tzinfo=dt.UTC)  # a Friday
    >>> starts, ends, is_open, cum = clock_segments(
    ...     cal, day, day + dt.timedelta(days=1)
    ... )
    >>> is_open.tolist(), (cum // 3_600_000_000).tolist()
    ([False, True, False], [0, 0, 8])
    """
    lo, hi = instant_us(start), instant_us(end)
    if hi <= lo:
        raise InvalidArgumentError(
            f"end {end.isoformat()} must be after start {start.isoformat()}"
        )
    opens, closes = calendar.opening_arrays(start, end)
    # Segment bounds: lo, then each opening and closing, then hi; an opening
    # at lo or a closing at hi would make an empty segment, dropped below.
    bounds = np.empty(2 * opens.size + 2, dtype=np.int64)
    bounds[0], bounds[-1] = lo, hi
    bounds[1:-1:2], bounds[2:-1:2] = opens, closes
    is_open = np.zeros(bounds.size - 1, dtype=bool)
    is_open[1::2] = True
    starts, ends = bounds[:-1], bounds[1:]
    keep = ends > starts
    starts, ends, is_open = starts[keep], ends[keep], is_open[keep]
    lengths = np.where(is_open, ends - starts, 0)
    cum = np.zeros(starts.size, dtype=np.int64)
    np.cumsum(lengths[:-1], out=cum[1:])
    return starts, ends, is_open, cum


def clock_table(
    calendar: Intervals,
    start: dt.datetime,
    end: dt.datetime,
    *,
    parquet: str | os.PathLike[str] | None = None,
) -> Any:
    """The clock table of ``[start, end)`` as a pyarrow Table (and a Parquet file).

    With ``parquet``, the table is also written to that path. The schema's
    metadata records the span and the calendar's zone.
    """
    pa = optional("pyarrow", "sql")
    starts, ends, is_open, cum = clock_segments(calendar, start, end)
    utc = pa.timestamp("us", tz="UTC")
    meta = {
        "servicecharter.span": f"{start.isoformat()}/{end.isoformat()}",
        "servicecharter.zone": str(calendar.tz),
    }
    table = pa.Table.from_arrays(
        [
            pa.array(starts).view(utc),
            pa.array(ends).view(utc),
            pa.array(starts),
            pa.array(ends),
            pa.array(is_open),
            pa.array(cum),
        ],
        names=list(COLUMNS),
        metadata=meta,
    )
    if parquet is not None:
        pq = optional("pyarrow.parquet", "sql")
        pq.write_table(table, os.fspath(parquet))
    return table
