"""The parts of a charter in words for ``render``: targets, recurrences, caps.

Also the Markdown escaping every provider text goes through.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ..charter import DurationCap, Engagement, RecurringObligation
from .hours_words import days_words
from .words import (
    Lang,
    colon,
    count_words,
    date_words,
    duration_words,
    join,
    percent,
    rule_words,
)

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
    full = [rule_words(o.within, lang) for o in engagement.objectives if o.share == 1]
    partial = [
        f"{percent(o.share, lang)} {rule_words(o.within, lang)}"
        for o in engagement.objectives
        if o.share < 1
    ]
    if not full:
        return join(partial, lang)
    words = join(full, lang)
    return words + (f" ({join(partial, lang)})" if partial else "")


_FREQ_UNIT = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week", "DAILY": "day"}
_FR_ONCE = {"year": "an", "month": "mois", "week": "semaine", "day": "jour"}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _every(unit: str, interval: int, lang: Lang) -> str:
    if lang == "fr":
        if interval == 1:
            return f"au moins une fois par {_FR_ONCE[unit]}"
        every = "toutes les" if unit == "week" else "tous les"
        return (
            f"au moins une fois {every} {count_words(interval, unit, lang, spell=True)}"
        )
    if interval == 1:
        return f"at least once a {unit}"
    return f"at least once every {count_words(interval, unit, lang, spell=True)}"


def _period_words(period: relativedelta, lang: Lang) -> str:
    parts = []
    if period.years:
        parts.append(count_words(period.years, "year", lang))
    if period.months:
        parts.append(count_words(period.months, "month", lang))
    if period.days and period.days % 7 == 0:
        parts.append(count_words(period.days // 7, "week", lang))
    elif period.days:
        parts.append(count_words(period.days, "day", lang))
    return join(parts, lang)


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
    parts = dict(part.split("=", 1) for part in obligation.rrule.split(";"))
    unit = _FREQ_UNIT[parts.pop("FREQ")]
    words = _every(unit, int(parts.pop("INTERVAL", "1")), lang)
    day = parts.get("BYDAY", "")
    if unit == "week" and day in _BYDAY:
        del parts["BYDAY"]
        words += ", " + days_words([_BYDAY.index(day)], lang)
    monthday = parts.get("BYMONTHDAY", "")
    if unit == "month" and monthday.isdigit() and 1 <= int(monthday) <= 31:
        del parts["BYMONTHDAY"]
        n = int(monthday)
        words += (
            f", le {'1er' if n == 1 else n} du mois"
            if lang == "fr"
            else f", on day {n} of the month"
        )
    if "COUNT" in parts:
        count = int(parts.pop("COUNT"))
        times = "fois au total" if lang == "fr" else ("time" if count == 1 else "times")
        words += f", {count} {times}" + ("" if lang == "fr" else " in all")
    until = parts.get("UNTIL", "")
    if re.match(r"\d{8}", until):
        del parts["UNTIL"]
        end = dt.date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        to = "jusqu'au" if lang == "fr" else "until"
        words += f", {to} {date_words(end, lang)}"
    if parts:
        rest = ";".join(f"{k}={v}" for k, v in parts.items())
        label = "règle de récurrence" if lang == "fr" else "recurrence rule"
        words += f" ({label}{colon(lang)}{rest})"
    if obligation.first_after is None:
        return words
    delay = _period_words(obligation.first_after, lang)
    if lang == "fr":
        first = f"{delay} après le début" if delay else "dès le début"
        return f"{first}, puis {words}"
    first = f"{delay} after the start" if delay else "at the start"
    return f"{first}, then {words}"


def cap_words(cap: DurationCap, lang: Lang) -> str:
    """A duration cap: ``30 minutes au plus par module``.

    >>> from servicecharter import DurationCap
    >>> cap_words(DurationCap("u", "Usage", "30 minutes", per="module"), "en")
    'at most 30 minutes per module'
    """
    limit = duration_words(cap.limit, lang)
    per = inline(cap.per)
    if lang == "fr":
        return f"{limit} au plus" + (f" par {per}" if per else "")
    return f"at most {limit}" + (f" per {per}" if per else "")
