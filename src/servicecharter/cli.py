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
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, examples
from ._errors import InvalidArgumentError, InvalidCharterError, ServiceCharterError
from .calendar import BusinessCalendar
from .charter import Charter
from .io import load
from .render import render

__all__ = ["main"]

PROG = "servicecharter"

_EPILOG = """\
CHARTER is a charter file (.toml or .json) or the name of a bundled example
(see 'servicecharter examples'). Instants are ISO 8601, such as
2026-03-27T16:30 or 2026-03-27T15:30Z; an instant without a UTC offset is
read as wall-clock time in the charter's time zone (the library itself
refuses naive datetimes; this is the command line's convention). Results
are printed in the charter's time zone.

exit status:
  0  success
  1  'validate' found problems in the charter file
  2  usage error, unreadable file, invalid charter or argument, unknown id
"""

_DEADLINE_HELP = """\
The due instant of a request to ENGAGEMENT received at RECEIVED, from the
engagement's first objective; --all prints one line per objective with its
share of requests. RECEIVED without a UTC offset is read in the charter's
time zone.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 1 when ``validate`` finds
    problems, 2 on a usage error or any other error (the message goes to
    standard error, without a traceback).
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except InvalidCharterError as error:
        _error(_charter_problems(error, getattr(args, "charter", "")))
    except OSError as error:
        _error(_os_problem(error))
    except (ServiceCharterError, UnicodeDecodeError) as error:
        _error(str(error))
    return 2


def _parser() -> argparse.ArgumentParser:
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

    sub = command("deadline", _deadline, "when a request is due", _DEADLINE_HELP)
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
        _open,
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
        _show,
        "print the charter as Markdown",
        "The charter as a readable Markdown document.",
    )
    sub.add_argument("charter", metavar="CHARTER", help="charter file or example")
    sub.add_argument(
        "--locale", choices=("fr", "en"), default="fr", help="language (default: fr)"
    )

    sub = command(
        "validate",
        _validate,
        "check a charter file",
        "Read a charter file strictly: print 'ok' (exit 0), or every problem "
        "with its path inside the file (exit 1).",
    )
    sub.add_argument("file", metavar="FILE", help="charter file (.toml or .json)")

    command(
        "examples",
        _examples,
        "list the bundled example charters",
        "The names and titles of the bundled example charters.",
    )
    return parser


# ------------------------------------------------------------------ commands --


def _deadline(args: argparse.Namespace) -> int:
    charter = _charter(args.charter)
    received = _instant(args.received, charter, "RECEIVED")
    if not args.all:
        due = charter.deadline(args.engagement, received)
        print(_show_instant(due, charter))
        return 0
    engagement = charter.engagement(args.engagement)
    dues = charter.deadlines(args.engagement, received)
    if not dues:
        # Same error as Charter.deadline gives for an engagement of caps only.
        charter.deadline(args.engagement, received)
    for objective, due in zip(engagement.objectives, dues, strict=True):
        share = f"{objective.share * 100:g}%"
        line = f"{_show_instant(due, charter)}  {share:>4}  {objective.within}"
        print(f"{line}  ({objective.title})" if objective.title else line)
    return 0


def _open(args: argparse.Namespace) -> int:
    charter = _charter(args.charter)
    calendar = _calendar(charter, args.channel)
    if args.at is None:
        at = dt.datetime.now(charter.tz).replace(microsecond=0)
    else:
        at = _instant(args.at, charter, "--at")
    when = _show_instant(at, charter)
    if calendar.is_open(at):
        print(f"open at {when}")
        print(f"closes {_show_instant(calendar.next_close(at), charter)}")
    else:
        print(f"closed at {when}")
        print(f"opens {_show_instant(calendar.next_open(at), charter)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    sys.stdout.write(render(_charter(args.charter), args.locale))
    return 0


def _validate(args: argparse.Namespace) -> int:
    try:
        load(args.file)
    except InvalidCharterError as error:
        for problem in error.errors:
            print(f"{args.file}: {problem}")
        return 1
    print("ok")
    return 0


def _examples(_args: argparse.Namespace) -> int:
    names = examples.names()
    width = max(map(len, names), default=0)
    for name in names:
        print(f"{name:<{width}}  {examples.load(name).title}")
    return 0


# ------------------------------------------------------------------- helpers --


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _os_problem(error: OSError) -> str:
    if error.filename is None:
        return str(error)
    return f"cannot read {str(error.filename)!r}: {error.strerror}"


def _charter_problems(error: InvalidCharterError, where: str) -> str:
    lines = [f"invalid charter {where!r}:" if where else "invalid charter:"]
    lines += [f"  {problem}" for problem in error.errors]
    return "\n".join(lines)


def _charter(name: str) -> Charter:
    """The charter in file ``name``, or the bundled example of that name."""
    path = Path(name)
    if not path.exists() and name in examples.names():
        return examples.load(name)
    if not path.exists() and path.suffix.lower() not in (".toml", ".json"):
        known = ", ".join(examples.names())
        raise InvalidArgumentError(
            f"no charter file {name!r} and no bundled example of that name; "
            f"examples: {known}"
        )
    return load(path)


def _instant(text: str, charter: Charter, what: str) -> dt.datetime:
    """An ISO 8601 instant; without an offset, wall time in the charter's zone."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidArgumentError(
            f"{what}: {text!r} is not an ISO 8601 date and time, "
            "such as 2026-03-27T16:30 or 2026-03-27T16:30+01:00"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=charter.tz)
    return value


def _show_instant(value: dt.datetime, charter: Charter) -> str:
    return value.astimezone(charter.tz).isoformat(sep=" ")


def _calendar(charter: Charter, channel_id: str | None) -> BusinessCalendar:
    if channel_id is None:
        return charter.calendar()
    for channel in charter.channels:
        if channel.id == channel_id:
            return charter.calendar(channel.calendar)
    known = ", ".join(repr(c.id) for c in charter.channels) or "none"
    raise InvalidArgumentError(f"unknown channel {channel_id!r}; known: {known}")
