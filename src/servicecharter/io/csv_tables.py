"""Read a long CSV table of events or pauses for ``check``.

A header line, then one record per line; instants are ISO 8601 texts as
for requests (without an offset: wall-clock time in the charter's zone).
A record with the wrong number of fields, or an instant that does not
read, is a problem of its line: its instants are left empty, and
``evaluate`` reports the row of the request it names.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from .._core.units import I64
from .._errors import InvalidArgumentError
from .csv_instants import parse_instants

__all__ = ["LongTable", "read_table", "tracked_records"]


@attrs.frozen(eq=False)
class LongTable:
    """The columns of a long table, the line of each record, and its problems."""

    columns: dict[str, Any]
    lines: I64
    problems: dict[int, list[str]]


def read_table(
    path: Path,
    tz: dt.tzinfo,
    *,
    required: tuple[str, ...],
    instants: tuple[str, ...],
) -> LongTable:
    """Read ``path`` with the ``required`` columns; ``instants`` read as UTC.

    Raises ``InvalidArgumentError`` for a file that is not CSV text or lacks
    a required column.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = tuple(name.strip() for name in next(csv.reader(handle), []))
            handle.seek(0)
            records, lines = tracked_records(csv.reader(handle))
    except (csv.Error, UnicodeDecodeError) as error:
        raise InvalidArgumentError(
            f"{str(path)!r}: not readable as CSV: {error}"
        ) from None
    missing = [name for name in required if name not in header]
    if missing:
        raise InvalidArgumentError(
            f"{str(path)!r}: missing column {missing[0]!r}; the header has: "
            f"{', '.join(header) or 'nothing'}"
        )
    width = len(header)
    problems: dict[int, list[str]] = {}
    for i, record in enumerate(records):
        if len(record) != width:
            problems[i] = [f"{len(record)} fields; the header has {width}"]
            records[i] = (record + [""] * width)[:width]
    columns: dict[str, Any] = {}
    for k, name in enumerate(header):
        texts = [record[k].strip() for record in records]
        if name in instants:
            values, bad = parse_instants(texts, tz)
            for i, text in bad.items():
                problems.setdefault(i, []).append(
                    f"{name}: cannot read {text!r} as an ISO 8601 instant"
                )
            columns[name] = values
        else:
            columns[name] = np.array(texts, dtype=str)
    for name in instants:
        if problems and name in columns:
            values = columns[name].copy()
            values[list(problems)] = np.datetime64("NaT", "us")
            columns[name] = values
    return LongTable(columns, np.array(lines, dtype=np.int64), problems)


def tracked_records(reader: Any) -> tuple[list[list[str]], I64]:
    r"""The records after the header, and the line each starts on.

    A record may span lines (a quoted line break): it is named by its first,
    as an editor shows it. Blank lines are no records.

    >>> import io
    >>> text = 'a,b\n1,"x\ny"\n\n2,z\n'
    >>> records, lines = tracked_records(csv.reader(io.StringIO(text)))
    >>> records, lines.tolist()
    ([['1', 'x\ny'], ['2', 'z']], [2, 5])
    """
    next(reader, None)  # an empty file has no header either: no records
    records: list[list[str]] = []
    starts: list[int] = []
    end = reader.line_num
    for record in reader:
        start, end = end + 1, reader.line_num
        if record:  # a blank line reads as []
            records.append(record)
            starts.append(start)
    return records, np.array(starts, dtype=np.int64)
