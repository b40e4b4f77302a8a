"""The news archive of a language, in its calendar: which years and months have news.

One query per language counts the listed releases per local day (a few
thousand rows at most, one for each day with news); the days are then gathered
into the months of the language's calendar (Jalali months do not follow
Gregorian ones, so the database cannot group by them). The result is remembered
until the language's news change, and serves the archive navigator, the archive
pages' 404s and the language switcher's targets, and the sitemap.
"""

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone, translation

from pressroom import calendars
from pressroom.models import PressRelease
from pressroom.shell import page_tags
from pressroom.shell.addresses import archive_path, pattern
from pressroom.shell.cache import remembered


def days_with_news(language):
    """(local day, number of releases) for every day with news in `language`."""
    return list(
        PressRelease.objects.listed(language)
        .annotate(day=TruncDate("published_at", tzinfo=timezone.get_current_timezone()))
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by()
    )


def month_counts(language):
    """{(year, month): number of releases} in `language`'s calendar."""
    calendar = calendars.calendar_for(language)
    counts = {}
    for day, count in days_with_news(language):
        key = calendars.month_of(day, calendar)
        counts[key] = counts.get(key, 0) + count
    return counts


def counts_in(language):
    """`month_counts(language)`, kept until that language's news change."""
    return remembered(
        f"archive:{language}",
        lambda: month_counts(language),
        [page_tags.news(language)],
    )


class Archive:
    """The archive of one language: its years and months with news, newest first."""

    def __init__(self, language=None):
        self.language = language or translation.get_language()
        self.calendar = calendars.calendar_for(self.language)
        self.months = counts_in(self.language)
        self.years = {}
        for (year, _month), count in self.months.items():
            self.years[year] = self.years.get(year, 0) + count

    def __bool__(self):
        return bool(self.months)

    def has(self, year, month=None):
        if month is None:
            return year in self.years
        return (year, month) in self.months

    def count(self, year, month=None):
        if month is None:
            return self.years.get(year, 0)
        return self.months.get((year, month), 0)

    def nearest(self, year, month=None):
        """This period's archive page if it has news, else its year's, else the
        news list: the nearest page there is."""
        if self.has(year, month):
            return archive_path(year, month, self.language)
        if month is not None and self.has(year):
            return archive_path(year, None, self.language)
        return pattern("pressroom:list", 0, self.language)[0]

    def navigator(self, open_year=None):
        """Years newest first, each with its months with news (oldest first, as
        a calendar reads); `open_year` (by default the newest) is shown open."""
        if open_year is None and self.years:
            open_year = max(self.years)
        # Remembered: every list page shows it, and it is a hundred addresses.
        return remembered(
            f"archive-navigator:{self.language}:{open_year}",
            lambda: self.links(open_year),
            [page_tags.news(self.language)],
        )

    def links(self, open_year):
        return [
            {
                "year": year,
                "count": self.years[year],
                "url": archive_path(year, None, self.language),
                "open": year == open_year,
                "months": [
                    {
                        "month": month,
                        "count": self.months[(year, month)],
                        "url": archive_path(year, month, self.language),
                    }
                    for month in range(1, 13)
                    if (year, month) in self.months
                ],
            }
            for year in sorted(self.years, reverse=True)
        ]

    def paths(self):
        """Every archive page of the language: years, then their months."""
        for year in sorted(self.years):
            yield archive_path(year, None, self.language)
            for month in range(1, 13):
                if (year, month) in self.months:
                    yield archive_path(year, month, self.language)
