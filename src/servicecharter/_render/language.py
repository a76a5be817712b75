"""What a language of ``render`` says: the interface ``fr`` and ``en`` implement.

A language is one object, an instance of a subclass of ``Language``: its
vocabulary and phrase templates are class attributes, the grammar that no
template can hold (agreement, elision, how a clock time is written) is in
methods. The arithmetic every language shares (splitting a duration into
hours and minutes, rounding a percentage, grouping a list, choosing the
phrase of a rule) is here, once.

Every phrase is lower case and without a final full stop, so that the
document can put it at the start of a sentence or inside one. Templates
name their blanks: ``"{start} to {end}"``.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from ..rules import (
    BusinessDayAt,
    BusinessDays,
    BusinessDuration,
    CalendarPeriod,
    CutOff,
    EarliestOf,
    LatestOf,
    NextOpening,
    Rule,
    SameBusinessDay,
)
from ..rules.clock import clock_us

__all__ = ["Language", "duration_parts"]


def duration_parts(duration: dt.timedelta) -> list[tuple[float, str]]:
    """``[(count, unit), ...]``, hours first; seconds may have a fraction.

    >>> duration_parts(dt.timedelta(hours=2, seconds=1.5))
    [(2.0, 'hour'), (1.5, 'second')]
    """
    us = abs(duration // dt.timedelta(microseconds=1))
    hours, us = divmod(us, 3_600_000_000)
    minutes, us = divmod(us, 60_000_000)
    parts = [(float(n), u) for n, u in ((hours, "hour"), (minutes, "minute")) if n]
    if us:
        parts.append((us / 1_000_000, "second"))
    return parts


class Language(ABC):
    """The words of one language; the comments show the English ones.

    A subclass that leaves out one of the attributes below fails when it is
    defined, one that leaves out a method when it is instantiated.
    """

    # Vocabulary.
    weekdays: ClassVar[tuple[str, ...]]  # Monday first
    months: ClassVar[tuple[str, ...]]  # January first
    small_numbers: ClassVar[tuple[str, ...]]  # "zero" to "twelve"
    channel_kinds: ClassVar[Mapping[str, str]]  # "web_form": "web form"
    countries: ClassVar[Mapping[str, str]]  # "GB": "United Kingdom"; or the code
    labels: ClassVar[Mapping[str, str]]  # the document's titles and fixed lines
    # Punctuation and numbers.
    and_word: ClassVar[str]  # "and"
    or_word: ClassVar[str]  # "or"
    colon: ClassVar[str]  # ": "
    decimal_mark: ClassVar[str]  # "."
    percent_sign: ClassVar[str]  # "%"
    midnight: ClassVar[str]  # "midnight"
    # Opening hours.
    closed: ClassVar[str]  # "closed"
    around_the_clock: ClassVar[str]  # "around the clock"
    time_range: ClassVar[str]  # "{start} to {end}"
    next_day: ClassVar[str]  # " the next day"
    every_day: ClassVar[str]  # "every day"
    day_span: ClassVar[str]  # "{first} to {last}" (weekdays)
    on_day: ClassVar[str]  # "{day}" (a weekday or a date)
    all_year: ClassVar[str]  # "all year"
    month_span: ClassVar[str]  # "{first} to {last}" (months, among others)
    month_span_alone: ClassVar[str]  # "from {first} to {last}"
    in_months: ClassVar[str]  # "in {months}"
    closed_on: ClassVar[str]  # "closed on {days}"
    day_hours: ClassVar[str]  # "{days}, {hours}"
    clause_separator: ClassVar[str]  # "; " between the clauses of a week
    no_regular_hours: ClassVar[str]  # "no regular hours"
    closed_on_holidays: ClassVar[str]  # "closed on public holidays"
    holiday_hours: ClassVar[str]  # "public holidays, {hours}"
    holidays_label: ClassVar[str]  # "public holidays"
    season: ClassVar[str]  # "{months}: {hours}"
    yearly: ClassVar[str]  # "every year on {days}: {hours}"
    closed_yearly: ClassVar[str]  # "closed every year on {days}"
    dated: ClassVar[str]  # "on {days}: {hours}"
    from_date: ClassVar[str]  # "from {date}"
    # Rules.
    business_time: ClassVar[str]  # "within {duration} of business time"
    due_at_close: ClassVar[str]  # " (due at closing time, not at the next...)"
    next_day_same_time: ClassVar[str]  # "on the next business day, at the same..."
    days_later_same_time: ClassVar[str]  # "{n} business days later, at the same..."
    by_next_day_end: ClassVar[str]  # "by the end of the next business day"
    within_days: ClassVar[str]  # "within {n} business days"
    to_last_day_end: ClassVar[str]  # ", to the end of the last day"
    roll: ClassVar[str]  # ", {move} if {day} is not a business day"
    roll_moves: ClassVar[Mapping[str, str]]  # "following": "moved to the next..."
    roll_days: ClassVar[tuple[str, str]]  # ("the last day", "that day")
    at_next_opening: ClassVar[str]  # "at the next opening"
    at_opening_on: ClassVar[str]  # "at opening time on {day}"
    near_next_opening: ClassVar[str]  # "{gap} {side} the next opening"
    near_opening_on: ClassVar[str]  # "on {day}, {gap} {side} opening time"
    sides: ClassVar[tuple[str, str]]  # ("before", "after")
    same_business_day: ClassVar[str]  # "on the same business day"
    end_of_period: ClassVar[Mapping[str, str]]  # "week": "by the end of the week"
    earliest: ClassVar[str]  # "{rules}, whichever comes first"
    latest: ClassVar[str]  # "{rules}, whichever comes last"
    # Targets chosen by the request's state, and their own calendars.
    when_target: ClassVar[str]  # "{rule} when {state}"
    state_is: ClassVar[str]  # "{field} is {values}"
    on_calendar: ClassVar[str]  # "{rule} on the {calendar} calendar"
    # Combined calendars, and the rules of cut-offs and clock times.
    combined: ClassVar[Mapping[str, str]]  # "union": "open whenever {names} is open"
    combined_part: ClassVar[Mapping[str, str]]  # "union": "any of {names}" (nested)
    by_time_on: ClassVar[str]  # "by {time} on {day}"
    day_end_on: ClassVar[str]  # "by the close of {day}"
    cut_off: ClassVar[str]  # "{rule} (received from {time} on: from the next ...)"
    # Recurring obligations and caps.
    on_month_day: ClassVar[str]  # "on day {day} of the month"
    until: ClassVar[str]  # "until {date}"
    recurrence_rule: ClassVar[str]  # "recurrence rule"
    after_start: ClassVar[str]  # "{delay} after the start"
    at_start: ClassVar[str]  # "at the start"
    then: ClassVar[str]  # "{first}, then {rest}"
    at_most: ClassVar[str]  # "at most {limit}"
    per: ClassVar[str]  # " per {per}"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in Language.__annotations__ if not hasattr(cls, name)]
        if missing:
            raise TypeError(f"language {cls.__name__} lacks {', '.join(missing)}")

    @abstractmethod
    def one(self, unit: str) -> str:
        """One of a unit (``hour``, ``day``, ``week``...): ``one hour``."""

    @abstractmethod
    def unit_name(self, count: float, unit: str) -> str:
        """The unit's name after ``count``: ``hour`` or ``hours``."""

    @abstractmethod
    def day_number(self, day: int) -> str:
        """The day of a month as written before its name: ``1``."""

    @abstractmethod
    def time_of_day(self, hours: int, minutes: int, seconds: int) -> str:
        """A time of day other than midnight: ``9:30``."""

    @abstractmethod
    def compound_duration(self, parts: Sequence[tuple[float, str]]) -> str:
        """A duration of two units or more: ``2 hours 30 minutes``."""

    @abstractmethod
    def business_units(self, count: float, unit: str) -> str:
        """A business duration of one unit: ``within 4 business hours``."""

    @abstractmethod
    def within_period(self, amount: str) -> str:
        """A calendar period from receipt: ``within 3 months``."""

    @abstractmethod
    def business_day_after(self, n: int) -> str:
        """The n-th business day (n >= 1) after today: ``the next business day``."""

    @abstractmethod
    def every(self, unit: str, interval: int) -> str:
        """How often an obligation recurs: ``at least once every two years``."""

    @abstractmethod
    def times(self, count: int) -> str:
        """How many times in all an obligation recurs: ``3 times in all``."""

    def number(self, value: float) -> str:
        """A number with at most six decimals: ``1.5``, ``1,5``."""
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", self.decimal_mark)

    def percent(self, share: float) -> str:
        """A share as a percentage, ``60%``; four significant digits at most."""
        value = share * 100
        integral = abs(value - round(value)) < 1e-9
        text = str(round(value)) if integral else f"{value:.4g}"
        return text.replace(".", self.decimal_mark) + self.percent_sign

    def join(self, items: Sequence[str], last: str = "") -> str:
        """``a, b and c`` (``last`` replaces the final ``and``)."""
        word = last or self.and_word
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {word} {items[-1]}"

    def sentence(self, text: str) -> str:
        """Capitalise the first letter and end with a full stop."""
        text = text.strip()
        if not text:
            return text
        stop = "" if text.endswith((".", "!", "?")) else "."
        return text[0].upper() + text[1:] + stop

    def count(self, count: int, unit: str, *, spell: bool = False) -> str:
        """``3 days``, ``one week``; ``spell`` writes 2 to 12 in words."""
        if count == 1:
            return self.one(unit)
        spelled = spell and 0 <= count < len(self.small_numbers)
        number = self.small_numbers[count] if spelled else str(count)
        return f"{number} {self.unit_name(count, unit)}"

    def amount(self, count: float, unit: str) -> str:
        """A count in figures, fractions allowed: ``1.5 seconds``, ``1 hour``."""
        return f"{self.number(count)} {self.unit_name(count, unit)}"

    def day_of_month(self, month: int, day: int) -> str:
        """``24 December``."""
        return f"{self.day_number(day)} {self.months[month - 1]}"

    def date(self, day: dt.date, *, year: bool = True) -> str:
        """``1 January 2027`` (``year=False``: no year)."""
        return self.day_of_month(day.month, day.day) + (f" {day.year}" if year else "")

    def clock(self, seconds: int) -> str:
        """A time of day given in seconds after midnight: ``9:00``, ``midnight``."""
        seconds %= 86_400
        if seconds == 0:
            return self.midnight
        hours, rest = divmod(seconds, 3600)
        return self.time_of_day(hours, *divmod(rest, 60))

    def duration(self, duration: dt.timedelta) -> str:
        """A duration: ``30 minutes``, ``one hour``; the sign is left out."""
        parts = duration_parts(duration)
        if not parts:
            return self.amount(0, "minute")
        if len(parts) > 1:
            return self.compound_duration(parts)
        count, unit = parts[0]
        return self.one(unit) if count == 1 else self.amount(count, unit)

    def rule(self, rule: Rule) -> str:  # noqa: PLR0911 (one phrase per rule class)
        """The deadline of a rule as a reader says it."""
        if isinstance(rule, EarliestOf | LatestOf):
            inner = [
                f"({self.rule(r)})" if isinstance(r, EarliestOf | LatestOf) else
                self.rule(r)
                for r in rule.rules
            ]  # fmt: skip
            template = self.earliest if isinstance(rule, EarliestOf) else self.latest
            return template.format(rules=self.join(inner, self.or_word))
        if isinstance(rule, BusinessDuration):
            close = self.due_at_close if rule.boundary == "close" else ""
            return self._business_duration(rule.duration) + close
        if isinstance(rule, BusinessDays):
            return self._business_days(rule)
        if isinstance(rule, CalendarPeriod):
            return self._calendar_period(rule)
        if isinstance(rule, NextOpening):
            return self._next_opening(rule)
        if isinstance(rule, SameBusinessDay):
            return self.same_business_day
        if isinstance(rule, BusinessDayAt | CutOff):
            return self._clock_rule(rule)
        return self.end_of_period[rule.period]

    def _business_duration(self, duration: dt.timedelta) -> str:
        parts = duration_parts(duration)
        if len(parts) == 1:
            return self.business_units(*parts[0])
        return self.business_time.format(duration=self.duration(duration))

    def _business_days(self, rule: BusinessDays) -> str:
        n = rule.days
        if rule.at == "same_time":
            later = self.days_later_same_time.format(n=n)
            return self.next_day_same_time if n == 1 else later
        return self.by_next_day_end if n == 1 else self.within_days.format(n=n)

    def _calendar_period(self, rule: CalendarPeriod) -> str:
        words = self.within_period(self.count(rule.amount, rule.unit[:-1]))
        if rule.end_of_day:
            words += self.to_last_day_end
        if rule.roll == "none":
            return words
        move, day = self.roll_moves[rule.roll], self.roll_days[rule.end_of_day]
        return words + self.roll.format(move=move, day=day)

    def _clock_rule(self, rule: BusinessDayAt | CutOff) -> str:
        if isinstance(rule, CutOff):
            time = self.clock(clock_us(rule.time) // 1_000_000)
            return self.cut_off.format(rule=self.rule(rule.rule), time=time)
        day = self.business_day_after(rule.days)
        if rule.at == "close":
            return self.day_end_on.format(day=day)
        seconds = clock_us(rule.at) // 1_000_000
        time = self.midnight if seconds == 86_400 else self.clock(seconds)
        return self.by_time_on.format(time=time, day=day)

    def _next_opening(self, rule: NextOpening) -> str:
        n, offset = rule.business_days, rule.offset
        if not offset:
            if n == 0:
                return self.at_next_opening
            return self.at_opening_on.format(day=self.business_day_after(n))
        side = self.sides[offset > dt.timedelta(0)]
        gap = self.duration(offset)
        if n == 0:
            return self.near_next_opening.format(gap=gap, side=side)
        day = self.business_day_after(n)
        return self.near_opening_on.format(day=day, gap=gap, side=side)
