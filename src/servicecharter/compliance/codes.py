"""Code a column of texts (engagements, selectors, ids) as small integers.

``factorize`` gives each row the position of its text in a list of distinct
texts, the known ones first, and -1 for a missing value (None, NaN, NaT,
pandas' NA, the empty string). In a long text column, known names that
one character position tells apart are matched by that character and one
whole comparison; otherwise few known names are matched by one vectorised
comparison each, many by one sort of the whole column.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .._core.convert import is_missing
from .._core.units import I64

__all__ = ["code_names", "factorize", "factorize_sampled", "missing_objects"]

Bools = npt.NDArray[np.bool_]


def factorize(values: Any, known: tuple[str, ...] = ()) -> tuple[I64, list[str]]:
    """Codes into a list of distinct texts (``known`` first); -1 for missing.

    Missing: None, NaN, NaT, pandas NA and the empty string. Values are
    compared as text (a priority ``1`` is ``"1"``), as numpy compares texts:
    trailing NUL characters are ignored, so a row ``"ab"`` takes the first
    known name that reads ``"ab"`` without them. The ``known`` texts are
    matched by one vectorised comparison each when they are few (up to
    ``_FEW``); the rest, or all values when they are many, is sorted once.
    """
    array = values if isinstance(values, np.ndarray) else None
    if array is not None and array.dtype.kind == "U" and array.ndim == 1:
        fast = _by_key_column(array, [name for name in dict.fromkeys(known) if name])
        if fast is not None:
            return fast
    return _sorted_codes(values, known)


def factorize_sampled(
    values: Any, known: tuple[str, ...] = ()
) -> tuple[I64, list[str]]:
    """``factorize``, the distinct texts of the first rows known too.

    For a long text column of few distinct values (a priority, a status):
    once its first rows' texts are known names, the whole column is
    matched by one character column instead of sorted. The names come in
    no particular order after ``known``.

    >>> codes, names = factorize_sampled(np.array(["b", "a", "b", ""]))
    >>> codes.tolist(), names
    ([1, 0, 1, -1], ['a', 'b'])
    """
    if (
        isinstance(values, np.ndarray)
        and values.dtype.kind == "U"
        and values.ndim == 1
        and len(values) >= _KEYED_FROM
    ):
        sample = np.unique(values[:_SAMPLE]).tolist()
        known = (*known, *(text for text in sample if text))
    return factorize(values, known)


def _sorted_codes(values: Any, known: tuple[str, ...]) -> tuple[I64, list[str]]:
    """``factorize`` by comparisons with the known names, the rest sorted."""
    array, missing = _values_and_missing(values)
    if array.dtype.kind == "O" and missing.any():
        # pandas' NA compares as NA, whose truth is ambiguous: set it aside.
        array = np.where(missing, "", array)
    codes = np.full(len(array), -1, dtype=np.int64)
    if array.dtype.kind == "S":
        array = array.astype(str)
    names = [name for name in dict.fromkeys(known) if name]
    rest = ~missing
    if len(names) <= _FEW:  # few names: one comparison each beats a sort
        for code, name in enumerate(names):
            hit = np.asarray(array == name, dtype=bool) & rest
            codes[hit] = code
            rest &= ~hit
    if rest.any():  # the rest sorted once; known names keep their positions
        others = array[rest]
        text = others if others.dtype.kind == "U" else others.astype(str)
        uniques, inverse = _unique_texts(text)
        position = {name: k for k, name in enumerate(names)}
        for value in uniques.tolist():  # one turn per distinct value
            if value not in position:
                position[value] = len(names)
                names.append(value)
        mapping = np.array([position[v] for v in uniques.tolist()], dtype=np.int64)
        codes[rest] = mapping[inverse.reshape(-1)]
    if "" in names:  # the empty string means missing, whatever its source
        codes[codes == names.index("")] = -1
    return codes, names


def _unique_texts(text: npt.NDArray[np.str_]) -> tuple[npt.NDArray[np.str_], I64]:
    """``np.unique(text, return_inverse=True)``, by integers when texts are short.

    Sorting a million texts compares them character by character; ASCII
    texts of up to 8 characters are 8 bytes each, read as one integer, and
    integers sort several times faster. The distinct texts are then put in
    text order (few of them), so the answer is exactly numpy's.
    """
    width = text.dtype.itemsize // 4
    if 0 < width <= 8 and len(text) >= _KEYED_FROM:
        try:
            raw = text.astype(f"S{width}")
        except UnicodeEncodeError:  # not ASCII: as texts
            return np.unique(text, return_inverse=True)
        keys, inverse = np.unique(raw.astype("S8").view(np.uint64), return_inverse=True)
        words = keys.view("S8").astype(text.dtype)
        order = np.argsort(words, kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return words[order], rank[inverse.reshape(-1)]
    return np.unique(text, return_inverse=True)


def _key_matches(array: npt.NDArray[np.str_], names: list[str]) -> I64 | None:
    """Each row's index in ``names`` (-1: none), by one character column.

    When one character position tells the known names apart, every row's
    candidate is read from that column (one gather from a small table) and
    confirmed by one comparison of the whole texts: two passes over the
    column, whatever the number of names. None when no column does (or the
    array is too short for it to pay).
    """
    width = array.dtype.itemsize // 4
    # Lengths as numpy holds the names: without trailing NULs, which its
    # texts never keep and its comparisons ignore, as the sorted path's do.
    fitting = [name for name in names if 0 < len(name.rstrip("\x00")) <= width]
    if not width or not fitting or len(array) < _KEYED_FROM:
        return None
    array = np.ascontiguousarray(array)
    grid = np.array(fitting, dtype=array.dtype).view(np.uint32).reshape(-1, width)
    column = next(
        (j for j in range(width) if len(set(grid[:, j].tolist())) == len(fitting)),
        None,
    )
    if column is None:
        return None
    table = np.full(int(grid[:, column].max()) + 2, -1, dtype=np.int64)
    table[grid[:, column]] = [names.index(name) for name in fitting]
    chars = array.view(np.uint32).reshape(len(array), width)[:, column]
    candidate = table.take(chars, mode="clip")  # past the table: its last, -1
    spelled = np.array([*names, ""], dtype=array.dtype)
    # The whole texts compared a cache-sized slice at a time: the spelled
    # names of a slice never reach memory (a full column of them would be
    # as large as the input).
    for lo in range(0, len(array), _SLICE):
        part = candidate[lo : lo + _SLICE]
        part[array[lo : lo + _SLICE] != spelled.take(part)] = -1
    return candidate


def _by_key_column(
    array: npt.NDArray[np.str_], names: list[str]
) -> tuple[I64, list[str]] | None:
    """``factorize`` by ``_key_matches``; the rows that match no name sorted."""
    codes = _key_matches(array, names)
    if codes is None:
        return None
    rest = np.flatnonzero(codes < 0)
    if not rest.size:
        return codes, list(names)
    others, more = _sorted_codes(array[rest], tuple(names))
    codes[rest] = others
    return codes, more


_KEYED_FROM = 4096
"""From this many rows, known names are matched by one character column."""

_SAMPLE = 4096
"""Rows whose distinct texts ``factorize_sampled`` takes as known."""

_SLICE = 16_384
"""Rows compared at a time by ``_key_matches``."""

_FEW = 16
"""Up to this many known names, one comparison each beats sorting the values."""


def _values_and_missing(values: Any) -> tuple[npt.NDArray[Any], Bools]:
    """The values as an array (texts, or objects), and which are missing."""
    if hasattr(values, "isna") and hasattr(values, "to_numpy"):  # pandas
        return values.to_numpy(dtype=object), np.asarray(values.isna(), dtype=bool)
    array = np.asarray(values)
    if not isinstance(values, np.ndarray) and _may_hide_missing(array):
        array = _objects(values)  # a NaN among texts read as "nan"
    if array.dtype.kind in "US":
        return array, array == array.dtype.type()
    if array.dtype.kind != "O":  # numbers and the like: as Python objects
        array = np.asarray(values, dtype=object)
    return array, missing_objects(array)


def _may_hide_missing(array: npt.NDArray[Any]) -> bool:
    """Whether texts numpy made of a sequence may hold a missing value as text.

    ``np.asarray(["a", nan])`` reads the NaN as ``"nan"`` (and a NaT as
    ``"NaT"``): only then are the values read again as objects, whose
    missing ones are found as such.
    """
    if array.dtype.kind != "U" or array.ndim != 1:
        return False
    return bool(((array == "nan") | (array == "NaT")).any())


def _objects(values: Any) -> npt.NDArray[Any]:
    """A sequence of values as a 1-D object array (texts stay texts)."""
    array = np.empty(len(values), dtype=object)
    array[:] = list(values)
    return array


def missing_objects(array: npt.NDArray[np.object_]) -> Bools:
    """Which elements of an object array are missing (None, NaN, NaT, NA)."""
    try:
        return np.asarray(
            np.equal(array, np.full(1, None, dtype=object))
            | np.not_equal(array, array),
            dtype=bool,
        )
    except TypeError:  # pandas' NA among them: element by element
        return np.fromiter(map(is_missing, array), dtype=bool, count=len(array))


def code_names(
    texts: npt.NDArray[np.str_], names: tuple[str, ...]
) -> tuple[npt.NDArray[np.int32], Bools]:
    """Each text's index in ``names`` (-1: another text), and which are empty.

    A few names are matched by one vectorised comparison each, many by the
    distinct texts (one hash) and a binary search among them: either way no
    text is kept past this point.

    >>> codes, empty = code_names(np.array(["b", "", "a", "c"]), ("a", "b"))
    >>> codes.tolist(), empty.tolist()
    ([1, -1, 0, -1], [False, True, False, False])
    """
    texts = np.ascontiguousarray(texts)  # the key column is a view of it
    keyed = _key_matches(texts, list(names)) if texts.ndim == 1 else None
    if keyed is not None and texts.dtype.itemsize:
        # Empty texts start with a NUL; only those rows are compared whole.
        first = texts.view(np.uint32)[:: texts.dtype.itemsize // 4]
        empty = np.zeros(len(texts), dtype=bool)
        maybe = np.flatnonzero(first == 0)
        empty[maybe] = texts[maybe] == ""
        return keyed.astype(np.int32), empty
    if len(names) > _FEW:
        distinct = np.unique(texts)
        which = np.searchsorted(distinct, texts)
        index = {wanted: j for j, wanted in enumerate(names)}
        lookup = np.array([index.get(d, -1) for d in distinct.tolist()])
        return lookup.astype(np.int32)[which], (distinct == "")[which]
    codes = np.full(len(texts), -1, dtype=np.int32)
    for j, wanted in enumerate(names):
        codes[texts == wanted] = j
    return codes, texts == ""
