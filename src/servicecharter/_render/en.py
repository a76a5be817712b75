"""English, as ``render`` writes it: ``ENGLISH``, the ``Language`` of ``"en"``.

Clock times are on the 24-hour clock (``9:00``, ``17:30``) and dates are
day first (``24 December 2026``), as in British English. ``explain``, which
is English only, takes its rules in words from here too.

>>> from servicecharter import parse_rule
>>> ENGLISH.rule(parse_rule("next business day opening"))
'at opening time on the next business day'
>>> import datetime as dt
>>> ENGLISH.percent(0.6), ENGLISH.date(dt.date(2026, 12, 24))
('60%', '24 December 2026')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from .language import Language

__all__ = ["ENGLISH"]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10)
    return f"{n}{suffix or 'th'}"


class English(Language):
    """The English of ``render``: ``Monday to Friday, 9:00 to 17:00``."""

    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday")  # fmt: skip
    months = (
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    )  # fmt: skip
    small_numbers = ("zero", "one", "two", "three", "four", "five", "six", "seven",
                     "eight", "nine", "ten", "eleven", "twelve")  # fmt: skip
    channel_kinds: ClassVar[Mapping[str, str]] = {
        "phone": "phone",
        "web_form": "web form",
        "email": "email",
        "counter": "front desk",
        "mail": "post",
        "chat": "chat",
        "visit": "on-site visit",
        "other": "other channel",
    }
    countries: ClassVar[Mapping[str, str]] = {
        "BE": "Belgium", "CA": "Canada", "CH": "Switzerland", "DE": "Germany",
        "ES": "Spain", "FR": "France", "GB": "United Kingdom", "IT": "Italy",
        "LU": "Luxembourg", "MC": "Monaco", "NL": "Netherlands", "PT": "Portugal",
        "US": "United States",
    }  # fmt: skip
    labels: ClassVar[Mapping[str, str]] = {
        "provider": "Provider",
        "version": "Version",
        "effective": "In effect from",
        "hours": "Opening hours",
        "local": "Times are local times ({tz}).",
        "zone": "time zone",
        "general": "General hours",
        "calendar": "Calendar “{name}”",
        "engagements": "Response times",
        "target": "Target",
        "limit": "Duration",
        "channel": "Channel",
        "kinds": "Requests covered",
        "priorities": "Priorities covered",
        "pausable": "The clock stops while we wait for an answer from you.",
        "obligations": "Recurring commitments",
        "caps": "Time limits",
        "condition": "Condition",
        "commitments": "Quality commitments",
        "duties": "What we ask of you",
        "revisions": "Revision history",
    }
    and_word = "and"
    or_word = "or"
    colon = ": "
    decimal_mark = "."
    percent_sign = "%"
    midnight = "midnight"

    closed = "closed"
    around_the_clock = "around the clock"
    time_range = "{start} to {end}"
    next_day = " the next day"
    every_day = "every day"
    day_span = month_span = "{first} to {last}"
    on_day = "{day}"
    all_year = "all year"
    month_span_alone = "from {first} to {last}"
    in_months = "in {months}"
    closed_on = "closed on {days}"
    day_hours = "{days}, {hours}"
    clause_separator = "; "
    no_regular_hours = "no regular hours"
    closed_on_holidays = "closed on public holidays"
    holiday_hours = "public holidays, {hours}"
    holidays_label = "public holidays"
    season = "{months}: {hours}"
    yearly = "every year on {days}: {hours}"
    closed_yearly = "closed every year on {days}"
    dated = "on {days}: {hours}"
    from_date = "from {date}"

    business_time = "within {duration} of business time"
    due_at_close = " (due at closing time, not at the next opening)"
    next_day_same_time = "on the next business day, at the same time of day"
    days_later_same_time = "{n} business days later, at the same time of day"
    by_next_day_end = "by the end of the next business day"
    within_days = "within {n} business days"
    to_last_day_end = ", to the end of the last day"
    roll = ", {move} if {day} is not a business day"
    roll_moves: ClassVar[Mapping[str, str]] = {
        "following": "moved to the next business day",
        "preceding": "brought forward to the previous business day",
    }
    roll_days = ("the last day", "that day")
    at_next_opening = "at the next opening"
    at_opening_on = "at opening time on {day}"
    near_next_opening = "{gap} {side} the next opening"
    near_opening_on = "on {day}, {gap} {side} opening time"
    sides = ("before", "after")
    same_business_day = "on the same business day"
    end_of_period: ClassVar[Mapping[str, str]] = {
        "day": "by the end of the day",
        "week": "by the end of the week",
        "month": "by the end of the month",
        "quarter": "by the end of the quarter",
        "year": "by the end of the year",
    }
    earliest = "{rules}, whichever comes first"
    latest = "{rules}, whichever comes last"
    when_target = "{rule} when {state}"
    state_is = "{field} is {values}"
    on_calendar = "{rule} on the {calendar} calendar"
    combined: ClassVar[Mapping[str, str]] = {
        "union": "open whenever {names} is open",
        "intersection": "open only when {names} are all open",
        "difference": "open when {first} is open, except when {others} is open",
    }
    by_time_on = "by {time} on {day}"
    day_end_on = "by the close of {day}"
    cut_off = (
        "{rule}; a request received at {time} or later counts as received "
        "at the opening of the next business day"
    )
    combined_part: ClassVar[Mapping[str, str]] = {
        "union": "any of {names}",
        "intersection": "{names} together",
        "difference": "{first} outside {others}",
    }

    on_month_day = "on day {day} of the month"
    until = "until {date}"
    recurrence_rule = "recurrence rule"
    after_start = "{delay} after the start"
    at_start = "at the start"
    then = "{first}, then {rest}"
    at_most = "at most {limit}"
    per = " per {per}"

    def one(self, unit: str) -> str:
        """``one hour``."""
        return f"one {unit}"

    def unit_name(self, count: float, unit: str) -> str:
        """Singular for exactly one: ``1 hour``, ``0 minutes``, ``1.5 seconds``."""
        return unit if count == 1 else unit + "s"

    def day_number(self, day: int) -> str:
        """The number alone: ``1 May``."""
        return str(day)

    def time_of_day(self, hours: int, minutes: int, seconds: int) -> str:
        """``9:00``, ``9:30``, ``9:30:05``.

        >>> ENGLISH.clock(34200), ENGLISH.clock(0)
        ('9:30', 'midnight')
        """
        return f"{hours}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")

    def compound_duration(self, parts: Sequence[tuple[float, str]]) -> str:
        """Each unit in full: ``2 hours 30 minutes``.

        >>> import datetime as dt
        >>> ENGLISH.duration(dt.timedelta(hours=2, minutes=30))
        '2 hours 30 minutes'
        """
        return " ".join(self.amount(count, unit) for count, unit in parts)

    def business_units(self, count: float, unit: str) -> str:
        """``within one business hour``, ``within 4 business hours``."""
        if count == 1:
            return f"within one business {unit}"
        return f"within {self.number(count)} business {unit}s"

    def within_period(self, amount: str) -> str:
        """``within 3 months``.

        >>> from servicecharter import CalendarPeriod
        >>> ENGLISH.rule(CalendarPeriod(7, "days", roll="preceding", end_of_day=True))
        'within 7 days, to the end of the last day, brought forward to the previous business day if that day is not a business day'
        """  # noqa: E501 (a doctest result is one line)
        return f"within {amount}"

    def business_day_after(self, n: int) -> str:
        """``the next business day``, ``the 2nd business day after``."""
        if n == 1:
            return "the next business day"
        return f"the {_ordinal(n)} business day after"

    def every(self, unit: str, interval: int) -> str:
        """``at least once a year``, ``at least once every two years``."""
        if interval == 1:
            return f"at least once a {unit}"
        return f"at least once every {self.count(interval, unit, spell=True)}"

    def times(self, count: int) -> str:
        """``1 time in all``, ``3 times in all``."""
        return f"{count} {'time' if count == 1 else 'times'} in all"


ENGLISH = English()
