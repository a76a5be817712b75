"""The workloads: which calendar, which inputs, and which peers for each.

A day desk (deadlines and durations), the Paris stock exchange (trading
minutes), business days, and a night desk across the DST changes (agreement
only: ranges that cross midnight are where peers differ most).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from common import OURS
from servicecharter import BusinessCalendar, OpeningHours

from .businesstime_hours import businesstime_elapsed
from .businesstimedelta_rules import btd_add, btd_elapsed
from .causes import BTD_NIGHT, DST_WALL
from .exchange_calendars_xpar import XPAR_DURATION, XPAR_MINUTES, xpar_peers
from .inputs import (
    DST_WINDOWS,
    EDGE_SPANS,
    Inputs,
    busday_edges,
    describe_days,
    describe_offset,
    describe_span,
    describe_start,
    edge_instants,
    spans_for,
)
from .instants import I64, TZ_NAME, grid_us
from .model import DAY, HOLIDAYS, NIGHT, Cause, Data, Impl, Schedule, Workload
from .numpy_busday import busday_count, busday_offset
from .ours import adder, as_i64, by_roll, day_pair, our_add, our_elapsed
from .pandas_cbh import pandas_add

DAY_SPEC = "Mo-Fr 09:00-17:00; PH off"
NIGHT_SPEC = "Mo-Su 22:00-06:00"
FOUR_HOURS = np.timedelta64(4, "h")


def workloads(inp: Inputs | None, facts: dict[str, Any]) -> list[Workload]:
    """Every workload, in report order; ``facts`` gets notes on the XPAR replica."""
    return [*day_desk(inp), *xpar(inp, facts), *business_days(inp), *night_desk()]


def day_calendar() -> BusinessCalendar:
    hours = OpeningHours.parse(DAY_SPEC, tz=TZ_NAME, holidays=list(HOLIDAYS))
    return BusinessCalendar(hours)


def four_hours_later(
    key: str,
    title: str,
    cal: BusinessCalendar,
    sched: Schedule,
    *,
    random: Data | None,
    edge: Data,
    pandas_causes: tuple[Cause, ...] = (),
    btd_causes: tuple[Cause, ...] = (),
) -> Workload:
    """Add 4 business hours: ours, then pandas and businesstimedelta."""
    add = adder(cal, FOUR_HOURS, "next_open")
    close = adder(cal, FOUR_HOURS, "close")
    return Workload(
        key,
        title,
        our_add(cal, FOUR_HOURS, "4 h"),
        [
            pandas_add(add, close, sched, pandas_causes),
            btd_add(add, close, sched, btd_causes),
        ],
        random,
        edge,
        describe_start,
    )


def day_desk(inp: Inputs | None) -> list[Workload]:
    cal = day_calendar()
    edge_a = edge_instants(cal, 15, sub_second=True)
    span_edge = Data.of(edge_a, spans_for(edge_a, EDGE_SPANS))
    return [
        four_hours_later(
            "add",
            f"add 4 business hours ({DAY_SPEC})",
            cal,
            DAY,
            random=None if inp is None else Data.of(inp.starts),
            edge=Data.of(edge_a),
        ),
        Workload(
            "elapsed",
            f"elapsed(a, a + 1 s..10 d) ({DAY_SPEC})",
            our_elapsed(cal),
            [
                businesstime_elapsed(cal),
                btd_elapsed(cal, DAY, ()),
            ],
            None if inp is None else Data.of(inp.starts, inp.ends),
            span_edge,
            describe_span,
        ),
    ]


def night_desk() -> list[Workload]:
    """Agreement only: a desk open every night, across both DST changes of 2026."""
    cal = BusinessCalendar(OpeningHours.parse(NIGHT_SPEC, tz=TZ_NAME))
    starts = grid_us(DST_WINDOWS, 15)
    return [
        four_hours_later(
            "night-add",
            f"add 4 business hours ({NIGHT_SPEC}), DST weeks",
            cal,
            NIGHT,
            random=None,
            edge=Data.of(starts),
            pandas_causes=(DST_WALL,),
            btd_causes=(BTD_NIGHT,),
        ),
        Workload(
            "night-elapsed",
            f"elapsed(a, a + 1 h..1 d) ({NIGHT_SPEC}), DST weeks",
            our_elapsed(cal),
            [btd_elapsed(cal, NIGHT, (BTD_NIGHT,))],
            None,
            Data.of(starts, spans_for(starts, (60, 240, 480, 720, 1440))),
            describe_span,
        ),
    ]


def xpar(inp: Inputs | None, facts: dict[str, Any]) -> list[Workload]:
    """Trading minutes of XPAR; none when exchange_calendars is not installed."""
    found = xpar_peers(facts)
    if found is None:
        return []
    cal, offset_peer, distance_peer = found
    edge = edge_instants(cal, 5, sub_second=False)
    return [
        Workload(
            "xpar-add",
            f"add {XPAR_MINUTES} trading minutes (XPAR)",
            our_add(cal, XPAR_DURATION, f"{XPAR_MINUTES} min"),
            [offset_peer],
            None if inp is None else Data.of(inp.minute_starts),
            Data.of(edge),
            describe_start,
        ),
        Workload(
            "xpar-elapsed",
            "elapsed in trading minutes, a + 1 min..10 d (XPAR)",
            our_elapsed(cal),
            [distance_peer],
            None if inp is None else Data.of(inp.minute_starts, inp.minute_ends),
            Data.of(edge, spans_for(edge, EDGE_SPANS)),
            describe_span,
        ),
    ]


def business_days(inp: Inputs | None) -> list[Workload]:
    cal = day_calendar()
    offset_edge, count_edge = busday_edges()

    def ours_offset(data: Data) -> I64:
        return by_roll(data, lambda d, n, r: cal.add_business_days(d, n, roll=r))

    def ours_count(data: Data) -> I64:
        return as_i64(cal.count_business_days(*day_pair(data)))

    random_offset = None
    random_count = None
    if inp is not None:
        random_offset = Data.of(inp.days, np.full(len(inp.days), 3, dtype=np.int64))
        random_count = Data.of(inp.days, inp.days_end)
    return [
        Workload(
            "busday-offset",
            "add_business_days(day, 3, roll='forward')",
            Impl(
                OURS,
                "cal.add_business_days(days, n, roll=...)",
                lambda d: d,
                ours_offset,
                as_i64,
                budgeted=False,
            ),
            [busday_offset(DAY, ours_offset)],
            random_offset,
            offset_edge,
            describe_offset,
        ),
        Workload(
            "busday-count",
            "count_business_days(day, day + -60..60)",
            Impl(
                OURS,
                "cal.count_business_days(begin, end)",
                day_pair,
                lambda p: cal.count_business_days(p[0], p[1]),
                as_i64,
                budgeted=False,
            ),
            [busday_count(DAY, ours_count)],
            random_count,
            count_edge,
            describe_days,
        ),
    ]
