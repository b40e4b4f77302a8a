"""How long others may keep an answer (Cache-Control), the tags a CDN purges
by (Cache-Tag), and query parameters no page reads (pressroom/shell/cache.py)."""

from http import HTTPStatus

import pytest
from django.test import Client

from pressroom.models import PressRelease
from tests.pressroom.factories import make_release, make_staff, make_topic


@pytest.fixture
def page_cache(db, settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def release(page_cache):
    return make_release(topics=[make_topic(slug="culture")])


def directives(response):
    header = response.get("Cache-Control", "")
    return {part.strip().split("=")[0]: part.strip() for part in header.split(",")}


PUBLIC_PAGES = [
    "/ru/",
    "/fa/news/",
    "/en/news/?page=1",
    "/ru/news/?topic=culture",
    "/fa/topics/culture/",
    "/en/news/feed/",
    "/ru/topics/culture/feed/",
    "/fa/about/",
    "/en/search/?q=kazan",
    "/robots.txt",
    "/sitemap.xml",
    "/sitemap-releases.xml",
    "/sitemap-sections.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("visit", ["rendered", "cached"])
def test_public_answers_say_how_long_they_may_be_kept(client, release, path, visit):
    if visit == "cached":
        client.get(path)
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    found = directives(response)
    assert set(found) >= {"public", "max-age", "s-maxage", "stale-while-revalidate"}
    assert 0 < int(found["max-age"].split("=")[1]) <= 300
    assert response["Cache-Tag"]


def test_a_release_page_and_its_redirects_are_public(client, release):
    url = release.get_absolute_url("fa")
    assert "public" in directives(client.get(url))
    wrong_slug = client.get(f"/ru/news/{release.pk}-old-title/")
    assert wrong_slug.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert "max-age" in directives(wrong_slug)


@pytest.mark.parametrize(
    "path", ["/ru/no-such-page/", "/fa/news/999999-x/", "/en/news/?page=99999"]
)
def test_errors_are_private_and_not_stored(client, release, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert {"private", "no-store"} <= set(directives(response))


def test_staff_and_previews_are_private_and_not_stored(release):
    staff = Client()
    staff.force_login(make_staff())
    assert {"private", "no-store"} <= set(directives(staff.get("/ru/news/")))
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    preview = staff.get(draft.get_absolute_url("ru"))
    assert preview.status_code == HTTPStatus.OK
    assert {"private", "no-store"} <= set(directives(preview))
    assert "public" not in directives(preview)


def test_the_admin_is_never_public(client, release):
    response = client.get("/admin/login/")
    assert "public" not in directives(response)


@pytest.mark.parametrize(
    "query",
    ["?utm_source=mail", "?fbclid=x&page=2", "?" + "a" * 40 + "=1", "?page=1&x=%FF"],
)
def test_unknown_parameters_are_sent_to_the_address_without_them(
    client, release, query
):
    response = client.get("/ru/news/" + query)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    kept = "?page=2" if "page=2" in query else "?page=1" if "page=1" in query else ""
    assert response["Location"] == "/ru/news/" + kept
    assert response.get("X-Page-Cache") is None


def test_unknown_parameters_create_no_cache_entry(client, release, rf):
    from django.core.cache import caches

    from pressroom.shell.cache import page_key

    for number in range(3):
        client.get(f"/ru/news/?nonce={number}")
        meta = rf.get(f"/ru/news/?nonce={number}").META
        assert caches["pages"].get(page_key(meta, "", "/ru/news/")) is None
    client.get("/ru/news/")
    assert caches["pages"].get(page_key(rf.get("/ru/news/").META, "", "/ru/news/"))


def test_known_parameters_stay(client, release):
    for path in ("/ru/news/?page=1", "/ru/news/?topic=culture", "/fa/search/?q=x"):
        assert client.get(path).status_code == HTTPStatus.OK, path
    section = client.get("/sitemap-releases.xml?p=1")
    assert section.status_code == HTTPStatus.OK


def test_a_release_page_takes_no_parameters(client, release):
    url = release.get_absolute_url("en")
    response = client.get(url + "?ref=feed")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == url


def test_static_files_keep_their_own_long_cache_headers(rf):
    """WhiteNoise's answers pass through the page cache's middleware."""
    from django.http import FileResponse

    from pressroom.shell.cache import http_caching

    response = FileResponse(iter([b"body{}"]))
    response["Cache-Control"] = "max-age=31536000, public, immutable"
    answer = http_caching(rf.get("/static/css/site.abc123.css"), response)
    assert answer["Cache-Control"] == "max-age=31536000, public, immutable"
