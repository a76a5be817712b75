"""Charters: channels, engagements with their objectives, obligations, texts.

``Charter`` gathers the calendars and the parts (``Channel``,
``Engagement``, ``Objective``, ``RecurringObligation``, ``DurationCap``,
``Commitment``, ``ClientDuty``, ``Revision``), validated as a whole.
"""

from __future__ import annotations

from .charter import Charter
from .lifecycle import Condition, Target
from .obligations import RecurringObligation
from .parts import (
    CHANNEL_KINDS,
    Channel,
    ChannelKind,
    ClientDuty,
    Commitment,
    DurationCap,
    Engagement,
    Objective,
    Revision,
)

__all__ = [
    "CHANNEL_KINDS",
    "Channel",
    "ChannelKind",
    "Charter",
    "ClientDuty",
    "Commitment",
    "Condition",
    "DurationCap",
    "Engagement",
    "Objective",
    "RecurringObligation",
    "Revision",
    "Target",
]
