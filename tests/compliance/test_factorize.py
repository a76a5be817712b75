"""Engagement codes: many known names take the sorted path, with the same codes.

Above ``_FEW`` known names ``factorize`` sorts the values once instead of
comparing the column with each name (5,000 engagements over a million rows
took 29 s in those comparisons, 0.3 s sorted); both paths must agree.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter.compliance import codes as rows

NAMES = st.lists(st.sampled_from([f"e{k}" for k in range(40)] + ["", "x"]))


@settings(max_examples=200)
@given(values=NAMES, known=st.lists(st.sampled_from([f"e{k}" for k in range(40)])))
def test_both_paths_name_each_row_alike(values: list[str], known: list[str]) -> None:
    codes, names = rows.factorize(np.array(values, dtype=object), tuple(known))
    got = [None if c < 0 else names[c] for c in codes.tolist()]
    assert got == [v or None for v in values]
    # Known names keep their order first, the rest follow sorted.
    distinct = list(dict.fromkeys(k for k in known if k))
    assert names[: len(distinct)] == distinct
    assert names[len(distinct) :] == sorted(names[len(distinct) :])


def test_many_known_names_take_the_sorted_path() -> None:
    known = tuple(f"e{k}" for k in range(rows._FEW + 5))
    values = np.array(["e3", "", "zz", "e20", "e3", "aa"])
    codes, names = rows.factorize(values, known)
    assert names[: len(known)] == list(known)
    assert [None if c < 0 else names[c] for c in codes.tolist()] == [
        "e3",
        None,
        "zz",
        "e20",
        "e3",
        "aa",
    ]
    assert names[len(known) :] == ["aa", "zz"]


KEYED = st.sampled_from(["ab", "ac", "abc", "b", "", "zz", "a" * 9, "é", "ab\x00"])


@settings(max_examples=100)
@given(
    values=st.lists(KEYED, min_size=1, max_size=30),
    known=st.lists(KEYED, max_size=5),
)
def test_long_text_columns_keyed_by_one_character_agree(
    values: list[str], known: list[str]
) -> None:
    """The character-column path names every row as the sorted path does."""
    column = np.array(values * (rows._KEYED_FROM // len(values) + 1))
    assert len(column) >= rows._KEYED_FROM
    codes, names = rows.factorize(column, tuple(known))
    slow_codes, slow_names = rows._sorted_codes(column, tuple(known))
    assert names == slow_names
    assert codes.tolist() == slow_codes.tolist()


def test_one_character_tells_known_names_apart() -> None:
    known = ("web-form", "callbacks", "usage", "urgent")
    column = np.array(["usage", "urgent", "web", "", "callbacks!"] * 2000)
    codes, names = rows.factorize(column, known)
    assert names == [*known, "callbacks!", "web"]
    assert codes[:5].tolist() == [2, 3, 5, -1, 4]


def test_trailing_nuls_are_ignored_on_both_paths() -> None:
    # numpy's texts drop trailing NULs and its == ignores them: a row "ab"
    # takes the first known name reading "ab" without them, on either path.
    for known in (("ab\x00", "ab"), ("ab\x00",), ("ab", "ab\x00")):
        first = known[0]
        for size in (3, rows._KEYED_FROM):
            column = np.array(["ab", "", "abc"] * size)
            codes, names = rows.factorize(column, known)
            slow_codes, slow_names = rows._sorted_codes(column, known)
            assert (codes.tolist(), names) == (slow_codes.tolist(), slow_names)
            assert names[codes[0]] == first


@settings(max_examples=60, deadline=None)
@given(
    distinct=st.lists(
        st.text(st.sampled_from("ab\x00Zé9 "), max_size=9), min_size=1, max_size=30
    ),
    data=st.data(),
)
def test_short_texts_sorted_as_integers_are_numpys_unique(
    distinct: list[str], data: st.DataObject
) -> None:
    # Texts of up to 8 ASCII characters are sorted as one integer each; the
    # answer must be np.unique's, NULs, spaces, empty texts and all (texts
    # that are longer or not ASCII take np.unique itself).
    picks = data.draw(st.lists(st.integers(0, len(distinct) - 1), min_size=1))
    column = np.array(distinct)[np.resize(np.array(picks), rows._KEYED_FROM)]
    if data.draw(st.booleans()):  # half the time, surely the integer path
        column = np.char.replace(np.char.replace(column, "é", "e"), " ", "")
        column = np.array([text[:8] for text in column.tolist()])
    uniques, inverse = rows._unique_texts(column)
    want_uniques, want_inverse = np.unique(column, return_inverse=True)
    assert uniques.tolist() == want_uniques.tolist()
    assert inverse.tolist() == want_inverse.reshape(-1).tolist()


MIXED = st.lists(
    st.one_of(
        st.sampled_from(["e1", "e2", "nan", "NaT", "", "x"]),
        st.just(float("nan")),
        st.none(),
    )
)


@settings(max_examples=200)
@given(values=MIXED, known=st.lists(st.sampled_from(["e1", "e2", "nan"])))
def test_a_list_reads_missing_values_as_missing(
    values: list[object], known: list[str]
) -> None:
    # numpy reads ["a", nan] as the texts "a" and "nan": a list is read as
    # its objects are, NaN and None missing, the text "nan" a text.
    codes, names = rows.factorize(values, tuple(known))
    got = [None if c < 0 else names[c] for c in codes.tolist()]
    assert got == [v if isinstance(v, str) and v else None for v in values]
