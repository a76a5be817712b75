from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import servicecharter
from servicecharter import cli, examples
from servicecharter.cli import main
from servicecharter.io.csv_requests import parse_instants
from tests.support.paths import DOCS, ROOT

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


# --------------------------------------------------------------------- check --

REQUESTS_CSV = """\
id,engagement,received_at,responded_at
a,anomalies,2026-03-27T08:00,2026-03-27T10:00
b,anomalies,2026-03-27T09:30+01:00,2026-03-27T11:00
c,web-form,2026-03-27T10:00,
"""

# b is answered at 15:30: more than 4 business hours after 09:00 (08:00 is
# before opening); d names no engagement, e has an unreadable instant, f has
# a field too few, and a blank line and a quoted line break shift the lines.
MISSED_CSV = """\
id,engagement,received_at,responded_at,note
a,anomalies,2026-03-27T08:00,2026-03-27T10:00,
b,anomalies,2026-03-27T08:00Z,2026-03-27T15:30,

d,nope,2026-03-27T10:00,,
e,anomalies,yesterday,,"two
lines"
f,anomalies,2026-03-27T10:00,
g,usage,2026-03-27T10:00,2026-03-27T10:10,
"""

NOW = ("--now", "2026-03-31T00:00")


def write(tmp_path: Path, text: str, name: str = "requests.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def summary_lines(out: str) -> dict[tuple[str, str], list[str]]:
    """The report table as {(engagement, rule): cells after the rule}."""
    table = {}
    for line in out.splitlines():
        cells = line.split("  ")
        cells = [c.strip() for c in cells if c.strip()]
        if len(cells) == 11 and cells[0] != "engagement":
            table[cells[0], cells[1]] = cells[2:]
    return table


def test_check_all_reached(capsys, tmp_path):
    path = write(tmp_path, REQUESTS_CSV)
    code, out, err = run(capsys, "check", "technical-support", str(path), *NOW)
    assert (code, err) == (0, "")
    table = summary_lines(out)
    # share, met, breached, open, overdue, attainment, reached, p50, p90
    assert table["anomalies", "4 business hours"] == [
        "100%", "2", "0", "0", "0", "100.0%", "yes", "1h15", "1h27",
    ]  # fmt: skip
    # Received Friday 10:00, unanswered: the 3-day objective is still open on
    # Tuesday, the same-day one is overdue.
    assert table["web-form", "3 business days"][1:5] == ["0", "0", "1", "0"]
    assert table["web-form", "same business day"][1:5] == ["0", "0", "0", "1"]
    assert table["web-form", "same business day"][5:7] == ["-", "-"]
    assert out.splitlines()[0] == (
        f"technical-support: 3 requests in {path}, judged at 2026-03-31 00:00:00+02:00"
    )
    assert "bad rows" not in out
    assert out.endswith("every objective with answered requests is reached\n")


def test_check_missed_objective_and_bad_rows(capsys, tmp_path):
    path = write(tmp_path, MISSED_CSV)
    code, out, err = run(capsys, "check", "technical-support", str(path), *NOW)
    assert (code, err) == (1, "")
    table = summary_lines(out)
    assert table["anomalies", "4 business hours"][:7] == [
        "100%", "1", "1", "0", "0", "50.0%", "no",
    ]  # fmt: skip
    lines = out.splitlines()
    start = lines.index("bad rows: 3")
    assert lines[start + 1 : start + 4] == [
        "  line 5 (id 'd'): unknown engagement 'nope'; known: 'installation', "
        "'anomalies', 'specific-requests', 'web-form', 'callbacks', 'usage'",
        "  line 6 (id 'e'): received_at: cannot read 'yesterday' as an ISO 8601 "
        "instant",
        "  line 8 (id 'f'): 4 fields; the header has 5",
    ]
    assert "unmeasured: 1 request (engagements without a deadline objective)" in out
    assert lines[-1] == "missed: anomalies (4 business hours)"


def test_check_reads_instants_like_the_other_commands(capsys, tmp_path):
    # 2026-03-29T02:30 is in the spring-forward gap: fold=0 reads it at the
    # winter offset, as `deadline` does; the deadline must agree.
    text = "id,engagement,received_at,responded_at\n"
    received = ["2026-03-29T02:30", "2026-03-27T16:30", "2026-03-27 15:30Z"]
    for i, when in enumerate(received):
        text += f"r{i},anomalies,{when},2026-03-30T14:30\n"
    path = write(tmp_path, text)
    code, out, _ = run(capsys, "check", "technical-support", str(path), "--json", *NOW)
    assert code == 0
    anomalies = json.loads(out)["objectives"][1]
    assert (anomalies["met"], anomalies["breached"]) == (3, 0)
    for when in received:
        code, due, _ = run(capsys, "deadline", "technical-support", "anomalies", when)
        assert due == "2026-03-30 14:30:00+02:00\n" or when.startswith("2026-03-29")


def test_check_json(capsys, tmp_path):
    path = write(tmp_path, MISSED_CSV)
    code, out, err = run(
        capsys, "check", "technical-support", str(path), "--json", *NOW
    )
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert set(report) == {
        "charter", "file", "now", "rows", "objectives", "unmeasured", "problems",
        "missed",
    }  # fmt: skip
    assert report["charter"] == "technical-support"
    assert report["now"] == "2026-03-31 00:00:00+02:00"
    assert (report["rows"], report["unmeasured"], report["missed"]) == (6, 1, 1)
    assert [p["line"] for p in report["problems"]] == [5, 6, 8]
    assert report["problems"][0]["id"] == "d"
    anomalies = report["objectives"][1]
    assert anomalies["engagement"] == "anomalies"
    assert anomalies["rule"] == "4 business hours"
    assert (anomalies["met"], anomalies["breached"], anomalies["invalid"]) == (1, 1, 2)
    assert anomalies["attainment"] == 0.5
    assert anomalies["reached"] is False
    assert anomalies["p50"] == 2.75 * 3600  # seconds of business time
    installation = report["objectives"][0]
    assert installation["attainment"] is None
    assert installation["p50"] is None


def test_check_strict(capsys, tmp_path):
    good = write(tmp_path, REQUESTS_CSV, "good.csv")
    code, _, _ = run(capsys, "check", "technical-support", str(good), "--strict", *NOW)
    assert code == 0
    bad = write(tmp_path, MISSED_CSV, "bad.csv")
    code, out, err = run(
        capsys, "check", "technical-support", str(bad), "--strict", *NOW
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"servicecharter: error: {str(bad)!r} has 3 bad rows")
    assert "  line 6 (id 'e'): received_at: cannot read 'yesterday'" in err


def test_check_without_id_column(capsys, tmp_path):
    path = write(
        tmp_path,
        "channel,kind,received_at\nphone,anomaly,2026-03-27T10:00\nfax,,2026-03-27\n",
    )
    code, out, _ = run(capsys, "check", "technical-support", str(path), *NOW)
    assert code == 0
    assert "  line 3: no engagement matches channel='fax'" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,engagement\na,anomalies\n", "missing column 'received_at'"),
        ("id,received_at\na,2026-03-27\n", "missing column 'engagement'"),
        ("", "is empty; expected a header line"),
        ("engagement,received_at,engagement\n", "'engagement' appears more than once"),
    ],
)
def test_check_bad_files(capsys, tmp_path, text, message):
    path = write(tmp_path, text)
    code, out, err = run(capsys, "check", "technical-support", str(path))
    assert (code, out) == (2, "")
    assert err.startswith("servicecharter: error: ")
    assert message in err
    assert "Traceback" not in err


def test_check_missing_file_and_bad_now(capsys, tmp_path):
    code, _, err = run(capsys, "check", "technical-support", str(tmp_path / "no.csv"))
    assert code == 2
    assert "cannot read" in err
    path = write(tmp_path, REQUESTS_CSV)
    code, _, err = run(capsys, "check", "technical-support", str(path), "--now", "x")
    assert code == 2
    assert "--now: 'x' is not an ISO 8601" in err


def test_check_progress_only_on_a_terminal(capsys, tmp_path, monkeypatch):
    path = write(tmp_path, REQUESTS_CSV)
    monkeypatch.setattr(cli.check, "PROGRESS_BYTES", 0)
    _, _, err = run(capsys, "check", "technical-support", str(path), *NOW)
    assert err == ""  # captured standard error is not a terminal
    monkeypatch.setattr(cli.check, "_isatty", lambda: True)
    code, out, err = run(capsys, "check", "technical-support", str(path), *NOW)
    assert code == 0
    assert err.startswith(f"reading {path}... 3 rows, evaluating... done in ")
    assert err.endswith(" s\n")
    assert "reading" not in out


def test_check_many_bad_rows_are_cut_in_text(capsys, tmp_path):
    text = "id,engagement,received_at\n" + "".join(
        f"r{i},nope,2026-03-27\n" for i in range(25)
    )
    path = write(tmp_path, text)
    code, out, _ = run(capsys, "check", "technical-support", str(path), *NOW)
    assert code == 0
    assert "bad rows: 25" in out
    assert "  ... and 5 more (--json lists them all)" in out
    code, out, _ = run(capsys, "check", "technical-support", str(path), "--json", *NOW)
    assert len(json.loads(out)["problems"]) == 25


def test_parse_instants_agrees_with_fromisoformat():
    paris = examples.load("technical-support").tz
    texts = [
        "2026-03-27T16:30", "2026-03-27 16:30:05", "2026-03-27T16:30:05.250",
        "2026-03-27T16:30:05.123456", "2026-03-27", "2026-03-27T16",
        "2026-03-27T15:30Z", "2026-03-27T16:30+01:00", "2026-06-01T10:00-04:30",
        "2026-03-29T02:30", "2026-10-25T02:30", "2026-10-25T03:30",
        "20260327T1630", "2026-03-27T16:30+0100", " 2026-03-27T16:30 ",
    ]  # fmt: skip
    out, bad = parse_instants(texts, paris)
    assert bad == {}
    for text, got in zip(texts, out.tolist(), strict=True):
        parsed = dt.datetime.fromisoformat(text.strip())
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=paris)
        assert got == parsed.astimezone(dt.UTC).replace(tzinfo=None), text
    out, bad = parse_instants(
        ["", "soon", "2026-02-30T10:00", "0000-01-01T00:00", "2026-03-27T24:00"],
        paris,
    )
    assert np.isnat(out).all()
    assert sorted(bad) == [1, 2, 3, 4]


def test_example_requests_file_is_generated():
    root = DOCS / "examples"
    if not (root / "make_requests.py").exists():
        pytest.skip("docs/examples is not in this tree")
    spec = importlib.util.spec_from_file_location(
        "make_requests", root / "make_requests.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with (root / "requests.csv").open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle)) == module.make_rows()


def test_cli_doc_shows_the_real_check_report(capsys):
    root = ROOT
    guide = root / "docs" / "cli.md"
    requests = root / "docs" / "examples" / "requests.csv"
    if not guide.exists() or not requests.exists():
        pytest.skip("docs are not in this tree")
    command = (
        "$ servicecharter check technical-support docs/examples/requests.csv "
        "--now 2026-04-10T12:00\n"
    )
    text = guide.read_text(encoding="utf-8")
    shown = text.split(command, 1)[1].split("$ echo $?\n1\n", 1)[0]
    code, out, _ = run(
        capsys,
        "check",
        "technical-support",
        str(requests),
        "--now",
        "2026-04-10T12:00",
    )
    assert code == 1
    assert out.replace(str(requests), "docs/examples/requests.csv") == shown
