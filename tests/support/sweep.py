"""Call every public entry point with wrong-typed arguments, and sort the outcomes.

The entry points are found, not listed: the names of ``servicecharter.__all__``
and of the ``__all__`` of each public module of the package (its
subpackages' facades, ``testing``, ``strategies``, ``examples``, ``cli``),
then the public methods of every public class, bound to a sample
instance. So an entry point added later is swept too, as long as its
parameters are named as the library names them (an unknown required
parameter is reported by ``unknown_parameters`` so the table grows).

Each entry point is called with each odd value of ``ODD`` in each parameter
in turn, the other parameters valid (their defaults, or ``valid_value``),
and with every required parameter odd at once. An outcome is *foreign*
when the call raises anything but the library's errors
(``ServiceCharterError``) or, for the assertions of ``testing``, an
``AssertionError``.

Run ``python -m tests.support.sweep`` from the checkout for the counts and
the foreign outcomes, grouped by entry point.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import inspect
import io
import pkgutil
import sqlite3
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

import servicecharter
from servicecharter import ServiceCharterError
from servicecharter.plot import Segment

PARIS = ZoneInfo("Europe/Paris")
_FOLDER = tempfile.TemporaryDirectory(prefix="servicecharter-sweep-")
AWARE = dt.datetime(2026, 3, 27, 10, tzinfo=PARIS)

#: Modules left out: a pytest plugin is called by pytest, not by a user.
SKIPPED_MODULES = ("pytest_plugin",)
#: Classes whose instances the library makes and users only read: their
#: fields are not checked, and their parameters need no valid value.
RESULTS = (
    "Evaluation",
    "ObligationStatus",
    "Problem",
    "CalendarKernel",
    "Curve",
    "DayPlan",
)


class _Odd:
    """An object of no type the library knows."""

    def __repr__(self) -> str:
        return "<odd object>"


#: Values of the wrong type (or form) for nearly any parameter.
ODD: tuple[Any, ...] = (
    None,
    7,
    -1,
    2.5,
    float("nan"),
    True,
    "odd text",
    "",
    b"bytes",
    [],
    [None],
    {},
    {"odd": object()},
    _Odd(),
    dt.datetime(2026, 3, 27, 10),  # naive
    dt.date(2026, 3, 27),
    dt.timedelta(hours=1),
    np.array(["odd"]),
    10**30,
)


def _samples() -> dict[str, Any]:
    """Valid values of the library's own types, built once."""
    charter = servicecharter.examples.load("technical-support")
    calendar = charter.calendar()
    requests = {
        "engagement": ["anomalies"],
        "received_at": np.array(["2026-03-27T08:00"], "datetime64[us]"),
    }
    evaluation = servicecharter.evaluate(
        charter, requests, now=dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    )
    return {
        "charter": charter,
        "calendar": calendar,
        "hours": charter.calendars["default"],
        "requests": requests,
        "evaluation": evaluation,
    }


SAMPLES = _samples()

# A valid value for a parameter, by its name and, where one name stands for
# several kinds, by a word of its annotation.
_BY_NAME: dict[str, Any] = {
    "charter": SAMPLES["charter"],
    "calendar_or_charter": SAMPLES["charter"],
    "hours": SAMPLES["hours"],
    "requests": SAMPLES["requests"],
    "evaluation": SAMPLES["evaluation"],
    "engagement_id": "anomalies",
    "engagement": "anomalies",
    "received": AWARE,
    "responded": AWARE + dt.timedelta(hours=1),
    "deadline": AWARE,
    "t": AWARE,
    "a": AWARE,
    "b": AWARE + dt.timedelta(hours=1),
    "d": dt.timedelta(hours=1),
    "duration": dt.timedelta(hours=1),
    "offset": dt.timedelta(hours=1),
    "search_bound": dt.timedelta(days=3653),
    "at": AWARE,
    "now": AWARE + dt.timedelta(days=5),
    "day": dt.date(2026, 3, 27),
    "begin": dt.date(2026, 3, 27),
    "today": dt.date(2026, 3, 1),
    "done": {},
    "n": 1,
    "id": "x",
    "title": "X",
    "text": "Mo-Fr 09:00-17:00",
    "name": "technical-support",
    "path": str(Path(_FOLDER.name) / "charter.toml"),  # never the checkout
    "data": {"id": "x", "title": "X", "tz": "Europe/Paris"},
    "tz": "Europe/Paris",
    "zone": "Europe/Paris",
    "weekly": {"Mo-Fr": "09:00-17:00"},
    "within": "4 business hours",
    "kind": "phone",
    "rrule": "FREQ=YEARLY",
    "rules": ["4 business hours", "end of day"],
    "country": "FR",
    "date": dt.date(2026, 12, 24),
    "ranges": "09:00-12:00",
    "month": 12,
    "months": [7, 8],
    "effective": dt.date(2027, 1, 1),
    "value": "4 business hours",
    "argv": ["examples"],
    "amount": 2,
    "unit": "days",
    "period": "month",
    "per": "session",
    "limit": "30 minutes",
    "business_days": 2,
    "version": "1",
    "summary": "first version",
    "condition": "x",
    "key": "x",
    "message": "x",
    "received_us": np.array([1_774_598_400_000_000]),  # 2026-03-27T08:00Z
    "days": 3,
    "after": dt.date(2021, 6, 1),
    "until": dt.date(2026, 1, 1),
    "first": dt.date(2026, 3, 27),
    "last": dt.date(2026, 4, 3),
    "first_year": 2026,
    "last_year": 2026,
    "week": ((), (), (), (), (), (), ()),
    "operation": "union",
    "operands": (SAMPLES["hours"], SAMPLES["hours"]),
    "time": "15:00",
    "rule": "4 business hours",
    "market": "XNYS",
    "segment": Segment(AWARE),
    "segments": Segment(AWARE),
    "stop": AWARE + dt.timedelta(hours=1),
    "request": "x",
    "dialect": "sqlite",
    "source": SAMPLES["evaluation"],
    "con": sqlite3.connect(":memory:"),
    "table": "sweep_lines",
}
_BY_ANNOTATION: dict[tuple[str, str], Any] = {
    ("days", "I64"): np.array([20539]),  # day numbers: 2026-03-27
    ("end", "I64"): np.array([20546]),
    ("end", "Any"): dt.date(2026, 4, 3),
    ("holidays", "Any"): [dt.date(2026, 5, 1)],
    ("start", "dt.date"): dt.date(2020, 1, 15),
    ("start", "dt.datetime"): AWARE,
    ("start", "object"): "09:00",
    ("end", "dt.date"): dt.date(2026, 4, 3),
    ("end", "dt.datetime"): AWARE + dt.timedelta(days=2),
    ("end", "object"): "12:00",
    ("calendar", "BusinessCalendar"): SAMPLES["calendar"],
    ("calendar", "str"): "default",
}


def valid_value(name: str, annotation: object) -> Any:
    """A valid argument for a parameter, or ``inspect.Parameter.empty``."""
    words = str(annotation)
    for (key, word), value in _BY_ANNOTATION.items():
        if key == name and word in words:
            return value
    return _BY_NAME.get(name, inspect.Parameter.empty)


@dataclass(frozen=True)
class EntryPoint:
    """A public callable and the name it is reached by."""

    name: str
    call: Callable[..., Any]
    asserts: bool = False  # an AssertionError is one of its outcomes


def _public_modules() -> list[Any]:
    modules = [servicecharter]
    for info in pkgutil.iter_modules(servicecharter.__path__):
        if not info.name.startswith("_") and info.name not in SKIPPED_MODULES:
            modules.append(importlib.import_module(f"servicecharter.{info.name}"))
    return modules


def _instance(cls: type) -> Any:
    """A valid instance of a public class, or None when none is at hand."""
    charter = SAMPLES["charter"]
    found = {
        "Charter": charter,
        "BusinessCalendar": SAMPLES["calendar"],
        "CalendarKernel": SAMPLES["calendar"].kernel,
        "OpeningHours": SAMPLES["hours"],
        "Evaluation": SAMPLES["evaluation"],
        "Engagement": charter.engagements[1],
        "Objective": charter.engagements[1].objectives[0],
        "Channel": charter.channels[0] if charter.channels else None,
        "RecurringObligation": charter.obligations[0] if charter.obligations else None,
    }.get(cls.__name__)
    if found is not None:
        return found
    if cls.__module__.startswith("servicecharter.rules"):
        return servicecharter.parse_rule("4 business hours")
    return None


def entry_points() -> list[EntryPoint]:
    """Every public function, class and public method of a public class."""
    seen: dict[str, EntryPoint] = {}
    classes: dict[str, type] = {}
    for module in _public_modules():
        short = module.__name__.removeprefix("servicecharter").lstrip(".")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name, None)
            if isinstance(value, type) and issubclass(value, BaseException):
                continue  # raised by the library, not called by users
            if not callable(value) or getattr(value, "__origin__", None) is not None:
                continue  # constants and type aliases
            label = f"{short}.{name}" if short else name
            qualname = getattr(value, "__qualname__", name)
            key = f"{getattr(value, '__module__', '')}.{qualname}"
            if key not in seen:
                seen[key] = EntryPoint(label, value, asserts=short == "testing")
            if isinstance(value, type):
                classes[value.__qualname__] = value
    for cls in classes.values():
        instance = _instance(cls)
        if instance is None:
            continue
        for name, member in inspect.getmembers(type(instance)):
            if name.startswith("_") or not callable(member):
                continue
            if isinstance(inspect.getattr_static(type(instance), name), property):
                continue
            key = f"{cls.__qualname__}.{name}"
            seen.setdefault(key, EntryPoint(key, getattr(instance, name)))
    return sorted(seen.values(), key=lambda e: e.name)


@dataclass(frozen=True)
class Outcome:
    entry: str
    call: str
    error: BaseException | None  # a foreign error, None when allowed


def _signature(call: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(call)
    except (TypeError, ValueError):
        return None


def calls(entry: EntryPoint) -> Iterator[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """The odd calls of one entry point: (description, args, kwargs)."""
    sig = _signature(entry.call)
    if sig is None:
        return
    params = [
        p
        for p in sig.parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    valid = {
        p.name: p.default
        if p.default is not p.empty
        else valid_value(p.name, p.annotation)
        for p in params
    }
    required = [p for p in params if p.default is p.empty]
    for odd in ODD:  # every required parameter odd at once
        if required:
            args, kwargs = _arrange(required, {p.name: odd for p in required})
            yield f"({', '.join(repr(odd) for _ in required)})", args, kwargs
    if any(valid[p.name] is inspect.Parameter.empty for p in params):
        return  # one odd parameter needs the others valid
    for param in params:
        for odd in ODD:
            values = {**valid, param.name: odd}
            chosen = [p for p in params if p.default is p.empty or p.name == param.name]
            args, kwargs = _arrange(chosen, values)
            yield f"({param.name}={odd!r})", args, kwargs


def _arrange(
    params: list[inspect.Parameter], values: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    args = tuple(values[p.name] for p in params if p.kind is p.POSITIONAL_ONLY)
    kwargs = {p.name: values[p.name] for p in params if p.kind is not p.POSITIONAL_ONLY}
    return args, kwargs


def unknown_parameters() -> list[str]:
    """Required parameters with no valid value in the table (their sweep is thin)."""
    out = []
    for entry in entry_points():
        if entry.name.rpartition(".")[2] in RESULTS:
            continue
        sig = _signature(entry.call)
        for p in sig.parameters.values() if sig else ():
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.default is not p.empty:
                continue
            if valid_value(p.name, p.annotation) is inspect.Parameter.empty:
                out.append(f"{entry.name}({p.name}: {p.annotation})")
    return out


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    """Nothing printed gets out (the command line's usage errors)."""
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        yield


def sweep() -> tuple[int, list[Outcome]]:
    """Run every odd call; the number run and the foreign outcomes.

    What the calls print (the command line's usage errors) is discarded.
    """
    tried = 0
    foreign: list[Outcome] = []
    for entry in entry_points():
        for text, args, kwargs in calls(entry):
            tried += 1
            with warnings.catch_warnings(), _silenced():
                warnings.simplefilter("ignore")  # judged by what is raised
                try:
                    result = entry.call(*args, **kwargs)
                    if inspect.isgenerator(result):
                        list(result)
                except ServiceCharterError:
                    continue
                except AssertionError:
                    if entry.asserts:
                        continue
                    foreign.append(Outcome(entry.name, text, AssertionError()))
                except Exception as error:
                    foreign.append(Outcome(entry.name, text, error))
    return tried, foreign


def main() -> None:
    tried, foreign = sweep()
    by_entry = Counter(o.entry for o in foreign)
    print(
        f"{len(foreign)} foreign exceptions out of {tried} calls tried, "
        f"in {len(by_entry)} of {len(entry_points())} entry points"
    )
    for entry, count in sorted(by_entry.items()):
        first = next(o for o in foreign if o.entry == entry)
        assert first.error is not None
        print(
            f"  {entry}: {count}, e.g. {first.call} -> "
            f"{type(first.error).__name__}: {str(first.error)[:80]}"
        )
    unknown = unknown_parameters()
    if unknown:
        print("parameters with no valid value (add them to the table):")
        for item in unknown:
            print(f"  {item}")


if __name__ == "__main__":
    main()
