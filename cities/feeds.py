from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from cities import page_tags
from cities.models import City
from pressroom.feeds import FEED_SIZE, atom_response
from pressroom.models import PressRelease
from pressroom.shell.alternates import absolute
from pressroom.shell.cache import add_cache_tags
from pressroom.shell.identity import site_name


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
    response = atom_response(
        request,
        title=f"{site_name()}: {city.name}",
        link=absolute(city.get_absolute_url(), request),
        feed_url=absolute(reverse("cities:feed", kwargs={"slug": city.slug}), request),
        releases=releases,
    )
    return add_cache_tags(response, page_tags.city(city.pk))
