"""Scale-out recipes: the vectorised core run inside dask and polars.

docs/how-to/scale-out.md calls servicecharter once per partition inside an
existing engine. These tests hold the recipes to their promises:

- dask ``map_partitions`` on the process scheduler (fresh ``spawn``ed
  workers that receive the charter by pickle) and on the thread scheduler
  gives exactly the single-machine results, tz-aware columns included;
- ``evaluate`` per partition: the request lines are the whole table's, the
  summed counts give the whole table's attainment, and percentiles
  gathered from the per-request ``used`` column are the summary's;
- polars ``map_batches`` on a LazyFrame, in memory and streaming (several
  batches on several threads), equals the direct call;
- calendars and charters pickle small and byte-identical before and after
  use: the compiled timeline is never in the pickle, and an unpickled copy
  compiles on first use, where it lands, with the same answers.

tests/calendar/test_horizon.py already checks that a calendar pickles small and
answers the same; this file adds charters, cloudpickle and workers.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Literal

import cloudpickle
import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pytest

from servicecharter import BusinessCalendar, Charter, evaluate, examples

NOW = pd.Timestamp("2027-06-20 12:00", tz="Europe/Paris")
COUNTS = ["requests", "met", "breached", "open", "overdue", "invalid"]
KEYS = ["engagement", "objective", "share"]
PARTITIONS = 7
# Measured with CPython 3.11: a calendar with French public holidays pickles
# to 722 bytes, the bundled technical-support charter to 10,655 (mostly its
# own texts). The bounds leave room for other Python versions, and stay far
# below a compiled timeline (about 200 KB per year compiled).
CALENDAR_PICKLE_BOUND = 1024
CHARTER_PICKLE_BOUND = 16 * 1024


def _compiled(calendar: BusinessCalendar) -> bool:
    """Whether the calendar holds a compiled timeline.

    There is no public accessor: the compiled state is the horizon's
    current timeline snapshot (None until the first query).
    """
    return calendar._horizon.current is not None


def _cached(charter: Charter) -> int:
    """How many compiled calendars the charter keeps (private cache)."""
    return len(charter._cache)


def _requests(n: int = 4000) -> pd.DataFrame:
    """Deterministic requests with tz-aware columns in two zones.

    Receipts every 97 minutes from October 2026 to June 2027 (two DST
    changes, Christmas, Easter Monday, a new year), on every engagement of
    the technical-support charter plus an unknown one; some unanswered,
    some with a missing receipt or a response before the receipt
    (invalid), and responses on a Montreal wall clock.
    """
    i = np.arange(n)
    received = pd.Series(
        pd.date_range(
            "2026-10-01 07:13", periods=n, freq="97min", tz="Europe/Paris", unit="us"
        )
    )
    k = (i * 7919) % 1000
    responded = received + pd.to_timedelta(k * k // 120, unit="min")
    responded = responded.where((i % 13 != 0) & (responded <= NOW))
    responded = responded.where(i % 101 != 5, received - pd.Timedelta(hours=1))
    received = received.where(i % 211 != 7)
    engagements = np.array(
        [
            "anomalies",
            "installation",
            "web-form",
            "callbacks",
            "specific-requests",
            "usage",
            "anomalies",
            "web-form",
            "nope",
        ]
    )
    return pd.DataFrame(
        {
            "id": i,
            "engagement": engagements[i % len(engagements)],
            "received_at": received,
            "responded_at": responded.dt.tz_convert("America/Montreal"),
        }
    )


@pytest.fixture(scope="module")
def requests() -> pd.DataFrame:
    return _requests()


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    """Two spawned worker processes, shared by the tests of this module.

    dask's process scheduler makes a pool per ``compute`` unless given one;
    sharing one pays the start-up of fresh interpreters once. ``spawn`` is
    dask's own default context: workers import everything afresh.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as executor:
        yield executor


def _compute(collection: Any, scheduler: str, pool: ProcessPoolExecutor) -> Any:
    if scheduler == "processes":
        return collection.compute(scheduler="processes", pool=pool)
    return collection.compute(scheduler=scheduler)


def _aware(values: np.ndarray, index: pd.Index) -> pd.Series:
    """UTC datetime64 results as a tz-aware Paris column."""
    utc = pd.Series(values, index=index).dt.tz_localize("UTC")
    return utc.dt.tz_convert("Europe/Paris")


# -- functions run on the workers (module level: pickled by reference) --------


def _deadlines(part: pd.DataFrame, charter: Charter) -> pd.DataFrame:
    """Calendar and charter arithmetic on one partition, as tz-aware columns."""
    calendar = charter.calendar()
    received, responded = part["received_at"], part["responded_at"]
    all_answers, same_day = charter.deadlines("web-form", received)
    return pd.DataFrame(
        {
            "id": part["id"],
            "add": _aware(calendar.add(received, dt.timedelta(hours=4)), part.index),
            "back": _aware(calendar.add(received, -dt.timedelta(hours=30)), part.index),
            "elapsed": pd.Series(calendar.elapsed(received, responded), part.index),
            "is_open": pd.Series(calendar.is_open(received), part.index),
            "web_form_0": _aware(all_answers, part.index),
            "web_form_1": _aware(same_day, part.index),
            "callback": _aware(charter.deadline("callbacks", received), part.index),
        },
        index=part.index,
    )


def _arrival(
    part: pd.DataFrame, charter: Charter, calendar: BusinessCalendar
) -> pd.DataFrame:
    """What a task received: its process, and the compiled state on arrival."""
    cached, compiled = _cached(charter), _compiled(calendar)
    charter_compiled = _compiled(charter.calendar())
    charter.deadline("anomalies", part["received_at"])
    calendar.add(part["received_at"], dt.timedelta(hours=4))
    return pd.DataFrame(
        {
            "pid": [os.getpid()],
            "cached": [cached],
            "compiled": [compiled or charter_compiled],
            "compiled_after": [_compiled(calendar) and _compiled(charter.calendar())],
            "charter_bytes": [len(pickle.dumps(charter))],
            "calendar_bytes": [len(pickle.dumps(calendar))],
        }
    )


def _summary_counts(part: pd.DataFrame, charter: Charter, now: Any) -> pd.DataFrame:
    summary = evaluate(charter, part, now=now).to_pandas("summary")
    return summary[[*KEYS, *COUNTS]]


def _lines(part: pd.DataFrame, charter: Charter, now: Any) -> pd.DataFrame:
    """The request lines; ``row`` counts from 0 in each partition: dropped."""
    return evaluate(charter, part, now=now).to_pandas().drop(columns="row")


# -- dask ------------------------------------------------------------------------


class TestDaskMapPartitions:
    @pytest.mark.parametrize("scheduler", ["processes", "threads"])
    def test_deadlines_equal_the_single_machine_call(
        self, requests: pd.DataFrame, pool: ProcessPoolExecutor, scheduler: str
    ) -> None:
        charter = examples.load("technical-support")
        expected = _deadlines(requests, charter)  # compiles the parent's copy
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        assert frame.npartitions == PARTITIONS
        meta = _deadlines(requests.head(0), charter)
        result = _compute(
            frame.map_partitions(_deadlines, charter, meta=meta), scheduler, pool
        )
        pd.testing.assert_frame_equal(result, expected)
        assert str(result["add"].dtype) == "datetime64[us, Europe/Paris]"
        assert result["add"].notna().sum() == requests["received_at"].notna().sum()

    def test_threads_share_one_uncompiled_charter(self, requests: pd.DataFrame) -> None:
        # All partitions race to compile the same fresh charter's calendar.
        charter = pickle.loads(pickle.dumps(examples.load("technical-support")))
        assert _cached(charter) == 0
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        meta = _deadlines(requests.head(0), examples.load("technical-support"))
        with dask.config.set(scheduler="threads", num_workers=4):
            result = frame.map_partitions(_deadlines, charter, meta=meta).compute()
        expected = _deadlines(requests, examples.load("technical-support"))
        pd.testing.assert_frame_equal(result, expected)

    def test_workers_receive_small_uncompiled_copies_in_fresh_processes(
        self, requests: pd.DataFrame, pool: ProcessPoolExecutor
    ) -> None:
        charter = examples.load("technical-support")
        calendar = BusinessCalendar(charter.calendars["default"])
        charter.deadline("anomalies", requests["received_at"])
        calendar.add(requests["received_at"], dt.timedelta(hours=4))
        assert _compiled(charter.calendar())
        assert _compiled(calendar)
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        meta = {
            "pid": "int64",
            "cached": "int64",
            "compiled": "bool",
            "compiled_after": "bool",
            "charter_bytes": "int64",
            "calendar_bytes": "int64",
        }
        arrivals = frame.map_partitions(_arrival, charter, calendar, meta=meta)
        seen = arrivals.compute(scheduler="processes", pool=pool)
        assert len(seen) == PARTITIONS
        assert os.getpid() not in set(seen["pid"])
        # Each task unpickles its own copy: nothing compiled, nothing cached...
        assert (seen["cached"] == 0).all()
        assert not seen["compiled"].any()
        # ...compiles on first use, and still pickles to the same bytes.
        assert seen["compiled_after"].all()
        assert (seen["charter_bytes"] == len(pickle.dumps(charter))).all()
        assert (seen["calendar_bytes"] == len(pickle.dumps(calendar))).all()


class TestEvaluatePerPartition:
    def test_summed_counts_give_the_whole_attainment(
        self, requests: pd.DataFrame, pool: ProcessPoolExecutor
    ) -> None:
        charter = examples.load("technical-support")
        whole = evaluate(charter, requests, now=NOW).to_pandas("summary")
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        empty = _summary_counts(requests.head(0), charter, NOW)
        assert (empty[COUNTS] == 0).all(axis=None)
        summed = frame.map_partitions(_summary_counts, charter, NOW, meta=empty)
        totals = (
            _compute(summed.groupby(KEYS).sum(), "processes", pool)
            .reindex(pd.MultiIndex.from_frame(empty[KEYS]))
            .reset_index()
        )
        assert totals[KEYS].equals(whole[KEYS])
        for name in COUNTS:
            assert totals[name].tolist() == whole[name].tolist(), name
        judged = totals["met"] + totals["breached"]
        attainment = totals["met"] / judged
        assert np.array_equal(attainment, whole["attainment"], equal_nan=True)
        reached = [
            None if j == 0 else bool(a >= s)
            for j, a, s in zip(judged, attainment, totals["share"], strict=True)
        ]
        assert reached == whole["reached"].tolist()
        # The data exercises every status and more than one judged objective.
        assert (totals[COUNTS].sum() > 0).all()
        assert (judged > 0).sum() >= 4

    def test_averaging_partition_attainments_is_not_the_attainment(
        self, requests: pd.DataFrame
    ) -> None:
        # Uneven partitions: the mean of the shares weighs them equally.
        charter = examples.load("technical-support")
        parts = [requests.iloc[:500], requests.iloc[500:]]
        shares = []
        for part in parts:
            summary = _summary_counts(part, charter, NOW).set_index(KEYS)
            met, breached = summary["met"].iloc[1], summary["breached"].iloc[1]
            shares.append(met / (met + breached))
        whole = evaluate(charter, requests, now=NOW).summary[1]
        assert whole["engagement"] == "anomalies"
        assert abs(float(np.mean(shares)) - whole["attainment"]) > 1e-3

    def test_request_lines_are_the_whole_tables(self, requests: pd.DataFrame) -> None:
        charter = examples.load("technical-support")
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        meta = _lines(requests.head(0), charter, NOW)
        with dask.config.set({"dataframe.convert-string": False}):
            parts = frame.map_partitions(_lines, charter, NOW, meta=meta)
            lines = parts.compute(scheduler="threads").reset_index(drop=True)
        whole = _lines(requests, charter, NOW)
        pd.testing.assert_frame_equal(lines, whole)
        assert set(whole["status"]) == {
            "met",
            "breached",
            "open",
            "overdue",
            "invalid",
            "unmeasured",
        }

    def test_percentiles_from_gathered_lines_are_the_summarys(
        self, requests: pd.DataFrame, pool: ProcessPoolExecutor
    ) -> None:
        charter = examples.load("technical-support")
        whole = evaluate(charter, requests, now=NOW).summary
        frame = dd.from_pandas(requests, npartitions=PARTITIONS)
        meta = _lines(requests.head(0), charter, NOW)
        lines = _compute(
            frame.map_partitions(_lines, charter, NOW, meta=meta), "processes", pool
        )
        answered = (lines["objective"] == 0) & lines["status"].isin(["met", "breached"])
        used = lines.loc[answered, ["engagement", "used"]]
        checked = 0
        for line in whole:
            values = used.loc[used["engagement"] == line["engagement"], "used"]
            if values.empty:
                assert line["p50"] is None
                continue
            us = np.percentile(values.to_numpy().view("int64"), [50, 90, 95])
            got = [dt.timedelta(microseconds=round(v)) for v in us]
            assert got == [line["p50"], line["p90"], line["p95"]], line["engagement"]
            checked += 1
        assert checked >= 4


# -- polars -------------------------------------------------------------------------


class TestPolarsMapBatches:
    @pytest.mark.parametrize("engine", ["in-memory", "streaming"])
    def test_map_batches_on_a_lazy_frame_equals_the_direct_call(
        self, requests: pd.DataFrame, engine: Literal["in-memory", "streaming"]
    ) -> None:
        charter = pickle.loads(pickle.dumps(examples.load("technical-support")))
        calendar = charter.calendar()
        calls: list[tuple[int, int]] = []

        def deadlines(received: pl.Series) -> pl.Series:
            calls.append((len(received), threading.get_ident()))
            due = calendar.add(received, dt.timedelta(hours=4))
            return pl.Series(received.name, due).dt.replace_time_zone("UTC")

        def web_form(received: pl.Series) -> pl.Series:
            due = charter.deadline("web-form", received)
            return pl.Series(received.name, due).dt.replace_time_zone("UTC")

        utc = pl.Datetime("us", "UTC")
        lazy = pl.from_pandas(requests).lazy()
        query = lazy.with_columns(
            add=pl.col("received_at")
            .map_batches(deadlines, return_dtype=utc, is_elementwise=True)
            .dt.convert_time_zone("Europe/Paris"),
            web_form=pl.col("received_at").map_batches(
                web_form, return_dtype=utc, is_elementwise=True
            ),
        )
        with pl.Config(streaming_chunk_size=512):
            out = query.collect(engine=engine)

        assert out["received_at"].dtype == pl.Datetime("us", "Europe/Paris")
        assert out["add"].dtype == pl.Datetime("us", "Europe/Paris")
        expected_add = calendar.add(requests["received_at"], dt.timedelta(hours=4))
        expected_web = charter.deadline("web-form", requests["received_at"])
        got_add = out["add"].dt.convert_time_zone("UTC").dt.replace_time_zone(None)
        got_web = out["web_form"].dt.replace_time_zone(None)
        assert np.array_equal(got_add.to_numpy(), expected_add, equal_nan=True)
        assert np.array_equal(got_web.to_numpy(), expected_web, equal_nan=True)
        assert got_add.null_count() == requests["received_at"].isna().sum() > 0
        assert sum(size for size, _ in calls) == len(requests)
        if engine == "streaming":
            assert len(calls) > 1  # batches, as they stream

    def test_eager_series_in_with_columns(self, requests: pd.DataFrame) -> None:
        calendar = examples.load("technical-support").calendar()
        eager = pl.from_pandas(requests)
        due = calendar.add(eager["received_at"], dt.timedelta(hours=4))
        eager = eager.with_columns(pl.Series("due", due).dt.replace_time_zone("UTC"))
        expected = calendar.add(requests["received_at"], dt.timedelta(hours=4))
        got = eager["due"].dt.replace_time_zone(None).to_numpy()
        assert np.array_equal(got, expected, equal_nan=True)


# -- what travels to the workers ----------------------------------------------------


class TestPickleForWorkers:
    def test_calendar_pickles_small_and_identical_after_use(self) -> None:
        calendar = examples.load("technical-support").calendar()
        fresh = pickle.dumps(calendar)
        assert not _compiled(calendar)
        many = np.datetime64("2016-01-01", "us") + np.arange(100_000).astype(
            "timedelta64[h]"
        )
        calendar.add(many, np.timedelta64(4, "h"))  # compiles over a decade
        calendar.next_open(dt.datetime(2090, 1, 1, tzinfo=dt.UTC))  # and far off
        assert _compiled(calendar)
        assert pickle.dumps(calendar) == fresh
        assert len(fresh) < CALENDAR_PICKLE_BOUND, len(fresh)
        assert len(cloudpickle.dumps(calendar)) < CALENDAR_PICKLE_BOUND

    def test_unpickled_calendar_compiles_on_first_use(self) -> None:
        calendar = examples.load("technical-support").calendar()
        received = _requests(500)["received_at"]
        expected = calendar.add(received, dt.timedelta(hours=4))
        for dumps in (pickle.dumps, cloudpickle.dumps):
            clone = pickle.loads(dumps(calendar))
            assert clone == calendar
            assert hash(clone) == hash(calendar)
            assert not _compiled(clone)
            assert clone.tz == calendar.tz
            assert not _compiled(clone)  # reading the model compiles nothing
            got = clone.add(received, dt.timedelta(hours=4))
            assert _compiled(clone)
            assert np.array_equal(got, expected, equal_nan=True)

    def test_charter_pickles_small_and_identical_after_use(self) -> None:
        charter = examples.load("technical-support")
        fresh = pickle.dumps(charter)
        requests = _requests(600).assign(
            tz=lambda frame: frame["id"].map(
                lambda i: "Asia/Tokyo" if i % 5 == 0 else None
            )
        )
        evaluate(charter, requests, now=NOW)  # compiles, and caches a tz override
        charter.deadline("callbacks", requests["received_at"])
        assert _cached(charter) >= 2
        assert all(_compiled(calendar) for calendar in charter._cache.values())
        assert pickle.dumps(charter) == fresh
        assert len(fresh) < CHARTER_PICKLE_BOUND, len(fresh)
        assert len(cloudpickle.dumps(charter)) < CHARTER_PICKLE_BOUND
        # Most of it is the charter's texts; the calendar alone is tiny.
        assert len(pickle.dumps(charter.calendar_for("anomalies"))) < 1024

    def test_unpickled_charter_starts_empty_and_answers_the_same(self) -> None:
        charter = examples.load("technical-support")
        requests = _requests(600)
        expected = evaluate(charter, requests, now=NOW)
        clone = pickle.loads(cloudpickle.dumps(charter))
        assert clone == charter
        assert _cached(clone) == 0
        calendar = clone.calendar()
        assert not _compiled(calendar)
        got = evaluate(clone, requests, now=NOW)
        assert _compiled(calendar)
        for table in ("requests", "summary", "problems"):
            pd.testing.assert_frame_equal(
                got.to_pandas(table), expected.to_pandas(table)
            )
