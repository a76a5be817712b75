"""Write the pictures of the documentation, docs/img/*.png, with servicecharter.plot.

Every picture is drawn by the library's own functions from the examples of
the page it illustrates, under ``servicecharter.plot.reproducible()``, so
the same code draws the same pixels. Run ``python docs/gen_figures.py``
after changing a plot or an example; a test draws each picture again and
fails when the committed one differs (tests/edges/test_figures.py).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from matplotlib.figure import Figure

from servicecharter import BusinessCalendar, OpeningHours, evaluate, examples
from servicecharter.plot import (
    METADATA,
    Segment,
    plot_attainment,
    plot_timeline,
    plot_week,
    reproducible,
)

IMG = Path(__file__).with_name("img")
DPI = 150
PARIS = ZoneInfo("Europe/Paris")
HELPDESK = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"


def paris(month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An instant of 2026 on the Paris wall clock."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=PARIS)


def business_clock() -> Any:
    """Semantics: Friday 16:00 + 1 business hour, and its two boundaries."""
    cal = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Paris"))
    start, hour = paris(3, 27, 16), dt.timedelta(hours=1)
    segment = Segment(
        start,
        deadline=cal.add(start, hour),
        due_by=cal.add(start, hour, boundary="close"),
        label="B(t) - B(Fri 16:00)",
    )
    return plot_timeline(
        cal, segment, title="Friday 16:00 + 1 business hour, Mo-Fr 09:00-17:00"
    )


def dst_nights() -> Any:
    """DST: eight business hours from 22:00 on the two nights clocks change."""
    night = BusinessCalendar(OpeningHours.parse("Mo-Su 22:00-06:00", tz="Europe/Paris"))
    figure = Figure(figsize=(8, 6.5), layout="constrained", facecolor="white")
    spring, autumn = figure.subplots(2, 1)
    for ax, start, name in (
        (spring, paris(3, 28, 22), "spring: 02:00 becomes 03:00, the night lasts 7 h"),
        (autumn, paris(10, 24, 22), "autumn: 03:00 becomes 02:00, the night lasts 9 h"),
    ):
        due = night.add(start, dt.timedelta(hours=8))
        segment = Segment(start, deadline=due, label="8 business hours from 22:00")
        plot_timeline(night, segment, ax=ax, title=f"Mo-Su 22:00-06:00, {name}")
    return figure


def helpdesk_week() -> Any:
    """Tutorial: the help desk's week of Easter Monday."""
    hours = OpeningHours.parse(HELPDESK, tz="Europe/Paris", holidays="FR")
    return plot_week(hours, dt.date(2026, 4, 6))


def late_call() -> Any:
    """Tutorial: T4, a fault call of Friday 16:30 answered 40 minutes late."""
    charter = examples.load("technical-support")
    cal = charter.calendar_for("anomalies")
    received = paris(3, 27, 16, 30)
    segment = Segment(
        received,
        paris(3, 30, 15, 10),
        deadline=charter.deadline("anomalies", received),
        label="T4: 4 business hours",
    )
    return plot_timeline(cal, segment, title="T4, received Friday 16:30")


def paused_request() -> Any:
    """Compliance: a pausable request, its pause left out of the time used."""
    charter = examples.load("technical-support")
    cal = charter.calendar_for("anomalies")
    received, pause = paris(3, 27, 14, 30), (paris(3, 27, 15), paris(3, 27, 16))
    deadline = cal.add(
        charter.deadline("anomalies", received), cal.elapsed(*pause)
    )  # the rule's deadline moved by the paused business time, as evaluate does
    segment = Segment(
        received,
        paris(3, 30, 11),
        deadline=deadline,
        pauses=[pause],
        label="4 business hours, paused 1 h",
    )
    return plot_timeline(cal, segment, title="A pause stops the clock")


def weekly_attainment() -> Any:
    """Compliance: twelve weeks of requests to the technical-support charter."""
    charter = examples.load("technical-support")
    draw = random.Random(2026)
    rows = []
    for day in range(84):
        date = dt.date(2026, 1, 5) + dt.timedelta(days=day)
        if date.weekday() >= 5:
            continue
        for engagement in ("anomalies", "installation", "web-form"):
            cal = charter.calendar_for(engagement)
            for _ in range(draw.randint(1, 3)):
                received = dt.datetime.combine(
                    date, dt.time(draw.randint(8, 18), draw.choice((0, 20, 40))), PARIS
                )
                slow = 1.6 if 35 <= day < 49 else 1.0  # two hard weeks in February
                used = dt.timedelta(minutes=draw.expovariate(1 / (150 * slow)))
                rows.append(
                    {
                        "engagement": engagement,
                        "received_at": received,
                        "responded_at": cal.add(received, used),
                    }
                )
    result = evaluate(charter, rows, now=paris(4, 15))
    return plot_attainment(
        result, tz="Europe/Paris", title="Attainment by week, technical support"
    )


FIGURES: dict[str, Callable[[], Any]] = {
    "business-clock": business_clock,
    "dst-nights": dst_nights,
    "helpdesk-week": helpdesk_week,
    "late-call": late_call,
    "paused-request": paused_request,
    "weekly-attainment": weekly_attainment,
}


def draw(name: str, path: Path) -> Path:
    """Draw one picture reproducibly into ``path`` (PNG)."""
    with reproducible():
        FIGURES[name]().savefig(path, dpi=DPI, metadata=METADATA)
    return path


def main() -> None:
    """Draw every picture into docs/img/."""
    for name in FIGURES:
        print(draw(name, IMG / f"{name}.png"))


if __name__ == "__main__":
    main()
