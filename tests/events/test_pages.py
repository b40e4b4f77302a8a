"""The events pages: every language, right-to-left Persian, fixed queries, 404s."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pressroom import calendars
from tests.cities.factories import make_home, make_isfahan, make_partnership
from tests.pressroom.factories import make_event, make_release, visible_text

pytestmark = pytest.mark.django_db

DIRECTION = {"ru": "ltr", "fa": "rtl", "en": "ltr"}


def this_month(language):
    calendar = calendars.calendar_for(language)
    year, month = calendars.month_of(timezone.localdate(), calendar)
    return f"/{language}/events/{year}/{month:02d}/"


def pages(language, event):
    return [
        f"/{language}/events/",
        this_month(language),
        event.get_absolute_url(language),
    ]


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_every_events_page_answers_in_its_language(client, language):
    event = make_event(starts_at=timezone.now() + datetime.timedelta(hours=2))

    for url in pages(language, event):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in html
        assert getattr(event, f"title_{language}") in html, url
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in html
        assert 'style="' not in html


@pytest.mark.parametrize(
    ("language", "label"),
    [("ru", "Добавить в мой календарь"), ("fa", "افزودن به تقویم من")],
)
def test_the_ics_download_keeps_its_file_name_left_to_right(client, language, label):
    """In Persian text a bare "(.ics)" shows as "(ics.)": its dot joins the
    right-to-left words around it."""
    event = make_event()

    html = client.get(event.get_absolute_url(language)).content.decode()

    link = re.search(r'<a class="button-link"[^>]*download>(.*?)</a>', html)[1]
    assert link == f'{label} <bdi dir="ltr">(.ics)</bdi>'


def test_persian_events_pages_write_every_number_in_persian_digits(client):
    event = make_event(starts_at=timezone.now() + datetime.timedelta(hours=2))

    for url in pages("fa", event):
        text = visible_text(client.get(url), skip_foreign=True)
        assert not re.search(r"[0-9]", text), (
            url,
            re.findall(r".{20}[0-9].{20}", text),
        )


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(context.captured_queries)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_events_pages_run_as_many_queries_with_thirty_events_as_with_one(
    client, language
):
    release = make_release()
    soon = timezone.now() + datetime.timedelta(hours=2)
    event = make_event(starts_at=soon, releases=[release])
    partnership = make_partnership(partner=make_isfahan())
    partnership.calendar_events.add(event)
    urls = [*pages(language, event), f"/{language}/", f"/{language}/events/feed.ics"]

    with_one = [queries(client, url) for url in urls]
    for hours in range(29):
        other = make_event(starts_at=soon + datetime.timedelta(hours=hours))
        partnership.calendar_events.add(other)
        other.releases.add(make_release())
    with_thirty = [queries(client, url) for url in urls]

    assert with_thirty == with_one


@pytest.mark.parametrize(
    "url",
    [
        "/ru/events/2025/13/",
        "/ru/events/2025/0/",
        "/ru/events/1404/01/",  # a Jalali year on a Gregorian page
        "/fa/events/2025/04/",  # and the other way round
        "/en/events/99999/01/",
        "/en/events/0/",
        "/en/events/99999999999999999999999/",
        "/en/events/99999999999999999999999/event.ics",
        "/en/events/abc/",
    ],
)
def test_impossible_months_and_unknown_events_are_404(client, url):
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_month_with_a_one_digit_address_redirects_to_the_canonical_one(client):
    response = client.get("/ru/events/2025/4/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/ru/events/2025/04/"


def test_an_event_not_announced_in_a_language_offers_the_others(client):
    event = make_event(languages=("ru",))

    response = client.get(event.get_absolute_url("fa"))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert event.get_absolute_url("ru") in response.content.decode()
    assert client.get("/fa/events/").content.decode().count(event.title_ru) == 0


def test_the_list_shows_what_is_coming_not_what_is_over(client):
    past = make_event(starts_at=timezone.now() - datetime.timedelta(days=2))
    going_on = make_event(
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    later = make_event(starts_at=timezone.now() + datetime.timedelta(days=3))

    html = client.get("/en/events/").content.decode()

    assert past.title_en not in html
    assert html.index(going_on.title_en) < html.index(later.title_en)


def test_the_home_page_announces_the_next_three_events(client):
    soon = timezone.now() + datetime.timedelta(hours=1)
    events = [make_event(starts_at=soon + datetime.timedelta(days=n)) for n in range(4)]

    html = client.get("/ru/").content.decode()

    assert "Анонсы" in html
    assert [event.title_ru in html for event in events] == [True, True, True, False]


def test_an_event_page_shows_its_releases_partner_city_and_accreditation(client):
    release = make_release()
    draft = make_release(status="draft")
    event = make_event(releases=[release, draft], accreditation_required=True)
    make_partnership(partner=make_isfahan()).calendar_events.add(event)

    html = client.get(event.get_absolute_url("en")).content.decode()

    assert release.title_en in html and draft.title_en not in html
    assert 'href="/en/cities/isfahan/">Isfahan</a>' in html
    assert 'href="/en/press/#accreditation"' in html
    assert f'href="/en/events/{event.pk}/event.ics"' in html


def test_a_cancelled_event_stays_marked_as_cancelled(client):
    event = make_event(cancelled=True)

    assert "Cancelled" in client.get("/en/events/").content.decode()
    assert "cancelled" in client.get(event.get_absolute_url("en")).content.decode()


def test_partnership_anniversaries_appear_in_the_calendar_in_both_calendars(client):
    make_home()
    make_partnership(partner=make_isfahan(), signed_on=datetime.date(2025, 4, 9))

    english = client.get("/en/events/2026/04/").content.decode()
    persian = client.get("/fa/events/1405/01/").content.decode()

    # 20 Farvardin 1405 is 9 April 2026: one anniversary on the same day.
    assert english.count("Isfahan: 1 year of partnership") == 2  # grid and list
    assert "/en/cities/isfahan/" in english
    assert "اصفهان" in persian and "۱ سال" in persian
