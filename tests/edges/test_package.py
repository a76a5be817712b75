"""The package facade: every public name resolves, and importing is cheap."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import servicecharter
from servicecharter import _errors


def test_every_public_name_resolves_and_all_is_sorted() -> None:
    assert servicecharter.__all__ == sorted(servicecharter.__all__)
    for name in servicecharter.__all__:
        assert getattr(servicecharter, name) is not None, name


def test_lazy_names_come_each_from_exactly_one_facade() -> None:
    errors = set(_errors.__all__)
    lazy = set(servicecharter.__all__) - errors - {"__version__", "examples"}
    for name in lazy:
        homes = [
            facade
            for facade in servicecharter._FACADES
            if name in importlib.import_module(facade, "servicecharter").__all__
        ]
        assert len(homes) == 1, (name, homes)


def test_type_checking_imports_name_exactly_the_lazy_names() -> None:
    tree = ast.parse(Path(servicecharter.__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))  # TYPE_CHECKING
    imported = {a.asname or a.name for n in block.body for a in n.names}  # type: ignore[attr-defined]
    errors = set(_errors.__all__)
    assert imported == set(servicecharter.__all__) - errors - {"__version__"}


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


PUBLIC_MODULES = (
    "servicecharter.hours",
    "servicecharter.calendar",
    "servicecharter.rules",
    "servicecharter.charter",
    "servicecharter.compliance",
    "servicecharter.io",
    "servicecharter.sql",
    "servicecharter.sql.duckdb",
    "servicecharter.frames",
    "servicecharter.strategies",
    "servicecharter.testing",
    "servicecharter.examples",
    "servicecharter.cli",
    "servicecharter.pytest_plugin",
)


@pytest.mark.parametrize("path", PUBLIC_MODULES)
def test_public_module_paths_import_and_their_names_resolve(path: str) -> None:
    module = importlib.import_module(path)
    for name in getattr(module, "__all__", ()):
        assert getattr(module, name) is not None, (path, name)


def test_every_public_name_imports_from_the_package() -> None:
    namespace: dict[str, object] = {}
    exec("from servicecharter import *", namespace)
    assert set(servicecharter.__all__) - {"__version__"} <= set(namespace)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("servicecharter.compliance", "evaluate"),
        ("servicecharter._render", "explain"),
        ("servicecharter._render", "render"),
    ],
)
def test_no_submodule_shadows_the_function_its_package_exports(
    module: str, name: str
) -> None:
    package = importlib.import_module(module)
    assert callable(getattr(package, name))
    assert importlib.util.find_spec(f"{module}.{name}") is None


def test_layer_diagram_is_drawn_from_the_contract() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    spec = importlib.util.spec_from_file_location("gen_layers", docs / "gen_layers.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    committed = (docs / "img" / "layers.svg").read_text(encoding="utf-8")
    assert committed == gen.render(), "run: python docs/gen_layers.py"
    assert gen.layers()[0] == ["_errors"]


def test_dir_shows_the_public_names_only() -> None:
    # The facade's own imports (importlib, Any, TYPE_CHECKING, annotations)
    # and its helpers were listed, as were whichever subpackages were loaded.
    importlib.import_module("servicecharter.calendar")
    assert dir(servicecharter) == sorted(servicecharter.__all__)
