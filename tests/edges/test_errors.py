"""The error hierarchy: one root, and each error also the built-in it means.

Every failure the library raises on purpose is a ``ServiceCharterError``
subclass that also is the matching built-in; the tests of each layer check
that its messages name the offending value and say how to fix it.
"""

from __future__ import annotations

import pytest

from servicecharter import (
    HorizonError,
    InvalidArgumentError,
    InvalidDurationError,
    InvalidHoursError,
    InvalidInstantError,
    NaiveDatetimeError,
    NoOpenTimeError,
    ServiceCharterError,
    UnknownCountryError,
    UnknownTimeZoneError,
)


class TestHierarchy:
    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (NaiveDatetimeError, ValueError),
            (UnknownTimeZoneError, ValueError),
            (UnknownCountryError, ValueError),
            (InvalidHoursError, ValueError),
            (NoOpenTimeError, ValueError),
            (HorizonError, ValueError),
            (InvalidArgumentError, ValueError),
            (InvalidDurationError, TypeError),
            (InvalidInstantError, TypeError),
        ],
    )
    def test_each_error_is_also_its_builtin(self, error: type, builtin: type) -> None:
        assert issubclass(error, ServiceCharterError)
        assert issubclass(error, builtin)
