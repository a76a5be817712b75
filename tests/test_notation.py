"""Tests for the opening_hours notation parser."""

from __future__ import annotations

import pickle
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicecharter._errors import InvalidHoursError, NotationError
from servicecharter._notation import WEEKDAYS, ParsedNotation, parse_notation

H = 3600
CLOSED: tuple[tuple[int, int], ...] = ()


def weekly(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    return parse_notation(text).weekly


def error(text: str) -> NotationError:
    with pytest.raises(NotationError) as info:
        parse_notation(text)
    return info.value


class TestSeed:
    def test_seed_text(self) -> None:
        parsed = parse_notation("Mo-Fr 09:00-12:00,14:00-17:00; PH off")
        day = ((9 * H, 12 * H), (14 * H, 17 * H))
        assert parsed == ParsedNotation((day,) * 5 + (CLOSED, CLOSED), ())


class TestWeekdays:
    @pytest.mark.parametrize(("index", "name"), list(enumerate(WEEKDAYS)))
    def test_single_day(self, index: int, name: str) -> None:
        expected = [CLOSED] * 7
        expected[index] = ((10 * H, 11 * H),)
        assert weekly(f"{name} 10:00-11:00") == tuple(expected)

    @pytest.mark.parametrize(
        ("selector", "days"),
        [
            ("Mo-Fr", {0, 1, 2, 3, 4}),
            ("Fr-Mo", {4, 5, 6, 0}),
            ("Su-Mo", {6, 0}),
            ("We-We", {2}),
            ("Mo,We,Fr", {0, 2, 4}),
            ("Mo-We,Fr", {0, 1, 2, 4}),
            ("Sa , Mo - Tu", {5, 0, 1}),
            ("Mo,Mo-Tu", {0, 1}),
        ],
    )
    def test_selectors(self, selector: str, days: set[int]) -> None:
        result = weekly(f"{selector} 10:00-11:00")
        open_days = {day for day, ranges in enumerate(result) if ranges}
        assert open_days == days

    def test_no_selector_means_every_day(self) -> None:
        parsed = parse_notation("10:00-18:00")
        assert parsed.weekly == (((10 * H, 18 * H),),) * 7
        assert parsed.holiday_hours is None

    def test_public_holiday_off(self) -> None:
        parsed = parse_notation("PH off")
        assert parsed.holiday_hours == ()
        assert parsed.weekly == (CLOSED,) * 7

    def test_public_holiday_hours(self) -> None:
        parsed = parse_notation("Mo-Fr 09:00-17:00; PH 10:00-12:00")
        assert parsed.holiday_hours == ((10 * H, 12 * H),)
        assert parsed.weekly[0] == ((9 * H, 17 * H),)

    def test_public_holiday_in_a_list(self) -> None:
        parsed = parse_notation("Su,PH off; Mo 09:00-10:00")
        assert parsed.holiday_hours == ()
        assert parsed.weekly[6] == CLOSED
        assert parsed.weekly[0] == ((9 * H, 10 * H),)


class TestTimes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mo 09:00-12:00", ((9 * H, 12 * H),)),
            ("Mo 09:30-12:45", ((9 * H + 1800, 12 * H + 2700),)),
            ("Mo 00:00-24:00", ((0, 86400),)),
            ("Mo 18:00-24:00", ((18 * H, 86400),)),
            ("Mo 22:00-02:00", ((22 * H, 2 * H),)),
            ("Mo 10:00-10:00", ((10 * H, 10 * H),)),
            ("Mo 14:00-17:00,09:00-12:00", ((9 * H, 12 * H), (14 * H, 17 * H))),
            ("Mo 09:00-12:00,12:00-13:00", ((9 * H, 12 * H), (12 * H, 13 * H))),
            ("Mo 09:00 - 12:00 , 14:00-17:00", ((9 * H, 12 * H), (14 * H, 17 * H))),
            ("Mo 22:00-02:00,01:00-03:00", ((1 * H, 3 * H), (22 * H, 2 * H))),
            ("Mo 22:00-02:00,02:00-22:00", ((2 * H, 22 * H), (22 * H, 2 * H))),
        ],
    )
    def test_ranges(self, text: str, expected: tuple[tuple[int, int], ...]) -> None:
        assert weekly(text)[0] == expected

    @pytest.mark.parametrize("word", ["off", "closed"])
    def test_off_words(self, word: str) -> None:
        assert weekly(f"Mo-Su 09:00-10:00; Tu {word}")[1] == CLOSED
        assert weekly(word) == (CLOSED,) * 7

    def test_always(self) -> None:
        assert weekly("24/7") == (((0, 86400),),) * 7
        assert parse_notation("24/7").holiday_hours is None

    def test_always_then_exceptions(self) -> None:
        parsed = parse_notation("24/7; Su off; PH off")
        assert parsed.weekly[:6] == (((0, 86400),),) * 6
        assert parsed.weekly[6] == CLOSED
        assert parsed.holiday_hours == ()


class TestRules:
    def test_later_rule_replaces(self) -> None:
        result = weekly("Mo-Fr 09:00-17:00; We 10:00-12:00")
        assert result[2] == ((10 * H, 12 * H),)
        assert result[1] == ((9 * H, 17 * H),)

    def test_later_rule_replaces_not_adds(self) -> None:
        # 13:00-18:00 would overlap 09:00-17:00 if rules were additive.
        assert weekly("Mo 09:00-17:00; Mo 13:00-18:00")[0] == ((13 * H, 18 * H),)

    def test_later_off_closes(self) -> None:
        assert weekly("Mo-Fr 09:00-17:00; Fr off")[4] == CLOSED

    def test_later_holiday_rule_replaces(self) -> None:
        parsed = parse_notation("PH 10:00-12:00; PH off")
        assert parsed.holiday_hours == ()

    def test_selector_less_rule_keeps_holidays(self) -> None:
        assert parse_notation("PH off; 10:00-18:00").holiday_hours == ()

    @pytest.mark.parametrize(
        "text",
        [
            "Mo 09:00-10:00;",
            "Mo 09:00-10:00 ; ",
            "  Mo 09:00-10:00;Tu 09:00-10:00  ",
            "Mo 09:00-10:00\n; Tu 09:00-10:00",
        ],
    )
    def test_whitespace_and_trailing_semicolon(self, text: str) -> None:
        assert weekly(text)[0] == ((9 * H, 10 * H),)


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "column", "reason"),
        [
            ("", 0, "empty text"),
            ("   ", 0, "empty text"),
            (";", 0, "empty rule"),
            ("Mo 09:00-10:00;;", 15, "empty rule"),
            ("Mo 09:00-10:00; ; Tu off", 16, "empty rule"),
            ("Mx 09:00-10:00", 0, "unknown weekday 'Mx'"),
            ("Mo-Fx 09:00-10:00", 3, "unknown weekday 'Fx'"),
            ("mo 09:00-10:00", 0, "unknown weekday 'mo'"),
            ("Mo- 09:00-10:00", 4, "expected a weekday like Mo"),
            ("Mo, 09:00-10:00", 4, "expected a weekday like Mo"),
            ("Mo", 2, "expected a time like 09:00"),
            ("Mo 9:00-10:00", 3, "expected a time like 09:00"),
            ("Mo 0900-1000", 3, "expected a time like 09:00"),
            ("Mo 09:00", 8, "expected '-'"),
            ("Mo 09:00-", 9, "expected a time like 17:00"),
            ("Mo 25:00-26:00", 3, "hour 25 out of range"),
            ("Mo 09:00-10:60", 12, "minute 60 out of range"),
            ("Mo 24:30-10:00", 3, "24:00"),
            ("Mo 24:00-10:00", 3, "24:00 is only allowed as an end"),
            ("Mo 09:00-10:00 11:00-12:00", 15, "expected ',' or ';'"),
            ("Mo off 09:00-10:00", 7, "expected ';' after 'off'"),
            ("Mo 09:00-12:00,11:00-13:00", 15, "overlaps 09:00-12:00"),
            ("Mo 09:00-12:00,14:00-15:00,08:00-09:30", 27, "overlaps 09:00-12:00"),
            ("Mo 22:00-02:00,23:00-23:30", 15, "overlaps 22:00-02:00"),
            ("Mo 00:00-24:00,12:00-13:00", 15, "overlaps 00:00-24:00"),
            ("Mo 24/7", 3, "24/7 must be a rule of its own"),
            ("24/8", 3, "expected 24/7"),
            ("Mo 09:00-10:00 !", 15, "unexpected character '!'"),
        ],
    )
    def test_column_and_reason(self, text: str, column: int, reason: str) -> None:
        exc = error(text)
        assert exc.column == column
        assert reason in exc.reason
        assert exc.text == text
        assert f"\n  {text}\n  {' ' * column}^" in str(exc)

    def test_is_a_value_error(self) -> None:
        assert isinstance(error("Mx"), ValueError)

    def test_pickles(self) -> None:
        exc = pickle.loads(pickle.dumps(error("Mx 09:00-10:00")))
        assert (exc.column, exc.reason) == (0, "unknown weekday 'Mx'")

    @pytest.mark.parametrize("value", [None, 42, b"Mo 09:00-10:00", ["Mo"]])
    def test_not_a_str(self, value: object) -> None:
        with pytest.raises(InvalidHoursError, match=type(value).__name__) as info:
            parse_notation(value)  # type: ignore[arg-type]
        assert not isinstance(info.value, NotationError)


ALPHABET = "MoTuWeThFrSaSuPH0123456789:-,; /offclosed"
GRAMMAR_WORDS = [*WEEKDAYS, "PH", "off", "closed", "24/7", "09:00", "24:00"]
GRAMMAR_WORDS += ["-", ",", ";", " ", "12:30", "99:99", "9:00", "00:00"]


def _check_only_notation_errors(text: str) -> None:
    column = 0
    try:
        assert len(parse_notation(text).weekly) == 7
    except NotationError as exc:
        column = exc.column
    assert 0 <= column <= len(text)


class TestArbitraryText:
    @given(st.text())
    def test_any_text(self, text: str) -> None:
        _check_only_notation_errors(text)

    @given(st.text(alphabet=ALPHABET))
    def test_grammar_alphabet(self, text: str) -> None:
        _check_only_notation_errors(text)

    @given(st.lists(st.sampled_from(GRAMMAR_WORDS)).map("".join))
    def test_grammar_words(self, text: str) -> None:
        _check_only_notation_errors(text)


def _render_time(minutes: int, *, end: bool) -> str:
    if end and minutes == 1440:
        return "24:00"
    return f"{minutes % 1440 // 60:02d}:{minutes % 60:02d}"


@st.composite
def day_ranges(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Non-overlapping ranges in minutes on the axis [start, start + duration)."""
    points = draw(st.lists(st.integers(0, 2879), unique=True, max_size=8))
    points = sorted(points)[: len(points) // 2 * 2]
    pairs = list(zip(points[::2], points[1::2], strict=True))
    pairs = [(start, end) for start, end in pairs if start < 1440]
    if pairs and pairs[-1][1] > pairs[-1][0] + 1440:
        pairs.pop()  # longer than a day: not expressible
    return pairs


def _to_seconds(pairs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    seconds = [(s * 60, 86400 if e == 1440 else e % 1440 * 60) for s, e in pairs]
    return tuple(sorted(seconds))


def _render_day(pairs: list[tuple[int, int]]) -> str:
    if not pairs:
        return "off"
    return ",".join(
        f"{_render_time(s, end=False)}-{_render_time(e, end=True)}" for s, e in pairs
    )


class TestRoundTrip:
    @given(st.lists(day_ranges(), min_size=7, max_size=7), st.randoms())
    def test_rendered_weekly_parses_back(
        self, days: list[list[tuple[int, int]]], rng: random.Random
    ) -> None:
        for pairs in days:
            rng.shuffle(pairs)  # order inside a rule does not matter
        text = "; ".join(f"{WEEKDAYS[i]} {_render_day(p)}" for i, p in enumerate(days))
        parsed = parse_notation(text)
        assert parsed.weekly == tuple(_to_seconds(pairs) for pairs in days)
        assert parsed.holiday_hours is None

    @given(day_ranges(), day_ranges())
    def test_replacement_matches_last_rule(
        self, first: list[tuple[int, int]], second: list[tuple[int, int]]
    ) -> None:
        text = f"Mo-Su {_render_day(first)}; We {_render_day(second)}; PH off"
        parsed = parse_notation(text)
        assert parsed.weekly[2] == _to_seconds(second)
        assert parsed.weekly[0] == parsed.weekly[6] == _to_seconds(first)
        assert parsed.holiday_hours == ()
