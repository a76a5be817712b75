"""Every public entry point, given wrong-typed arguments, raises the library's errors.

The entry points are discovered from the public API (``tests.support.sweep``):
the package's ``__all__``, the public modules' ``__all__`` and the public
methods of public classes, so one added later is swept as well. Each is
called with odd values (None, numbers, texts, bytes, lists, dicts, a naive
datetime, a date, an array, a 31-digit int...) in each parameter, the others
valid. Only ``ServiceCharterError`` may come out (and, from the assertions
of ``testing``, an ``AssertionError``): before, 2,417 of 7,239 such calls
raised ``TypeError``, ``AttributeError``, ``ValueError``, ``OverflowError``
or ``RecursionError`` from 62 entry points.
"""

from __future__ import annotations

from collections import Counter

from tests.support import sweep


def test_discovery_reaches_the_whole_api() -> None:
    names = {entry.name for entry in sweep.entry_points()}
    for expected in (
        "OpeningHours",
        "HolidayDates",
        "CalendarPeriod",
        "OpeningHours.ranges_on",
        "evaluate",
        "Charter.calendar",
        "obligations_status",
        "testing.assert_met",
        "load",
        "BusinessCalendar.add",
        "CalendarKernel.add",
        "strategies.instants",
        "cli.main",
        "examples.load",
    ):
        assert expected in names, expected
    assert len(names) >= 120


def test_every_required_parameter_has_a_valid_value() -> None:
    # Without one, the entry point is only called with every argument odd;
    # name the parameter in tests.support.sweep so it is swept one by one.
    assert sweep.unknown_parameters() == []


def test_only_the_library_errors_come_out() -> None:
    tried, foreign = sweep.sweep()
    assert tried > 5000
    shown = [
        f"{o.entry}{o.call}: {type(o.error).__name__}: {str(o.error)[:100]}"
        for o in foreign[:40]
    ]
    counts = Counter(o.entry for o in foreign)
    assert not foreign, (
        f"{len(foreign)} of {tried} calls raised foreign errors "
        f"({dict(counts)}):\n" + "\n".join(shown)
    )
