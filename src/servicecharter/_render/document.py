"""``render``: a charter as the Markdown document its provider would publish.

Everything is in words in the chosen language, French or English: opening
hours per channel ("du lundi au vendredi de 9 h à 12 h et de 14 h à
17 h, fermé les jours fériés"), then what the channels' texts say, each
engagement's measurable target ("Objectif : dans les 4 heures ouvrées"),
recurring obligations, duration caps, quality commitments, client duties
and the revision history. The charter's own texts are kept as they are,
escaped for Markdown; titles head sections, texts are paragraphs.

The structure is the same in every language; the words, labels and
typography (the non-breaking spaces of French) come from the ``Language``
of the locale (``fr``, ``en``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from ..calendar import CombinedHours
from ..charter import Channel, Charter, DurationCap, RecurringObligation
from ..charter.charter import checked_charter
from .combined_words import combined_words
from .hours_words import exception_lines, week_words
from .items import (
    cap_words,
    inline,
    paragraphs,
    recurrence_words,
    target_words,
)
from .language import Language
from .words import Lang, check_locale, language

__all__ = ["render"]


def render(charter: Charter, locale: str = "fr") -> str:
    """The charter as a readable Markdown document, in French or English.

    ``locale`` is ``"fr"`` or ``"en"``; anything else raises
    ``InvalidArgumentError`` naming both.

    >>> print(render(charter, "en"))
    # Technical support
    <BLANKLINE>
    ## Opening hours
    <BLANKLINE>
    Times are local times (Europe/Paris).
    <BLANKLINE>
    ### Phone and web form
    <BLANKLINE>
    Monday to Friday, 9:00 to 12:00 and 14:00 to 17:00; closed on public holidays.
    <BLANKLINE>
    - Public holidays: France.
    <BLANKLINE>
    ## Response times
    <BLANKLINE>
    ### Anomalies
    <BLANKLINE>
    **Target: within 4 business hours.**
    <BLANKLINE>
    - Channel: phone
    <BLANKLINE>
    ### Web form answers
    <BLANKLINE>
    **Target: within 3 business days (60% on the same business day).**
    <BLANKLINE>
    - Channel: web form
    <BLANKLINE>
    >>> render(charter, "de")
    Traceback (most recent call last):
    ...
    servicecharter.InvalidArgumentError: unknown locale 'de'; use one of 'en', 'fr'
    """
    lang = check_locale(locale)
    charter = checked_charter(charter)
    blocks = [*_header(charter, lang), *_hours(charter, lang)]
    blocks += _engagements(charter, lang)
    blocks += _obligations(charter, lang)
    blocks += _caps(charter, lang)
    blocks += _commitments(charter, lang)
    blocks += _duties(charter, lang)
    blocks += _revisions(charter, lang)
    return "\n\n".join(blocks) + "\n"


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _title(title: str, fallback: str) -> str:
    """A heading's text; ``#`` escaped, as a trailing one would be dropped."""
    return (inline(title) or inline(fallback)).replace("#", "\\#")


def _fact(label: str, value: str, words: Language) -> str:
    """``Label : value``, with the language's colon."""
    return f"{words.labels[label]}{words.colon}{value}"


def _header(charter: Charter, lang: Lang) -> list[str]:
    words = language(lang)
    facts = []
    if charter.provider.strip():
        facts.append(_fact("provider", inline(charter.provider), words))
    if charter.version.strip():
        facts.append(_fact("version", inline(charter.version), words))
    if charter.effective is not None:
        facts.append(f"{words.labels['effective']} {words.date(charter.effective)}")
    blocks = [f"# {_title(charter.title, charter.id)}"]
    return [*blocks, _bullets(facts)] if facts else blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _channel_words(channel: Channel, words: Language) -> str:
    """``téléphone (04 42 50 62 95)``; a title that names the kind stands alone."""
    kind = words.channel_kinds[channel.kind]
    title = inline(channel.title)
    if not title:
        return kind
    if title.lower().startswith(kind.lower()):
        return title
    return f"{kind} ({title})"


def _heading(name: str, channels: list[Channel], words: Language) -> str:
    """The title of a calendar: the channels that use it, or its name."""
    if len(channels) == 1:
        return _capital(_channel_words(channels[0], words))
    if channels:
        kinds = dict.fromkeys(words.channel_kinds[c.kind] for c in channels)
        return _capital(words.join(list(kinds)))
    if name == "default":
        return words.labels["general"]
    return words.labels["calendar"].format(name=inline(name))


def _distinct(
    headings: dict[str, str], users: dict[str, list[Channel]]
) -> dict[str, str]:
    """The headings, each one told apart from an equal one by its channels' ids.

    Two untitled email channels on two calendars were both "### Email"; they
    become "Email (sales)" and "Email (support)" (the calendar's name when
    no channel uses it).
    """
    counts = Counter(headings.values())
    out = {}
    for name, heading in headings.items():
        ids = ", ".join(c.id for c in users[name]) or name
        out[name] = f"{heading} ({inline(ids)})" if counts[heading] > 1 else heading
    return out


def _hours(charter: Charter, lang: Lang) -> list[str]:
    if not charter.calendars:
        return []
    words = language(lang)
    users: dict[str, list[Channel]] = {name: [] for name in charter.calendars}
    for channel in charter.channels:
        users[channel.calendar].append(channel)
    order = sorted(users, key=lambda n: (not users[n], n != "default"))
    local = words.labels["local"].format(tz=charter.tz.key)
    blocks = [f"## {words.labels['hours']}", local]
    headings = _distinct(
        {name: _heading(name, users[name], words) for name in order}, users
    )
    for name in order:
        hours = charter.calendars[name]
        channels = users[name]
        if len(users) > 1 or charter.channels:
            blocks.append("### " + headings[name].replace("#", "\\#"))
        if len(channels) > 1 and any(c.title.strip() for c in channels):
            lines = [_capital(_channel_words(c, words)) for c in channels]
            blocks.append(_bullets(lines))
        if isinstance(hours, CombinedHours):
            said = combined_words(hours, charter.calendars, lang)
            blocks.append(words.sentence(said))
            details = []
        else:
            blocks.append(words.sentence(week_words(hours, lang)))
            details = [words.sentence(line) for line in exception_lines(hours, lang)]
        if hours.tz != charter.tz:
            details.append(words.sentence(_fact("zone", hours.tz.key, words)))
        if details:
            blocks.append(_bullets(details))
        for channel in channels:
            blocks += paragraphs(channel.text)
    return blocks


def _engagements(charter: Charter, lang: Lang) -> list[str]:
    if not charter.engagements:
        return []
    words = language(lang)
    channels = {c.id: c for c in charter.channels}
    caps = {c.id: c for c in charter.caps}
    blocks = [f"## {words.labels['engagements']}"]
    for engagement in charter.engagements:
        blocks.append(f"### {_title(engagement.title, engagement.id)}")
        if engagement.objectives:
            target = _fact("target", target_words(engagement, lang), words)
            blocks.append(f"**{words.sentence(target)}**")
        for cap in (caps[cap_id] for cap_id in engagement.caps if cap_id in caps):
            limit = cap_words(cap, lang)
            if cap.condition.strip():
                limit += f" ({inline(cap.condition)})"
            blocks.append(f"**{words.sentence(_fact('limit', limit, words))}**")
        blocks += paragraphs(engagement.text)
        facts = []
        if engagement.channel is not None:
            channel = _channel_words(channels[engagement.channel], words)
            facts.append(_fact("channel", channel, words))
        for key in ("kinds", "priorities"):
            names = [inline(n) for n in getattr(engagement, key)]
            if names:
                facts.append(_fact(key, ", ".join(names), words))
        if engagement.pausable:
            facts.append(words.labels["pausable"])
        if facts:
            blocks.append(_bullets(facts))
    return blocks


class _Part(Protocol):
    """A part of a charter with a subsection of its own: an obligation, a cap..."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def text(self) -> str: ...


_P = TypeVar("_P", bound=_Part)


def _section(
    heading: str, parts: Sequence[_P], lead: Callable[[_P], list[str]]
) -> list[str]:
    """One subsection per part: its title, its ``lead`` blocks, then its text."""
    if not parts:
        return []
    blocks = [f"## {heading}"]
    for part in parts:
        blocks.append(f"### {_title(part.title, part.id)}")
        blocks += lead(part)
        blocks += paragraphs(part.text)
    return blocks


def _obligations(charter: Charter, lang: Lang) -> list[str]:
    words = language(lang)

    def lead(obligation: RecurringObligation) -> list[str]:
        return [f"**{words.sentence(recurrence_words(obligation, lang))}**"]

    return _section(words.labels["obligations"], charter.obligations, lead)


def _caps(charter: Charter, lang: Lang) -> list[str]:
    words = language(lang)

    def lead(cap: DurationCap) -> list[str]:
        blocks = [f"**{words.sentence(cap_words(cap, lang))}**"]
        if cap.condition.strip():
            condition = _fact("condition", inline(cap.condition), words)
            blocks.append(words.sentence(condition))
        return blocks

    return _section(words.labels["caps"], charter.caps, lead)


def _commitments(charter: Charter, lang: Lang) -> list[str]:
    heading = language(lang).labels["commitments"]
    return _section(heading, charter.commitments, lambda _: [])


def _duties(charter: Charter, lang: Lang) -> list[str]:
    if not charter.duties:
        return []
    lines = [inline(duty.text, line_start=True) for duty in charter.duties]
    return [f"## {language(lang).labels['duties']}", _bullets(lines)]


def _revisions(charter: Charter, lang: Lang) -> list[str]:
    if not charter.revisions:
        return []
    words = language(lang)
    lines = []
    for revision in charter.revisions:
        line = f"{words.labels['version']} {inline(revision.version)}, "
        line += words.date(revision.date)
        if revision.summary.strip():
            line += f"{words.colon}{inline(revision.summary)}"
        lines.append(line)
    return [f"## {words.labels['revisions']}", _bullets(lines)]
