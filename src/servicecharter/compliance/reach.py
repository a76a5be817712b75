"""Request rows that their calendar cannot compute, each with its reason.

A calendar computes local dates in the supported years (2-9998) and, with
public holidays, only in the years the ``holidays`` package knows for the
country (1803-2100 for France): elsewhere it would have to guess which days
are holidays, and raises ``HorizonError``. In a batch, one such row must not
stop the others: ``out_of_reach`` names the rows whose instants (received,
responded, or ``now`` while unanswered) fall in a year their calendar cannot
compute, before anything is computed; ``isolate`` finds, by halving, the
few that still fail once computed (a deadline that runs past the last
year), so that they too become problems and the rest is answered.

The years a calendar computes form one span (the supported years, cut by
each holiday source's own span), so a group of rows whose earliest and
latest instants are within reach is within reach as a whole: the common
case costs a few whole-array passes and two probes per (engagement,
calendar) group. Only a group with a row out of reach is read year by year,
one probe per distinct year, never a Python loop per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from .._core.units import BIG, DAY_US, I64, NAT, SUPPORTED_YEARS
from .._core.zone import utc_to_local
from .._errors import HorizonError
from ..calendar import BusinessCalendar, CombinedHours
from ..hours import OpeningHours
from .compute import group_calendar

__all__ = ["compute_isolating", "isolate", "out_of_reach"]

R = TypeVar("R")

_FIRST_YEAR, _LAST_YEAR = (int(y) for y in SUPPORTED_YEARS.split("-"))
_DAY_OF_YEAR_1 = int(np.datetime64("0001-01-01", "D").astype(np.int64))
_DAY_OF_YEAR_10000 = int(np.datetime64("10000-01-01", "D").astype(np.int64))


def _years(days: I64) -> I64:
    """The year of each day number (days since 1970-01-01), within 1-9999."""
    clipped = np.clip(days, _DAY_OF_YEAR_1, _DAY_OF_YEAR_10000 - 1)
    years = clipped.astype("datetime64[D]").astype("datetime64[Y]")
    return years.astype(np.int64) + 1970


def _needed_years(calendar: BusinessCalendar, instants: I64) -> tuple[I64, I64]:
    """The first and last year a calendar compiles to answer about each instant.

    A calendar compiles whole years around the local day before and the day
    after an instant. A UTC day two days off either way is a local day one
    day off in any zone; only the instants near a new year are converted to
    local days exactly.
    """
    utc_days = instants // DAY_US
    low, high = _years(utc_days - 2), _years(utc_days + 2)
    near = np.flatnonzero(low != high)
    if near.size:
        local_days = utc_to_local(instants[near], calendar.hours.tz) // DAY_US
        low[near], high[near] = _years(local_days - 1), _years(local_days + 1)
    return low, high


def _year_problem(calendar: BusinessCalendar, year: int) -> str | None:
    """Why ``calendar`` cannot compute dates in ``year``, or None."""
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return f"a date in year {year} is outside the supported years {SUPPORTED_YEARS}"
    try:
        _holidays_known(calendar.hours, year)
    except HorizonError as error:
        return str(error)
    return None


def _holidays_known(hours: object, year: int) -> None:
    """Raise ``HorizonError`` when a holiday source of ``hours`` lacks ``year``.

    A combined calendar holds no holidays of its own: its operands do.
    """
    if isinstance(hours, CombinedHours):
        for operand in hours.operands:
            _holidays_known(operand, year)
    elif isinstance(hours, OpeningHours):
        hours.holiday_dates(year, year)


def _flag(
    calendar: BusinessCalendar,
    rows: I64,
    instants: I64,
    label: str,
    reasons: dict[int, str],
) -> None:
    """A reason for each of ``rows`` whose instant the calendar cannot reach."""
    keep = instants != NAT
    rows, instants = rows[keep], instants[keep]
    if rows.size == 0:
        return
    low, high = _needed_years(calendar, instants)
    problems = {
        year: _year_problem(calendar, year) for year in np.union1d(low, high).tolist()
    }
    bad_years = [year for year, problem in problems.items() if problem is not None]
    if not bad_years:
        return
    hit = np.flatnonzero(np.isin(low, bad_years) | np.isin(high, bad_years))
    shown = _minutes(instants[hit])
    own = _years(instants[hit] // DAY_US).tolist()  # low or high: name it first
    for i, text, year in zip(hit.tolist(), shown, own, strict=True):
        named = next(
            y for y in (year, int(low[i]), int(high[i])) if problems.get(y) is not None
        )
        reasons.setdefault(int(rows[i]), f"{label} {text}Z: {problems[named]}")


def _minutes(instants: I64) -> list[str]:
    """UTC instants as ISO texts to the minute."""
    texts = np.datetime_as_string(instants.view("datetime64[us]"), unit="m")
    return list(texts.tolist())


def _span(
    received: I64, responded: I64, good: npt.NDArray[np.bool_], now_us: int
) -> tuple[int, int] | None:
    """The years around the earliest and latest instant of the good rows.

    ``now`` counts when a good row is unanswered; None without good rows.
    A good row is never answered before it was received (such a row is a
    problem), so the earliest instant is a receipt; NaT is the smallest
    int64, so the latest response is the largest value of the good rows.
    """
    if not good.any():
        return None
    low = _extreme(received, good, np.argmin)
    high = max(
        _extreme(received, good, np.argmax), _extreme(responded, good, np.argmax)
    )
    if ((responded == NAT) & good).any():
        low, high = min(low, now_us), max(high, now_us)
    ends = np.array([low // DAY_US - 2, high // DAY_US + 2])
    first, last = _years(ends).tolist()
    return first, last


def _extreme(values: I64, good: npt.NDArray[np.bool_], arg: Any) -> int:
    """The smallest (``np.argmin``) or largest value of the ``good`` positions.

    The extreme of the whole column is one fast pass; it is the answer when
    its position is good (almost always), else a masked reduction decides.
    """
    at = int(arg(values))
    if good[at]:
        return int(values[at])
    if arg is np.argmin:
        return int(values.min(where=good, initial=BIG))
    return int(values.max(where=good, initial=NAT))


def _groups(keys: I64, good: npt.NDArray[np.bool_]) -> list[int]:
    """The group keys (engagement x calendar override) of the good rows.

    A count per key finds them without sorting the rows, when there are not
    many more possible keys than rows.
    """
    if int(keys.max(initial=0)) < 4 * keys.size + 1024:
        present = np.flatnonzero(np.bincount(keys, weights=good))
    else:
        present = np.unique(keys[good])
    return [int(key) for key in present]


def out_of_reach(
    charter: Any,
    *,
    received: I64,
    responded: I64,
    chosen: I64,
    zones: I64,
    specs: list[tuple[str | None, str | None]],
    bad: npt.NDArray[np.bool_],
    now_us: int,
) -> dict[int, str]:
    """The rows whose calendar cannot compute their instants, with the reasons.

    A request received after ``now`` has not come in yet: it cannot be
    judged either. Rows already ``bad``, or without an objective to measure
    (no engagement, or one of caps only), are left out. The reason names the
    column, the instant (UTC) and what the calendar cannot do.
    """
    reasons: dict[int, str] = {}
    early = np.flatnonzero(~bad & (received > now_us))
    now_text = _minutes(np.array([now_us]))[0]  # once, not once per early row
    for row, text in zip(early.tolist(), _minutes(received[early]), strict=True):
        reasons[row] = (
            f"received_at {text}Z is after now ({now_text}Z): "
            "the request has not come in yet; check the instants or now"
        )
    measured = np.array([bool(e.objectives) for e in charter.engagements] + [False])
    good = ~bad & measured[chosen]
    good[early] = False
    span = _span(received, responded, good, now_us)
    if span is None:
        return reasons
    keys = np.where(good, chosen, 0) * len(specs) + zones
    for key in _groups(keys, good):
        engagement = charter.engagements[key // len(specs)]
        calendar = group_calendar(charter, engagement, specs[key % len(specs)])
        if all(_year_problem(calendar, year) is None for year in span):
            continue  # the years it computes are one span: all are in reach
        rows = np.flatnonzero(good & (keys == key))
        _flag(calendar, rows, received[rows], "received_at", reasons)
        _flag(calendar, rows, responded[rows], "responded_at", reasons)
        late = rows[responded[rows] == NAT]
        now = np.full(late.size, now_us, dtype=np.int64)
        _flag(calendar, late, now, "unanswered at now", reasons)
    return dict(sorted(reasons.items()))


def isolate(
    run: Callable[[npt.NDArray[np.bool_]], object], candidates: I64, n: int
) -> dict[int, str]:
    """The ``candidates`` rows on which ``run`` raises ``HorizonError``, and why.

    ``run(mask)`` computes only the rows of the mask (of ``n`` rows) it is
    given, and raised for all ``candidates`` together. They are halved until
    each failing row stands alone: a few calls per failing row, on the rare
    batches where a deadline runs past the last year a calendar computes.
    """
    failing: dict[int, str] = {}
    half = candidates.size // 2
    parts = [candidates[half:], candidates[:half]]
    while parts:
        part = parts.pop()
        if part.size == 0:
            continue
        mask = np.zeros(n, dtype=bool)
        mask[part] = True
        try:
            run(mask)
        except HorizonError as error:
            if part.size == 1:
                failing[int(part[0])] = str(error)
            else:
                half = part.size // 2
                parts += [part[half:], part[:half]]
    return dict(sorted(failing.items()))


def compute_isolating(
    compute: Callable[[npt.NDArray[np.bool_]], R],
    bad: npt.NDArray[np.bool_],
    reasons: dict[int, list[str]],
) -> tuple[R, bool]:
    """``compute`` over every row, the rows it cannot compute set aside.

    ``compute(mask)`` computes the rows of the mask that are not ``bad``. If
    it raises ``HorizonError``, the rows that make it raise are found
    (``isolate``), marked ``bad`` with their reason and ``compute`` runs
    again without them; the second value says whether any were found.
    """
    every = np.ones(len(bad), dtype=bool)
    try:
        return compute(every), False
    except HorizonError:
        pass
    for row, reason in isolate(compute, np.flatnonzero(~bad), len(bad)).items():
        reasons.setdefault(row, []).append(f"its deadline is out of reach: {reason}")
        bad[row] = True
    return compute(every), True
