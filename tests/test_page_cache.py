"""The page cache for anonymous readers (pressroom/shell/cache.py).

Each test turns the cache on itself (the suite runs with it off); the caches
in memory are emptied before each test (tests/conftest.py).
"""

import datetime
import threading
import time
import uuid
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from pressroom.models import PressRelease
from tests import services
from tests.cities.factories import make_partner_city
from tests.pages import news
from tests.pressroom.factories import (
    make_release,
    make_releases,
    make_staff,
    make_topic,
)

HIT, MISS = "hit", "miss"


@pytest.fixture
def staff_client(db):
    client = Client()
    client.force_login(make_staff())
    return client


def cache_state(response):
    return response.get("X-Page-Cache")


def test_second_anonymous_visit_is_served_from_the_cache(client, page_cache):
    release = make_release()
    first = client.get(news())
    second = client.get(news())
    assert cache_state(first) == MISS
    assert cache_state(second) == HIT
    assert second.content == first.content
    assert release.title_ru.encode() in second.content


def test_each_language_and_query_string_is_cached_apart(client, page_cache):
    make_release()
    for language in ("ru", "fa", "en"):
        assert cache_state(client.get(news(language))) == MISS
    for language in ("ru", "fa", "en"):
        response = client.get(news(language))
        assert cache_state(response) == HIT
        assert f'<html lang="{language}"'.encode() in response.content
        assert response["Content-Language"] == language
    assert cache_state(client.get(news() + "?page=1")) == MISS


def test_a_cached_page_keeps_its_headers_and_sets_no_cookie(client, page_cache):
    make_release()
    client.get(news("fa"))
    response = client.get(news("fa"))
    assert cache_state(response) == HIT
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Content-Type"].startswith("text/html")
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()


def test_a_head_request_does_not_cache_an_empty_page(client, page_cache):
    release = make_release()
    client.head(news())
    response = client.get(news())
    assert release.title_ru.encode() in response.content


def test_staff_pages_never_come_from_or_go_into_the_cache(
    client, staff_client, page_cache
):
    make_release()
    client.get(news())
    assert cache_state(client.get(news())) == HIT
    staff = staff_client.get(news())
    assert staff.status_code == HTTPStatus.OK
    assert cache_state(staff) is None
    # What staff saw was not stored for anyone.
    staff_client.get(news("en"))
    assert cache_state(staff_client.get(news("en"))) is None
    assert cache_state(client.get(news("en"))) == MISS


def test_a_draft_opened_by_staff_is_not_cached(client, staff_client, page_cache):
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    url = draft.get_absolute_url("ru")
    for _visit in range(2):
        response = staff_client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert cache_state(response) is None
    anonymous = client.get(url)
    assert anonymous.status_code == HTTPStatus.NOT_FOUND
    assert draft.title_ru.encode() not in anonymous.content


def test_a_preview_link_is_never_cached(client, page_cache):

    from pressroom.models import PreviewLink

    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    link = PreviewLink(release=draft, language="ru")
    token = link.issue_token()
    link.save()
    url = link.url(token)
    for _visit in range(2):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert cache_state(response) != HIT
    link.revoked_at = timezone.now()
    link.save()
    assert client.get(url).status_code != HTTPStatus.OK


def test_publishing_a_release_shows_it_at_once(client, page_cache):
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    client.get(news())
    assert draft.title_ru.encode() not in client.get(news()).content
    draft.status = PressRelease.Status.PUBLISHED
    draft.published_at = timezone.now() - datetime.timedelta(minutes=1)
    draft.save()
    response = client.get(news())
    assert cache_state(response) == MISS
    assert draft.title_ru.encode() in response.content


def test_editing_a_release_refreshes_its_pages(client, page_cache):
    release = make_release()
    url = release.get_absolute_url("en")
    client.get(url)
    assert cache_state(client.get(url)) == HIT
    release.lead_en = "A corrected summary of the press release."
    release.save()
    response = client.get(url)
    assert b"A corrected summary" in response.content


def test_withdrawing_a_release_removes_it_from_cached_lists(client, page_cache):
    release = make_release()
    client.get(news("fa"))
    assert release.title_fa.encode() in client.get(news("fa")).content
    release.status = PressRelease.Status.WITHDRAWN
    release.withdrawal_reason_fa = "اشتباه در متن"
    release.save()
    response = client.get(news("fa"))
    assert release.title_fa.encode() not in response.content


def test_deleting_a_release_removes_it_from_cached_lists(client, page_cache):
    release = make_release()
    client.get(news())
    release.delete()
    assert release.title_ru.encode() not in client.get(news()).content


def test_renaming_a_topic_refreshes_its_pages(client, page_cache):
    topic = make_topic(name_en="Culture")
    make_release(topics=[topic])
    with translation.override("en"):
        url = topic.get_absolute_url()
    client.get(url)
    assert cache_state(client.get(url)) == HIT
    topic.name_en = "Arts and culture"
    topic.save()
    assert b"Arts and culture" in client.get(url).content


def test_tagging_a_release_with_a_topic_refreshes_the_topic_page(client, page_cache):
    topic = make_topic()
    release = make_release()
    with translation.override("ru"):
        url = topic.get_absolute_url()
    client.get(url)
    assert release.title_ru.encode() not in client.get(url).content
    release.topics.add(topic)
    assert release.title_ru.encode() in client.get(url).content


def test_a_scheduled_release_appears_when_its_time_comes(client, page_cache):
    make_release()
    due = timezone.now() + datetime.timedelta(seconds=1.5)
    scheduled = make_release(published_at=due)
    first = client.get(news())
    assert cache_state(first) == MISS
    assert scheduled.title_ru.encode() not in first.content
    assert cache_state(client.get(news())) == HIT
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    response = client.get(news())
    assert cache_state(response) == MISS
    assert scheduled.title_ru.encode() in response.content


def make_partnership(**kwargs):
    kwargs.setdefault("slug", f"isfahan-{uuid.uuid4().hex[:6]}")
    return make_partner_city(**kwargs).partnerships.get()


def test_a_new_partnership_refreshes_the_partner_cities_page(client, page_cache):
    make_partnership()
    with translation.override("en"):
        url = reverse("cities:list")
    client.get(url)
    assert cache_state(client.get(url)) == HIT
    assert b"Isfahan" in client.get(url).content
    make_partnership(name_en="Yazd")
    response = client.get(url)
    assert cache_state(response) == MISS
    assert b"Yazd" in response.content


def test_ending_or_deleting_a_partnership_refreshes_the_city_page(client, page_cache):
    partnership = make_partnership()
    url = partnership.partner.get_absolute_url("en")
    client.get(url)
    assert cache_state(client.get(url)) == HIT
    partnership.status = partnership.Status.ENDED
    partnership.status_since = datetime.date(2025, 1, 1)
    partnership.save()
    assert cache_state(client.get(url)) == MISS
    assert cache_state(client.get(url)) == HIT
    partnership.delete()
    assert cache_state(client.get(url)) == MISS


@pytest.mark.parametrize("cached", [False, True], ids=["cold", "warm"])
def test_a_conditional_request_is_answered_304(
    client, settings, page_cache, cached, django_assert_max_num_queries
):
    if not cached:
        settings.PAGE_CACHE_SECONDS = 0
    make_release()
    etag = client.get(news())["ETag"]
    # Warm, the answer comes from the cache without a query.
    with django_assert_max_num_queries(0 if cached else 100):
        response = client.get(news(), headers={"if-none-match": etag})
    assert response.status_code == HTTPStatus.NOT_MODIFIED
    assert response["ETag"] == etag
    assert not response.content


def test_a_stale_etag_gets_the_new_page(client, page_cache):
    release = make_release()
    etag = client.get(news())["ETag"]
    release.title_ru = "Исправленный заголовок"
    release.save()
    response = client.get(news(), headers={"if-none-match": etag})
    assert response.status_code == HTTPStatus.OK
    assert "Исправленный заголовок".encode() in response.content
    assert response["ETag"] != etag


def test_odd_requests_are_not_cached(client, page_cache):
    make_release()
    long_search = "/ru/search/?q=" + "x" * 600
    client.get(long_search)
    assert cache_state(client.get(long_search)) is None
    client.get("/ru/no-such-page/")
    assert cache_state(client.get("/ru/no-such-page/")) is None
    client.post(news())
    assert cache_state(client.get(news())) == MISS


@pytest.fixture
def redis_cache(db, settings, tmp_path):
    """The shared cache on a real Redis (database 15, a key prefix of its own)."""
    import redis

    location = "redis://127.0.0.1:6379/15"
    prefix = f"test-{uuid.uuid4().hex}"
    try:
        redis.Redis.from_url(location, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        services.unavailable("no Redis on 127.0.0.1:6379")
    settings.REDIS_URL = location
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.03, "socket_timeout": 0.03},
        },
    }
    settings.PAGE_CACHE_SECONDS = 600
    yield
    # Only this test's keys: clear() would flush the whole Redis database.
    client = redis.Redis.from_url(location)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_redis_serves_cached_pages_and_refreshes_on_save(client, redis_cache):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    # override_settings(CACHES=...) resets the cache handler; `cache` follows it.
    assert isinstance(caches["default"], RedisCache)
    release = make_release()
    assert cache_state(client.get(news())) == MISS
    caches["pages"].clear()  # another app server: only Redis has the page
    assert cache_state(client.get(news())) == HIT
    release.title_ru = "Заголовок после правки"
    release.save()
    response = client.get(news())
    assert cache_state(response) == MISS
    assert "Заголовок после правки".encode() in response.content


def test_a_release_with_a_long_unicode_address_is_cached_without_warnings(
    client, page_cache, recwarn
):
    release = make_release(title_ru="Очень длинный заголовок " * 4)
    url = release.get_absolute_url("ru")
    assert len(url) > 250  # percent-encoded Cyrillic

    first, second = client.get(url), client.get(url)

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert not [w for w in recwarn if "CacheKeyWarning" in type(w.message).__name__]


def count_queries(queries):
    """The queries counting a list's releases (not the archive's count per day)."""
    return [
        query["sql"]
        for query in queries
        if "COUNT(" in query["sql"].upper() and "GROUP BY" not in query["sql"].upper()
    ]


def test_a_lists_total_is_counted_once_for_all_its_pages(client, page_cache):
    make_releases(25)
    with CaptureQueriesContext(connection) as first:
        client.get(news())
    with CaptureQueriesContext(connection) as second:
        response = client.get(news() + "?page=2")
    assert len(count_queries(first)) == 1
    assert count_queries(second) == []
    assert "25 пресс-релизов" in response.content.decode()


def test_a_lists_total_follows_a_new_release_at_once(client, page_cache):
    make_releases(25)
    client.get(news())
    make_release()
    response = client.get(news() + "?page=2")
    assert "26 пресс-релизов" in response.content.decode()


def test_with_the_page_cache_off_a_lists_total_is_still_counted_once(client, db):
    """A total is derived data of the content, not a copy of a page."""
    make_releases(25)
    client.get(news())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(news() + "?page=2")
    assert count_queries(queries) == []
    assert "25 пресс-релизов" in response.content.decode()
    make_release()
    assert "26 пресс-релизов" in client.get(news()).content.decode()


def test_an_edit_made_while_redis_was_down_outdates_pages_when_it_returns(
    client, redis_cache, settings
):
    release = make_release()
    client.get(news())
    assert cache_state(client.get(news())) == HIT
    shared = settings.CACHES
    settings.CACHES = {
        **shared,
        "default": {**shared["default"], "LOCATION": "redis://127.0.0.1:6390/0"},
    }
    release.title_ru = "Правка во время сбоя Redis"
    release.save()  # Redis is away; the change is recorded in the database
    settings.CACHES = shared  # Redis is back, with the page cached before the edit

    response = client.get(news())

    assert cache_state(response) == MISS
    assert "Правка во время сбоя Redis" in response.content.decode()


def test_robots_and_the_sitemap_are_cached_once_for_every_language(client, page_cache):
    make_release()
    for path in ("/robots.txt", "/sitemap.xml"):
        assert cache_state(client.get(path, headers={"accept-language": "fa"})) == MISS
        response = client.get(path, headers={"accept-language": "en"})
        assert cache_state(response) == HIT
        assert "Content-Language" not in response


def test_a_page_that_varies_on_the_readers_language_is_not_stored(db):
    # The key holds no Accept-Language, so such a page would reach every reader.
    from django.http import HttpResponse

    from pressroom.shell.cache import cacheable_response

    page = HttpResponse("<p>bonjour</p>")
    assert cacheable_response(page)
    page["Vary"] = "Accept-Encoding, Accept-Language"
    assert not cacheable_response(page)


def test_while_one_request_makes_a_figure_again_the_others_take_the_earlier_one(db):
    """A costly figure (a language's archive months) made again after a change
    holds the one request making it, not every page that shows it meanwhile."""
    from pressroom.shell.cache import remembered
    from pressroom.shell.freshness import record

    tags = [f"test-figure-{uuid.uuid4().hex}"]
    assert remembered("figure", lambda: "earlier", tags) == "earlier"
    record(tags)
    started, finish, made = threading.Event(), threading.Event(), {}

    def slowly():
        started.set()
        finish.wait(10)
        return "later"

    def make_again():
        try:
            made["value"] = remembered("figure", slowly, tags)
        finally:
            connection.close()

    maker = threading.Thread(target=make_again)
    maker.start()
    try:
        assert started.wait(10)
        assert remembered("figure", lambda: "made twice", tags) == "earlier"
    finally:
        finish.set()
        maker.join(10)
    assert made["value"] == "later"
    assert remembered("figure", lambda: "made twice", tags) == "later"
