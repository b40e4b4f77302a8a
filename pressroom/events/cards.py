"""Events as lists show them: plain values in the reader's language."""

from django.urls import reverse
from django.utils.translation import get_language

from pressroom.events.models import Event
from pressroom.shell.listing import Query

CARD_FIELDS = ("starts_at", "ends_at", "cancelled", "accreditation_required")


class EventCard:
    """An event as lists show it: plain attributes in the reader's language."""

    __slots__ = ("pk", "title", "place", *CARD_FIELDS)

    def __init__(self, pk, title, place, *values):
        self.pk, self.title, self.place = pk, title, place
        for name, value in zip(CARD_FIELDS, values, strict=True):
            setattr(self, name, value)

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"pk": self.pk})


def event_cards(events):
    language = get_language()
    return events.values_list(
        "pk", f"title_{language}", f"place_{language}", *CARD_FIELDS
    )


# The home page's announcements.
UPCOMING = Query(
    lambda now: event_cards(Event.objects.available_in().upcoming(now)),
    make=EventCard,
)
MONTH = Query(
    lambda start, end: event_cards(Event.objects.available_in().between(start, end)),
    make=EventCard,
)
