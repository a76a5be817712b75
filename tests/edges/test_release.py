"""Release hygiene: the sdist and wheel build, install in a fresh venv and work."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

import servicecharter
from tests.support.paths import ROOT

SMOKE = """
import datetime as dt
from zoneinfo import ZoneInfo
import servicecharter
charter = servicecharter.examples.load("technical-support")
call = dt.datetime(2026, 3, 27, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))
print(servicecharter.__version__, charter.deadline("anomalies", call).isoformat())
"""


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--wheel",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return out


def test_version_is_single_sourced(dist: Path) -> None:
    wheel = next(dist.glob("*.whl"))
    sdist = next(dist.glob("*.tar.gz"))
    version = servicecharter.__version__
    assert wheel.name.startswith(f"servicecharter-{version}-")
    assert sdist.name == f"servicecharter-{version}.tar.gz"


def test_wheel_ships_data_and_types(dist: Path) -> None:
    names = zipfile.ZipFile(next(dist.glob("*.whl"))).namelist()
    assert "servicecharter/py.typed" in names
    assert "servicecharter/examples/technical-support.toml" in names
    assert not any(name.startswith("tests/") for name in names)
    assert not any(name.endswith("conftest.py") for name in names)


def test_sdist_has_tests_and_docs(dist: Path) -> None:
    with tarfile.open(next(dist.glob("*.tar.gz"))) as archive:
        names = archive.getnames()
    for part in (
        "tests/calendar/test_calendar.py",
        "docs/semantics.md",
        "CHANGELOG.md",
    ):
        assert any(name.endswith(part) for name in names), part


def test_wheel_installs_and_runs_in_a_fresh_venv(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [str(python), "-c", SMOKE], check=True, capture_output=True, text=True
    )
    assert done.stdout.split() == [
        servicecharter.__version__,
        "2026-03-30T14:30:00+02:00",
    ]
    cli = subprocess.run(
        [
            str(venv / "bin" / "servicecharter"),
            "deadline",
            "technical-support",
            "anomalies",
            "2026-03-27T16:30",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    assert cli.stdout.strip() == "2026-03-30 14:30:00+02:00"


def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        project: dict[str, Any] = tomllib.load(f)["project"]
    return project


def test_classifiers_are_known_trove_classifiers() -> None:
    from trove_classifiers import classifiers as known

    unknown = [c for c in _project()["classifiers"] if c not in known]
    assert not unknown, f"not trove classifiers: {unknown}"


def test_python_classifiers_match_requires_python() -> None:
    project = _project()
    oldest = project["requires-python"].removeprefix(">=")
    prefix = "Programming Language :: Python :: 3."
    minors = sorted(
        int(c.removeprefix(prefix))
        for c in project["classifiers"]
        if c.startswith(prefix)
    )
    assert minors, "no Python 3.x classifier"
    assert f"3.{minors[0]}" == oldest
    assert minors == list(range(minors[0], minors[-1] + 1)), minors


def test_changelog_has_a_section_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = servicecharter.__version__
    headings = re.findall(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
    assert headings, "no release headings"
    assert headings[0][0] == "Unreleased", "the first section is [Unreleased]"
    if ".dev" in version:
        return
    dated = dict(headings[1:])
    assert version in dated, f"CHANGELOG.md has no section for {version}"
    assert dated[version], f"the {version} section has no date"


def test_release_convention_is_documented() -> None:
    steps = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "git tag -a vX.Y.Z" in steps
    assert "## [X.Y.Z] - YYYY-MM-DD" in steps
    version = servicecharter.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", version), version
