"""code_names: a comparison per name, or the distinct texts, the same codes."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter.compliance.codes import code_names

TEXTS = st.lists(st.sampled_from([f"n{k}" for k in range(30)] + ["", "other"]))
NAMES = st.lists(st.sampled_from([f"n{k}" for k in range(30)]), unique=True)


@settings(max_examples=200)
@given(TEXTS, NAMES)
def test_codes_are_positions_in_names(texts: list[str], names: list[str]) -> None:
    array = np.array(texts, dtype=str)
    codes, empty = code_names(array, tuple(names))
    expected = [names.index(t) if t in names else -1 for t in texts]
    assert codes.tolist() == expected
    assert empty.tolist() == [t == "" for t in texts]
