"""``check``: a compliance report from a CSV file of requests."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from .._errors import InvalidArgumentError
from ..charter import Charter
from ..compliance import Evaluation, evaluate
from ..compliance.conditions import condition_names
from ..io.csv_requests import RequestFile, read_requests
from ..io.csv_tables import read_table
from .common import load_charter, read_instant, show_instant

__all__ = ["PROGRESS_BYTES", "SHOWN_PROBLEMS", "check_command"]

# Progress goes to a terminal's standard error for files from this size on.
PROGRESS_BYTES = 1_000_000
# The text report lists this many bad rows; --json lists them all.
SHOWN_PROBLEMS = 20


def check_command(args: argparse.Namespace) -> int:
    """Evaluate a CSV of requests and report; exit 1 when an objective is missed."""
    charter = load_charter(args.charter)
    if args.now is None:
        now = dt.datetime.now(charter.tz).replace(microsecond=0)
    else:
        now = read_instant(args.now, charter, "--now")
    path = Path(args.requests)
    progress = _Progress(path)
    progress.say(f"reading {path}... ")
    _, fields = condition_names(charter.engagements)
    requests = read_requests(path, charter.tz, tuple(sorted(fields)))
    logs = _long_tables(args, charter)
    _warn_missing(charter, logs)
    progress.say(f"{requests.rows:,} rows, evaluating... ")
    result = evaluate(charter, requests.columns, now=now, **logs)
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
            "now": show_instant(now, charter),
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


_TABLES = {
    "events": (("request", "at", "event"), ("at",)),
    "pauses": (("request", "start"), ("start", "end")),
}


def _long_tables(args: argparse.Namespace, charter: Charter) -> dict[str, Any]:
    """The ``--events`` and ``--pauses`` files given, their bad lines warned of."""
    out = {}
    for name, (required, instants) in _TABLES.items():
        given = getattr(args, name, None)
        if given is None:
            continue
        path = Path(given)
        table = read_table(path, charter.tz, required=required, instants=instants)
        for row, reasons in sorted(table.problems.items()):
            line = int(table.lines[row])
            print(f"warning: {path} line {line}: {'; '.join(reasons)}", file=sys.stderr)
        out[name] = table.columns
    return out


def _warn_missing(charter: Charter, logs: dict[str, Any]) -> None:
    """Say which clocks the input cannot stop: pauses or events not given."""
    if "pauses" not in logs:
        pausable = [e.id for e in charter.engagements if e.pausable]
        if pausable:
            print(
                f"warning: {', '.join(map(repr, pausable))} pause while waiting on "
                "the client, but no --pauses file is given: their clocks run "
                "through every pause",
                file=sys.stderr,
            )
    if "events" not in logs:
        lifecycle = [
            e.id
            for e in charter.engagements
            if any(o.has_lifecycle for o in e.objectives)
        ]
        if lifecycle:
            print(
                f"warning: {', '.join(map(repr, lifecycle))} measure clocks over "
                "an event log, but no --events file is given: only received_at "
                "and responded_at are read",
                file=sys.stderr,
            )


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
    found = {p.row: p.reason for p in result.problems if p.row >= 0}
    for stray in (p for p in result.problems if p.row < 0):
        out.append({"line": None, "id": stray.id, "reason": stray.reason})
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
        where = "events" if problem["line"] is None else f"line {problem['line']}"
        lines.append(f"  {where}{named}: {problem['reason']}")
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
        f"judged at {show_instant(now, charter)}"
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
                _label(line),
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
        f"{line['engagement']} ({_label(line)})"
        for line in result.summary
        if line["reached"] is False
    ]
    if missed:
        print(f"missed: {', '.join(missed)}")
    else:
        print("every objective with answered requests is reached")


def _label(line: dict[str, Any]) -> str:
    """An objective by its id when it has one, else by its rule."""
    given = line.get("objective_id", "")
    return str(line["rule"]) if not given or given.isdigit() else str(given)


def _hours(value: dt.timedelta | None) -> str:
    """A business duration as hours and minutes, '3h45'; '-' for none."""
    if value is None:
        return "-"
    minutes = round(value.total_seconds() / 60)
    return f"{minutes // 60}h{minutes % 60:02d}"
