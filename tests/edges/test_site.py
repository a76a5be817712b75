"""The built documentation site: what a reader sees fits, copies and is current.

The site is built once, strictly, into a temporary directory (as ``make
docs`` builds it), and every page is read as a desktop browser shows it
(``tests/support/site_layout.py`` says how wide code and tables are shown,
from the theme's CSS): no code line and no table is wider than the page,
the copy button of a console session copies its commands only, and the
header names the version the site documents.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import matplotlib
import pytest
from matplotlib.font_manager import get_font
from matplotlib.ft2font import LoadFlags

import servicecharter
from tests.support import console
from tests.support import site_layout as layout
from tests.support.paths import DOCS, ROOT

_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
PAGES = sorted(
    p.relative_to(DOCS).as_posix()
    for p in DOCS.rglob("*.md")
    if not p.relative_to(DOCS).as_posix().startswith("_")  # not on the site
)


@cache
def _advance(char: str, bold: bool) -> float:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    font = get_font(str(_FONTS / name))
    font.set_size(1000, 72)  # 1000 px to the em
    glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536 / 1000


def measure(text: str, bold: bool) -> float:
    """The width of ``text`` in DejaVu Sans, in em."""
    return sum(_advance(char, bold) for char in text)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def built(site: Path, page: str) -> str:
    name = page.removesuffix(".md")
    target = (
        "index.html" if name == "index" else f"{name.removesuffix('/index')}/index.html"
    )
    return (site / target).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_code_and_tables_fit_the_page(site: Path, page: str) -> None:
    problems = layout.check_page(built(site, page), measure)
    assert not problems, f"docs/{page}:\n" + "\n".join(problems)


def test_console_sessions_copy_their_commands_only(site: Path) -> None:
    sessions = 0
    for page in PAGES:
        tree = layout.parse(built(site, page))
        for code in layout.find(tree, lambda n: n.tag == "code" and _prompted(n)):
            sessions += 1
            commands = console.commands(html.unescape(code.text()), 1)
            expected = "\n".join(c.command for c in commands)
            assert _copied(code) == expected, page
    assert sessions >= 10


def _prompted(node: layout.Node) -> bool:
    return any(
        isinstance(c, layout.Node) and "gp" in c.classes and c.text() == "$ "
        for c in node.children
    )


def _copied(code: layout.Node) -> str:
    """What the copy button copies: the text without prompts and output.

    ``extra.css`` hides ``.gp`` and ``.go`` while copying; the copy is the
    remaining text, blank lines and trailing space left out.
    """
    parts = []
    for child in code.children:
        if isinstance(child, str):
            parts.append(html.unescape(child))
        elif not child.classes & {"gp", "go"}:
            parts.append(child.text())
    lines = "".join(parts).split("\n")
    return "\n".join(line.rstrip() for line in lines if line.strip())


def test_the_css_the_layout_assumes_is_in_effect(site: Path) -> None:
    css = (DOCS / "css" / "extra.css").read_text(encoding="utf-8")
    for rule in (
        ".md-typeset table:not([class]) code {\n  word-break: normal;",
        ".md-typeset .wide code {\n  font-size: .68em;",
        ".md-typeset .doc-contents pre > code {\n  white-space: pre-wrap;",
        ".highlight code[data-md-copying] .go {\n  display: none;",
    ):
        assert rule in css, rule
    assert 'href="../css/extra.css"' in built(site, "tutorial.md")
    theme = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    text = theme.read_text(encoding="utf-8")
    missing = [rule for rule in layout.THEME_RULES if rule not in text]
    assert not missing, f"the theme changed; update site_layout.py: {missing}"


def test_header_names_the_version(site: Path) -> None:
    version = servicecharter.__version__
    page = built(site, "index.md")
    expected = f"servicecharter {version}" + (
        " (unreleased)" if ".dev" in version else ""
    )
    assert f"<title>{expected}</title>" in page
    assert f'<span class="md-ellipsis">\n            {expected}' in page


def test_search_finds_the_faq_and_the_glossary(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["faq/#why-is-my-deadline-monday-0900-and-not-friday-1700"] == (
        "Why is my deadline Monday 09:00 and not Friday 17:00?"
    )
    glossary = next(d["text"] for d in index["docs"] if d["location"] == "glossary/")
    page = built(site, "glossary.md")
    terms = ("Engagement", "Objective", "Share", "Attainment", "Closed span")
    for term in (*terms, "Roll", "Search bound", "Cycle"):
        assert f"<dt>{term}</dt>" in page, term
        assert f" {term} " in glossary, term  # indexed for search


class TestLayout:
    """The width model itself, on pages made up for it."""

    PAGE = (
        '<div class="md-sidebar md-sidebar--secondary"></div>'
        '<article class="md-content__inner md-typeset">{}</article>'
    )

    def check(self, body: str) -> list[str]:
        return layout.check_page(self.PAGE.format(body), measure)

    def test_eighty_characters_fit_and_seventy_seven_beside_the_button(self) -> None:
        fits = (
            "<pre><code>"
            + "a" * 77
            + "\n"
            + "b" * 77
            + "\n"
            + "c" * 80
            + "</code></pre>"
        )
        assert self.check(fits) == []
        assert self.check("<pre><code>" + "a" * 78 + "</code></pre>")
        assert self.check("<pre><code>a\nb\n" + "c" * 81 + "</code></pre>")

    def test_lists_and_admonitions_narrow_and_shrink(self) -> None:
        line = "<pre><code>a\nb\n" + "c" * 79 + "</code></pre>"
        assert self.check(line) == []
        assert self.check(f"<ul><li>{line}</li></ul>")
        note = "<pre><code>a\nb\n" + "c" * 90 + "</code></pre>"
        assert self.check(f'<div class="admonition note">{note}</div>') == []

    def test_wide_and_wrapped_blocks(self) -> None:
        report = "<pre><code>a\nb\n" + "c" * 99 + "</code></pre>"
        assert self.check(report)
        assert self.check(f'<div class="wide highlight">{report}</div>') == []
        long = "<pre><code>" + "c" * 300 + "</code></pre>"
        assert self.check(f'<div class="wrap highlight">{long}</div>') == []

    def test_a_hidden_table_of_contents_widens_the_page(self) -> None:
        page = (
            '<div class="md-sidebar md-sidebar--secondary" hidden></div>'
            '<article class="md-typeset"><pre><code>a\nb\n' + "c" * 105
        ) + "</code></pre></article>"
        assert layout.check_page(page, measure) == []

    def test_tables(self) -> None:
        head = "".join(f"<th>h{k}</th>" for k in range(6))
        assert self.check(f"<table><tr>{head}</tr></table>") == []
        head7 = "".join(f"<th>h{k}</th>" for k in range(7))
        assert self.check(f"<table><tr>{head7}</tr></table>")  # 7 x 5rem
        code = "<code>" + "x" * 110 + "</code>"
        assert self.check(f"<table><tr><th>a</th></tr><tr><td>{code}</td></tr></table>")
        words = " ".join(["word"] * 200)
        assert (
            self.check(f"<table><tr><th>a</th></tr><tr><td>{words}</td></tr></table>")
            == []
        )
