"""businesstimedelta: ``t + BusinessTimeDelta(rule, hours=4)``, ``rule.difference``.

The rule is a ``WorkDayRule`` in Paris (pytz), with a ``HolidayRule`` when
the schedule has holidays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from servicecharter import BusinessCalendar

from .causes import SUB_SECOND
from .instants import (
    TZ_NAME,
    fmt_duration,
    fmt_instant,
    from_aware,
    from_timedeltas,
    py_utc,
)
from .model import Answers, Cause, Check, Impl, Missing, Peer, Schedule
from .optional import load
from .ours import our_elapsed_us


def btd_rule(sched: Schedule) -> tuple[Any, Any]:
    btd = load("businesstimedelta")
    pytz = load("pytz")
    tz = pytz.timezone(TZ_NAME)
    rules = [
        btd.WorkDayRule(
            start_time=dt.time(sched.start),
            end_time=dt.time(sched.end),
            working_days=sched.weekdays,
            tz=tz,
        )
    ]
    if sched.holidays:
        rules.append(btd.HolidayRule(frozenset(sched.holidays), tz=tz))
    return btd, btd.Rules(rules)


def btd_add(
    add: Answers, close: Answers, sched: Schedule, causes: tuple[Cause, ...]
) -> Peer | Missing:
    try:
        btd, rule = btd_rule(sched)
    except ImportError:
        return Missing("businesstimedelta", "not installed")
    delta = btd.BusinessTimeDelta(rule, hours=4)

    def call(starts: list[dt.datetime]) -> list[dt.datetime]:
        return [t + delta for t in starts]

    impl = Impl(
        "businesstimedelta",
        "t + BusinessTimeDelta(rule, hours=4)",
        lambda data: py_utc(data.a),
        call,
        from_aware,
    )
    check = Check(
        'add(t, 4 h, boundary="close")',
        close,
        fmt_instant,
        causes,
        ("add(t, 4 h) (default boundary)", add),
    )
    return Peer(impl, check)


def btd_elapsed(
    cal: BusinessCalendar, sched: Schedule, causes: tuple[Cause, ...]
) -> Peer | Missing:
    try:
        _, rule = btd_rule(sched)
    except ImportError:
        return Missing("businesstimedelta", "not installed")

    def call(pairs: tuple[list[dt.datetime], list[dt.datetime]]) -> list[Any]:
        return [rule.difference(a, b) for a, b in zip(*pairs, strict=True)]

    impl = Impl(
        "businesstimedelta",
        "rule.difference(a, b)",
        lambda data: (py_utc(data.a), py_utc(data.b)),
        call,
        lambda out: from_timedeltas([d.timedelta for d in out]),
    )
    check = Check(
        "elapsed(a, b)", our_elapsed_us(cal), fmt_duration, (SUB_SECOND, *causes)
    )
    return Peer(impl, check)
