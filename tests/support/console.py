"""Console sessions of the documentation: commands run, outputs compared.

A ```` ```console ```` block whose first line starts with ``$ `` is a
session: each ``$ `` line is a command (continued on the next lines while a
line ends with `` \\``), and the lines up to the next command are what it
prints, standard output and error together. The test of the docs runs each
command with bash in the page's working directory, the ``servicecharter``
command of this environment first on ``PATH``, and the exit status of the
command before it in ``$?``, so ``$ echo $?`` shows it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs

PROMPT = "$ "


@attrs.frozen
class Command:
    """One command of a session and the output the page shows for it."""

    command: str
    output: str
    line: int  # the line of the page on which the command starts


def is_session(source: str) -> bool:
    """Whether a console block is a session (its first line is a command)."""
    return source.lstrip("\n").startswith(PROMPT)


def commands(source: str, first_line: int) -> list[Command]:
    """The commands of a session, each with the output shown after it."""
    out: list[Command] = []
    lines = source.splitlines()
    k = 0
    while k < len(lines):
        if not lines[k].startswith(PROMPT):
            k += 1  # blank lines before the first command
            continue
        start = k
        parts = [lines[k][len(PROMPT) :]]
        while parts[-1].endswith("\\") and k + 1 < len(lines):
            k += 1
            parts.append(lines[k])
        k += 1
        shown = []
        while k < len(lines) and not lines[k].startswith(PROMPT):
            shown.append(lines[k])
            k += 1
        out.append(Command("\n".join(parts), "\n".join(shown), first_line + start))
    return out


def environment() -> dict[str, str]:
    """The environment sessions run in: this Python's commands first."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]])
    env.pop("COLUMNS", None)
    return env


def run(command: Command, cwd: Path, status: int) -> tuple[str, int]:
    """Run a command with bash; what it printed and its exit status."""
    done = subprocess.run(
        ["bash", "-c", f"(exit {status}); {command.command}"],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )
    return done.stdout, done.returncode
