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
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from . import __version__, examples
from ._errors import InvalidArgumentError, InvalidCharterError, ServiceCharterError
from ._render import render
from .calendar import BusinessCalendar
from .charter import Charter
from .compliance import Evaluation, evaluate
from .io import load
from .io.csv_requests import RequestFile, read_requests

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 1 when ``validate`` finds
    problems or ``check`` finds a missed objective, 2 on a usage error or
    any other error (the message goes to standard error, without a
    traceback).
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

    sub = command(
        "check",
        _check,
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
    sub.add_argument("--json", action="store_true", help="print the report as JSON")
    sub.add_argument(
        "--strict",
        action="store_true",
        help="any bad row is an error (exit 2) instead of a line of the report",
    )

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


# --------------------------------------------------------------------- check --

# Progress goes to a terminal's standard error for files from this size on.
PROGRESS_BYTES = 1_000_000
# The text report lists this many bad rows; --json lists them all.
SHOWN_PROBLEMS = 20


def _check(args: argparse.Namespace) -> int:
    charter = _charter(args.charter)
    if args.now is None:
        now = dt.datetime.now(charter.tz).replace(microsecond=0)
    else:
        now = _instant(args.now, charter, "--now")
    path = Path(args.requests)
    progress = _Progress(path)
    progress.say(f"reading {path}... ")
    requests = read_requests(path, charter.tz)
    progress.say(f"{requests.rows:,} rows, evaluating... ")
    result = evaluate(charter, requests.columns, now=now)
    problems = _problems(result, requests)
    progress.done()
    if args.strict and problems:
        raise InvalidArgumentError(
            f"{str(path)!r} has {len(problems)} bad row"
            f"{'' if len(problems) == 1 else 's'} (--strict):\n"
            + "\n".join(_problem_lines(problems))
        )
    unmeasured = int(np.count_nonzero(result.requests["status"] == "unmeasured"))
    missed = sum(line["reached"] is False for line in result.summary)
    if args.json:
        report = {
            "charter": charter.id,
            "file": str(path),
            "now": _show_instant(now, charter),
            "rows": requests.rows,
            "objectives": [_json_line(line) for line in result.summary],
            "unmeasured": unmeasured,
            "problems": problems,
            "missed": missed,
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_report(
            charter,
            path,
            now=now,
            requests=requests,
            result=result,
            problems=problems,
            unmeasured=unmeasured,
        )
    return 1 if missed else 0


class _Progress:
    """Progress on standard error, for big files and only on a terminal."""

    def __init__(self, path: Path) -> None:
        self.start = time.perf_counter()
        try:
            big = path.stat().st_size >= PROGRESS_BYTES
        except OSError:
            big = False  # reading it will say why
        self.stream: TextIO | None = sys.stderr if big and _isatty() else None

    def say(self, text: str) -> None:
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()

    def done(self) -> None:
        self.say(f"done in {time.perf_counter() - self.start:.1f} s\n")


def _isatty() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def _problems(result: Evaluation, requests: RequestFile) -> list[dict[str, Any]]:
    """The bad rows with their file line numbers; reading reasons come first."""
    has_id = "id" in requests.columns
    out = []
    found = {p.row: p.reason for p in result.problems}
    for row in sorted(set(found) | set(requests.problems)):
        reasons = list(requests.problems.get(row, []))
        reason = found.get(row, "")
        if reasons:  # the reader blanked received_at; say why instead
            for missing in ("; missing received_at", "missing received_at"):
                reason = reason.removesuffix(missing)
        reason = "; ".join([reason, *reasons] if reason else reasons)
        out.append(
            {
                "line": int(requests.lines[row]),
                "id": str(requests.columns["id"][row]) if has_id else None,
                "reason": reason,
            }
        )
    return out


def _problem_lines(problems: list[dict[str, Any]]) -> list[str]:
    lines = []
    for problem in problems[:SHOWN_PROBLEMS]:
        named = "" if problem["id"] is None else f" (id {problem['id']!r})"
        lines.append(f"  line {problem['line']}{named}: {problem['reason']}")
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        lines.append(f"  ... and {more:,} more (--json lists them all)")
    return lines


def _json_line(line: dict[str, Any]) -> dict[str, Any]:
    """A summary line for JSON: NaN as null, durations in seconds."""
    out = dict(line)
    if isinstance(out["attainment"], float) and math.isnan(out["attainment"]):
        out["attainment"] = None
    for key, value in line.items():
        if isinstance(value, dt.timedelta):
            out[key] = value.total_seconds()
    return out


def _print_report(
    charter: Charter,
    path: Path,
    *,
    now: dt.datetime,
    requests: RequestFile,
    result: Evaluation,
    problems: list[dict[str, Any]],
    unmeasured: int,
) -> None:
    print(
        f"{charter.id}: {requests.rows:,} request{'' if requests.rows == 1 else 's'} "
        f"in {path}, "
        f"judged at {_show_instant(now, charter)}"
    )
    print()
    head = [
        "engagement", "objective", "share", "met", "breached", "open",
        "overdue", "attainment", "reached", "p50", "p90",
    ]  # fmt: skip
    table = [head]
    for line in result.summary:
        attainment = line["attainment"]
        reached = {True: "yes", False: "no", None: "-"}[line["reached"]]
        table.append(
            [
                line["engagement"],
                line["rule"],
                f"{line['share'] * 100:g}%",
                *(f"{line[k]:,}" for k in ("met", "breached", "open", "overdue")),
                "-" if math.isnan(attainment) else f"{attainment * 100:.1f}%",
                reached,
                _hours(line["p50"]),
                _hours(line["p90"]),
            ]
        )
    widths = [max(len(row[k]) for row in table) for k in range(len(head))]
    for row in table:
        cells = [
            cell.ljust(width) if k < 2 else cell.rjust(width)
            for k, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    print()
    if unmeasured:
        print(
            f"unmeasured: {unmeasured:,} request{'' if unmeasured == 1 else 's'} "
            "(engagements without a deadline objective)"
        )
    if problems:
        print(f"bad rows: {len(problems):,}")
        print("\n".join(_problem_lines(problems)))
    missed = [
        f"{line['engagement']} ({line['rule']})"
        for line in result.summary
        if line["reached"] is False
    ]
    if missed:
        print(f"missed: {', '.join(missed)}")
    else:
        print("every objective with answered requests is reached")


def _hours(value: dt.timedelta | None) -> str:
    """A business duration as hours and minutes, '3h45'; '-' for none."""
    if value is None:
        return "-"
    minutes = round(value.total_seconds() / 60)
    return f"{minutes // 60}h{minutes % 60:02d}"


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
