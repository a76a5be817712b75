"""Names the docstring examples share, as numpy's documentation shares ``np``.

The API reference states these names at the top of each page, from
``docs/_snippets/example-names.md``; the doctests run with exactly the code of
that snippet, so what a reader copies is what the tests ran.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

_SNIPPET = Path(__file__).parent.parent / "docs" / "_snippets" / "example-names.md"
_BLOCK = re.compile(r"```python\n(.*?)\n\s*```", re.S)


def _setup_code() -> str:
    match = _BLOCK.search(_SNIPPET.read_text(encoding="utf-8"))
    assert match is not None, f"no python block in {_SNIPPET}"
    return textwrap.dedent(match.group(1))


@pytest.fixture(scope="session")
def _example_names() -> dict[str, Any]:
    names: dict[str, Any] = {}
    exec(compile(_setup_code(), str(_SNIPPET), "exec"), names)
    del names["__builtins__"]
    return names


@pytest.fixture(autouse=True)
def _shared_names(
    doctest_namespace: dict[str, Any], _example_names: dict[str, Any]
) -> None:
    doctest_namespace.update(_example_names)
