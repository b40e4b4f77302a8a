from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Partner cities")

    def ready(self):
        # What cities adds to the press office's services: partner cities to
        # subscribe to, an event's partner city, anniversaries in the calendar.
        from cities import hooks

        hooks.register()
        # What a change of a city or partnership outdates on cached pages.
        from cities import page_tags

        page_tags.register()
        from cities import search

        search.register()
        # Its part of the demo content, loaded after the releases it links.
        from cities import demo
        from pressroom import demo as demo_loader

        demo_loader.register("partners", demo.load)
