"""What a run finds: timings by size, agreement by peer, and the facts of the run.

The report is written as JSON field by field (``dataclasses.asdict``): the
field names here are the keys of the JSON output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SizeTiming:
    n: int
    median: float | None = None
    best: float | None = None
    runs: int = 0
    status: str = "ok"  # ok, "skipped: ...", "error: ..."


@dataclass
class LibraryRun:
    workload: str
    library: str
    api: str
    timings: list[SizeTiming] = field(default_factory=list)
    note: str = ""

    def measured(self) -> list[SizeTiming]:
        return [t for t in self.timings if t.median is not None]

    def at(self, n: int) -> SizeTiming | None:
        return next((t for t in self.measured() if t.n == n), None)


@dataclass(frozen=True)
class DiffClass:
    cause: str
    count: int
    examples: list[str]


@dataclass
class CheckReport:
    workload: str
    library: str
    semantics: str
    random_n: int = 0
    random_differ: int = 0
    edge_n: int = 0
    edge_differ: int = 0
    classes: list[DiffClass] = field(default_factory=list)
    alternative: list[str] = field(default_factory=list)
    error: str = ""


@dataclass
class Report:
    facts: dict[str, Any] = field(default_factory=dict)
    runs: list[LibraryRun] = field(default_factory=list)
    checks: list[CheckReport] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
