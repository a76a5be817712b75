"""stable_order agrees with numpy's stable argsort, grouped or not."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter.compliance.ordering import by_group, stable_order, stable_sort


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(-(2**20), 2**20), max_size=400),
    st.integers(0, 6),
)
def test_stable_order_is_the_stable_argsort(values: list[int], spread: int) -> None:
    keys = np.array(values, dtype=np.int64) >> spread  # many ties as spread grows
    expected = np.argsort(keys, kind="stable")
    assert stable_order(keys).tolist() == expected.tolist()
    order, ordered = stable_sort(keys)
    assert order.tolist() == expected.tolist()
    assert ordered.tolist() == keys[expected].tolist()


def test_keys_too_wide_to_pack_fall_back() -> None:
    rng = np.random.default_rng(0)
    keys = rng.integers(-(2**61), 2**61, 500)
    keys[::3] = keys[0]
    assert stable_order(keys).tolist() == np.argsort(keys, kind="stable").tolist()


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([1, 7, 256, 257, 65_536, 65_537]), st.data())
def test_by_group_on_each_side_of_the_radix_widths(
    groups: int, data: st.DataObject
) -> None:
    # 8-bit keys up to 256 groups, 16-bit up to 65,536, a packed sort past.
    values = data.draw(st.lists(st.integers(0, groups - 1), max_size=300))
    keys = np.array(values, dtype=np.int64)
    order, bounds = by_group(keys, groups)
    assert order.tolist() == np.argsort(keys, kind="stable").tolist()
    assert bounds.tolist() == [0, *np.cumsum(np.bincount(keys, minlength=groups))]
