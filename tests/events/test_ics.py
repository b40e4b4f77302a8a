"""The .ics feed and downloads, parsed back with icalendar as a calendar app would."""

import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from tests.cities.factories import make_home, make_isfahan, make_partnership
from tests.pressroom.factories import make_event

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


def parsed(response):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_the_feed_holds_the_events_of_its_language_in_kazan_time(client, language):
    start = datetime.datetime(2030, 5, 15, 10, 0, tzinfo=MOSCOW)
    event = make_event(starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    make_event(languages=("ru",), starts_at=start)

    calendar = parsed(client.get(f"/{language}/events/feed.ics"))

    events = calendar.walk("VEVENT")
    titles = [str(item["SUMMARY"]) for item in events]
    assert getattr(event, f"title_{language}") in titles
    assert len(events) == (2 if language == "ru" else 1)
    item = next(
        e for e in events if str(e["SUMMARY"]) == getattr(event, f"title_{language}")
    )
    assert item.decoded("DTSTART") == start
    assert str(item.decoded("DTSTART").tzinfo) == "Europe/Moscow"
    assert item.decoded("DTEND") == start + datetime.timedelta(hours=2)
    assert str(item["LOCATION"]) == getattr(event, f"place_{language}")
    assert str(item["UID"]).startswith(f"event-{event.pk}@")
    assert str(item["URL"]).endswith(event.get_absolute_url(language))
    assert str(item["STATUS"]) == "CONFIRMED"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Moscow"
    assert str(calendar["VERSION"]) == "2.0"


def test_calendar_apps_are_told_to_fetch_the_feed_again_every_six_hours(client):
    calendar = parsed(client.get("/ru/events/feed.ics"))

    six_hours = datetime.timedelta(hours=6)
    # REFRESH-INTERVAL (RFC 7986) and Outlook's X-PUBLISHED-TTL: both durations.
    assert calendar.decoded("REFRESH-INTERVAL") == six_hours
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT6H"
    assert icalendar.vDuration.from_ical(str(calendar["X-PUBLISHED-TTL"])) == six_hours


def test_the_same_event_keeps_its_uid_and_a_cancellation_is_published(client):
    event = make_event()
    first = parsed(client.get("/en/events/feed.ics")).walk("VEVENT")[0]["UID"]
    event.cancelled = True
    event.save()

    again = parsed(client.get("/en/events/feed.ics")).walk("VEVENT")[0]

    assert again["UID"] == first
    assert str(again["STATUS"]) == "CANCELLED"


def test_one_event_downloads_as_a_file(client):
    event = make_event()

    response = client.get(f"/fa/events/{event.pk}/event.ics")

    assert (
        response["Content-Disposition"]
        == f'attachment; filename="event-{event.pk}.ics"'
    )
    (item,) = parsed(response).walk("VEVENT")
    assert str(item["SUMMARY"]) == event.title_fa


def test_an_event_not_in_the_language_has_no_file(client):
    event = make_event(languages=("ru",))

    assert client.get(f"/en/events/{event.pk}/event.ics").status_code == 404


def test_anniversaries_are_all_day_entries_of_the_feed(client, settings):
    make_home()
    today = timezone.localdate()
    # Five years back (28 February for a 29th), ten days later in the year.
    signed_on = datetime.date(today.year - 5, today.month, min(today.day, 28))
    signed_on += datetime.timedelta(days=10)
    make_partnership(partner=make_isfahan(), signed_on=signed_on)

    entries = parsed(client.get("/en/events/feed.ics")).walk("VEVENT")

    # In each party's calendar: one entry, or two when the days differ.
    anniversaries = [e for e in entries if "5 years" in str(e["SUMMARY"])]
    assert 1 <= len(anniversaries) <= 2
    for anniversary in anniversaries:
        start = anniversary.decoded("DTSTART")
        assert isinstance(start, datetime.date)
        assert not isinstance(start, datetime.datetime)
        assert str(anniversary["URL"]).endswith("/en/cities/isfahan/")
