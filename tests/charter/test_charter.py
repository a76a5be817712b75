"""Charter models: friendly construction, validation with paths, deadlines."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import attrs
import numpy as np
import pytest
from dateutil.relativedelta import relativedelta

from servicecharter import (
    BusinessDays,
    BusinessDuration,
    Channel,
    Charter,
    ClientDuty,
    Commitment,
    DurationCap,
    EarliestOf,
    Engagement,
    InvalidCharterError,
    NaiveDatetimeError,
    Objective,
    OpeningHours,
    RecurringObligation,
    Revision,
    SameBusinessDay,
    ServiceCharterError,
    SpecialDay,
    UnknownCalendarError,
    UnknownEngagementError,
)
from tests.support.zones import PARIS, paris

DESK = OpeningHours.parse(
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off", tz="Europe/Paris", holidays="FR"
)
NIGHT = OpeningHours({"Mo-Su": "20:00-23:00"}, "Europe/Paris")


def charter(**changes: object) -> Charter:
    fields: dict[str, object] = {
        "id": "support",
        "title": "Technical support",
        "tz": "Europe/Paris",
        "calendars": {"default": DESK, "night": NIGHT},
        "channels": [
            Channel("phone", "phone"),
            Channel("hotline", "phone", "", "night"),
        ],
        "engagements": [
            Engagement("anomalies", "Anomalies", "4 business hours", channel="phone"),
            Engagement("urgent", "Urgent", "1 business hour", channel="hotline"),
            Engagement(
                "forms",
                "Forms",
                [Objective("3 business days"), Objective("same business day", 0.6)],
            ),
        ],
    }
    fields.update(changes)
    return Charter(**fields)  # type: ignore[arg-type]


def error_of(call: object, *args: object, **kwargs: object) -> InvalidCharterError:
    with pytest.raises(InvalidCharterError) as info:
        call(*args, **kwargs)  # type: ignore[operator]
    return info.value


class TestObjective:
    def test_words_are_read_as_a_rule(self) -> None:
        objective = Objective("4 business hours")
        assert objective.within == BusinessDuration(dt.timedelta(hours=4))
        assert (objective.share, objective.title) == (1.0, "")

    def test_a_rule_is_kept(self) -> None:
        rule = EarliestOf(["4 business hours", "end of day"])
        assert Objective(rule, 0.9).within is rule

    def test_unknown_words_name_the_field_and_the_fix(self) -> None:
        error = error_of(Objective, "4 buisness hours")
        assert error.path == "within"
        assert error.value == "4 buisness hours"
        assert str(error).startswith(
            "within: unknown duration words '4 buisness hours'; "
            "use e.g. '4 business hours', '30 business minutes'"
        )

    def test_a_non_rule_is_refused(self) -> None:
        assert str(error_of(Objective, 4)) == (
            "within: expected a deadline rule or words like '4 business hours', got 4"
        )

    @pytest.mark.parametrize("share", [0, -0.5, 1.01, float("nan"), True, "60%"])
    def test_share_is_a_fraction(self, share: object) -> None:
        error = error_of(Objective, "same business day", share)
        assert error.path == "share"
        assert "expected a fraction in (0, 1] (0.6 for 60 %)" in str(error)

    def test_an_int_share_becomes_a_float(self) -> None:
        share = Objective("same business day", 1).share
        assert share == 1.0
        assert isinstance(share, float)


class TestEngagement:
    def test_one_rule_or_words_make_one_objective(self) -> None:
        by_words = Engagement("a", "A", "3 business days")
        by_rule = Engagement("a", "A", BusinessDays(3))
        assert by_words == by_rule
        assert by_words.objectives == (Objective(BusinessDays(3)),)

    def test_objectives_from_mixed_items(self) -> None:
        e = Engagement("a", "A", ["3 business days", Objective(SameBusinessDay(), 0.6)])
        assert [o.share for o in e.objectives] == [1.0, 0.6]

    def test_needs_an_objective(self) -> None:
        assert str(error_of(Engagement, "a", "A", [])) == (
            "objectives: an engagement needs at least one objective or duration cap"
        )

    def test_a_bad_objective_names_its_index(self) -> None:
        error = error_of(Engagement, "a", "A", ["3 business days", "soon"])
        assert error.path == "objectives[1].within"

    def test_kinds_accept_one_string(self) -> None:
        assert Engagement("a", "A", "end of day", kinds="complaint").kinds == (
            "complaint",
        )

    def test_kinds_named_twice(self) -> None:
        error = error_of(Engagement, "a", "A", "end of day", kinds=["x", "x"])
        assert str(error) == "kinds[1]: named twice"

    @pytest.mark.parametrize("bad", ["", " x", "a b", 3, None])
    def test_ids(self, bad: object) -> None:
        error = error_of(Engagement, bad, "A", "end of day")
        assert error.path == "id"
        assert "expected an id of letters, digits, '_', '.' or '-'" in str(error)

    def test_pausable_is_a_bool(self) -> None:
        error = error_of(Engagement, "a", "A", "end of day", pausable="yes")
        assert str(error) == "pausable: expected true or false, got 'yes'"

    def test_errors_are_value_errors_of_the_library(self) -> None:
        with pytest.raises(ValueError, match="objectives"):
            Engagement("a", "A", ())
        with pytest.raises(ServiceCharterError):
            Engagement("a", "A", ())


class TestChannel:
    def test_defaults(self) -> None:
        assert Channel("web", "web_form") == Channel(
            "web", "web_form", "", "default", ""
        )

    def test_text_comes_after_the_calendar(self) -> None:
        channel = Channel("phone", "phone", "Support", "night", "Open at night.")
        assert channel.calendar == "night"
        assert channel.text == "Open at night."
        assert Channel("phone", "phone", text="Open.").text == "Open."
        assert [f.name for f in attrs.fields(Channel)][-1] == "text"

    @pytest.mark.parametrize("value", [None, 3, b"Open.", ["Open."]])
    def test_text_is_text(self, value: object) -> None:
        error = error_of(Channel, "phone", "phone", text=value)
        assert error.path == "text"
        assert str(error) == f"text: expected text, got {value!r}"

    def test_unknown_kind(self) -> None:
        assert str(error_of(Channel, "fax", "fax")) == (
            "kind: expected one of 'phone', 'web_form', 'email', 'counter', "
            "'mail', 'chat', 'visit', 'other', got 'fax'"
        )


class TestRecurringObligation:
    def test_every_two_years_is_due_two_years_in(self) -> None:
        survey = RecurringObligation("survey", "Survey", "FREQ=YEARLY;INTERVAL=2")
        assert survey.occurrences(dt.date(2026, 3, 1), dt.date(2031, 1, 1)) == [
            dt.date(2028, 3, 1),
            dt.date(2030, 3, 1),
        ]

    def test_one_month_after_the_start_then_yearly(self) -> None:
        call = RecurringObligation("call", "Call", "FREQ=YEARLY", first_after="1 month")
        assert call.first_after == relativedelta(months=1)
        assert call.occurrences(dt.date(2026, 1, 31), dt.date(2028, 2, 28)) == [
            dt.date(2026, 2, 28),
            dt.date(2027, 2, 28),
            dt.date(2028, 2, 28),
        ]

    def test_until_is_inclusive_and_may_precede_the_start(self) -> None:
        monthly = RecurringObligation("m", "M", "FREQ=MONTHLY")
        assert monthly.occurrences(dt.date(2026, 1, 1), dt.date(2026, 3, 1)) == [
            dt.date(2026, 2, 1),
            dt.date(2026, 3, 1),
        ]
        assert monthly.occurrences(dt.date(2026, 1, 1), dt.date(2025, 1, 1)) == []

    def test_rrule_is_normalised(self) -> None:
        rule = RecurringObligation("s", "S", " rrule:freq=yearly;interval=2")
        assert rule.rrule == "FREQ=YEARLY;INTERVAL=2"

    @pytest.mark.parametrize(
        ("rrule", "reason"),
        [
            ("FREQ=HOURLY", "FREQ must be one of YEARLY, MONTHLY, WEEKLY, DAILY"),
            ("FREQ=YEARLY;INTERVAL=0", "INTERVAL must be a whole number >= 1"),
            ("FREQ=YEARLY;DTSTART=20260101", "DTSTART comes from the start"),
            ("FREQ=YEARLY;BYDAY=XX", "BYDAY values are like MO, 1MO or -1FR"),
            ("every year", "malformed part 'EVERY YEAR'"),
            ("FREQ=YEARLY;FREQ=DAILY", "malformed part 'FREQ=DAILY'"),
        ],
    )
    def test_bad_rrules(self, rrule: str, reason: str) -> None:
        error = error_of(RecurringObligation, "s", "S", rrule)
        assert error.path == "rrule"
        assert reason in str(error)
        assert "expected an RFC 5545 RRULE like 'FREQ=YEARLY'" in str(error)

    @pytest.mark.parametrize(
        "first_after", ["1 hour", "soon", 30, relativedelta(hours=2)]
    )
    def test_first_after_is_a_date_period(self, first_after: object) -> None:
        error = error_of(
            RecurringObligation, "s", "S", "FREQ=YEARLY", first_after=first_after
        )
        assert error.path == "first_after"
        assert "a period like '1 month'" in str(error)


class TestSmallModels:
    def test_cap_reads_words(self) -> None:
        cap = DurationCap("usage", "Usage", "30 minutes", per="module")
        assert cap.limit == dt.timedelta(minutes=30)
        assert DurationCap("u", "U", dt.timedelta(minutes=15)).per == ""

    @pytest.mark.parametrize("limit", ["0 minutes", "-5min", "half an hour", 30])
    def test_cap_limit_is_a_positive_duration(self, limit: object) -> None:
        assert error_of(DurationCap, "u", "U", limit).path == "limit"

    def test_texts(self) -> None:
        assert Commitment("c", "Courtesy").text == ""
        assert str(error_of(ClientDuty, "d", "  ")) == "text: must not be empty"
        assert Revision("1", "2009-07-01").date == dt.date(2009, 7, 1)
        assert str(error_of(Revision, "1", "July 2009")) == (
            "date: expected a date like 2026-01-31, got 'July 2009'"
        )


class TestCharterValidation:
    def test_a_valid_charter(self) -> None:
        c = charter()
        assert c.tz == PARIS
        assert set(c.calendars) == {"default", "night"}
        assert c.effective is None

    def test_duplicate_ids(self) -> None:
        channels = [Channel("phone", "phone"), Channel("phone", "email")]
        error = error_of(charter, channels=channels, engagements=[])
        assert str(error) == (
            "channels[1].id: 'phone' is used twice (also channels[0]); "
            "each id must be unique"
        )

    def test_unknown_calendar(self) -> None:
        error = error_of(charter, channels=[Channel("web", "web_form", "", "web")])
        assert error.errors[0].path == "channels[0].calendar"
        assert error.errors[0].reason == (
            "unknown calendar 'web'; known: 'default', 'night'"
        )

    def test_unknown_channel(self) -> None:
        engagements = [Engagement("a", "A", "end of day", channel="fax")]
        assert str(error_of(charter, engagements=engagements)) == (
            "engagements[0].channel: unknown channel 'fax'; known: 'phone', 'hotline'"
        )

    def test_no_channel_needs_a_default_calendar(self) -> None:
        error = error_of(
            charter,
            calendars={"night": NIGHT},
            channels=[],
            engagements=[Engagement("a", "A", "end of day")],
        )
        assert str(error) == (
            "engagements[0].channel: no channel given and no 'default' calendar; "
            "name a channel (known: none) or add a 'default' calendar"
        )

    def test_business_rule_on_a_calendar_without_open_weekday(self) -> None:
        only_special = OpeningHours(
            {}, "Europe/Paris", special_days=[SpecialDay("2026-06-01", "09:00-12:00")]
        )
        engagements = [Engagement("a", "A", ["end of month", "3 business days"])]
        error = error_of(
            charter,
            calendars={"default": only_special},
            channels=[],
            engagements=engagements,
        )
        assert str(error) == (
            "engagements[0].objectives[1].within: '3 business days' counts "
            "business time, but calendar 'default' has no open weekday; "
            "give it weekly hours"
        )

    def test_calendar_time_rules_need_no_open_time(self) -> None:
        closed = OpeningHours({}, "Europe/Paris")
        engagement = Engagement("a", "A", ["7 days", "end of month"])
        c = charter(
            calendars={"default": closed}, channels=[], engagements=[engagement]
        )
        assert c.deadline("a", paris(2026, 3, 2, 10)) == paris(2026, 3, 9, 10)

    def test_several_problems_are_reported_together(self) -> None:
        error = error_of(
            charter,
            channels=[Channel("x", "phone", "", "web"), Channel("x", "phone")],
            engagements=[Engagement("a", "A", "end of day", channel="fax")],
        )
        assert [e.path for e in error.errors] == [
            "channels[1].id",
            "channels[0].calendar",
            "engagements[0].channel",
        ]
        assert str(error).startswith("3 problems in the charter:\n  channels[1].id: ")

    def test_field_types(self) -> None:
        assert error_of(charter, tz="Mars/Olympus").path == "tz"
        assert error_of(charter, locale="français").path == "locale"
        # "$" in a regex also matches before a final newline: it must not here.
        assert error_of(charter, locale="fr\n").path == "locale"
        assert error_of(charter, effective="2026-13-01").path == "effective"
        assert error_of(charter, calendars=[DESK]).path == "calendars"
        assert error_of(charter, calendars={"default": "9-5"}).path == (
            "calendars.default"
        )
        error = error_of(charter, engagements=["4 business hours"])
        assert str(error) == (
            "engagements[0]: expected a Engagement, got '4 business hours'"
        )


class TestCharterObject:
    def test_frozen_hashable_picklable(self) -> None:
        c = charter()
        assert hash(c) == hash(charter())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            c.title = "x"  # type: ignore[misc]
        c.calendar()
        for clone in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
            assert clone == c
            # 10:00 + 4 h around the 12:00-14:00 lunch break.
            assert clone.deadline("anomalies", paris(2026, 3, 2, 10)) == paris(
                2026, 3, 2, 16
            )

    def test_the_calendar_cache_is_not_part_of_equality(self) -> None:
        warm, cold = charter(), charter()
        warm.calendar("night")
        assert warm == cold
        assert hash(warm) == hash(cold)
        assert "cache" not in repr(warm)

    def test_calendars_are_compiled_once(self) -> None:
        c = charter()
        assert c.calendar() is c.calendar("default")
        assert c.calendar("night").hours == NIGHT

    def test_evolve_revalidates(self) -> None:
        with pytest.raises(InvalidCharterError, match="unknown channel"):
            attrs.evolve(charter(), channels=[])

    def test_unknown_engagement(self) -> None:
        with pytest.raises(UnknownEngagementError) as info:
            charter().engagement("callback")
        assert isinstance(info.value, KeyError)
        assert str(info.value) == (
            "unknown engagement 'callback'; known: 'anomalies', 'urgent', 'forms'"
        )
        assert info.value.key == "callback"
        with pytest.raises(UnknownEngagementError):
            charter().deadline("callback", paris(2026, 3, 2, 10))

    def test_unknown_calendar(self) -> None:
        with pytest.raises(UnknownCalendarError, match="known: 'default', 'night'"):
            charter().calendar("weekend")

    def test_errors_pickle(self) -> None:
        for exc in (
            UnknownEngagementError("x", ("a", "b")),
            InvalidCharterError(
                "a.b", 1, "bad", (InvalidCharterError("c", 2, "worse"),)
            ),
        ):
            clone = pickle.loads(pickle.dumps(exc))
            assert str(clone) == str(exc)
            assert type(clone) is type(exc)


class TestDeadlines:
    def test_scalar(self) -> None:
        c = charter()
        # Friday 16:30 + 4 h: Monday 6 April 2026 is Easter Monday.
        assert c.deadline("anomalies", paris(2026, 4, 3, 16, 30)) == paris(
            2026, 4, 7, 14, 30
        )

    def test_the_channel_calendar_is_used(self) -> None:
        c = charter()
        assert c.calendar_for("urgent").hours == NIGHT
        assert c.deadline("urgent", paris(2026, 4, 3, 16, 30)) == paris(2026, 4, 3, 21)
        assert c.calendar_for("forms").hours == DESK

    def test_deadlines_one_per_objective(self) -> None:
        received = paris(2026, 4, 2, 10)
        assert charter().deadlines("forms", received) == (
            paris(2026, 4, 8, 17),
            paris(2026, 4, 3, 0),
        )

    def test_array_matches_scalars_and_keeps_nat(self) -> None:
        c = charter()
        moments = [
            paris(2026, 4, 3, 16, 30),
            paris(2026, 4, 7, 8),
            paris(2026, 12, 24, 11),
        ]
        utc = [m.astimezone(dt.UTC).replace(tzinfo=None) for m in moments]
        received = np.array([*utc, "NaT"], dtype="datetime64[us]")
        due = c.deadline("anomalies", received)
        assert due.dtype == np.dtype("datetime64[us]")
        expected = [c.deadline("anomalies", m) for m in moments]
        assert due[:3].tolist() == [
            e.astimezone(dt.UTC).replace(tzinfo=None) for e in expected
        ]
        assert np.isnat(due[3])
        first, second = c.deadlines("forms", received)
        assert first.shape == second.shape == (4,)

    def test_naive_datetimes_are_refused(self) -> None:
        with pytest.raises(NaiveDatetimeError):
            charter().deadline("anomalies", dt.datetime(2026, 4, 3, 16))


class TestEngagementCaps:
    def test_caps_only_engagement(self) -> None:
        from servicecharter import DurationCap, Engagement

        usage = Engagement("usage", "Usage help", caps=["usage"])
        assert usage.objectives == ()
        built = charter(
            engagements=[usage],
            caps=[DurationCap("usage", "Usage help", "30 minutes", per="module")],
        )
        assert built.engagement("usage").caps == ("usage",)

    def test_needs_an_objective_or_a_cap(self) -> None:
        from servicecharter import Engagement

        with pytest.raises(InvalidCharterError, match="at least one objective or"):
            Engagement("empty", "Nothing promised")

    def test_unknown_cap_names_its_path(self) -> None:
        from servicecharter import Engagement

        usage = Engagement("usage", "Usage help", caps=["nope"])
        error = error_of(charter, engagements=[usage])
        assert error.path == "engagements[0].caps[0]"
        assert "unknown duration cap 'nope'" in str(error)
