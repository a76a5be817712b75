"""What the commands share: reading charters and instants, reporting errors."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .. import examples
from .._core.units import SUPPORTED_YEARS
from .._errors import HorizonError, InvalidArgumentError, InvalidCharterError
from ..calendar import BusinessCalendar
from ..charter import Charter
from ..io import load

__all__ = [
    "PROG",
    "channel_calendar",
    "charter_problems",
    "load_charter",
    "os_problem",
    "print_error",
    "read_instant",
    "show_instant",
]

PROG = "servicecharter"
FIRST_YEAR, LAST_YEAR = (int(year) for year in SUPPORTED_YEARS.split("-"))


def print_error(message: str) -> None:
    """One error line on standard error, after the program's name."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def os_problem(error: OSError) -> str:
    """A file error in words: which file, and what went wrong."""
    if error.filename is None:
        return str(error)
    return f"cannot read {str(error.filename)!r}: {error.strerror}"


def charter_problems(error: InvalidCharterError, where: str) -> str:
    """Every problem of an invalid charter, one per line."""
    lines = [f"invalid charter {where!r}:" if where else "invalid charter:"]
    lines += [f"  {problem}" for problem in error.errors]
    return "\n".join(lines)


def load_charter(name: str) -> Charter:
    """The charter in file ``name``, or the bundled example of that name."""
    path = Path(name)
    if not path.exists() and name in examples.names():
        return examples.load(name)
    if not path.exists() and path.suffix.lower() not in (".toml", ".json"):
        known = ", ".join(examples.names())
        raise InvalidArgumentError(
            f"no charter file {name!r} and no bundled example of that name; "
            f"examples: {known}"
        )
    return load(path)


def read_instant(text: str, charter: Charter, what: str) -> dt.datetime:
    """An ISO 8601 instant; without an offset, wall time in the charter's zone.

    The instant must lie in the supported years on the UTC clock or on the
    charter's wall clock, as the calendar's own bounds say
    (9999-12-31T23:30-05:00 is in neither: the year 10000 in UTC).
    """
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidArgumentError(
            f"{what}: {text!r} is not an ISO 8601 date and time, "
            "such as 2026-03-27T16:30 or 2026-03-27T16:30+01:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=charter.tz)
    if not any(FIRST_YEAR <= year <= LAST_YEAR for year in _years(value, charter)):
        raise HorizonError(
            f"{what}: {text!r} is outside the supported years {SUPPORTED_YEARS} "
            f"(in UTC and in {charter.tz.key}); give an instant inside them"
        )
    return value


def _years(value: dt.datetime, charter: Charter) -> list[int]:
    """The instant's year on the UTC clock and on the charter's, where it has one."""
    years = []
    for zone in (dt.UTC, charter.tz):
        try:
            years.append(value.astimezone(zone).year)
        except OverflowError:  # before the year 1 or after 9999 on that clock
            continue
    return years


def show_instant(value: dt.datetime, charter: Charter) -> str:
    """An instant as ISO 8601 in the charter's zone (in UTC where it has none)."""
    try:
        # Through UTC: a wall time in a gap, given in the charter's own zone,
        # comes out as the instant it stands for.
        return value.astimezone(dt.UTC).astimezone(charter.tz).isoformat(sep=" ")
    except OverflowError:  # on the charter's wall clock, before 1 or after 9999
        return value.astimezone(dt.UTC).isoformat(sep=" ")


def channel_calendar(charter: Charter, channel_id: str | None) -> BusinessCalendar:
    """The calendar of a channel, or the charter's default one."""
    if channel_id is None:
        return charter.calendar()
    for channel in charter.channels:
        if channel.id == channel_id:
            return charter.calendar(channel.calendar)
    known = ", ".join(repr(c.id) for c in charter.channels) or "none"
    raise InvalidArgumentError(f"unknown channel {channel_id!r}; known: {known}")
