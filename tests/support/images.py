"""Figures drawn reproducibly and compared with committed reference images.

A figure is drawn inside ``servicecharter.plot.reproducible()`` (matplotlib's
bundled DejaVu fonts, no hinting) and saved as PNG by the Agg renderer with
no software metadata, so the same code draws the same pixels. The
comparison is matplotlib's ``compare_images``: the root mean square of the
pixel differences, on a 0-255 scale, must stay within ``TOLERANCE``. That
absorbs anti-aliasing differences of another FreeType build, while a moved
line, a changed colour or a changed label fails: measured on these images, a
drawing shifted by one pixel scores 25 to 31, a title of one letter added 18.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from servicecharter.plot import METADATA, reproducible

__all__ = ["TOLERANCE", "compare", "draw"]

TOLERANCE = 2.0


def draw(build: Callable[[], Any], path: Path, dpi: float = 72) -> Path:
    """Draw the figure ``build`` returns and save it as PNG at ``path``."""
    with reproducible():
        figure = build()
        figure.savefig(path, dpi=dpi, metadata=METADATA)
    return path


def compare(expected: Path, actual: Path, tolerance: float = TOLERANCE) -> str | None:
    """None when the two images agree within ``tolerance``, else why not."""
    from matplotlib.testing.compare import compare_images

    assert expected.exists(), f"no reference image {expected}; run the make script"
    result: str | None = compare_images(str(expected), str(actual), tolerance)
    return result
