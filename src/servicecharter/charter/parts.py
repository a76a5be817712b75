"""The parts of a charter: objectives, engagements, channels, caps, texts."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

import attrs

from .._core import durations as _durations
from .._errors import InvalidCharterError
from .fields import (
    check_bool,
    check_filled,
    check_identifier,
    check_names,
    check_optional_identifier,
    check_text,
    date_of,
    one_of,
    to_tuple,
)
from .lifecycle import RULE_TYPES
from .objective import Objective, objective_id

__all__ = [
    "CHANNEL_KINDS",
    "Channel",
    "ChannelKind",
    "ClientDuty",
    "Commitment",
    "DurationCap",
    "Engagement",
    "Objective",
    "Revision",
]

ChannelKind: TypeAlias = Literal[
    "phone", "web_form", "email", "counter", "mail", "chat", "visit", "other"
]
CHANNEL_KINDS: tuple[str, ...] = typing.get_args(ChannelKind)


def _one_objective(value: Any, index: int) -> Objective:
    if isinstance(value, Objective):
        return value
    try:
        return Objective(value)
    except InvalidCharterError as error:
        raise error.at(f"objectives[{index}]") from None


def _to_objectives(value: Any) -> tuple[Objective, ...]:
    if isinstance(value, (str, Objective, *RULE_TYPES)):
        value = [value]
    if not isinstance(value, Iterable):
        raise InvalidCharterError(
            "objectives", value, f"expected a list of objectives, got {value!r}"
        )
    return tuple(_one_objective(v, i) for i, v in enumerate(value))


@attrs.frozen
class Engagement:
    """A promise about requests: when they are answered, on which channel.

    ``text`` is the charter sentence it models. ``kinds`` and ``priorities``
    name the requests it applies to (empty: all); ``pausable`` says the clock
    stops while the provider waits on the client. ``caps`` names the
    charter's duration caps that bound the help given ("30 minutes per
    module"); an engagement has deadline objectives, caps, or both.

    >>> e = Engagement(
    ...     "anomalies",
    ...     "Assistance on anomalies",
    ...     "4 business hours",
    ...     channel="phone",
    ... )
    >>> str(e.objectives[0].within)
    '4 business hours'
    """

    id: str = attrs.field(validator=check_identifier)
    """The engagement's id, of letters, digits, ``_``, ``.`` or ``-``."""
    title: str = attrs.field(validator=check_text)
    """A short title, the heading of the engagement in the rendered charter."""
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=_to_objectives
    )
    """The deadline objectives: one ``Objective``, rule or rule words like
    ``"4 business hours"``, or a list of them; the first gives ``Charter.deadline``."""
    text: str = attrs.field(default="", validator=check_text)
    """The charter's own sentence for this promise; may be empty."""
    channel: str | None = attrs.field(default=None, validator=check_optional_identifier)
    """The id of the charter channel it applies to, whose calendar it counts on;
    ``None``: any channel, on the ``"default"`` calendar."""
    kinds: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=check_names
    )
    """The request kinds it applies to: one name or a list of distinct names;
    empty (the default): all kinds."""
    priorities: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=check_names
    )
    """The request priorities it applies to: one name or a list of distinct names;
    empty (the default): all priorities."""
    pausable: bool = attrs.field(default=False, validator=check_bool)
    """Whether the clock stops while the provider waits on the client (a ``bool``)."""
    caps: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=check_names
    )
    """The ids of the charter's duration caps that bound it: one id or a list."""

    def __attrs_post_init__(self) -> None:
        if not (self.objectives or self.caps):
            raise InvalidCharterError(
                "objectives",
                self.objectives,
                "an engagement needs at least one objective or duration cap",
            )
        seen: set[str] = set()
        for k, objective in enumerate(self.objectives):
            if objective_id(objective, k) in seen:
                raise InvalidCharterError(
                    f"objectives[{k}].id",
                    objective_id(objective, k),
                    "objective ids must be unique in an engagement; rename one",
                )
            seen.add(objective_id(objective, k))

    def objective_ids(self) -> tuple[str, ...]:
        """The id of each objective: its ``id``, else its position as text.

        >>> Engagement(
        ...     "e", "E", ["4 business hours", "2 business days"]
        ... ).objective_ids()
        ('0', '1')
        """
        return tuple(objective_id(o, k) for k, o in enumerate(self.objectives))


@attrs.frozen
class Channel:
    """A way in: a phone line, a web form, a counter, with its opening hours.

    ``calendar`` names one of the charter's calendars; ``title`` is short (it
    heads the channel's hours), ``text`` the charter's own words about it.

    >>> Channel("phone", "phone", "Support line").calendar
    'default'
    >>> Channel("phone", "phone", text="Open on weekdays.").text
    'Open on weekdays.'
    """

    id: str = attrs.field(validator=check_identifier)
    """The channel's id, of letters, digits, ``_``, ``.`` or ``-`` (``"phone"``)."""
    kind: ChannelKind = attrs.field(validator=one_of(CHANNEL_KINDS))
    """What sort of channel: ``"phone"``, ``"web_form"``, ``"email"``, ``"counter"``,
    ``"mail"``, ``"chat"``, ``"visit"`` or ``"other"``."""
    title: str = attrs.field(default="", validator=check_text)
    """A short name, heading the channel's hours (``"Support line"``); may be empty."""
    calendar: str = attrs.field(default="default", validator=check_identifier)
    """The name of the charter calendar giving its opening hours."""
    text: str = attrs.field(default="", validator=check_text)
    """The charter's own words about the channel; may be empty."""


def _to_limit(value: Any) -> dt.timedelta:
    if isinstance(value, str):
        try:
            value = _durations.parse_duration(value)
        except ValueError as error:
            raise InvalidCharterError("limit", value, str(error)) from None
    if not isinstance(value, dt.timedelta) or value <= dt.timedelta(0):
        raise InvalidCharterError(
            "limit",
            value,
            f"expected a positive duration like '30 minutes', got {value!r}",
        )
    return value


@attrs.frozen
class DurationCap:
    """A limit on the time given to something: "30 minutes par module".

    ``per`` says what the limit is counted on; ``condition`` when it applies.

    >>> DurationCap("usage", "Usage help", "30 minutes", per="module").limit
    datetime.timedelta(seconds=1800)
    """

    id: str = attrs.field(validator=check_identifier)
    """The cap's id, of letters, digits, ``_``, ``.`` or ``-``, named by the
    engagements it bounds in their ``caps``."""
    title: str = attrs.field(validator=check_text)
    """A short title, the heading of the cap in the rendered charter."""
    limit: dt.timedelta = attrs.field(converter=_to_limit)
    """The most time given, positive: a ``timedelta`` or words like ``"30 minutes"``,
    ``"4h"`` or ``"2h30min"`` (units h, min, s, ms, us)."""
    per: str = attrs.field(default="", validator=check_text)
    """What the limit is counted on, like ``"module"`` ("per module"); may be empty."""
    text: str = attrs.field(default="", validator=check_text)
    """The charter's own words about the cap; may be empty."""
    condition: str = attrs.field(default="", validator=check_text)
    """When the cap applies, in words; empty: always."""


@attrs.frozen
class Commitment:
    """A qualitative promise no clock measures: "l'accueil est aimable".

    >>> Commitment("courtesy", "Courteous welcome").text
    ''
    """

    id: str = attrs.field(validator=check_identifier)
    """The commitment's id, of letters, digits, ``_``, ``.`` or ``-``."""
    title: str = attrs.field(validator=check_text)
    """A short title, the heading of the commitment in the rendered charter."""
    text: str = attrs.field(default="", validator=check_text)
    """The charter's own words for the promise; may be empty."""


@attrs.frozen
class ClientDuty:
    """What the charter asks of the client: "préparez votre appel".

    >>> ClientDuty("prepare", "Prepare your call.").id
    'prepare'
    """

    id: str = attrs.field(validator=check_identifier)
    """The duty's id, of letters, digits, ``_``, ``.`` or ``-``."""
    text: str = attrs.field(validator=check_filled)
    """What the client is asked to do, in the charter's words; must not be empty."""


def _to_revision_date(value: Any) -> dt.date:
    return date_of("date", value)


@attrs.frozen
class Revision:
    """One published version of the charter.

    >>> Revision("2009.1", "2009-07-01", "First edition").date
    datetime.date(2009, 7, 1)
    """

    version: str = attrs.field(validator=check_filled)
    """The version, any non-empty text such as ``"2009.1"``; unique in the charter."""
    date: dt.date = attrs.field(converter=_to_revision_date)
    """The publication date: a ``date`` or a string like ``"2009-07-01"``."""
    summary: str = attrs.field(default="", validator=check_text)
    """What changed in this version; may be empty."""
