"""The Atom feeds are valid Atom (RFC 4287): parsed by feedparser without a
complaint, and holding every element the RFC requires of a feed and an entry."""

import xml.etree.ElementTree as ET
from http import HTTPStatus

import feedparser
import pytest

from tests.cities.factories import make_isfahan, make_partnership

from .factories import make_release, make_topic

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feeds():
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic], title_ru="Тег <b> & «кавычки»")
    make_release()
    make_partnership(partner=make_isfahan(), releases=[release])
    return ["news/feed/", "topics/culture/feed/", "cities/isfahan/feed/"]


def required_elements_missing(xml):
    """What RFC 4287 (4.1.1, 4.1.2) requires and the document lacks."""
    root = ET.fromstring(xml)
    missing = []
    if root.tag != f"{ATOM}feed":
        return [f"root is {root.tag}"]
    for name in ("id", "title", "updated"):
        if root.find(f"{ATOM}{name}") is None:
            missing.append(f"feed/{name}")
    if root.find(f"{ATOM}link[@rel='self']") is None:
        missing.append("feed/link[@rel=self]")
    feed_author = root.find(f"{ATOM}author/{ATOM}name")
    for index, entry in enumerate(root.findall(f"{ATOM}entry")):
        for name in ("id", "title", "updated"):
            if entry.find(f"{ATOM}{name}") is None:
                missing.append(f"entry {index}/{name}")
        if feed_author is None and entry.find(f"{ATOM}author/{ATOM}name") is None:
            missing.append(f"entry {index}/author")
        has_content = entry.find(f"{ATOM}content") is not None
        if not has_content and entry.find(f"{ATOM}link[@rel='alternate']") is None:
            missing.append(f"entry {index}/link[@rel=alternate]")
        if not has_content and entry.find(f"{ATOM}summary") is None:
            missing.append(f"entry {index}/summary")
    return missing


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_every_feed_is_valid_atom_with_an_author(client, feeds, language):
    for path in feeds:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == HTTPStatus.OK, path
        assert response["Content-Type"].startswith("application/atom+xml")

        parsed = feedparser.parse(response.content)

        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.author_detail.name
        assert parsed.feed.author_detail.href.endswith(f"/{language}/about/")
        assert parsed.entries, path
        for entry in parsed.entries:
            assert entry.id.startswith("http://testserver/")
            assert entry.link.startswith("http://testserver/")
        assert required_elements_missing(response.content) == [], path


def test_the_checker_finds_what_a_feed_lacks():
    xml = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b"<entry><title>e</title></entry></feed>"
    )

    assert required_elements_missing(xml) == [
        "feed/id",
        "feed/updated",
        "feed/link[@rel=self]",
        "entry 0/id",
        "entry 0/updated",
        "entry 0/author",
        "entry 0/link[@rel=alternate]",
        "entry 0/summary",
    ]
