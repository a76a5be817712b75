"""The bundled example charters: they load, round-trip, and say what the texts say.

Every expected deadline below was worked out by hand from the calendar
(weekdays, French and Belgian public holidays, the clock changes of 29 March
and 25 October 2026), never by calling the library.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

import servicecharter
from servicecharter import (
    Charter,
    InvalidArgumentError,
    ServiceCharterError,
    UnknownExampleError,
    dumps,
    examples,
    loads,
)
from tests.support.zones import PARIS, paris

BRUSSELS = ZoneInfo("Europe/Brussels")
NAMES = [
    "digital-best-practices",
    "digital-quality",
    "home-services",
    "public-service",
    "technical-support",
]
# The published charters above, and the helpdesk's service levels.
ALL = sorted([*NAMES, "helpdesk"])


def brussels(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BRUSSELS)  # type: ignore[misc]


def iso(value: dt.datetime) -> str:
    return value.isoformat()


def ids(items: tuple[object, ...]) -> list[str]:
    return [item.id for item in items]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def support() -> Charter:
    return examples.load("technical-support")


@pytest.fixture(scope="module")
def home() -> Charter:
    return examples.load("home-services")


# ------------------------------------------------------------ the package --


def test_names_lists_the_examples_sorted() -> None:
    assert examples.names() == ALL


@pytest.mark.parametrize("name", ALL)
def test_each_example_loads_as_a_charter_named_after_it(name: str) -> None:
    charter = examples.load(name)
    assert isinstance(charter, Charter)
    assert charter.id == name
    assert charter.provider.startswith("Example ")


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("format", ["toml", "json"])
def test_each_example_round_trips(name: str, format: str) -> None:
    charter = examples.load(name)
    text = dumps(charter, format)  # type: ignore[arg-type]
    assert loads(text, format) == charter  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ALL)
def test_each_example_round_trips_through_a_file(name: str, tmp_path: object) -> None:
    charter = examples.load(name)
    for suffix in (".toml", ".json"):
        path = tmp_path / f"{name}{suffix}"  # type: ignore[operator]
        servicecharter.dump(charter, path)
        assert servicecharter.load(path) == charter


@pytest.mark.parametrize("name", ALL)
def test_each_file_is_the_text_the_charter_is_read_from(name: str) -> None:
    assert loads(examples.text(name)) == examples.load(name)


def test_an_unknown_name_is_a_key_error_listing_the_names() -> None:
    with pytest.raises(UnknownExampleError) as info:
        examples.load("support")
    error = info.value
    assert isinstance(error, KeyError)
    assert isinstance(error, ServiceCharterError)
    assert error.key == "support"
    assert error.known == tuple(ALL)
    assert str(error) == (
        "unknown example 'support'; known: 'digital-best-practices', "
        "'digital-quality', 'helpdesk', 'home-services', 'public-service', "
        "'technical-support'"
    )
    with pytest.raises(UnknownExampleError):
        examples.text("technical-support.toml")


def test_the_error_is_exported_at_the_top() -> None:
    assert servicecharter.UnknownExampleError is UnknownExampleError
    assert "UnknownExampleError" in servicecharter.__all__
    assert servicecharter.__all__ == sorted(servicecharter.__all__)


@pytest.mark.parametrize("name", NAMES)
def test_no_contact_details_are_bundled(name: str) -> None:
    text = examples.text(name)
    assert not re.search(r"\d{2}[. ]\d{2}[. ]\d{2}[. ]\d{2}", text)  # phones
    assert not re.search(r"www\.|https?:|@|\.com\b|\.fr\b|\.be\b", text)
    for name_in_source in ("CLIP", "Clip", "ASPIRES", "Franche-Comté", "DIGIT"):
        assert name_in_source not in text


@pytest.mark.parametrize("name", NAMES)
def test_every_item_keeps_its_text(name: str) -> None:
    charter = examples.load(name)
    for collection in ("engagements", "obligations", "caps", "commitments"):
        for item in getattr(charter, collection):
            assert item.text.strip(), f"{collection} {item.id} has no text"
            assert item.title.strip(), f"{collection} {item.id} has no title"
    for duty in charter.duties:
        assert duty.text.strip()


@pytest.mark.parametrize("name", NAMES)
def test_channel_titles_are_short_and_their_texts_say_the_rest(name: str) -> None:
    # A channel's title heads its opening hours: a few words, no sentences.
    for channel in examples.load(name).channels:
        assert 0 < len(channel.title) < 60, channel.id
        assert ". " not in channel.title
        assert channel.text == channel.text.strip()


# The document's own sentences about each channel, once in the titles.
CHANNEL_TEXTS = {
    ("technical-support", "phone"): (
        "Ouverture du service : Le Support Technique est accessible [par "
        "téléphone] du Lundi au Vendredi (hors jours fériés) de 9h00 à 12h00 et "
        "de 14h00 à 17H."
    ),
    ("technical-support", "web"): (
        "Un formulaire «Demandes et Observations » est accessible via l'espace "
        "client du site de [Example Software Support]."
    ),
    ("home-services", "phone"): (
        "L'accueil téléphonique est assuré du lundi au vendredi de 9 Heures à 18 "
        "Heures. En cas d'absence un répondeur prend vos messages."
    ),
    ("public-service", "counter"): (
        "Accueil : heures d'ouverture types du modèle, du lundi au vendredi, "
        "9h-12h et 13h-16h, hors jours fériés."
    ),
    ("public-service", "phone"): (
        "Accessibilité téléphonique : heures types du modèle, du lundi au "
        "vendredi, 9h-12h et 13h-16h, hors jours fériés."
    ),
}


def test_channel_texts_hold_the_original_sentences() -> None:
    texts = {
        (name, channel.id): channel.text
        for name in NAMES
        for channel in examples.load(name).channels
        if channel.text
    }
    assert texts == CHANNEL_TEXTS
    titles = {
        (name, channel.id): channel.title
        for name in NAMES
        for channel in examples.load(name).channels
    }
    assert titles == {
        ("technical-support", "phone"): "1/ Support téléphonique",
        ("technical-support", "web"): "6/ Formulaire « Demandes et Observations »",
        ("home-services", "phone"): "Accueil téléphonique",
        ("public-service", "counter"): "Accueil",
        ("public-service", "phone"): "Accessibilité téléphonique",
        ("public-service", "email"): "Communication électronique",
        ("public-service", "mail"): "Courrier",
    }


@pytest.mark.parametrize("name", NAMES)
def test_french_and_belgian_calendars(name: str) -> None:
    charter = examples.load(name)
    calendar = charter.calendar()
    if name == "public-service":
        assert charter.locale == "fr-BE"
        assert charter.tz == BRUSSELS
        assert calendar.hours.tz == BRUSSELS
        assert not calendar.is_business_day(dt.date(2026, 7, 21))  # National Day
        assert calendar.is_business_day(dt.date(2026, 7, 14))
    else:
        assert charter.locale == "fr-FR"
        assert charter.tz == PARIS
        assert calendar.hours.tz == PARIS
        assert not calendar.is_business_day(dt.date(2026, 7, 14))  # Fête nationale
        assert calendar.is_business_day(dt.date(2026, 7, 21))
    assert not calendar.is_business_day(dt.date(2026, 4, 6))  # Easter Monday
    assert not calendar.is_business_day(dt.date(2026, 3, 28))  # a Saturday


# ----------------------------------------------------- technical support --


def test_support_desk_hours(support: Charter) -> None:
    desk = support.calendar_for("anomalies")
    assert desk.is_open(paris(2026, 3, 30, 9, 0))
    assert not desk.is_open(paris(2026, 3, 30, 12, 30))  # lunch break
    assert desk.is_open(paris(2026, 3, 30, 16, 59))
    assert not desk.is_open(paris(2026, 3, 30, 17, 0))
    assert not desk.is_open(paris(2026, 5, 1, 10, 0))  # Labour Day
    assert iso(desk.next_open(paris(2026, 4, 3, 17, 30))) == "2026-04-07T09:00:00+02:00"


def test_support_engagement_ids(support: Charter) -> None:
    assert ids(support.engagements) == [
        "installation",
        "anomalies",
        "specific-requests",
        "web-form",
        "callbacks",
        "usage",
    ]


def test_usage_is_bounded_by_caps_not_by_a_deadline(support: Charter) -> None:
    usage = support.engagement("usage")
    assert usage.objectives == ()
    limits = {cap.id: cap.limit for cap in support.caps if cap.id in usage.caps}
    assert limits == {
        "usage-trained": dt.timedelta(minutes=30),
        "usage-untrained": dt.timedelta(minutes=15),
    }
    with pytest.raises(InvalidArgumentError, match="no deadline objective"):
        support.deadline("usage", paris(2026, 3, 27, 10))


def test_anomalies_within_4_business_hours(support: Charter) -> None:
    # Friday 16:30-17:00 is half an hour, Monday 09:00-12:00 three more, and
    # the last half hour runs from 14:00 (the clocks went forward on Sunday).
    call = paris(2026, 3, 27, 16, 30)
    assert iso(support.deadline("anomalies", call)) == "2026-03-30T14:30:00+02:00"


def test_installation_within_12_business_hours(support: Charter) -> None:
    # 0.5 h on Friday, 6 h on Monday, then 5.5 h on Tuesday: 3 h to noon and
    # 2.5 h from 14:00.
    call = paris(2026, 3, 27, 16, 30)
    assert iso(support.deadline("installation", call)) == "2026-03-31T16:30:00+02:00"


def test_specific_requests_within_48_business_hours(support: Charter) -> None:
    # 0.5 h on Friday 27 March, then 6 h a day: Mon 30 to Fri 3 April make
    # 30.5 h; Easter Monday is closed; Tue 7 and Wed 8 make 42.5 h; the last
    # 5.5 h are Thursday 9 April 09:00-12:00 and 14:00-16:30.
    call = paris(2026, 3, 27, 16, 30)
    due = support.deadline("specific-requests", call)
    assert iso(due) == "2026-04-09T16:30:00+02:00"


def test_callbacks_next_business_day_at_nine(support: Charter) -> None:
    # Friday evening, Easter weekend: Monday 6 April is Easter Monday.
    late = paris(2026, 4, 3, 17, 30)
    assert iso(support.deadline("callbacks", late)) == "2026-04-07T09:00:00+02:00"
    monday = paris(2026, 3, 30, 17, 15)
    assert iso(support.deadline("callbacks", monday)) == "2026-03-31T09:00:00+02:00"


def test_web_form_three_days_and_sixty_percent_the_same_day(support: Charter) -> None:
    engagement = support.engagement("web-form")
    assert [o.share for o in engagement.objectives] == [1.0, 0.6]
    assert [str(o.within) for o in engagement.objectives] == [
        "3 business days",
        "same business day",
    ]
    # Friday 3 April 10:00: day zero is Friday; Easter Monday is skipped, so
    # the third business day is Thursday 9 April, due at its 17:00 closing.
    # The same-day share is due by the end of Friday.
    morning = paris(2026, 4, 3, 10, 0)
    assert [iso(d) for d in support.deadlines("web-form", morning)] == [
        "2026-04-09T17:00:00+02:00",
        "2026-04-04T00:00:00+02:00",
    ]
    # After Friday's closing: still three business days from Friday, but the
    # "same day" is the next business day, Tuesday 7 April.
    evening = paris(2026, 4, 3, 17, 30)
    assert [iso(d) for d in support.deadlines("web-form", evening)] == [
        "2026-04-09T17:00:00+02:00",
        "2026-04-08T00:00:00+02:00",
    ]


def test_usage_help_is_two_caps_without_a_deadline(support: Charter) -> None:
    caps = {cap.id: cap for cap in support.caps}
    assert caps["usage-trained"].limit == dt.timedelta(minutes=30)
    assert caps["usage-trained"].per == "module"
    assert caps["usage-untrained"].limit == dt.timedelta(minutes=15)
    assert "30 minutes par module" in caps["usage-trained"].text
    assert "limitée à 15 minutes" in caps["usage-untrained"].text
    assert all(cap.title.startswith("4/ ") for cap in support.caps)


def test_survey_at_least_every_two_years(support: Charter) -> None:
    (survey,) = support.obligations
    assert survey.rrule == "FREQ=YEARLY;INTERVAL=2"
    due = survey.occurrences(dt.date(2026, 3, 15), dt.date(2031, 1, 1))
    assert due == [dt.date(2028, 3, 15), dt.date(2030, 3, 15)]


def test_support_counts(support: Charter) -> None:
    assert len(support.channels) == 2
    assert len(support.engagements) == 6  # "usage" has caps, no deadline
    assert len(support.caps) == 2
    assert len(support.obligations) == 1
    assert len(support.commitments) == 7
    assert len(support.duties) == 8  # the eight good practices asked of clients
    assert support.revisions[0].date == dt.date(2009, 7, 1)
    assert support.effective == dt.date(2009, 7, 1)


def test_each_of_the_twelve_numbered_engagements_is_modelled(support: Charter) -> None:
    sections: dict[int, list[str]] = {}
    for collection in ("channels", "engagements", "obligations", "caps"):
        for item in getattr(support, collection):
            found = re.match(r"(\d+)/ ", item.title)
            if found:
                sections.setdefault(int(found[1]), []).append(item.id)
    for item in support.commitments:
        found = re.match(r"(\d+)/ ", item.title)
        if found:
            sections.setdefault(int(found[1]), []).append(item.id)
    assert sections == {
        1: ["phone"],
        2: ["installation"],
        3: ["anomalies"],
        4: ["usage", "usage-trained", "usage-untrained"],
        5: ["specific-requests"],
        6: ["web", "web-form"],
        7: ["technical-skills", "business-skills"],
        8: ["satisfaction-survey"],
        9: ["customer-service"],
        10: ["proactive-management"],
        11: ["reporting"],
        12: ["environmental-footprint"],
    }
    # The note (*) on call-backs and the preamble are kept too.
    assert support.engagement("callbacks").title.startswith("(*)")
    assert "reference-document" in ids(support.commitments)


# --------------------------------------------------------- home services --


def test_home_phone_hours(home: Charter) -> None:
    desk = home.calendar_for("callback")
    assert desk.is_open(paris(2026, 3, 27, 17, 59))
    assert not desk.is_open(paris(2026, 3, 27, 18, 0))
    assert not desk.is_open(paris(2026, 3, 28, 10, 0))  # Saturday


def test_home_callback_within_24_hours(home: Charter) -> None:
    # Elapsed time, not business hours: a Friday request is due on Saturday.
    friday = paris(2026, 3, 27, 15, 0)
    assert iso(home.deadline("callback", friday)) == "2026-03-28T15:00:00+01:00"
    # Over the night the clocks go forward, 24 hours later reads 13:00.
    saturday = paris(2026, 3, 28, 12, 0)
    assert iso(home.deadline("callback", saturday)) == "2026-03-29T13:00:00+02:00"


def test_home_withdrawal_period_of_seven_days(home: Charter) -> None:
    # Signed Tuesday 10 March: the seventh day is Tuesday 17, whole day.
    tuesday = paris(2026, 3, 10, 11, 0)
    assert iso(home.deadline("withdrawal", tuesday)) == "2026-03-18T00:00:00+01:00"
    # Signed on a Saturday: the seventh day is Saturday 14 March, extended to
    # Monday 16, whole day.
    saturday = paris(2026, 3, 7, 11, 0)
    assert iso(home.deadline("withdrawal", saturday)) == "2026-03-17T00:00:00+01:00"
    # Signed Thursday 7 May: the seventh day is Ascension Thursday, extended
    # to Friday 15 May.
    thursday = paris(2026, 5, 7, 16, 0)
    assert iso(home.deadline("withdrawal", thursday)) == "2026-05-16T00:00:00+02:00"


def test_home_contract_ends_with_the_current_month(home: Charter) -> None:
    notice = paris(2026, 2, 10, 10, 0)
    assert iso(home.deadline("termination", notice)) == "2026-03-01T00:00:00+01:00"
    last_evening = paris(2026, 3, 31, 23, 30)
    due = home.deadline("termination", last_evening)
    assert iso(due) == "2026-04-01T00:00:00+02:00"


def test_home_recurring_obligations(home: Charter) -> None:
    obligations = {o.id: o for o in home.obligations}
    start, until = dt.date(2026, 1, 31), dt.date(2028, 12, 31)
    # One month after 31 January is the last day of February, then yearly.
    assert obligations["follow-up-call"].occurrences(start, until) == [
        dt.date(2026, 2, 28),
        dt.date(2027, 2, 28),
        dt.date(2028, 2, 28),
    ]
    yearly = [dt.date(2027, 1, 31), dt.date(2028, 1, 31)]
    assert obligations["satisfaction-survey"].occurrences(start, until) == yearly
    assert obligations["tax-certificate"].occurrences(start, until) == yearly


def test_home_nothing_lost(home: Charter) -> None:
    # The document has 27 bullets and one heading line ("Les salariés signent
    # la Charte Client"): the phone hours are a channel, three are deadlines,
    # three recurring obligations, and 21 are qualitative commitments.
    assert len(home.channels) == 1
    assert ids(home.engagements) == ["callback", "withdrawal", "termination"]
    assert len(home.obligations) == 3
    assert len(home.commitments) == 21
    quote = next(c for c in home.commitments if c.id == "quote")
    assert "supérieures à 100€" in quote.text


# ------------------------------------------------ digital best practices --


def test_board_meets_within_two_months_of_a_report() -> None:
    charter = examples.load("digital-best-practices")
    # Two months after 31 December is the last day of February.
    report = paris(2026, 12, 31, 10, 0)
    due = charter.deadline("breach-review", report)
    assert iso(due) == "2027-02-28T10:00:00+01:00"
    # Calendar months keep the wall-clock time over the clock change.
    winter = paris(2026, 2, 10, 12, 0)
    assert iso(charter.deadline("breach-review", winter)) == "2026-04-10T12:00:00+02:00"


def test_best_practices_nothing_lost() -> None:
    charter = examples.load("digital-best-practices")
    # 27 list items, the ownership and purpose paragraphs, the label, and the
    # two parts of "Radiation" (the 2-month deadline and the sanction).
    assert ids(charter.engagements) == ["breach-review"]
    assert len(charter.commitments) == 31
    assert not charter.obligations
    assert not charter.duties


# ------------------------------------------------------- digital quality --


def test_digital_quality_has_nothing_to_compute() -> None:
    charter = examples.load("digital-quality")
    assert not charter.engagements
    assert not charter.obligations
    assert not charter.caps
    assert len(charter.commitments) == 33
    assert ids(charter.duties) == ["express-needs", "client-supplies"]
    assert charter.version == "2.1"
    assert [(r.version, r.date) for r in charter.revisions] == [
        ("1.0", dt.date(2017, 7, 1)),
        ("1.1", dt.date(2017, 8, 30)),
        ("2.0", dt.date(2021, 6, 29)),
        ("2.1", dt.date(2023, 5, 10)),
    ]
    scope = next(c for c in charter.commitments if c.id == "scope-clients")
    assert "(effectifs > à 250)" in scope.text


# -------------------------------------------------------- public service --


def test_public_service_template_values_are_stated_as_such() -> None:
    charter = examples.load("public-service")
    for engagement in charter.engagements:
        assert "valeur type" in engagement.title
        assert "valeur type de ce modèle" in engagement.text
        assert "Le guide ne fixe aucun délai" in engagement.text


def test_public_service_elements_are_all_kept() -> None:
    charter = examples.load("public-service")
    elements = [c for c in charter.commitments if c.title.startswith("Élément ")]
    assert [c.title.split(" :")[0] for c in elements] == [
        f"Élément {n}" for n in range(1, 12)
    ]
    assert elements[1].text == "accessibilité téléphonique"
    assert len(charter.commitments) == 15
    assert len(charter.duties) == 2


def test_information_requests_skip_the_belgian_national_day() -> None:
    charter = examples.load("public-service")
    # Monday 20 July is day zero; Tuesday 21 July is the National Day; the
    # fifth business day is Tuesday 28 July, due at its 16:00 closing.
    request = brussels(2026, 7, 20, 10, 0)
    due = charter.deadline("information-requests", request)
    assert iso(due) == "2026-07-28T16:00:00+02:00"


def test_substantive_questions_thirty_days_extended() -> None:
    charter = examples.load("public-service")
    # Friday 2 October + 30 days is Sunday 1 November (All Saints' Day),
    # extended to Monday 2 November, whole day; winter time by then.
    question = brussels(2026, 10, 2, 11, 0)
    due = charter.deadline("substantive-questions", question)
    assert iso(due) == "2026-11-03T00:00:00+01:00"
    # Sunday 21 June + 30 days is Tuesday 21 July, the National Day.
    june = brussels(2026, 6, 21, 9, 0)
    due = charter.deadline("substantive-questions", june)
    assert iso(due) == "2026-07-23T00:00:00+02:00"
