"""The small commands: deadline, open, show, validate, examples."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .. import examples
from .._errors import HorizonError, InvalidCharterError, NoOpenTimeError
from .._render import render
from ..io import load
from .common import (
    channel_calendar,
    load_charter,
    read_instant,
    show_instant,
)

__all__ = [
    "deadline_command",
    "examples_command",
    "open_command",
    "show_command",
    "validate_command",
]


def deadline_command(args: argparse.Namespace) -> int:
    """Print the deadline(s) of a receipt."""
    charter = load_charter(args.charter)
    received = read_instant(args.received, charter, "RECEIVED")
    if not args.all:
        due = charter.deadline(args.engagement, received)
        print(show_instant(due, charter))
        return 0
    engagement = charter.engagement(args.engagement)
    dues = charter.deadlines(args.engagement, received)
    if not dues:
        # Same error as Charter.deadline gives for an engagement of caps only.
        charter.deadline(args.engagement, received)
    for objective, due in zip(engagement.objectives, dues, strict=True):
        share = f"{objective.share * 100:g}%"
        line = f"{show_instant(due, charter)}  {share:>4}  {objective.within}"
        print(f"{line}  ({objective.title})" if objective.title else line)
    return 0


def open_command(args: argparse.Namespace) -> int:
    """Say whether the desk is open at an instant, and when that changes."""
    charter = load_charter(args.charter)
    calendar = channel_calendar(charter, args.channel)
    if args.at is None:
        at = dt.datetime.now(charter.tz).replace(microsecond=0)
    else:
        at = read_instant(args.at, charter, "--at")
    when = show_instant(at, charter)
    is_open = calendar.is_open(at)
    try:
        change = calendar.next_close(at) if is_open else calendar.next_open(at)
    except (NoOpenTimeError, HorizonError) as error:  # around the clock, or shut
        bound = (
            "before the end of the supported years (9998)"
            if isinstance(error, HorizonError)
            else "within the calendar's search bound (ten years by default)"
        )
        print(f"{'open' if is_open else 'closed'} at {when}")
        print(f"{'never closes' if is_open else 'never opens'} {bound}")
        return 0
    print(f"{'open' if is_open else 'closed'} at {when}")
    print(f"{'closes' if is_open else 'opens'} {show_instant(change, charter)}")
    return 0


def show_command(args: argparse.Namespace) -> int:
    """Print the charter as Markdown."""
    sys.stdout.write(render(load_charter(args.charter), args.locale))
    return 0


def validate_command(args: argparse.Namespace) -> int:
    """Check a charter file; 1 when it has problems."""
    try:
        load(args.file)
    except InvalidCharterError as error:
        for problem in error.errors:
            print(f"{args.file}: {problem}")
        return 1
    print("ok")
    return 0


def examples_command(_args: argparse.Namespace) -> int:
    """List the bundled example charters."""
    names = examples.names()
    width = max(map(len, names), default=0)
    for name in names:
        print(f"{name:<{width}}  {examples.load(name).title}")
    return 0
