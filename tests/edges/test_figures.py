"""The pictures of the documentation are what docs/gen_figures.py draws now."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.images import compare
from tests.support.paths import DOCS


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_figures", DOCS / "gen_figures.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _script()


@pytest.mark.parametrize("name", sorted(GEN.FIGURES))
def test_picture_is_up_to_date(name: str, tmp_path: Path) -> None:
    drawn = GEN.draw(name, tmp_path / f"{name}.png")
    problem = compare(GEN.IMG / f"{name}.png", drawn)
    assert problem is None, f"{problem}\nredraw: python docs/gen_figures.py"


def test_every_picture_is_shown_on_a_page() -> None:
    pages = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md"))
    shown = set(re.findall(r"img/([\w-]+)\.png", pages))
    assert set(GEN.FIGURES) <= shown, set(GEN.FIGURES) - shown
