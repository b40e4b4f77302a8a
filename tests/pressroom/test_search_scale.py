"""Search that stays fast at 100,000 releases: document ids in date order, the
tiers of a word in too many pages to rank, a fixed number of queries."""

import datetime
import re
from http import HTTPStatus
from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pressroom import search
from pressroom.models import PressRelease, SearchDocument
from pressroom.search import Search
from pressroom.search_ids import ALWAYS, document_id
from pressroom.search_index import KINDS, SearchKind, register_kind
from pressroom.search_terms import Query

from .factories import ago, make_release, make_releases

pytestmark = pytest.mark.django_db


@pytest.fixture
def few_ranked(monkeypatch):
    """Past three matches the tiers take over, as past RANKED_ALL at scale."""
    monkeypatch.setattr(search, "RANKED_ALL", 3)


def found(client, language, query, **params):
    response = client.get(f"/{language}/search/?{urlencode({'q': query, **params})}")
    assert response.status_code == HTTPStatus.OK, response.content[:300]
    return re.findall(
        r'<h2 class="card-title"><a href="([^"]+)" dir="auto">',
        response.content.decode(),
    )


def url(release):
    return release.get_absolute_url("en")


def tiered_releases():
    """Releases naming a viaduct in the title, the lead or only the body, in
    the order the tiers rank them: by where, then newest first."""
    return [
        make_release(
            languages=("en",), title_en="Viaduct works", published_at=ago(days=10)
        ),
        make_release(
            languages=("en",), title_en="A viaduct", published_at=ago(days=300)
        ),
        make_release(
            languages=("en",), lead_en="A viaduct, again.", published_at=ago(days=1)
        ),
        make_release(
            languages=("en",),
            body_en="<p>Near the viaduct.</p>",
            published_at=ago(days=2),
        ),
        make_release(
            languages=("en",),
            body_en="<p>" + "Viaduct. " * 5 + "</p>",
            published_at=ago(days=5),
        ),
    ]


def test_a_word_in_too_many_pages_ranks_title_then_lead_then_body(client, few_ranked):
    releases = tiered_releases()

    assert found(client, "en", "viaduct") == [url(release) for release in releases]


def test_every_window_of_the_tiers_is_the_same_order(few_ranked):
    """A page may start in one tier and end in the next: no match is lost or
    shown twice, whatever the page size."""
    tiered_releases()
    search_ = Search(Query("viaduct", "en"))
    everything = search_.ids(limit=10, offset=0)
    assert len(everything) == 5

    for size in (1, 2, 3):
        paged = []
        for offset in range(0, 5, size):
            paged += search_.ids(limit=size, offset=offset)
        assert paged == everything, size


def test_few_matches_are_ranked_by_relevance_not_tiers(client):
    title, _old_title, lead, body, repeated = tiered_releases()

    results = found(client, "en", "viaduct")

    assert results[0] == url(title)
    assert set(results) == {url(r) for r in (title, _old_title, lead, body, repeated)}


def test_newest_first_keeps_the_dates_order_after_an_edit(client, few_ranked):
    older = make_release(
        languages=("en",), lead_en="The viaduct.", published_at=ago(days=5)
    )
    newer = make_release(
        languages=("en",), lead_en="The viaduct.", published_at=ago(days=1)
    )
    # Its documents are made again, after the newer one's.
    older.lead_en = "The viaduct, repaired."
    older.save()

    assert found(client, "en", "viaduct", order="newest") == [url(newer), url(older)]


def test_document_ids_follow_the_dates_and_are_one_per_page_and_language():
    releases = make_releases(4, published_at=ago(days=3))
    make_release(published_at=ago(days=400))

    documents = list(SearchDocument.objects.order_by("id"))
    assert [d.date for d in documents] == sorted(d.date for d in documents)
    assert len({d.id for d in documents}) == len(documents) == 5 * 3
    release = releases[0]
    for document in SearchDocument.objects.filter(object_id=release.pk):
        assert document.id == document_id(
            "release", release.pk, document.language, release.published_at
        )
    # An undated page comes after every dated one, newest first.
    assert document_id("city", 1, "en", None) < document_id("city", 1, "en", ALWAYS)


def test_a_date_range_finds_the_same_on_ids_as_on_dates(client):
    inside = make_release(
        languages=("en",),
        lead_en="The viaduct.",
        published_at=datetime.datetime(2025, 4, 15, 12, tzinfo=datetime.UTC),
    )
    make_release(
        languages=("en",),
        lead_en="The viaduct.",
        published_at=datetime.datetime(2025, 5, 1, 0, 0, tzinfo=datetime.UTC),
    )
    make_release(
        languages=("en",),
        lead_en="The viaduct.",
        published_at=datetime.datetime(2025, 3, 31, 20, 59, tzinfo=datetime.UTC),
    )

    assert found(client, "en", "viaduct", since="2025-04", until="2025-04") == [
        url(inside)
    ]


def test_two_kinds_may_not_share_a_number_in_document_ids():
    # "video" and "city" have the same number (crc32 modulo 8).
    with pytest.raises(ImproperlyConfigured):
        register_kind(
            SearchKind(
                name="video",
                model=PressRelease,
                label="Video",
                entries=lambda obj: [],
                objects=PressRelease.objects.none,
            )
        )
    assert "video" not in KINDS


def queries(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    return [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("order", ["relevance", "newest"])
def test_as_many_queries_ranked_as_in_tiers(client, monkeypatch, order):
    make_releases(5, languages=("en",), lead_en="The viaduct.")
    path = f"/en/search/?q=viaduct&order={order}"

    ranked = queries(client, path)
    monkeypatch.setattr(search, "RANKED_ALL", 3)
    caches["pages"].clear()  # the remembered count
    tiered = queries(client, path)

    assert len(tiered) == len(ranked), "\n".join(tiered)


@pytest.mark.parametrize(
    "query",
    ['"viaduct', "viaduct OR", "-viaduct", "viaduct NOT", "(viaduct", "viaduct*"],
)
def test_query_syntax_is_never_obeyed_in_the_tiers(client, few_ranked, query):
    tiered_releases()

    response = client.get("/en/search/", {"q": query})

    assert response.status_code == HTTPStatus.OK
    assert len(found(client, "en", query)) == 5


@pytest.mark.parametrize("order", ["relevance", "newest"])
def test_a_walk_finds_the_longer_words_a_prefix_stands_for(client, few_ranked, order):
    """A walk asks the last word's prefix as the indexed words it starts."""
    releases = [
        make_release(
            languages=("en",), lead_en=f"The {word}.", published_at=ago(days=n)
        )
        for n, word in enumerate(["viaducts", "viaduct", "viaductwork", "viaduct"])
    ]
    make_release(languages=("en",), lead_en="The via.")

    assert found(client, "en", "viaduc", order=order) == [url(r) for r in releases]
