"""obligations_status(): when recurring obligations were due, done and missed."""

from __future__ import annotations

import datetime as dt

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
