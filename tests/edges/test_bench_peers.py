"""Smoke test of benchmarks/bench_peers.py: tiny sizes, no timing assertions."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from servicecharter import BusinessCalendar, OpeningHours

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PEERS = {
    "pandas": "pandas",
    "businesstime": "businesstime",
    "businesstimedelta": "businesstimedelta",
    "exchange_calendars": "exchange_calendars",
}


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    """The package behind bench_peers.py, imported as that script does."""
    with pytest.MonkeyPatch.context() as patch:
        # Run as a file, the script has its folder first on the path.
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module("peers")


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def test_tiny_run_writes_plot_table_and_json(bench, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    png, out = tmp_path / "peers.png", tmp_path / "report.json"
    argv = ["--sizes", "1000", "--budget", "5", "--repeat", "2"]
    argv += ["--plot", str(png), "--json", str(out)]
    assert bench.main(argv) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = capsys.readouterr().out
    for library, module in PEERS.items():
        if installed(module):
            assert f"| {library} " in text
    assert "| servicecharter " in text
    report = json.loads(out.read_text())
    runs = report["runs"]
    assert {r["workload"] for r in runs} >= {"add", "elapsed", "busday-offset"}
    for run in runs:
        assert [t["n"] for t in run["timings"]] in ([1000], [])
    # Every disagreement is classified; none is left unexplained.
    causes = [k["cause"] for c in report["checks"] for k in c["classes"]]
    assert "unexplained" not in causes
    # numpy agrees with our business-day arithmetic on every input.
    for check in report["checks"]:
        if check["library"] == "numpy":
            assert check["random_differ"] == check["edge_differ"] == 0
            assert check["edge_n"] > 0


def test_differing_counts_a_wrong_answer_and_matches_nat(bench):
    nat = bench.NAT
    ours = np.array([1, 2, nat, 4], dtype=np.int64)
    theirs = np.array([1, 3, nat, 4], dtype=np.int64)
    assert bench.differing(ours, theirs).tolist() == [1]
    assert bench.differing(ours, ours.copy()).tolist() == []
    with pytest.raises(ValueError, match="shapes differ"):
        bench.differing(ours, theirs[:2])


def test_classify_sorts_disagreements_into_causes(bench):
    data = bench.Data.of(np.arange(5, dtype=np.int64))
    ours = np.array([0, 10, 20, 30, 40], dtype=np.int64)
    theirs = np.array([0, 11, 20, 99, 41], dtype=np.int64)
    off_by_one = bench.Cause("off by one", lambda d, i, o, t: abs(o - t) == 1)
    classes = bench.classify(
        data,
        ours,
        theirs,
        causes=[off_by_one],
        describe=lambda d, i: f"#{i}",
        fmt=str,
        library="peer",
    )
    found = {c.cause: (c.count, c.examples) for c in classes}
    assert found == {
        "off by one": (
            2,
            ["#1: servicecharter 10, peer 11", "#4: servicecharter 40, peer 41"],
        ),
        "unexplained": (1, ["#3: servicecharter 30, peer 99"]),
    }


def test_known_causes_recognise_their_cases(bench):
    hour = bench.HOUR_US
    # Wed 2026-01-21 22:35 -> Thu 2026-01-22 21:58 (Paris, UTC+1): 8 h open.
    start = np.datetime64("2026-01-21T21:35", "us").astype(np.int64)
    end = np.datetime64("2026-01-22T20:58", "us").astype(np.int64)
    data = bench.Data.of(np.array([start]), np.array([end]))
    assert bench.after_close_to_next_day_close(data, 0, 8 * hour, 0)
    assert not bench.after_close_to_next_day_close(data, 0, 8 * hour, hour)
    assert not bench.sub_second(data, 0, 1, 0)
    assert bench.sub_second(bench.Data.of(np.array([start + 1])), 0, 1, 0)
    # Sat 2026-03-28 06:00 CET: the answers straddle the clock change of the 29th.
    sat = np.datetime64("2026-03-28T05:00", "us").astype(np.int64)
    wall_3am = np.datetime64("2026-03-29T03:00", "us").astype(np.int64)
    data = bench.Data.of(np.array([sat]))
    assert bench.crosses_clock_change(data, 0, wall_3am, wall_3am - hour)
    assert not bench.crosses_clock_change(data, 0, sat + 2 * hour, sat + hour)


def test_a_missing_peer_is_reported_not_fatal(bench, monkeypatch):
    def refuse(module):
        raise ImportError(module)

    adapter = importlib.import_module("peers.businesstime_hours")
    monkeypatch.setattr(adapter, "load", refuse)
    cal = BusinessCalendar(OpeningHours.parse("Mo-Fr 09:00-17:00", tz="UTC"))
    missing = adapter.businesstime_elapsed(cal)
    assert isinstance(missing, bench.Missing)
    assert missing.reason == "not installed"


def test_wall_clock_conversion_follows_paris_dst(bench):
    utc = np.array(
        ["2026-01-15T08:00", "2026-07-15T07:00", "NaT"], dtype="datetime64[us]"
    ).view(np.int64)
    wall = bench.wall_us(utc).view("datetime64[us]")
    assert wall[:2].astype("datetime64[m]").tolist() == [
        np.datetime64("2026-01-15T09:00").item(),
        np.datetime64("2026-07-15T09:00").item(),
    ]
    assert np.isnat(wall[2])


def test_budget_skips_a_size_whose_estimate_is_over_it(bench):
    took = bench.SizeTiming(1000, median=1.5, best=1.4, runs=1)
    assert bench.skip_reason(None, 1000, 5.0) == ""
    assert bench.skip_reason(took, 3000, 5.0) == ""  # 4.5 s estimated
    assert "estimated 15 s a run > budget 5 s for 1" in bench.skip_reason(
        took, 10_000, 5.0
    )
    # Every library runs the same number of times: the budget covers them all.
    assert "estimated 4 s a run > budget 5 s for 2" in bench.skip_reason(
        took, 3000, 5.0, 2
    )
    over = bench.SizeTiming(1000, median=6.0, best=6.0, runs=1)
    assert "took 6.0 s a run > budget" in bench.skip_reason(over, 1001, 5.0)
    skipped = bench.SizeTiming(10_000, status=bench.skip_reason(took, 10_000, 5.0))
    assert bench.skipped_words(skipped) == "skipped (est. 15 s a run)"
