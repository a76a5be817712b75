"""The years ``evaluate`` checks are in reach: those around the good rows' instants.

``_span`` reads the extremes of whole columns and falls back to masked
reductions only when an extreme lies on a row left out; compared here with
the extremes taken one good row at a time, bad rows (answered before they
came in, in years far off) included.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from servicecharter._core.units import DAY_US, NAT
from servicecharter.compliance.reach import _span, _years

YEAR_US = 365 * DAY_US
BASE = 56 * YEAR_US  # 2026


def _brute(
    received: list[int], responded: list[int], good: list[bool], now: int
) -> tuple[int, ...] | None:
    instants = []
    for r, s, g in zip(received, responded, good, strict=True):
        if g:
            instants += [r, now] if s == NAT else [r, s]
    if not instants:
        return None
    ends = np.array([min(instants) // DAY_US - 2, max(instants) // DAY_US + 2])
    return tuple(_years(ends).tolist())


@st.composite
def columns(draw: st.DrawFn) -> tuple[list[int], list[int], list[bool]]:
    n = draw(st.integers(1, 12))
    received, responded, good = [], [], []
    for _ in range(n):
        is_good = draw(st.booleans())
        r = BASE + draw(st.integers(-30 * YEAR_US, 30 * YEAR_US))
        if is_good:  # a good row is never answered before it came in
            s = draw(st.one_of(st.just(NAT), st.integers(r, r + 40 * YEAR_US)))
        else:  # a bad row can hold anything, NaT and the far past included
            s = draw(st.one_of(st.just(NAT), st.integers(-40 * YEAR_US, BASE)))
        received.append(r)
        responded.append(s)
        good.append(is_good)
    return received, responded, good


@given(data=columns(), now=st.integers(BASE - 5 * YEAR_US, BASE + 5 * YEAR_US))
def test_span_is_the_years_of_the_good_rows(
    data: tuple[list[int], list[int], list[bool]], now: int
) -> None:
    received, responded, good = data
    got = _span(
        np.array(received, dtype=np.int64),
        np.array(responded, dtype=np.int64),
        np.array(good),
        now,
    )
    assert got == _brute(received, responded, good, now)
