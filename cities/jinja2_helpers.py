"""Dates about partner cities: in the reader's calendar and in the other party's.

Registered in the Jinja2 environment (`config/jinja2.py`).
"""

from django.utils.translation import get_language, ngettext

from pressroom import calendars
from pressroom.jinja2_helpers.calendars import date_tag


def other_calendar(*calendar_list):
    """The first of `calendar_list` that is not the reader's, or None."""
    reader = calendars.calendar_for(get_language())
    return next((item for item in calendar_list if item and item != reader), None)


def partnership_date(value, city, home=None):
    """A `<time>` for a date concerning `city` and the home city.

    A date is shown in both calendars when the two sides use different ones:
    "April 9, 2025 (20 Farvardin 1404)" on the English page and
    "۲۰ فروردین ۱۴۰۴ (۹ آوریل ۲۰۲۵)" on the Persian one.
    """
    return date_tag(
        value, dual=other_calendar(city.calendar, home.calendar if home else None)
    )


def both_calendars_date(value):
    """A `<time>` with the date in the reader's calendar and in the other one."""
    return date_tag(value, dual=other_calendar(calendars.GREGORIAN, calendars.JALALI))


def years_count(years):
    """ "10 years", in the reader's plural form and digits."""
    text = ngettext("%(number)s year", "%(number)s years", years)
    return text % {"number": calendars.localize_digits(years, get_language())}
