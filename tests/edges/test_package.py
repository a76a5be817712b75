"""The package facade: every public name resolves, and importing is cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import servicecharter
from servicecharter import _errors


def test_every_public_name_resolves_and_all_is_sorted() -> None:
    assert servicecharter.__all__ == sorted(servicecharter.__all__)
    for name in servicecharter.__all__:
        assert getattr(servicecharter, name) is not None, name


def test_lazy_table_covers_exactly_the_public_names() -> None:
    errors = set(_errors.__all__)
    lazy = set(servicecharter._LAZY)
    assert errors.isdisjoint(lazy)
    assert errors | lazy | {"__version__"} == set(servicecharter.__all__)


def test_render_and_explain_are_the_functions() -> None:
    assert callable(servicecharter.render)
    assert callable(servicecharter.explain)
    assert servicecharter.render.__name__ == "render"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        servicecharter.no_such_name  # noqa: B018


def test_importing_the_package_and_its_plugin_loads_no_numpy() -> None:
    # The pytest plugin is imported by every pytest run of a project that
    # installs servicecharter: it must not pull numpy in by itself.
    code = (
        "import sys, servicecharter, servicecharter.pytest_plugin\n"
        "heavy = ('numpy', 'holidays', 'pandas', 'attrs')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert done.stdout.strip() == ""
