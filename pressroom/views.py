import datetime
import sys

from django.conf import settings
from django.db.models import Exists, F, OuterRef
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.encoding import uri_to_iri
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView

from pressroom import calendars
from pressroom.archive import Archive
from pressroom.desk.models import PressOfficer
from pressroom.desk.page_tags import officer
from pressroom.events.cards import UPCOMING
from pressroom.events.page_tags import events
from pressroom.forms import SearchForm, SearchParameters, date_example
from pressroom.models import PICTURE_FIELDS, Attachment, PressRelease, Topic
from pressroom.roles import can_preview
from pressroom.search import Search, counts_elsewhere
from pressroom.search_results import results_elsewhere
from pressroom.shell import page_tags
from pressroom.shell.addresses import archive_path, pattern, short_path
from pressroom.shell.alternates import absolute, alternates_for, language_urls
from pressroom.shell.cache import add_cache_tags, cache_tags, remembered
from pressroom.shell.identity import city_name
from pressroom.shell.listing import Query, ReleaseList, ReleasePages, card_query

# The public questions (pressroom/shell/listing.py).
FEATURED = Query(
    lambda now: (
        PressRelease.objects.listed(now=now)
        .summaries(*PICTURE_FIELDS)
        .filter(featured=True)
    )
)
LATEST = card_query(
    lambda now, skip: PressRelease.objects.listed(now=now).exclude(pk=skip)
)
NEWS = ReleaseList(
    "news",
    lambda now: PressRelease.objects.listed(now=now),
    tags=lambda language: [page_tags.news(language)],
)
TOPIC_NEWS = ReleaseList(
    "topic",
    lambda now, topic: PressRelease.objects.listed(now=now).filter(topics=topic),
    tags=lambda language, topic: [page_tags.topic(topic, language)],
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
NAMED_TOPICS = Query(lambda: Topic.objects.named_in())
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
RELEASE = Query(lambda pk: PressRelease.objects.for_reading().filter(pk=pk))
TOPICS_OF = Query(lambda pk: Topic.objects.filter(releases=pk))
ATTACHMENTS_OF = Query(lambda pk: Attachment.objects.filter(release=pk))
PRESS_CONTACT = Query(lambda pk: PressOfficer.objects.available_in().filter(pk=pk))
# EXISTS, not a join + DISTINCT: the newest listed releases are walked in index
# order and each is probed once, so it stops after three instead of sorting
# every release of the topics (13 s at 100,000 releases on SQLite).
RELATED = card_query(
    lambda now, pk, topics: (
        PressRelease.objects.listed(now=now)
        .filter(
            Exists(
                PressRelease.topics.through.objects.filter(
                    pressrelease_id=OuterRef("pk"), topic_id__in=topics
                )
            )
        )
        .exclude(pk=pk)
    )
)


def partners_query():
    """The partner city of each of a release's partnerships, in the partnerships'
    order.

    Through the reverse relation the partner-city app adds to PressRelease:
    pressroom never imports that app, and works without it (no partners, then).
    """
    if not hasattr(PressRelease, "partnerships"):
        return lambda pk: []
    partnership = PressRelease.partnerships.rel.related_model
    city = partnership._meta.get_field("partner").related_model
    return Query(
        lambda pk: city._default_manager.filter(partnerships__releases=pk).order_by(
            F("partnerships__signed_on").desc(nulls_last=True), "-partnerships__pk"
        )
    )


PARTNERS = partners_query()


# The smallest step of a stored time (both databases keep microseconds).
INSTANT = datetime.timedelta(microseconds=1)


def first(rows):
    return rows[0] if rows else None


@require_safe
def choose_language(request):
    """Send `/` to the reader's best language (Accept-Language, else Russian)."""
    language = translation.get_language_from_request(request)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


class CacheTagsMixin:
    """Name the page's cache tags (`cache_tags()`) on its response."""

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return add_cache_tags(response, *self.cache_tags())


class HomeView(CacheTagsMixin, TemplateView):
    template_name = "pressroom/home.html"

    def cache_tags(self):
        return [page_tags.news(get_language()), events(get_language())]

    def get_context_data(self, **kwargs):
        featured, latest = remembered(
            f"home:{get_language()}", home_releases, [page_tags.news(get_language())]
        )
        return super().get_context_data(
            featured=featured,
            latest=latest,
            events=UPCOMING(timezone.now(), limit=3),
            **kwargs,
        )


def home_releases():
    now = timezone.now()
    featured = first(FEATURED(now, limit=1))
    return featured, LATEST(now, featured.pk if featured else 0, limit=12)


def named_topics():
    """The topics named in the reader's language (the topics menu)."""
    tag = f"topics:{get_language()}"
    return remembered(tag, NAMED_TOPICS, [tag])


class AboutView(CacheTagsMixin, TemplateView):
    template_name = "pressroom/about.html"

    def cache_tags(self):
        return ["site"]


def topic_path(slug, language):
    head, tail = pattern("pressroom:topic", 1, language)
    return f"{head}{slug}{tail}"


def topic_addresses(request, topic, context):
    """A topic's one canonical address (`/ru/topics/culture/`, which the news
    list filtered by `?topic=culture` points to), its languages, and the news
    list for the languages it has no name in."""
    path = topic_path(topic.slug, get_language())
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        path = f"{path}?page={page.number}"
    named = topic.named_languages()
    return {
        "canonical": absolute(path, request),
        "alternates": {code: topic_path(topic.slug, code) for code in named},
        "switch_to": {
            code: pattern("pressroom:list", 0, code)[0]
            for code in language_urls()
            if code not in named
        },
    }


def named_topic(topics, slug):
    """The topic of that slug among those named in the reader's language, or 404."""
    found = next((topic for topic in topics if topic.slug == slug), None)
    if found is None:
        raise Http404("No such topic in this language.")
    return found


class ReleaseListView(CacheTagsMixin, ReleasePages, ListView):
    template_name = "pressroom/pressrelease_list.html"
    query_parameters = ("page", "topic")
    topic = None

    def get(self, request, *args, **kwargs):
        self.topics = named_topics()
        slug = request.GET.get("topic")
        if slug:
            self.topic = named_topic(self.topics, slug)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return TOPIC_NEWS(self.topic.pk) if self.topic else NEWS()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            topic=self.topic, topics=self.topics, **kwargs
        )
        if self.topic:
            context.update(topic_addresses(self.request, self.topic, context))
        else:
            archive = Archive()
            context.update(archive=archive.navigator(), calendar=archive.calendar)
        return context

    def cache_tags(self):
        language = get_language()
        if self.topic:
            return [f"topics:{language}", page_tags.topic(self.topic.pk, language)]
        return [f"topics:{language}", page_tags.news(language)]


class TopicView(ReleaseListView):
    template_name = "pressroom/topic_detail.html"
    query_parameters = ("page",)

    def get(self, request, *args, **kwargs):
        self.topics = named_topics()
        self.topic = named_topic(self.topics, kwargs["slug"])
        return ListView.get(self, request, *args, **kwargs)


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


def is_canonical(request, canonical):
    """Whether the request came by the canonical path (reverse()'s, percent-encoded)."""
    return request.path == uri_to_iri(canonical)


def canonical_redirect(request, canonical):
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)


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


def release_data(pk):
    """A release and what its page shows of others (None if there is none)."""
    release = first(RELEASE(pk))
    if release is None:
        return None
    topics = TOPICS_OF(pk)
    related = (
        RELATED(timezone.now(), pk, [topic.pk for topic in topics], limit=3)
        if topics
        else []
    )
    return {
        "release": release,
        "topics": topics,
        "related": related,
        "attachments": ATTACHMENTS_OF(pk),
        "partners": PARTNERS(pk),
        "press_contact": release.press_contact_id
        and first(PRESS_CONTACT(release.press_contact_id)),
    }


def release_tags(data):
    """Its own and its topics' (related news, the topics' names)."""
    language = get_language()
    release = data["release"]
    tags = [page_tags.release(release.pk)]
    if release.press_contact_id:
        tags.append(officer(release.press_contact_id))
    return tags + [page_tags.topic(topic.pk, language) for topic in data["topics"]]


@require_safe
def release_detail(request, pk, slug):
    language = get_language()
    if pk >= 2**63:  # beyond any database id
        raise Http404("No such release.")
    data = remembered(
        f"release:{pk}:{language}",
        lambda: release_data(pk),
        release_tags,
        # A draft's changes are recorded nowhere: read afresh every time.
        keep_if=lambda data: data is not None and data["release"].is_public,
    )
    if data is None:
        raise Http404("No such release.")
    release = data["release"]
    preview = not release.is_public
    if preview and not can_preview(request.user):
        raise Http404("No such release.")
    if not release.is_available_in(language):
        return not_available(request, release)
    canonical = release.get_absolute_url(language)
    if not is_canonical(request, canonical):
        # An old or wrong slug, or a number written another way ("0042").
        return canonical_redirect(request, canonical)
    response = render_release(request, release, language, preview=preview, data=data)
    return add_cache_tags(response, *release_tags(data))


def render_release(
    request,
    release,
    language,
    *,
    preview,
    alternates=None,
    translations=None,
    data=None,
):
    """The release page; a preview gets the "not public" banner and noindex.

    `translations` ({language: path}, for schema.org's workTranslation) are the
    release's other languages unless given; a preview link gives none. `data`:
    what `release_data()` read (by default read now).
    """
    data = data or release_data(release.pk)
    topics, related = data["topics"], data["related"]
    # Only where it has a name in the reader's language.
    partners = [city for city in data["partners"] if city.name]
    # A date that concerns a partnership is shown in both sides' calendars: the
    # partner's and the press service's own (its default language's).
    other = {city.calendar for city in partners}
    if partners:
        other.add(calendars.calendar_for(settings.LANGUAGE_CODE))
    other.discard(calendars.calendar_for(language))
    if translations is None:
        translations = alternates_for(release)
    month = None
    if release.published_at:
        calendar = calendars.calendar_for(language)
        year, number = calendars.month_of(release.published_at, calendar)
        month = {
            "calendar": calendar,
            "year": year,
            "month": number,
            "url": archive_path(year, number, language),
        }
    # Where it has no translation, the switcher leads to its "not available"
    # page, which offers the languages it has.
    switch_to = {
        code: release.get_absolute_url(code)
        for code in language_urls()
        if alternates is None and code not in translations
    }
    response = render(
        request,
        "pressroom/pressrelease_detail.html",
        {
            "release": release,
            "preview": preview,
            "description": truncatechars(release.lead, 200),
            "published_iso": release.published_at
            and timezone.localtime(release.published_at).isoformat(),
            "attachments": data["attachments"],
            "related": related,
            # A topic without a name in this language would be an empty link.
            "topics": [topic for topic in topics if topic.name],
            "partners": partners,
            "press_contact": data["press_contact"],
            "dual_calendar": min(other) if other else None,
            "translations": translations,
            "alternates": translations if alternates is None else alternates,
            "switch_to": switch_to,
            "archive_month": month,
            "short_link": absolute(short_path(release.pk, language), request),
            # A story dated elsewhere names the zone of its time ("15:30 МСК").
            "zone": bool(release.dateline) and release.dateline.strip() != city_name(),
            "canonical": absolute(release.get_absolute_url(language), request),
            # A withdrawn release keeps its text and notice; its photo and
            # documents are no longer handed out (pressroom.shell.media), but to staff.
            "show_media": not release.is_withdrawn or can_preview(request.user),
        },
    )
    if preview:
        response["X-Robots-Tag"] = "noindex"
        # Never into a shared cache (the page cache keys on `private`).
        patch_cache_control(response, private=True, no_store=True)
    return response


def not_available(request, release):
    """404 in the reader's language, offering the languages the release has."""
    return render(
        request,
        "pressroom/not_available.html",
        {
            "release": release,
            "alternates": {},
            "offers": alternates_for(release),
            "switch_to": {
                code: release.get_absolute_url(code) for code in language_urls()
            },
        },
        status=404,
    )


class SearchView(CacheTagsMixin, ReleasePages, ListView):
    """Results for the words in `?q=`, filtered and ordered as the form says;
    without `q`, the form alone. A query or filter no one could mean is a 400
    with the form and what is wrong."""

    template_name = "pressroom/search.html"
    context_object_name = "results"
    query_parameters = SearchParameters()

    def cache_tags(self):
        language = get_language()
        return [f"search:{language}", f"topics:{language}"]

    def get(self, request, *args, **kwargs):
        language = get_language()
        self.searched = "q" in request.GET
        self.form = SearchForm(request.GET if self.searched else None, language)
        self.search = None
        if self.searched and self.form.is_valid():
            data = self.form.cleaned_data
            self.search = Search(
                data["q"],
                tags=self.form.tags(),
                since=data["since"],
                until=data["until"],
                order=data["order"] or "relevance",
            )
            return super().get(request, *args, **kwargs)
        self.object_list = []
        status = 400 if self.searched else 200
        return self.render_to_response(self.get_context_data(), status=status)

    def get_queryset(self):
        return self.search

    def get_paginate_by(self, queryset):
        return self.paginate_by if self.search is not None else None

    def get_context_data(self, **kwargs):
        language = get_language()
        context = super().get_context_data(
            form=self.form,
            query=self.request.GET.get("q", "")[:200] if self.searched else "",
            errors=[
                calendars.localize_digits(message, language)
                for messages in self.form.errors.values()
                for message in messages
            ],
            date_example=date_example(language),
            **kwargs,
        )
        if self.search is not None and not context.get("results"):
            context["elsewhere"] = self.elsewhere(language)
        return context

    def elsewhere(self, language):
        """Links to the same search in the languages where it finds something."""
        search = self.search
        query = self.request.GET.copy()
        query.pop("page", None)
        counts = counts_elsewhere(
            self.request.GET["q"], language, search.tags[2:], search.since, search.until
        )
        return [
            {
                "code": code,
                "url": f"{pattern('pressroom:search', 0, code)[0]}?{query.urlencode()}",
                "text": results_elsewhere(code, count),
            }
            for code, count in counts.items()
        ]


@require_safe
@cache_tags(lambda request: ["site"])
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {absolute(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", {"alternates": {}}, status=404)


def server_error(request):
    # No context processors: whatever broke the page may break them too.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


@require_safe
@cache_tags(lambda request, pk: [page_tags.release(pk)])
def release_short(request, pk):
    """The short, slug-less address of a release: 301 to its canonical URL."""
    release = get_object_or_404(PressRelease.objects.reachable(), pk=pk)
    return redirect(release.get_absolute_url(), permanent=True)
