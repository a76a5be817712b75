"""The figures of the image tests, each a case the plots must draw right.

``python -m tests.plot.make_images`` redraws the reference images in
``tests/plot/images/`` from these functions; ``test_images.py`` draws them
again and compares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from servicecharter import BusinessCalendar, OpeningHours, evaluate
from servicecharter.plot import Segment, plot_attainment, plot_timeline, plot_week
from tests.support.charters import CHARTER
from tests.support.zones import paris


def week_with_exceptions() -> Any:
    """Easter week in Paris: a holiday, a closure, a special day, a night."""
    # Built from its parts: in the notation, PH off after Sa 22:00-02:00
    # would cut the night at midnight before a holiday Sunday.
    hours = OpeningHours(
        {"Mo-Fr": "09:00-12:00,14:00-17:00", "Sa": "22:00-02:00"},
        "Europe/Paris",
        holidays="FR",
        special_days={"2026-04-09": "10:00-12:00", "2026-04-10": ()},
    )
    return plot_week(hours, dt.date(2026, 4, 8))


def spring_night_week() -> Any:
    """The week clocks spring forward, for a night desk in New York."""
    hours = OpeningHours.parse("Mo-Su 20:00-04:00", tz="America/New_York")
    return plot_week(hours, dt.date(2026, 3, 8), title="Night desk, New York")


def one_request() -> Any:
    """Friday 16:00 + 1 business hour: both boundaries, answered on Saturday."""
    cal = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Paris"))
    start, hour = paris(2026, 3, 27, 16), dt.timedelta(hours=1)
    segment = Segment(
        start,
        paris(2026, 3, 28, 11),
        deadline=cal.add(start, hour),
        due_by=cal.add(start, hour, boundary="close"),
    )
    return plot_timeline(cal, segment)


def cycles_with_pauses() -> Any:
    """Two cycles, the first paused overnight and late, the second running."""
    cal = BusinessCalendar(
        OpeningHours.parse("Mo-Fr 09:00-12:00,14:00-17:00", tz="Europe/Paris")
    )
    first, second = paris(2026, 3, 30, 10), paris(2026, 4, 1, 9, 30)
    pause = (paris(2026, 3, 30, 15), paris(2026, 3, 31, 10))
    paused = cal.elapsed(*pause)
    allowed = dt.timedelta(hours=6)
    segments = [
        Segment(
            first,
            paris(2026, 3, 31, 16),
            deadline=cal.add(first, allowed + paused),
            pauses=[pause],
            label="cycle 0",
        ),
        Segment(second, deadline=cal.add(second, allowed), label="cycle 1"),
    ]
    return plot_timeline(cal, segments, now=paris(2026, 4, 1, 15), title="Cycles")


def attainment_of_three_weeks() -> Any:
    """Two engagements over three weeks, one week with nothing answered."""
    rows = []
    for week, late in ((0, 1), (2, 2)):
        for k in range(4):
            received = paris(2026, 3, 23, 10) + dt.timedelta(days=7 * week + k)
            hours = 30 if k < late else 1
            rows += [
                {
                    "engagement": e,
                    "received_at": received,
                    "responded_at": received + dt.timedelta(hours=hours),
                }
                for e in ("anomalies", "installation")
            ]
    result = evaluate(CHARTER, rows, now=paris(2026, 4, 30))
    return plot_attainment(
        result, tz="Europe/Paris", engagement=["anomalies", "installation"]
    )


FIGURES: dict[str, Callable[[], Any]] = {
    "week_with_exceptions": week_with_exceptions,
    "spring_night_week": spring_night_week,
    "one_request": one_request,
    "cycles_with_pauses": cycles_with_pauses,
    "attainment_of_three_weeks": attainment_of_three_weeks,
}
