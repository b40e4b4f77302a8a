"""Template side of `pressroom.calendars`: dates and digits in the reader's language.

Templates use these instead of a date filter of their own engine, which would know
neither the Jalali calendar nor Persian digits. Registered in `config/jinja2.py`.
"""

from django.utils.translation import get_language
from markupsafe import Markup

from pressroom import calendars

# The values are escaped as they are filled in.
TIME_ELEMENT = Markup('<time datetime="%s">%s</time>')


def date_tag(value, weekday=False, with_time=False, dual=None, zone=False):
    """Render `<time datetime="ISO">reader text</time>`, or nothing for no date.

    `dual` names a second calendar ("jalali", "gregorian") shown in parentheses
    when it is not the reader's own; `zone` names the time zone after the time.
    A date never breaks across lines (no-break spaces inside it).
    """
    if not value:
        return ""
    language = get_language()
    if with_time:
        text = calendars.format_datetime(
            value, language, weekday=weekday, dual=dual, zone=zone, nbsp=True
        )
        attribute = calendars.iso(value)
    else:
        day = calendars.local_date(value)
        if dual:
            text = calendars.format_dual(
                day, language, dual, weekday=weekday, nbsp=True
            )
        else:
            text = calendars.format_date(day, language, weekday=weekday, nbsp=True)
        attribute = day.isoformat()
    return TIME_ELEMENT % (attribute, text)


def month_year_tag(calendar, year, month):
    """Render a month heading such as "Апрель 2025" or "فروردین ۱۴۰۴"."""
    return calendars.format_month_year(calendar, int(year), int(month), get_language())


def digits(value):
    """Write the numbers in `value` in the reader's digits (page numbers, counts).

    Digits add no markup, so safe input stays safe."""
    text = calendars.localize_digits(value, get_language())
    return type(value)(text) if hasattr(value, "__html__") else text


def month_name(calendar, month):
    """A month's name standing alone, capitalised: "Апрель", "فروردین"."""
    name = calendars.month_name(calendar, int(month), get_language())
    return f"{name[:1].upper()}{name[1:]}"
