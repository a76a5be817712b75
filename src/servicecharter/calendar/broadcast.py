"""The array plumbing every calendar operation shares.

Arguments are broadcast together and flattened; elements with NaT are set
aside (they give ``fill``); the horizon is grown to cover what remains;
the operation runs on the compiled timeline, growing it again while a
search needs more days; the answers go back into the broadcast shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.timeline import Timeline
from .._core.units import I64, NAT
from .._errors import InvalidArgumentError
from .horizon import Event, Horizon

__all__ = ["broadcast_run"]


def _flatten(arrays: list[I64]) -> tuple[tuple[int, ...], list[I64]]:
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
        a.reshape(1) if a.size == 1 else np.broadcast_to(a, shape).ravel()
        for a in arrays
    ]
    return shape, flat


def broadcast_run(
    horizon: Horizon,
    arrays: list[I64],
    kinds: str,
    compute: Callable[..., tuple[Any, Any, Any]],
    *,
    fill: Any,
    dtype: Any,
    event: Event = "open",
) -> npt.NDArray[Any]:
    """Run ``compute(timeline, *flat_arrays)`` over the elements with no NaT.

    ``kinds`` has a letter per array: ``t`` instants (us), ``d`` day
    numbers, ``m`` durations (us), ``n`` plain integers. The ``t`` or ``d``
    arrays decide the range of days to compile.
    """
    shape, flat = _flatten(arrays)
    size = int(np.prod(shape))
    nat = np.zeros(size, dtype=bool)
    for a, kind in zip(flat, kinds, strict=True):
        if kind != "n":
            nat |= a == NAT
    keep = None
    if nat.any():
        keep = ~nat
        flat = [a if a.size == 1 else a[keep] for a in flat]
    if size == 0 or (keep is not None and not keep.any()):
        return np.full(shape, fill, dtype=dtype)
    spans = [
        (int(a.min()), int(a.max()))
        for a, k in zip(flat, kinds, strict=True)
        if k in "td"
    ]
    lo, hi = min(x for x, _ in spans), max(y for _, y in spans)
    tl: Timeline
    if "t" in kinds:
        tl, lo, hi = horizon.cover(lo, hi)
    else:
        horizon.check_days(lo, hi)
        tl = horizon.cover_days(lo - 1, hi + 1)
    result = horizon.solve(tl, lo, hi, lambda tl: compute(tl, *flat), event)
    if keep is not None:
        out = np.full(nat.size, fill, dtype=dtype)
        out[keep] = result
        result = out
    return np.asarray(result, dtype=dtype).reshape(shape)
