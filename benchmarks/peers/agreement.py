"""Compare a peer's answers with ours: count what differs and sort it into causes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from common import OURS

from .instants import I64
from .model import Cause, Data, Peer, Workload, call_once
from .results import CheckReport, DiffClass

EXAMPLES = 3


def differing(ours: I64, theirs: I64) -> npt.NDArray[np.intp]:
    """Indices where two answers differ (NaT equals NaT: both are int64 min)."""
    if ours.shape != theirs.shape:
        raise ValueError(f"shapes differ: {ours.shape} vs {theirs.shape}")
    return np.flatnonzero(ours != theirs)


def classify(
    data: Data,
    ours: I64,
    theirs: I64,
    *,
    causes: Sequence[Cause],
    describe: Callable[[Data, int], str],
    fmt: Callable[[int], str],
    library: str,
) -> list[DiffClass]:
    """Sort disagreements into causes (first that applies), with a few examples.

    A disagreement no cause explains lands in "unexplained", shown like the rest.
    """
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for i in differing(ours, theirs).tolist():
        o, t = int(ours[i]), int(theirs[i])
        label = next(
            (c.label for c in causes if c.applies(data, i, o, t)), "unexplained"
        )
        counts[label] = counts.get(label, 0) + 1
        shown = examples.setdefault(label, [])
        if len(shown) < EXAMPLES:
            shown.append(f"{describe(data, i)}: {OURS} {fmt(o)}, {library} {fmt(t)}")
    return [DiffClass(k, counts[k], examples[k]) for k in counts]


def merge(classes: Sequence[DiffClass]) -> list[DiffClass]:
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for c in classes:
        counts[c.cause] = counts.get(c.cause, 0) + c.count
        shown = examples.setdefault(c.cause, [])
        shown.extend(c.examples[: EXAMPLES - len(shown)])
    return [DiffClass(k, counts[k], examples[k]) for k in counts]


def compare_peer(w: Workload, peer: Peer, out: Any, n: int) -> CheckReport:
    """Compare a peer with our answer in its terms: random inputs, then edge inputs."""
    impl, check = peer.impl, peer.check
    rep = CheckReport(w.key, impl.library, check.semantics)
    sets: list[tuple[str, Data, I64]] = []
    if out is not None and w.random is not None and n:
        sets.append(("random", w.random.head(n), impl.result(out)))
    try:
        edge_out = call_once(impl, w.edge)
        sets.append(("edge", w.edge, impl.result(edge_out)))
    except Exception as exc:  # a peer's failure is a result
        rep.error = f"edge inputs: {exc!r}"[:300]
    classes: list[DiffClass] = []
    alt_differ, alt_total = 0, 0
    alt_examples: list[str] = []
    for label, data, theirs in sets:
        ours = check.expected(data)
        bad = differing(ours, theirs)
        if label == "random":
            rep.random_n, rep.random_differ = len(data), len(bad)
        else:
            rep.edge_n, rep.edge_differ = len(data), len(bad)
        classes += classify(
            data,
            ours,
            theirs,
            causes=check.causes,
            describe=w.describe,
            fmt=check.fmt,
            library=impl.library,
        )
        if check.alternative is not None:
            other = check.alternative[1](data)
            alt_bad = differing(other, theirs)
            alt_differ, alt_total = alt_differ + len(alt_bad), alt_total + len(data)
            alt_examples += [
                f"{w.describe(data, i)}: {check.alternative[0]} gives "
                f"{check.fmt(int(other[i]))}, "
                f"{impl.library} {check.fmt(int(theirs[i]))}"
                for i in alt_bad[: 2 - len(alt_examples)].tolist()
            ]
    rep.classes = merge(classes)
    if check.alternative is not None:
        rep.alternative = [
            f"{alt_differ:,} of {alt_total:,} answers differ from our "
            f"{check.alternative[0]}",
            *alt_examples,
        ]
    return rep
