"""Every Persian page type: right to left, Persian digits and letters, no Russian.

docs/domain.md FA-2 and FA-5: no Latin (0-9) or Arabic-Indic (U+0660-U+0669) digit
and no Arabic ي (U+064A) or ك (U+0643) anywhere a reader sees text on a /fa/
page; URLs, attributes and machine-readable data keep ASCII digits.
"""

import datetime
import re
from http import HTTPStatus
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from pressroom.models import PressRelease

from .factories import (
    make_attachment,
    make_release,
    make_releases,
    make_topic,
    visible_text,
)

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
FORBIDDEN = re.compile("[0-9\u0660-\u0669\u064a\u0643]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
# Gregorian month names in Persian: a Persian page names Jalali months only.
GREGORIAN_MONTHS = re.compile(
    r"ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|سپتامبر|اکتبر|نوامبر|دسامبر"
)


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def pages():
    """{name: (url, status)} for every kind of Persian page, with data enough
    for pagination, counts, documents, related news and notices."""
    topic = make_topic(slug="culture")
    releases = make_releases(
        25, languages=("ru", "fa", "en"), published_at=moscow(2025, 4, 15, 12)
    )
    for release in releases:
        release.topics.add(topic)
    main = make_release(
        topics=[topic],
        published_at=moscow(2025, 4, 9, 15, 30),
        revised_at=moscow(2025, 4, 10, 9, 5),
        revision_note_fa="نام‌ها اصلاح شد.",
        image_caption_fa="کاخ چهلستون",
    )
    make_attachment(main, file=_file(1536 * 1024))
    make_attachment(main, title_fa="عکس‌ها", file=_file(700))
    withdrawn = make_release(
        published_at=moscow(2025, 4, 2, 10),
        status=PressRelease.Status.WITHDRAWN,
        withdrawn_at=moscow(2025, 4, 3, 11),
        withdrawal_reason_fa="تاریخ سفر تغییر کرد.",
    )
    russian = make_release(languages=("ru",), published_at=moscow(2025, 4, 1, 12))
    word = quote("کازان")
    return {
        "home": ("/fa/", HTTPStatus.OK),
        "list": ("/fa/news/", HTTPStatus.OK),
        "list-page-2": ("/fa/news/?page=2", HTTPStatus.OK),
        "list-topic": ("/fa/news/?topic=culture&page=2", HTTPStatus.OK),
        "topic": ("/fa/topics/culture/", HTTPStatus.OK),
        "topic-page-2": ("/fa/topics/culture/?page=2", HTTPStatus.OK),
        "archive-year": ("/fa/news/1404/", HTTPStatus.OK),
        "archive-month": ("/fa/news/1404/01/", HTTPStatus.OK),
        "archive-month-page-2": ("/fa/news/1404/01/?page=2", HTTPStatus.OK),
        "archive-empty-month": ("/fa/news/1404/05/", HTTPStatus.NOT_FOUND),
        "release": (main.get_absolute_url("fa"), HTTPStatus.OK),
        "withdrawn": (withdrawn.get_absolute_url("fa"), HTTPStatus.OK),
        "search": (f"/fa/search/?q={word}", HTTPStatus.OK),
        "search-page-2": (f"/fa/search/?q={word}&page=2", HTTPStatus.OK),
        "search-form": ("/fa/search/", HTTPStatus.OK),
        "search-nothing": (f"/fa/search/?q={quote('ناپیدا')}", HTTPStatus.OK),
        "search-too-long": (f"/fa/search/?q={'ب' * 300}", HTTPStatus.BAD_REQUEST),
        "about": ("/fa/about/", HTTPStatus.OK),
        "not-found": ("/fa/no-such-page/", HTTPStatus.NOT_FOUND),
        "no-release": ("/fa/news/999999-x/", HTTPStatus.NOT_FOUND),
        "not-available": (
            russian.get_absolute_url("ru").replace("/ru/", "/fa/"),
            HTTPStatus.NOT_FOUND,
        ),
    }


def _file(size):
    return ContentFile(b"x" * size, name="file.pdf")


PAGE_NAMES = [
    "home",
    "list",
    "list-page-2",
    "list-topic",
    "topic",
    "topic-page-2",
    "archive-year",
    "archive-month",
    "archive-month-page-2",
    "archive-empty-month",
    "release",
    "withdrawn",
    "search",
    "search-page-2",
    "search-form",
    "search-nothing",
    "search-too-long",
    "about",
    "not-found",
    "no-release",
    "not-available",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_persian_page_is_rtl_with_only_persian_digits_and_letters(client, pages, name):
    url, status = pages[name]

    response = client.get(url)

    assert response.status_code == status
    assert response["Content-Language"] == "fa"
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert not re.search(r"<a [^>]*>\s*</a>", html), "an empty link"
    text = visible_text(response)
    assert not FORBIDDEN.findall(text), [
        text[max(0, m.start() - 30) : m.end() + 30] for m in FORBIDDEN.finditer(text)
    ]
    # The language switcher names Русский in Russian (lang="ru"): that is not
    # Russian text in the page.
    own_text = visible_text(response, skip_foreign=True)
    assert not CYRILLIC.search(own_text), CYRILLIC.findall(own_text)
    assert not GREGORIAN_MONTHS.search(own_text), GREGORIAN_MONTHS.findall(own_text)


def test_persian_list_shows_counts_and_pages_in_persian_digits(client, pages):
    html = client.get("/fa/news/").content.decode()

    # 25 + the main release; the withdrawn and Russian-only ones are not listed.
    assert re.search(r'<p class="count">[^<]*۲۶', html)
    assert re.search(r'<span class="page-of">[^<]*۱[^<]*۲', html)
    # Addresses keep ASCII digits.
    assert 'href="?page=2"' in html


def test_persian_release_dates_and_sizes_are_in_persian(client, pages):
    html = client.get(pages["release"][0]).content.decode()

    assert '<time datetime="2025-04-09T15:30:00+03:00">' in html
    # No-break spaces keep each date, and the hour, on one line.
    assert "۲۰\xa0فروردین\xa0۱۴۰۴، ساعت\xa0۱۵:۳۰" in html
    assert "۲۱\xa0فروردین\xa0۱۴۰۴، ساعت\xa0۹:۰۵" in html
    assert "۱٫۵" in html
    assert "۱ KB" in html or "۱ کیلوبایت" in html


def test_persian_withdrawal_notice_is_dated_in_the_jalali_calendar(client, pages):
    html = client.get(pages["withdrawn"][0]).content.decode()

    assert '<time datetime="2025-04-03">۱۴\xa0فروردین\xa0۱۴۰۴</time>' in html
    assert "تاریخ سفر تغییر کرد." in html


def test_persian_archive_year_names_persian_months(client, pages):
    text = visible_text(client.get("/fa/news/1404/"))

    assert "فروردین ۱۴۰۴" in text
    assert "۱۴۰۴" in text
