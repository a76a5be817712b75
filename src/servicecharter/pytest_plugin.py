"""pytest plugin: charter fixtures, registered under the ``pytest11`` entry point.

Installing servicecharter makes pytest load this plugin in every run, so it
imports nothing but pytest at import time; servicecharter itself is imported
when a fixture is first used.

Fixtures:

- ``charter_loader``: a function ``load(name_or_path)`` that returns the
  bundled example charter of that name (``"technical-support"``) or the
  charter read from a ``.toml`` / ``.json`` file, each one read once per test
  session.
- ``charter``: the charter named by the test's ``charter`` marker:

      @pytest.mark.charter("technical-support")
      def test_anomalies_are_due_in_four_hours(charter): ...

Disable it with ``-p no:servicecharter``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from .charter import Charter

__all__ = ["charter", "charter_loader", "pytest_configure"]

_MARKER = (
    "charter(name_or_path): the charter the `charter` fixture gives: a bundled "
    "example name (servicecharter.examples.names()) or a charter file path"
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``charter`` marker (so ``--strict-markers`` accepts it)."""
    config.addinivalue_line("markers", _MARKER)


class _Loader:
    """Charters by example name or file path, read once each."""

    def __init__(self) -> None:
        self._cache: dict[str, Charter] = {}

    def __call__(self, name_or_path: str | os.PathLike[str]) -> Charter:
        from . import examples, io

        key = os.fspath(name_or_path)
        found = self._cache.get(key)
        if found is not None:
            return found
        if not isinstance(name_or_path, os.PathLike) and key in examples.names():
            loaded = examples.load(key)
        elif os.path.exists(key):
            loaded = io.load(key)
        else:
            raise FileNotFoundError(
                f"no bundled example charter and no file named {key!r} (paths are "
                f"relative to {os.getcwd()}); examples: {', '.join(examples.names())}"
            )
        return self._cache.setdefault(key, loaded)


@pytest.fixture(scope="session")
def charter_loader() -> Callable[[str | os.PathLike[str]], Charter]:
    """A function ``load(name_or_path)``: a bundled example or a charter file.

    A name in ``servicecharter.examples.names()`` is that example; anything
    else is a path to a charter file (TOML or JSON), relative to the current
    directory; neither raises ``FileNotFoundError``. Each charter is read
    once per test session and shared, which is safe: charters are frozen.
    """
    return _Loader()


@pytest.fixture
def charter(
    request: pytest.FixtureRequest,
    charter_loader: Callable[[str | os.PathLike[str]], Charter],
) -> Charter:
    """The charter named by the test's ``@pytest.mark.charter(name_or_path)``."""
    marker = request.node.get_closest_marker("charter")
    if marker is None:
        pytest.fail(
            "the `charter` fixture needs a marker naming the charter, e.g. "
            '@pytest.mark.charter("technical-support") on the test, its class '
            "or module (pytestmark); or use the `charter_loader` fixture",
            pytrace=False,
        )
    args: tuple[Any, ...] = marker.args
    if len(args) != 1 or marker.kwargs:
        pytest.fail(
            "@pytest.mark.charter takes one argument, an example name or a "
            f"charter file path; got {marker}",
            pytrace=False,
        )
    return charter_loader(args[0])
