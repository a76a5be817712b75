"""Hypothesis strategies for deadline rules and whole charters.

Public through ``servicecharter.strategies``; ``hypothesis`` is imported
only when a strategy is built.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta

from .. import rules
from ..charter import (
    CHANNEL_KINDS,
    Channel,
    Charter,
    ClientDuty,
    Commitment,
    DurationCap,
    Engagement,
    Objective,
    RecurringObligation,
    Revision,
)
from ..hours import AnnualDay, OpeningHours, Season
from .arguments import whole
from .hours import day_ranges, opening_hours
from .zones import cached

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

__all__ = ["charters", "deadline_rules"]

_ZONES = ("Europe/Paris", "Europe/Brussels", "America/New_York", "Asia/Kathmandu")
_RRULES = (
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=2",
    "FREQ=MONTHLY;BYMONTHDAY=1",
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=YEARLY;COUNT=3",
)


_AT = ("close", "00:00", "02:30", "09:00", "15:00", "16:30", "24:00")


@cached
def deadline_rules(max_depth: int = 1) -> SearchStrategy[rules.Rule]:
    """Any deadline rule; ``EarliestOf``/``LatestOf`` nest ``max_depth`` deep.

    >>> from hypothesis import given, settings
    >>> from servicecharter import BusinessCalendar, OpeningHours
    >>> from servicecharter.strategies import instants
    >>> cal = BusinessCalendar(OpeningHours({"Mo-Fr": "09:00-17:00"}, "Europe/Paris"))
    >>> @settings(max_examples=20, deadline=None)
    ... @given(deadline_rules(), instants(tz="Europe/Paris"))
    ... def test_deadlines_are_aware(rule, t):
    ...     assert rule.deadline(cal, t).tzinfo is not None
    >>> test_deadlines_are_aware()
    """
    from hypothesis import strategies as st

    whole(max_depth, "max_depth", 0, 5)
    minutes = st.integers(1, 72 * 60).map(lambda m: dt.timedelta(minutes=m))
    odd = st.integers(-(10**9), 10**9).map(lambda us: dt.timedelta(microseconds=us))
    leaves: SearchStrategy[Any] = st.one_of(
        st.builds(
            rules.BusinessDuration, minutes, st.sampled_from(["next_open", "close"])
        ),
        st.builds(
            rules.BusinessDays,
            st.integers(1, 30),
            st.sampled_from(["close", "same_time"]),
        ),
        st.builds(
            rules.CalendarPeriod,
            st.integers(1, 36),
            st.sampled_from(["minutes", "hours", "days", "weeks", "months", "years"]),
            st.sampled_from(["none", "following", "preceding"]),
            st.booleans(),
        ),
        st.builds(rules.NextOpening, st.integers(0, 5), st.one_of(minutes, odd)),
        st.just(rules.SameBusinessDay()),
        st.builds(
            rules.EndOfPeriod,
            st.sampled_from(["day", "week", "month", "quarter", "year"]),
        ),
        st.builds(rules.BusinessDayAt, st.integers(1, 10), st.sampled_from(_AT)),
    )
    leaves = st.one_of(
        leaves, st.builds(rules.CutOff, st.sampled_from(_AT[1:-1]), leaves)
    )
    if max_depth <= 0:
        return leaves
    inner = st.lists(deadline_rules(max_depth - 1), min_size=2, max_size=3)
    both = st.one_of(
        st.builds(rules.EarliestOf, inner), st.builds(rules.LatestOf, inner)
    )
    return st.one_of(leaves, leaves, both)


def _ids(min_size: int = 0, max_size: int = 3) -> SearchStrategy[list[str]]:
    from hypothesis import strategies as st

    ident = st.from_regex(r"[a-z][a-z0-9_.-]{0,6}", fullmatch=True)
    return st.lists(ident, min_size=min_size, max_size=max_size, unique=True)


def _with_yearly_days(draw: DrawFn, hours: OpeningHours) -> OpeningHours:
    from hypothesis import strategies as st

    if draw(st.booleans()):
        return hours
    annual = [AnnualDay(12, 24, draw(day_ranges())), AnnualDay(2, 29, ())]
    season = Season(
        draw(st.sets(st.integers(1, 12), min_size=1)), {"Sa": draw(day_ranges())}
    )
    return attrs.evolve(hours, annual_days=annual, seasons=[season])


@cached
def charters() -> SearchStrategy[Charter]:
    """Valid ``Charter`` objects with every part, and free unicode text.

    Calendars, channels, engagements with objectives, obligations, caps,
    commitments, duties and revisions.

    >>> from hypothesis import given, settings
    >>> from servicecharter import dumps, loads
    >>> @settings(max_examples=5, deadline=None)
    ... @given(charters())
    ... def test_round_trip(charter):
    ...     assert loads(dumps(charter)) == charter
    >>> test_round_trip()
    """
    from hypothesis import strategies as st

    text = st.text(max_size=30)

    @st.composite
    def build(draw: DrawFn) -> Charter:
        names = draw(st.sampled_from([["default"], ["default", "night"], ["desk"]]))
        calendars = {n: _with_yearly_days(draw, draw(opening_hours())) for n in names}
        channels = [
            Channel(
                i,
                draw(st.sampled_from(CHANNEL_KINDS)),
                draw(text),
                draw(st.sampled_from(names)),
                draw(st.just("") | text),  # often no text at all
            )
            for i in draw(_ids(min_size=0 if "default" in names else 1))
        ]
        targets = [c.id for c in channels] + ([None] if "default" in names else [])

        def objective() -> Objective:
            share = draw(st.one_of(st.just(1.0), st.floats(0, 1, exclude_min=True)))
            return Objective(draw(deadline_rules()), share, draw(text))

        engagements = [
            Engagement(
                i,
                draw(text),
                [objective() for _ in range(draw(st.integers(1, 3)))],
                draw(text),
                draw(st.sampled_from(targets)),
                tuple(draw(_ids())),
                tuple(draw(_ids())),
                draw(st.booleans()),
            )
            for i in draw(_ids())
        ]
        period = st.builds(
            relativedelta,
            years=st.integers(0, 3),
            months=st.integers(0, 11),
            days=st.integers(0, 40),
        )
        return Charter(
            id=draw(_ids(1, 1))[0],
            title=draw(text),
            provider=draw(text),
            version=draw(text),
            effective=draw(st.none() | st.dates()),
            locale=draw(st.sampled_from(["", "fr-FR", "nl_BE", "en"])),
            tz=draw(st.sampled_from(_ZONES)),
            calendars=calendars,
            channels=channels,
            engagements=engagements,
            obligations=[
                RecurringObligation(
                    i,
                    draw(text),
                    draw(st.sampled_from(_RRULES)),
                    draw(text),
                    draw(st.none() | period),
                )
                for i in draw(_ids())
            ],
            caps=[
                DurationCap(
                    i,
                    draw(text),
                    draw(st.integers(1, 10**7).map(lambda s: dt.timedelta(seconds=s))),
                    draw(text),
                    draw(text),
                    draw(text),
                )
                for i in draw(_ids())
            ],
            commitments=[Commitment(i, draw(text), draw(text)) for i in draw(_ids())],
            duties=[
                ClientDuty(i, draw(st.text(min_size=1).filter(str.strip)))
                for i in draw(_ids())
            ],
            revisions=[Revision(v, draw(st.dates()), draw(text)) for v in draw(_ids())],
        )

    return build()
