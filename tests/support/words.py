"""What the rendering tests share: French typography, hours read in Paris."""

from __future__ import annotations

from typing import Any

from servicecharter import OpeningHours


def fr(text: str) -> str:
    """French typography: a non-breaking space before ':' and '%'."""
    return text.replace(" :", "\u00a0:").replace(" %", "\u00a0%")


def hours(text: str, **kwargs: Any) -> OpeningHours:
    """Opening hours written in the notation, in Paris."""
    return OpeningHours.parse(text, tz="Europe/Paris", **kwargs)
