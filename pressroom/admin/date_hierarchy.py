"""The release list's date links (years, then months, then days), in three queries.

Django's date hierarchy asks the database for the distinct truncated dates of
every row in the list: on SQLite that runs a Python function per row (100,000
calls for the years of the whole list), and at every level it reads all the
list's rows. Here the list's first and last times come from the list's index
(two queries, each a walk from one end of it to the first row the filters
keep), and every year, month or day between them is offered. Finding which of
them hold a release cost a pass over the whole list again (0.4 s on SQLite at
100,000 releases): in a filtered list a link may lead to an empty period,
which says so.

`date_hierarchy(cl)` takes Django's own tag function and template
(`admin/date_hierarchy.html`) and only gives it a list that answers its two
questions (`aggregate` for the first and last time, `datetimes` for the
periods) this way.
"""

import datetime

from django.contrib.admin.templatetags.admin_list import (
    date_hierarchy as django_date_hierarchy,
)
from django.contrib.admin.utils import get_fields_from_path
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pressroom import calendars


def period_starts(first, last, kind):
    """Local midnights starting each `kind` period from `first` to `last`."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    day = first.date()
    if kind == "year":
        day = day.replace(month=1, day=1)
    elif kind == "month":
        day = day.replace(day=1)
    starts = []
    while day <= last.date():
        midnight = datetime.datetime.combine(day, datetime.time())
        starts.append(timezone.make_aware(midnight))
        if kind == "year":
            day = day.replace(year=day.year + 1)
        elif kind == "month":
            day = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        else:
            day += datetime.timedelta(days=1)
    return starts


class Periods:
    """The list's queryset, as Django's date hierarchy questions it."""

    def __init__(self, queryset, field):
        self.queryset = queryset.order_by()
        self.field = field
        self.bounds = None

    def aggregate(self, **aggregates):
        # Django asks for aggregate(first=Min(field), last=Max(field)).
        first, last = self.first_and_last(self.field)
        return {"first": first, "last": last}

    def first_and_last(self, field):
        # The first row from each end of the list's order, not MIN and MAX:
        # SQLite takes only a lone MIN or MAX from an index, and PostgreSQL
        # answered MIN under a broad search by joining every matching document.
        if self.bounds is None:
            timed = self.queryset.filter(**{f"{field}__isnull": False})
            times = timed.values_list(field, flat=True)
            self.bounds = (times.order_by(field).first(), times.order_by(field).last())
        return self.bounds

    def datetimes(self, field, kind):
        first, last = self.first_and_last(field)
        if first is None:
            return []
        return period_starts(first, last, kind)


class ChangeListDates:
    """The change list, its queryset answering as `Periods` does."""

    def __init__(self, cl):
        self.cl = cl
        # Under a search the periods are the whole list's: finding the
        # search's first and last time ran it twice more (a third of a search
        # page's time); a year's link then shows the search's matches in it.
        queryset = cl.root_queryset if cl.query else cl.queryset
        self.queryset = Periods(queryset, cl.date_hierarchy)

    def __getattr__(self, name):
        return getattr(self.cl, name)


def date_hierarchy(cl):
    """The date links of any change list with a date hierarchy on a moment
    (a DateTimeField); a list by plain dates keeps Django's own."""
    field = get_fields_from_path(cl.model, cl.date_hierarchy)[-1]
    if not isinstance(field, models.DateTimeField):
        return django_date_hierarchy(cl)
    if calendars.calendar_for(get_language()) == calendars.JALALI:
        return jalali_date_hierarchy(cl)
    return django_date_hierarchy(ChangeListDates(cl))


# The Persian admin's links: Jalali years, months and days. Django's links
# filter on Gregorian parts (`published_at__year`), which cannot name a Jalali
# period; these filter on the period's first and following local midnights
# (`published_at__gte`, `published_at__lt`), which Django's list takes as they
# are.


def jalali_period(cl):
    """("year" | "month" | "day", first day) of the period the list's link
    chose, or (None, None) when none (or none that reads as one) is chosen."""
    field = cl.date_hierarchy
    try:
        start = datetime.datetime.fromisoformat(cl.params[f"{field}__gte"])
        end = datetime.datetime.fromisoformat(cl.params[f"{field}__lt"])
    except (KeyError, TypeError, ValueError):
        return None, None
    first, following = calendars.local_date(start), calendars.local_date(end)
    year, month, _day = calendars.to_jalali(first)
    if following == first + datetime.timedelta(days=1):
        return "day", first
    try:
        if (first, following) == calendars.month_span(calendars.JALALI, year, month):
            return "month", first
        if (first, following) == calendars.year_span(calendars.JALALI, year):
            return "year", first
    except ValueError:  # a year no link offers
        pass
    return None, None


def jalali_date_hierarchy(cl):
    field = cl.date_hierarchy
    language = get_language()

    def link(first, following):
        return cl.get_query_string(
            {
                f"{field}__gte": calendars.local_day_start(first).isoformat(),
                f"{field}__lt": calendars.local_day_start(following).isoformat(),
            },
            [f"{field}__"],
        )

    def year_link(year):
        return link(*calendars.year_span(calendars.JALALI, year))

    def month_link(year, month):
        return link(*calendars.month_span(calendars.JALALI, year, month))

    def month_title(year, month):
        return calendars.format_month_year(calendars.JALALI, year, month, language)

    level, chosen = jalali_period(cl)
    bounds = ChangeListDates(cl).queryset.first_and_last(field)
    if level is None:
        if bounds[0] is None:
            return {"show": False}
        first, last = (calendars.to_jalali(moment) for moment in bounds)
        if first[0] != last[0]:
            return {
                "show": True,
                "back": None,
                "choices": [
                    {
                        "link": year_link(year),
                        "title": calendars.localize_digits(year, language),
                    }
                    for year in range(first[0], last[0] + 1)
                ],
            }
        # One year, or one month, in the whole list: start there, as Django does.
        level = "year" if first[1] != last[1] else "month"
        chosen = calendars.from_jalali(first[0], first[1] if level == "month" else 1, 1)
    year, month, _day = calendars.to_jalali(chosen)
    if level == "day":
        return {
            "show": True,
            "back": {
                "link": month_link(year, month),
                "title": month_title(year, month),
            },
            "choices": [{"title": day_title(chosen, language)}],
        }
    if bounds[0] is None:
        return {"show": False}
    if level == "month":
        first, following = calendars.month_span(calendars.JALALI, year, month)
        days = period_starts(bounds[0], bounds[1], "day")
        return {
            "show": True,
            "back": {
                "link": year_link(year),
                "title": calendars.localize_digits(year, language),
            },
            "choices": [
                {
                    "link": link(d, d + datetime.timedelta(days=1)),
                    "title": day_title(d, language),
                }
                for d in (calendars.local_date(start) for start in days)
                if first <= d < following
            ],
        }
    first, last = (calendars.to_jalali(moment) for moment in bounds)
    months = range(
        first[1] if first[0] == year else 1, (last[1] if last[0] == year else 12) + 1
    )
    return {
        "show": True,
        "back": {
            "link": cl.get_query_string({}, [f"{field}__"]),
            "title": _("All dates"),
        },
        "choices": [
            {"link": month_link(year, m), "title": month_title(year, m)} for m in months
        ],
    }


def day_title(day, language):
    """ "۲۶ فروردین": a day of a month, its year named by the link before it."""
    _year, month, number = calendars.to_jalali(day)
    name = calendars.month_name(calendars.JALALI, month, language)
    return calendars.localize_digits(f"{number} {name}", language)
