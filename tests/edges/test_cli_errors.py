"""The command line on hostile input: every error is exit 2 and one clear line.

Each case below printed a Python traceback and exited 1 (the status that
means "an objective is missed"), or exited 2 with a file system message:
instants outside the supported years, a 400-digit share, a 1000-deep
rule, a zone that is a folder of tzdata, ``/dev/zero``, a CSV with one row
in the year 1. ``open`` on a calendar open around the clock said "open",
then failed with "no closing within the search bound".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from servicecharter.cli import main, parser

HEAD = 'id = "x"\ntitle = "X"\ntz = "Europe/Paris"\n'
AROUND_THE_CLOCK = HEAD + '[calendars.default]\nhours = "24/7"\n'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("servicecharter: error: ")
    assert "Traceback" not in err
    return lines[0]


def charter(tmp_path: Path, text: str, name: str = "c.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


class TestInstantsOutsideTheYears:
    @pytest.mark.parametrize(
        "args",
        [
            ("open", "technical-support", "--at", "9999-12-31T23:30-05:00"),
            ("open", "technical-support", "--at", "0001-01-01T00:30+05:00"),
            ("deadline", "technical-support", "anomalies", "0001-01-01T00:30+05:00"),
            ("deadline", "technical-support", "anomalies", "9999-12-31T23:30-05:00"),
        ],
    )
    def test_exit_2_naming_the_argument(
        self, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
    ) -> None:
        code, out, err = run(capsys, *args)
        assert code == 2
        assert out == ""
        line = one_error_line(err)
        assert args[-1] in line
        assert "supported years 2-9998" in line

    def test_check_now(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        csv = tmp_path / "r.csv"
        csv.write_text("engagement,received_at\nanomalies,2026-03-27T08:00\n")
        code, _, err = run(
            capsys, "check", "technical-support", str(csv), "--now",
            "0001-01-01T00:00+05:00",
        )  # fmt: skip
        assert code == 2
        assert "--now" in one_error_line(err)


class TestCheckRowsOutOfReach:
    def test_the_rows_are_reported_and_the_rest_checked(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        csv = tmp_path / "r.csv"
        csv.write_text(
            "engagement,received_at,responded_at\n"
            "anomalies,2026-03-27T08:00,2026-03-27T10:00\n"
            "anomalies,1700-03-27T08:00,\n"
            "anomalies,0001-03-27T08:00,\n"
            "anomalies,2026-03-27T09:00,2026-03-27T10:00\n"
        )
        code, out, err = run(
            capsys, "check", "technical-support", str(csv), "--now", "2026-04-01T00:00"
        )
        assert (code, err) == (0, "")
        assert "line 3: received_at 1700-03-27T07:50Z" in out  # LMT in 1700
        assert "not 1700" in out
        assert "line 4: received_at: 0001-03-27T07:50Z is outside" in out


class TestValidate:
    @pytest.mark.parametrize(
        ("body", "path"),
        [
            (
                '[[engagements]]\nid = "a"\ntitle = "A"\nobjectives = '
                f'[{{within = "4 business hours", share = {"9" * 400}}}]\n',
                "engagements[0].objectives[0].share",
            ),
            (
                '[[engagements]]\nid = "a"\ntitle = "A"\nobjectives = ["'
                + "earliest of (" * 1000
                + "4 business hours"
                + "; 1 business hour)" * 1000
                + '"]\n',
                "engagements[0].objectives[0].within",
            ),
        ],
        ids=["400-digit share", "1000-deep rule"],
    )
    def test_problems_exit_1_with_their_path(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        body: str,
        path: str,
    ) -> None:
        name = charter(tmp_path, AROUND_THE_CLOCK + body)
        code, out, err = run(capsys, "validate", name)
        assert (code, err) == (1, "")
        (line,) = out.strip().splitlines()
        assert line.startswith(f"{name}: {path}: ")
        assert len(line) < 400

    def test_a_zone_that_is_a_folder(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        name = charter(tmp_path, HEAD.replace("Europe/Paris", "Europe"))
        code, out, err = run(capsys, "validate", name)
        assert (code, err) == (1, "")
        assert out.startswith(f"{name}: tz: 'Europe' is a region")

    @pytest.mark.parametrize("target", ["/dev/zero", "zero.toml"])
    def test_dev_zero(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str
    ) -> None:
        if target == "zero.toml":
            (tmp_path / target).symlink_to("/dev/zero")
            target = str(tmp_path / target)
        code, _, err = run(capsys, "validate", target)
        assert code in (1, 2)
        assert "Traceback" not in err


class TestOpenAroundTheClock:
    def test_never_closes(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        name = charter(tmp_path, AROUND_THE_CLOCK)
        code, out, err = run(capsys, "open", name, "--at", "2026-03-27T10:00")
        assert (code, err) == (0, "")
        assert out.splitlines() == [
            "open at 2026-03-27 10:00:00+01:00",
            "never closes within the calendar's search bound (ten years by default)",
        ]

    def test_never_opens(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        text = HEAD + (
            '[calendars.default]\nweekly = {Mo-Fr = "09:00-17:00"}\n'
            "changes = [{effective = 2026-01-01, weekly = {}}]\n"
        )
        code, out, err = run(
            capsys, "open", charter(tmp_path, text), "--at", "2026-03-27T10:00"
        )
        assert (code, err) == (0, "")
        assert out.splitlines()[1].startswith("never opens")


def test_an_unexpected_error_is_still_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any error the library does not raise on purpose (a bug) is one line
    # naming it, with exit 2, rather than a traceback and exit 1.
    def broken(_args: object) -> int:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(parser, "examples_command", broken)
    code, out, err = run(capsys, "examples")
    assert (code, out) == (2, "")
    line = one_error_line(err)
    assert "OverflowError: date value out of range" in line
    assert "bug" in line


def test_a_reader_that_stops_reading_ends_the_command_quietly() -> None:
    # `servicecharter check ... --json | head -1`: the pipe's reader has gone
    # before the report is written. That was "error: [Errno 32] Broken pipe"
    # and exit 2; it is silence and 141, the status a shell gives SIGPIPE.
    import os
    import subprocess
    import sys

    from tests.support.paths import ROOT

    command = [sys.executable, "-m", "servicecharter", "check", "technical-support"]
    command += [str(ROOT / "docs" / "examples" / "requests.csv"), "--json"]
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # long before the child has imported anything
    with child.stderr:
        error = child.stderr.read().decode()
    assert child.wait(timeout=60) == 141
    assert error == ""
