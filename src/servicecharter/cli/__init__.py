"""The ``servicecharter`` command line: deadlines, opening times, rendering.

Run ``servicecharter --help`` (or ``python -m servicecharter --help``) for
the subcommands. ``main`` takes the arguments and returns the exit status,
so it can be called from Python as well:

>>> main(["deadline", "technical-support", "anomalies", "2026-03-27T16:30"])
2026-03-30 14:30:00+02:00
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from .._errors import InvalidCharterError, ServiceCharterError
from .common import charter_problems, os_problem, print_error
from .parser import build_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 1 when ``validate`` finds
    problems or ``check`` finds a missed objective, 2 on a usage error or
    any other error (the message goes to standard error, without a
    traceback).
    """
    parser = build_parser()
    if not _argument_strings(argv):
        print_error(f"main() takes a list of argument strings, got {argv!r}")
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except BrokenPipeError:  # the reader stopped reading: `check --json | head`
        return _reader_gone()
    except InvalidCharterError as error:
        print_error(charter_problems(error, getattr(args, "charter", "")))
    except OSError as error:
        print_error(os_problem(error))
    except (ServiceCharterError, UnicodeDecodeError) as error:
        print_error(str(error))
    except Exception as error:  # a bug, still in one line: no traceback for users
        print_error(
            f"{type(error).__name__}: {error} (this is a bug of servicecharter; "
            "please report it with the command line given)"
        )
    return 2


def _reader_gone() -> int:
    """Exit quietly, as a shell's SIGPIPE would, when stdout's reader has gone.

    What is still buffered goes to the null device, so that Python's own
    flush at exit does not fail again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141  # 128 + SIGPIPE, the status a shell shows for it


def _argument_strings(argv: object) -> bool:
    """Whether ``argv`` is None or a sequence of strings (not one string)."""
    if argv is None:
        return True
    if isinstance(argv, str) or not isinstance(argv, Sequence):
        return False
    return all(isinstance(item, str) for item in argv)
