"""iCalendar (RFC 5545) for calendar apps: a feed per language, a file per event.

Times are written in the site's time zone with its VTIMEZONE, so an event at
10:00 in Kazan stays at 10:00 Kazan time in a reader's calendar anywhere. UIDs
are stable, so a calendar that subscribed updates events rather than adding
them again; a cancelled event stays, with STATUS:CANCELLED.
"""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar, vDuration
from icalendar import Event as VEvent

from pressroom.shell.alternates import absolute
from pressroom.shell.identity import site_name

# What the feed holds around today.
FEED_PAST = timedelta(days=365)
FEED_FUTURE = timedelta(days=400)
# How often calendar apps should fetch the feed again.
REFRESH = timedelta(hours=6)


def uid_domain():
    return (settings.SITE_URL.partition("://")[2] or "pressroom").split("/")[0]


def calendar(events, items, language, request, name=None):
    """The .ics text of `events` (models) and `items` (hooks.CalendarItem)."""
    with translation.override(language):
        title = str(
            name or translation.gettext("Events: {site}").format(site=site_name())
        )
        cal = Calendar()
        cal.add("prodid", f"-//{site_name()}//{language}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", title)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        # An X- property is text to icalendar: the duration written out as one.
        cal.add("x-published-ttl", vDuration(REFRESH))
        for event in events:
            cal.add_component(vevent(event, language, request))
        for item in items:
            cal.add_component(all_day(item, request))
        cal.add_missing_timezones()
        return cal.to_ical()


def vevent(event, language, request):
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{uid_domain()}")
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    item.add("created", event.created_at)
    item.add("dtstart", timezone.localtime(event.starts_at))
    if event.ends_at:
        item.add("dtend", timezone.localtime(event.ends_at))
    item.add("summary", getattr(event, f"title_{language}"))
    item.add("location", getattr(event, f"place_{language}"))
    description = getattr(event, f"description_{language}") or ""
    url = absolute(event.get_absolute_url(language), request)
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return item


def all_day(entry, request):
    item = VEvent()
    item.add("uid", f"{entry.uid}@{uid_domain()}")
    # A fixed stamp: the feed changes only when its content does.
    item.add("dtstamp", datetime.combine(entry.date, time.min, tzinfo=UTC))
    item.add("dtstart", entry.date)
    item.add("dtend", entry.date + timedelta(days=1))
    item.add("summary", entry.title)
    item.add("url", absolute(entry.url, request))
    item.add("transp", "TRANSPARENT")
    return item
