"""What other apps add to events, without events knowing them.

The partner-city app fills these from its AppConfig.ready(): the partner towns
an event concerns (links on its page), the partnership anniversaries shown in
the month grid and the feeds, and the inline that picks an event's partner city
in the back-office.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CalendarItem:
    """A day in the calendar that is not an event of ours (an anniversary)."""

    date: date
    title: str
    url: str
    uid: str


# (first day, day after the last, language) -> [CalendarItem]
calendar_sources = []
# (event pks, language) -> {pk: [(name, url)]}: each event's partners
partner_sources = []
# Inline admin classes for EventAdmin
admin_inlines = []


def calendar_items(first, following, language):
    items = [
        item
        for source in calendar_sources
        for item in source(first, following, language)
    ]
    return sorted(items, key=lambda item: (item.date, item.title))


def partners_of(pks, language):
    found = {}
    for source in partner_sources:
        for pk, links in source(pks, language).items():
            found.setdefault(pk, []).extend(links)
    return found
