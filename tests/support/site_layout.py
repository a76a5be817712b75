"""How wide the built documentation site shows code blocks and tables.

The site is read as a desktop browser at least 76.25em (1220 px) wide shows
it, with both sidebars: the theme (mkdocs-material, ``font: false``) sizes
everything in rem, so what fits at that width fits at every wider one, the
root font size growing with the window. The lengths below are the theme's
CSS rules, quoted beside each constant; ``THEME_RULES`` lists them so a test
fails when a theme upgrade changes one.

- The content column is the grid (61rem) less two sidebars (12.1rem each)
  and the article's margins (1.2rem beside a sidebar, 0.8rem where the page
  hides its table of contents): 34.4rem, or 46.9rem without the contents.
- Code is 0.85em of the text (0.68rem), in the system monospace font, whose
  glyphs are at most 0.6021em wide (DejaVu Sans Mono and Menlo; SF Mono is
  0.6, Consolas 0.55). A code block pads its text by 1.1765em on each side,
  so 80 characters fit on a line. The copy button sits over the right end of
  the first two lines and hides 1rem of them: 77 characters fit there.
- A table cell pads its text by 1.25em (table text is 0.64rem), a header
  cell is at least 5rem wide, and the table lays out its columns between
  their narrowest (longest word) and widest (one line) content, as browsers
  do. A table whose narrowest layout (each column as wide as its longest
  word) is wider than the page is cut behind a scroll bar. ``extra.css``
  keeps code in tables from breaking mid-word, so long code counts whole.
  Text is measured in DejaVu Sans, the widest of the fonts the theme's
  system font stack picks.

Lists, quotes, admonitions and definition lists narrow what they contain by
their margins and paddings; admonitions also use smaller text (0.64rem).
A block with the class ``wide`` (``docs/css/extra.css``) shows its code at
80 % of the usual size, for terminal output wider than 80 columns; the
lines of a block with the class ``wrap``, and of the API reference (whose
examples follow the source's 88 columns), wrap instead of hiding.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import attrs

# The theme's lengths, rem unless said otherwise.
GRID = 61.0  # .md-grid{max-width:61rem}
SIDEBAR = 12.1  # .md-sidebar{...width:12.1rem...}
MARGIN_BY_SIDEBAR = 1.2  # ...md-sidebar--primary:not([hidden])~...{margin-left:1.2rem}
MARGIN = 0.8  # .md-content__inner{...margin:0 .8rem 1.2rem}
TEXT = 0.8  # .md-typeset{font-size:.8rem...}
CODE = 0.85  # em: .md-typeset code{...font-size:.85em...}
CODE_PAD = (
    1.1764705882  # em of code: .md-typeset pre>code{padding:.77em 1.1764705882em}
)
MONO = 0.6021  # em: the advance of DejaVu Sans Mono and Menlo (1233/2048)
NAV_OFFSET = 0.25  # em of the block: .md-code__nav{...top:.25em;right:.25em...}
NAV_PAD = 0.2  # .md-code__nav{...padding:.2rem...}
BUTTON = 1.5  # em of the block: .md-code__button{...width:1.5em...}
TABLE_TEXT = 0.64  # .md-typeset table:not([class]){...font-size:.64rem...}
CELL_PAD = 1.25  # em: .md-typeset table:not([class]) td{padding:.9375em 1.25em...}
HEADER_MIN = 5.0  # .md-typeset table:not([class]) th{min-width:5rem...}
TABLE_BORDER = 0.05  # .md-typeset table:not([class]){...border:.05rem solid...}
INLINE_PAD = 0.2941176471  # em of code: .md-typeset code{padding:0 .2941176471em...}
LIST = 0.625  # em: [dir=ltr] .md-typeset ul{margin-left:.625em}
ITEM = 1.25  # em: [dir=ltr] .md-typeset ul li{margin-left:1.25em}
QUOTE = 0.6 + 0.2  # .md-typeset blockquote{padding-left:.6rem;border-left:.2rem...}
DD = 1.875  # em: .md-typeset dd{margin-left:1.875em}
NOTE_TEXT = 0.64  # .md-typeset .admonition,.md-typeset details{...font-size:.64rem...}
NOTE_SIDES = 2 * 0.6 + 2 * 0.075  # ...{...padding:0 .6rem...border:.075rem solid...}
WIDE = 0.8  # docs/css/extra.css: .md-typeset .wide code{font-size:.68em}
WRAPPED = frozenset({"wrap", "doc-contents"})  # extra.css wraps their code lines

THEME_RULES = (
    ".md-grid{max-width:61rem",
    "width:12.1rem",
    ".md-content__inner{padding-top:.6rem;margin:0 .8rem 1.2rem}",
    "~.md-content>.md-content__inner{margin-left:1.2rem}",
    ".md-typeset{font-size:.8rem",
    ".md-typeset code{padding:0 .2941176471em;font-size:.85em",
    ".md-typeset pre>code{display:block;padding:.7720588235em 1.1764705882em",
    ".md-code__nav{position:absolute;top:.25em;right:.25em",
    "padding:.2rem",
    ".md-code__button{display:block;width:1.5em",
    "font-size:.64rem",
    ".md-typeset table:not([class]) th{min-width:5rem;padding:.9375em 1.25em",
    ".md-typeset table:not([class]) td{padding:.9375em 1.25em",
    "[dir=ltr] .md-typeset ol li,[dir=ltr] .md-typeset ul li{margin-left:1.25em}",
    ".md-typeset blockquote{padding-left:.6rem;border-left:.2rem",
    ".md-typeset .admonition,.md-typeset details{display:flow-root;padding:0 .6rem",
)

Measure = Callable[[str, bool], float]
"""The width of a text in em of its font, bold or not."""


@attrs.frozen
class Node:
    """An element of the page: its tag, attributes and children."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = attrs.field(factory=list)

    @property
    def classes(self) -> set[str]:
        """The element's classes."""
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """All the text inside, tags removed."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(
        self, tag: str, attributes: list[tuple[str, str | None]]
    ) -> None:
        node = Node(tag, {k: v or "" for k, v in attributes})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(text: str) -> Node:
    """The page as a tree of nodes."""
    tree = _Tree()
    tree.feed(text)
    tree.close()
    return tree.root


def find(node: Node, test: Callable[[Node], bool]) -> Iterator[Node]:
    """Every element under ``node`` (itself included) that passes ``test``."""
    if test(node):
        yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from find(child, test)


@attrs.frozen
class Box:
    """Where an element sits: the width it may fill and its font size (rem)."""

    width: float
    font: float
    wide: bool = False
    wrap: bool = False


def content_width(page: Node) -> float:
    """The article's width: less when the page shows its table of contents."""
    toc = next(
        find(page, lambda n: "md-sidebar--secondary" in n.classes),
        None,
    )
    shown = toc is not None and "hidden" not in toc.attrs
    right = MARGIN_BY_SIDEBAR if shown else MARGIN
    return GRID - SIDEBAR * (2 if shown else 1) - MARGIN_BY_SIDEBAR - right


def _inner(node: Node, box: Box) -> Box:
    classes, tag = node.classes, node.tag
    width, font = box.width, box.font
    if tag in ("ul", "ol"):
        width -= LIST * font
    elif tag == "li":
        width -= ITEM * font
    elif tag == "blockquote":
        width -= QUOTE
    elif tag == "dd":
        width -= DD * font
    elif tag == "details" or "admonition" in classes:
        width, font = width - NOTE_SIDES, NOTE_TEXT
    return Box(
        width,
        font,
        box.wide or "wide" in classes,
        box.wrap or bool(classes & WRAPPED),
    )


def code_limits(box: Box) -> tuple[int, int]:
    """How many characters fit on a line of a code block, and beside the button."""
    code = box.font * CODE * (WIDE if box.wide else 1.0)
    area = box.width - 2 * CODE_PAD * code
    char = MONO * code
    nav = (NAV_OFFSET + BUTTON) * box.font + 2 * NAV_PAD  # from the block's edge
    hidden = nav - CODE_PAD * code
    return math.floor(area / char + 1e-9), math.floor((area - hidden) / char + 1e-9)


def check_pre(pre: Node, box: Box, copy: bool = True) -> list[str]:
    """The lines of a code block wider than it shows."""
    if box.wrap:
        return []  # its long lines wrap: nothing is hidden
    limit, first = code_limits(box)
    lines = pre.text().removesuffix("\n").split("\n")
    problems = []
    for number, line in enumerate(lines, 1):
        allowed = first if copy and number <= 2 else limit
        if len(line) > allowed:
            problems.append(
                f"code line {number} is {len(line)} characters, {allowed} fit: {line}"
            )
    return problems


# -- tables -------------------------------------------------------------------


@attrs.frozen
class Run:
    """A piece of a cell's text and how it is set."""

    text: str
    code: bool
    bold: bool


def _runs(node: Node, code: bool = False, bold: bool = False) -> Iterator[Run]:
    for child in node.children:
        if isinstance(child, str):
            yield Run(html.unescape(child), code, bold)
        elif child.tag == "br":
            yield Run("\n", code, bold)
        else:
            yield from _runs(
                child,
                code or child.tag == "code",
                bold or child.tag in ("strong", "b", "th"),
            )


def _words(runs: list[Run]) -> list[list[Run]]:
    """The cell split where a line may break: at spaces and after hyphens."""
    words: list[list[Run]] = [[]]
    for run in runs:
        pieces = re.split(r"(\s+|(?<=[A-Za-z]-)(?=[A-Za-z]))", run.text)
        for k, piece in enumerate(pieces):
            if k % 2:  # a place to break: a space, or just after a hyphen
                words.append([])
            elif piece:
                words[-1].append(Run(piece, run.code, run.bold))
    return [w for w in words if w]


def measure_cell(node: Node, measure: Measure) -> tuple[float, float]:
    """The narrowest and widest a table cell can be, in rem, padding included.

    The narrowest holds its longest word (code included: ``extra.css`` keeps
    the theme from breaking code mid-word), the widest the whole cell on one
    line.
    """
    code_size = TABLE_TEXT * CODE
    bold = node.tag == "th"

    def width(runs: list[Run]) -> float:
        total = 0.0
        for i, run in enumerate(runs):
            if run.code:
                total += len(run.text) * MONO * code_size
                if i == 0 or not runs[i - 1].code:  # a code span starts
                    total += 2 * INLINE_PAD * code_size
            else:
                total += measure(run.text, run.bold or bold) * TABLE_TEXT
        return total

    runs = list(_runs(node))
    lines: list[list[Run]] = [[]]
    for run in runs:
        for k, part in enumerate(run.text.split("\n")):
            if k:
                lines.append([])
            lines[-1].append(Run(part, run.code, run.bold))
    pad = 2 * CELL_PAD * TABLE_TEXT
    least = max((width(word) for word in _words(runs)), default=0.0)
    return least + pad, max(width(line) for line in lines) + pad


def check_table(table: Node, box: Box, measure: Measure) -> list[str]:
    """Whether a table's narrowest layout is wider than the page shows."""
    rows = [
        [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]
        for row in find(table, lambda n: n.tag == "tr")
    ]
    least = [0.0] * max(len(r) for r in rows)
    for row in rows:
        for k, node in enumerate(row):
            narrowest, _ = measure_cell(node, measure)
            floor = HEADER_MIN if node.tag == "th" else 0.0
            least[k] = max(least[k], narrowest, floor)
    room = box.width - 2 * TABLE_BORDER
    if sum(least) <= room + 1e-9:
        return []
    head = " | ".join(c.text().strip() for c in rows[0])
    need = ", ".join(f"{w:.1f}" for w in least)
    return [
        f"table ({head}) needs {sum(least):.1f}rem ({need}), "
        f"the page shows {room:.1f}rem"
    ]


# -- pages --------------------------------------------------------------------


def _walk(node: Node, box: Box) -> Iterator[tuple[Node, Box]]:
    for child in node.children:
        if not isinstance(child, Node):
            continue
        if child.tag in ("pre", "table"):
            yield child, _inner(child, box)
            continue
        yield from _walk(child, _inner(child, box))


def check_page(text: str, measure: Measure) -> list[str]:
    """Every code line and table of a built page wider than the page shows."""
    page = parse(text)
    article = next(find(page, lambda n: n.tag == "article"), None)
    if article is None:
        return ["no article in the page"]
    start = Box(content_width(page), TEXT)
    problems = []
    for node, box in _walk(article, start):
        if node.tag == "pre":
            problems += check_pre(node, box)
        elif not node.classes:  # tables the theme styles: not highlight tables
            problems += check_table(node, box, measure)
    return problems
