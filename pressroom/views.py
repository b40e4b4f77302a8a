import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import ListView, TemplateView
from django.views.static import serve as static_serve

from pressroom import calendars
from pressroom.alternates import absolute, alternates_for, language_urls
from pressroom.models import PressRelease, Topic
from pressroom.search import clean_query, search, snippet

PAGE_SIZE = 20


def listed_releases():
    """Releases a reader of the current language may see in lists."""
    return PressRelease.objects.listed().prefetch_related("topics")


@require_safe
def choose_language(request):
    """Send `/` to the reader's best language (Accept-Language, else Russian)."""
    language = translation.get_language_from_request(request)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language"
    return response


class HomeView(TemplateView):
    template_name = "pressroom/home.html"

    def get_context_data(self, **kwargs):
        releases = list(listed_releases()[:13])
        featured = next((release for release in releases if release.featured), None)
        if featured is None:
            featured = listed_releases().filter(featured=True).first()
        latest = [release for release in releases if release != featured][:12]
        return super().get_context_data(featured=featured, latest=latest, **kwargs)


class AboutView(TemplateView):
    template_name = "pressroom/about.html"


class ReleaseListView(ListView):
    template_name = "pressroom/pressrelease_list.html"
    paginate_by = PAGE_SIZE
    context_object_name = "releases"
    topic = None

    def get(self, request, *args, **kwargs):
        slug = request.GET.get("topic")
        if slug:
            self.topic = get_object_or_404(Topic, slug=slug[:100])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        releases = listed_releases()
        if self.topic:
            releases = releases.filter(topics=self.topic)
        return releases

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            topic=self.topic, topics=Topic.objects.all(), **kwargs
        )


class TopicView(ReleaseListView):
    template_name = "pressroom/topic_detail.html"

    def get(self, request, *args, **kwargs):
        self.topic = get_object_or_404(Topic, slug=kwargs["slug"])
        return ListView.get(self, request, *args, **kwargs)


class ArchiveMonthView(ListView):
    """A month of the reader's calendar: plain date ranges on stored values."""

    template_name = "pressroom/archive_month.html"
    paginate_by = PAGE_SIZE
    context_object_name = "releases"

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
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return listed_releases().in_period(self.start, self.end)

    def get_context_data(self, **kwargs):
        neighbours = PressRelease.objects.listed().only("published_at")
        before = neighbours.filter(published_at__lt=self.start).first()
        after = (
            neighbours.filter(published_at__gte=self.end)
            .order_by("published_at")
            .first()
        )
        return super().get_context_data(
            calendar=self.calendar,
            year=self.year,
            month=self.month,
            previous=self.month_link(before),
            next=self.month_link(after),
            alternates=archive_alternates(self.span[0], month=True),
            **kwargs,
        )

    def month_link(self, release):
        if release is None:
            return None
        year, month = calendars.month_of(
            calendars.local_date(release.published_at), self.calendar
        )
        return {"year": year, "month": month, "url": archive_url(year, month)}


def archive_url(year, month=None):
    if month is None:
        return reverse("pressroom:archive-year", args=[year])
    return reverse("pressroom:archive-month", args=[year, f"{month:02d}"])


def archive_alternates(first_day, month):
    """Per language, the archive page of its calendar that holds `first_day`."""
    urls = {}
    for language in language_urls():
        calendar = calendars.calendar_for(language)
        year, number = calendars.month_of(first_day, calendar)
        with translation.override(language):
            urls[language] = archive_url(year, number if month else None)
    return urls


@require_safe
def archive_year(request, year):
    calendar = calendars.calendar_for(get_language())
    if not calendars.valid_year(calendar, year):
        raise Http404("No such year in this calendar.")
    first, end = calendars.year_span(calendar, year)
    spans = [calendars.month_span(calendar, year, month) for month in range(1, 13)]
    counts = PressRelease.objects.listed().aggregate(
        **{
            f"m{month}": Count(
                "pk",
                filter=Q(
                    published_at__gte=calendars.local_day_start(start),
                    published_at__lt=calendars.local_day_start(stop),
                ),
            )
            for month, (start, stop) in enumerate(spans, start=1)
        }
    )
    months = [
        {"month": month, "count": counts[f"m{month}"], "url": archive_url(year, month)}
        for month in range(1, 13)
    ]
    neighbours = PressRelease.objects.listed().only("published_at")
    before = neighbours.filter(
        published_at__lt=calendars.local_day_start(first)
    ).first()
    after = (
        neighbours.filter(published_at__gte=calendars.local_day_start(end))
        .order_by("published_at")
        .first()
    )

    def year_of(release):
        if release is None:
            return None
        number = calendars.month_of(
            calendars.local_date(release.published_at), calendar
        )[0]
        return {"year": number, "url": archive_url(number)}

    return render(
        request,
        "pressroom/archive_year.html",
        {
            "calendar": calendar,
            "year": year,
            "months": [month for month in months if month["count"]],
            "total": sum(month["count"] for month in months),
            "previous": year_of(before),
            "next": year_of(after),
            "alternates": archive_alternates(first, month=False),
        },
    )


@require_safe
def release_detail(request, pk, slug):
    language = get_language()
    releases = PressRelease.objects.prefetch_related("topics", "attachments")
    if hasattr(PressRelease, "partnerships"):
        # Shown through the reverse relation: pressroom never imports cities.
        releases = releases.prefetch_related("partnerships__partner")
    release = get_object_or_404(releases, pk=pk)
    preview = not release.is_public
    if preview and not can_preview(request.user):
        raise Http404("No such release.")
    if not release.is_available_in(language):
        return not_available(request, release)
    canonical = release.get_absolute_url(language)
    if slug != release.slug_in(language):
        return redirect(canonical, permanent=True)
    related = (
        listed_releases()
        .filter(topics__in=release.topics.all())
        .exclude(pk=release.pk)
        .distinct()[:3]
        if release.topics.all()
        else []
    )
    partnerships = (
        list(release.partnerships.all()) if hasattr(release, "partnerships") else []
    )
    other = {partnership.partner.calendar for partnership in partnerships}
    other.discard(calendars.calendar_for(language))
    response = render(
        request,
        "pressroom/pressrelease_detail.html",
        {
            "release": release,
            "preview": preview,
            "related": related,
            "partnerships": partnerships,
            "dual_calendar": min(other) if other else None,
            "alternates": alternates_for(release),
            "canonical": absolute(canonical),
        },
    )
    if preview:
        response["X-Robots-Tag"] = "noindex"
    return response


def can_preview(user):
    return (
        user.is_authenticated
        and user.is_staff
        and user.has_perm("pressroom.view_pressrelease")
    )


def not_available(request, release):
    """404 in the reader's language, offering the languages the release has."""
    return render(
        request,
        "pressroom/not_available.html",
        {"release": release, "alternates": {}, "offers": alternates_for(release)},
        status=404,
    )


class SearchView(ListView):
    template_name = "pressroom/search.html"
    paginate_by = PAGE_SIZE
    context_object_name = "results"

    def get(self, request, *args, **kwargs):
        self.query = request.GET.get("q")
        self.error = None
        self.terms = []
        if self.query is not None:
            try:
                self.terms = clean_query(self.query)
            except ValidationError as error:
                self.error = error.messages[0]
        if self.error:
            self.object_list = PressRelease.objects.none()
            context = self.get_context_data()
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not self.terms:
            return PressRelease.objects.none()
        return search(listed_releases(), get_language(), self.terms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            query=self.query or "", error=self.error, **kwargs
        )
        for release in context["results"]:
            release.snippet = snippet(release, self.terms)
        return context


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
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


# Types a browser shows inline; anything else an upload contains is downloaded.
INLINE_MEDIA_TYPES = {
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "application/pdf",
}


def media(request, path):
    """Uploaded files, never served as HTML or script (local media storage)."""
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type = response.get("Content-Type", "").split(";")[0]
    if content_type not in INLINE_MEDIA_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def release_short(request, pk):
    """The short, slug-less address of a release: 301 to its canonical URL."""
    release = get_object_or_404(PressRelease.objects.reachable(), pk=pk)
    return redirect(release.get_absolute_url(), permanent=True)
