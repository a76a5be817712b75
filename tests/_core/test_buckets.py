"""The bucket index against plain binary searches.

``Axis`` finds the last key at or before a value by counting keys per
bucket; here it must give what ``np.searchsorted`` gives, for keys on the
grid, off it, before the origin, and with the ``BIG`` sentinel, and say
how many keys lie strictly inside a bucket.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from servicecharter._core.buckets import QUARTER_US, Axis
from servicecharter._core.units import BIG


@st.composite
def axes(draw: st.DrawFn) -> tuple[np.ndarray, int, int]:
    origin = draw(st.integers(-(10**15), 10**15))
    span = draw(st.integers(1, 10**14))
    raw = draw(st.lists(st.integers(0, span), max_size=40))
    if draw(st.booleans()):  # on the quarter-hour grid
        raw = [r // QUARTER_US * QUARTER_US for r in raw]
    before = draw(st.integers(0, 5 * QUARTER_US))
    keys = np.unique(np.array([origin - before, *(origin + r for r in raw), BIG]))
    return keys.astype(np.int64), origin, span


@given(axes(), st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_axis_agrees_with_searchsorted(
    case: tuple[np.ndarray, int, int], where: list[float]
) -> None:
    keys, origin, span = case
    axis = Axis(keys, origin, span)
    edges = origin + np.arange(axis.first.size, dtype=np.int64) * axis.width
    assert axis.first.tolist() == (np.searchsorted(keys, edges, "right") - 1).tolist()
    inside = np.searchsorted(keys, edges[1:], "left") - 1 - axis.first[:-1]
    assert axis.steps == int(inside.max(initial=0))
    assert axis.grid == (axis.steps == 0)
    x = np.array([origin + int(w * span) for w in where], dtype=np.int64)
    x = np.concatenate((x, keys[(keys >= origin) & (keys <= origin + span)]))
    expected = np.searchsorted(keys, x, "right") - 1
    assert axis.locate(x).tolist() == expected.tolist()
    found = axis.index(x)
    table = axis.table(np.arange(keys.size, dtype=np.int64))
    assert table.take(found).tolist() == expected.tolist()
