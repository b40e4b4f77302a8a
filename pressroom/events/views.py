"""Events and announcements: the upcoming list, a month grid, each event, .ics."""

from http import HTTPStatus

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from pressroom import calendars
from pressroom.events import hooks, ics
from pressroom.events.cards import MONTH, EventCard, event_cards
from pressroom.events.models import Event
from pressroom.models import PressRelease
from pressroom.views.common import canonical_redirect


def this_month_path(language=None):
    calendar = calendars.calendar_for(language or get_language())
    year, month = calendars.month_of(timezone.localdate(), calendar)
    return reverse("events:month", kwargs={"year": year, "month": f"{month:02d}"})


class EventListView(ListView):
    """What is coming up, soonest first."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 20

    def get_queryset(self):
        return event_cards(Event.objects.available_in().upcoming())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = [EventCard(*row) for row in context["events"]]
        context["calendar_url"] = this_month_path()
        return context


def month_alternates(first_day):
    """The month grid holding `first_day` in each language's calendar."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        year, month = calendars.month_of(first_day, calendars.calendar_for(code))
        with translation.override(code):
            urls[code] = reverse(
                "events:month", kwargs={"year": year, "month": f"{month:02d}"}
            )
    return urls


def month_link(calendar, year, month):
    if not calendars.valid_year(calendar, year):
        return None
    return {
        "year": year,
        "month": month,
        "url": reverse("events:month", kwargs={"year": year, "month": f"{month:02d}"}),
    }


@require_safe
def month(request, year, month):
    """A month of the reader's calendar as a grid: Jalali from Saturday on /fa/."""
    language = get_language()
    calendar = calendars.calendar_for(language)
    try:
        first, following = calendars.month_span(calendar, year, month)
    except ValueError as error:
        raise Http404("No such month in this calendar.") from error
    canonical = reverse("events:month", kwargs={"year": year, "month": f"{month:02d}"})
    if request.path != canonical:
        return canonical_redirect(request, canonical)
    start, end = calendars.local_day_start(first), calendars.local_day_start(following)
    events = MONTH(start, end)
    items = hooks.calendar_items(first, following, language)
    by_day = {}
    for event in events:
        day = timezone.localdate(event.starts_at)
        last = timezone.localdate(event.ends_at) if event.ends_at else day
        current = max(day, first)
        while current <= last and current < following:
            by_day.setdefault(current, []).append(event)
            current = current.fromordinal(current.toordinal() + 1)
    for item in items:
        by_day.setdefault(item.date, []).append(item)
    weeks = [
        [day and {"date": day, "entries": by_day.get(day, [])} for day in week]
        for week in calendars.month_weeks(calendar, year, month, language)
    ]
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return render(
        request,
        "events/event_month.html",
        {
            "calendar": calendar,
            "year": year,
            "month": month,
            "weeks": weeks,
            "week_days": calendars.week_days(language),
            "events": events,
            "items": items,
            "today": timezone.localdate(),
            "previous": month_link(calendar, *previous),
            "next": month_link(calendar, *following_month),
            "alternates": month_alternates(first),
        },
    )


def event_or_404(pk, language):
    if pk >= 2**63:
        raise Http404("No such event.")
    event = Event.objects.filter(pk=pk).first()
    if event is None:
        raise Http404("No such event.")
    return event


def every_language(event):
    """The event's address in each language: its page, or the page saying it
    is not available there (which offers those it is)."""
    return {code: event.get_absolute_url(code) for code, _name in settings.LANGUAGES}


@require_safe
def detail(request, pk):
    language = get_language()
    event = event_or_404(pk, language)
    offers = {
        code: event.get_absolute_url(code) for code in event.available_languages()
    }
    if language not in offers:
        return render(
            request,
            "events/not_available.html",
            {
                "event": event,
                "offers": offers,
                "alternates": {},
                "switch_to": every_language(event),
            },
            status=HTTPStatus.NOT_FOUND,
        )
    releases = PressRelease.objects.listed(language).summaries().filter(events=event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "releases": list(releases),
            "partners": hooks.partners_of([event.pk], language).get(event.pk, []),
            "alternates": offers,
            "switch_to": every_language(event),
        },
    )


@require_safe
def event_ics(request, pk):
    """One event as a .ics file, to add to a calendar."""
    language = get_language()
    event = event_or_404(pk, language)
    if language not in event.available_languages():
        raise Http404("No such event in this language.")
    body = ics.calendar([event], [], language, request, name=event.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_safe
def feed(request):
    """Every event of the language from a year back on, and the coming
    anniversaries: a calendar app subscribes to this address."""
    language = get_language()
    now = timezone.now()
    since = now - ics.FEED_PAST
    events = Event.objects.available_in(language).filter(starts_at__gte=since)
    today = timezone.localdate()
    items = hooks.calendar_items(
        today - ics.FEED_PAST, today + ics.FEED_FUTURE, language
    )
    body = ics.calendar(events, items, language, request)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
