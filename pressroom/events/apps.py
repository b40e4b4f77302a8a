from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events and announcements: a calendar in the reader's calendar, .ics feeds."""

    name = "pressroom.events"
    label = "events"
    verbose_name = _("Events and announcements")

    def ready(self):
        from pressroom.events import page_tags

        page_tags.register()
