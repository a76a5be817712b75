"""Bounds on what a charter file may be, checked before and after it is parsed.

A charter file is a few kilobytes of UTF-8 text. Without bounds, reading
``/dev/zero`` ran until memory was out, 20 KB of TOML dotted keys
(``a.a.a...``) took 416 MB inside the TOML reader, and a document nested a
few hundred levels deep loaded but could not be written back or pickled.
Here: the size is bounded while reading, the text is decoded as UTF-8 with
a clear error for anything else, TOML dotted keys are bounded before the
TOML reader sees them, and the parsed data is walked (without recursion)
for its depth and for lone surrogates, which JSON lets in and no file can
store.

>>> check_dotted_keys("a.b.c = 1")
>>> check_dotted_keys(".".join(["a"] * 100) + " = 1")
Traceback (most recent call last):
...
servicecharter.InvalidCharterError: a key of 100 dotted parts ('a.a.a.a.a.a.a.a.a.a.a.a.'...); at most 32 are read
"""  # noqa: E501 (doctest output is one line)

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from .._errors import InvalidCharterError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_KEY_PARTS",
    "check_dotted_keys",
    "check_size",
    "check_tree",
    "read_text",
]

#: The largest charter file (or text) read: 16 MiB, a thousand times a large one.
MAX_BYTES = 16 * 2**20
#: How deep tables and lists may nest; a rich charter needs about ten.
MAX_DEPTH = 64
#: The most parts of one dotted TOML key (``calendars.default.hours`` has 3).
MAX_KEY_PARTS = 32

# A run of more than MAX_KEY_PARTS dotted key parts, each bare or quoted. It
# starts only where a bare part cannot be continued, and its quantifiers
# never give back, so a long text is scanned once.
_DOTTED = re.compile(
    r"(?<![A-Za-z0-9_-])(?:(?:[A-Za-z0-9_-]++|\"[^\"\\\n]*+\"|'[^'\n]*+')"
    rf"[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS},}}+"
)
_OTHER_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def check_size(size: int, what: str) -> None:
    """Refuse a file (or text) over ``MAX_BYTES``."""
    if size > MAX_BYTES:
        raise InvalidCharterError(
            "",
            None,
            f"the {what} is over {MAX_BYTES // 2**20} MiB; a charter file is a few "
            "kilobytes: check that this is the file meant",
        )


def read_text(file: Path) -> str:
    """The text of a charter file: UTF-8, a byte-order mark skipped, bounded."""
    with file.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    check_size(len(data), "file")
    for mark, name in _OTHER_BOMS.items():
        if data.startswith(mark):
            raise InvalidCharterError(
                "", None, f"the file is {name} text; save it as UTF-8"
            )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise InvalidCharterError(
            "",
            None,
            f"not UTF-8 text: byte 0x{byte:02x} at offset {error.start} "
            f"({error.reason}); save the file as UTF-8",
        ) from None


def check_dotted_keys(text: str) -> None:
    """Refuse TOML keys of more than ``MAX_KEY_PARTS`` dotted parts.

    The TOML reader's cost grows with the square of a key's parts (20 KB
    of ``a.a.a...`` took 416 MB). The scan may also find such a run inside
    a string value, where no charter has one either.
    """
    found = _DOTTED.search(text)
    if found is not None:
        run = found.group()
        raise InvalidCharterError(
            "",
            None,
            f"a key of {run.count('.') + 1} dotted parts ({run[:24]!r}...); at "
            f"most {MAX_KEY_PARTS} are read",
        )


def check_tree(data: Any) -> None:
    """Refuse data nested over ``MAX_DEPTH`` deep or holding lone surrogates.

    Walked with a stack, not recursion, so that no depth can overflow it;
    each error names the path in the file.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InvalidCharterError(
                path,
                None,
                f"nested more than {MAX_DEPTH} deep; a charter needs far fewer "
                "levels: write it flatter",
            )
        if isinstance(value, str):
            _check_text(value, path)
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{key}" if path else str(key)
                _check_text(str(key), where)
                stack.append((item, where, depth + 1))
        elif isinstance(value, list):
            stack.extend(
                (item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)
            )


def _check_text(text: str, path: str) -> None:
    """Refuse a lone surrogate (an escape of JSON's), which UTF-8 cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidCharterError(
            path,
            text[:40],
            f"holds a lone surrogate {text[error.start]!r} at character "
            f"{error.start}, which no file can store; write the character whole",
        ) from None
