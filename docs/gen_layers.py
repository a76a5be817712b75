"""Write docs/img/layers.svg, the layer diagram, from the import contract.

The layers and their order come from the ``layers`` contract of
``[tool.importlinter]`` in pyproject.toml (the source of truth, checked by
``lint-imports`` in ``make test``); the modules listed in each box are the
package's own files. Run ``python docs/gen_layers.py`` after changing
either; a test fails when the committed drawing and this output differ.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "servicecharter"
TARGET = Path(__file__).with_name("img") / "layers.svg"

WIDTH = 940
GAP = 16
LINE_H = 17
CHAR_W = 6.4  # an 11.5 px glyph, on average
NAME_W = 9.4  # a 14.5 px bold glyph
TOP = 58
LEFT = 20
FONT = "system-ui, -apple-system, Segoe UI, sans-serif"
# Lowest layer darkest; edges lighter. Text stays white on every fill.
FILLS = ("#1a237e", "#283593", "#303f9f", "#3949ab", "#3f51b5", "#4a5cc0", "#5c6bc0")
EDGE_FILL = "#00695c"
# The layers of the library proper; the rows above them are the edges.
CORE = ("_errors", "_core", "hours", "calendar", "rules", "charter", "compliance")

# One line per layer: what it is for (the modules come from the tree).
ROLES = {
    "_errors": "one root of every error the library raises",
    "_core": "int64 microseconds, the vectorised timeline, zones, conversion",
    "hours": "the opening-hours model and the opening_hours notation",
    "calendar": "BusinessCalendar: scalar and whole-array business time",
    "rules": "deadline rules, whole-array, and their words",
    "charter": "charters, engagements, objectives, obligations",
    "compliance": "evaluate requests; where obligations stand",
    "_render": "render and explain: prose, one module per language",
    "io": "charter files, the JSON Schema, CSV requests",
    "sql": "SQL engines and databases",
    "frames": "pandas and polars namespaces",
    "testing": "assertions for test suites",
    "examples": "the bundled charters",
    "strategies": "hypothesis strategies",
    "plot": "pictures of calendars and compliance (matplotlib)",
    "cli": "the servicecharter command",
    "pytest_plugin": "fixtures for pytest",
}


def layers() -> list[list[str]]:
    """The layers of the contract, lowest first, each a list of siblings."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["type"] == "layers")
    rows = [
        [name.strip().removeprefix("servicecharter.") for name in layer.split("|")]
        for layer in contract["layers"]
    ]
    return rows[::-1]


def modules(name: str) -> list[str]:
    """The modules of a package (or the module itself), sorted."""
    folder = PACKAGE / name
    if not folder.is_dir():
        return [f"{name}.py"]
    names = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    packages = (p for p in folder.iterdir() if (p / "__init__.py").exists())
    return names + sorted(p.name + "/" for p in packages)


def _wrap(words: list[str], width: float) -> list[str]:
    """Words joined by ' · ' in lines that fit ``width`` pixels (an estimate)."""
    lines, line = [], ""
    for word in words:
        joined = f"{line} · {word}" if line else word
        if line and len(joined) * CHAR_W > width:
            lines.append(line)
            joined = word
        line = joined
    return [*lines, line]


def _text(x: float, y: float, size: float, text: str, weight: str = "400") -> str:
    return (
        f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" font-weight="{weight}" '
        f'fill="#fff">{escape(text)}</text>'
    )


def _box(
    x: float, y: float, size: tuple[float, float], name: str, fill: str
) -> list[str]:
    w, h = size
    rect = f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="6"'
    lines = [f'{rect} fill="{fill}"/>', _text(x + 12, y + 20, 14.5, name, "700")]
    lines.append(_text(x + 22 + NAME_W * len(name), y + 20, 12, ROLES.get(name, "")))
    for k, text in enumerate(_wrap(modules(name), w - 24)):
        lines.append(_text(x + 12, y + 40 + LINE_H * k, 11.5, text))
    return lines


def _row_boxes(row: list[str], y: float, fill: str) -> tuple[list[str], float]:
    """The boxes of one layer side by side, and the row's height."""
    width = (WIDTH - 2 * LEFT - GAP * (len(row) - 1)) / len(row)
    count = max(len(_wrap(modules(name), width - 24)) for name in row)
    height = 30 + LINE_H * count
    out: list[str] = []
    for j, name in enumerate(row):
        out += _box(LEFT + j * (width + GAP), y, (width, height), name, fill)
    return out, height


def render() -> str:
    """The SVG drawing, as the committed file holds it."""
    rows = layers()
    body: list[str] = []
    y = float(TOP)
    for level in range(len(rows) - 1, -1, -1):
        row = rows[level]
        core = all(name in CORE for name in row)
        fill = FILLS[min(level, len(FILLS) - 1)] if core else EDGE_FILL
        boxes, height = _row_boxes(row, y, fill)
        body += boxes
        if level:
            x = WIDTH - LEFT - 30
            body.append(
                f'<line x1="{x}" y1="{y + height:g}" x2="{x}" '
                f'y2="{y + height + GAP - 1:g}" stroke="#555" stroke-width="1.5" '
                'marker-end="url(#a)"/>'
            )
        y += height + GAP
    total = round(y + 4)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total}" '
        f'width="{WIDTH}" height="{total}" font-family="{FONT}">',
        "<title>servicecharter layers: each imports only the layers below it</title>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        '<text x="20" y="28" font-size="16" font-weight="600" fill="#222">'
        "Layers, top to bottom: each imports only those below it "
        "(pyproject.toml, [tool.importlinter])</text>",
        '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
        "</marker></defs>",
    ]
    return "\n".join([*head, *body, "</svg>"]) + "\n"


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
