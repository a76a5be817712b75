"""Compliance: requests evaluated against a charter, and obligations' status.

``evaluate`` gives an ``Evaluation`` (one line per request and objective,
a summary per objective, the ``Problem`` rows); ``obligations_status``
says where recurring obligations stand.
"""

from __future__ import annotations

from .compute import STATUSES
from .evaluation import Evaluation, Problem, evaluate
from .obligation_status import ObligationStatus, obligations_status

__all__ = [
    "STATUSES",
    "Evaluation",
    "ObligationStatus",
    "Problem",
    "evaluate",
    "obligations_status",
]
