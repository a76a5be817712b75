"""The exception hierarchy: one root, each class also the built-in it means."""

from __future__ import annotations

__all__ = [
    "HorizonError",
    "InvalidArgumentError",
    "InvalidDurationError",
    "InvalidHoursError",
    "InvalidInstantError",
    "NaiveDatetimeError",
    "NoOpenTimeError",
    "NotBusinessDayError",
    "NotationError",
    "ServiceCharterError",
    "UnknownCountryError",
    "UnknownTimeZoneError",
]


class ServiceCharterError(Exception):
    """Root of every error servicecharter raises on purpose.

    Catch this to handle any library error; each subclass also inherits the
    built-in exception it stands for, so ``except ValueError`` works too.
    """


class InvalidHoursError(ServiceCharterError, ValueError):
    """An opening-hours model is malformed: bad, empty or overlapping ranges."""


class NotationError(InvalidHoursError):
    """Opening-hours text does not parse; the message points at the column.

    Attributes:
        text: the text that failed to parse.
        column: 0-based offset of the offending character in ``text``.
        reason: what was expected there.
    """

    def __init__(self, text: str, column: int, reason: str) -> None:
        self.text = text
        self.column = column
        self.reason = reason
        caret = " " * column + "^"
        super().__init__(
            f"{reason} at column {column + 1} of opening hours:\n  {text}\n  {caret}"
        )

    def __reduce__(self) -> tuple[type[NotationError], tuple[str, int, str]]:
        return (type(self), (self.text, self.column, self.reason))


class UnknownTimeZoneError(ServiceCharterError, ValueError):
    """A time zone name is not in the IANA database."""


class UnknownCountryError(ServiceCharterError, ValueError):
    """A country or subdivision code is unknown to the ``holidays`` package."""


class NaiveDatetimeError(ServiceCharterError, ValueError):
    """A naive datetime was given where an instant is needed."""


class InvalidInstantError(ServiceCharterError, TypeError):
    """A value cannot be read as an instant, a date or an array of them."""


class InvalidDurationError(ServiceCharterError, TypeError):
    """A value cannot be read as a duration (timedelta or timedelta64)."""


class NoOpenTimeError(ServiceCharterError, ValueError):
    """A search found no open time within its bound."""


class NotBusinessDayError(ServiceCharterError, ValueError):
    """A date is not a business day and the roll policy is ``"raise"``."""


class InvalidArgumentError(ServiceCharterError, ValueError):
    """An argument is outside what is allowed (an unknown policy name, say)."""


class HorizonError(ServiceCharterError, ValueError):
    """An instant lies outside the range of dates the library can compute."""
