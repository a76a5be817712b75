"""obligations_status(): when recurring obligations were due, done and missed."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import servicecharter
from servicecharter import InvalidArgumentError
from tests.support.charters import CHARTER


def test_obligations_status() -> None:
    start = dt.date(2020, 1, 15)  # survey due every two years: 2022, 2024, 2026
    done = {"satisfaction-survey": [dt.date(2023, 6, 1), dt.date(2021, 12, 1)]}
    (survey,) = servicecharter.obligations_status(
        CHARTER, done, start=start, today=dt.date(2025, 3, 1)
    )
    assert survey.id == "satisfaction-survey"
    assert survey.last_done == dt.date(2023, 6, 1)
    assert survey.next_due == dt.date(2024, 1, 15)  # the first due after 2023-06-01
    assert survey.overdue is True
    assert survey.missed == ()  # done in (start, 2022-01-15] and (.., 2024-01-15]
    # start -> 2021-12-01 is 686 days, 2021-12-01 -> 2023-06-01 is 547.
    assert survey.longest_gap == dt.timedelta(days=686)
    assert survey.since_last == dt.date(2025, 3, 1) - dt.date(2023, 6, 1)
    (early,) = servicecharter.obligations_status(
        CHARTER, {}, start=start, today=dt.date(2022, 1, 15)
    )
    assert (early.next_due, early.overdue) == (dt.date(2022, 1, 15), False)
    assert early.missed == (dt.date(2022, 1, 15),)  # due today, not done yet
    assert early.last_done is None
    assert early.longest_gap is None
    with pytest.raises(InvalidArgumentError, match="unknown obligation 'nope'"):
        servicecharter.obligations_status(
            CHARTER, {"nope": []}, start=start, today=dt.date(2025, 3, 1)
        )
    with pytest.raises(InvalidArgumentError, match="must lie in"):
        servicecharter.obligations_status(
            CHARTER, done, start=start, today=dt.date(2023, 1, 1)
        )
    with pytest.raises(InvalidArgumentError, match="not a datetime"):
        servicecharter.obligations_status(
            CHARTER, {}, start=start, today=dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
        )


class TestEndedAndLongRules:
    """Rules that end, and a century of a daily rule (hardening, item 11)."""

    START, TODAY = dt.date(2020, 1, 1), dt.date(2026, 3, 1)

    def status(
        self,
        rule: str,
        done: list[dt.date],
        first_after: str | None = None,
        start: dt.date = START,
        today: dt.date = TODAY,
    ) -> servicecharter.ObligationStatus:
        obligation = servicecharter.RecurringObligation(
            "o", "O", rule, first_after=first_after
        )
        charter = attrs.evolve(CHARTER, obligations=[obligation])
        (status,) = servicecharter.obligations_status(
            charter, {"o": done}, start=start, today=today
        )
        return status

    @pytest.mark.parametrize(
        ("rule", "first_after", "done"),
        [
            ("FREQ=YEARLY;COUNT=3", None, [dt.date(2021, 1, 1), dt.date(2022, 1, 1)]),
            ("FREQ=YEARLY;UNTIL=20230101", None, [dt.date(2023, 1, 1)]),
            ("FREQ=YEARLY;COUNT=1", "1 month", [dt.date(2020, 2, 1)]),
            ("FREQ=MONTHLY;UNTIL=20211231", None, [dt.date(2021, 12, 1)]),
        ],
    )
    def test_an_ended_rule_is_never_due_again(
        self, rule: str, first_after: str | None, done: list[dt.date]
    ) -> None:
        # These raised OverflowError: the search for the next date widened
        # past the year 9999. The docs promise next_due=None.
        status = self.status(rule, done, first_after)
        assert status.next_due is None
        assert status.overdue is False
        assert status.last_done == done[-1]

    def test_an_ended_rule_still_reports_what_was_missed(self) -> None:
        # COUNT counts the start (2020-01-01), which is not itself due.
        status = self.status("FREQ=YEARLY;COUNT=4", [dt.date(2021, 6, 1)])
        assert status.missed == (dt.date(2021, 1, 1), dt.date(2023, 1, 1))
        assert status.next_due == dt.date(2022, 1, 1)
        assert status.overdue is True

    def test_next_due_is_the_first_occurrence_after_the_last_done(self) -> None:
        # A brute-force reference: every occurrence listed, the first after
        # the last done date taken.
        obligation = servicecharter.RecurringObligation(
            "o", "O", "FREQ=MONTHLY;BYMONTHDAY=31", first_after="10 days"
        )
        for last in (dt.date(2020, 1, 5), dt.date(2020, 1, 31), dt.date(2020, 4, 2)):
            every = obligation.occurrences(self.START, dt.date(2021, 1, 1))
            expected = next(d for d in every if d > last)
            assert obligation.next_due(self.START, last) == expected

    def test_missed_matches_the_pairwise_definition(self) -> None:
        # The reference is the definition, each due date against every done
        # date: a due date is missed with no done date in (previous due, it].
        start, today = dt.date(1990, 1, 3), dt.date(2026, 1, 1)
        done = sorted({start + dt.timedelta(days=(i * i) % 13000) for i in range(900)})
        status = self.status("FREQ=WEEKLY;BYDAY=MO,TH", done, start=start, today=today)
        due = servicecharter.RecurringObligation(
            "o", "O", "FREQ=WEEKLY;BYDAY=MO,TH"
        ).occurrences(start, today)
        previous, expected = start - dt.timedelta(days=1), []
        for day in due:
            if not any(previous < d <= day for d in done):
                expected.append(day)
            previous = day
        assert 0 < len(expected) < len(due)
        assert list(status.missed) == expected
