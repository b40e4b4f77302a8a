"""Dates, times and arrows as readers see them on the public pages."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from pressroom import calendars

from .factories import make_release, make_releases

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
NBSP = "\u00a0"


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


def meta_time(response):
    """The text of the release's date and time under its headline."""
    html = response.content.decode()
    meta = re.search(r'<p class="meta">(.*?)</p>', html, re.S).group(1)
    return re.search(r"<time[^>]*>(.*?)</time>", meta).group(1)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", f"2{NBSP}октября{NBSP}2019{NBSP}г."),
        ("en", f"October{NBSP}2,{NBSP}2019"),
        ("fa", f"۱۰{NBSP}مهر{NBSP}۱۳۹۸"),
    ],
)
def test_a_date_never_breaks_across_lines(client, language, text):
    release = make_release(published_at=moscow(2019, 10, 2, 12))

    html = client.get(f"/{language}/news/").content.decode()

    assert f">{text}</time>" in html
    assert release.get_absolute_url(language) in html


@pytest.mark.parametrize(
    ("language", "dateline", "text"),
    [
        ("ru", "Исфахан", f"9{NBSP}апреля{NBSP}2025, 15:30{NBSP}МСК"),
        ("en", "Isfahan", f"April{NBSP}9,{NBSP}2025, 15:30{NBSP}MSK"),
        (
            "fa",
            "اصفهان",
            f"۲۰{NBSP}فروردین{NBSP}۱۴۰۴، ساعت{NBSP}۱۵:۳۰{NBSP}به وقت مسکو",
        ),
    ],
)
def test_a_story_dated_elsewhere_names_the_time_zone(client, language, dateline, text):
    release = make_release(
        published_at=moscow(2025, 4, 9, 15, 30), **{f"dateline_{language}": dateline}
    )

    assert meta_time(client.get(release.get_absolute_url(language))) == text


@pytest.mark.parametrize(
    ("language", "dateline"), [("ru", "Казань"), ("en", "Kazan"), ("en", "")]
)
def test_a_story_dated_at_home_gives_the_time_alone(client, language, dateline):
    release = make_release(
        published_at=moscow(2025, 4, 9, 15, 30), **{f"dateline_{language}": dateline}
    )

    text = meta_time(client.get(release.get_absolute_url(language)))

    assert text.endswith("15:30")


def test_zone_names_are_the_press_services_own():
    value = moscow(2025, 4, 9, 15, 30)

    assert calendars.format_time(value, "ru", zone=True) == f"15:30{NBSP}МСК"
    assert calendars.format_time(value, "fa", zone=True) == f"۱۵:۳۰{NBSP}به وقت مسکو"
    # Without the no-break option, text elsewhere (e-mails) is unchanged.
    assert calendars.format_date(value, "ru") == "9 апреля 2025 г."


def arrows(response, selector):
    """[(rel, arrow, label)] of a pagination or prev/next bar, in page order."""
    html = response.content.decode()
    bar = re.search(rf'<nav class="{selector}".*?</nav>', html, re.S).group(0)
    found = []
    for rel, inner in re.findall(r'<a rel="(\w+)" href="[^"]+">(.*?)</a>', bar, re.S):
        arrow = re.search(r'class="arrow">(.)<', inner).group(1)
        found.append((rel, arrow, re.sub(r"<[^>]+>|[←→]", "", inner).strip()))
    return found


def test_arrows_mean_the_same_on_the_news_list_and_in_the_archive(client):
    """← always leads to newer news, → to older, as on the news list."""
    make_releases(45, published_at=moscow(2025, 4, 20, 12))
    make_release(published_at=moscow(2025, 3, 9, 12))
    make_release(published_at=moscow(2025, 5, 9, 12))

    news = arrows(client.get("/en/news/?page=2"), "pagination")
    month = arrows(client.get("/en/news/2025/04/"), "prev-next")

    assert [(rel, arrow) for rel, arrow, _label in news] == [
        ("prev", "←"),
        ("next", "→"),
    ]
    assert [label for _rel, _arrow, label in news] == ["Newer", "Older"]
    # The newer month at the start with ←, the older at the end with →.
    assert [(arrow, label) for _rel, arrow, label in month] == [
        ("←", "May 2025"),
        ("→", "March 2025"),
    ]


GREGORIAN_IN_PERSIAN = re.compile(
    r"[۰-۹]{1,2}(?: (?:تا|و) [۰-۹]{1,2})? "
    r"(?:ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر)"
    r"(?![\u0600-\u06ff])"
)


def test_persian_demo_texts_date_days_in_the_jalali_calendar():
    """A Persian reader gets the Jalali day first; the Gregorian one may follow
    in parentheses (۲۹ آبان (۲۰ نوامبر)), never stand alone (۲۰ نوامبر)."""
    from pressroom import demo

    alone = []
    for release in demo.read("releases")["release"]:
        text = " ".join(demo.text(value) for value in release.get("fa", {}).values())
        for match in GREGORIAN_IN_PERSIAN.finditer(text):
            if text[match.start() - 1] != "(":
                alone.append(f"{release['key']}: {match.group()}")
    assert alone == []
