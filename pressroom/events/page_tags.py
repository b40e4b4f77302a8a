"""The cache tag of pages that show events, and what a change of one outdates.

`events:<lang>` is on the home page (its announcements); the events pages
themselves name no tag, so every recorded change outdates them
(pressroom/shell/freshness.py). Registered in the app's ready().
"""

from pressroom.events.models import Event
from pressroom.shell import freshness


def events(language):
    return f"events:{language}"


def event_face(item, now):
    """Where it is an announcement: in each of its languages, until it is over."""
    if (item.ends_at or item.starts_at) < now:
        return {}
    shown = [field.value_from_object(item) for field in item._meta.concrete_fields]
    return {events(language): shown for language in item.available_languages()}


def event_due(item):
    """An announcement leaves the home page when its event is over."""
    return item.ends_at or item.starts_at


def register():
    freshness.register(Event, event_face, due=event_due)
