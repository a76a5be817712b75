"""``Charter``: a published customer charter as one typed, validated object.

A charter holds named opening-hours calendars, the channels clients use,
engagements with deadline objectives, recurring obligations, duration caps,
qualitative commitments, client duties and revisions. It answers *when is
this request due?* for one receipt instant or an array of them.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from typing import Any, overload

import attrs
import numpy as np
import numpy.typing as npt

from .._core.convert import InstantsIn
from .._core.zone import to_zone
from .._errors import (
    InvalidArgumentError,
    InvalidCharterError,
    ServiceCharterError,
    UnknownCalendarError,
    UnknownEngagementError,
)
from ..calendar import BusinessCalendar, CombinedHours, Hours
from ..hours import OpeningHours
from .fields import (
    FrozenDict,
    check_identifier,
    check_text,
    date_of,
    identifier,
    instances_of,
    to_tuple,
)
from .obligations import RecurringObligation
from .parts import (
    Channel,
    ClientDuty,
    Commitment,
    DurationCap,
    Engagement,
    Revision,
)
from .validate import charter_problems

__all__ = ["Charter", "checked_charter"]

_LOCALE = re.compile(r"^([A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*)?\Z")


def _to_zone(value: Any) -> zoneinfo.ZoneInfo:
    try:
        return to_zone(value)
    except ServiceCharterError as error:
        raise InvalidCharterError("tz", value, str(error)) from None


def _to_effective(value: Any) -> dt.date | None:
    return None if value is None else date_of("effective", value)


def _check_locale(_instance: object, _attr: object, value: object) -> None:
    if not isinstance(value, str) or not _LOCALE.match(value):
        raise InvalidCharterError(
            "locale", value, f"expected a language tag like 'fr-FR', got {value!r}"
        )


def _to_calendars(value: Any) -> FrozenDict[str, Hours]:
    if not isinstance(value, Mapping):
        raise InvalidCharterError(
            "calendars", value, f"expected a mapping of names to hours, got {value!r}"
        )
    for name, hours in value.items():
        identifier("calendars", name)
        if isinstance(hours, CombinedHours):
            _check_named_leaves(name, hours, value)
        elif not isinstance(hours, OpeningHours):
            raise InvalidCharterError(
                f"calendars.{name}",
                hours,
                f"expected OpeningHours or CombinedHours, got {hours!r}",
            )
    return FrozenDict(value)


def _check_named_leaves(
    name: str, combined: CombinedHours, calendars: Mapping[str, Any]
) -> None:
    """Each opening hours of a combination is one of the charter's calendars.

    So that a file can say it by name: ``combine = "sydney | london"``.
    """
    named = [h for h in calendars.values() if isinstance(h, OpeningHours)]
    for operand in combined.operands:
        if isinstance(operand, CombinedHours):
            _check_named_leaves(name, operand, calendars)
        elif operand not in named:
            raise InvalidCharterError(
                f"calendars.{name}",
                combined,
                "combines opening hours that are not one of the charter's "
                "calendars; give each of them a name in calendars first",
            )


class _Cache(dict[str, BusinessCalendar]):
    """Compiled calendars and the engagements by id; copies and pickles start empty."""

    def __init__(self) -> None:
        super().__init__()
        self.engagements: dict[str, Engagement] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Cache, ())


@attrs.frozen(kw_only=True)
class Charter:
    """A customer charter: calendars, channels, engagements and the rest.

    Built with keywords; ``tz`` is the charter's own zone (calendars carry
    theirs). Construction checks the whole: unique ids in each collection,
    channels naming known calendars, engagements naming known channels (an
    engagement with no channel uses the ``"default"`` calendar), and no
    business-time rule on a calendar without any open weekday. Errors are
    ``InvalidCharterError`` with the path of the offending field.

    >>> from servicecharter import OpeningHours
    >>> hours = OpeningHours.parse(
    ...     "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
    ... )
    >>> charter = Charter(
    ...     id="support",
    ...     title="Technical support",
    ...     tz="Europe/Paris",
    ...     calendars={"default": hours},
    ...     channels=[Channel("phone", "phone")],
    ...     engagements=[
    ...         Engagement(
    ...             "anomalies", "Anomalies", "4 business hours", channel="phone"
    ...         )
    ...     ],
    ... )
    >>> call = dt.datetime(2026, 4, 3, 16, 30, tzinfo=paris)
    >>> charter.deadline("anomalies", call).isoformat()  # Monday is Easter Monday
    '2026-04-07T14:30:00+02:00'
    """

    id: str = attrs.field(validator=check_identifier)
    """The charter's id: letters, digits, ``_``, ``.`` or ``-``, like ``"support"``."""
    title: str = attrs.field(validator=check_text)
    """The charter's title, the heading of its rendered text (empty: the id)."""
    provider: str = attrs.field(default="", validator=check_text)
    """Who makes the promises, such as the service or company; may be empty."""
    version: str = attrs.field(default="", validator=check_text)
    """The version of the text, as published (``"2009.1"``); may be empty."""
    effective: dt.date | None = attrs.field(default=None, converter=_to_effective)
    """The date it takes effect: a ``date`` or ``"2026-01-31"``; ``None``: unstated."""
    locale: str = attrs.field(default="", validator=_check_locale)
    """The language of the charter's texts as a tag like ``"fr"`` or ``"fr-FR"``, or
    ``""``; a record only (``render`` takes its own ``locale``)."""
    tz: zoneinfo.ZoneInfo = attrs.field(converter=_to_zone)
    """The charter's own zone, stated in its rendered text and used by the command
    line for local times: a ``ZoneInfo`` or an IANA name like ``"Europe/Paris"``."""
    calendars: FrozenDict[str, Hours] = attrs.field(
        default=FrozenDict(),
        converter=_to_calendars,  # immutable, safe to share
    )
    """Opening hours by name: a mapping of ids to ``OpeningHours``, or to
    ``CombinedHours`` of the charter's other calendars (``calendar("a") |
    calendar("b")`` gives one); ``"default"`` is used by channels that name
    none and by engagements without a channel."""
    channels: tuple[Channel, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Channel)
    )
    """The channels, a list of ``Channel`` with distinct ids."""
    engagements: tuple[Engagement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Engagement)
    )
    """The engagements, a list of ``Engagement`` with distinct ids, each naming a
    known channel (or none, with a ``"default"`` calendar) and known caps."""
    obligations: tuple[RecurringObligation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(RecurringObligation)
    )
    """The recurring obligations, a list of ``RecurringObligation``, distinct ids."""
    caps: tuple[DurationCap, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(DurationCap)
    )
    """The duration caps, a list of ``DurationCap`` with distinct ids."""
    commitments: tuple[Commitment, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Commitment)
    )
    """The qualitative commitments, a list of ``Commitment`` with distinct ids."""
    duties: tuple[ClientDuty, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(ClientDuty)
    )
    """What the client is asked to do, a list of ``ClientDuty`` with distinct ids."""
    revisions: tuple[Revision, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Revision)
    )
    """The published versions, a list of ``Revision`` with distinct versions."""
    _cache: _Cache = attrs.field(
        init=False, factory=_Cache, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        problems = charter_problems(self)
        if problems:
            raise InvalidCharterError.collect(problems)

    def calendar(self, name: str = "default") -> BusinessCalendar:
        """The business calendar named ``name``, compiled once per charter.

        >>> charter.calendar().is_business_day(dt.date(2026, 5, 1))
        False
        """
        if not isinstance(name, str):  # a list would not even be looked up
            raise UnknownCalendarError(name, tuple(self.calendars))
        found = self._cache.get(name)
        if found is not None:
            return found
        hours = self.calendars.get(name)
        if hours is None:
            raise UnknownCalendarError(name, tuple(self.calendars))
        return self._cache.setdefault(name, BusinessCalendar(hours))

    def engagement(self, engagement_id: str) -> Engagement:
        """The engagement with this id.

        >>> charter.engagement("callback")
        Traceback (most recent call last):
        ...
        servicecharter.UnknownEngagementError: unknown engagement 'callback'; known: 'anomalies', 'forms'
        """  # noqa: E501 (a doctest traceback is one line)
        index = self._cache.engagements
        if index is None:  # built once: a lookup per group, not a scan
            index = self._cache.engagements = {e.id: e for e in self.engagements}
        given: object = engagement_id  # any type may come in, a list too
        found = index.get(given) if isinstance(given, str) else None
        if found is not None:
            return found
        raise UnknownEngagementError(
            engagement_id, tuple(e.id for e in self.engagements)
        )

    def calendar_for(self, engagement_id: str) -> BusinessCalendar:
        """The calendar of the engagement's channel (``"default"`` without one)."""
        channel_id = self.engagement(engagement_id).channel
        if channel_id is None:
            return self.calendar()
        channel = next(c for c in self.channels if c.id == channel_id)
        return self.calendar(channel.calendar)

    @overload
    def deadline(self, engagement_id: str, received: dt.datetime) -> dt.datetime: ...
    @overload
    def deadline(
        self, engagement_id: str, received: InstantsIn
    ) -> npt.NDArray[np.datetime64]: ...
    def deadline(self, engagement_id: str, received: Any) -> Any:
        """The deadline of the engagement's first objective.

        ``received`` is an aware datetime (the result is aware, in the
        calendar's zone) or an array of instants (``datetime64[us]`` out).

        >>> import numpy as np
        >>> calls = np.array(["2026-04-03T14:30", "NaT"], dtype="datetime64[us]")
        >>> due = charter.deadline("anomalies", calls)
        >>> np.datetime_as_string(due, unit="m").tolist()
        ['2026-04-07T12:30', 'NaT']
        """
        engagement = self.engagement(engagement_id)
        if not engagement.objectives:
            raise InvalidArgumentError(
                f"engagement {engagement_id!r} has no deadline objective; it bounds "
                f"durations ({', '.join(engagement.caps)}) and has no due time"
            )
        return engagement.objectives[0].deadline(
            self.calendar_for(engagement_id), received
        )

    @overload
    def deadlines(
        self, engagement_id: str, received: dt.datetime
    ) -> tuple[dt.datetime, ...]: ...
    @overload
    def deadlines(
        self, engagement_id: str, received: InstantsIn
    ) -> tuple[npt.NDArray[np.datetime64], ...]: ...
    def deadlines(self, engagement_id: str, received: Any) -> tuple[Any, ...]:
        """The deadline of each objective of the engagement, in order.

        >>> form = dt.datetime(2026, 4, 3, 18, tzinfo=paris)
        >>> [d.isoformat() for d in charter.deadlines("forms", form)]
        ['2026-04-09T17:00:00+02:00', '2026-04-08T00:00:00+02:00']
        """
        calendar = self.calendar_for(engagement_id)
        return tuple(
            objective.deadline(calendar, received)
            for objective in self.engagement(engagement_id).objectives
        )


def checked_charter(value: object) -> Charter:
    """``value`` if it is a ``Charter``, else the library's error saying so.

    For the functions that take a charter first (``evaluate``, ``explain``,
    ``render``, the assertions), so that a wrong argument is not an
    ``AttributeError`` from deep inside them.
    """
    if not isinstance(value, Charter):
        raise InvalidArgumentError(
            f"expected a Charter, got {type(value).__name__}; e.g. "
            "servicecharter.load('charter.toml') or examples.load('technical-support')"
        )
    return value
