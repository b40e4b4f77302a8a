from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.views.generic import ListView
from django.views.generic.detail import SingleObjectMixin

from cities import maps, page_tags
from cities.models import City, Partnership
from pressroom.models import PressRelease
from pressroom.shell.addresses import pattern
from pressroom.shell.cache import add_cache_tags
from pressroom.shell.listing import PAGE_SIZE


class CityListView(ListView):
    """The partner cities a reader of this language can read about, by country."""

    template_name = "cities/city_list.html"
    context_object_name = "cities"

    def render_to_response(self, context, **kwargs):
        return add_cache_tags(super().render_to_response(context, **kwargs), "cities")

    def get_queryset(self):
        language = get_language()
        return (
            City.objects.available_in(language)
            .partners()
            .exclude(is_home=True)
            .prefetch_related("partnerships")
            # Made-up demo towns after the real cities.
            .order_by("is_demo", f"country_{language}", f"name_{language}", "slug")
        )

    def get_context_data(self, **kwargs):
        home = City.objects.available_in().home()
        context = super().get_context_data(home=home, **kwargs)
        partners = [(city, city.partnerships_ended()) for city in context["cities"]]
        return {**context, "map": maps.draw(home, partners)}


class CityDetailView(SingleObjectMixin, ListView):
    """A city, its partnerships and the releases about them, page by page.

    The object is the city; the list is the releases (Django's "SingleObjectMixin
    with ListView" pattern), so the news gets ordinary pagination.
    """

    template_name = "cities/city_detail.html"
    paginate_by = PAGE_SIZE
    query_parameters = ("page",)

    def get(self, request, *args, **kwargs):
        language = get_language()
        cities = City.objects.available_in(language).prefetch_related(
            Prefetch("partnerships", queryset=Partnership.objects.for_page(language))
        )
        # A city not named in this language answers 404: never another's text.
        self.object = self.get_object(queryset=cities)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return (
            PressRelease.objects.listed()
            .summaries()
            .filter(partnerships__partner=self.object)
            .distinct()
        )

    def get_context_data(self, **kwargs):
        city = self.object
        partnerships = city.partnerships.all()
        if city.is_home:
            home, shown = None, maps.draw(city, [])
        else:
            # For its calendar: dates concern both sides of a partnership.
            home = City.objects.home()
            # On the map only where it has a name in this language.
            named = home and get_language() in home.available_languages()
            shown = city.has_coordinates and maps.draw(
                home if named else None, [(city, city.partnerships_ended())]
            )
        for partnership in partnerships:
            partnership.past_anniversaries, partnership.upcoming_anniversaries = (
                partnership.anniversaries(home)
            )
        context = super().get_context_data(
            home=home,
            partnerships=partnerships,
            map=shown,
            alternates={
                language: city.get_absolute_url(language)
                for language in city.available_languages()
            },
            # A city not named in a language: the partner cities of that language.
            switch_to={
                code: pattern("cities:list", 0, code)[0]
                for code, _name in settings.LANGUAGES
            },
            **kwargs,
        )
        context["releases"] = context["object_list"]
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return add_cache_tags(response, "cities", page_tags.city(self.object.pk))
