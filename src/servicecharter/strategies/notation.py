"""Hypothesis strategies of opening_hours text: rules from the whole grammar.

Texts mix the constructs people write (weekday ranges, nth weekdays,
``PH``, dates and spans, months, weeks, years, ``easter``, times past
midnight, open ends, states and comments) and the three rule separators,
so properties such as ``parse(format(h))`` see overnight ranges cut by
later rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .zones import cached

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

__all__ = ["notation_texts"]

_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_MONTHS = ("Jan", "Apr", "Jun", "Jul", "Oct", "Dec")
_SELECTORS = (
    "",
    "{d}",
    "{d}-{e}",
    "{d},{e}",
    "{d}[1]",
    "{d}[-1]",
    "{d}[2] +1 day",
    "{d}[-1] -3 days",
    "PH",
    "PH +1 day",
    "{m}",
    "{m}-{n}",
    "{m} 24-26",
    "{m} 05 {d}",
    "2026 {m} 10",
    "easter",
    "week 01-30/2 {d}",
    "2026 {d}-{e}",
)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@cached
def notation_texts() -> SearchStrategy[str]:
    """Opening_hours texts that ``OpeningHours.parse`` reads.

    >>> import datetime as dt
    >>> from hypothesis import given, settings
    >>> from servicecharter import OpeningHours
    >>> may_day = [dt.date(2026, 5, 1)]
    >>> @settings(max_examples=20, deadline=None)
    ... @given(notation_texts())
    ... def test_parses(text):
    ...     OpeningHours.parse(text, tz="UTC", holidays=may_day, unknown="open")
    >>> test_parses()
    """
    from hypothesis import strategies as st

    @st.composite
    def span(draw: DrawFn) -> str:
        start = draw(st.integers(0, 47)) * 30
        length = draw(st.integers(1, 47)) * 30
        end = start + length
        if draw(st.integers(0, 9)) == 0:
            return f"{_clock(start)}+"
        if end > 1440 and draw(st.booleans()):
            return f"{_clock(start)}-{_clock(end)}"  # past 24:00: 18:00-26:00
        return f"{_clock(start)}-{_clock(end % 1440 if end != 1440 else 1440)}"

    @st.composite
    def rule(draw: DrawFn) -> str:
        names = {
            "d": draw(st.sampled_from(_DAYS)),
            "e": draw(st.sampled_from(_DAYS)),
            "m": draw(st.sampled_from(_MONTHS)),
            "n": draw(st.sampled_from(_MONTHS)),
        }
        selector = draw(st.sampled_from(_SELECTORS)).format(**names)
        times = ",".join(draw(st.lists(span(), min_size=0, max_size=2)))
        state = draw(st.sampled_from(["", "", "", "off", "unknown", '"call"']))
        text = " ".join(part for part in (selector, times, state) if part)
        return text or "off"

    @st.composite
    def build(draw: DrawFn) -> str:
        rules = draw(st.lists(rule(), min_size=1, max_size=5))
        text = rules[0]
        for item in rules[1:]:
            text += draw(st.sampled_from(["; ", "; ", ", ", " || "])) + item
        return text

    return build()
