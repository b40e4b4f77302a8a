from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from cities.models import City
from pressroom.alternates import absolute
from pressroom.feeds import FEED_SIZE, atom_response
from pressroom.identity import site_name
from pressroom.models import PressRelease


@require_safe
def city_feed(request, slug):
    """The releases about a city's partnerships, in the reader's language."""
    city = get_object_or_404(
        City.objects.available_in(translation.get_language()), slug=slug
    )
    releases = (
        PressRelease.objects.listed()
        .summaries("revised_at")
        .filter(partnerships__partner=city)
        .distinct()[:FEED_SIZE]
    )
    return atom_response(
        request,
        title=f"{site_name()}: {city.name}",
        link=absolute(city.get_absolute_url(), request),
        feed_url=absolute(reverse("cities:feed", kwargs={"slug": city.slug}), request),
        releases=releases,
    )
