"""Optional dependencies, imported when a feature first needs them.

The features that draw, read iCalendar files or speak Arrow and SQL use
packages the library does not require; ``optional`` imports one, or raises
``MissingDependencyError`` naming the extra that installs it.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .._errors import MissingDependencyError

__all__ = ["optional"]


def optional(module: str, extra: str) -> ModuleType:
    """The module ``module``, or an error saying ``pip install 'servicecharter[extra]'``.

    >>> optional("json", "none").__name__
    'json'
    >>> optional("no_such_module_here", "plot")
    Traceback (most recent call last):
    ...
    servicecharter.MissingDependencyError: this feature needs no_such_module_here, which is not installed: pip install 'servicecharter[plot]'
    """  # noqa: E501 (doctest output is one line)
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"this feature needs {module.partition('.')[0]}, which is not installed: "
            f"pip install 'servicecharter[{extra}]'"
        ) from None
