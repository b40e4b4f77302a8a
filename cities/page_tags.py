"""The cache tags of the partner-city pages, and what a change outdates.

`cities` tags every city page (each shows the home city's calendar, the list
and map show them all), `city:<id>` the city's page and feed. A release's page
names its partner cities (`release:<id>`, pressroom.shell.page_tags), and a city's
page lists its releases. Registered with pressroom.shell.freshness in apps.py.
"""

from cities.models import AgreementDocument, City, Partnership, Signatory, TimelineEvent
from pressroom.models import LANGUAGE_CODES, PressRelease
from pressroom.shell import freshness, page_tags


def city(pk):
    return f"city:{pk}"


def shown(item):
    """Every stored value of `item` (city data is small and all on its page)."""
    return [field.value_from_object(item) for field in item._meta.concrete_fields]


def in_search(values):
    """City pages are search results, and partner cities a filter of search."""
    return {f"search:{language}": values for language in LANGUAGE_CODES}


def city_face(item, now):
    releases = Partnership.releases.through.objects.filter(
        partnership__partner=item
    ).values_list("pressrelease_id", flat=True)
    values = shown(item)
    face = {city(item.pk): values, "cities": values, "sitemap": values}
    face.update({page_tags.release(pk): values for pk in releases})
    face.update(in_search(values))
    return face


def partnership_face(item, now):
    releases = list(item.releases.values_list("pk", flat=True)) if item.pk else []
    values = [shown(item), releases]
    face = {city(item.partner_id): values, "cities": values}
    face.update({page_tags.release(pk): shown(item) for pk in releases})
    face.update(in_search(values))
    return face


def part_face(item, now):
    """A signatory, document or timeline event: on its partner city's page."""
    values = shown(item)
    return {city(item.partnership.partner_id): values, **in_search(values)}


def release_face(item, now):
    """A release listed on its partner cities' pages and feeds."""
    cards = page_tags.cards(item, now)
    if not cards:
        return {}
    partners = City.objects.filter(partnerships__releases=item).values_list("pk")
    return {city(pk): cards for (pk,) in partners}


def register():
    freshness.register(City, city_face)
    freshness.register(Partnership, partnership_face)
    for model in (Signatory, AgreementDocument, TimelineEvent):
        freshness.register(model, part_face)
    freshness.register(PressRelease, release_face)
