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
from django.utils import timezone


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
    return django_date_hierarchy(ChangeListDates(cl))
