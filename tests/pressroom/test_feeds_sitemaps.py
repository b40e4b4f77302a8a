"""Atom feeds per language and topic, sitemaps with hreflang, robots.txt."""

import xml.etree.ElementTree as ET
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest

from pressroom.feeds import FEED_SIZE
from pressroom.models import PressRelease

from .factories import (
    ago,
    hreflang_links,
    make_release,
    make_releases,
    make_topic,
    sitemap_pages,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def parse(response):
    assert response.status_code == HTTPStatus.OK
    return ET.fromstring(response.content)


def entry_links(feed):
    return [
        entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        for entry in feed.iter(f"{ATOM}entry")
    ]


# Feeds


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_feed_is_atom_in_its_language_with_every_entry_marked(client, language):
    make_release()
    make_release(languages=("ru", "fa"))

    feed = parse(client.get(f"/{language}/news/feed/"))

    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == language
    entries = list(feed.iter(f"{ATOM}entry"))
    assert entries
    assert {entry.get(XML_LANG) for entry in entries} == {language}


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_feed_lists_exactly_the_releases_listed_in_its_language(client, language):
    everywhere = make_release(published_at=ago(hours=1))
    russian = make_release(languages=("ru",), published_at=ago(hours=2))
    persian = make_release(languages=("ru", "fa"), published_at=ago(hours=3))
    make_release(status=PressRelease.Status.DRAFT)
    make_release(status=PressRelease.Status.WITHDRAWN)
    make_release(published_at=ago(hours=-1))
    expected = {
        "ru": [everywhere, russian, persian],
        "fa": [everywhere, persian],
        "en": [everywhere],
    }[language]

    feed = parse(client.get(f"/{language}/news/feed/"))

    assert entry_links(feed) == [
        SITE + release.get_absolute_url(language) for release in expected
    ]


@pytest.mark.parametrize("url", ["/ru/news/feed/", "/ru/topics/culture/feed/"])
def test_every_feed_address_is_on_the_configured_site_not_the_request_host(client, url):
    make_release(topics=[make_topic(slug="culture")])

    feed = parse(client.get(url))  # asked of "testserver"

    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert len(links) >= 3  # the feed's page, itself, an entry
    assert all(link.startswith(f"{SITE}/ru/") for link in links), links


def test_feed_entry_has_the_title_in_its_language_and_a_stable_id(client):
    release = make_release(title_fa="کازان و اصفهان")

    feed = parse(client.get("/fa/news/feed/"))

    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "کازان و اصفهان"
    assert entry.find(f"{ATOM}id").text == f"{SITE}/fa/news/id{release.pk}/"
    assert entry.find(f"{ATOM}published") is not None


def test_feed_holds_at_most_the_latest_releases(client):
    releases = make_releases(FEED_SIZE + 5, languages=("en",))

    feed = parse(client.get("/en/news/feed/"))

    links = entry_links(feed)
    assert len(links) == FEED_SIZE
    assert links[0].endswith(releases[0].get_absolute_url("en"))


def test_topic_feed_lists_only_that_topics_releases_in_its_language(client):
    culture = make_topic(slug="culture", name_en="Culture")
    sport = make_topic(slug="sport")
    shown = make_release(topics=[culture])
    make_release(topics=[sport])
    make_release(languages=("ru",), topics=[culture])

    feed = parse(client.get("/en/topics/culture/feed/"))

    assert feed.get(XML_LANG) == "en"
    assert "Culture" in feed.find(f"{ATOM}title").text
    assert entry_links(feed) == [SITE + shown.get_absolute_url("en")]


@pytest.mark.parametrize(
    "url", ["/ru/topics/nope/feed/", "/fa/topics/nope/feed/", "/en/topics/x/feed/"]
)
def test_feed_for_an_unknown_topic_is_404(client, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Language"] == url[1:3]


def test_empty_feed_is_still_valid_atom(client):
    feed = parse(client.get("/fa/news/feed/"))

    assert feed.tag == f"{ATOM}feed"
    assert not list(feed.iter(f"{ATOM}entry"))


# Sitemaps


def test_sitemap_is_an_index_of_its_sections(client):
    make_release()

    index = parse(client.get("/sitemap.xml"))

    assert index.tag == f"{SITEMAP}sitemapindex"
    paths = [urlsplit(loc.text).path for loc in index.iter(f"{SITEMAP}loc")]
    assert {"/sitemap-releases.xml", "/sitemap-sections.xml"} <= set(paths)
    for path in paths:
        assert parse(client.get(path)).tag == f"{SITEMAP}urlset"


def sitemap_urls(client, section="releases"):
    """{loc: {hreflang: href}} over every page of a sitemap section."""
    urls = {}
    for page in sitemap_pages(client, section):
        urlset = ET.fromstring(page)
        assert urlset.tag == f"{SITEMAP}urlset"
        for url in urlset.findall(f"{SITEMAP}url"):
            location = url.find(f"{SITEMAP}loc").text
            assert location not in urls, f"{location} is listed twice"
            urls[location] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall(f"{XHTML}link[@rel='alternate']")
            }
    return urls


def absolute_urls(release, languages):
    return {code: SITE + release.get_absolute_url(code) for code in languages}


@pytest.mark.parametrize(
    "languages",
    [("ru", "fa", "en"), ("ru",), ("ru", "fa"), ("ru", "en"), ("fa", "en"), ("fa",)],
)
def test_release_is_in_the_sitemap_once_per_language_with_exact_alternates(
    client, languages
):
    release = make_release(languages=languages)
    links = absolute_urls(release, languages)
    expected = dict(links)
    if "ru" in languages:
        expected["x-default"] = links["ru"]

    urls = sitemap_urls(client)

    assert set(urls) == set(links.values())
    for location in links.values():
        assert urls[location] == expected


def test_sitemap_alternates_match_the_pages_own_hreflang_links(client):
    release = make_release(languages=("ru", "fa"))

    urls = sitemap_urls(client)

    for code in ("ru", "fa"):
        page = client.get(release.get_absolute_url(code))
        assert urls[SITE + release.get_absolute_url(code)] == hreflang_links(page)


def test_sitemap_never_lists_drafts_withdrawn_or_scheduled_releases(client):
    shown = make_release(languages=("en",))
    make_release(status=PressRelease.Status.DRAFT)
    make_release(status=PressRelease.Status.DRAFT, published_at=None)
    make_release(status=PressRelease.Status.WITHDRAWN)
    make_release(published_at=ago(hours=-1))

    assert set(sitemap_urls(client)) == {SITE + shown.get_absolute_url("en")}


def test_sections_sitemap_lists_shared_pages_in_every_language(client):
    make_topic(slug="culture")

    urls = sitemap_urls(client, "sections")

    for path in ["/", "/news/", "/cities/", "/topics/culture/"]:
        expected = {code: f"{SITE}/{code}{path}" for code in ("ru", "fa", "en")}
        expected["x-default"] = expected["ru"]
        for code in ("ru", "fa", "en"):
            assert urls[expected[code]] == expected


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


@pytest.mark.parametrize(
    "path",
    ["/robots.txt", "/sitemap.xml", "/sitemap-releases.xml", "/sitemap-sections.xml"],
)
@pytest.mark.parametrize("accept_language", ["fa", "en-GB,en;q=0.8", "ru"])
def test_language_neutral_files_are_not_labelled_with_the_readers_language(
    client, path, accept_language
):
    # The same bytes whatever the reader's language: no Vary on it, no label.
    make_release()
    plain = client.get(path)

    response = client.get(path, headers={"accept-language": accept_language})

    assert response.status_code == HTTPStatus.OK
    assert response.content == plain.content
    assert "accept-language" not in response.get("Vary", "").lower()
    assert "Content-Language" not in response
