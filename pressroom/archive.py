"""The news archive of a language, in its calendar: which years and months have news.

The listed releases are counted per local day (a few hundred rows a year at
most, one for each day with news); the days are then gathered into the months
of the language's calendar (Jalali months do not follow Gregorian ones, so the
database cannot group by them). Each year's months are remembered until that
year's news change, so a release published today has only this year counted
again; the years to count come from the first and the last release. This serves
the archive navigator, the archive pages' 404s, the language switcher's targets,
and the sitemap.
"""

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone, translation

from pressroom import calendars
from pressroom.models import PressRelease
from pressroom.shell import page_tags
from pressroom.shell.addresses import archive_path, pattern
from pressroom.shell.cache import remembered, remembered_each


def days_with_news(language, spans=()):
    """(local day, number of releases) for every day with news in `language`,
    within the (start, end) datetime `spans` if any are given."""
    listed = PressRelease.objects.listed(language)
    if spans:
        within = Q()
        for start, end in spans:
            within |= Q(published_at__gte=start, published_at__lt=end)
        listed = listed.filter(within)
    return list(
        listed.annotate(
            day=TruncDate("published_at", tzinfo=timezone.get_current_timezone())
        )
        .values_list("day")
        .annotate(count=Count("pk"))
        .order_by()
    )


def years_with_news(language):
    """The years (in `language`'s calendar) from the first release to the last."""
    listed = PressRelease.objects.listed(language).values_list("published_at")
    first = listed.order_by("published_at").first()
    last = listed.order_by("-published_at").first()
    if first is None:
        return []
    calendar = calendars.calendar_for(language)
    start, end = (calendars.month_of(each[0], calendar)[0] for each in (first, last))
    return list(range(start, end + 1))


def month_counts(language, years):
    """{year: {(year, month): number of releases}} for `years` in `language`'s
    calendar, in one query."""
    calendar = calendars.calendar_for(language)
    spans = [
        [calendars.local_day_start(day) for day in calendars.year_span(calendar, year)]
        for year in years
    ]
    counts = {year: {} for year in years}
    for day, count in days_with_news(language, spans):
        key = calendars.month_of(day, calendar)
        if key[0] in counts:
            counts[key[0]][key] = counts[key[0]].get(key, 0) + count
    return counts


def counts_in(language):
    """{(year, month): number of releases} in `language`'s calendar."""
    years = remembered(
        f"archive-years:{language}",
        lambda: years_with_news(language),
        [page_tags.news(language)],
    )
    names = {f"archive:{language}:{year}": year for year in years}

    def count(missing):
        counts = month_counts(language, [names[name] for name in missing])
        return {name: counts[names[name]] for name in missing}

    each_year = remembered_each(
        {name: [page_tags.month(language, year)] for name, year in names.items()},
        count,
    )
    return {key: n for counts in each_year.values() for key, n in counts.items()}


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
