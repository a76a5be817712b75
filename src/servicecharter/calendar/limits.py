"""What a calendar computes over: the supported years, and the span of one call.

Supported are the dates of years 2 to 9998, and every instant that falls in
those years on the UTC clock or on the calendar's own clock: from
0002-01-01T00:00 to the end of 9998-12-31 in UTC, and the same wall-clock
times in the calendar's zone, so that each end works in every zone (from
UTC-12 to UTC+14). Such an instant may lie on 0001-12-31 or 9999-01-01 on
one of the two clocks, so those two local days are compiled too, and an
answer may land on them. Nothing further: Python's dates stop at years 1
and 9999.

One call also covers at most ``SPAN_YEARS`` of a calendar at once, so that
its time and memory stay bounded: business time between instants further
apart than that, a count of business days over more, or an answer further
than that from its start is refused at once, naming the bound. Instants
far apart in one array are fine: they are answered one era at a time.
"""

from __future__ import annotations

import numpy as np

from .._core.units import (
    DAY_US,
    FIRST_DAY,
    LAST_DAY,
    SUPPORTED_YEARS,
    from_day_number,
)
from .._errors import HorizonError

__all__ = [
    "COMPILE_FIRST",
    "COMPILE_LAST",
    "END_US",
    "FIRST_US",
    "SPAN_DAYS",
    "SPAN_US",
    "SPAN_YEARS",
    "check_days",
    "check_instant",
    "check_span",
    "past_the_edge",
    "too_far",
]

FIRST_US = FIRST_DAY * DAY_US
"""The first supported instant, 0002-01-01T00:00 UTC."""
END_US = (LAST_DAY + 1) * DAY_US
"""One past the last supported instant, 9999-01-01T00:00 UTC."""
COMPILE_FIRST, COMPILE_LAST = FIRST_DAY - 1, LAST_DAY + 1
"""The first and last local day ever compiled (0001-12-31, 9999-01-01)."""
SPAN_YEARS = 400
SPAN_DAYS = 146_097  # 400 Gregorian years
SPAN_US = SPAN_DAYS * DAY_US

_FIX = "check the instants and durations given (a unit mix-up in datetime64 values?)"


def _where(day: int) -> str:
    if abs(day) < 100_000_000:  # numpy dates reach far; name the year
        year = np.datetime64(day, "D").astype("datetime64[Y]").astype(np.int64)
        return f"year {int(year) + 1970}"
    return f"{abs(day) // 365:,} years from 1970"


def check_days(first: int, last: int) -> None:
    """Raise HorizonError, naming the year, for dates outside years 2-9998.

    >>> check_days(FIRST_DAY - 1, FIRST_DAY)
    Traceback (most recent call last):
    ...
    servicecharter.HorizonError: a date in year 1 is outside the ...
    """
    if first < FIRST_DAY or last > LAST_DAY:
        bad = first if first < FIRST_DAY else last
        raise HorizonError(
            f"a date in {_where(bad)} is outside the supported years "
            f"{SUPPORTED_YEARS}; {_FIX}"
        )


def check_instant(instant_us: int, local_day: int | None) -> None:
    """Raise HorizonError, naming the year, for an instant outside years 2-9998.

    ``local_day`` is its date on the calendar's clock (None when it has none).
    """
    if FIRST_US <= instant_us < END_US:
        return
    if local_day is not None and FIRST_DAY <= local_day <= LAST_DAY:
        return
    raise HorizonError(
        f"an instant in {_where(instant_us // DAY_US)} (UTC) is outside the "
        f"supported years {SUPPORTED_YEARS}; {_FIX}"
    )


def check_span(first: int, last: int) -> None:
    """Raise HorizonError when local days [first, last] exceed ``SPAN_YEARS``."""
    if last - first + 1 > SPAN_DAYS:
        years = (last - first + 1) * 400 // SPAN_DAYS
        raise HorizonError(
            f"one call covers at most {SPAN_YEARS} years of a calendar, and this "
            f"one needs about {years:,} (from {from_day_number(first)} to "
            f"{from_day_number(last)}); split the span, or check the instants, "
            "dates and durations given"
        )


def past_the_edge(day: int, after: bool) -> HorizonError:
    """The error for an answer that lies beyond the supported years."""
    side = "after" if after else "before"
    return HorizonError(
        f"the answer lies {side} {from_day_number(day)}, outside the supported "
        f"years {SUPPORTED_YEARS}; {_FIX}"
    )


def too_far(day: int, after: bool) -> HorizonError:
    """The error for an answer more than ``SPAN_YEARS`` from what was asked."""
    side = "after" if after else "before"
    return HorizonError(
        f"the answer lies more than {SPAN_YEARS} years {side} "
        f"{from_day_number(day)}, and one call covers at most {SPAN_YEARS} years "
        "of a calendar; check the durations given"
    )
