"""The charters the tests share: the bundled technical-support example.

``PAUSABLE`` is the same charter with pauses allowed on two engagements
(anomalies and web-form), so that pauses have something to act on.
"""

from __future__ import annotations

import attrs

from servicecharter import examples

CHARTER = examples.load("technical-support")
PAUSABLE = attrs.evolve(
    CHARTER,
    engagements=[
        attrs.evolve(e, pausable=True) if e.id in ("anomalies", "web-form") else e
        for e in CHARTER.engagements
    ],
)
