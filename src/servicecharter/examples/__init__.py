"""Example charters, bundled with the library: five published charters as files.

Each is a TOML charter file shipped in this package, modelled on a real French
or Belgian charter (with generic names in place of the organisations'), and
``helpdesk``, a helpdesk's service levels over ticket histories (four
priorities; first reply, next reply, resolution with reopening, requester
wait; urgent tickets on a 24/7 calendar):

- ``technical-support``: a software publisher's technical support desk
  (business-hour deadlines, call-backs, a web form with an attainment target);
- ``home-services``: a home services company (a 24-hour call-back, the legal
  withdrawal period, end of month, yearly follow-ups);
- ``public-service``: a template client charter from Belgian federal guidance
  (its figures are typical values, stated as such);
- ``digital-best-practices``: a code of good practice of digital providers;
- ``digital-quality``: a quality charter of digital professionals.

>>> import datetime as dt
>>> from zoneinfo import ZoneInfo
>>> from servicecharter import examples
>>> names()
['digital-best-practices', 'digital-quality', 'helpdesk', 'home-services', 'public-service', 'technical-support']
>>> charter = load("technical-support")
>>> call = dt.datetime(2026, 3, 27, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))
>>> charter.deadline("anomalies", call).isoformat()
'2026-03-30T14:30:00+02:00'
>>> load("support")
Traceback (most recent call last):
...
servicecharter.UnknownExampleError: unknown example 'support'; known: 'digital-best-practices', ...
"""  # noqa: E501 (doctest output is one line)

from __future__ import annotations

from importlib import resources

from .._errors import UnknownExampleError
from ..charter import Charter
from ..io import loads

__all__ = ["load", "names", "text"]

_SUFFIX = ".toml"


def names() -> list[str]:
    """The names of the bundled example charters, sorted."""
    files = resources.files(__name__).iterdir()
    return sorted(
        f.name.removesuffix(_SUFFIX)
        for f in files
        if f.is_file() and f.name.endswith(_SUFFIX)
    )


def text(name: str) -> str:
    """The TOML text of the example charter ``name``, comments included.

    Raises ``UnknownExampleError`` (a ``KeyError``) for a name not in
    ``names()``.
    """
    known = names()
    if name not in known:
        raise UnknownExampleError(name, tuple(known))
    return (resources.files(__name__) / f"{name}{_SUFFIX}").read_text(encoding="utf-8")


def load(name: str) -> Charter:
    """The example charter ``name`` (see ``names()``), read from its file.

    Raises ``UnknownExampleError`` (a ``KeyError``) for a name not in
    ``names()``.
    """
    return loads(text(name))
