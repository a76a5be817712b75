"""Known names matched by one character column, against a plain reference.

``code_names`` and ``factorize`` take a keyed path from a few thousand rows;
on random texts (the names, near misses, empty texts, strided views) each
code equals the one a Python lookup gives.
"""

from __future__ import annotations

import numpy as np
import pytest

from servicecharter.compliance.codes import code_names, factorize, factorize_sampled

NAMES = ("customer_reply", "agent_reply", "status", "priority")
POOL = [*NAMES, "", "other", "statu", "status2", "agent_replY", "\x00x"]


@pytest.mark.parametrize("seed", range(4))
def test_code_names_keyed_equals_lookup(seed: int) -> None:
    rng = np.random.default_rng(seed)
    texts = np.array(POOL)[rng.integers(0, len(POOL), 20_000)]
    for view in (texts, texts[::3]):  # contiguous and strided
        codes, empty = code_names(view, NAMES)
        expected = [NAMES.index(t) if t in NAMES else -1 for t in view.tolist()]
        assert codes.tolist() == expected
        assert empty.tolist() == [t == "" for t in view.tolist()]


def test_factorize_keyed_keeps_known_first() -> None:
    rng = np.random.default_rng(9)
    texts = np.array(POOL)[rng.integers(0, len(POOL), 20_000)][::2]
    codes, names = factorize(texts, NAMES)
    assert names[: len(NAMES)] == list(NAMES)
    decoded = ["" if c < 0 else names[c] for c in codes.tolist()]
    assert decoded == texts.tolist()


@pytest.mark.parametrize("seed", range(4))
def test_factorize_sampled_decodes_every_text(seed: int) -> None:
    """Texts past the sample, near misses and empty texts: all decoded right."""
    rng = np.random.default_rng(seed)
    early = np.array(["low", "normal", "high", "urgent"])[rng.integers(0, 4, 5000)]
    late = np.array(POOL)[rng.integers(0, len(POOL), 15_000)]  # not in the sample
    texts = np.concatenate([early, late])
    codes, names = factorize_sampled(texts, ("high",))
    assert names[0] == "high"
    assert len(set(names)) == len(names)
    decoded = ["" if c < 0 else names[c] for c in codes.tolist()]
    assert decoded == texts.tolist()
