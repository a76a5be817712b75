"""exchange_calendars: trading minutes of Euronext Paris (XPAR), and our replica of it.

``minute_offset`` and ``minutes_distance`` against ``add`` and ``elapsed`` on
an ``OpeningHours`` built from the exchange's own sessions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from servicecharter import BusinessCalendar, OpeningHours, SpecialDay

from .instants import DT_US, I64, MINUTE_US, TZ_NAME, UTC, fmt_duration, fmt_instant
from .model import WEEKMASK, Check, Impl, Peer
from .optional import load, quiet
from .ours import adder, our_elapsed_us

XPAR_MINUTES = 240
XPAR_DURATION = np.timedelta64(XPAR_MINUTES, "m")


def xpar_peers(facts: dict[str, Any]) -> tuple[BusinessCalendar, Peer, Peer] | None:
    """Our replica of XPAR and the exchange's two peers on it; None if not installed.

    ``facts["XPAR"]`` says how the replica compares with the exchange, or why
    there is none.
    """
    try:
        xc = load("exchange_calendars")
    except ImportError:
        facts["XPAR"] = "exchange_calendars not installed: XPAR workloads skipped"
        return None
    xcal, cal, note = xpar_calendar(xc)
    facts["XPAR"] = note
    pd = load("pandas")
    return cal, minute_offset(xcal, cal, pd), minutes_distance(xcal, cal, pd)


def xpar_calendar(xc: Any) -> tuple[Any, BusinessCalendar, str]:
    """XPAR from exchange_calendars, and the same schedule as OpeningHours.

    Weekly hours are the most common session; weekdays without a session are
    holidays, sessions with other hours special days. The replica is checked
    against every open and close of the exchange calendar.
    """
    with quiet():
        xcal = xc.get_calendar("XPAR", start="2025-12-01", end="2027-03-31")
        sched = xcal.schedule
    local = [
        (s.date(), f"{o.tz_convert(TZ_NAME):%H:%M}-{c.tz_convert(TZ_NAME):%H:%M}")
        for s, o, c in zip(sched.index, sched.open, sched.close, strict=True)
    ]
    ranges = [r for _, r in local]
    usual = max(set(ranges), key=ranges.count)
    sessions = {d for d, _ in local}
    first, last = local[0][0], local[-1][0]
    weekdays = np.arange(first, last + dt.timedelta(days=1), dtype="datetime64[D]")
    on = np.is_busday(weekdays, weekmask=WEEKMASK)
    holidays = [d for d in weekdays[on].tolist() if d not in sessions]
    hours = OpeningHours(
        {"Mo-Fr": usual},
        TZ_NAME,
        holidays=holidays,
        special_days=[SpecialDay(d, r) for d, r in local if r != usual],
    )
    cal = BusinessCalendar(hours)
    lo = dt.datetime.combine(first, dt.time(), UTC)
    hi = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), UTC)
    opens, closes = cal.opening_arrays(lo, hi)
    with quiet():
        same = np.array_equal(opens * 1000, np.asarray(xcal.opens_nanos)) and (
            np.array_equal(closes * 1000, np.asarray(xcal.closes_nanos))
        )
    note = (
        f"XPAR {first}..{last}: Mo-Fr {usual}, {len(holidays)} holidays, "
        f"{sum(r != usual for r in ranges)} special days; replica "
        + ("matches every open and close" if same else "DIFFERS from the exchange")
    )
    return xcal, cal, note


def _stamps(pd: Any, us: I64) -> list[Any]:
    return list(pd.DatetimeIndex(us.view(DT_US)).tz_localize("UTC"))


def minute_offset(xcal: Any, cal: BusinessCalendar, pd: Any) -> Peer:
    def offset(ts: list[Any]) -> list[Any]:
        with quiet():
            to_minute, move = xcal.minute_to_trading_minute, xcal.minute_offset
            return [move(to_minute(t, "next"), XPAR_MINUTES) for t in ts]

    return Peer(
        Impl(
            "exchange_calendars",
            f"minute_offset(minute_to_trading_minute(t, 'next'), {XPAR_MINUTES})",
            lambda data: _stamps(pd, data.a),
            offset,
            lambda out: np.fromiter((t.value // 1000 for t in out), np.int64, len(out)),
        ),
        Check(
            f"add(t, {XPAR_MINUTES} min) (t in whole minutes)",
            adder(cal, XPAR_DURATION, "next_open"),
            fmt_instant,
            (),
            (
                f'add(t, {XPAR_MINUTES} min, boundary="close")',
                adder(cal, XPAR_DURATION, "close"),
            ),
        ),
    )


def minutes_distance(xcal: Any, cal: BusinessCalendar, pd: Any) -> Peer:
    def distance(pairs: tuple[list[Any], list[Any]]) -> list[int]:
        with quiet():
            dist = xcal.minutes_distance
            return [dist(a, b) for a, b in zip(*pairs, strict=True)]

    return Peer(
        Impl(
            "exchange_calendars",
            "minutes_distance(a, b - 1 min)",
            lambda data: (_stamps(pd, data.a), _stamps(pd, data.b - MINUTE_US)),
            distance,
            lambda out: np.asarray(out, dtype=np.int64) * MINUTE_US,
        ),
        Check(
            "elapsed(a, b) (a < b, whole minutes)", our_elapsed_us(cal), fmt_duration
        ),
    )
