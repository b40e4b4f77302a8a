"""Jalali dates in the admin: beside date fields as they are typed (JavaScript, run
here in node against the server's calendars), for saved values, and as a filter."""

import datetime
import json
import shutil
import subprocess
from http import HTTPStatus
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from pressroom import calendars
from pressroom.admin.release_list import JalaliMonthFilter
from pressroom.models import PressRelease

from .admin_client import logged_in
from .factories import change_url, changelist_url, make_release, make_user

JS = Path(settings.BASE_DIR) / "static" / "pressroom-admin" / "jalali.js"
NODE = shutil.which("node")
MOSCOW = ZoneInfo("Europe/Moscow")
UTC = datetime.UTC


def run_js(script, payload):
    result = subprocess.run(
        [NODE, "-e", script, str(JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def sample_days():
    """Every fifth day of 1925-2123, and the days around every Nowruz."""
    days = set()
    day = datetime.date(1925, 3, 21)
    while day < datetime.date(2123, 3, 20):
        days.add(day)
        day += datetime.timedelta(days=5)
    for year in range(1925, 2123):
        for offset in range(17, 25):
            days.add(datetime.date(year, 3, offset))
    return sorted(days)


@pytest.mark.skipif(NODE is None, reason="node is not installed: jalali.js untested")
def test_javascript_gives_the_servers_jalali_dates_in_every_language():
    days = sample_days()
    script = """
    const jalali = require(process.argv[1]);
    const days = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const out = days.map(([y, m, d]) =>
      ["ru", "fa", "en"].map((lang) => jalali.formatJalali(y, m, d, lang)));
    process.stdout.write(JSON.stringify(out));
    """
    got = run_js(script, [[d.year, d.month, d.day] for d in days])
    mismatches = [
        (day, text, expected)
        for day, text in zip(days, got, strict=True)
        for expected in [
            [
                calendars.format_date(day, language, calendar=calendars.JALALI)
                for language in ("ru", "fa", "en")
            ]
        ]
        if text != expected
    ]
    assert not mismatches[:5]
    # docs/domain.md CAL-6: the last day of the leap year 1403.
    assert got[days.index(datetime.date(2025, 3, 20))][2] == "30 Esfand 1403"


@pytest.mark.skipif(NODE is None, reason="node is not installed: jalali.js untested")
def test_javascript_reads_dates_as_the_admin_writes_them_in_each_language():
    script = """
    const jalali = require(process.argv[1]);
    const values = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(JSON.stringify(values.map((v) => jalali.parseDate(v))));
    """
    values = ["20.03.2025", "2025-03-20", "03/20/2025", "۲۰۲۵-۰۳-۲۰", "31.02.2025", ""]
    parsed = run_js(script, values)
    march_20 = {"year": 2025, "month": 3, "day": 20}
    assert parsed == [march_20] * 4 + [None, None]


@pytest.fixture
def superuser(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return logged_in(make_user(is_staff=True, is_superuser=True))


def test_release_page_loads_the_jalali_script_and_shows_the_saved_date(superuser):
    release = make_release(
        published_at=datetime.datetime(2025, 3, 20, 21, 0, tzinfo=UTC)
    )
    html = superuser.get(change_url(release)).content.decode()
    assert "/static/pressroom-admin/jalali.js" in html
    # 2025-03-21 00:00 in Moscow: the first day of 1404.
    assert calendars.format_date(release.published_at, "fa") == "۱ فروردین ۱۴۰۴"
    assert "۱ فروردین ۱۴۰۴" in html


def test_release_list_shows_the_jalali_date(superuser):
    make_release(published_at=datetime.datetime(2025, 4, 9, 12, 0, tzinfo=MOSCOW))
    html = superuser.get(changelist_url(PressRelease)).content.decode()
    assert "۲۰ فروردین ۱۴۰۴" in html


def test_jalali_month_filter_lists_the_last_two_years_newest_first(superuser):
    response = superuser.get(changelist_url(PressRelease))
    spec = next(
        spec
        for spec in response.context["cl"].filter_specs
        if isinstance(spec, JalaliMonthFilter)
    )
    values = [value for value, _label in spec.lookup_choices]
    year, month = calendars.month_of(timezone.localdate(), calendars.JALALI)
    assert len(values) == 24
    assert values[0] == f"{year}-{month:02d}"
    assert values == sorted(values, reverse=True)
    assert len(set(values)) == 24


def test_jalali_month_filter_uses_moscow_days(superuser):
    last_of_1403 = make_release(
        published_at=datetime.datetime(2025, 3, 20, 20, 59, tzinfo=UTC)
    )
    first_of_1404 = make_release(
        published_at=datetime.datetime(2025, 3, 20, 21, 0, tzinfo=UTC)
    )
    last_of_farvardin = make_release(
        published_at=datetime.datetime(2025, 4, 20, 23, 59, tzinfo=MOSCOW)
    )
    make_release(published_at=datetime.datetime(2025, 4, 21, 0, 0, tzinfo=MOSCOW))

    def listed(value):
        response = superuser.get(changelist_url(PressRelease), {"jalali_month": value})
        assert response.status_code == HTTPStatus.OK
        return {release.pk for release in response.context["cl"].queryset}

    assert listed("1404-01") == {first_of_1404.pk, last_of_farvardin.pk}
    assert last_of_1403.pk in listed("1403-12")


def test_an_impossible_jalali_month_is_refused(superuser):
    response = superuser.get(changelist_url(PressRelease), {"jalali_month": "1404-13"})
    assert response.status_code == HTTPStatus.FOUND
    assert "e=1" in response["Location"]
