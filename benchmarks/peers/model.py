"""What a workload is: a schedule, inputs as int64, and each library's way to run it.

A workload pairs our implementation with its peers; each peer comes with the
check that says which of our answers it should agree with, and the known
causes of disagreement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np

from .instants import I64

# French public holidays 2026-2027, as a fixed list given to every library.
HOLIDAYS = tuple(
    dt.date(y, m, d)
    for y, m, d in (
        (2026, 1, 1), (2026, 4, 6), (2026, 5, 1), (2026, 5, 8), (2026, 5, 14),
        (2026, 5, 25), (2026, 7, 14), (2026, 8, 15), (2026, 11, 1), (2026, 11, 11),
        (2026, 12, 25), (2027, 1, 1), (2027, 3, 29), (2027, 5, 1), (2027, 5, 6),
        (2027, 5, 8), (2027, 5, 17), (2027, 7, 14), (2027, 8, 15), (2027, 11, 1),
        (2027, 11, 11), (2027, 12, 25),
    )
)  # fmt: skip
WEEKMASK = "1111100"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ROLLS = ("forward", "backward", "modifiedfollowing", "modifiedpreceding", "nat")


@dataclass(frozen=True)
class Schedule:
    """One daily range on some weekdays, with holidays: what every peer can take."""

    start: int  # hour
    end: int  # hour; not after start: the range ends the next day
    weekmask: str  # "1111100": Monday to Friday
    holidays: tuple[dt.date, ...] = ()

    @property
    def weekdays(self) -> list[int]:
        return [i for i, on in enumerate(self.weekmask) if on == "1"]


DAY = Schedule(9, 17, WEEKMASK, HOLIDAYS)
NIGHT = Schedule(22, 6, "1111111")


@dataclass(frozen=True)
class Data:
    """Inputs of one workload, as int64: instants (UTC us) or days since 1970.

    ``a`` is the start instant (or day), ``b`` the end instant (or day, or the
    business-day offset), ``c`` an index into ROLLS (business-day offsets).
    """

    a: I64
    b: I64
    c: I64

    def __len__(self) -> int:
        return len(self.a)

    def head(self, n: int) -> Data:
        return Data(self.a[:n], self.b[:n], self.c[:n])

    @staticmethod
    def of(a: I64, b: I64 | None = None, c: I64 | None = None) -> Data:
        zeros = np.zeros(len(a), dtype=np.int64)
        return Data(a, zeros if b is None else b, zeros if c is None else c)


# Our answer to each input of a Data, as int64 (what a peer's is checked against).
Answers: TypeAlias = Callable[[Data], I64]


@dataclass(frozen=True)
class Impl:
    """One library's way of doing a workload.

    ``prepare`` turns Data into the library's own input objects (not timed),
    ``call`` is the timed work, ``result`` reads its output as int64.
    """

    library: str
    api: str
    prepare: Callable[[Data], Any]
    call: Callable[[Any], Any]
    result: Callable[[Any], I64]
    budgeted: bool = True


def call_once(impl: Impl, data: Data) -> Any:
    return impl.call(impl.prepare(data))


@dataclass(frozen=True)
class Cause:
    """A known reason for a disagreement, recognised by ``applies``."""

    label: str
    applies: Callable[[Data, int, int, int], bool]  # data, index, ours, theirs


@dataclass(frozen=True)
class Check:
    """What a peer's answer is compared with: our answer in its own terms."""

    semantics: str
    expected: Answers
    fmt: Callable[[int], str]
    causes: tuple[Cause, ...] = ()
    # Another of our answers, reported (not counted) to show a convention.
    alternative: tuple[str, Answers] | None = None


@dataclass(frozen=True)
class Peer:
    impl: Impl
    check: Check


@dataclass(frozen=True)
class Missing:
    library: str
    reason: str


@dataclass
class Workload:
    key: str
    title: str
    ours: Impl
    peers: list[Peer | Missing]
    random: Data | None  # None: agreement only, not timed
    edge: Data
    describe: Callable[[Data, int], str]
