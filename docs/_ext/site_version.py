"""An mkdocs hook: the site's header names the version it documents.

The version is read from ``src/servicecharter/__init__.py`` (the single
source), so the header cannot disagree with the package. A development
version says so: between releases the site documents unreleased changes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_INIT = Path(__file__).resolve().parents[2] / "src" / "servicecharter" / "__init__.py"
_VERSION = re.compile(r'^__version__ = "([^"]+)"$', re.M)


def title(name: str, version: str) -> str:
    """The site name with its version.

    >>> title("servicecharter", "0.1.0")
    'servicecharter 0.1.0'
    >>> title("servicecharter", "0.2.0.dev0")
    'servicecharter 0.2.0.dev0 (unreleased)'
    """
    shown = f"{name} {version}"
    return f"{shown} (unreleased)" if ".dev" in version else shown


def package_version(init: Path = _INIT) -> str:
    """The version ``__init__.py`` declares."""
    found = _VERSION.search(init.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"no __version__ line in {init}")
    return found.group(1)


def on_config(config: Any, **kwargs: Any) -> Any:
    """Put the version after the site name, in the header and page titles."""
    config["site_name"] = title(config["site_name"], package_version())
    return config
