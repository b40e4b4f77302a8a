"""The search page: words in any form, ranked, filtered, paged; bad input a 400."""

import re
import unicodedata
from http import HTTPStatus
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from pressroom.models import PressRelease, SearchDocument
from pressroom.search import MAX_QUERY_LENGTH
from pressroom.shell.cache import invalidate_pages
from pressroom.text import PERSIAN_LETTERS, search_normalize

from .factories import ago, make_release, make_releases, make_topic

pytestmark = pytest.mark.django_db


def search(client, language, query=None, **params):
    if query is not None:
        params["q"] = query
    return client.get(f"/{language}/search/?{urlencode(params)}")


def found(client, language, query, **params):
    """The result addresses a search lists, in order."""
    response = search(client, language, query, **params)
    assert response.status_code == HTTPStatus.OK, response.content[:300]
    return re.findall(
        r'<h2 class="card-title"><a href="([^"]+)" dir="auto">',
        response.content.decode(),
    )


def url(release, language):
    return release.get_absolute_url(language)


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
    """The normaliser as first written, folding every character."""
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
        ("fa", "امضای توافقنامه", "توافق نامه"),
        ("fa", "امضای توافق نامه", "توافقنامه"),
        ("fa", "یک کتاب تازه", "كتاب"),
        ("fa", "علی قاسم‌زاده", "علي"),
        ("fa", "سال ۱۴۰۴", "1404"),
        ("fa", "سال 1404", "۱۴۰۴"),
        ("fa", "سال ۱۴۰۴", "١٤٠٤"),
        ("ru", "Новогодняя ёлка", "ЁЛКА"),
        ("ru", "Новогодняя елка", "ЁЛКА"),
        ("ru", "Новогодняя ёлка", "елка"),
        ("ru", "План на 1404 год", "۱۴۰۴"),
        ("ru", "Городской марафон", "марафона"),
        ("ru", "Опавшей листвы", "листва"),
        ("en", "Kazan and Isfahan", "ISFAHAN"),
        ("en", "Kazan and Isfahan", "Esfahan"),
        ("en", "Information centres", "center"),
        ("en", "The city marathon", "marathons"),
    ],
)
def test_search_finds_the_other_spelling_and_form(client, language, stored, query):
    release = make_release(languages=(language,), **{f"lead_{language}": stored})
    make_release(languages=(language,))

    assert found(client, language, query) == [url(release, language)]


def test_arabic_letters_typed_into_a_persian_release_are_found_by_persian_ones(client):
    release = make_release(languages=("fa",), body_fa="<p>كتاب علي</p>")

    assert found(client, "fa", "کتاب علی") == [url(release, "fa")]


def test_every_word_must_match(client):
    both = make_release(languages=("ru",), lead_ru="Казань и Исфахан")
    make_release(languages=("ru",), lead_ru="Казань и Тегеран")

    assert found(client, "ru", "исфахан казань") == [url(both, "ru")]


def test_a_short_word_does_not_match_inside_longer_ones(client):
    make_release(languages=("ru",), lead_ru="Котельные, который год, работают.")
    cat = make_release(languages=("ru",), lead_ru="Кот на крыше.")

    assert found(client, "ru", "кот") == [url(cat, "ru")]


def test_the_last_word_also_matches_as_the_start_of_a_word(client):
    release = make_release(languages=("ru",), lead_ru="Городской марафон")

    assert found(client, "ru", "городской марафо") == [url(release, "ru")]


def test_search_looks_in_title_lead_body_and_dateline(client):
    urls = {
        field: url(
            make_release(languages=("en",), **{f"{field}_en": f"unique {field}"}), "en"
        )
        for field in ("title", "lead", "body", "dateline")
    }

    for field, address in urls.items():
        assert found(client, "en", field) == [address]


def test_a_title_match_ranks_above_a_body_match(client):
    body = make_release(
        languages=("en",), body_en="<p>Something about the tram depot.</p>"
    )
    title = make_release(
        languages=("en",), title_en="Tram depot reopens", published_at=ago(days=400)
    )

    assert found(client, "en", "tram") == [url(title, "en"), url(body, "en")]


def test_of_equal_matches_the_recent_one_ranks_first(client):
    old = make_release(
        languages=("en",), lead_en="Bridge news.", published_at=ago(days=900)
    )
    new = make_release(
        languages=("en",), lead_en="Bridge news.", published_at=ago(days=2)
    )

    assert found(client, "en", "bridge") == [url(new, "en"), url(old, "en")]
    assert found(client, "en", "bridge", order="newest") == [
        url(new, "en"),
        url(old, "en"),
    ]


def test_newest_first_is_the_other_order(client):
    title = make_release(languages=("en",), title_en="Bridge", published_at=ago(days=9))
    body = make_release(languages=("en",), body_en="<p>A bridge.</p>")

    assert found(client, "en", "bridge") == [url(title, "en"), url(body, "en")]
    assert found(client, "en", "bridge", order="newest") == [
        url(body, "en"),
        url(title, "en"),
    ]


def test_search_in_a_language_ignores_releases_not_available_in_it(client):
    make_release(languages=("ru",), lead_ru="Казань")
    persian = make_release(languages=("ru", "fa"), lead_ru="Казань", lead_fa="کازان")

    assert found(client, "fa", "Казань") == []
    assert found(client, "fa", "کازان") == [url(persian, "fa")]
    assert len(found(client, "ru", "Казань")) == 2


def test_search_ignores_drafts_scheduled_and_withdrawn_releases(client):
    make_release(status=PressRelease.Status.DRAFT, lead_en="hidden")
    make_release(status=PressRelease.Status.WITHDRAWN, lead_en="hidden")
    make_release(lead_en="hidden", published_at=None)
    make_release(lead_en="hidden", published_at=ago(days=-1))
    shown = make_release(lead_en="hidden")

    assert found(client, "en", "hidden") == [url(shown, "en")]


def test_a_scheduled_release_is_found_once_its_time_has_come(client):
    release = make_release(lead_en="hidden", published_at=ago(days=-1))
    assert found(client, "en", "hidden") == []

    # Time passes (remembered totals last until a scheduled release's time):
    # the document is not made again, its time is checked at each search.
    PressRelease.objects.filter(pk=release.pk).update(published_at=ago(minutes=1))
    SearchDocument.objects.filter(object_id=release.pk).update(
        public_from=ago(minutes=1)
    )
    invalidate_pages()
    assert found(client, "en", "hidden") == [url(release, "en")]


def test_an_edit_is_found_at_once_and_a_deleted_release_no_more(client):
    release = make_release(languages=("en",), lead_en="Old words.")
    release.lead_en = "New words about a bridge."
    release.save()

    assert found(client, "en", "bridge") == [url(release, "en")]
    assert found(client, "en", "old") == []
    release.delete()
    assert found(client, "en", "bridge") == []


@pytest.mark.parametrize("query", ["100%", "zz*", "NEAR(zz yy)", "zz_", "zz\\"])
def test_wildcards_and_operators_are_plain_characters(client, query):
    make_release(languages=("en",))

    assert found(client, "en", query) == []


@pytest.mark.parametrize("query", ["%", "_", "\\", "'", "*", "-", "()"])
def test_a_query_of_only_signs_is_400(client, query):
    assert search(client, "en", query).status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"kazan',
        'kazan"',
        "kazan OR",
        "OR kazan",
        "-kazan",
        "kazan NOT",
        "kazan AND",
        "(kazan",
        "kazan)",
        "{title}: kazan",
        "kazan^",
        "title:kazan",
        "kazan:*",
        "kazan & | !",
        "kazan <-> news",
        "kazan''",
    ],
)
def test_query_syntax_of_the_databases_is_never_obeyed(client, query):
    release = make_release(languages=("en",))

    response = search(client, "en", query)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    if re.fullmatch(r"[^a-z]*kazan[^a-z]*", query):
        assert found(client, "en", query) == [url(release, "en")]


class RandomQueriesTests(HypothesisTestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=250))
    def test_any_query_is_answered_with_results_or_a_400(self, query):
        query = query.replace("\x00", "")
        for language in ("ru", "fa"):
            response = self.client.get(f"/{language}/search/", {"q": query})
            assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)


def test_results_are_paginated_with_every_match_counted(client):
    releases = make_releases(
        25,
        languages=("en",),
        body_en="<p>" + "Filler words. " * 30 + "The bridge opens in spring.</p>",
    )

    first = found(client, "en", "bridge")
    second = found(client, "en", "bridge", page=2)

    assert first + second == [url(release, "en") for release in releases]
    html = search(client, "en", "bridge").content.decode()
    assert "25 results" in html
    snippets = re.findall(r'<p class="card-lead" dir="auto">(.*?)</p>', html, re.S)
    assert len(snippets) == 20
    assert all("<mark>bridge</mark> opens in spring" in text for text in snippets)
    assert 'href="?q=bridge&amp;page=2"' in html


def test_the_matched_words_are_marked_in_any_form(client):
    make_release(
        languages=("ru",),
        title_ru="Марафон в Казани",
        lead_ru="Городские марафоны собирают бегунов.",
    )

    html = search(client, "ru", "марафона").content.decode()

    assert "<mark>Марафон</mark> в Казани" in html
    assert "Городские <mark>марафоны</mark> собирают" in html


def test_persian_result_count_and_pages_are_in_persian_digits(client):
    make_releases(21, languages=("fa",), lead_fa="گزارش پل")

    html = search(client, "fa", "پل").content.decode()

    assert re.search(r'<p class="count" role="status">[^<]*۲۱', html)
    assert re.search(r'<span class="page-of">[^<]*۱[^<]*۲', html)


def test_a_result_says_what_kind_of_page_and_when(client):
    make_release(languages=("fa",), lead_fa="گزارش پل", published_at=ago(days=3))

    html = search(client, "fa", "پل").content.decode()

    assert '<p class="result-kind">بیانیهٔ مطبوعاتی</p>' in html
    # A page's dates hold no-break spaces.
    assert re.search(r'<time datetime="[\d-]+">[۰-۹]+\s[^<0-9]+\s[۰-۹]{4}</time>', html)


def test_filters_by_topic(client):
    topic = make_topic(slug="sport")
    sport = make_release(languages=("en",), lead_en="A bridge run.", topics=[topic])
    make_release(languages=("en",), lead_en="A bridge repair.")

    assert found(client, "en", "bridge", topic="sport") == [url(sport, "en")]
    assert len(found(client, "en", "bridge")) == 2


def test_the_topic_filter_follows_a_renamed_and_a_new_topic(client):
    topic = make_topic(slug="sport", name_en="Sport")
    make_release(languages=("en",), lead_en="A bridge run.", topics=[topic])
    html = search(client, "en").content.decode()
    assert '<option value="sport">Sport</option>' in html

    topic.name_en = "Sports and games"
    topic.save()
    make_topic(slug="roads", name_en="Roads")

    html = search(client, "en").content.decode()
    assert '<option value="sport">Sports and games</option>' in html
    assert '<option value="roads">Roads</option>' in html


def test_changing_a_release_topics_updates_its_filter(client):
    topic = make_topic(slug="sport")
    release = make_release(languages=("en",), lead_en="A bridge run.")
    release.topics.add(topic)

    assert found(client, "en", "bridge", topic="sport") == [url(release, "en")]
    release.topics.remove(topic)
    assert found(client, "en", "bridge", topic="sport") == []


@pytest.mark.parametrize(
    ("language", "since", "until"),
    [
        ("fa", "1404/01/01", "1404/01/31"),
        ("fa", "۱۴۰۴/۰۱/۰۱", "۱۴۰۴/۱/۳۱"),
        ("fa", "1404/01", "1404/01"),
        ("ru", "2025-03-21", "2025-04-20"),
        ("ru", "21.03.2025", "20.04.2025"),
        ("en", "2025-03-21", "2025-04-20"),
    ],
)
def test_filters_by_a_date_range_in_the_reader_calendar(client, language, since, until):
    """Farvardin 1404 is 21 March - 20 April 2025."""
    import datetime

    from pressroom.calendars import local_day_start

    def on(day, **time):
        moment = local_day_start(datetime.date(2025, *day))
        return moment + datetime.timedelta(**time)

    first = make_release(lead_en="Bridge", lead_fa="پل", published_at=on((3, 21)))
    last = make_release(
        lead_en="Bridge", lead_fa="پل", published_at=on((4, 20), hours=23, minutes=59)
    )
    make_release(lead_en="Bridge", lead_fa="پل", published_at=on((3, 20), hours=23))
    make_release(lead_en="Bridge", lead_fa="پل", published_at=on((4, 21)))
    query = "پل" if language == "fa" else "bridge"
    if language == "ru":
        for release in PressRelease.objects.all():
            release.lead_ru = "Мост"
            release.save()
        query = "мост"

    urls = found(client, language, query, since=since, until=until, order="newest")

    assert urls == [url(last, language), url(first, language)]


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "no-such-topic"},
        {"since": "yesterday"},
        {"since": "1404/13/01"},
        {"since": "1404/12/30"},  # 1404 is not a leap year
        {"until": "99999"},
        {"since": "1404/02/01", "until": "1404/01/01"},
        {"order": "random"},
        {"since": "1" * 50},
        {"since": "a\x00b"},
    ],
)
def test_a_filter_no_one_could_mean_is_400_saying_what(client, params):
    make_topic(slug="sport")

    response = search(client, "fa", "پل", **params)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert 'role="alert"' in html


def test_filters_are_kept_in_page_links(client):
    topic = make_topic(slug="sport")
    make_releases(21, languages=("en",), lead_en="Bridge")
    for release in PressRelease.objects.all():
        release.topics.add(topic)

    html = search(
        client, "en", "bridge", topic="sport", order="newest"
    ).content.decode()

    link = re.search(r'<a rel="next" href="\?([^"]+)"', html).group(1)
    assert sorted(link.split("&amp;")) == [
        "order=newest",
        "page=2",
        "q=bridge",
        "topic=sport",
    ]
    assert '<option value="sport" selected>' in html


def test_no_results_offers_the_languages_that_have_some(client):
    make_release(languages=("ru", "en"), lead_ru="Марафон", lead_en="Marathon")

    html = search(client, "fa", "Марафон").content.decode()

    assert "چیزی پیدا نشد" in html
    assert re.search(
        r'<a href="/ru/search/\?q=%D0%9C[^"]*" hreflang="ru">[^<]*روسی[^<]*۱', html
    )
    offers = re.search(r'<ul class="elsewhere">(.*?)</ul>', html, re.S).group(1)
    assert 'hreflang="en"' not in offers


def test_the_other_languages_offered_keep_the_filters(client):
    topic = make_topic(slug="sport")
    make_release(languages=("ru", "en"), lead_ru="Марафон", lead_en="Marathon")
    make_release(
        languages=("ru", "en"), lead_ru="Марафон", lead_en="Marathon", topics=[topic]
    )

    html = search(client, "fa", "Марафон", topic="sport").content.decode()

    offers = re.search(r'<ul class="elsewhere">(.*?)</ul>', html, re.S).group(1)
    assert re.search(r'hreflang="ru">[^<]*روسی[^<]*۱ ', offers), offers
    assert "topic=sport" in offers


def test_search_page_without_a_query_shows_the_form(client):
    response = client.get("/ru/search/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<form class="search-form" method="get" action="/ru/search/"' in html
    assert 'class="cards"' not in html
    assert 'name="robots"' not in html


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_every_page_has_a_search_box_in_its_header(client, language):
    html = client.get(f"/{language}/news/").content.decode()

    assert (
        f'<form class="header-search" method="get" action="/{language}/search/" '
        'role="search"' in html
    )
    assert '<input id="header-q" type="search" name="q" dir="auto"' in html


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
        "%22",  # a lone quote
        "%C2%AB%C2%BB%E2%80%94",  # only punctuation
    ],
    ids=[
        "empty",
        "spaces",
        "zwnj",
        "nul",
        "inner-nul",
        "2000-chars",
        "2000-cyrillic",
        "quote",
        "punctuation",
    ],
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


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999"])
def test_impossible_result_page_is_404(client, page):
    make_release(lead_ru="Казань")

    response = client.get(f"/ru/search/?q=казань&page={page}")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_query_is_shown_back_escaped(client):
    make_release(lead_en="script alert")
    response = client.get("/en/search/?q=%3Cscript%3Ealert(1)%3C/script%3E")

    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_search_results_are_not_indexed(client):
    html = client.get("/ru/search/?q=казань").content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_robots_txt_keeps_crawlers_out_of_search(client):
    assert "Disallow: /*/search/" in client.get("/robots.txt").content.decode()
