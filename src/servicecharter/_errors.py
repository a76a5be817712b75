"""The exception hierarchy: one root, each class also the built-in it means."""

from __future__ import annotations

from typing import Any

__all__ = [
    "HorizonError",
    "InvalidArgumentError",
    "InvalidCharterError",
    "InvalidDurationError",
    "InvalidHoursError",
    "InvalidInstantError",
    "InvalidRequestError",
    "InvalidRuleError",
    "MissingDependencyError",
    "NaiveDatetimeError",
    "NoOpenTimeError",
    "NotBusinessDayError",
    "NotationError",
    "NotationWarning",
    "ServiceCharterError",
    "ServiceCharterWarning",
    "UnknownCalendarError",
    "UnknownCountryError",
    "UnknownEngagementError",
    "UnknownExampleError",
    "UnknownTimeZoneError",
]


class ServiceCharterError(Exception):
    """Root of every error servicecharter raises on purpose.

    Catch this to handle any library error. Each subclass also inherits the
    built-in exception it stands for (``ValueError``, ``TypeError`` or
    ``KeyError``, shown under each class), so code that catches the built-in
    keeps working.
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
        # Multi-line text (comments allow it): show the offending line only.
        line_start = text.rfind("\n", 0, column) + 1
        line_end = text.find("\n", column)
        line = text[line_start : None if line_end < 0 else line_end]
        number = text.count("\n", 0, column) + 1
        where = f"line {number}, column" if "\n" in text else "column"
        caret = " " * (column - line_start) + "^"
        super().__init__(
            f"{reason} at {where} {column - line_start + 1} of opening hours:\n"
            f"  {line}\n  {caret}"
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


class InvalidRequestError(ServiceCharterError, ValueError):
    """Request records given to ``evaluate(strict=True)`` have bad rows.

    Attributes:
        problems: every bad row, as ``Problem(row, id, reason)`` records.
        rows: the number of request rows evaluated.
    """

    shown = 5

    def __init__(self, problems: tuple[Any, ...], rows: int) -> None:
        self.problems = problems
        self.rows = rows
        lines = [f"  row {p.row} (id {p.id!r}): {p.reason}" for p in problems]
        more = len(problems) - self.shown
        text = "\n".join(lines[: self.shown])
        if more > 0:
            text += f"\n  ... and {more} more (see .problems)"
        plural = "s" if len(problems) != 1 else ""
        super().__init__(
            f"{len(problems)} invalid request row{plural} of {rows}:\n{text}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems, self.rows))


class InvalidRuleError(ServiceCharterError, ValueError):
    """A deadline rule is malformed, or its words are not understood."""


class MissingDependencyError(ServiceCharterError, ImportError):
    """An optional dependency that a feature needs is not installed.

    The message names the extra that installs it, such as
    ``pip install 'servicecharter[plot]'``.
    """


class HorizonError(ServiceCharterError, ValueError):
    """An instant lies outside the range of dates the library can compute."""


def _join_path(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


class InvalidCharterError(ServiceCharterError, ValueError):
    """A charter or a charter file is invalid; the message says where and why.

    Attributes:
        path: where inside the charter, like
            ``"engagements[2].objectives[0].within"`` (``""``: the whole document).
        value: the offending value.
        reason: what is wrong and what is allowed.
        errors: every problem found, this one first, when several were collected.

    >>> err = InvalidCharterError("share", 2, "must be in (0, 1], got 2")
    >>> str(err.at("engagements[0].objectives[1]"))
    'engagements[0].objectives[1].share: must be in (0, 1], got 2'
    """

    def __init__(
        self,
        path: str,
        value: object,
        reason: str,
        others: tuple[InvalidCharterError, ...] = (),
    ) -> None:
        self.path = path
        self.value = value
        self.reason = reason
        self._others = others
        message = f"{path}: {reason}" if path else reason
        if others:
            lines = "\n".join(f"  {e}" for e in self.errors)
            message = f"{len(self.errors)} problems in the charter:\n{lines}"
        super().__init__(message)

    @classmethod
    def collect(cls, errors: list[InvalidCharterError]) -> InvalidCharterError:
        """One error standing for several (flattened); the first gives its path."""
        flat = [one for error in errors for one in error.errors]
        first = flat[0]
        return cls(first.path, first.value, first.reason, tuple(flat[1:]))

    @property
    def errors(self) -> tuple[InvalidCharterError, ...]:
        """Every problem found, this one first."""
        if not self._others:
            return (self,)
        return (type(self)(self.path, self.value, self.reason), *self._others)

    def at(self, prefix: str) -> InvalidCharterError:
        """The same error, its path (and those it collects) under ``prefix``."""
        others = tuple(e.at(prefix) for e in self._others)
        path = _join_path(prefix, self.path)
        return type(self)(path, self.value, self.reason, others)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.value, self.reason, self._others))


class _LookupError(ServiceCharterError, KeyError):
    what = "item"

    def __init__(self, key: str, known: tuple[str, ...]) -> None:
        self.key = key
        self.known = known
        choices = ", ".join(repr(k) for k in known) or "none"
        super().__init__(f"unknown {self.what} {key!r}; known: {choices}")

    def __str__(self) -> str:
        # KeyError would print the repr of the message, quotes and all.
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.key, self.known))


class UnknownEngagementError(_LookupError):
    """An engagement id is not in the charter; the message lists the known ids.

    Attributes:
        key: the id asked for.
        known: the ids of the charter's engagements.
    """

    what = "engagement"


class UnknownCalendarError(_LookupError):
    """A calendar name is not in the charter; the message lists the known names.

    Attributes:
        key: the name asked for.
        known: the names of the charter's calendars.
    """

    what = "calendar"


class UnknownExampleError(_LookupError):
    """No bundled example charter has this name; the message lists the names.

    Attributes:
        key: the name asked for.
        known: the names of the bundled examples.
    """

    what = "example"


class ServiceCharterWarning(UserWarning):
    """Root of every warning servicecharter gives.

    A value is accepted but is probably not what was meant. Filter this
    class to silence them all.
    """


class NotationWarning(ServiceCharterWarning):
    """Opening-hours text parses but probably does not say what was meant.

    ``PH off`` with no holidays given, say: no date would be a holiday.
    """


# Tracebacks and reprs name the public path, servicecharter.InvalidCharterError,
# where a user imports the class from; pickling finds them there too.
for _name in __all__:
    globals()[_name].__module__ = "servicecharter"
del _name
