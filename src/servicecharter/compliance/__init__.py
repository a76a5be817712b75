"""Compliance: requests evaluated against a charter, and obligations' status.

``evaluate`` gives an ``Evaluation`` (one line per request and objective,
a summary per objective, the ``Problem`` rows); ``obligations_status``
says where recurring obligations stand.
"""

from __future__ import annotations

from .compute import STATUSES
from .evaluation import Evaluation, NowIn, Problem, evaluate
from .events import EventsIn
from .input import RequestsIn, TableIn
from .obligation_status import ObligationStatus, obligations_status
from .pauses import PausesIn
from .report import summarize

__all__ = [
    "STATUSES",
    "Evaluation",
    "EventsIn",
    "NowIn",
    "ObligationStatus",
    "PausesIn",
    "Problem",
    "RequestsIn",
    "TableIn",
    "evaluate",
    "obligations_status",
    "summarize",
]
