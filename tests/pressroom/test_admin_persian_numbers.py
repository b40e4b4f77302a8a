"""The Persian admin writes every number and date as the Persian site does:
Jalali dates, Persian digits (docs/domain.md FA-2); Russian and English keep
Django's Gregorian dates and Latin digits. Each place staff reported, through
the test client."""

import datetime
import re
from html import unescape
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from pressroom import roles
from pressroom.models import PressRelease

from .admin_client import logged_in, make_member
from .factories import (
    change_url,
    changelist_url,
    form_data,
    make_attachment,
    make_release,
    make_releases,
    make_user,
    visible_text,
)

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
LATIN = re.compile("[0-9]")
GREGORIAN_MONTHS_FA = re.compile(r"ژانویه|فوریه|مارس|آوریل|ژوئن|ژوئیه|اکتبر|دسامبر")
# 15 April 2025 is 26 Farvardin 1404.
APRIL_15 = datetime.datetime(2025, 4, 15, 12, tzinfo=MOSCOW)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def superuser():
    return make_user(is_staff=True, is_superuser=True, username="chief")


def part(response, pattern):
    """The visible text of the first piece of the page `pattern` finds."""
    match = re.search(pattern, response.content.decode(), re.S)
    assert match, pattern
    return visible_text(match.group(0))


def test_release_list_counts_and_times_in_persian(superuser):
    make_releases(34, published_at=APRIL_15)
    client = logged_in(superuser, "fa")
    response = client.get(changelist_url(PressRelease) + "?q=Казани")
    assert response.status_code == HTTPStatus.OK
    counter = part(response, r'<span class="small quiet">.*?</span>')
    assert "۳۴ نتیجه" in counter
    assert not LATIN.search(counter)
    paginator = part(response, r'<p class="paginator">.*?</p>')
    assert "۳۴" in paginator and not LATIN.search(paginator)
    selected = part(response, r'<span class="action-counter".*?</span>')
    assert selected.startswith("۰") and "۳۴" in selected
    assert not LATIN.search(selected)
    times = part(response, r'<td class="field-publication_time">.*?</td>')
    assert times == "۲۶ فروردین ۱۴۰۴، ساعت ۱۲:۰۰"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_release_list_stays_gregorian_in_latin_digits(superuser, language):
    make_releases(34, published_at=APRIL_15)
    response = logged_in(superuser, language).get(
        changelist_url(PressRelease) + "?q=Казани"
    )
    assert "34" in part(response, r'<span class="small quiet">.*?</span>')
    assert "34" in part(response, r'<p class="paginator">.*?</p>')
    times = part(response, r'<td class="field-publication_time">.*?</td>')
    assert times.startswith(("15 апреля 2025", "April 15, 2025"))


def hierarchy(response):
    """[(text, href)] of the date links above the list, the back link first."""
    html = re.search(
        r'<nav class="toplinks">(.*?)</nav>', response.content.decode(), re.S
    )
    return [
        (" ".join(unescape(text).replace("‹", "").split()), unescape(href))
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html.group(1))
    ]


def test_date_links_walk_jalali_years_months_and_days(superuser):
    # 20 March 2025 is the last day of 1403, 21 March the first of 1404.
    last_of_1403 = make_release(
        published_at=datetime.datetime(2025, 3, 20, 10, tzinfo=MOSCOW)
    )
    first_of_1404 = make_release(
        published_at=datetime.datetime(2025, 3, 21, 10, tzinfo=MOSCOW)
    )
    april = make_release(published_at=APRIL_15)
    client = logged_in(superuser, "fa")
    url = changelist_url(PressRelease)

    years = hierarchy(client.get(url))
    assert [text for text, _href in years] == ["۱۴۰۳", "۱۴۰۴"]

    year = client.get(url + dict(years)["۱۴۰۴"])
    assert year.status_code == HTTPStatus.OK
    assert set(year.context["cl"].result_list) == {first_of_1404, april}
    months = hierarchy(year)
    assert [text for text, _href in months] == [
        "همهٔ تاریخ‌ها",
        "فروردین ۱۴۰۴",
    ]

    month = client.get(url + months[1][1])
    days = hierarchy(month)
    assert days[0][0] == "۱۴۰۴"
    assert [text for text, _href in days[1:]][:1] == ["۱ فروردین"]
    assert "۲۶ فروردین" in [text for text, _href in days]

    day = client.get(url + dict(days)["۲۶ فروردین"])
    assert list(day.context["cl"].result_list) == [april]
    back = hierarchy(day)
    assert back[0][0] == "فروردین ۱۴۰۴"
    nav = part(day, r'<nav class="toplinks">.*?</nav>')
    assert not LATIN.search(nav) and not GREGORIAN_MONTHS_FA.search(nav)
    assert last_of_1403 not in day.context["cl"].result_list


def test_date_links_stay_gregorian_in_russian(superuser):
    make_release(published_at=datetime.datetime(2024, 3, 20, 10, tzinfo=MOSCOW))
    make_release(published_at=APRIL_15)
    links = hierarchy(logged_in(superuser, "ru").get(changelist_url(PressRelease)))
    assert [text for text, _href in links] == ["2024", "2025"]
    assert "published_at__year=2025" in links[1][1]


@pytest.mark.parametrize(
    "query",
    [
        "?published_at__gte=nonsense&published_at__lt=2025-01-01",
        "?published_at__gte=2025-03-21T00:00:00%2B03:00&published_at__lt=9999-01-01T00:00:00%2B03:00",
    ],
)
def test_odd_date_links_are_no_500(superuser, query):
    make_release(published_at=APRIL_15)
    response = logged_in(superuser, "fa").get(changelist_url(PressRelease) + query)
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)


def test_read_only_publication_time_in_the_translators_calendar():
    release = make_release(published_at=APRIL_15)
    translator = make_member(roles.TRANSLATORS, username="translator")
    persian = logged_in(translator, "fa").get(change_url(release))
    shown = part(
        persian, r'<div class="form-row[^"]*field-published_at.*?</div>\s*</div>'
    )
    assert "۲۶ فروردین ۱۴۰۴، ساعت ۱۲:۰۰" in shown
    assert not LATIN.search(shown) and not GREGORIAN_MONTHS_FA.search(shown)
    russian = logged_in(translator, "ru").get(change_url(release))
    shown = part(
        russian, r'<div class="form-row[^"]*field-published_at.*?</div>\s*</div>'
    )
    assert "2025" in shown and "12:00" in shown


def test_errors_of_inline_rows_and_of_the_whole_form_in_persian_digits(superuser):
    release = make_release()
    make_attachment(release)
    client = logged_in(superuser, "fa")
    response = client.get(change_url(release))
    data = form_data(response)
    data["attachments-0-title_ru"] = "я" * 201
    response = client.post(change_url(release), data)
    assert response.status_code == HTTPStatus.OK
    row = part(response, r'<div class="inline-related.*?<ul class="errorlist.*?</ul>')
    assert "۲۰۰" in row and "۲۰۱" in row and not LATIN.search(row)

    # The form the admin built lists its own (non-field) errors the same way.
    form = response.context["adminform"].form
    (formset,) = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "attachments"
    ]
    with translation.override("fa"):
        form.add_error(None, "at most 5 topics")
        assert "۵" in str(form.non_field_errors())
        assert "at most ۵" in str(formset.error_class(["at most 5"]))
    with translation.override("ru"):
        assert "at most 5" in str(formset.error_class(["at most 5"]))


def test_other_lists_show_their_dates_in_the_admins_calendar(superuser):
    from pressroom.alerts.models import Subscription

    from .factories import make_subscription

    make_subscription(email="reader@example.org", confirmed_at=APRIL_15)
    url = changelist_url(Subscription)
    persian = logged_in(superuser, "fa").get(url)
    assert persian.status_code == HTTPStatus.OK
    assert part(persian, r'<td class="field-confirmed_at">.*?</td>') == (
        "۲۶ فروردین ۱۴۰۴، ساعت ۱۲:۰۰"
    )
    nav = part(persian, r'<nav class="toplinks">.*?</nav>')
    assert "۲۶ فروردین" in nav and not LATIN.search(nav)
    russian = logged_in(superuser, "ru").get(url)
    assert part(russian, r'<td class="field-confirmed_at">.*?</td>').startswith(
        "15 апреля 2025"
    )


def test_an_error_written_in_html_keeps_its_markup():
    from django.utils.safestring import mark_safe

    from pressroom.local_numbers import LocalizedErrorList

    error = mark_safe('At most 5 <a href="/admin/2/">topics</a>')
    with translation.override("fa"):
        html = str(LocalizedErrorList([error]))
    assert 'At most ۵ <a href="/admin/2/">topics</a>' in html
