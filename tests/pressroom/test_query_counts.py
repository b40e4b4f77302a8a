"""Each public page runs as many SQL queries with 200 releases as with one."""

import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pressroom.models import PressRelease
from tests import services
from tests.pages import page_url

from .factories import make_attachment, make_release, make_releases, make_topic

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
PUBLISHED = datetime.datetime(2025, 4, 15, 12, tzinfo=MOSCOW)
COUNTED_PAGES = [
    "home",
    "list",
    "list-topic",
    "topic",
    "archive-year",
    "archive-month",
    "release",
    "search",
    "about",
    "feed",
    "topic-feed",
    "sitemap-index",
    "sitemap-releases",
    "sitemap-sections",
    "sitemap-archive",
]


@pytest.fixture(autouse=True)
def uncached(settings, tmp_path):
    # Bulk inserts send no signals, so a cached page would not go stale here.
    settings.PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return [query["sql"] for query in context.captured_queries]


def add_releases(count, topic):
    """`count` more releases in the same month and topic, some featured."""
    releases = make_releases(
        count, published_at=PUBLISHED - datetime.timedelta(hours=1)
    )
    for release in releases[::10]:
        release.featured = True
    PressRelease.objects.bulk_update(releases[::10], ["featured"])
    PressRelease.topics.through.objects.bulk_create(
        PressRelease.topics.through(pressrelease=release, topic=topic)
        for release in releases
    )
    for release in releases[:5]:
        make_attachment(release)
    # Bulk inserts send no signals: nothing remembered (a list's total) may
    # outlive them, in memory or in Redis.
    services.empty_caches()


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize("name", COUNTED_PAGES)
def test_page_runs_as_many_queries_with_200_releases_as_with_one(
    client, name, language
):
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic], published_at=PUBLISHED, featured=True)
    make_attachment(release)
    make_attachment(release)
    url = page_url(name, language, release)

    with_one = queries(client, url)
    add_releases(199, topic)
    with_200 = queries(client, url)

    assert len(with_200) == len(with_one), "\n".join(with_200)


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize("name", ["list", "archive-year", "archive-month", "release"])
def test_archive_navigation_runs_as_many_queries_over_years_as_in_one_month(
    client, name, language
):
    """The navigator's years and months, the archive pages' switcher targets."""
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic], published_at=PUBLISHED)
    url = page_url(name, language, release)

    with_one = queries(client, url)
    for months_ago in range(1, 40):
        make_releases(
            3, published_at=PUBLISHED - datetime.timedelta(days=30 * months_ago)
        )
    services.empty_caches()
    with_years = queries(client, url)

    assert len(with_years) == len(with_one), "\n".join(with_years)
    if name == "list":
        assert client.get(url).content.decode().count('class="count">(') > 4


def test_release_page_with_related_news_runs_no_query_per_related_item(client):
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic], published_at=PUBLISHED)
    make_release(topics=[topic], published_at=PUBLISHED - datetime.timedelta(days=1))
    url = release.get_absolute_url("en")

    with_one_related = queries(client, url)
    add_releases(50, topic)
    with_many_related = queries(client, url)

    assert len(with_many_related) == len(with_one_related)
