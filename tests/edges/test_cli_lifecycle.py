"""``check --events --pauses``: lifecycles from CSV files, bad lines warned of."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servicecharter.cli import main

CHARTER = """id = "helpdesk"
title = "Helpdesk"
tz = "Europe/London"

[calendars.default]
hours = "Mo-Fr 09:00-17:00"

[[engagements]]
id = "tickets"
title = "Tickets"
pausable = true

[[engagements.objectives]]
id = "first_reply"
within = "4 business hours"
stop = "agent_reply"

[[engagements.objectives]]
id = "resolution"
within = "16 business hours"
stop = {status = ["solved"]}
pause_while = {status = ["pending"]}
"""
REQUESTS = """id,engagement,status,received_at
T1,tickets,new,2026-06-01T16:00
T2,tickets,new,2026-06-01T10:00
"""
EVENTS = """request,at,event,value
T1,2026-06-01T16:30,status,open
T1,2026-06-02T10:00,agent_reply,
T1,2026-06-02T10:00,status,pending
T1,2026-06-02T15:00,customer_reply,
T1,2026-06-02T15:00,status,open
T1,2026-06-03T11:00,agent_reply,
T1,2026-06-03T11:05,status,solved
T1,2026-06-04T09:30,customer_reply,
T1,2026-06-04T09:30,status,open
T1,2026-06-04T13:00,agent_reply,
T1,2026-06-04T13:00,status,solved
T9,2026-06-04T13:00,agent_reply,
T2,soon,agent_reply,
"""


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name, text in (
        ("hd.toml", CHARTER),
        ("requests.csv", REQUESTS),
        ("events.csv", EVENTS),
        ("pauses.csv", "request,start,end\nT2,2026-06-01T11:00,2026-06-01T12:00\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def check(
    files: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    code = main(
        [
            "check",
            str(files / "hd.toml"),
            str(files / "requests.csv"),
            "--now",
            "2026-06-08T12:00",
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_events_give_the_worked_example(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = check(
        files,
        capsys,
        "--events",
        str(files / "events.csv"),
        "--pauses",
        str(files / "pauses.csv"),
        "--json",
    )
    report = json.loads(out)
    resolution = report["objectives"][1]
    assert resolution["objective_id"] == "resolution"
    assert resolution["met"] == 1
    assert resolution["p50"] == 9 * 3600 + 35 * 60  # 9:35 used, as in DESIGN
    assert "line 14: at: cannot read 'soon'" in err
    reasons = [p["reason"] for p in report["problems"]]
    assert any("no request with this id" in r for r in reasons)
    assert code == 0


def test_missing_pauses_and_events_are_warned_of(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = check(files, capsys)
    assert "no --pauses file" in err
    assert "no --events file" in err


def test_an_events_file_without_its_columns_is_an_error(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "bad.csv").write_text(
        "request,when\nT1,2026-06-01T10:00\n", encoding="utf-8"
    )
    code, _, err = check(files, capsys, "--events", str(files / "bad.csv"))
    assert code == 2
    assert "missing column 'at'" in err
    assert "Traceback" not in err


def test_a_bad_event_spanning_lines_is_named_by_its_first_line(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A quoted value with line breaks: the record starts on line 3, as an
    # editor shows it, and the requests file names its records the same way.
    (files / "multi.csv").write_text(
        "request,at,event,value\n"
        'T1,2026-06-02T10:00,agent_reply,"a note\nover\nthree lines"\n'
        "T1,later,agent_reply,\n",
        encoding="utf-8",
    )
    _, _, err = check(files, capsys, "--events", str(files / "multi.csv"))
    assert "multi.csv line 5: at: cannot read 'later'" in err
    (files / "multi.csv").write_text(
        'request,at,event,value\nT1,soon,agent_reply,"a note\nover two"\n',
        encoding="utf-8",
    )
    _, _, err = check(files, capsys, "--events", str(files / "multi.csv"))
    assert "multi.csv line 2: at: cannot read 'soon'" in err


@pytest.mark.parametrize("option", ["--events", "--pauses"])
def test_an_empty_events_or_pauses_file_is_an_error(
    files: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    (files / "empty.csv").write_text("", encoding="utf-8")
    code, _, err = check(files, capsys, option, str(files / "empty.csv"))
    assert code == 2
    assert "missing column" in err
    assert "the header has: nothing" in err
    assert "bug of servicecharter" not in err
