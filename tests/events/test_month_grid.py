"""Month grids in the reader's calendar, against the verified reference dates.

Persian: Jalali months, weeks from Saturday, Persian digits. Russian and
English: Gregorian months, weeks from Monday.
"""

import datetime
import re
from http import HTTPStatus

import pytest

from pressroom import calendars
from tests.pressroom.reference_dates import (
    JALALI_MONTH_SPANS,
    PERSIAN_DIGITS,
    REFERENCE_DATES,
)

# The column of a weekday (date.weekday(), Monday = 0) in a week of the language.
COLUMN = {
    "fa": lambda weekday: (weekday - 5) % 7,
    "ru": lambda weekday: weekday,
    "en": lambda weekday: weekday,
}


def cell_of(weeks, day):
    for row, week in enumerate(weeks):
        if day in week:
            return row, week.index(day)
    raise AssertionError(f"{day} is not in the grid")


@pytest.mark.parametrize(
    ("gregorian", "jalali", "fa_long", "ru", "en"), REFERENCE_DATES
)
def test_every_reference_day_sits_under_its_weekday_in_both_calendars(
    gregorian, jalali, fa_long, ru, en
):
    day = datetime.date.fromisoformat(gregorian)
    year, month, number = map(int, jalali.split("-"))

    weeks = calendars.month_weeks(calendars.JALALI, year, month, "fa")
    _row, column = cell_of(weeks, day)
    assert column == COLUMN["fa"](day.weekday())
    assert calendars.day_of_month(day, calendars.JALALI) == number
    # The weekday heading of that column is the one the reference date names.
    _index, name, _short = calendars.week_days("fa")[column]
    assert fa_long.startswith(name)

    for language in ("ru", "en"):
        weeks = calendars.month_weeks(
            calendars.GREGORIAN, day.year, day.month, language
        )
        assert cell_of(weeks, day)[1] == COLUMN[language](day.weekday())


@pytest.mark.parametrize(("month", "span"), JALALI_MONTH_SPANS.items())
def test_a_jalali_grid_runs_from_the_first_to_the_last_day_of_its_month(month, span):
    first, last = (datetime.date.fromisoformat(value) for value in span)

    days = [day for week in calendars.month_weeks(calendars.JALALI, *month, "fa")
            for day in week if day]  # fmt: skip

    assert (days[0], days[-1]) == (first, last)
    assert len(days) == (last - first).days + 1


def test_weeks_start_on_saturday_in_persian_and_monday_elsewhere():
    assert [name for _day, name, _short in calendars.week_days("fa")][:2] == [
        "شنبه",
        "یکشنبه",
    ]
    assert calendars.week_days("ru")[0][1] == "понедельник"
    assert calendars.week_days("en")[6][1] == "Sunday"


def day_numbers(html):
    return re.findall(r'<span class="day-number">([^<]+)</span>', html)


def first_row(html):
    body = html.split("<tbody>", 1)[1]
    row = body.split("</tr>", 1)[0]
    return re.findall(r"<td[^>]*>", row)


@pytest.mark.django_db
def test_the_farvardin_1404_page_is_a_right_to_left_grid_in_persian_digits(client):
    response = client.get("/fa/events/1404/01/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    # 1 Farvardin 1404 was a Friday: six empty days from Saturday before it.
    cells = first_row(html)
    assert [cell == '<td class="outside">' for cell in cells] == [True] * 6 + [False]
    numbers = day_numbers(html)
    assert numbers[0] == "۱" and numbers[-1] == "۳۱" and len(numbers) == 31
    assert all(char in PERSIAN_DIGITS for number in numbers for char in number)
    assert "فروردین ۱۴۰۴" in html
    heads = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert heads[0] == "شنبه" and heads[-1] == "جمعه"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "days"), [("/fa/events/1403/12/", 30), ("/fa/events/1404/12/", 29)]
)
def test_esfand_has_thirty_days_only_in_a_leap_year(client, path, days):
    numbers = day_numbers(client.get(path).content.decode())

    assert len(numbers) == days


@pytest.mark.django_db
def test_the_april_2025_page_is_a_gregorian_grid_from_monday(client):
    html = client.get("/ru/events/2025/04/").content.decode()

    assert '<html lang="ru" dir="ltr">' in html
    # 1 April 2025 was a Tuesday.
    assert [cell == '<td class="outside">' for cell in first_row(html)] == [True] + [
        False
    ] * 6
    assert day_numbers(html)[:2] == ["1", "2"] and len(day_numbers(html)) == 30
    assert "Апрель 2025" in html
