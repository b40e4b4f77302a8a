"""Round anniversaries of a signing, worked out in the Gregorian and Jalali calendars.

Expected days are literals or come from the verified Nowruz table of
`tests/pressroom/reference_dates.py`, never from jdatetime: 1 Farvardin 1405 is
21 March 2026 and 1 Farvardin 1407 is 20 March 2028, so the Jalali anniversary of
20 Farvardin 1404 (9 April 2025) falls on 9 April 2026 but on 8 April 2028.
"""

import datetime

import pytest
from django.utils import translation

from cities.anniversaries import anniversary_date, is_round, round_anniversaries
from cities.models import Partnership
from pressroom.calendars import GREGORIAN, JALALI
from tests.pressroom.reference_dates import NOWRUZ

from .factories import make_city, make_home, make_isfahan, make_partnership

SIGNED = datetime.date(2025, 4, 9)  # 20 Farvardin 1404


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("years", "gregorian", "jalali"),
    [
        (1, "2026-04-09", "2026-04-09"),  # 20 Farvardin 1405
        (3, "2028-04-09", "2028-04-08"),  # 20 Farvardin 1407
        (5, "2030-04-09", "2030-04-09"),  # 20 Farvardin 1409
        (15, "2040-04-09", "2040-04-08"),  # 20 Farvardin 1419
        (20, "2045-04-09", "2045-04-08"),  # 20 Farvardin 1424
    ],
)
def test_anniversary_in_each_calendar(years, gregorian, jalali):
    assert anniversary_date(SIGNED, years, GREGORIAN) == day(gregorian)
    assert anniversary_date(SIGNED, years, JALALI) == day(jalali)


@pytest.mark.parametrize("years", range(1, 7))
def test_jalali_anniversary_is_the_same_day_of_farvardin(years):
    # 20 Farvardin is 19 days after Nowruz in every year.
    nowruz = day(NOWRUZ[1404 + years])

    expected = nowruz + datetime.timedelta(days=19)
    assert anniversary_date(SIGNED, years, JALALI) == expected


def test_a_missing_day_becomes_the_last_day_of_the_month():
    # 29 February 2024; 30 Esfand 1403 (a Jalali leap year) is 20 March 2025.
    assert anniversary_date(day("2024-02-29"), 1, GREGORIAN) == day("2025-02-28")
    assert anniversary_date(day("2025-03-20"), 1, JALALI) == day("2026-03-20")


@pytest.mark.parametrize(
    ("years", "expected"),
    [(1, True), (2, False), (5, True), (10, True), (12, False), (25, True)],
)
def test_round_years(years, expected):
    assert is_round(years) is expected


def test_round_anniversaries_up_to_a_day_in_both_calendars():
    found = round_anniversaries(SIGNED, [GREGORIAN, JALALI], until=day("2040-12-31"))

    assert [(item.years, item.date, item.calendars) for item in found] == [
        (1, day("2026-04-09"), (GREGORIAN,)),
        (1, day("2026-04-09"), (JALALI,)),
        (5, day("2030-04-09"), (GREGORIAN,)),
        (5, day("2030-04-09"), (JALALI,)),
        (10, day("2035-04-09"), (GREGORIAN,)),
        (10, day("2035-04-09"), (JALALI,)),
        (15, day("2040-04-08"), (JALALI,)),
        (15, day("2040-04-09"), (GREGORIAN,)),
    ]


@pytest.mark.django_db
def test_partnership_with_a_jalali_partner_counts_in_both_calendars():
    home = make_home()
    partnership = make_partnership(partner=make_isfahan())

    past, upcoming = partnership.anniversaries(home, today=day("2039-06-01"))

    # One entry when both calendars agree on the day, with no calendar note.
    assert [(item.years, item.date) for item in past] == [
        (1, day("2026-04-09")),
        (5, day("2030-04-09")),
        (10, day("2035-04-09")),
    ]
    assert all(item.calendar_note == "" for item in past)
    # The 15th falls a day apart: two entries, each saying its calendar.
    assert [(item.date, item.calendars) for item in upcoming] == [
        (day("2040-04-08"), (JALALI,)),
        (day("2040-04-09"), (GREGORIAN,)),
    ]
    with translation.override("en"):
        assert str(upcoming[0].calendar_note) == "by the Solar Hijri calendar"


@pytest.mark.django_db
def test_an_anniversary_today_is_still_coming_up():
    home = make_home()
    partnership = make_partnership(partner=make_isfahan())

    past, upcoming = partnership.anniversaries(home, today=day("2030-04-09"))

    assert [item.years for item in past] == [1]
    assert [(item.years, item.date) for item in upcoming] == [(5, day("2030-04-09"))]


@pytest.mark.django_db
def test_gregorian_partners_count_in_the_gregorian_calendar_only():
    home = make_home()
    partnership = make_partnership(partner=make_city(calendar=GREGORIAN))

    past, upcoming = partnership.anniversaries(home, today=day("2026-05-01"))

    assert [(item.years, item.calendars) for item in past] == [(1, (GREGORIAN,))]
    assert [item.years for item in upcoming] == [5]
    assert past[0].calendar_note == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Partnership.Status.ENDED, Partnership.Status.SUSPENDED]
)
def test_no_upcoming_anniversaries_unless_active(status):
    home = make_home()
    partnership = make_partnership(
        partner=make_isfahan(),
        signed_on=day("2012-05-15"),
        status=status,
        status_since=day("2020-12-31"),
    )

    past, upcoming = partnership.anniversaries(home, today=day("2030-01-01"))

    assert upcoming == []
    last = max(item.date for item in past)
    if status == Partnership.Status.ENDED:
        assert last <= day("2020-12-31")
    else:
        assert last > day("2020-12-31")


@pytest.mark.django_db
def test_no_signing_date_means_no_anniversaries():
    partnership = make_partnership(signed_on=None)

    assert partnership.anniversaries(make_home()) == ([], [])
