"""The CSV reader of ``check``: wide headers, long fields, instants as fromisoformat.

A header of 100,000 columns took minutes (a count per column), a field over
131,072 characters stopped the whole check, and the whole-array path read
``2026-12-19Z``, which the command line's own arguments refuse. The
whole-array path must read every text as ``datetime.fromisoformat`` does,
in any zone: a law checked against that reference.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import InvalidArgumentError
from servicecharter.io.csv_requests import MAX_FIELD, parse_instants, read_requests

PARIS = ZoneInfo("Europe/Paris")
ZONES = ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"]


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


class TestWideFiles:
    def test_a_header_of_100000_columns(self, tmp_path: Path) -> None:
        names = [f"c{i}" for i in range(100_000)]
        path = write(
            tmp_path / "wide.csv",
            ["engagement", "received_at", *names],
            [["anomalies", "2026-03-27T10:00", *([""] * len(names))]],
        )
        requests = read_requests(path, PARIS)
        assert requests.rows == 1
        assert requests.problems == {}
        assert sorted(requests.columns) == ["engagement", "received_at"]

    def test_a_repeated_name_in_a_wide_header(self, tmp_path: Path) -> None:
        names = [f"c{i}" for i in range(50_000)]
        path = write(
            tmp_path / "wide.csv",
            ["engagement", "received_at", *names, "c7"],
            [],
        )
        with pytest.raises(InvalidArgumentError) as info:
            read_requests(path, PARIS)
        message = str(info.value)
        assert "column 'c7' appears more than once" in message
        assert "(50,003 columns)" in message
        assert len(message) < 500  # the names are not all listed


class TestLongFields:
    def test_a_long_field_in_a_column_not_read(self, tmp_path: Path) -> None:
        path = write(
            tmp_path / "notes.csv",
            ["engagement", "received_at", "note"],
            [
                ["anomalies", "2026-03-27T10:00", "x" * 200_000],
                ["anomalies", "2026-03-27T11:00", ""],
            ],
        )
        requests = read_requests(path, PARIS)
        assert requests.problems == {}
        assert requests.rows == 2

    @pytest.mark.parametrize("column", ["id", "engagement", "received_at"])
    def test_a_long_field_in_a_column_read_is_its_row(
        self, tmp_path: Path, column: str
    ) -> None:
        header = ["id", "engagement", "received_at"]
        rows = [
            ["a", "anomalies", "2026-03-27T10:00"],
            ["b", "anomalies", "2026-03-27T11:00"],
        ]
        rows[0][header.index(column)] = "7" * (MAX_FIELD + 1)
        requests = read_requests(write(tmp_path / "long.csv", header, rows), PARIS)
        assert list(requests.problems) == [0]
        (reason,) = requests.problems[0]
        assert reason.startswith(f"{column}: a field of 4,097 characters")
        assert np.isnat(requests.columns["received_at"][0])
        assert requests.columns["received_at"][1] == np.datetime64("2026-03-27T10:00")
        assert requests.columns["id"].dtype.itemsize <= 4 * MAX_FIELD

    def test_the_process_wide_limit_is_put_back(self, tmp_path: Path) -> None:
        before = csv.field_size_limit()
        path = write(tmp_path / "x.csv", ["engagement", "received_at"], [["a", ""]])
        read_requests(path, PARIS)
        assert csv.field_size_limit() == before


# -- instants: the whole-array path against fromisoformat --------------------

DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))


@st.composite
def iso_texts(draw: st.DrawFn) -> str:
    """ISO-8601-like texts, most of them readable, near DST changes often."""
    day = draw(DATES | st.sampled_from([dt.date(2026, 3, 29), dt.date(2026, 10, 25)]))
    text = day.isoformat()
    if draw(st.booleans()):
        text += draw(st.sampled_from(["T", " ", "t"]))
        text += f"{draw(st.integers(0, 24)):02d}"
        for _ in range(draw(st.integers(0, 2))):
            text += f":{draw(st.integers(0, 60)):02d}"
        if text.count(":") == 2 and draw(st.booleans()):
            text += "." + "".join(
                draw(st.lists(st.sampled_from("0123456789"), min_size=1, max_size=7))
            )
    suffix = draw(
        st.sampled_from(
            ["", "", "Z", "z", "+01:00", "-04:30", "+05:45", "+24:00", "+0100"]
        )
    )
    return text + suffix


def reference(text: str, tz: dt.tzinfo) -> np.datetime64 | None:
    """What fromisoformat says: the UTC instant, or None when it refuses."""
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=tz)
    utc = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return np.datetime64(utc, "us")


class TestInstants:
    @settings(max_examples=150, deadline=None)
    @given(
        texts=st.lists(iso_texts(), min_size=1, max_size=30),
        zone=st.sampled_from(ZONES),
    )
    def test_reads_as_fromisoformat(self, texts: list[str], zone: str) -> None:
        tz = ZoneInfo(zone)
        out, bad = parse_instants(texts, tz)
        for i, text in enumerate(texts):
            expected = reference(text, tz)
            if expected is None:
                assert i in bad, text
            else:
                assert i not in bad, text
                assert out[i] == expected, text

    @pytest.mark.parametrize(
        "text", ["2026-12-19Z", "2026-12-19T10:00z", "2026-12-19 10z"]
    )
    def test_texts_the_command_line_refuses(self, text: str) -> None:
        _, bad = parse_instants([text], PARIS)
        assert bad == {0: text}

    def test_a_date_with_a_time_and_z_still_reads(self) -> None:
        out, bad = parse_instants(["2026-12-19T10Z", "2026-12-19T10:00Z"], PARIS)
        assert bad == {}
        assert out.tolist() == [dt.datetime(2026, 12, 19, 10)] * 2
