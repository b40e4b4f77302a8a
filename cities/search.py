"""Partner cities in search: a city's page, with its partnerships, is a kind of
search result, and "partner city" a filter of the search page (releases about a
city's partnerships carry its tag). Registered by CitiesConfig.ready().
"""

import weakref

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cities.models import City, Partnership, Signatory, TimelineEvent
from pressroom import calendars
from pressroom.models import LANGUAGE_CODES
from pressroom.search_index import (
    ALWAYS,
    KINDS,
    Entry,
    SearchFilter,
    SearchKind,
    index_object,
    objects_to_index,
    register_filter,
    register_kind,
    register_tagger,
    unindex_object,
)


def _text(obj, name, language):
    return getattr(obj, f"{name}_{language}", None) or ""


def city_entries(city):
    """A city's page per language it is named in: its description, and of
    each partnership the kind, place, summary, signatories and events."""
    partnerships = list(city.partnerships.all())
    signed = [item.signed_on for item in partnerships if item.signed_on]
    date = calendars.local_day_start(max(signed)) if signed else None
    for language in LANGUAGE_CODES:
        name, country = _text(city, "name", language), _text(city, "country", language)
        if not (name and country):
            continue
        body = []
        with translation.override(language):
            for partnership in partnerships:
                body.append(str(partnership.get_kind_display()))
                body += [
                    _text(partnership, "signed_at", language),
                    _text(partnership, "summary", language),
                ]
                for person in partnership.signatories.all():
                    body += [_text(person, "name", language)]
                    body += [_text(person, "office", language)]
                for event in partnership.events.all():
                    body += [_text(event, "title", language)]
                    body += [_text(event, "description", language)]
        yield Entry(
            language=language,
            title=name,
            path=city.get_absolute_url(language),
            lead=_text(city, "description", language),
            # Shown in snippets: the parts apart, as they are on the page.
            body=" · ".join(part for part in body if part),
            keywords=" ".join(
                _text(city, field, language) for field in ("country", "region")
            ),
            date=date,
            public_from=ALWAYS,
            tags=[f"c{city.pk}"],
        )


def partner_cities_of(release):
    """Tags of the partner cities whose partnerships a release is about."""
    return [f"c{partnership.partner_id}" for partnership in release.partnerships.all()]


def partner_city_choices(language):
    cities = (
        City.objects.available_in(language)
        .partners()
        .exclude(is_home=True)
        .order_by("is_demo", f"name_{language}")
    )
    return [
        (city.slug, _text(city, "name", language), f"c{city.pk}") for city in cities
    ]


def register():
    register_kind(
        SearchKind(
            name="city",
            model=City,
            label=_("City"),
            entries=city_entries,
            objects=lambda: City.objects.prefetch_related(
                "partnerships__signatories", "partnerships__events"
            ),
        )
    )
    register_tagger("release", partner_cities_of, prefetch=["partnerships"])
    register_filter(
        SearchFilter(name="city", label=_("Partner city"), choices=partner_city_choices)
    )
    for model in (City, Partnership, Signatory, TimelineEvent):
        post_save.connect(reindex, sender=model, dispatch_uid=f"search-{model}")
        post_delete.connect(reindex, sender=model, dispatch_uid=f"search-d-{model}")
    pre_delete.connect(
        remember_releases, sender=Partnership, dispatch_uid="search-pd-partnership"
    )
    m2m_changed.connect(
        reindex_releases,
        sender=Partnership.releases.through,
        dispatch_uid="search-partnership-releases",
    )


def reindex(sender, instance, **kwargs):
    """A city's page changed: its own, or a part of it (a partnership...)."""
    if isinstance(instance, City):
        if kwargs.get("signal") is post_delete:
            unindex_object(instance)
        else:
            index_object(instance)
        return
    partnership = getattr(instance, "partnership", instance)
    city = City.objects.filter(pk=partnership.partner_id).first()
    if city is not None:
        index_object(city)
    if isinstance(instance, Partnership):
        linked = kwargs.get("signal") is post_delete and RELEASES_BEFORE.get(instance)
        _index_releases(linked or instance.releases.values_list("pk", flat=True))


# The releases a partnership was about, kept from just before they are unlinked
# (a delete or a clear() leaves no trace of them afterwards).
RELEASES_BEFORE = weakref.WeakKeyDictionary()


def remember_releases(sender, instance, **kwargs):
    if kwargs.get("action", "pre_clear") == "pre_clear" and not kwargs.get("reverse"):
        RELEASES_BEFORE[instance] = list(instance.releases.values_list("pk", flat=True))


def reindex_releases(sender, instance, action, reverse, pk_set, **kwargs):
    """Releases linked to or from a partnership: their partner-city tags."""
    if action == "pre_clear":
        remember_releases(sender, instance, action=action, reverse=reverse)
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        _index_releases([instance.pk])
    elif action == "post_clear":
        _index_releases(RELEASES_BEFORE.pop(instance, []))
    else:
        _index_releases(pk_set)


def _index_releases(pks):
    releases = objects_to_index(KINDS["release"]).filter(pk__in=list(pks))
    for release in releases:
        index_object(release)
