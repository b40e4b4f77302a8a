"""The back-office's lists, filters, searches, history and desk run as many SQL
queries with 30 releases as with 3, for every role; paging asks for the page's
ids, keeps the order and answers a page that does not exist with a 404."""

import datetime
import re
from http import HTTPStatus
from urllib.parse import quote

import pytest
import reversion
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pressroom import calendars, roles, search
from pressroom.admin import releases
from pressroom.models import PressRelease

from .admin_client import logged_in, make_member
from .factories import changelist_url, make_release, make_releases, make_topic

pytestmark = pytest.mark.django_db

LIST = "/admin/pressroom/pressrelease/"
ROLES = ("superuser", "editor", "publisher", "translator")
GROUPS = {
    "editor": roles.EDITORS,
    "publisher": roles.PUBLISHERS,
    "translator": roles.TRANSLATORS,
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def client_for(role):
    if role == "superuser":
        from .factories import make_user

        return logged_in(make_user(is_staff=True, is_superuser=True))
    return logged_in(make_member(GROUPS[role]))


def pages(release, topic):
    year, month = calendars.month_of(release.published_at.date(), calendars.JALALI)
    return {
        "desk": "/admin/",
        "list": LIST,
        "list, oldest first": f"{LIST}?o=4",
        "published": f"{LIST}?status__exact=published",
        "drafts": f"{LIST}?status__exact=draft",
        "withdrawn": f"{LIST}?status__exact=withdrawn",
        "topic": f"{LIST}?topic={topic.pk}",
        "needs Persian": f"{LIST}?needs_fa=yes",
        "needs English": f"{LIST}?needs_en=no",
        "outdated": f"{LIST}?outdated=any",
        "featured": f"{LIST}?featured__exact=1",
        "year": f"{LIST}?published_at__year={release.published_at.year}",
        "month": (
            f"{LIST}?published_at__year={release.published_at.year}"
            f"&published_at__month={release.published_at.month}"
        ),
        "Jalali month": f"{LIST}?jalali_month={year}-{month:02d}",
        "search": f"{LIST}?q=Казани",
        "search, Persian": f"{LIST}?q=کازان",
        "search and filter": f"{LIST}?q=Kazan&status__exact=published",
        "search, a number": f"{LIST}?q=%23{release.pk}",
        "history": reverse("admin:pressroom_pressrelease_history", args=[release.pk]),
    }


def query_counts(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # what a first request fills once (sessions, caches)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK, (name, response.status_code)
        counts[name] = len(captured.captured_queries)
    return counts


def edit_with_history(release, times):
    for number in range(times):
        with reversion.create_revision():
            release.revision_note_ru = f"Правка {number}"
            release.save()


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_run_as_many_queries_with_30_releases_as_with_3(role, groups):
    client = client_for(role)
    topic = make_topic()
    release = make_release(topics=[topic], featured=True)
    edit_with_history(release, 2)
    make_release(status=PressRelease.Status.DRAFT, published_at=None)
    make_release(languages=("ru",), status=PressRelease.Status.WITHDRAWN)
    urls = pages(release, topic)
    few = query_counts(client, urls)

    for made in make_releases(9, published_at=release.published_at):
        made.topics.add(topic)
    make_releases(9, languages=("ru",), published_at=release.published_at)
    for _ in range(3):
        make_release(status=PressRelease.Status.DRAFT, published_at=None)
        make_release(languages=("ru", "fa"), status=PressRelease.Status.WITHDRAWN)
        make_release(featured=True, topics=[topic])
    edit_with_history(release, 6)
    assert PressRelease.objects.count() == 30
    many = query_counts(client, urls)

    assert many == few


@pytest.fixture
def short_pages(monkeypatch):
    """The release list five to a page, so a few releases make many pages."""
    monkeypatch.setattr(admin.site.get_model_admin(PressRelease), "list_per_page", 5)


def listed_ids(client, **params):
    response = client.get(changelist_url(PressRelease), params)
    assert response.status_code == HTTPStatus.OK
    return [release.pk for release in response.context["cl"].result_list]


def test_pages_hold_the_lists_order_and_the_last_one_the_rest(groups, short_pages):
    client = client_for("editor")
    start = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    made = make_releases(12, published_at=start)
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    # Drafts without a time first, then the newest.
    expected = [draft.pk] + [release.pk for release in made]

    pages = [listed_ids(client, p=number) for number in (1, 2, 3)]

    assert pages == [expected[0:5], expected[5:10], expected[10:13]]
    # Sorted by the publication time column (after the checkbox, the title, the
    # photo and the state), oldest first (where the databases put a draft with
    # no time differs: only published ones here).
    oldest = [
        pk
        for number in (1, 2, 3)
        for pk in listed_ids(client, o="4", status__exact="published", p=number)
    ]
    assert oldest == [release.pk for release in reversed(made)]


def test_a_search_pages_in_the_lists_order(groups, short_pages):
    client = client_for("translator")
    start = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    found = make_releases(7, published_at=start, title_ru="Универсиада в Казани")
    make_releases(4, published_at=start)

    first, second = (listed_ids(client, q="универсиады", p=n) for n in (1, 2))

    assert first + second == [release.pk for release in found]


@pytest.mark.parametrize("page", ["4", "0", "-1", "99999999999999999999"])
def test_a_page_past_the_end_is_not_found_not_a_redirect(groups, short_pages, page):
    client = client_for("publisher")
    make_releases(12)

    response = client.get(changelist_url(PressRelease), {"p": page})

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_page_number_that_is_not_a_number_shows_the_first_page(groups, short_pages):
    client = client_for("publisher")
    made = make_releases(7)

    assert listed_ids(client, p="второй") == [release.pk for release in made[:5]]


def test_the_release_list_offers_no_counts_per_filter_choice(groups):
    # Counts per choice ("facets") are a count query per choice: seconds at
    # 100,000 releases. The list offers none.
    client = client_for("superuser")
    make_release()

    response = client.get(changelist_url(PressRelease), {"_facets": "True"})

    assert response.status_code == HTTPStatus.OK
    assert not response.context["cl"].add_facets


@pytest.fixture
def broad(monkeypatch):
    """Every search is broad, and counted up to 3."""
    monkeypatch.setattr(search, "BROAD", 0)
    monkeypatch.setattr(releases, "SEARCH_COUNT_LIMIT", 3)


def test_a_broad_search_walks_the_list_and_counts_up_to_its_limit(
    groups, broad, monkeypatch
):
    monkeypatch.setattr(admin.site.get_model_admin(PressRelease), "list_per_page", 2)
    client = client_for("editor")
    start = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    found = make_releases(5, published_at=start, title_ru="Универсиада в Казани")
    make_releases(3, published_at=start)
    draft = make_release(
        status=PressRelease.Status.DRAFT, published_at=None, title_ru="Универсиада"
    )
    expected = [draft.pk] + [release.pk for release in found]

    response = client.get(changelist_url(PressRelease), {"q": "универсиады"})

    assert response.status_code == HTTPStatus.OK
    cl = response.context["cl"]
    assert (cl.result_count, cl.paginator.counted_all) == (3, False)
    assert [release.pk for release in cl.result_list] == expected[:2]
    assert 'id="search-count-limit"' in response.content.decode()
    assert listed_ids(client, q="универсиады", p=2) == expected[2:3]
    # The release's number still finds it.
    assert found[-1].pk in listed_ids(client, q=f"#{found[-1].pk}")


def test_a_narrow_search_is_counted_whole(groups, monkeypatch):
    monkeypatch.setattr(releases, "SEARCH_COUNT_LIMIT", 3)
    client = client_for("editor")
    make_releases(5, title_ru="Универсиада в Казани")

    response = client.get(changelist_url(PressRelease), {"q": "универсиады"})

    cl = response.context["cl"]
    assert (cl.result_count, cl.paginator.counted_all) == (5, True)
    assert 'id="search-count-limit"' not in response.content.decode()


def test_a_broad_search_runs_as_many_queries_with_30_releases_as_with_5(groups, broad):
    client = client_for("translator")
    # Both more than the count's limit (3 here): the list is counted in part.
    release = make_release(title_ru="Универсиада в Казани")
    make_releases(4, title_ru="Универсиада в Казани")
    urls = {
        "search": f"{LIST}?q=универсиада",
        "search, filtered": f"{LIST}?q=универсиада&status__exact=published",
        "search, a year": (
            f"{LIST}?q=универсиада&published_at__year={release.published_at.year}"
        ),
    }
    few = query_counts(client, urls)
    make_releases(25, title_ru="Универсиада в Казани")
    assert query_counts(client, urls) == few


def test_the_date_links_offer_every_period_from_the_first_to_the_last(groups):
    client = client_for("publisher")
    for year in (2021, 2023):
        make_release(published_at=datetime.datetime(year, 5, 9, 9, tzinfo=datetime.UTC))
    make_release(published_at=datetime.datetime(2023, 8, 1, 9, tzinfo=datetime.UTC))

    years = client.get(changelist_url(PressRelease)).content.decode()
    months = client.get(
        changelist_url(PressRelease), {"published_at__year": "2023"}
    ).content.decode()

    assert all(f"published_at__year={year}" in years for year in (2021, 2022, 2023))
    assert "published_at__year=2020" not in years
    assert "published_at__year=2024" not in years
    assert all(f"published_at__month={month}" in months for month in (5, 6, 7, 8))
    assert "published_at__month=4" not in months
    assert "published_at__month=9" not in months


def test_the_persian_admin_says_a_search_is_counted_in_part_in_persian_digits(
    groups, broad
):
    client = logged_in(make_member(roles.TRANSLATORS), language="fa")
    make_releases(5, title_ru="Универсиада в Казани")

    response = client.get(changelist_url(PressRelease), {"q": "универсиады"})

    html = response.content.decode()
    note = re.search(r'id="search-count-limit">(.*?)</p>', html, re.S)
    assert note and "بیش از ۳" in note.group(1)
    assert not re.search(r"[0-9]", note.group(1))


def test_selecting_all_of_a_broad_search_selects_the_ones_counted(groups, broad):
    client = client_for("superuser")
    start = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    found = make_releases(5, published_at=start, title_ru="Универсиада в Казани")

    response = client.post(
        f"{changelist_url(PressRelease)}?q={quote('универсиады')}",
        {
            "action": "delete_selected",
            "select_across": "1",
            "index": "0",
            # What the browser sends: the boxes of the page shown, ticked.
            "_selected_action": [release.pk for release in found[:2]],
        },
    )

    assert response.status_code == HTTPStatus.OK  # the confirmation page
    chosen = {release.pk for release in response.context["queryset"]}
    assert chosen == {release.pk for release in found[:3]}
    assert PressRelease.objects.count() == 5


def test_a_searchs_date_links_span_the_whole_list(groups):
    client = client_for("editor")
    make_release(
        published_at=datetime.datetime(2021, 5, 9, 9, tzinfo=datetime.UTC),
        title_ru="Универсиада в Казани",
    )
    make_release(published_at=datetime.datetime(2023, 5, 9, 9, tzinfo=datetime.UTC))

    found = client.get(changelist_url(PressRelease), {"q": "универсиады"})
    year = client.get(
        changelist_url(PressRelease),
        {"q": "универсиады", "published_at__year": "2023"},
    )

    assert "published_at__year=2023" in found.content.decode()
    assert found.context["cl"].result_count == 1
    assert year.context["cl"].result_count == 0
