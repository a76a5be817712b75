"""Settings under which a figure draws the same on every run and every machine.

For figures that are committed (a documentation site, reference images):
matplotlib's own DejaVu Sans rather than whatever fonts the machine has,
no hinting, a fixed ``svg.hashsalt`` so SVG ids do not change, and the
Agg renderer's defaults. Save with ``metadata=METADATA`` so that the file
carries no software version or date.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from .._core.optional import optional

__all__ = ["METADATA", "reproducible", "require_matplotlib"]

METADATA: dict[str, Any] = {"Software": None}
"""``savefig(..., metadata=METADATA)``: no matplotlib version in a PNG."""

_SETTINGS: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 10.0,
    "mathtext.fontset": "dejavusans",
    "text.hinting": "none",
    "text.antialiased": True,
    "axes.unicode_minus": False,
    "svg.hashsalt": "servicecharter",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "figure.dpi": 100.0,
    "savefig.dpi": "figure",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
}


def require_matplotlib() -> None:
    """Import matplotlib, or say how to install it (``MissingDependencyError``)."""
    optional("matplotlib", "plot")


def reproducible() -> AbstractContextManager[Any]:
    """A ``with`` block in which figures draw the same on every machine.

    >>> from servicecharter.plot import reproducible
    >>> with reproducible():
    ...     import matplotlib
    ...
    ...     matplotlib.rcParams["font.family"]
    ['DejaVu Sans']
    """
    require_matplotlib()
    import matplotlib as mpl

    return mpl.rc_context(_SETTINGS)  # type: ignore[arg-type]  # keys are valid
