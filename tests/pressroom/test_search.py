"""Search: one normalisation for what is stored and what is asked (DOMAIN §2.5)."""

import re
import unicodedata
from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from pressroom import search
from pressroom.models import PressRelease
from pressroom.search import MAX_QUERY_LENGTH, clean_query
from pressroom.text import PERSIAN_LETTERS, search_normalize

from .factories import make_release, make_releases

pytestmark = pytest.mark.django_db


def found(client, language, query, page=None):
    """The release URLs a search lists, in order."""
    url = f"/{language}/search/?q={quote(query)}"
    if page:
        url += f"&page={page}"
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return re.findall(
        rf'<a href="(/{language}/news/\d+-[^"]+)" dir="auto">',
        response.content.decode(),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("كتاب علي", "کتاب علی"),
        ("توافق‌نامه", "توافقنامه"),
        ("۱۴۰۴", "1404"),
        ("١٤٠٤", "1404"),
        ("Ёлка", "елка"),
        ("ЁЛКА", "ёлка"),
        ("KAZAN", "kazan"),
        ("کتـــاب", "کتاب"),
        ("کِتاب", "کتاب"),
    ],
)
def test_normaliser_folds_both_spellings_alike(a, b):
    assert search_normalize(a) == search_normalize(b)


def folded_everywhere(text):
    """The normaliser as first written, folding every character: what the
    stored search texts were made with, so the faster one must agree."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[\u0640\u064b-\u065f\u0670]", "", text.translate(PERSIAN_LETTERS))
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
    text = text.replace("\u200c", "").translate(digits).casefold()
    return re.sub(r"\s+", " ", text.replace("ё", "е")).strip()


@given(
    st.text(
        st.sampled_from("аЁёKz ي ى ك ی ک ۱٤7\u200c\u0640\u064e\u0670\u00a0\tﻙ﷼ﬁ")
        | st.characters()
    )
)
def test_the_normaliser_folds_as_it_always_did(text):
    assert search_normalize(text) == folded_everywhere(text)


def test_normaliser_keeps_short_i_apart_from_i():
    assert search_normalize("йогурт") != search_normalize("иогурт")


@pytest.mark.parametrize(
    ("language", "stored", "query"),
    [
        ("fa", "امضای توافق‌نامه", "توافقنامه"),
        ("fa", "امضای توافقنامه", "توافق‌نامه"),
        ("fa", "یک کتاب تازه", "كتاب"),
        ("fa", "علی قاسم‌زاده", "علي"),
        ("fa", "سال ۱۴۰۴", "1404"),
        ("fa", "سال 1404", "۱۴۰۴"),
        ("fa", "سال ۱۴۰۴", "١٤٠٤"),
        ("ru", "Новогодняя ёлка", "ЁЛКА"),
        ("ru", "Новогодняя елка", "ЁЛКА"),
        ("ru", "Новогодняя ёлка", "елка"),
        ("ru", "План на 1404 год", "۱۴۰۴"),
        ("en", "Kazan and Isfahan", "ISFAHAN"),
    ],
)
def test_search_finds_the_other_spelling(client, language, stored, query):
    release = make_release(languages=(language,), **{f"lead_{language}": stored})
    make_release(languages=(language,))

    assert found(client, language, query) == [release.get_absolute_url(language)]


def test_arabic_letters_typed_into_a_persian_release_are_found_by_persian_ones(client):
    release = make_release(languages=("fa",), body_fa="<p>كتاب علي</p>")

    assert found(client, "fa", "کتاب علی") == [release.get_absolute_url("fa")]


def test_every_word_must_match(client):
    both = make_release(languages=("ru",), lead_ru="Казань и Исфахан")
    make_release(languages=("ru",), lead_ru="Казань и Тегеран")

    assert found(client, "ru", "исфахан казань") == [both.get_absolute_url("ru")]


def test_search_looks_in_title_lead_body_and_dateline(client):
    urls = {
        field: make_release(
            languages=("en",), **{f"{field}_en": f"unique {field}"}
        ).get_absolute_url("en")
        for field in ("title", "lead", "body", "dateline")
    }

    for field, url in urls.items():
        assert found(client, "en", field) == [url]


def test_search_in_a_language_ignores_releases_not_available_in_it(client):
    make_release(languages=("ru",), lead_ru="Казань")
    persian = make_release(languages=("ru", "fa"), lead_ru="Казань", lead_fa="کازان")

    assert found(client, "fa", "Казань") == []
    assert found(client, "fa", "کازان") == [persian.get_absolute_url("fa")]
    assert len(found(client, "ru", "Казань")) == 2


def test_search_ignores_drafts_scheduled_and_withdrawn_releases(client):
    make_release(status=PressRelease.Status.DRAFT, lead_en="hidden")
    make_release(status=PressRelease.Status.WITHDRAWN, lead_en="hidden")
    make_release(lead_en="hidden", published_at=None)
    shown = make_release(lead_en="hidden")

    assert found(client, "en", "hidden") == [shown.get_absolute_url("en")]


@pytest.mark.parametrize("query", ["%", "_", "\\", "'", '"', "100%"])
def test_wildcards_and_quotes_are_plain_characters(client, query):
    make_release(languages=("en",))

    assert found(client, "en", query) == []


def test_results_are_paginated_newest_first_with_a_snippet(client):
    releases = make_releases(
        25,
        languages=("en",),
        body_en="<p>" + "Filler words. " * 30 + "The bridge opens in spring.</p>",
    )

    first = found(client, "en", "bridge")
    second = found(client, "en", "bridge", page=2)

    assert first == [release.get_absolute_url("en") for release in releases[:20]]
    assert second == [release.get_absolute_url("en") for release in releases[20:]]
    html = client.get("/en/search/?q=bridge").content.decode()
    assert "25 results" in html
    snippets = re.findall(r'<p class="card-lead" dir="auto">(.*?)</p>', html, re.S)
    assert len(snippets) == 20
    assert all("bridge opens in spring" in text for text in snippets)
    assert 'href="?q=bridge&amp;page=2"' in html


def test_persian_result_count_and_pages_are_in_persian_digits(client):
    make_releases(21, languages=("fa",), lead_fa="گزارش پل")

    html = client.get(f"/fa/search/?q={quote('پل')}").content.decode()

    assert re.search(r'<p class="count" role="status">[^<]*۲۱', html)
    assert re.search(r'<span class="page-of">[^<]*۱[^<]*۲', html)


def test_search_page_without_a_query_shows_the_form(client):
    response = client.get("/ru/search/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<form class="search-form" method="get" action="/ru/search/"' in html
    assert 'class="cards"' not in html
    assert 'name="robots"' not in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "%20%20%20",
        "%E2%80%8C",  # a lone ZWNJ folds to nothing
        "%00",
        "abc%00def",
        "x" * 2000,
        "%D0%BA" * 1000,
    ],
    ids=["empty", "spaces", "zwnj", "nul", "inner-nul", "2000-chars", "2000-cyrillic"],
)
@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_query_no_one_could_mean_is_400_with_the_form(client, language, query):
    response = client.get(f"/{language}/search/?q={query}")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert '<form class="search-form"' in html
    assert 'role="alert"' in html
    assert 'aria-invalid="true"' in html


def test_query_of_the_longest_allowed_length_is_searched(client):
    query = "я" * MAX_QUERY_LENGTH

    assert client.get(f"/ru/search/?q={quote(query)}").status_code == HTTPStatus.OK


def test_clean_query_keeps_at_most_eight_words():
    assert clean_query(" ".join(f"w{n}" for n in range(20))) == [
        f"w{n}" for n in range(8)
    ]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999"])
def test_impossible_result_page_is_404(client, page):
    make_release(lead_ru="Казань")

    response = client.get(f"/ru/search/?q=казань&page={page}")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_query_is_shown_back_escaped(client):
    response = client.get("/en/search/?q=%3Cscript%3Ealert(1)%3C/script%3E")

    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_search_results_are_not_indexed(client):
    html = client.get("/ru/search/?q=казань").content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_robots_txt_keeps_crawlers_out_of_search(client):
    assert "Disallow: /*/search/" in client.get("/robots.txt").content.decode()


def test_a_word_in_very_many_releases_searches_the_latest_added(client, monkeypatch):
    monkeypatch.setattr(search, "MAX_MATCHES", 5)
    releases = make_releases(8, languages=("en",), body_en="<p>The bridge opens.</p>")
    latest = sorted(releases, key=lambda release: release.pk)[-5:]

    html = client.get("/en/search/?q=bridge").content.decode()

    assert found(client, "en", "bridge") == [
        release.get_absolute_url("en")
        for release in sorted(latest, key=lambda release: release.published_at)[::-1]
    ]
    assert "5 results" in html
    assert "Only the newest matches are searched" in html


def test_a_search_under_the_cut_says_nothing_of_it(client):
    make_releases(3, languages=("en",), body_en="<p>The bridge opens.</p>")
    html = client.get("/en/search/?q=bridge").content.decode()
    assert "3 results" in html
    assert "Only the newest matches" not in html


def test_a_common_word_on_postgresql_takes_the_walk_from_the_newest(
    client, monkeypatch
):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plan choice")
    monkeypatch.setattr(search, "INDEX_PLAN_MS", 0)  # no time for the index plan
    monkeypatch.setattr(search, "MAX_MATCHES", 5)
    releases = make_releases(8, languages=("en",), body_en="<p>The bridge opens.</p>")
    make_releases(30, languages=("en",), body_en="<p>Other news.</p>")
    latest = sorted(releases, key=lambda release: release.pk)[-5:]

    with CaptureQueriesContext(connection) as queries:
        urls = found(client, "en", "bridge opens")

    assert any("enable_bitmapscan" in query["sql"] for query in queries)
    assert sorted(urls) == sorted(release.get_absolute_url("en") for release in latest)
