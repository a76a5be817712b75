"""The array plumbing every calendar operation shares.

Arguments are broadcast together and flattened (a one-element argument
stays one element); NaT is found from each array's minimum, as NaT is the
smallest int64, so an array without NaT costs two passes (its minimum and
maximum) and no mask; the horizon is grown to cover the extremes; the
operation runs on the compiled timeline, growing it again while a search
needs more days; the answers go back into the broadcast shape. Elements
with NaT are computed on a stand-in value and given ``fill`` at the end.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.timeline import Timeline
from .._core.units import BIG, I64, NAT
from .._errors import InvalidArgumentError
from .eras import by_era
from .horizon import Event, Horizon

__all__ = ["Compute", "broadcast_run"]

_MIN, _MAX = np.minimum.reduce, np.maximum.reduce

Compute = Callable[..., tuple[Any, Any, Any]]
"""``compute(timeline, *arrays, extremes=[(lo, hi), ...])`` -> (answer,
needs later days, needs earlier days); ``extremes`` holds the smallest and
largest value of each array, NaT set aside."""


def _flatten(arrays: list[I64]) -> tuple[tuple[int, ...], list[I64]]:
    n = max(a.size for a in arrays)
    if all(a.ndim == 1 and a.size in (1, n) for a in arrays):
        return (n,), arrays  # flat already: the common case, without numpy's help
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        shapes = ", ".join(str(a.shape) for a in arrays)
        raise InvalidArgumentError(
            f"array shapes {shapes} do not broadcast together; give arrays of "
            "the same shape, or a single value for one of them"
        ) from None
    # A one-element array (a scalar duration, say) stays one element and
    # broadcasts inside the operation, rather than being copied a million times.
    flat = [
        a.reshape(1) if a.size == 1 else np.broadcast_to(a, shape).reshape(-1)
        for a in arrays
    ]
    return shape, flat


class _Clean:
    """Arrays with NaT replaced by their smallest value, and their extremes.

    ``nat`` is where any of them had NaT (None when none had), ``empty``
    whether every element had NaT somewhere.
    """

    def __init__(self, flat: list[I64], kinds: str) -> None:
        self.arrays: list[I64] = []
        self.extremes: list[tuple[int, int]] = []
        self.nat: npt.NDArray[np.bool_] | None = None
        self.empty = False
        for a, kind in zip(flat, kinds, strict=True):
            if a.size == 1:
                lo = hi = int(a[0])
            else:  # the ufuncs themselves: a.min() costs microseconds more
                lo, hi = int(_MIN(a)), int(_MAX(a))
            clean = a
            if kind != "n" and lo == NAT:
                lo, clean = self._set_aside(a)
            self.arrays.append(clean)
            self.extremes.append((lo, hi))

    def _set_aside(self, a: I64) -> tuple[int, I64]:
        missing = a == NAT
        self.nat = missing if self.nat is None else self.nat | missing
        lo = int(np.min(a, where=~missing, initial=BIG))
        if lo == BIG:  # all NaT: nothing left to compute
            self.empty = True
            return 0, np.zeros_like(a)
        # NaT is the smallest int64: raising it to the smallest value is the
        # stand-in, in one pass.
        return lo, np.maximum(a, lo)


def broadcast_run(
    horizon: Horizon,
    arrays: list[I64],
    kinds: str,
    compute: Compute,
    *,
    fill: Any,
    dtype: Any,
    event: Event = "open",
    nat_seen: list[bool] | None = None,
) -> npt.NDArray[Any]:
    """Run ``compute(timeline, *flat_arrays, extremes=...)`` with NaT set aside.

    ``kinds`` has a letter per array: ``t`` instants (us), ``d`` day
    numbers, ``m`` durations (us), ``n`` plain integers. The ``t`` or ``d``
    arrays decide the range of days to compile. ``nat_seen``, when given,
    gets whether any argument had NaT (its answers got ``fill`` there).
    """
    shape, flat = _flatten(arrays)
    if math.prod(shape) == 0:
        if nat_seen is not None:
            nat_seen.append(False)
        return np.full(shape, fill, dtype=dtype)
    clean = _Clean(flat, kinds)
    if nat_seen is not None:
        nat_seen.append(clean.nat is not None)
    if clean.empty:
        return np.full(shape, fill, dtype=dtype)
    run = _Run(horizon, kinds, compute, event)
    groups = by_era(clean.arrays, kinds, clean.extremes)
    if groups is None:
        result = np.asarray(run(clean.arrays, clean.extremes), dtype=dtype)
    else:
        result = np.empty(max(a.size for a in clean.arrays), dtype=dtype)
        for group in groups:
            part = [a if a.size == 1 else a[group] for a in clean.arrays]
            result[group] = run(part, [(int(a.min()), int(a.max())) for a in part])
    if clean.nat is not None:
        np.putmask(result, clean.nat, fill)
    return result.reshape(shape)


class _Run:
    """One operation on arrays whose days one timeline covers."""

    def __init__(
        self, horizon: Horizon, kinds: str, compute: Compute, event: Event
    ) -> None:
        self.horizon, self.kinds, self.compute, self.event = (
            horizon,
            kinds,
            compute,
            event,
        )

    def __call__(self, arrays: list[I64], extremes: list[tuple[int, int]]) -> Any:
        kinds, horizon = self.kinds, self.horizon
        spans = [e for e, k in zip(extremes, kinds, strict=True) if k in "td"]
        lo, hi = min(x for x, _ in spans), max(y for _, y in spans)
        tl: Timeline
        if "t" in kinds:
            tl, lo, hi = horizon.cover(lo, hi)
        else:
            horizon.check_days(lo, hi)
            tl = horizon.cover_days(lo - 1, hi + 1)
        return horizon.solve(
            tl,
            lo,
            hi,
            lambda tl: self.compute(tl, *arrays, extremes=extremes),
            self.event,
        )
