"""Run the Python examples of the documentation, page by page.

Every ```` ```python ```` (or ```` ```py ````) fenced block of every
``docs/**/*.md`` page runs, in the order of the page, in one fresh namespace
per page, with a fresh temporary directory as the working directory. A page
is one test, named by its path under ``docs/``; a failure names the line of
the page on which the failing block starts, and tracebacks point into the
page itself (the block is compiled with the page's file name and line
numbers). Console sessions run too (below); a ``console`` block that is
not a session is an error (fence commands alone as ``bash``, so that the
copy button copies them, and output alone as ``text``). Blocks fenced
``bash``, ``toml``, ``text``, ``json`` or anything else are not run. Fences
may be indented (inside a list item or an admonition); the indentation of
the opening fence is removed. The working directory also holds a copy of
``docs/examples/``, so a command can name ``docs/examples/requests.csv`` as
from the root of a clone.

Conventions for authors:

- A block whose first line starts with ``# not run:`` is skipped. The rest of
  that line must say why (``# not run: needs a database``).
- A line that is exactly ``print(<expr>)  # <expected>``, a single-line call
  to ``print`` followed by a comment, checks its output: the text printed
  (stripped) must equal ``<expected>`` (stripped). ``...`` in ``<expected>``
  matches any text, as doctest's ELLIPSIS does. So never put any other kind
  of comment after a ``print(...)`` on the same line. For output of several
  lines, use an output block.
- A fenced block right after a line ``<!-- output -->`` (an HTML comment,
  which the site does not show) is the output of the Python block before
  it: what that block printed, apart from the prints checked by a comment,
  must equal the block's text, line by line, trailing spaces and blank
  lines at either end aside, ``...`` matching any text within a line.
- A fenced block right after a line ``<!-- write: NAME -->`` is written to
  the file ``NAME`` (a relative path) in the page's working directory before
  the blocks after it run; use it for a charter file that the following
  Python loads. It is not run itself.
- A ```` ```console ```` block whose first line starts with ``$ `` is a
  session (``tests/support/console.py``): each command runs with bash in the
  page's working directory, after the blocks above it, and what it prints
  (standard output and error) must equal the lines the page shows under it,
  as for an output block. A command continues on the next line while a line
  ends with a backslash, and ``$?`` is the status of the command before.
  The output of the session's last command may instead be the output block
  right after the session (for output a console block would misread, such
  as Markdown headings, which look like a root prompt).
- A block right after a line ``<!-- not run: REASON -->`` is not run (a
  session that needs a database, say); the reason is required.

The examples run with the test suite's warning filters, so a warning is an
error here too.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import io
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.support import console
from tests.support.paths import DOCS

RUN = frozenset({"python", "py"})
SKIP = "# not run:"
CHECK = "__docs_check_print__"

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_MARK = re.compile(
    r"^\s*<!--\s*(?P<mark>output|write:\s*(?P<name>\S+)|not run:(?P<why>.*?))"
    r"\s*-->\s*$"
)


@attrs.frozen
class Block:
    """One fenced block of a page: its language, first line and text."""

    language: str
    line: int  # 1-based line of the page on which the block's code starts
    source: str
    output: bool = False  # the output of the Python block before it
    write_to: str | None = None  # a file to write the block to
    not_run: str | None = None  # why the block is not run


def fenced_blocks(text: str) -> Iterator[Block]:
    """The fenced blocks of a Markdown text, in order."""
    lines = text.splitlines()
    i = 0
    mark: re.Match[str] | None = None
    while i < len(lines):
        found = _MARK.match(lines[i])
        if found:
            mark = found
            i += 1
            continue
        opening = _FENCE.match(lines[i])
        if not opening:
            if lines[i].strip():
                mark = None
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        info = opening["info"].strip()
        language = info.split()[0].lstrip(".{").rstrip("}") if info else ""
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            closing = _FENCE.match(lines[j])
            if (
                closing
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                break
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line)
            j += 1
        source = "\n".join(body) + "\n"
        yield Block(
            language.lower(),
            i + 2,
            source,
            output=mark is not None and mark["mark"] == "output",
            write_to=mark and mark["name"],
            not_run=mark and mark["why"],
        )
        mark = None
        i = j + 1


def ellipsis_match(expected: str, got: str) -> bool:
    """Whether ``got`` equals ``expected``, ``...`` in it matching any text."""
    if "..." not in expected:
        return got == expected
    first, *middle, last = expected.split("...")
    if not (got.startswith(first) and got.endswith(last)):
        return False
    position, end = len(first), len(got) - len(last)
    for piece in middle:
        found = got.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return position <= end


class _CheckPrints(ast.NodeTransformer):
    """Turn ``print(x)  # expected`` statements into checked prints."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first_line = first_line

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        call = node.value
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "print"
            and node.lineno == node.end_lineno
        ):
            return node
        line = self.lines[node.lineno - 1]
        before, after = line[: node.col_offset], line[node.end_col_offset :]
        found = re.fullmatch(r"\s+#(?P<expected>.*)", after)
        if before.strip() or not found:
            return node  # not alone on its line, or no comment after it
        expected = found["expected"].strip()
        checked = ast.Call(
            func=ast.Name(CHECK, ast.Load()),
            args=[
                ast.Constant(self.first_line + node.lineno - 1),
                ast.Constant(expected),
                *call.args,
            ],
            keywords=call.keywords,
        )
        return ast.copy_location(ast.Expr(ast.copy_location(checked, call)), node)


def compile_block(block: Block, filename: str) -> Any:
    """The block's code, with checked prints, at the page's line numbers."""
    tree = ast.parse(block.source, filename)
    tree = _CheckPrints(block.source.splitlines(), block.line).visit(tree)
    ast.fix_missing_locations(tree)
    ast.increment_lineno(tree, block.line - 1)
    return compile(tree, filename, "exec")


def _check_print(line: int, expected: str, *args: Any, **kwargs: Any) -> None:
    """``print``, then compare what was printed with the expected text."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        print(*args, **kwargs)
    got = buffer.getvalue()
    # Checked already: shown, but not part of the output an output block shows.
    stream = sys.stdout
    (stream.through if isinstance(stream, _Tee) else stream).write(got)
    if not ellipsis_match(expected, got.strip()):
        raise AssertionError(
            f"line {line}: printed {got.strip()!r}, the page says {expected!r}"
        )


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _page_id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip("\n").splitlines()]


def check_output(where: str, expected: str, got: str) -> None:
    """Compare printed text with a page's output block, line by line."""
    want, have = _lines(expected), _lines(got)
    same = len(want) == len(have) and all(
        ellipsis_match(w, h) for w, h in zip(want, have, strict=True)
    )
    if not same:
        diff = "\n".join(
            difflib.unified_diff(want, have, "page", "printed", lineterm="")
        )
        raise AssertionError(f"{where}: the output differs from the page:\n{diff}")


class _Tee(io.StringIO):
    """Keep what a block prints, and let it through to the real stdout."""

    def __init__(self, through: Any) -> None:
        super().__init__()
        self.through = through

    def write(self, text: str) -> int:
        self.through.write(text)
        return super().write(text)


def run_block(block: Block, filename: str, namespace: dict[str, Any]) -> str:
    """Run one block in ``namespace``; return what it printed."""
    tee = _Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        exec(compile_block(block, filename), namespace)
    return tee.getvalue()


def _workdir(tmp_path: Path) -> None:
    """The page's working directory: empty but for a copy of docs/examples."""
    shutil.copytree(DOCS / "examples", tmp_path / "docs" / "examples")


def run_session(block: Block, where: str, cwd: Path) -> tuple[str, str] | None:
    """Run the commands of a console session; compare what each printed.

    A last command shown without output may have its output in the output
    block after the session: then (where, printed) is returned, to compare.
    """
    status = 0
    found = console.commands(block.source, block.line)
    for k, command in enumerate(found):
        got, status = console.run(command, cwd, status)
        here = f"{where}, command at line {command.line}"
        if k == len(found) - 1 and not command.output.strip():
            return here, got
        check_output(here, command.output, got)
    return None


@pytest.mark.parametrize("page", _pages(), ids=_page_id)
def test_page_examples_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _workdir(tmp_path)
    monkeypatch.chdir(tmp_path)
    name = _page_id(page)
    namespace: dict[str, Any] = {"__name__": "__docs__", CHECK: _check_print}
    printed: str | None = None  # by the last Python block run
    pending: tuple[str, str] | None = None  # a session's last command's output
    for block in fenced_blocks(page.read_text(encoding="utf-8")):
        where = f"docs/{name}, block at line {block.line}"
        if pending is not None:
            check_output(pending[0], block.source if block.output else "", pending[1])
            pending = None
            if block.output:
                continue
        if block.not_run is not None:
            assert block.not_run.strip(), f"{where}: 'not run:' needs a reason"
            printed = None
            continue
        if block.write_to is not None:
            target = tmp_path / block.write_to
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.source, encoding="utf-8")
            continue
        if block.output:
            assert printed is not None, f"{where}: no Python block ran before it"
            check_output(where, block.source, printed)
            continue
        if block.language == "console":
            assert console.is_session(block.source), (
                f"{where}: a console block is a session, starting with '$ '; "
                "fence commands alone as bash, output alone as text"
            )
            pending = run_session(block, where, tmp_path)
            printed = None
            continue
        if block.language not in RUN:
            continue
        first = block.source.lstrip("\n").split("\n", 1)[0].strip()
        if first.startswith(SKIP):
            assert first[len(SKIP) :].strip(), f"{where}: '# not run:' needs a reason"
            printed = None
            continue
        try:
            printed = run_block(block, str(page), namespace)
        except Exception as error:  # a page may raise anything
            raise AssertionError(f"{where}: {type(error).__name__}: {error}") from error
    if pending is not None:
        check_output(pending[0], "", pending[1])


class TestHarness:
    """The block reader and the print convention themselves."""

    def test_fences_languages_and_lines(self) -> None:
        text = (
            "# Title\n"
            "\n"
            "```python\n"
            "x = 1\n"
            "```\n"
            "\n"
            "```console\n"
            "$ ls\n"
            "```\n"
            "- item\n"
            "\n"
            "    ````py\n"
            "    y = 2\n"
            "    ```\n"
            "    z = 3\n"
            "    ````\n"
        )
        blocks = list(fenced_blocks(text))
        assert [(b.language, b.line) for b in blocks] == [
            ("python", 4),
            ("console", 8),
            ("py", 13),
        ]
        assert blocks[2].source == "y = 2\n```\nz = 3\n"

    def test_marks(self) -> None:
        text = (
            "<!-- write: a.toml -->\n```toml\nid = 'x'\n```\n"
            "<!-- output -->\n\n```text\n1\n```\n"
            "<!-- output -->\nSome words.\n```text\n```\n"
        )
        first, second, third = fenced_blocks(text)
        assert (first.write_to, first.output) == ("a.toml", False)
        assert (second.write_to, second.output) == (None, True)
        assert (third.write_to, third.output) == (None, False)
        mark = "<!-- not run: needs a database -->\n"
        (skipped,) = fenced_blocks(mark + "```console\n```")
        assert (skipped.not_run, skipped.output) == (" needs a database", False)

    def test_sessions(self, tmp_path: Path) -> None:
        source = "$ printf 'a\\nb\\n'\na\nb\n$ echo one \\\n  two\none two\n"
        parsed = console.commands(source, 10)
        assert [(c.command, c.output, c.line) for c in parsed] == [
            ("printf 'a\\nb\\n'", "a\nb", 10),
            ("echo one \\\n  two", "one two", 13),
        ]
        block = Block("console", 10, source)
        run_session(block, "here", tmp_path)
        last = Block("console", 3, "$ echo a\na\n$ echo b\n")
        assert run_session(last, "here", tmp_path) == ("here, command at line 5", "b\n")
        failing = Block("console", 1, "$ false\n$ echo $?\n0\n")
        with pytest.raises(AssertionError, match=r"(?s)here, command at line 2: .*\+1"):
            run_session(failing, "here", tmp_path)
        assert not console.is_session("servicecharter examples\n")

    def test_output_blocks(self) -> None:
        check_output("here", "a  \nb ... d\n\n", "\na\nb c d\n")
        with pytest.raises(AssertionError, match=r"(?s)here: .*-b\n\+c"):
            check_output("here", "a\nb\n", "a\nc\n")
        with pytest.raises(AssertionError, match="here: "):
            check_output("here", "a\n", "a\nb\n")

    @pytest.mark.parametrize(
        ("expected", "got", "ok"),
        [
            ("True", "True", True),
            ("True", "False", False),
            ("(Problem(row=2, ...),)", "(Problem(row=2, id='x'),)", True),
            ("a...b...c", "a-b-c", True),
            ("a...b...c", "a-c-b", False),
            ("ab...ba", "aba", False),
        ],
    )
    def test_ellipsis(self, expected: str, got: str, ok: bool) -> None:
        assert ellipsis_match(expected, got) is ok

    def test_print_comments_are_checked(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = (
            "x = 2\n"
            "print(x + 1)  # 3\n"
            "print(x)\n"
            "print('#', x)  # # 2\n"
            "for i in range(2):\n"
            "    print(i * 0)  # 0\n"
        )
        code = compile_block(Block("python", 10, source), "page.md")
        exec(code, {CHECK: _check_print})
        assert capsys.readouterr().out == "3\n2\n# 2\n0\n0\n"
        tee = _Tee(sys.stdout)
        with contextlib.redirect_stdout(tee):
            exec(code, {CHECK: _check_print})
        assert tee.getvalue() == "2\n"  # only the print without a comment
        assert capsys.readouterr().out == "3\n2\n# 2\n0\n0\n"
        wrong = compile_block(Block("python", 10, "print(1)  # 2\n"), "page.md")
        with pytest.raises(AssertionError, match="line 10: printed '1'"):
            exec(wrong, {CHECK: _check_print})
