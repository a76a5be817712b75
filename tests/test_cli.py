from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import servicecharter
from servicecharter import examples
from servicecharter.cli import main

BAD_CHARTER = """\
id = "x"
title = "X"
tz = "Europe/Paris"
colour = "blue"

[calendars.default]
hours = "Mo-Fr 09:00-17:00"

[[engagements]]
id = "a"
title = "A"
objectives = ["4 buisness hours"]
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def charter_file(tmp_path: Path) -> Path:
    path = tmp_path / "support.toml"
    path.write_text(examples.text("technical-support"), encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text(BAD_CHARTER, encoding="utf-8")
    return path


# ------------------------------------------------------------------ deadline --


def test_deadline_example_naive_in_charter_zone(capsys):
    code, out, err = run(
        capsys, "deadline", "technical-support", "anomalies", "2026-03-27T16:30"
    )
    assert (code, err) == (0, "")
    # Friday 16:30 + 4 business hours: Monday 14:30, after the DST change.
    assert out == "2026-03-30 14:30:00+02:00\n"


def test_deadline_offset_is_honoured_and_printed_in_charter_zone(capsys):
    code, out, _ = run(
        capsys, "deadline", "technical-support", "anomalies", "2026-03-27T15:30Z"
    )
    assert code == 0
    assert out == "2026-03-30 14:30:00+02:00\n"


def test_deadline_file_and_json(capsys, charter_file, tmp_path):
    code, out, _ = run(
        capsys, "deadline", str(charter_file), "anomalies", "2026-03-27T16:30"
    )
    assert (code, out) == (0, "2026-03-30 14:30:00+02:00\n")
    json_file = tmp_path / "support.json"
    servicecharter.dump(servicecharter.load(charter_file), json_file)
    code, out, _ = run(
        capsys, "deadline", str(json_file), "anomalies", "2026-03-27T16:30"
    )
    assert (code, out) == (0, "2026-03-30 14:30:00+02:00\n")


def test_deadline_all(capsys):
    code, out, _ = run(
        capsys,
        "deadline",
        "technical-support",
        "web-form",
        "2026-03-27T16:30",
        "--all",
    )
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-04-01 17:00:00+02:00  100%  3 business days")
    assert lines[1].startswith("2026-03-28 00:00:00+01:00   60%  same business day")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["technical-support", "nope", "2026-03-27T16:30"], "unknown engagement"),
        (["technical-support", "usage", "2026-03-27T16:30"], "no deadline objective"),
        (["technical-support", "anomalies", "2026-13-01"], "not an ISO 8601"),
        (["no-such-example", "anomalies", "2026-03-27"], "no bundled example"),
        (["missing.toml", "anomalies", "2026-03-27"], "cannot read 'missing.toml'"),
    ],
)
def test_deadline_errors(capsys, args, message):
    code, out, err = run(capsys, "deadline", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("servicecharter: error: ")
    assert message in err
    assert "Traceback" not in err


def test_deadline_all_without_objectives(capsys):
    code, _, err = run(
        capsys, "deadline", "technical-support", "usage", "2026-03-27", "--all"
    )
    assert code == 2
    assert "no deadline objective" in err


def test_invalid_charter_file_is_an_error(capsys, bad_file):
    code, out, err = run(capsys, "deadline", str(bad_file), "a", "2026-03-27")
    assert (code, out) == (2, "")
    assert "colour: unknown key" in err
    assert "engagements[0].objectives[0].within" in err


# ---------------------------------------------------------------------- open --


def test_open_when_open(capsys):
    code, out, _ = run(capsys, "open", "technical-support", "--at", "2026-03-27T16:30")
    assert code == 0
    assert (
        out == "open at 2026-03-27 16:30:00+01:00\ncloses 2026-03-27 17:00:00+01:00\n"
    )


def test_open_when_closed_on_channel(capsys):
    code, out, _ = run(
        capsys,
        "open",
        "technical-support",
        "--channel",
        "web",
        "--at",
        "2026-03-28T10:00Z",
    )
    assert code == 0
    assert (
        out == "closed at 2026-03-28 11:00:00+01:00\nopens 2026-03-30 09:00:00+02:00\n"
    )


def test_open_now(capsys):
    code, out, _ = run(capsys, "open", "technical-support")
    assert code == 0
    first, second = out.splitlines()
    assert first.startswith(("open at ", "closed at "))
    assert second.startswith(("closes ", "opens "))


def test_open_errors(capsys):
    code, _, err = run(capsys, "open", "technical-support", "--channel", "fax")
    assert code == 2
    assert "unknown channel 'fax'; known: 'phone', 'web'" in err
    code, _, err = run(capsys, "open", "technical-support", "--at", "soon")
    assert code == 2
    assert "--at: 'soon' is not an ISO 8601" in err


# ---------------------------------------------------------------------- show --


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_show(capsys, locale):
    code, out, _ = run(capsys, "show", "technical-support", "--locale", locale)
    assert code == 0
    assert out == servicecharter.render(examples.load("technical-support"), locale)


def test_show_default_locale_is_french(capsys, charter_file):
    code, out, _ = run(capsys, "show", str(charter_file))
    assert code == 0
    assert out == servicecharter.render(servicecharter.load(charter_file), "fr")


def test_show_bad_locale_is_a_usage_error(capsys):
    code, out, err = run(capsys, "show", "technical-support", "--locale", "de")
    assert (code, out) == (2, "")
    assert "invalid choice: 'de'" in err


# ------------------------------------------------------------------ validate --


def test_validate_ok(capsys, charter_file):
    assert run(capsys, "validate", str(charter_file)) == (0, "ok\n", "")


def test_validate_reports_every_problem(capsys, bad_file):
    code, out, _ = run(capsys, "validate", str(bad_file))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad_file}: colour: unknown key")
    assert lines[1].startswith(
        f"{bad_file}: engagements[0].objectives[0].within: unknown duration words"
    )


def test_validate_unreadable_json(capsys, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "not valid JSON" in out


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.toml", "cannot read"), ("charter.yaml", "cannot tell the format")],
)
def test_validate_errors(capsys, tmp_path, name, message):
    path = tmp_path / name
    if name.endswith(".yaml"):
        path.write_text("id: x\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (2, "")
    assert message in err


# ------------------------------------------------------------------ examples --


def test_examples(capsys):
    code, out, _ = run(capsys, "examples")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == examples.names()
    assert "technical-support       Charte « Support Technique »" in lines


# --------------------------------------------------------- usage and version --


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"servicecharter {servicecharter.__version__}\n")


def test_help_documents_exit_codes_and_naive_instants(capsys):
    code, out, _ = run(capsys, "deadline", "--help")
    assert code == 0
    assert "exit status:" in out
    assert "without a UTC offset" in out
    assert "charter's time zone" in out


@pytest.mark.parametrize(
    "args",
    [[], ["frobnicate"], ["deadline", "technical-support"], ["check", "x"]],
)
def test_usage_errors(capsys, args):
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, "")
    assert "usage: servicecharter" in err


def test_python_dash_m():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "servicecharter",
            "deadline",
            "technical-support",
            "anomalies",
            "2026-03-27T16:30",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "2026-03-30 14:30" in result.stdout
    assert "+02:00" in result.stdout
