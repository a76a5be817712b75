"""Properties of charter files: any charter round trips; only library errors
escape, whatever the file holds."""

from __future__ import annotations

import contextlib
import json
import tomllib
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicecharter import ServiceCharterError, ServiceCharterWarning, dumps, loads
from servicecharter.io import toml_write as _toml
from servicecharter.strategies import charters
from tests.support.charter_files import RICH

relaxed = settings(deadline=None, suppress_health_check=list(HealthCheck))


TOML_VALUES = st.recursive(
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text()
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


class TestRoundTrips:
    @relaxed
    @given(charters())
    def test_any_charter_round_trips(self, charter: Any) -> None:
        for fmt in ("toml", "json"):
            text = dumps(charter, fmt)  # type: ignore[arg-type]
            assert loads(text, fmt) == charter  # type: ignore[arg-type]

    @given(st.dictionaries(st.text(max_size=8), TOML_VALUES, max_size=4))
    def test_toml_writer(self, data: dict[str, Any]) -> None:
        assert tomllib.loads(_toml.dumps(data)) == _normalise(data)


def _normalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normalise(v) for v in value]
    return value


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | st.sampled_from(
        [
            "",
            "FR",
            "Mo-Fr",
            "09:00-17:00",
            "2026-01-01",
            "default",
            "phone",
            "4 business hours",
            "FREQ=YEARLY",
            "Europe/Paris",
            "1 month",
            "30 minutes",
            "business_days",
            "same_business_day",
            "99999999999999 hours",
            "off",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "title", "kind", "hours", "weekly", "within", "tz"])
            | st.text(max_size=5),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


def _mutate(data: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how == "replace" else data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "replace":
        parent[last] = new
    elif how == "delete":
        del parent[last]
    elif how == "wrap":
        parent[last] = [parent[last]]
    elif isinstance(parent[last], dict):
        parent[last]["unexpected"] = new
    return data


class TestOnlyLibraryErrorsEscape:
    @relaxed
    @given(JSON_VALUES)
    def test_arbitrary_json(self, value: Any) -> None:
        for document in (
            value,
            {"id": "x", "title": "T", "tz": "UTC", "calendars": value},
        ):
            with contextlib.suppress(ServiceCharterError):
                loads(json.dumps(document), "json")

    @relaxed
    @given(st.text(max_size=200))
    def test_arbitrary_text(self, text: str) -> None:
        for fmt in ("toml", "json"):
            with pytest.raises(ServiceCharterError):
                loads(text, fmt)  # type: ignore[arg-type]

    @relaxed
    @given(
        charters() | st.just(loads(RICH)),
        st.data(),
    )
    def test_mutated_charters(self, charter: Any, data: st.DataObject) -> None:
        plain = json.loads(dumps(charter, "json"))
        for _ in range(data.draw(st.integers(1, 3))):
            path = data.draw(st.sampled_from(_paths(plain)))
            how = data.draw(st.sampled_from(["replace", "delete", "wrap", "add"]))
            plain = _mutate(plain, path, how, data.draw(JSON_VALUES))
        # A mutation may leave PH with no holidays: a library warning, not a
        # crash, is then the right answer.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ServiceCharterWarning)
            with contextlib.suppress(ServiceCharterError):
                loads(json.dumps(plain), "json")
