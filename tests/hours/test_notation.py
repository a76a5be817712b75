"""Tests for the opening_hours notation parser."""

from __future__ import annotations

import datetime as dt
import pickle
import random
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecharter import OpeningHours, ServiceCharterError
from servicecharter._errors import InvalidHoursError, NotationError, NotationWarning
from servicecharter.hours.notation import (
    MONTHS,
    WEEKDAYS,
    ParsedNotation,
    parse_notation,
    parse_rules,
)

H = 3600
CLOSED: tuple[tuple[int, int], ...] = ()
MORNING = ((9 * H, 12 * H),)


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
        parsed = parse_notation("Mo 09:00-10:00; Su,PH off")
        assert parsed.holiday_hours == ()
        assert parsed.weekly[6] == CLOSED
        assert parsed.weekly[0] == ((9 * H, 10 * H),)

    def test_holiday_rule_before_a_weekday_rule_keeps_rules(self) -> None:
        # OSM order: the later Mo rule opens a Monday holiday, which the
        # structured form (holidays before weekdays) cannot say.
        parsed = parse_notation("Su,PH off; Mo 09:00-10:00")
        assert not parsed.structured
        assert [rule.kind for rule in parsed.rules] == ["normal", "normal"]


class TestTimes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Mo 09:00-12:00", ((9 * H, 12 * H),)),
            ("Mo 09:30-12:45", ((9 * H + 1800, 12 * H + 2700),)),
            ("Mo 00:00-24:00", ((0, 86400),)),
            ("Mo 18:00-24:00", ((18 * H, 86400),)),
            ("Mo 22:00-02:00", ((22 * H, 2 * H),)),
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

    def test_selector_less_rule_after_ph_opens_holidays(self) -> None:
        # Changed with OSM rule order: a later rule for every day wins.
        assert not parse_notation("PH off; 10:00-18:00").structured
        assert parse_notation("10:00-18:00; PH off").holiday_hours == ()

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


class TestComments:
    @pytest.mark.parametrize(
        "text",
        [
            "Mo 09:00-10:00 # the usual",
            "# opening hours\nMo 09:00-10:00",
            "Mo 09:00-10:00; # closed on Tuesdays\nTu off",
            "Mo 09:00-10:00;\n\n  Tu off;  # trailing\n",
            "Mo#no space needed\n09:00-10:00",
            "Mo 09:00-10:00 #; Mo off (commented out)",
        ],
    )
    def test_comments_are_ignored(self, text: str) -> None:
        parsed = parse_notation(text)
        assert parsed.weekly == (((9 * H, 10 * H),),) + (CLOSED,) * 6

    @pytest.mark.parametrize("text", ["#", "# nothing", "  # a\n  # b\n"])
    def test_only_comments_is_empty(self, text: str) -> None:
        assert error(text).reason == "empty text"

    def test_newline_does_not_separate_rules(self) -> None:
        # One rule with two weekday parts, as opening_hours.js reads it.
        with pytest.warns(NotationWarning) as caught:
            rules = parse_rules("Mo 09:00-10:00\nTu 09:00-10:00")
        assert "two weekdays in one rule" in str(caught[0].message)
        assert len(rules) == 1
        assert rules[0].selector.days[1].days == frozenset({1})


class TestAnnualDays:
    def test_one_date(self) -> None:
        parsed = parse_notation("Mo-Fr 09:00-17:00; Dec 24 09:00-12:00")
        assert parsed.annual_days == ((12, 24, MORNING),)
        assert parsed.weekly[0] == ((9 * H, 17 * H),)
        assert parsed.seasons == ()
        assert parsed.special_days == ()
        assert parsed.holiday_hours is None

    @pytest.mark.parametrize(("index", "name"), list(enumerate(MONTHS, start=1)))
    def test_every_month_name(self, index: int, name: str) -> None:
        assert parse_notation(f"{name} 01 off").annual_days == ((index, 1, ()),)

    @pytest.mark.parametrize("day", ["1", "01"])
    def test_one_or_two_digits(self, day: str) -> None:
        assert parse_notation(f"Jan {day} off").annual_days == ((1, 1, ()),)

    def test_list_sorted_by_date(self) -> None:
        parsed = parse_notation("Dec 31,Dec 24 , Jan 1 09:00-12:00")
        assert parsed.annual_days == (
            (1, 1, MORNING),
            (12, 24, MORNING),
            (12, 31, MORNING),
        )

    @pytest.mark.parametrize(
        ("month", "last"),
        [("Jan", 31), ("Feb", 29), ("Apr", 30), ("Jun", 30), ("Dec", 31)],
    )
    def test_last_day_of_month(self, month: str, last: int) -> None:
        assert parse_notation(f"{month} {last} off").annual_days[0][1] == last

    def test_later_rule_replaces_same_date(self) -> None:
        parsed = parse_notation("Dec 24,Dec 31 09:00-12:00; Dec 31 off")
        assert parsed.annual_days == ((12, 24, MORNING), (12, 31, ()))

    def test_does_not_touch_weekly(self) -> None:
        assert parse_notation("Dec 24 off").weekly == (CLOSED,) * 7


class TestSeasons:
    def test_months_with_weekdays(self) -> None:
        parsed = parse_notation("Mo-Fr 09:00-17:00; Jul-Aug Mo-Fr 09:00-12:00")
        assert parsed.seasons == (((7, 8), (MORNING,) * 5 + (None, None)),)
        assert parsed.weekly[0] == ((9 * H, 17 * H),)

    def test_month_without_weekdays_is_every_day(self) -> None:
        parsed = parse_notation("Dec 10:00-12:00")
        assert parsed.seasons == (((12,), (((10 * H, 12 * H),),) * 7),)

    def test_off(self) -> None:
        parsed = parse_notation("Aug off; Jul Sa,Su closed")
        assert parsed.seasons == (
            ((8,), (CLOSED,) * 7),
            ((7,), (None,) * 5 + (CLOSED, CLOSED)),
        )

    @pytest.mark.parametrize(
        ("selector", "months"),
        [
            ("Nov-Feb", (1, 2, 11, 12)),
            ("Jan-Dec", tuple(range(1, 13))),
            ("Dec-Nov", tuple(range(1, 13))),
            ("Mar-Mar", (3,)),
            ("Jan,Jul-Aug", (1, 7, 8)),
            ("Jul , Jan", (1, 7)),
        ],
    )
    def test_month_spans(self, selector: str, months: tuple[int, ...]) -> None:
        assert parse_notation(f"{selector} Mo off").seasons[0][0] == months

    def test_consecutive_rules_build_one_season(self) -> None:
        parsed = parse_notation(
            "Jul-Aug Mo-Fr 09:00-12:00; Jul-Aug We off; Jul-Aug Sa 09:00-12:00"
        )
        assert parsed.seasons == (
            ((7, 8), (MORNING, MORNING, CLOSED, MORNING, MORNING, MORNING, None)),
        )

    def test_seasons_keep_text_order(self) -> None:
        parsed = parse_notation("Jul Mo off; Aug Mo off; Jul Tu off")
        assert [months for months, _ in parsed.seasons] == [(7,), (8,), (7,)]
        assert parsed.seasons[2][1][:2] == (None, CLOSED)


class TestSpecialDays:
    def test_dated_day(self) -> None:
        parsed = parse_notation("Mo-Fr 09:00-17:00; 2026 Dec 24 09:00-12:00")
        assert parsed.special_days == ((dt.date(2026, 12, 24), MORNING),)
        assert parsed.annual_days == ()

    def test_list_and_off(self) -> None:
        parsed = parse_notation("2027 Jan 02 , 2026 Dec 28 off")
        assert parsed.special_days == (
            (dt.date(2026, 12, 28), ()),
            (dt.date(2027, 1, 2), ()),
        )

    def test_leap_day(self) -> None:
        parsed = parse_notation("2028 Feb 29 off")
        assert parsed.special_days == ((dt.date(2028, 2, 29), ()),)

    @pytest.mark.parametrize(("year", "value"), [("0001", 1), ("9999", 9999)])
    def test_year_bounds(self, year: str, value: int) -> None:
        parsed = parse_notation(f"{year} Jan 01 off")
        assert parsed.special_days[0][0] == dt.date(value, 1, 1)

    def test_later_rule_replaces_same_date(self) -> None:
        parsed = parse_notation("2026 Dec 24 off; 2026 Dec 24 09:00-12:00")
        assert parsed.special_days == ((dt.date(2026, 12, 24), MORNING),)

    def test_all_kinds_together(self) -> None:
        parsed = parse_notation(
            "24/7; Dec Su off; PH 10:00-12:00; Dec 25 off; 2026 Dec 24 09:00-12:00"
        )
        assert parsed.weekly == (((0, 86400),),) * 7
        assert parsed.holiday_hours == ((10 * H, 12 * H),)
        assert parsed.annual_days == ((12, 25, ()),)
        assert parsed.seasons == (((12,), (None,) * 6 + (CLOSED,)),)
        assert parsed.special_days == ((dt.date(2026, 12, 24), MORNING),)


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "column", "reason"),
        [
            ("", 0, "empty text"),
            ("   ", 0, "empty text"),
            (";", 0, "empty rule"),
            ("Mo 09:00-10:00;;", 15, "empty rule"),
            ("Mo 09:00-10:00; ; Tu off", 16, "empty rule"),
            ("Mx 09:00-10:00", 0, "unknown word 'Mx'"),
            ("Mo-Fx 09:00-10:00", 3, "unknown weekday 'Fx'"),
            ("Mo- 09:00-10:00", 4, "expected a weekday like Mo"),
            ("Mo 0900-1000", 3, "expected a time like 09:00"),
            ("Mo 09:00", 8, "expected '-'"),
            ("Mo 09:00-", 9, "expected a time like 09:00"),
            ("Mo 25:00-26:00", 3, "cannot start at 25:00"),
            ("Mo 10:00-10:00", 3, "is empty; for a whole day write 00:00-24:00"),
            ("Mo 09:00-49:00", 9, "hour 49 out of range"),
            ("Mo 09:00-10:60", 12, "minute 60 out of range"),
            ("Mo 24:30-10:00", 3, "24:00"),
            ("Mo 24:00-10:00", 3, "24:00 is only allowed as an end"),
            ("Mo 10:00-24/7", 9, "24/7 must be a rule of its own"),
            ("24/8", 3, "expected 24/7"),
            ("Mo 09:00-10:00 !", 15, "unexpected character '!'"),
            # months and dates
            ("Dez 24 off", 0, "unknown month 'Dez'"),
            ("2026 Dez 24 off", 5, "unknown month 'Dez'"),
            ("Jul-Agu off", 4, "unknown month 'Agu'"),
            ("Jul-24 off", 4, "expected a month like Jan"),
            ("Apr 31 off", 4, "day 31 does not exist in Apr (1-30)"),
            ("Feb 30 off", 4, "day 30 does not exist in Feb (1-29)"),
            ("Jan 0 off", 4, "day 0 does not exist in Jan"),
            ("Jan 001 off", 4, "day 001 does not exist in Jan"),
            ("Jan 05-03 off", 4, "a day range must not go back; write Jan 03-05"),
            ("2026 Feb 29 off", 0, "2026 Feb 29 does not exist"),
            ("0000 Jan 01 off", 0, "year 0000 out of range"),
            ("10000 Jan 01 off", 0, "year 10000 out of range"),
            ("26 Dec 24 off", 0, "year 26 out of range"),
            ("2025 Dec 24-Jan 06 off", 12, "give the year on both ends"),
            ("2025 Dec 24-2025 Jan 06 off", 12, "give the year on both ends"),
            ("Dec 24-2026 Jan 06 off", 7, "give the year on both ends"),
            ("Jan Su[1]-Jan Mo[6]", 17, "expected a week of the month 1-5"),
            ("Mo 09:00-10:00; # ok\nTx off", 21, "unknown word 'Tx'"),
        ],
    )
    def test_column_and_reason(self, text: str, column: int, reason: str) -> None:
        exc = error(text)
        assert exc.column == column
        assert reason in exc.reason
        assert exc.text == text
        # The message shows the offending line with a caret under the column.
        start = text.rfind("\n", 0, column) + 1
        line = text[start:].split("\n", 1)[0]
        assert f"\n  {line}\n  {' ' * (column - start)}^" in str(exc)
        if "\n" in text:
            assert f"line {text.count(chr(10), 0, column) + 1}, column" in str(exc)

    def test_is_a_value_error(self) -> None:
        assert isinstance(error("Mx"), ValueError)

    def test_pickles(self) -> None:
        exc = pickle.loads(pickle.dumps(error("Mx 09:00-10:00")))
        assert exc.column == 0
        assert exc.reason.startswith("unknown word 'Mx'")

    @pytest.mark.parametrize("value", [None, 42, b"Mo 09:00-10:00", ["Mo"]])
    def test_not_a_str(self, value: object) -> None:
        with pytest.raises(InvalidHoursError, match=type(value).__name__) as info:
            parse_notation(value)  # type: ignore[arg-type]
        assert not isinstance(info.value, NotationError)


ALPHABET = "MoTuWeThFrSaSuPH0123456789:-,; /offclosed#\nJanFebDecAprJulAug"
GRAMMAR_WORDS = [*WEEKDAYS, "PH", "off", "closed", "24/7", "09:00", "24:00"]
GRAMMAR_WORDS += ["-", ",", ";", " ", "12:30", "99:99", "9:00", "00:00"]
GRAMMAR_WORDS += [*MONTHS, "1", "24", "29", "31", "2026", "0000", "99999"]
GRAMMAR_WORDS += ["#", "# note", "\n", "Dec 24", "2028 Feb 29", "Jul-Aug"]


def _check_only_notation_errors(text: str) -> None:
    column = 0
    try:
        with warnings.catch_warnings():
            # A warning is the library's own too (two parts of one kind).
            warnings.simplefilter("ignore", NotationWarning)
            parsed = parse_notation(text)
    except NotationError as exc:
        column = exc.column
    else:
        assert len(parsed.weekly) == 7
        assert all(len(week) == 7 for _, week in parsed.seasons)
    assert 0 <= column <= len(text)


class TestNowValid:
    """Values the notation allows that earlier versions refused."""

    @pytest.mark.parametrize(
        "text",
        [
            "mo 09:00-10:00",
            "Mo",
            "Mo 9:00-10:00",
            "Mo 09:00-12:00,11:00-13:00",
            "dec 24 off",
            "Dec 24",
            "Dec 24,Jul off",
            "2026 Dec 24,Dec 31 off",
            "Jul,Dec 24 off",
            "Dec 24 Mo off",
            "Jul Sa,PH off",
        ],
    )
    def test_parses(self, text: str) -> None:
        assert parse_notation(text).rules


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

    @settings(max_examples=300, deadline=None)
    @given(
        text=st.one_of(
            st.text(max_size=40),
            st.lists(
                st.sampled_from(
                    [
                        "Mo",
                        "Tu",
                        "Fr",
                        "Su",
                        "PH",
                        "Dec",
                        "Jan",
                        "24",
                        "2026",
                        "-",
                        ",",
                        ";",
                        " ",
                        ":",
                        "09:00",
                        "24:00",
                        "25:00",
                        "12:60",
                        "off",
                        "closed",
                        "24/7",
                        "#",
                        "\n",
                        "00",
                        "9",
                        "+",
                        "Mo-Fr",
                        "Jul-Aug",
                        "Feb 30",
                        "Ph",
                        "ÿ",
                        "\x00",
                        "\uff10\uff19:\uff10\uff10",
                    ]
                ),
                max_size=14,
            ).map("".join),
        )
    )
    # A tolerant form ("JUILLET" for Jul) reads with a NotationWarning.
    @pytest.mark.filterwarnings("ignore::servicecharter.NotationWarning")
    def test_arbitrary_notation_raises_only_our_errors(self, text: str) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", NotationWarning)
                hours = OpeningHours.parse(
                    text, tz="Europe/Paris", holidays=[dt.date(2026, 5, 1)]
                )
        except ServiceCharterError:
            return
        assert isinstance(hours, OpeningHours)


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
        f"{_render_time(s, end=False)}-{_render_end(s, e)}" for s, e in pairs
    )


def _render_end(start: int, end: int) -> str:
    if end == start + 1440:  # a whole day from start: 10:00-34:00
        return f"{end // 60:02d}:{end % 60:02d}"
    return _render_time(end, end=True)


class TestRoundTrip:
    @given(st.lists(day_ranges(), min_size=7, max_size=7), st.randoms())
    def test_rendered_weekly_parses_back(
        self, days: list[list[tuple[int, int]]], rng: random.Random
    ) -> None:
        for pairs in days:
            rng.shuffle(pairs)  # order inside a rule does not matter
        text = "; ".join(f"{WEEKDAYS[i]} {_render_day(p)}" for i, p in enumerate(days))
        parsed = parse_notation(text)
        if not parsed.structured:
            # OSM order: Tu's rule cuts Mo's range after midnight, which
            # the weekly table cannot say, so the rules are kept.
            assert any(e > s + 1440 or e > 1440 for p in days[:6] for s, e in p)
            return
        assert parsed.weekly == tuple(_to_seconds(pairs) for pairs in days)
        assert parsed.holiday_hours is None

    @given(day_ranges(), day_ranges())
    def test_replacement_matches_last_rule(
        self, first: list[tuple[int, int]], second: list[tuple[int, int]]
    ) -> None:
        text = f"Mo-Su {_render_day(first)}; We {_render_day(second)}; PH off"
        parsed = parse_notation(text)
        if not parsed.structured:  # an overnight range a later rule may cut
            assert any(e > 1440 for _, e in first + second)
            return
        assert parsed.weekly[2] == _to_seconds(second)
        assert parsed.weekly[0] == parsed.weekly[6] == _to_seconds(first)
        assert parsed.holiday_hours == ()
