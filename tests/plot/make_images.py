"""Redraw the reference images of the image tests: ``python -m tests.plot.make_images``.

Run from the repository root after changing a plot on purpose, look at the
new images, and commit them with the change.
"""

from __future__ import annotations

from pathlib import Path

from tests.plot.figures import FIGURES
from tests.support.images import draw

IMAGES = Path(__file__).with_name("images")


def main() -> None:
    """Draw every figure of ``FIGURES`` into ``IMAGES``."""
    IMAGES.mkdir(exist_ok=True)
    for name, build in FIGURES.items():
        print(draw(build, IMAGES / f"{name}.png"))


if __name__ == "__main__":
    main()
