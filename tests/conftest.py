"""Shared test configuration: hypothesis profiles.

Pick one with ``HYPOTHESIS_PROFILE=dev pytest``; CI uses ``ci``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", deadline=None, max_examples=100)
settings.register_profile("dev", deadline=None, max_examples=50)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
