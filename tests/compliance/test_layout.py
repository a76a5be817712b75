"""The line layout: one cycle per objective laid out as the general layout does."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from servicecharter.compliance.lines import layout_lines


@given(per_row=st.lists(st.integers(0, 4), max_size=30), extra=st.integers(0, 2))
def test_one_cycle_each_is_the_general_layout_of_ones(
    per_row: list[int], extra: int
) -> None:
    counts = np.array(per_row, dtype=np.int64)
    most = int(counts.max(initial=0)) + extra
    ones = (np.arange(max(most, 1)) < counts[:, None]).astype(np.int64)
    general = layout_lines(counts, ones, most)
    fast = layout_lines(counts, None, most)
    for name in ("row", "objective", "cycle"):
        assert getattr(fast, name).tolist() == getattr(general, name).tolist()
    for r, count in enumerate(per_row):
        rows = np.array([r])
        for k in range(max(count, 1)):
            assert fast.lines(rows, k).tolist() == general.lines(rows, k).tolist()
            assert general.lines(rows, k).tolist() == [general.base[r, k]]
