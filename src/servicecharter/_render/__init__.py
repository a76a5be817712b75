"""The prose edge: a charter as a document, a request in words.

``render`` writes a charter as Markdown; ``explain`` says why a request is due
when it is.
"""

from __future__ import annotations

from .document import render
from .explanation import explain

__all__ = ["explain", "render"]
