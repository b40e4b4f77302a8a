"""The archive: a year and a month of the reader's calendar."""

import datetime

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from pressroom import calendars
from pressroom.archive import Archive
from pressroom.models import PressRelease
from pressroom.shell import page_tags
from pressroom.shell.addresses import archive_path
from pressroom.shell.alternates import language_urls
from pressroom.shell.cache import add_cache_tags, remembered
from pressroom.shell.listing import Query, ReleaseList, ReleasePages
from pressroom.views.common import (
    CacheTagsMixin,
    canonical_redirect,
    first,
    is_canonical,
)

# A month's news are those listed as of its last instant (or now, if sooner):
# given two upper bounds on published_at (now, the month's end), SQLite walks
# the list index from the looser one, through every newer month's releases.
MONTH_NEWS = ReleaseList(
    "month",
    lambda until, start: PressRelease.objects.listed(now=until).filter(
        published_at__gte=start
    ),
    tags=lambda language, start: [page_tags.news(language)],
)


# The months around an archive month that have news.
LAST_BEFORE = Query(
    lambda until: PressRelease.objects.listed(now=until).values_list(
        "published_at", flat=True
    )
)
FIRST_AFTER = Query(
    lambda now, end: (
        PressRelease.objects.listed(now=now)
        .filter(published_at__gte=end)
        .order_by("published_at")
        .values_list("published_at", flat=True)
    )
)


# The smallest step of a stored time (both databases keep microseconds).
INSTANT = datetime.timedelta(microseconds=1)


class ArchiveMonthView(CacheTagsMixin, ReleasePages, ListView):
    """A month of the reader's calendar: plain date ranges on stored values."""

    template_name = "pressroom/archive_month.html"
    query_parameters = ("page",)

    def get(self, request, *args, **kwargs):
        self.calendar = calendars.calendar_for(get_language())
        self.year, self.month = kwargs["year"], kwargs["month"]
        if not calendars.valid_year(self.calendar, self.year):
            raise Http404("No such year in this calendar.")
        try:
            self.span = calendars.month_span(self.calendar, self.year, self.month)
        except ValueError as error:
            raise Http404("No such month.") from error
        self.start, self.end = (calendars.local_day_start(day) for day in self.span)
        canonical = archive_path(self.year, self.month)
        if not is_canonical(request, canonical):
            return canonical_redirect(request, canonical)
        if not Archive().has(self.year, self.month):
            raise Http404("No news that month.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        until = min(timezone.now(), self.end - INSTANT)
        return MONTH_NEWS(self.start, until=until)

    def get_context_data(self, **kwargs):
        before, after = remembered(
            f"month-links:{get_language()}:{self.start.isoformat()}",
            self.neighbour_times,
            [page_tags.news(get_language())],
        )
        self.neighbours = [self.month_link(before), self.month_link(after)]
        alternates, switch_to, self.language_tags = archive_links(
            self.span[0], month=True
        )
        return super().get_context_data(
            calendar=self.calendar,
            year=self.year,
            month=self.month,
            previous=self.neighbours[0],
            next=self.neighbours[1],
            alternates=alternates,
            switch_to=switch_to,
            year_url=archive_path(self.year),
            **kwargs,
        )

    def neighbour_times(self):
        """When the last release before this month and the first after it came out."""
        now = timezone.now()
        before = first(LAST_BEFORE(min(now, self.start - INSTANT), limit=1))
        return before, first(FIRST_AFTER(now, self.end, limit=1))

    def month_link(self, published_at):
        if published_at is None:
            return None
        year, month = calendars.month_of(
            calendars.local_date(published_at), self.calendar
        )
        return {"year": year, "month": month, "url": archive_path(year, month)}

    def cache_tags(self):
        previous, following = (
            link and (link["year"], link["month"]) for link in self.neighbours
        )
        here = (self.year, self.month)
        tags = page_tags.archive(get_language(), here, previous, following)
        return [*tags, *self.language_tags]


def archive_links(first_day, month):
    """The archive page holding `first_day` in each language's calendar: as an
    hreflang alternate where it has news; else where the switcher leads (its
    year, or the news list); and the tags of those pages (their news may
    change the links)."""
    alternates, switch_to, tags = {}, {}, []
    for language in language_urls():
        archive = Archive(language)
        year, number = calendars.month_of(first_day, archive.calendar)
        period = (year, number) if month else (year, None)
        if archive.has(*period):
            alternates[language] = archive_path(*period, language)
        else:
            switch_to[language] = archive.nearest(*period)
        if language != get_language():
            tags += {
                page_tags.month(language, *period),
                page_tags.month(language, year),
            }
    return alternates, switch_to, tags


@require_safe
def archive_year(request, year):
    archive = Archive()
    calendar = archive.calendar
    if not calendars.valid_year(calendar, year):
        raise Http404("No such year in this calendar.")
    first, _end = calendars.year_span(calendar, year)
    if not is_canonical(request, archive_path(year)):
        return canonical_redirect(request, archive_path(year))
    if not archive.has(year):
        raise Http404("No news that year.")
    years = sorted(archive.years)
    position = years.index(year)

    def year_link(index):
        if not 0 <= index < len(years):
            return None
        return {"year": years[index], "url": archive_path(years[index])}

    previous, following = year_link(position - 1), year_link(position + 1)
    alternates, switch_to, language_tags = archive_links(first, month=False)
    response = render(
        request,
        "pressroom/archive_year.html",
        {
            "calendar": calendar,
            "year": year,
            "months": next(
                item["months"] for item in archive.navigator(year) if item["open"]
            ),
            "total": archive.count(year),
            "previous": previous,
            "next": following,
            "alternates": alternates,
            "switch_to": switch_to,
        },
    )
    tags = page_tags.archive(
        get_language(),
        year,
        previous and previous["year"],
        following and following["year"],
        months=False,
    )
    return add_cache_tags(response, *tags, *language_tags)
