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
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except InvalidCharterError as error:
        print_error(charter_problems(error, getattr(args, "charter", "")))
    except OSError as error:
        print_error(os_problem(error))
    except (ServiceCharterError, UnicodeDecodeError) as error:
        print_error(str(error))
    return 2
