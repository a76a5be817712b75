"""The assertion failures of the testing toolkit and their messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._render.en_moments import business_words, moment, show_year
from ..calendar import BusinessCalendar
from ..compliance import Evaluation

__all__ = ["ZERO", "AttainmentMissed", "SLAMissed", "late_words", "miss_text"]

ZERO = dt.timedelta(0)


class SLAMissed(AssertionError):  # noqa: N818 (an assertion failure, not an error)
    """A response that missed its objective (raised by ``assert_met``).

    Attributes:
        engagement: the engagement id.
        objective: the objective's index in the engagement (0 for the first).
        deadline: the deadline, aware, in the calendar's zone.
        responded: the response instant as given.
        late_by: business time from the deadline to the response; zero when
            the response came after the deadline while the service was
            closed (a day-based deadline answered the next morning before
            opening).
    """

    def __init__(
        self,
        message: str,
        *,
        engagement: str,
        objective: int,
        deadline: dt.datetime,
        responded: dt.datetime,
        late_by: dt.timedelta,
    ) -> None:
        super().__init__(message)
        self.engagement = engagement
        self.objective = objective
        self.deadline = deadline
        self.responded = responded
        self.late_by = late_by


class AttainmentMissed(AssertionError):  # noqa: N818 (as SLAMissed)
    """Objectives whose attainment is below their share (``assert_attainment``).

    Attributes:
        evaluation: the ``Evaluation`` that was checked.
        missed: the summary lines (dicts of ``Evaluation.summary``) that
            failed, in charter order.
    """

    def __init__(
        self, message: str, *, evaluation: Evaluation, missed: list[dict[str, Any]]
    ) -> None:
        super().__init__(message)
        self.evaluation = evaluation
        self.missed = missed


def late_words(late_by: dt.timedelta) -> str:
    """How late an answer was, in business time, as words."""
    if late_by <= ZERO:
        return "answered after the deadline, while the service was closed"
    return f"answered {business_words(late_by)} late"


def miss_text(
    calendar: BusinessCalendar,
    received: dt.datetime,
    deadline: dt.datetime,
    responded: dt.datetime,
    rule: str,
) -> str:
    """``answered ... late: due ..., answered ... (received ...; rule)``."""
    tz = calendar.tz
    year = show_year((received, deadline, responded), tz)
    late_by = calendar.elapsed(deadline, responded)
    return (
        f"{late_words(late_by)}: due {moment(deadline, tz, year=year)}, "
        f"answered {moment(responded, tz, year=year)} "
        f"(received {moment(received, tz, year=year)}; {rule})"
    )
