"""Read a CSV file of request records into columns for ``evaluate``.

The command line's ``check`` reads requests with the stdlib ``csv`` module.
Instants are ISO 8601 texts as ``datetime.fromisoformat`` reads them; one
without a UTC offset is wall-clock time in the charter's zone (read with
``fold=0``, like the other subcommands). The common shapes
(``YYYY-MM-DD[T ]HH:MM[:SS[.fff[fff]]]`` with an optional ``Z`` or ``+HH:MM``)
are parsed whole-array by numpy and shifted to UTC per distinct local day;
the rest, and every day with a UTC offset change, go through
``fromisoformat`` one value at a time.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import operator
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from .._core.units import I64
from .._errors import InvalidArgumentError
from .csv_instants import parse_instants
from .csv_tables import tracked_records

__all__ = ["MAX_FIELD", "RequestFile", "parse_instants", "read_requests"]


COLUMNS = ("id", "engagement", "channel", "kind", "priority", "calendar", "tz")
#: The longest field read in a column that is used (ids, instants, selectors);
#: a longer one is its row's problem. Other columns are not read at all.
MAX_FIELD = 4096
_limit_lock = threading.Lock()
_readers = 0
_limit = csv.field_size_limit()
INSTANTS = ("received_at", "responded_at")
SELECTORS = ("channel", "kind", "priority")


@attrs.frozen(eq=False)
class RequestFile:
    """The request columns of a CSV file, ready for ``evaluate``.

    Attributes:
        columns: ``received_at`` and ``responded_at`` as ``datetime64[us]``
            (UTC; NaT when empty or unreadable), the text columns as numpy
            string arrays.
        lines: the file line number (header = 1) of each row.
        problems: reasons per row index found while reading (a wrong number
            of fields, an unreadable instant); these rows have a NaT
            ``received_at`` so that ``evaluate`` marks them invalid.
        header: the column names, as read.
    """

    columns: dict[str, Any]
    lines: I64
    problems: dict[int, list[str]]
    header: tuple[str, ...]

    @property
    def rows(self) -> int:
        """The number of data rows."""
        return len(self.lines)


def read_requests(
    path: Path, tz: dt.tzinfo, extra: tuple[str, ...] = ()
) -> RequestFile:
    """Read ``path``: a header line, then one request per record.

    Blank lines are skipped. Columns other than ``id``, ``engagement``,
    ``channel``, ``kind``, ``priority``, ``calendar``, ``tz``,
    ``received_at``, ``responded_at`` and the ``extra`` ones (the fields a
    charter's lifecycles read, like ``status``) are ignored. Raises
    ``InvalidArgumentError`` when the header lacks the required columns, or
    ``OSError`` when the file cannot be read.
    """
    # Reading creates a list per record and a str per field, none of them in
    # a reference cycle: the cyclic collector would only rescan them, over
    # and over (about 40 % of the time for a million rows).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _any_field_size():
            return _read(path, tz, extra)
    except csv.Error as error:  # a NUL byte, say
        raise InvalidArgumentError(
            f"{str(path)!r}: not readable as CSV: {error}"
        ) from None
    except UnicodeDecodeError as error:
        raise InvalidArgumentError(
            f"{str(path)!r}: not UTF-8 text (byte {error.start}: {error.reason})"
        ) from None
    finally:
        if collecting:
            gc.enable()


def _read(path: Path, tz: dt.tzinfo, extra: tuple[str, ...]) -> RequestFile:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = tuple(name.strip() for name in next(reader, []))
        if not header:
            raise InvalidArgumentError(
                f"{str(path)!r} is empty; expected a header line such as "
                "'id,engagement,received_at,responded_at'"
            )
        _check_header(path, header)
        first = reader.line_num + 1
        records = list(reader)
        simple = reader.line_num == first - 1 + len(records) and all(records)
        if simple:  # one line per record: the lines are counted, not tracked
            lines = np.arange(first, first + len(records), dtype=np.int64)
        else:  # blank lines (read as []) or quoted line breaks: read again
            handle.seek(0)
            records, lines = tracked_records(csv.reader(handle))
    width, n = len(header), len(records)
    problems: dict[int, list[str]] = {}
    sizes = np.fromiter(map(len, records), dtype=np.int64, count=n)
    for i in np.flatnonzero(sizes != width).tolist():
        problems[i] = [f"{sizes[i]} fields; the header has {width}"]
        records[i] = (records[i] + [""] * width)[:width]
    read = COLUMNS + INSTANTS + extra
    wanted = [k for k, name in enumerate(header) if name in read]
    values = dict(zip(wanted, _columns(records, wanted, n), strict=True))
    del records
    columns: dict[str, Any] = {}
    for k in wanted:
        name = header[k]
        values[k] = _bounded(name, values[k], problems)
        if name in INSTANTS:
            instants, bad = parse_instants(values[k], tz)
            for i, text in bad.items():
                problems.setdefault(i, []).append(
                    f"{name}: cannot read {text!r} as an ISO 8601 instant"
                )
            columns[name] = instants
        else:
            columns[name] = np.array(values[k], dtype=str)
    if problems:  # evaluate marks a row with no received_at invalid
        received = columns["received_at"].copy()
        received[list(problems)] = np.datetime64("NaT", "us")
        columns["received_at"] = received
        if "responded_at" in columns:
            responded = columns["responded_at"].copy()
            responded[list(problems)] = np.datetime64("NaT", "us")
            columns["responded_at"] = responded
    return RequestFile(
        columns=columns,
        lines=lines,
        problems=problems,
        header=header,
    )


@contextlib.contextmanager
def _any_field_size() -> Iterator[None]:
    """Let ``csv`` read fields of any size while a file is read.

    Its limit (131,072 characters) is one setting for the whole process, and
    a field over it stopped the whole check; a long field of a column that
    is read is that row's problem instead (``MAX_FIELD``). Readers in several
    threads share the raised limit; the last one to finish puts it back.
    """
    global _readers, _limit  # noqa: PLW0603 (the process-wide csv setting)
    with _limit_lock:
        if _readers == 0:
            _limit = csv.field_size_limit(sys.maxsize)
        _readers += 1
    try:
        yield
    finally:
        with _limit_lock:
            _readers -= 1
            if _readers == 0:
                csv.field_size_limit(_limit)


def _columns(records: list[list[str]], wanted: list[int], n: int) -> list[Any]:
    """The fields of the ``wanted`` columns, a sequence per column.

    Only those columns are taken apart (without a Python loop per record):
    the others, however many, are never copied.
    """
    if not wanted:
        return []
    if not n:
        return [() for _ in wanted]
    pick = operator.itemgetter(*wanted)
    if len(wanted) == 1:
        return [list(map(pick, records))]
    return list(zip(*map(pick, records), strict=True))


def _bounded(name: str, values: Any, problems: dict[int, list[str]]) -> Any:
    """``values`` with each field over ``MAX_FIELD`` characters a row problem.

    The field is read as empty, so that one huge field neither makes the
    column's text array huge nor reads as an instant or an id.
    """
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    long = np.flatnonzero(sizes > MAX_FIELD)
    if long.size == 0:
        return values
    values = list(values)
    for i in long.tolist():
        problems.setdefault(i, []).append(
            f"{name}: a field of {sizes[i]:,} characters; at most "
            f"{MAX_FIELD:,} are read"
        )
        values[i] = ""
    return values


def _check_header(path: Path, header: tuple[str, ...]) -> None:
    shown = _shown_header(header)
    # One count of all names: a count per name made a header of 100,000
    # columns take minutes.
    twice = sorted(name for name, times in Counter(header).items() if times > 1)
    if twice:
        raise InvalidArgumentError(
            f"{str(path)!r}: column {twice[0]!r} appears more than once "
            f"in the header ({shown})"
        )
    if "received_at" not in header:
        raise InvalidArgumentError(
            f"{str(path)!r}: missing column 'received_at'; the header has: {shown}"
        )
    if "engagement" not in header and not any(s in header for s in SELECTORS):
        raise InvalidArgumentError(
            f"{str(path)!r}: missing column 'engagement' (or selector columns "
            f"among 'channel', 'kind', 'priority'); the header has: {shown}"
        )


def _shown_header(header: tuple[str, ...]) -> str:
    """The header's names for a message, the first few of a wide one."""
    if len(header) <= 12:
        return ", ".join(header)
    return ", ".join(header[:10]) + f", ... ({len(header):,} columns)"
