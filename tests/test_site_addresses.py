"""Addresses for search engines: canonical, hreflang, og:url, robots.txt, the
sitemap and the feeds are on DJANGO_SITE_URL when it is set, and on the host and
port the request came to when it is not (a local run on any port)."""

import re

import pytest

from tests.cities.factories import make_isfahan, make_partnership
from tests.pressroom.factories import (
    canonical_url,
    hreflang_links,
    make_release,
    make_topic,
    meta_property,
    sitemap_pages,
)

pytestmark = pytest.mark.django_db

HOST = "127.0.0.1:8123"


@pytest.fixture
def content():
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic])
    make_partnership(partner=make_isfahan(), releases=[release])
    return release


def every_address(client, release, host):
    """Every absolute address the release page, robots.txt, sitemap and feed give."""
    page = client.get(release.get_absolute_url("fa"), HTTP_HOST=host)
    found = [canonical_url(page), *hreflang_links(page).values()]
    found += meta_property(page, "og:url")
    robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    found += re.findall(r"Sitemap: (\S+)", robots)
    client.defaults["HTTP_HOST"] = host
    try:
        for section in ("releases", "sections", "cities", "archive"):
            xml = "".join(sitemap_pages(client, section))
            found += re.findall(r"<loc>([^<]+)</loc>", xml)
            found += re.findall(r'href="([^"]+)"', xml)
        feed = client.get("/fa/news/feed/").content.decode()
    finally:
        del client.defaults["HTTP_HOST"]
    found += re.findall(r'href="([^"]+)"', feed)
    found += re.findall(r"<id>([^<]+)</id>", feed)
    return found


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("", f"http://{HOST}/"),
        ("https://press.example.org", "https://press.example.org/"),
    ],
)
def test_every_address_is_on_the_site_or_the_requests_host(
    client, settings, content, site_url, expected
):
    settings.SITE_URL = site_url
    settings.ALLOWED_HOSTS = ["127.0.0.1"]

    addresses = every_address(client, content, HOST)

    assert len(addresses) > 20
    assert [a for a in addresses if not a.startswith(expected)] == []
    assert not any("127.0.0.1:8000" in address for address in addresses)


def test_no_x_default_in_the_sitemap_is_a_redirect(client, content):
    xml = "".join(
        page
        for section in ("releases", "sections", "cities")
        for page in sitemap_pages(client, section)
    )

    defaults = re.findall(r'hreflang="x-default" href="([^"]+)"', xml)
    assert defaults
    for address in defaults:
        path = address.split("testserver", 1)[1]
        assert path.startswith("/ru/"), address
        assert client.get(path).status_code == 200, address
