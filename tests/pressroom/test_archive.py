"""Archives by year and month of the reader's calendar, and dates on release pages."""

import datetime
import io
import re
from http import HTTPStatus
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from pressroom.demo.releases import loaded_release
from pressroom.models import PressRelease

from .factories import build_release, make_release, sitemap_pages, switcher_links

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


def urls_in(response):
    return set(re.findall(r'href="(/\w\w/news/\d+-[^"]+)"', response.content.decode()))


def heading(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1)


def prev_next(response):
    """{"prev": href, "next": href} of the archive's neighbour links."""
    nav = re.search(
        r'<nav class="prev-next".*?</nav>', response.content.decode(), re.S
    ).group(0)
    return dict(re.findall(r'<a rel="(prev|next)" href="([^"]+)"', nav))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# The real seed story, as the demo loader stores it


@pytest.fixture
def seed():
    call_command("load_demo", "releases", stdout=io.StringIO())
    return loaded_release()


def test_seed_release_shows_its_date_and_month_in_the_readers_calendar(client, seed):
    for language, text, month in [
        ("fa", "۲۰ فروردین ۱۴۰۴", "/fa/news/1404/01/"),
        ("ru", "9 апреля 2025", "/ru/news/2025/04/"),
        ("en", "April 9, 2025", "/en/news/2025/04/"),
    ]:
        response = client.get(seed.get_absolute_url(language))
        assert response.status_code == HTTPStatus.OK
        times = re.findall(
            r'<time datetime="(2025-04-09T[^"]+)">([^<]*)</time>',
            response.content.decode(),
        )
        # A page's dates hold no-break spaces.
        text = text.replace(" ", "\xa0")
        assert any(text in shown for _iso, shown in times), (language, times)
        assert seed.get_absolute_url(language) in urls_in(client.get(month))


# Month boundaries at Moscow midnight


@pytest.fixture
def edges():
    return {
        name: make_release(published_at=moment)
        for name, moment in {
            "before": moscow(2025, 3, 20, 23, 59),
            "first": moscow(2025, 3, 21, 0, 0),
            "last": moscow(2025, 4, 20, 23, 59),
            "after": moscow(2025, 4, 21, 0, 0),
        }.items()
    }


def test_farvardin_1404_runs_from_21_march_to_20_april_moscow_time(client, edges):
    found = urls_in(client.get("/fa/news/1404/01/"))

    assert found == {
        edges["first"].get_absolute_url("fa"),
        edges["last"].get_absolute_url("fa"),
    }


def test_esfand_1403_ends_at_moscow_midnight_before_nowruz(client, edges):
    found = urls_in(client.get("/fa/news/1403/12/"))

    assert found == {edges["before"].get_absolute_url("fa")}


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/ru/news/2025/03/", {"before", "first"}),
        ("/en/news/2025/04/", {"last", "after"}),
    ],
)
def test_gregorian_month_runs_from_moscow_midnight(client, edges, url, names):
    found = urls_in(client.get(url))

    assert found == {edges[name].get_absolute_url(url[1:3]) for name in names}


def test_month_boundary_is_moscow_midnight_not_utc(client):
    # 23:30 on 31 March in Moscow is still 31 March; in UTC it is 20:30.
    march = make_release(published_at=moscow(2025, 3, 31, 23, 30))
    april = make_release(published_at=moscow(2025, 4, 1, 0, 30))

    assert urls_in(client.get("/ru/news/2025/03/")) == {march.get_absolute_url("ru")}
    assert urls_in(client.get("/ru/news/2025/04/")) == {april.get_absolute_url("ru")}


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/ru/news/2025/04/", "Апрель 2025"),
        ("/en/news/2025/04/", "April 2025"),
        ("/fa/news/1404/01/", "فروردین ۱۴۰۴"),
        ("/fa/news/1403/12/", "اسفند ۱۴۰۳"),
    ],
)
def test_month_heading_is_in_the_readers_calendar_and_language(client, url, title):
    make_release(published_at=moscow(2025, 4, 9, 12))
    make_release(published_at=moscow(2025, 3, 10, 12))  # 20 Esfand 1403

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert heading(response).strip() == title


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/2025/02/",
        "/ru/news/1999/",
        "/fa/news/1500/",
        "/fa/news/1404/02/",
        "/ru/news/2024/",
    ],
)
def test_a_month_or_year_without_news_is_not_found(client, url):
    """An empty period is no page: 404, never an indexable empty 200."""
    make_release(published_at=moscow(2025, 4, 9, 12))

    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_period_with_news_only_in_another_language_is_not_found(client):
    make_release(published_at=moscow(2025, 4, 9, 12), languages=("ru",))

    assert client.get("/ru/news/2025/04/").status_code == HTTPStatus.OK
    assert client.get("/en/news/2025/04/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/en/news/2025/").status_code == HTTPStatus.NOT_FOUND


def test_month_lists_only_published_releases_available_in_the_language(client):
    shown = make_release(published_at=moscow(2025, 4, 9, 12))
    make_release(published_at=moscow(2025, 4, 10, 12), status=PressRelease.Status.DRAFT)
    make_release(
        published_at=moscow(2025, 4, 11, 12), status=PressRelease.Status.WITHDRAWN
    )
    only_ru = make_release(languages=("ru",), published_at=moscow(2025, 4, 12, 12))

    assert urls_in(client.get("/en/news/2025/04/")) == {shown.get_absolute_url("en")}
    assert urls_in(client.get("/ru/news/2025/04/")) == {
        shown.get_absolute_url("ru"),
        only_ru.get_absolute_url("ru"),
    }


# Year pages


def year_months(response):
    """[(href, month heading, count text)] of a year page, in order."""
    return re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">([^<]+)</span></li>',
        response.content.decode(),
    )


@pytest.fixture
def spring():
    for moment in [
        moscow(2025, 3, 25, 12),  # 5 Farvardin 1404
        moscow(2025, 4, 9, 12),  # 20 Farvardin 1404
        moscow(2025, 5, 1, 12),  # 11 Ordibehesht 1404
    ]:
        make_release(published_at=moment)


@pytest.mark.parametrize(
    ("url", "months"),
    [
        (
            "/fa/news/1404/",
            [
                ("/fa/news/1404/01/", "فروردین ۱۴۰۴", "۲"),
                ("/fa/news/1404/02/", "اردیبهشت ۱۴۰۴", "۱"),
            ],
        ),
        (
            "/ru/news/2025/",
            [
                ("/ru/news/2025/03/", "Март 2025", "1"),
                ("/ru/news/2025/04/", "Апрель 2025", "1"),
                ("/ru/news/2025/05/", "Май 2025", "1"),
            ],
        ),
        (
            "/en/news/2025/",
            [
                ("/en/news/2025/03/", "March 2025", "1"),
                ("/en/news/2025/04/", "April 2025", "1"),
                ("/en/news/2025/05/", "May 2025", "1"),
            ],
        ),
    ],
)
def test_year_lists_its_months_with_counts_in_the_readers_calendar(
    client, spring, url, months
):
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    # The count text reads "۲ خبر", "1 пресс-релиз": compare its number.
    found = [
        (href, title, count.split()[0]) for href, title, count in year_months(response)
    ]
    assert found == months


def test_year_before_nowruz_is_the_previous_persian_year(client, spring):
    make_release(published_at=moscow(2025, 3, 20, 12))  # 30 Esfand 1403

    months = year_months(client.get("/fa/news/1403/"))

    assert [href for href, _title, _count in months] == ["/fa/news/1403/12/"]


# Neighbour links skip empty months and years


@pytest.fixture
def sparse():
    make_release(published_at=moscow(2024, 6, 1, 12))
    make_release(published_at=moscow(2025, 1, 15, 12))  # 26 Dey 1403
    make_release(published_at=moscow(2025, 4, 9, 12))  # 20 Farvardin 1404
    make_release(published_at=moscow(2025, 9, 1, 12))  # 10 Shahrivar 1404


@pytest.mark.parametrize(
    ("url", "links"),
    [
        (
            "/ru/news/2025/04/",
            {"prev": "/ru/news/2025/01/", "next": "/ru/news/2025/09/"},
        ),
        (
            "/ru/news/2025/01/",
            {"prev": "/ru/news/2024/06/", "next": "/ru/news/2025/04/"},
        ),
        ("/en/news/2024/06/", {"next": "/en/news/2025/01/"}),
        ("/en/news/2025/09/", {"prev": "/en/news/2025/04/"}),
        (
            "/fa/news/1404/01/",
            {"prev": "/fa/news/1403/10/", "next": "/fa/news/1404/06/"},
        ),
        ("/ru/news/2025/", {"prev": "/ru/news/2024/"}),
        ("/ru/news/2024/", {"next": "/ru/news/2025/"}),
        ("/fa/news/1404/", {"prev": "/fa/news/1403/"}),
        ("/fa/news/1403/", {"next": "/fa/news/1404/"}),
    ],
)
def test_neighbour_links_skip_empty_months(client, sparse, url, links):
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert prev_next(response) == links


def test_persian_neighbour_link_names_the_persian_month(client, sparse):
    html = client.get("/fa/news/1404/01/").content.decode()

    assert re.search(r'href="/fa/news/1403/10/">.*?دی ۱۴۰۳', html, re.S)


# The language switcher goes to the other calendar's month


@pytest.mark.parametrize(
    ("url", "links"),
    [
        ("/fa/news/1404/01/", {"ru": "/ru/news/2025/03/", "en": "/en/news/2025/03/"}),
        ("/ru/news/2025/04/", {"fa": "/fa/news/1404/01/", "en": "/en/news/2025/04/"}),
        ("/en/news/2025/03/", {"ru": "/ru/news/2025/03/", "fa": "/fa/news/1403/12/"}),
        ("/fa/news/1404/", {"ru": "/ru/news/2025/", "en": "/en/news/2025/"}),
        ("/ru/news/2025/", {"fa": "/fa/news/1403/", "en": "/en/news/2025/"}),
    ],
)
def test_switcher_on_an_archive_leads_to_the_other_calendars_page(client, url, links):
    make_release(published_at=moscow(2025, 3, 10, 12))  # 20 Esfand 1403
    make_release(published_at=moscow(2025, 4, 9, 12))  # 20 Farvardin 1404

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert switcher_links(response) == links


def test_switcher_on_an_archive_leads_to_the_nearest_page_with_news(client):
    """Where the other language has no news that month: its year, else its list."""
    make_release(published_at=moscow(2025, 4, 9, 12), languages=("ru",))
    make_release(published_at=moscow(2025, 6, 1, 12), languages=("ru", "en"))

    links = switcher_links(client.get("/ru/news/2025/04/"))

    assert links == {"fa": "/fa/news/", "en": "/en/news/2025/"}
    for url in links.values():
        assert client.get(url).status_code == HTTPStatus.OK


# Bad input


@pytest.mark.parametrize(
    "url",
    [
        "/ru/news/2025/0/",
        "/ru/news/2025/00/",
        "/ru/news/2025/13/",
        "/fa/news/1404/13/",
        "/ru/news/2025/99999999999999999999/",
        "/ru/news/0/",
        "/ru/news/0/01/",
        "/ru/news/99999/",
        "/ru/news/99999/01/",
        "/ru/news/999999999999999999999999/",
        "/ru/news/abc/",
        "/ru/news/2025/ab/",
        "/ru/news/20x5/04/",
        "/fa/news/2025/",
        "/fa/news/2025/04/",
        "/ru/news/1404/",
        "/ru/news/1404/01/",
        "/en/news/1404/01/",
        "/ru/news/-2025/",
        "/ru/news/2025/04/?page=2",
        "/ru/news/2025/04/?page=abc",
    ],
)
def test_impossible_archive_is_404_in_the_readers_language(client, url):
    make_release(published_at=moscow(2025, 4, 9, 12))

    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Language"] == url[1:3]


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/ru/news/2025/4/", "/ru/news/2025/04/"),
        ("/fa/news/1404/1/", "/fa/news/1404/01/"),
        ("/ru/news/02025/", "/ru/news/2025/"),
        ("/en/news/2025/004/?page=1", "/en/news/2025/04/?page=1"),
    ],
)
def test_an_archive_address_written_another_way_redirects_to_the_canonical_one(
    client, db, path, canonical
):
    response = client.get(path)

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == canonical


# Reaching the archive: the navigator, the release's month, the sitemap


def navigator(response):
    """[(year text, count text)] and [(month text, count text)] of the navigator."""
    html = response.content.decode()
    nav = re.search(r'<nav class="archive-nav".*?</nav>', html, re.S).group(0)
    pattern = r'<a href="([^"]+)"[^>]*>([^<]+)</a>&nbsp;<span class="count">\(([^)]+)\)'
    years = re.search(r'<ul class="archive-years">.*?</ul>', nav, re.S).group(0)
    months = re.search(r'<ul class="archive-month-links".*?</ul>', nav, re.S)
    return re.findall(pattern, years), re.findall(pattern, months.group(0))


@pytest.mark.parametrize(
    ("language", "years", "months"),
    [
        (
            "ru",
            [("/ru/news/2025/", "2025", "3"), ("/ru/news/2024/", "2024", "1")],
            [("/ru/news/2025/03/", "Март", "1"), ("/ru/news/2025/04/", "Апрель", "2")],
        ),
        (
            "fa",
            [("/fa/news/1404/", "۱۴۰۴", "۲"), ("/fa/news/1403/", "۱۴۰۳", "۲")],
            [("/fa/news/1404/01/", "فروردین", "۲")],
        ),
    ],
)
def test_news_list_has_a_navigator_of_the_years_and_months_with_news(
    client, language, years, months
):
    make_release(published_at=moscow(2024, 6, 1, 12))  # 12 Khordad 1403
    make_release(published_at=moscow(2025, 3, 10, 12))  # 20 Esfand 1403
    make_release(published_at=moscow(2025, 4, 1, 12))  # 12 Farvardin 1404
    make_release(published_at=moscow(2025, 4, 9, 12))  # 20 Farvardin 1404
    make_release(published_at=moscow(2025, 4, 9, 12), status=PressRelease.Status.DRAFT)

    found_years, found_months = navigator(client.get(f"/{language}/news/"))

    assert found_years == years
    # The newest year's months, only those with news.
    assert found_months == months
    for url, _text, _count in found_years + found_months:
        assert client.get(url).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("ru", "/ru/news/2025/04/"),
        ("fa", "/fa/news/1404/01/"),
        ("en", "/en/news/2025/04/"),
    ],
)
def test_a_release_page_links_to_its_month_in_the_readers_calendar(
    client, language, link
):
    release = make_release(published_at=moscow(2025, 4, 9, 12))

    html = client.get(release.get_absolute_url(language)).content.decode()

    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert f'href="{link}"' in crumbs
    assert f'href="/{language}/news/"' in crumbs


def test_the_sitemap_lists_every_archive_page_with_news_in_each_calendar(client):
    make_release(published_at=moscow(2025, 3, 10, 12), languages=("ru", "fa"))
    make_release(published_at=moscow(2025, 4, 9, 12))

    xml = "".join(sitemap_pages(client, "archive"))
    found = {
        urlsplit(location).path[1:]
        for location in re.findall(r"<loc>([^<]+)</loc>", xml)
    }

    assert found == {
        "ru/news/2025/",
        "ru/news/2025/03/",
        "ru/news/2025/04/",
        "fa/news/1403/",
        "fa/news/1403/12/",
        "fa/news/1404/",
        "fa/news/1404/01/",
        "en/news/2025/",
        "en/news/2025/04/",
    }
    for path in found:
        assert client.get(f"/{path}").status_code == HTTPStatus.OK


def test_a_publish_counts_again_only_the_year_it_is_in(client):
    """Each year's months are kept until that year's news change: publishing
    today does not count ten years of news again."""
    make_release(published_at=moscow(2024, 6, 1, 12))
    make_release(published_at=moscow(2025, 6, 1, 12))
    client.get("/en/news/")  # the page cache is off: the counts are kept
    # Written without signals: no page or count is told of these two.
    PressRelease.objects.bulk_create(
        [build_release(published_at=moscow(year, 6, 2, 12)) for year in (2024, 2025)]
    )

    make_release(published_at=moscow(2025, 7, 1, 12))  # 2025's news change

    def counts(url):
        return [count.split()[0] for _h, _t, count in year_months(client.get(url))]

    assert counts("/en/news/2025/") == ["2", "1"]  # June, with the unseen one
    assert counts("/en/news/2024/") == ["1"]  # as it was kept
