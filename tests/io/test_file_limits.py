"""Charter files at their limits: size, encoding, depth, surrogates, huge numbers.

Each of these once escaped as a foreign error or ran out of memory:
``load("/dev/zero")``, 20 KB of dotted TOML keys (416 MB), Latin-1, UTF-16
or binary files (``UnicodeDecodeError``), a byte-order mark ("Invalid
statement"), a lone surrogate from JSON (``dump`` then failed), a
400-digit share (``OverflowError``), rules nested 250 deep (loaded, but
neither written nor pickled) or 400 deep (``RecursionError``). Each is now
an ``InvalidCharterError`` naming the path in the file, or is read.
"""

from __future__ import annotations

import json
import pickle
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

from servicecharter import (
    Charter,
    EarliestOf,
    InvalidArgumentError,
    InvalidCharterError,
    InvalidRuleError,
    Objective,
    dump,
    dumps,
    load,
    loads,
    parse_rule,
)
from servicecharter.io.file_limits import MAX_BYTES
from tests.support.charter_files import HEAD, RICH

CALENDAR = '[calendars.default]\nhours = "24/7"\n'


def engagement(objective: str) -> str:
    return f'[[engagements]]\nid = "a"\ntitle = "A"\nobjectives = [{objective}]\n'


class TestSize:
    def test_the_suffix_is_checked_before_reading(self) -> None:
        with pytest.raises(InvalidArgumentError, match=r"name it \.toml or \.json"):
            load("/dev/zero")

    def test_an_endless_file_is_read_up_to_the_bound(self, tmp_path: Path) -> None:
        zero = tmp_path / "zero.toml"
        zero.symlink_to("/dev/zero")
        with pytest.raises(InvalidCharterError, match="over 16 MiB"):
            load(zero)

    def test_a_text_over_the_bound(self) -> None:
        with pytest.raises(InvalidCharterError, match="over 16 MiB"):
            loads(HEAD + "#" * MAX_BYTES)

    @pytest.mark.parametrize("path", [None, 5, b"x.toml"])
    def test_not_a_path(self, path: object) -> None:
        with pytest.raises(InvalidArgumentError, match="expected the path"):
            load(path)  # type: ignore[arg-type]


class TestDottedKeys:
    def test_20_kb_of_dotted_keys_cost_no_memory(self) -> None:
        text = HEAD + ".".join(["a"] * 10_000) + " = 1\n"
        tracemalloc.start()
        try:
            with pytest.raises(InvalidCharterError) as info:
                loads(text)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert "10000 dotted parts" in str(info.value)
        assert peak < 20 * 2**20  # the TOML reader took 416 MB

    @pytest.mark.parametrize("key", ['"a" . "b"', "'a'.'b'", "a . b"])
    def test_quoted_and_spaced_parts_count(self, key: str) -> None:
        text = HEAD + " . ".join([key] * 20) + " = 1\n"
        with pytest.raises(InvalidCharterError, match="dotted parts"):
            loads(text)

    def test_the_keys_of_a_rich_file_are_fine(self) -> None:
        assert loads(RICH).id == "example-support"


class TestEncodings:
    @pytest.mark.parametrize(
        ("data", "needle"),
        [
            (
                HEAD.replace('"X"', '"Café"').encode("latin-1"),
                "not UTF-8 text: byte 0xe9",
            ),
            (HEAD.encode("utf-16"), "UTF-16 text; save it as UTF-8"),
            (HEAD.encode("utf-32"), "UTF-32 text; save it as UTF-8"),
            (bytes(range(256)), "not UTF-8 text"),
        ],
    )
    def test_not_utf8(self, tmp_path: Path, data: bytes, needle: str) -> None:
        path = tmp_path / "charter.toml"
        path.write_bytes(data)
        with pytest.raises(InvalidCharterError) as info:
            load(path)
        assert needle in str(info.value)

    @pytest.mark.parametrize("suffix", [".toml", ".json"])
    def test_a_byte_order_mark_is_skipped(self, tmp_path: Path, suffix: str) -> None:
        text = (
            HEAD
            if suffix == ".toml"
            else json.dumps({"id": "x", "title": "X", "tz": "Europe/Paris"})
        )
        path = tmp_path / f"charter{suffix}"
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert load(path).id == "x"
        assert loads("\ufeff" + text, suffix[1:]).id == "x"  # type: ignore[arg-type]


class TestSurrogates:
    def test_from_json_is_refused_with_its_path(self) -> None:
        text = json.dumps(
            {
                "id": "x",
                "title": "X",
                "tz": "Europe/Paris",
                "channels": [{"id": "p", "kind": "phone", "text": "a\ud800b"}],
            }
        )
        with pytest.raises(InvalidCharterError) as info:
            loads(text, "json")
        assert info.value.path == "channels[0].text"
        assert "lone surrogate" in str(info.value)

    def test_in_the_model_it_is_refused_before_any_dump(self) -> None:
        with pytest.raises(InvalidCharterError) as info:
            Charter(id="x", title="\udc80", tz="Europe/Paris")
        assert info.value.path == "title"

    def test_a_key_with_a_surrogate(self) -> None:
        text = '{"id": "x", "title": "X", "tz": "Europe/Paris", "\\ud800": 1}'
        with pytest.raises(InvalidCharterError, match="lone surrogate"):
            loads(text, "json")


class TestZones:
    def test_an_uncached_zone_round_trips(self, tmp_path: Path) -> None:
        charter = loads(HEAD + CALENDAR)
        other = attrs.evolve(charter, tz=ZoneInfo.no_cache("Europe/Paris"))
        assert loads(dumps(other)) == other
        assert loads(dumps(other, "json"), "json") == other
        dump(other, tmp_path / "c.toml")
        assert load(tmp_path / "c.toml") == other


class TestNumbers:
    @pytest.mark.parametrize("share", ["9" * 400, "-" + "9" * 400, "inf", "nan"])
    def test_a_share_too_big_for_a_float(self, share: str) -> None:
        text = (
            HEAD
            + CALENDAR
            + engagement(f'{{within = "4 business hours", share = {share}}}')
        )
        with pytest.raises(InvalidCharterError) as info:
            loads(text)
        assert info.value.path == "engagements[0].objectives[0].share"

    def test_in_the_model(self) -> None:
        with pytest.raises(InvalidCharterError) as info:
            Objective("4 business hours", share=10**400)
        assert info.value.path == "share"


def nested_words(depth: int) -> str:
    rule = "4 business hours"
    for _ in range(depth):
        rule = f"earliest of ({rule}; 1 business hour)"
    return rule


class TestNesting:
    def test_twenty_deep_is_read_written_and_pickled(self) -> None:
        rule = parse_rule(nested_words(20))
        charter = loads(HEAD + CALENDAR + engagement(json.dumps(str(rule))))
        assert loads(dumps(charter)) == charter
        assert pickle.loads(pickle.dumps(charter)) == charter

    @pytest.mark.parametrize("depth", [21, 250, 400, 1000])
    def test_deeper_words_are_refused(self, depth: int) -> None:
        with pytest.raises(InvalidRuleError, match="at most 20"):
            parse_rule(nested_words(depth))
        text = HEAD + CALENDAR + engagement(json.dumps(nested_words(depth)))
        with pytest.raises(InvalidCharterError) as info:
            loads(text)
        assert info.value.path == "engagements[0].objectives[0].within"

    @pytest.mark.parametrize("depth", [25, 300, 2000])
    def test_deep_tables_are_refused(self, depth: int) -> None:
        within = '"4 business hours"'
        open_, close = '{"kind": "earliest_of", "rules": [', ', "1 business hour"]}'
        text = (
            '{"id": "x", "title": "X", "tz": "Europe/Paris", '
            '"calendars": {"default": {"hours": "24/7"}}, "engagements": '
            '[{"id": "a", "title": "A", "objectives": [{"within": '
            + open_ * depth + within + close * depth + "}]}]}"
        )  # fmt: skip
        with pytest.raises(InvalidCharterError) as info:
            loads(text, "json")
        if depth < 400:  # deeper, the JSON reader itself says "too deeply"
            assert info.value.path.startswith("engagements[0].objectives[0].within")
        assert "deep" in str(info.value)

    def test_in_the_model(self) -> None:
        rule = parse_rule("4 business hours")
        for _ in range(20):
            rule = EarliestOf([rule, "1 business hour"])
        with pytest.raises(InvalidRuleError, match="more than 20 deep"):
            EarliestOf([rule, "1 business hour"])
