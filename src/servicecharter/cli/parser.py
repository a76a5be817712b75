"""The argument parser: the subcommands, their options and their help."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .. import __version__
from .check import check_command
from .commands import (
    deadline_command,
    examples_command,
    open_command,
    show_command,
    validate_command,
)
from .common import PROG

__all__ = ["build_parser"]

_EPILOG = """\
CHARTER is a charter file (.toml or .json) or the name of a bundled example
(see 'servicecharter examples'). Instants are ISO 8601, such as
2026-03-27T16:30 or 2026-03-27T15:30Z; an instant without a UTC offset is
read as wall-clock time in the charter's time zone (the library itself
refuses naive datetimes; this is the command line's convention). Results
are printed in the charter's time zone.

exit status:
  0  success
  1  'validate' found problems in the charter file; 'check': an objective
     is missed (attainment below its share)
  2  usage error, unreadable file, invalid charter or argument, unknown id
"""

_CHECK_HELP = """\
Evaluate the requests of REQUESTS (a CSV file) against the charter and
print, per engagement objective, the counts of met, breached, open and
overdue requests, the attainment (met / answered), whether it reaches the
objective's share, and the median and 90th percentile business response
time; then the bad rows, by file line number (the header is line 1).

Columns: received_at (required), responded_at (empty: no response yet), id,
and engagement or selector columns among channel, kind, priority; other
columns are ignored. Instants without a UTC offset, and --now, are read in
the charter's time zone.
"""

_DEADLINE_HELP = """\
The due instant of a request to ENGAGEMENT received at RECEIVED, from the
engagement's first objective; --all prints one line per objective with its
share of requests. RECEIVED without a UTC offset is read in the charter's
time zone.
"""


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand, each bound to its function."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Customer charters as computable objects: deadlines, "
        "opening times, rendering and validation.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str, text: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=text,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(command=run)
        return sub

    sub = command("deadline", deadline_command, "when a request is due", _DEADLINE_HELP)
    sub.add_argument("charter", metavar="CHARTER", help="charter file or example")
    sub.add_argument("engagement", metavar="ENGAGEMENT", help="engagement id")
    sub.add_argument(
        "received", metavar="RECEIVED", help="when the request came in (ISO 8601)"
    )
    sub.add_argument(
        "--all", action="store_true", help="one line per objective, with its share"
    )

    sub = command(
        "open",
        open_command,
        "is the service open, and when does it next open or close",
        "Whether the calendar is open at an instant (default: now), and when "
        "it next closes (if open) or opens (if closed).",
    )
    sub.add_argument("charter", metavar="CHARTER", help="charter file or example")
    sub.add_argument(
        "--channel",
        metavar="ID",
        help="use this channel's calendar (default: the 'default' calendar)",
    )
    sub.add_argument("--at", metavar="ISO", help="the instant (ISO 8601; default: now)")

    sub = command(
        "show",
        show_command,
        "print the charter as Markdown",
        "The charter as a readable Markdown document.",
    )
    sub.add_argument("charter", metavar="CHARTER", help="charter file or example")
    sub.add_argument(
        "--locale", choices=("fr", "en"), default="fr", help="language (default: fr)"
    )

    sub = command(
        "validate",
        validate_command,
        "check a charter file",
        "Read a charter file strictly: print 'ok' (exit 0), or every problem "
        "with its path inside the file (exit 1).",
    )
    sub.add_argument("file", metavar="FILE", help="charter file (.toml or .json)")

    sub = command(
        "check",
        check_command,
        "evaluate a CSV file of requests against the charter",
        _CHECK_HELP,
    )
    sub.add_argument("charter", metavar="CHARTER", help="charter file or example")
    sub.add_argument("requests", metavar="REQUESTS", help="CSV file of requests")
    sub.add_argument(
        "--now",
        metavar="ISO",
        help="judge unanswered requests at this instant (default: now)",
    )
    sub.add_argument(
        "--events",
        metavar="CSV",
        help="CSV file of events: request, at, event[, value]",
    )
    sub.add_argument(
        "--pauses",
        metavar="CSV",
        help="CSV file of pauses: request, start[, end]",
    )
    sub.add_argument("--json", action="store_true", help="print the report as JSON")
    sub.add_argument(
        "--strict",
        action="store_true",
        help="any bad row is an error (exit 2) instead of a line of the report",
    )

    command(
        "examples",
        examples_command,
        "list the bundled example charters",
        "The names and titles of the bundled example charters.",
    )
    return parser
