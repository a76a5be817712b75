"""The plots against committed reference images, and their import cost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from servicecharter import BusinessCalendar, InvalidArgumentError, OpeningHours
from servicecharter.plot import Segment, plot_timeline, plot_week
from tests.plot.figures import FIGURES
from tests.plot.make_images import IMAGES
from tests.support.images import compare, draw
from tests.support.paths import SRC
from tests.support.zones import paris


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_matches_its_reference_image(name: str, tmp_path: Path) -> None:
    drawn = draw(FIGURES[name], tmp_path / f"{name}.png")
    problem = compare(IMAGES / f"{name}.png", drawn)
    assert problem is None, (
        f"{problem}\nredraw on purpose: python -m tests.plot.make_images"
    )


def test_every_reference_image_has_a_figure() -> None:
    assert sorted(p.stem for p in IMAGES.glob("*.png")) == sorted(FIGURES)


def test_importing_does_not_import_matplotlib() -> None:
    code = (
        "import sys, datetime as dt\n"
        "import servicecharter, servicecharter.plot\n"
        "from servicecharter.plot import plot_week, Segment\n"
        "assert 'matplotlib' not in sys.modules, 'imported on import'\n"
        "plot_week(servicecharter.OpeningHours.parse('Mo 09:00-17:00', tz='UTC'),"
        " dt.date(2026, 4, 6))\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot has global state'\n"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(SRC)}
    )


def test_without_matplotlib_the_error_says_what_to_install() -> None:
    code = (
        "import sys, datetime as dt\n"
        "sys.modules['matplotlib'] = None\n"
        "import servicecharter\n"
        "from servicecharter.plot import plot_week\n"
        "try:\n"
        "    plot_week(servicecharter.OpeningHours.parse('Mo 09:00-17:00', tz='UTC'),"
        " dt.date(2026, 4, 6))\n"
        "except servicecharter.MissingDependencyError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert "pip install 'servicecharter[plot]'" in done.stdout


class TestDrawing:
    def test_draws_into_axes_given(self) -> None:
        figure = Figure()
        left, right = figure.subplots(1, 2)
        hours = OpeningHours.parse("Mo-Fr 09:00-17:00", tz="Europe/Paris")
        assert plot_week(hours, dt.date(2026, 4, 6), ax=right) is figure
        assert right.get_title(loc="left").startswith("Week of Monday 6 April")
        assert not left.has_data()

    def test_a_running_segment_needs_now_or_a_deadline(self) -> None:
        cal = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz="UTC"))
        with pytest.raises(InvalidArgumentError, match="pass now="):
            plot_timeline(cal, Segment(paris(2026, 3, 27, 16), label="T1"))
        early = Segment(paris(2026, 3, 27, 16))
        with pytest.raises(InvalidArgumentError, match="before segment 0 starts"):
            plot_timeline(cal, early, now=paris(2026, 3, 27, 15))
        due = paris(2026, 3, 30, 10)
        figure = plot_timeline(cal, Segment(paris(2026, 3, 27, 16), deadline=due))
        lo, hi = figure.axes[0].get_xlim()
        assert lo < hi

    def test_arguments_are_checked(self) -> None:
        cal = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz="UTC"))
        with pytest.raises(InvalidArgumentError, match="a Segment or a list"):
            plot_timeline(cal, [paris(2026, 3, 27, 16)])
        with pytest.raises(InvalidArgumentError, match="a Segment or a list"):
            plot_timeline(cal, [])
        with pytest.raises(InvalidArgumentError, match="must be a BusinessCalendar"):
            plot_timeline(cal.hours, Segment(paris(2026, 3, 27, 16)))
