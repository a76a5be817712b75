"""The bodies of the DuckDB functions: one batch of rows, one kernel call.

DuckDB calls each function with a batch of rows as pyarrow arrays (a couple
of thousand at a time). A batch is read into int64 microseconds once,
answered by the calendar's int64 API (``BusinessCalendar.kernel``,
``Rule.deadline_us``) in one call per batch (one per engagement and
objective for deadlines), and written back as Arrow. A null in gives a null
out. Errors are the library's own: DuckDB reports them with their class name
and message.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._core.units import I64, NAT
from .._errors import InvalidArgumentError
from ..calendar import BusinessCalendar
from ..charter import Charter
from ._arrow import (
    bools_out,
    durations_out,
    durations_us,
    instants_out,
    instants_us,
    integers,
    texts,
)

__all__ = ["CalendarFunctions", "DeadlineFunction"]


def _constant(values: I64) -> I64:
    """One element when every value is the same (a literal interval, say).

    The kernel then broadcasts it instead of reading a whole column.
    """
    first = values[:1]
    if values.size > 1 and first[0] != NAT and (values == first).all():
        return values[:1]
    return values


class CalendarFunctions:
    """The clock functions of one calendar: instants, ``add`` and ``elapsed``.

    >>> import pyarrow as pa
    >>> functions = CalendarFunctions(cal)
    >>> ts = pa.array([1_774_602_000_000_000, None], pa.timestamp("us", tz="UTC"))
    >>> functions.is_open(ts).to_pylist()  # Friday 27 March 2026 10:00 in Paris
    [True, None]
    """

    __slots__ = ("kernel",)

    def __init__(self, calendar: BusinessCalendar) -> None:
        self.kernel = calendar.kernel

    def is_open(self, ts: Any) -> Any:
        """Whether open at each instant."""
        t = instants_us(ts)
        return bools_out(self.kernel.is_open(t), t == NAT)

    def next_open(self, ts: Any) -> Any:
        """Each instant if open, else the next opening."""
        return instants_out(self.kernel.next_open(instants_us(ts)))

    def next_close(self, ts: Any) -> Any:
        """The first closing after each instant."""
        return instants_out(self.kernel.next_close(instants_us(ts)))

    def previous_close(self, ts: Any) -> Any:
        """The latest closing at or before each instant."""
        return instants_out(self.kernel.previous_close(instants_us(ts)))

    def add(self, ts: Any, d: Any) -> Any:
        """Business time ``d`` added to each instant."""
        t = instants_us(ts)
        return instants_out(self.kernel.add(t, _constant(durations_us(d))))

    def elapsed(self, a: Any, b: Any) -> Any:
        """Business time in [a, b)."""
        return durations_out(
            self.kernel.elapsed(instants_us(a, "a"), instants_us(b, "b"))
        )


class DeadlineFunction:
    """``deadline(engagement, ts, objective)`` on a charter's engagements.

    Rows are grouped by engagement and objective, one ``Rule.deadline_us``
    call a group, each on the engagement's calendar. An unknown engagement
    raises ``UnknownEngagementError`` (listing the known ones): a deadline
    is never guessed.

    >>> import pyarrow as pa
    >>> deadline = DeadlineFunction(charter)
    >>> due = deadline(
    ...     pa.array(["anomalies", None]),
    ...     pa.array([1_774_602_000_000_000] * 2, pa.timestamp("us", tz="UTC")),
    ...     pa.array([0, 0]),
    ... )
    >>> [str(t) for t in due.to_pylist()]
    ['2026-03-27 15:00:00+00:00', 'None']
    """

    __slots__ = ("charter",)

    def __init__(self, charter: Charter) -> None:
        self.charter = charter

    def __call__(self, engagement: Any, ts: Any, objective: Any) -> Any:
        """The deadlines of one batch of rows."""
        codes, names = texts(engagement)
        t = instants_us(ts)
        k, no_objective = integers(objective)
        codes = np.where(no_objective, -1, codes)  # a null objective: a null deadline
        out = np.full(t.size, NAT, dtype=np.int64)
        for code, name in enumerate(names):
            rows = codes == code
            if rows.any():
                self._fill(out, name, rows, t, k)
        return instants_out(out)

    def _fill(self, out: I64, name: str, rows: Any, t: I64, k: I64) -> None:
        engagement = self.charter.engagement(name)  # unknown: the library's error
        calendar = self.charter.calendar_for(name)
        objectives = engagement.objectives
        for index in np.unique(k[rows]).tolist():
            if not 0 <= index < len(objectives):
                raise InvalidArgumentError(
                    f"engagement {name!r} has {len(objectives)} objective(s), "
                    f"numbered from 0; got objective {index}"
                )
            chosen = rows & (k == index)
            out[chosen] = objectives[index].within.deadline_us(calendar, t[chosen])
