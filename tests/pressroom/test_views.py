"""Public pages: status, language markers, alternates, publishing and availability."""

import datetime
import json
import re
from http import HTTPStatus
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest

from pressroom.models import PressRelease, Topic
from tests.pages import ARCHIVE, WORD, page_url

from .factories import (
    ago,
    canonical_url,
    hreflang_links,
    make_attachment,
    make_image,
    make_release,
    make_releases,
    make_staff,
    make_topic,
    make_user,
    meta_property,
    sitemap_pages,
    switcher_links,
    visible_text,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
LANGUAGES = ("ru", "fa", "en")
MOSCOW = ZoneInfo("Europe/Moscow")
PUBLISHED = datetime.datetime(2025, 4, 9, 15, 30, tzinfo=MOSCOW)
# The archive month holding PUBLISHED in each language's calendar.
# A word of the factories' default text, per language.
OG_LOCALES = {"ru": "ru_RU", "fa": "fa_IR", "en": "en_US"}
CYRILLIC = re.compile("[\u0400-\u04ff]")
PERSIAN_LETTERS = re.compile("[\u0600-\u06ff]")
HTML_PAGES = [
    "home",
    "list",
    "list-topic",
    "topic",
    "archive-year",
    "archive-month",
    "release",
    "search",
    "about",
]
FEEDS = ["feed", "topic-feed"]


@pytest.fixture(autouse=True)
def site_url(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def release():
    topic = make_topic(slug="culture")
    return make_release(topics=[topic], published_at=PUBLISHED)


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


# Every URL in every language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HTML_PAGES)
def test_page_answers_in_its_language_with_lang_and_dir(
    client, release, name, language
):
    response = client.get(page_url(name, language, release))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Language"] == language
    direction = "rtl" if language == "fa" else "ltr"
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    if name not in ("about", "archive-year"):
        assert release.get_absolute_url(language) in html
    # Cacheable as it is: the language is in the address, nothing else counts.
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FEEDS)
def test_feed_answers_in_its_language(client, release, name, language):
    response = client.get(page_url(name, language, release))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Language"] == language
    assert response["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize(
    "url",
    ["/sitemap.xml", "/sitemap-releases.xml", "/sitemap-sections.xml", "/robots.txt"],
)
def test_discovery_files_answer(client, release, url):
    assert client.get(url).status_code == HTTPStatus.OK


# Alternates, canonical URL, Open Graph, JSON-LD


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_has_hreflang_for_exactly_its_languages_and_x_default(client, language):
    release = make_release(languages=("ru", language))
    languages = {"ru", language}

    response = client.get(release.get_absolute_url(language))

    expected = {code: SITE + release.get_absolute_url(code) for code in languages}
    expected["x-default"] = SITE + release.get_absolute_url("ru")
    assert hreflang_links(response) == expected


def test_release_without_russian_has_no_x_default(client):
    release = make_release(languages=("fa", "en"))

    response = client.get(release.get_absolute_url("en"))

    assert set(hreflang_links(response)) == {"fa", "en"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_in_every_language_has_hreflang_for_all_three(client, release, language):
    response = client.get(f"/{language}/news/?topic=culture")

    assert hreflang_links(response) == {
        "ru": f"{SITE}/ru/topics/culture/",
        "fa": f"{SITE}/fa/topics/culture/",
        "en": f"{SITE}/en/topics/culture/",
        "x-default": f"{SITE}/ru/topics/culture/",
    }


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/ru/news/?topic=culture", "/ru/topics/culture/"),
        ("/ru/topics/culture/", "/ru/topics/culture/"),
        ("/fa/news/?topic=culture&page=1", "/fa/topics/culture/"),
    ],
)
def test_a_topic_has_one_canonical_address(client, release, path, canonical):
    assert canonical_url(client.get(path)) == SITE + canonical


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_canonical_url_is_its_own_absolute_url(client, release, language):
    response = client.get(release.get_absolute_url(language))

    assert canonical_url(response) == SITE + release.get_absolute_url(language)
    assert meta_property(response, "og:url") == [canonical_url(response)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_og_locale_and_its_alternates(client, release, language):
    response = client.get(release.get_absolute_url(language))

    assert meta_property(response, "og:locale") == [OG_LOCALES[language]]
    assert set(meta_property(response, "og:locale:alternate")) == (
        set(OG_LOCALES.values()) - {OG_LOCALES[language]}
    )


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    return json.loads(match.group(1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_release_json_ld_is_a_news_article_with_its_translations(client, language):
    release = make_release(title_ru='Тег </script><b>"кавычки"</b> & амперсанд')

    data = json_ld(client.get(release.get_absolute_url(language)))

    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == language
    assert data["headline"] == getattr(release, f"title_{language}")
    assert data["mainEntityOfPage"] == SITE + release.get_absolute_url(language)
    assert datetime.datetime.fromisoformat(data["datePublished"]) == (
        release.published_at
    )
    assert {item["inLanguage"]: item["url"] for item in data["workTranslation"]} == {
        code: SITE + release.get_absolute_url(code)
        for code in LANGUAGES
        if code != language
    }


def test_json_ld_lists_only_the_translations_that_exist(client):
    release = make_release(languages=("ru", "en"))

    data = json_ld(client.get(release.get_absolute_url("ru")))

    assert [item["inLanguage"] for item in data["workTranslation"]] == ["en"]


# The language switcher


def test_switcher_on_a_topic_leads_to_the_topic_in_the_other_languages(client, release):
    for path in ("/ru/news/?topic=culture", "/ru/topics/culture/"):
        assert switcher_links(client.get(path)) == {
            "fa": "/fa/topics/culture/",
            "en": "/en/topics/culture/",
        }


def test_switcher_on_a_topic_unnamed_in_a_language_leads_to_its_news(client, release):
    Topic.objects.filter(slug="culture").update(name_fa="")

    links = switcher_links(client.get("/ru/topics/culture/"))

    assert links == {"fa": "/fa/news/", "en": "/en/topics/culture/"}


def test_switcher_on_a_release_leads_to_its_per_language_slugs(client):
    release = make_release(title_ru="Казань", title_fa="کازان", title_en="Kazan")

    links = switcher_links(client.get(release.get_absolute_url("fa")))

    assert links == {
        "ru": release.get_absolute_url("ru"),
        "en": release.get_absolute_url("en"),
    }
    assert links["ru"].endswith(f"-{quote('казань')}/")
    for url in links.values():
        assert client.get(url).status_code == HTTPStatus.OK


def test_switcher_leads_to_the_not_available_page_where_a_release_is_missing(client):
    release = make_release(languages=("ru", "fa"))

    links = switcher_links(client.get(release.get_absolute_url("ru")))

    assert links == {
        "fa": release.get_absolute_url("fa"),
        "en": f"/en/news/{release.pk}-news/",
    }
    response = client.get(links["en"])
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "not available in this language" in response.content.decode()
    # ...which offers the languages it has, and switches to them.
    assert switcher_links(response) == {
        "ru": release.get_absolute_url("ru"),
        "fa": release.get_absolute_url("fa"),
    }


# Publishing: draft, scheduled, published, withdrawn


def listed_everywhere(client, release, language="ru"):
    """Where a listed release shows: each page says whether it has the release."""
    url = release.get_absolute_url(language)
    year, month = ARCHIVE[language]
    pages = {
        "home": f"/{language}/",
        "list": f"/{language}/news/",
        "archive": f"/{language}/news/{year}/{month}/",
        "search": f"/{language}/search/?q={quote(WORD[language])}",
        "feed": f"/{language}/news/feed/",
    }
    found = {}
    for name, page in pages.items():
        response = client.get(page)
        if name == "archive" and response.status_code == HTTPStatus.NOT_FOUND:
            found[name] = False  # a month without news is no page
            continue
        assert response.status_code == HTTPStatus.OK, page
        found[name] = url in response.content.decode()
    found["sitemap"] = url in "".join(sitemap_pages(client, "releases"))
    return found


@pytest.mark.parametrize(
    "kwargs",
    [
        {"status": PressRelease.Status.DRAFT},
        {"status": PressRelease.Status.DRAFT, "published_at": None},
        {"published_at": PUBLISHED.replace(year=2999)},
    ],
    ids=["draft", "draft-undated", "scheduled"],
)
def test_unpublished_release_is_404_and_absent_everywhere(client, kwargs):
    kwargs.setdefault("published_at", PUBLISHED)
    release = make_release(**kwargs)

    assert client.get(release.get_absolute_url("ru")).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert client.get(f"/ru/news/id{release.pk}/").status_code == (HTTPStatus.NOT_FOUND)
    assert not any(listed_everywhere(client, release).values())


def test_published_release_is_everywhere(client):
    release = make_release(published_at=PUBLISHED)

    assert client.get(release.get_absolute_url("ru")).status_code == HTTPStatus.OK
    assert all(listed_everywhere(client, release).values())


def test_scheduled_release_appears_once_its_time_has_come(client):
    release = make_release(published_at=ago(hours=-1))
    assert client.get(release.get_absolute_url("ru")).status_code == (
        HTTPStatus.NOT_FOUND
    )

    PressRelease.objects.filter(pk=release.pk).update(published_at=ago(seconds=1))

    assert client.get(release.get_absolute_url("ru")).status_code == HTTPStatus.OK
    assert release.get_absolute_url("ru") in client.get("/ru/news/").content.decode()


def test_withdrawn_release_keeps_its_url_with_a_dated_notice_and_the_reason(client):
    withdrawn_at = datetime.datetime(2025, 5, 2, 10, 0, tzinfo=MOSCOW)
    release = make_release(
        published_at=PUBLISHED,
        status=PressRelease.Status.WITHDRAWN,
        withdrawn_at=withdrawn_at,
        withdrawal_reason_en="The date of the visit has changed.",
    )

    response = client.get(release.get_absolute_url("en"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    notice = re.search(r'<div class="banner banner-withdrawn".*?</div>', html, re.S)
    assert notice
    assert "This press release has been withdrawn." in notice.group(0)
    assert "The date of the visit has changed." in notice.group(0)
    assert '<time datetime="2025-05-02">May\xa02,\xa02025</time>' in notice.group(0)


def test_withdrawn_release_leaves_lists_feeds_and_the_sitemap(client):
    release = make_release(published_at=PUBLISHED)
    release.status = PressRelease.Status.WITHDRAWN
    release.save()

    assert not any(listed_everywhere(client, release).values())


def test_staff_sees_a_draft_at_its_url_with_a_banner_and_noindex(client):
    release = make_release(status=PressRelease.Status.DRAFT)
    login(client, make_staff())

    response = client.get(release.get_absolute_url("en"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Not public: only staff can see this page." in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_staff_sees_a_scheduled_release_before_its_time(client):
    release = make_release(published_at=ago(hours=-5))
    login(client, make_staff())

    response = client.get(release.get_absolute_url("ru"))

    assert response.status_code == HTTPStatus.OK
    assert "banner-preview" in response.content.decode()


@pytest.mark.parametrize(
    "make_visitor",
    [
        None,
        lambda: make_user(),
        lambda: make_user(is_staff=True),
    ],
    ids=["anonymous", "reader", "staff-without-permission"],
)
def test_others_get_404_for_a_draft(client, make_visitor):
    release = make_release(status=PressRelease.Status.DRAFT)
    if make_visitor:
        login(client, make_visitor())

    response = client.get(release.get_absolute_url("ru"))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "banner-preview" not in response.content.decode()


def test_published_release_page_shows_no_preview_banner(client, release):
    response = client.get(release.get_absolute_url("ru"))

    assert "banner-preview" not in response.content.decode()
    assert not response.has_header("X-Robots-Tag")


# Availability per language


@pytest.mark.parametrize("language", ["fa", "en"])
def test_russian_only_release_is_absent_from_other_languages(client, language):
    release = make_release(languages=("ru",), published_at=PUBLISHED)
    make_release(published_at=PUBLISHED)
    pk_marker = f"/news/{release.pk}-"

    for page in [
        f"/{language}/",
        f"/{language}/news/",
        f"/{language}/news/{'/'.join(ARCHIVE[language])}/",
        f"/{language}/news/feed/",
        f"/{language}/search/?q={quote(WORD[language])}",
        f"/{language}/search/?q={quote(WORD['ru'])}",
    ]:
        response = client.get(page)
        assert response.status_code == HTTPStatus.OK
        assert pk_marker not in response.content.decode(), page
    sitemap = "".join(sitemap_pages(client, "releases"))
    assert f"/{language}/news/{release.pk}-" not in sitemap
    assert f"/ru/news/{release.pk}-" in sitemap


def test_release_page_in_a_missing_language_is_a_persian_404_offering_russian(client):
    release = make_release(languages=("ru",))

    response = client.get(f"/fa/news/{release.pk}-{release.slug_ru}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Language"] == "fa"
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert f'<a href="{release.get_absolute_url("ru")}" hreflang="ru"' in html
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1)
    assert PERSIAN_LETTERS.search(heading), heading
    assert release.title_ru not in html
    assert '<meta name="robots" content="noindex">' in html


def test_missing_language_page_of_a_draft_reveals_nothing(client):
    release = make_release(languages=("ru",), status=PressRelease.Status.DRAFT)

    response = client.get(f"/fa/news/{release.pk}-{release.slug_ru}/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert release.slug_ru not in html
    assert f"/ru/news/{release.pk}-" not in html


def test_persian_pages_carry_no_russian_text(client):
    topic = make_topic(slug="culture")
    both = make_release(languages=("ru", "fa"), topics=[topic])
    make_release(languages=("ru",), topics=[topic])
    make_attachment(both)

    for url in [
        "/fa/",
        "/fa/news/",
        "/fa/news/?topic=culture",
        "/fa/topics/culture/",
        both.get_absolute_url("fa"),
        "/fa/about/",
    ]:
        text = visible_text(client.get(url), skip_foreign=True)
        assert not CYRILLIC.search(text), (url, CYRILLIC.findall(text))


# Slugs and short URLs


@pytest.mark.parametrize("slug", ["wrong", "news", quote("старый-заголовок")])
def test_wrong_slug_redirects_permanently_to_the_canonical_url(client, release, slug):
    response = client.get(f"/ru/news/{release.pk}-{slug}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == release.get_absolute_url("ru")


def test_old_slug_redirects_to_the_new_one(client):
    release = make_release(languages=("ru",), title_ru="Старый заголовок")
    old_url = release.get_absolute_url("ru")
    release.slug_ru = "новый-заголовок"
    release.save()

    response = client.get(old_url)

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == f"/ru/news/{release.pk}-{quote('новый-заголовок')}/"


def test_slug_of_another_language_redirects_to_this_languages_slug(client, release):
    response = client.get(f"/fa/news/{release.pk}-{release.slug_en}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == release.get_absolute_url("fa")


@pytest.mark.parametrize(
    ("language", "title"),
    [("ru", "Казань и Исфахан"), ("fa", "کازان و اصفهان")],
)
def test_unicode_slug_resolves_raw_and_percent_encoded(client, language, title):
    release = make_release(**{f"title_{language}": title})
    slug = release.slug_in(language)

    for path in [f"{release.pk}-{slug}", f"{release.pk}-{quote(slug)}"]:
        response = client.get(f"/{language}/news/{path}/")
        assert response.status_code == HTTPStatus.OK, path


def test_punctuation_only_title_gets_a_working_fallback_slug(client):
    release = make_release(languages=("ru",), title_ru="!!! ???")

    response = client.get(release.get_absolute_url("ru"))

    assert response.status_code == HTTPStatus.OK
    assert release.get_absolute_url("ru") == f"/ru/news/{release.pk}-news/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_url_redirects_permanently_to_the_release(client, release, language):
    response = client.get(f"/{language}/news/id{release.pk}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == release.get_absolute_url(language)


def test_short_url_of_a_missing_release_is_404(client):
    assert client.get("/ru/news/id999999/").status_code == HTTPStatus.NOT_FOUND


# Attachments, topics and related news on a release page


def test_release_page_shows_its_documents_topics_and_related_news(client):
    topic = make_topic(slug="culture", name_en="Culture")
    release = make_release(topics=[topic])
    make_attachment(release, title_en="The agreement")
    related = make_release(topics=[topic], published_at=ago(days=1))
    unrelated = make_release(published_at=ago(days=2))

    html = client.get(release.get_absolute_url("en")).content.decode()

    assert "The agreement" in html
    assert "(PDF, 3 KB)" in html
    assert '<a href="/en/topics/culture/">Culture</a>' in html
    assert related.get_absolute_url("en") in html
    assert unrelated.get_absolute_url("en") not in html


# Bad input: a 4xx in the reader's language, never a 500


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "", "%00"])
@pytest.mark.parametrize("path", ["/ru/news/", "/fa/topics/culture/"])
def test_impossible_page_number_is_404(client, release, path, page):
    response = client.get(f"{path}?page={page}")

    expected = HTTPStatus.OK if page == "" else HTTPStatus.NOT_FOUND
    assert response.status_code == expected
    assert response["Content-Language"] == path[1:3]


def test_last_page_answers_and_the_one_after_is_404(client):
    make_releases(21)

    assert client.get("/ru/news/?page=2").status_code == HTTPStatus.OK
    assert client.get("/ru/news/?page=last").status_code == HTTPStatus.OK
    assert client.get("/ru/news/?page=3").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "url",
    [
        "/ru/news/?topic=nope",
        "/fa/news/?topic=nope",
        "/ru/news/?topic=%D0%BA%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C",
        f"/ru/news/?topic={'x' * 3000}",
        "/ru/topics/nope/",
        "/en/topics/nope/",
        "/ru/news/999999-x/",
        "/fa/news/999999-x/",
        "/ru/news/0-x/",
        "/ru/news/1-/",
    ],
)
def test_unknown_topic_or_release_is_404_in_the_readers_language(client, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    language = url[1:3]
    assert response["Content-Language"] == language
    assert f'<html lang="{language}"' in response.content.decode()


def test_release_pages_accept_only_safe_methods(client, release):
    response = client.post(release.get_absolute_url("ru"))

    assert response.status_code in (HTTPStatus.METHOD_NOT_ALLOWED, HTTPStatus.FORBIDDEN)


def test_topic_without_a_name_in_a_language_is_not_shown_in_it(client):
    topic = Topic.objects.create(slug="roads", name_ru="Дороги", name_en="Roads")
    release = make_release(topics=[topic])

    for url in ["/fa/news/", release.get_absolute_url("fa")]:
        html = client.get(url).content.decode()
        assert "roads" not in html, url
        assert not re.search(r"<a [^>]*>\s*</a>", html), url
    for url in ["/fa/topics/roads/", "/fa/news/?topic=roads", "/fa/topics/roads/feed/"]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url
    assert client.get("/en/topics/roads/").status_code == HTTPStatus.OK
    assert '<a href="/en/topics/roads/">Roads</a>' in (
        client.get(release.get_absolute_url("en")).content.decode()
    )
    sitemap = "".join(sitemap_pages(client, "sections"))
    assert "/en/topics/roads/" in sitemap
    assert "/fa/topics/roads/" not in sitemap


def test_release_image_is_an_absolute_url_for_open_graph_and_json_ld(client):
    release = make_release(image=make_image())

    response = client.get(release.get_absolute_url("en"))

    image = SITE + release.image.url
    assert meta_property(response, "og:image") == [image]
    assert json_ld(response)["image"] == image


def test_a_release_number_written_with_leading_zeros_redirects_to_the_canonical_url(
    client, db
):
    release = make_release()

    response = client.get(f"/en/news/000{release.pk}-{release.slug_en}/")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == release.get_absolute_url("en")


def test_a_wrong_slug_with_a_parameter_no_page_reads_ends_at_the_canonical_url(
    client, db
):
    """A release page reads no query parameter: the address without it."""
    release = make_release()

    response = client.get(
        f"/en/news/{release.pk}-old-slug/?utm_source=feed", follow=True
    )

    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0] == release.get_absolute_url("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_site_url_addresses_use_the_host_the_request_came_to(
    client, settings, release, language
):
    settings.SITE_URL = ""
    host = "127.0.0.1:8123"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]

    response = client.get(release.get_absolute_url(language), HTTP_HOST=host)
    robots = client.get("/robots.txt", HTTP_HOST=host)

    assert canonical_url(response) == f"http://{host}" + release.get_absolute_url(
        language
    )
    assert f"Sitemap: http://{host}/sitemap.xml" in robots.content.decode()
