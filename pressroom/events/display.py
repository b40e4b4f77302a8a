"""When an event takes place, in the reader's language and calendar.

Registered in the Jinja2 environment (`config/jinja2.py`).
"""

from django.utils import timezone
from django.utils.translation import get_language
from markupsafe import Markup

from pressroom import calendars
from pressroom.jinja2_helpers.calendars import TIME_ELEMENT, date_tag


def event_when(starts_at, ends_at=None, weekday=True):
    """ "среда, 9 апреля 2025, 10:00–12:00", or two dates for a longer event."""
    language = get_language()
    start = date_tag(starts_at, weekday=weekday, with_time=True)
    if not ends_at:
        return start
    same_day = timezone.localdate(starts_at) == timezone.localdate(ends_at)
    if same_day:
        end = TIME_ELEMENT % (
            calendars.iso(ends_at),
            calendars.format_time(ends_at, language),
        )
    else:
        end = date_tag(ends_at, weekday=weekday, with_time=True)
    return Markup("{}\u2009\u2013\u2009{}").format(start, end)


def day_number(day, calendar):
    """The number of a day in a month grid, in the reader's digits."""
    return calendars.localize_digits(
        calendars.day_of_month(day, calendar), get_language()
    )


def event_time(value):
    return TIME_ELEMENT % (
        calendars.iso(value),
        calendars.format_time(value, get_language()),
    )


def local_day(value):
    """The day a moment falls on in the site's time zone."""
    return calendars.local_date(value)
