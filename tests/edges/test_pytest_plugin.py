"""Tests of the pytest plugin (fixtures ``charter_loader`` and ``charter``)."""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import servicecharter.pytest_plugin as plugin

pytest_plugins = ["pytester"]

TEST_FILE = """
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from servicecharter.testing import assert_met

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.charter("technical-support")
def test_marker(charter):
    assert charter.id == "technical-support"
    received = dt.datetime(2026, 3, 27, 16, 30, tzinfo=PARIS)
    assert_met(charter, "anomalies", received, received + dt.timedelta(hours=1))


@pytest.mark.charter("technical-support")
class TestClass:
    def test_class_marker(self, charter, charter_loader):
        assert charter is charter_loader("technical-support")


def test_loader_caches(charter_loader, tmp_path):
    assert charter_loader("home-services") is charter_loader("home-services")


def test_loader_reads_files(charter_loader):
    assert charter_loader("mine.toml").id == "mine"


@pytest.mark.charter("mine.toml")
def test_marker_with_a_path(charter):
    assert charter.title == "Mine"
"""

CHARTER_FILE = """
id = "mine"
title = "Mine"
tz = "Europe/Paris"

[calendars.default]
hours = "Mo-Fr 09:00-17:00"
"""


def test_entry_point_is_registered():
    names = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert names.get("servicecharter") == "servicecharter.pytest_plugin"


def test_fixtures_load_through_the_entry_point(pytester: pytest.Pytester):
    # No -p option: the plugin comes from the installed entry point.
    pytester.makepyfile(test_charters=TEST_FILE)
    pytester.makefile(".toml", mine=CHARTER_FILE)
    result = pytester.runpytest("--strict-markers")
    result.assert_outcomes(passed=5)


def test_marker_is_registered(pytester: pytest.Pytester):
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.charter(name_or_path)*"])


def test_missing_marker_is_a_clear_failure(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
        def test_no_marker(charter):
            pass
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*the `charter` fixture needs a marker naming the charter*"]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_bad_marker_arguments_and_unknown_names(pytester: pytest.Pytester):
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.charter()
        def test_no_argument(charter):
            pass

        @pytest.mark.charter("no-such-charter")
        def test_unknown(charter):
            pass
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*@pytest.mark.charter takes one argument*",
            "*no bundled example charter and no file named 'no-such-charter'*",
        ]
    )


def test_plugin_module_imports_only_pytest():
    # pytest imports the plugin in every run: its own module imports nothing
    # heavy at the top and reaches servicecharter's parts inside fixtures.
    source = Path(plugin.__file__).read_text(encoding="utf-8")
    imported = {
        alias.name.split(".")[0]
        for node in ast.parse(source).body
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module or ""
        for node in ast.parse(source).body
        if isinstance(node, ast.ImportFrom)
    }
    assert imported == {"__future__", "os", "typing", "pytest"}
