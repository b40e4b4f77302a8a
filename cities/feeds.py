from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation

from cities.models import City
from pressroom.alternates import absolute
from pressroom.feeds import FEED_SIZE, ReleaseFeed
from pressroom.identity import site_name


class CityFeed(ReleaseFeed):
    """The releases about a city's partnerships, in the reader's language."""

    def get_object(self, request, slug):
        return get_object_or_404(
            City.objects.available_in(translation.get_language()), slug=slug
        )

    def title(self, obj=None):
        return f"{site_name()}: {obj.name}"

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj=None):
        return absolute(reverse("cities:feed", kwargs={"slug": obj.slug}))

    def items(self, obj=None):
        return self.releases().filter(partnerships__partner=obj).distinct()[:FEED_SIZE]
