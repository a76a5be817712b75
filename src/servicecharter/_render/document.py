"""``render``: a charter as the Markdown document its provider would publish.

Everything is in words in the chosen language, French or English: opening
hours per channel ("du lundi au vendredi de 9 h à 12 h et de 14 h à
17 h, fermé les jours fériés"), then what the channels' texts say, each
engagement's measurable target ("Objectif : dans les 4 heures ouvrées"),
recurring obligations, duration caps, quality commitments, client duties
and the revision history. The charter's own texts are kept as they are,
escaped for Markdown; titles head sections, texts are paragraphs.

French typography: a non-breaking space (U+00A0) before ``%`` and ``:``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..charter import Channel, Charter
from .hours_words import exception_lines, week_words
from .items import (
    cap_words,
    inline,
    paragraphs,
    recurrence_words,
    target_words,
)
from .words import Lang, check_locale, colon, date_words, join, sentence

__all__ = ["render"]

_LABELS: dict[Lang, dict[str, str]] = {
    "fr": {
        "provider": "Prestataire",
        "version": "Version",
        "effective": "En vigueur à partir du",
        "hours": "Horaires d'ouverture",
        "local": "Les heures sont données à l'heure locale ({tz}).",
        "zone": "fuseau horaire",
        "general": "Horaires généraux",
        "calendar": "Calendrier « {name} »",
        "engagements": "Délais de réponse",
        "target": "Objectif",
        "limit": "Durée",
        "channel": "Canal",
        "kinds": "Demandes concernées",
        "priorities": "Priorités concernées",
        "pausable": (
            "Le délai est suspendu tant que nous attendons une réponse de votre part."
        ),
        "obligations": "Engagements périodiques",
        "caps": "Durées maximales",
        "condition": "Condition",
        "commitments": "Engagements qualité",
        "duties": "Ce que nous vous demandons",
        "revisions": "Historique des versions",
    },
    "en": {
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
    },
}
_SEMICOLON: dict[Lang, str] = {"fr": "\u00a0; ", "en": "; "}
_KINDS: dict[Lang, dict[str, str]] = {
    "fr": {
        "phone": "téléphone",
        "web_form": "formulaire web",
        "email": "courriel",
        "counter": "accueil",
        "mail": "courrier",
        "chat": "messagerie instantanée",
        "visit": "visite sur place",
        "other": "autre canal",
    },
    "en": {
        "phone": "phone",
        "web_form": "web form",
        "email": "email",
        "counter": "front desk",
        "mail": "post",
        "chat": "chat",
        "visit": "on-site visit",
        "other": "other channel",
    },
}


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


def _header(charter: Charter, lang: Lang) -> list[str]:
    labels = _LABELS[lang]
    facts = []
    if charter.provider.strip():
        facts.append(f"{labels['provider']}{colon(lang)}{inline(charter.provider)}")
    if charter.version.strip():
        facts.append(f"{labels['version']}{colon(lang)}{inline(charter.version)}")
    if charter.effective is not None:
        facts.append(f"{labels['effective']} {date_words(charter.effective, lang)}")
    blocks = [f"# {_title(charter.title, charter.id)}"]
    return [*blocks, _bullets(facts)] if facts else blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _channel_words(channel: Channel, lang: Lang) -> str:
    """``téléphone (04 42 50 62 95)``; a title that names the kind stands alone."""
    kind = _KINDS[lang][channel.kind]
    title = inline(channel.title)
    if not title:
        return kind
    if title.lower().startswith(kind.lower()):
        return title
    return f"{kind} ({title})"


def _hours(charter: Charter, lang: Lang) -> list[str]:
    if not charter.calendars:
        return []
    labels = _LABELS[lang]
    users: dict[str, list[Channel]] = {name: [] for name in charter.calendars}
    for channel in charter.channels:
        users[channel.calendar].append(channel)
    order = sorted(users, key=lambda n: (not users[n], n != "default"))
    blocks = [f"## {labels['hours']}", labels["local"].format(tz=charter.tz.key)]
    for name in order:
        hours = charter.calendars[name]
        channels = users[name]
        if len(channels) == 1:
            heading = _capital(_channel_words(channels[0], lang))
        elif channels:
            kinds = dict.fromkeys(_KINDS[lang][c.kind] for c in channels)
            heading = _capital(join(list(kinds), lang))
        elif name == "default":
            heading = labels["general"]
        else:
            heading = labels["calendar"].format(name=inline(name))
        if len(users) > 1 or charter.channels:
            blocks.append("### " + heading.replace("#", "\\#"))
        if len(channels) > 1 and any(c.title.strip() for c in channels):
            lines = [_capital(_channel_words(c, lang)) for c in channels]
            blocks.append(_bullets(lines))
        blocks.append(sentence(week_words(hours, lang)))
        details = [sentence(line) for line in exception_lines(hours, lang)]
        if hours.tz != charter.tz:
            details.append(sentence(f"{labels['zone']}{colon(lang)}{hours.tz.key}"))
        if details:
            blocks.append(_bullets(details))
        for channel in channels:
            blocks += paragraphs(channel.text)
    return blocks


def _engagements(charter: Charter, lang: Lang) -> list[str]:
    if not charter.engagements:
        return []
    labels = _LABELS[lang]
    channels = {c.id: c for c in charter.channels}
    caps = {c.id: c for c in charter.caps}
    blocks = [f"## {labels['engagements']}"]
    for engagement in charter.engagements:
        blocks.append(f"### {_title(engagement.title, engagement.id)}")
        if engagement.objectives:
            target = target_words(engagement, lang)
            blocks.append(f"**{sentence(labels['target'] + colon(lang) + target)}**")
        for cap in (caps[cap_id] for cap_id in engagement.caps if cap_id in caps):
            limit = cap_words(cap, lang)
            if cap.condition.strip():
                limit += f" ({inline(cap.condition)})"
            blocks.append(f"**{sentence(labels['limit'] + colon(lang) + limit)}**")
        blocks += paragraphs(engagement.text)
        facts = []
        if engagement.channel is not None:
            channel = _channel_words(channels[engagement.channel], lang)
            facts.append(f"{labels['channel']}{colon(lang)}{channel}")
        for key in ("kinds", "priorities"):
            names = [inline(n) for n in getattr(engagement, key)]
            if names:
                facts.append(f"{labels[key]}{colon(lang)}{', '.join(names)}")
        if engagement.pausable:
            facts.append(labels["pausable"])
        if facts:
            blocks.append(_bullets(facts))
    return blocks


def _obligations(charter: Charter, lang: Lang) -> list[str]:
    if not charter.obligations:
        return []
    blocks = [f"## {_LABELS[lang]['obligations']}"]
    for obligation in charter.obligations:
        blocks.append(f"### {_title(obligation.title, obligation.id)}")
        blocks.append(f"**{sentence(recurrence_words(obligation, lang))}**")
        blocks += paragraphs(obligation.text)
    return blocks


def _caps(charter: Charter, lang: Lang) -> list[str]:
    if not charter.caps:
        return []
    labels = _LABELS[lang]
    blocks = [f"## {labels['caps']}"]
    for cap in charter.caps:
        blocks.append(f"### {_title(cap.title, cap.id)}")
        blocks.append(f"**{sentence(cap_words(cap, lang))}**")
        if cap.condition.strip():
            condition = inline(cap.condition)
            blocks.append(sentence(f"{labels['condition']}{colon(lang)}{condition}"))
        blocks += paragraphs(cap.text)
    return blocks


def _commitments(charter: Charter, lang: Lang) -> list[str]:
    if not charter.commitments:
        return []
    blocks = [f"## {_LABELS[lang]['commitments']}"]
    for commitment in charter.commitments:
        blocks.append(f"### {_title(commitment.title, commitment.id)}")
        blocks += paragraphs(commitment.text)
    return blocks


def _duties(charter: Charter, lang: Lang) -> list[str]:
    if not charter.duties:
        return []
    lines = [inline(duty.text, line_start=True) for duty in charter.duties]
    return [f"## {_LABELS[lang]['duties']}", _bullets(lines)]


def _revisions(charter: Charter, lang: Lang) -> list[str]:
    if not charter.revisions:
        return []
    lines = []
    for revision in charter.revisions:
        line = f"{_LABELS[lang]['version']} {inline(revision.version)}, "
        line += date_words(revision.date, lang)
        if revision.summary.strip():
            line += f"{colon(lang)}{inline(revision.summary)}"
        lines.append(line)
    return [f"## {_LABELS[lang]['revisions']}", _bullets(lines)]
