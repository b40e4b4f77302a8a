"""The language switcher from every kind of public page, in every language.

It leads to the same page in the other language; where that does not exist, to
the "not available" page of that very item, or to the nearest page that does
(a list's first page, a year, the list): never to a home page the reader did
not ask for, never to a bare 404.
"""

from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.utils import timezone

from tests.cities.factories import make_city
from tests.pressroom.factories import (
    make_event,
    make_release,
    make_releases,
    make_topic,
    switcher_links,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "fa", "en")


@pytest.fixture
def site():
    """Content that exists in some languages only."""
    topic = make_topic(slug="culture", name_fa="")  # no Persian name
    everywhere = make_release(topics=[topic])
    # Two pages of Russian news, one of Persian and English.
    make_releases(25, languages=("ru",))
    partial = make_release(languages=("ru", "en"))
    city = make_city(slug="yazd", languages=("ru", "en"))
    event = make_event(languages=("ru", "fa"))
    return {
        "everywhere": everywhere,
        "partial": partial,
        "city": city,
        "event": event,
    }


def pages(site, language):
    """A page of each kind, in `language`, as a reader reaches it."""
    from pressroom import calendars

    year, month = calendars.month_of(
        timezone.localdate(), calendars.calendar_for(language)
    )
    found = {
        "home": f"/{language}/",
        "news": f"/{language}/news/",
        "topic": f"/{language}/topics/culture/",
        "topic filter": f"/{language}/news/?topic=culture",
        "release": site["everywhere"].get_absolute_url(language),
        "release in two languages": site["partial"].get_absolute_url(language),
        "month": f"/{language}/news/{year}/{month:02d}/",
        "year": f"/{language}/news/{year}/",
        "search": f"/{language}/search/?q={quote('news')}",
        "about": f"/{language}/about/",
        "cities": f"/{language}/cities/",
        "city": site["city"].get_absolute_url(language),
        "events": f"/{language}/events/",
        "event": site["event"].get_absolute_url(language),
        "press desk": f"/{language}/press/",
        "subscribe": f"/{language}/subscribe/",
    }
    if language == "ru":  # the others have one page of news
        found["news page 2"] = "/ru/news/?page=2"
    if language != "fa":  # the topic and the city have no Persian name
        found["topic, page 1"] = f"/{language}/topics/culture/?page=1"
    else:
        for name in ("topic", "topic filter", "city"):
            del found[name]
    return found


def is_not_available_page(response, language):
    """The "not available in this language" page, offering the others."""
    return (
        response.status_code == HTTPStatus.NOT_FOUND
        and response["Content-Language"] == language
        and '<ul class="offers">' in response.content.decode()
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_never_loses_the_reader(client, site, language):
    problems = []
    for name, url in pages(site, language).items():
        response = client.get(url)
        # The reader's own page may be "not available" (the release in two
        # languages, in Persian): its switcher is checked all the same.
        if response.status_code != HTTPStatus.OK and not is_not_available_page(
            response, language
        ):
            problems.append(f"{name}: {url} answers {response.status_code}")
            continue
        for code, target in switcher_links(response).items():
            if name != "home" and target == f"/{code}/":
                problems.append(f"{name} ({url}) -> {code}: the home page")
                continue
            answer = client.get(target)
            if answer.status_code != HTTPStatus.OK and not is_not_available_page(
                answer, code
            ):
                problems.append(f"{name} ({url}) -> {target}: {answer.status_code}")
    assert problems == []


def test_a_list_page_leads_to_the_first_page_of_the_other_languages(client, site):
    links = switcher_links(client.get("/ru/news/?page=2"))

    assert links == {"fa": "/fa/news/", "en": "/en/news/"}


def test_a_release_missing_in_a_language_leads_to_its_not_available_page(client, site):
    release = site["partial"]

    links = switcher_links(client.get(release.get_absolute_url("ru")))

    response = client.get(links["fa"])
    assert is_not_available_page(response, "fa")
    # It names the languages the release exists in.
    html = response.content.decode()
    assert release.get_absolute_url("ru") in html
    assert release.get_absolute_url("en") in html


def test_a_city_missing_in_a_language_leads_to_the_partner_cities(client, site):
    links = switcher_links(client.get(site["city"].get_absolute_url("ru")))

    assert links == {"fa": "/fa/cities/", "en": site["city"].get_absolute_url("en")}


def test_an_event_missing_in_a_language_leads_to_its_not_available_page(client, site):
    links = switcher_links(client.get(site["event"].get_absolute_url("ru")))

    assert links["en"] == site["event"].get_absolute_url("en")
    assert client.get(links["en"]).status_code == HTTPStatus.NOT_FOUND
