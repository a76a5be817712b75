"""The parts of a charter in words for ``render``: targets, recurrences, caps.

Also the Markdown escaping every provider text goes through.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ..charter import DurationCap, Engagement, RecurringObligation, Target
from .hours_words import days_words
from .words import Lang, language, rule_words

__all__ = ["cap_words", "inline", "paragraphs", "recurrence_words", "target_words"]

# Emphasis, code, HTML; a ``]`` only where it would close a link or reference.
_SPECIAL = re.compile(r"([\\`*_<]|\](?=[(\[:]))")
# What would start a block (title, quote, list, rule) at the start of a line.
_BLOCK_START = re.compile(r"^(?:[#>]|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|[=-]+\s*$)")


def inline(text: str, *, line_start: bool = False) -> str:
    r"""Provider text on one line, safe in Markdown (no emphasis, links, HTML).

    With ``line_start`` the text may begin a line: what would start a title,
    a quote or a list there is escaped too.

    >>> print(inline("  *Urgent*  requests\n- 24/7 [see](http://x) [la région]"))
    \*Urgent\* requests - 24/7 [see\](http://x) [la région]
    >>> print(inline("1. first", line_start=True), inline("12.30", line_start=True))
    1\. first 12.30
    """
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    match = _BLOCK_START.match(text) if line_start else None
    if match is None:
        return text
    if match.group().isdigit():
        return text[: match.end()] + "\\" + text[match.end() :]
    return "\\" + text


def paragraphs(text: str) -> list[str]:
    r"""Provider text as Markdown paragraphs (blank lines separate them).

    >>> paragraphs("One\nline.\n\n  Two. ")
    ['One line.', 'Two.']
    """
    return [inline(p, line_start=True) for p in re.split(r"\n\s*\n", text) if p.strip()]


def target_words(engagement: Engagement, lang: Lang) -> str:
    """What an engagement promises: the deadlines, shares in parentheses.

    >>> from servicecharter import Engagement, Objective
    >>> forms = Engagement(
    ...     "forms",
    ...     "Forms",
    ...     [Objective("3 business days"), Objective("same business day", 0.6)],
    ... )
    >>> target_words(forms, "fr") == "dans les 3 jours ouvrés (60\u00a0% le jour même)"
    True
    >>> target_words(forms, "en")
    'within 3 business days (60% on the same business day)'
    """
    words = language(lang)
    full, partial = [], []
    for objective in engagement.objectives:
        for target in objective.all_targets:
            share = objective.share if target.share is None else target.share
            said = _target_phrase(target, lang)
            if share < 1:
                partial.append(f"{words.percent(share)} {said}")
            else:
                full.append(said)
    if not full:
        return words.join(partial)
    return words.join(full) + (f" ({words.join(partial)})" if partial else "")


def _target_phrase(target: Target, lang: Lang) -> str:
    """One target: its rule, the state it applies in, the calendar it counts on.

    >>> from servicecharter import Target
    >>> urgent = Target(
    ...     "1 business hour", when={"priority": "urgent"}, calendar="always"
    ... )
    >>> _target_phrase(urgent, "en")
    'within one business hour when priority is urgent on the always calendar'
    """
    words = language(lang)
    said = rule_words(target.within, lang)
    if target.when:
        states = [
            words.state_is.format(field=field, values=words.join(values, words.or_word))
            for field, values in target.when.items()
        ]
        said = words.when_target.format(rule=said, state=words.join(states))
    if target.calendar is not None:
        said = words.on_calendar.format(rule=said, calendar=target.calendar)
    return said


_FREQ_UNIT = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day"}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _period_words(period: relativedelta, lang: Lang) -> str:
    words = language(lang)
    parts = []
    if period.years:
        parts.append(words.count(period.years, "year"))
    if period.months:
        parts.append(words.count(period.months, "month"))
    if period.days and period.days % 7 == 0:
        parts.append(words.count(period.days // 7, "week"))
    elif period.days:
        parts.append(words.count(period.days, "day"))
    return words.join(parts)


def _rrule_words(parts: dict[str, str], unit: str, lang: Lang) -> list[str]:
    """The parts of an RRULE besides its frequency, said; said ones removed."""
    words = language(lang)
    said = [words.every(unit, int(parts.pop("INTERVAL", "1")))]
    day = parts.get("BYDAY", "")
    if unit == "week" and day in _BYDAY:
        del parts["BYDAY"]
        said.append(days_words([_BYDAY.index(day)], lang))
    monthday = parts.get("BYMONTHDAY", "")
    if unit == "month" and monthday.isdigit() and 1 <= int(monthday) <= 31:
        del parts["BYMONTHDAY"]
        said.append(words.on_month_day.format(day=words.day_number(int(monthday))))
    if "COUNT" in parts:
        said.append(words.times(int(parts.pop("COUNT"))))
    until = parts.get("UNTIL", "")
    if re.match(r"\d{8}", until):
        del parts["UNTIL"]
        end = dt.date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        said.append(words.until.format(date=words.date(end)))
    return said


def recurrence_words(obligation: RecurringObligation, lang: Lang) -> str:
    """When a recurring obligation falls due, from its RRULE and first delay.

    Parts of the rule without words here are shown as they are written.

    >>> from servicecharter import RecurringObligation
    >>> survey = RecurringObligation("s", "Survey", "FREQ=YEARLY;INTERVAL=2")
    >>> recurrence_words(survey, "fr")
    'au moins une fois tous les deux ans'
    >>> call = RecurringObligation("c", "Call", "FREQ=YEARLY", first_after="1 month")
    >>> recurrence_words(call, "en")
    'one month after the start, then at least once a year'
    """
    words = language(lang)
    parts = dict(part.split("=", 1) for part in obligation.rrule.split(";"))
    text = ", ".join(_rrule_words(parts, _FREQ_UNIT[parts.pop("FREQ")], lang))
    if parts:
        rest = ";".join(f"{k}={v}" for k, v in parts.items())
        text += f" ({words.recurrence_rule}{words.colon}{rest})"
    if obligation.first_after is None:
        return text
    delay = _period_words(obligation.first_after, lang)
    first = words.after_start.format(delay=delay) if delay else words.at_start
    return words.then.format(first=first, rest=text)


def cap_words(cap: DurationCap, lang: Lang) -> str:
    """A duration cap: ``30 minutes au plus par module``.

    >>> from servicecharter import DurationCap
    >>> cap_words(DurationCap("u", "Usage", "30 minutes", per="module"), "en")
    'at most 30 minutes per module'
    """
    words = language(lang)
    per = inline(cap.per)
    limit = words.at_most.format(limit=words.duration(cap.limit))
    return limit + (words.per.format(per=per) if per else "")
