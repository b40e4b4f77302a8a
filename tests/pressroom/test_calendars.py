"""pressroom.calendars against the verified literals in reference_dates.py.

The expected values are literals checked against several independent libraries
and the Iranian Calendar Center table; never recompute them with jdatetime here.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from django.template import engines
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from pressroom import calendars
from pressroom.calendars import GREGORIAN, JALALI

from .reference_dates import (
    DATETIME_REF,
    EXTRA,
    JALALI_MONTH_SPANS,
    LEAP_YEARS_1300_1480,
    NOWRUZ,
    REFERENCE_DATES,
    TEHRAN_DIFFERS,
    TZ_BOUNDARY_CASES,
)

SEED = datetime.date(2025, 4, 9)
# 2025-04-09 14:05 Moscow time.
SEED_INSTANT = datetime.datetime.fromisoformat(DATETIME_REF["iso"])
SITE_RANGE = st.dates(datetime.date(1925, 1, 1), datetime.date(2100, 12, 31))


def jalali_tuple(text):
    return tuple(int(part) for part in text.split("-"))


def utc(text):
    return datetime.datetime.fromisoformat(text).astimezone(datetime.UTC)


@pytest.fixture(autouse=True)
def moscow_time(settings):
    settings.USE_TZ = True
    settings.TIME_ZONE = "Europe/Moscow"


@pytest.mark.parametrize(("gregorian", "jalali", "fa", "ru", "en"), REFERENCE_DATES)
def test_reference_dates_convert_both_ways(gregorian, jalali, fa, ru, en):
    day = datetime.date.fromisoformat(gregorian)

    assert calendars.to_jalali(day) == jalali_tuple(jalali)
    assert calendars.from_jalali(*jalali_tuple(jalali)) == day


@pytest.mark.parametrize(("gregorian", "jalali", "fa", "ru", "en"), REFERENCE_DATES)
def test_reference_dates_read_in_each_language(gregorian, jalali, fa, ru, en):
    day = datetime.date.fromisoformat(gregorian)

    assert calendars.format_date(day, "fa", weekday=True) == fa
    assert calendars.format_date(day, "ru") == ru
    assert calendars.format_date(day, "en") == en


@pytest.mark.parametrize("gregorian", sorted(EXTRA))
def test_jalali_dates_on_russian_and_english_pages(gregorian):
    day = datetime.date.fromisoformat(gregorian)
    extra = EXTRA[gregorian]

    assert calendars.format_date(day, "ru", calendar=JALALI) == extra["ru_jalali"]
    assert calendars.format_date(day, "en", calendar=JALALI) == extra["en_jalali"]
    assert calendars.format_date(day, "en", weekday=True).startswith(
        extra["weekday_en"] + ", "
    )


@pytest.mark.parametrize(
    ("language", "calendar", "weekday", "expected"),
    [
        ("ru", None, True, "среда, 9 апреля 2025 г."),
        ("en", None, True, "Wednesday, April 9, 2025"),
        ("fa", None, False, "۲۰ فروردین ۱۴۰۴"),
        ("fa", GREGORIAN, False, "۹ آوریل ۲۰۲۵"),
    ],
)
def test_format_date_targets(language, calendar, weekday, expected):
    assert (
        calendars.format_date(SEED, language, weekday=weekday, calendar=calendar)
        == expected
    )


def test_1403_is_leap_and_1404_is_not():
    assert calendars.to_jalali(datetime.date(2025, 3, 20)) == (1403, 12, 30)
    assert jalali_leap(1403)
    assert not jalali_leap(1404)
    with pytest.raises(ValueError):
        calendars.from_jalali(1404, 12, 30)


def test_leap_years_match_the_official_table():
    leap = [year for year in range(1300, 1480) if jalali_leap(year)]

    assert leap == LEAP_YEARS_1300_1480


@pytest.mark.parametrize(("year", "gregorian"), sorted(NOWRUZ.items()))
def test_nowruz(year, gregorian):
    assert calendars.from_jalali(year, 1, 1).isoformat() == gregorian
    assert calendars.month_span(JALALI, year, 1)[0].isoformat() == gregorian


@pytest.mark.parametrize(
    ("year_month", "first_last"), sorted(JALALI_MONTH_SPANS.items())
)
def test_jalali_month_spans_are_half_open(year_month, first_last):
    start, end = calendars.month_span(JALALI, *year_month)

    assert start.isoformat() == first_last[0]
    assert (end - datetime.timedelta(days=1)).isoformat() == first_last[1]


def test_farvardin_1404_archive_bounds():
    """CAL-5: the fa archive for 1404/01 holds 2025-03-21 .. 2025-04-20."""
    start, end = calendars.month_span(JALALI, 1404, 1)

    assert start == datetime.date(2025, 3, 21)
    assert end == datetime.date(2025, 4, 21)


def test_year_spans():
    assert calendars.year_span(JALALI, 1403) == (
        datetime.date(2024, 3, 20),
        datetime.date(2025, 3, 21),
    )
    assert calendars.year_span(GREGORIAN, 2025) == (
        datetime.date(2025, 1, 1),
        datetime.date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("calendar", "year", "month"),
    [(JALALI, 1404, 13), (JALALI, 1404, 0), (JALALI, 2025, 4), (GREGORIAN, 1404, 1)],
)
def test_month_span_rejects_impossible_months(calendar, year, month):
    with pytest.raises(ValueError):
        calendars.month_span(calendar, year, month)


@pytest.mark.parametrize(
    ("instant", "moscow", "gregorian", "jalali"), TZ_BOUNDARY_CASES
)
def test_dates_are_the_moscow_local_day(instant, moscow, gregorian, jalali):
    value = utc(instant)

    assert calendars.iso(value) == moscow
    assert calendars.local_date(value).isoformat() == gregorian
    assert calendars.to_jalali(calendars.local_date(value)) == jalali_tuple(jalali)
    assert calendars.month_of(value, JALALI) == jalali_tuple(jalali)[:2]


def test_tehran_being_past_midnight_does_not_change_the_day():
    instant, moscow, tehran = TEHRAN_DIFFERS
    value = utc(instant)

    assert value.astimezone(ZoneInfo("Asia/Tehran")).isoformat() == tehran
    assert calendars.iso(value) == moscow
    assert calendars.format_date(value, "fa") == "۲۰ فروردین ۱۴۰۴"


def test_local_day_start_is_moscow_midnight():
    start = calendars.local_day_start(datetime.date(2025, 3, 21))

    assert start.isoformat() == "2025-03-21T00:00:00+03:00"
    assert start == utc("2025-03-20T21:00:00+00:00")


@pytest.mark.parametrize("language", ["fa", "ru", "en"])
def test_datetime_reference(language):
    weekday = language == "fa"

    assert (
        calendars.format_datetime(utc(DATETIME_REF["iso"]), language, weekday=weekday)
        == DATETIME_REF[language]
    )


def test_iso_is_ascii_local_time_without_microseconds():
    value = utc(DATETIME_REF["iso"]).replace(microsecond=123456)

    assert calendars.iso(value) == DATETIME_REF["iso"]
    assert calendars.iso(SEED) == "2025-04-09"


@pytest.mark.parametrize(
    ("language", "expected"), [("ru", "14:05"), ("en", "14:05"), ("fa", "۱۴:۰۵")]
)
def test_format_time_is_24_hour(language, expected):
    assert calendars.format_time(SEED_INSTANT, language) == expected
    morning = datetime.time(9, 5)
    assert calendars.format_time(morning, "en") == "9:05"


@pytest.mark.parametrize(
    ("language", "other", "weekday", "expected"),
    [
        ("en", JALALI, False, "April 9, 2025 (20 Farvardin 1404)"),
        ("ru", JALALI, False, "9 апреля 2025 г. (20 фарвардина 1404 г.)"),
        ("fa", GREGORIAN, False, "۲۰ فروردین ۱۴۰۴ (۹ آوریل ۲۰۲۵)"),
        ("fa", GREGORIAN, True, DATETIME_REF["fa_dual"]),
        ("en", GREGORIAN, False, "April 9, 2025"),
        ("fa", JALALI, False, "۲۰ فروردین ۱۴۰۴"),
    ],
)
def test_dual_dates(language, other, weekday, expected):
    assert calendars.format_dual(SEED, language, other, weekday=weekday) == expected


@pytest.mark.parametrize(
    ("calendar", "year", "month", "language", "expected"),
    [
        (GREGORIAN, 2025, 4, "ru", "Апрель 2025"),
        (JALALI, 1404, 1, "ru", "Фарвардин 1404"),
        (GREGORIAN, 2025, 4, "en", "April 2025"),
        (JALALI, 1404, 1, "en", "Farvardin 1404"),
        (JALALI, 1404, 1, "fa", "فروردین ۱۴۰۴"),
        (GREGORIAN, 2025, 4, "fa", "آوریل ۲۰۲۵"),
    ],
)
def test_month_headings(calendar, year, month, language, expected):
    assert calendars.format_month_year(calendar, year, month, language) == expected


def test_fa_digits_leaves_no_latin_or_arabic_indic_digit():
    text = calendars.fa_digits("0123456789 ٠١٢٣٤٥٦٧٨٩ page=2")

    assert not re.search("[0-9\u0660-\u0669]", text)
    assert text == "۰۱۲۳۴۵۶۷۸۹ ۰۱۲۳۴۵۶۷۸۹ page=۲"
    assert calendars.localize_digits(2, "en") == "2"


def test_calendar_for_language():
    assert calendars.calendar_for("fa") == JALALI
    assert calendars.calendar_for("ru") == GREGORIAN
    assert calendars.calendar_for("en") == GREGORIAN


def test_valid_year_ranges_do_not_overlap():
    jalali = {y for y in range(1000, 3000) if calendars.valid_year(JALALI, y)}
    gregorian = {y for y in range(1000, 3000) if calendars.valid_year(GREGORIAN, y)}

    assert jalali == set(range(1300, 1501))
    assert gregorian == set(range(1900, 2201))
    assert not jalali & gregorian


@given(SITE_RANGE)
def test_jalali_round_trip(day):
    assert calendars.from_jalali(*calendars.to_jalali(day)) == day


@given(SITE_RANGE, st.sampled_from([JALALI, GREGORIAN]))
def test_months_tile_the_timeline(day, calendar):
    year, month = calendars.month_of(day, calendar)
    start, end = calendars.month_span(calendar, year, month)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)

    assert start <= day < end
    assert calendars.month_span(calendar, next_year, next_month)[0] == end
    shortest = 29 if calendar == JALALI else 28
    assert shortest <= (end - start).days <= 31


def public_template(source):
    """A template of the public pages' engine (Jinja2, config/jinja2.py)."""
    return engines["jinja2"].from_string(source)


def test_date_tag_in_persian():
    template = public_template("{{ date_tag(day) }}")

    with translation.override("fa"):
        html = template.render({"day": SEED})

    # No-break spaces: a date on a page never breaks across lines.
    assert html == '<time datetime="2025-04-09">۲۰\xa0فروردین\xa0۱۴۰۴</time>'


def test_date_tag_with_time_and_dual():
    template = public_template(
        "{{ date_tag(when, with_time=True) }}|"
        '{{ date_tag(when, dual="jalali") }}|{{ month_year_tag("jalali", 1404, 1) }}|'
        "{{ count|digits }}"
    )

    with translation.override("en"):
        html = template.render({"when": SEED_INSTANT, "count": 21})

    assert html == (
        '<time datetime="2025-04-09T14:05:00+03:00">April\xa09,\xa02025, 14:05</time>|'
        '<time datetime="2025-04-09">'
        "April\xa09,\xa02025 (20\xa0Farvardin\xa01404)</time>|"
        "Farvardin 1404|21"
    )


def test_digits_filter_localizes_only_in_persian():
    template = public_template("{{ page|digits }}")

    with translation.override("fa"):
        assert template.render({"page": 2}) == "۲"
    with translation.override("ru"):
        assert template.render({"page": 2}) == "2"


def jalali_leap(year):
    """The leap rule the site relies on: jdatetime's (docs/domain.md, CAL-3)."""
    return jdatetime.date(year, 1, 1).isleap()
