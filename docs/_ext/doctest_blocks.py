"""A griffe extension for the API reference: doctests shown as code.

The package's docstrings carry their examples as bare doctests, which pytest
runs (``--doctest-modules``). Markdown would read a ``>>>`` line as a
blockquote, so this extension fences each run of doctest lines, from a
``>>>`` line after a blank line to the next blank line, as a ``pycon`` code
block before mkdocstrings renders the docstring. The source stays plain
doctest; only the rendered page changes.
"""

from __future__ import annotations

from typing import Any

import griffe

_PROMPT = ">>>"
_BLANK = "<BLANKLINE>"


def fence_doctests(text: str) -> str:
    """Wrap every doctest paragraph of ``text`` in a ``pycon`` fence.

    >>> prompt = ">" * 3  # spelled out, so that doctest does not read it here
    >>> text = chr(10).join(["Add.", "", prompt + " 1 + 1", "2", "", "Done."])
    >>> fence_doctests(text).splitlines()
    ['Add.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'Done.']
    >>> lines = [prompt + " print('a' + chr(10))", "a", "<BLANKLINE>"]
    >>> fence_doctests(chr(10).join(lines)).splitlines()[-2]
    ''
    """
    out: list[str] = []
    inside = False
    indent = ""
    previous_blank = True
    for line in text.splitlines():
        stripped = line.lstrip()
        if not inside and previous_blank and stripped.startswith(_PROMPT):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        # doctest's marker for an empty output line is an empty line to a reader
        out.append(indent if inside and stripped == _BLANK else line)
        previous_blank = not stripped
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctests of every docstring the reference loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the object's docstring, if it has one, as it is loaded."""
        if obj.docstring is not None and _PROMPT in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
