"""The demo's partner cities and partnerships (``pressroom/demo/partners.toml``),
registered with the demo loader in ``CitiesConfig.ready()``.

Cities are found by their slug, partnerships by partner, kind and date of
signing, signatories by their Russian name, timeline entries by date and kind:
what exists is left as staff made it, and only what is missing is added. A
partnership or timeline entry that names the seed release is linked to it once
it exists, so loading before the releases and again after still links them.
"""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from cities.models import AgreementDocument, City, Partnership, Signatory, TimelineEvent
from pressroom.demo import translated
from pressroom.demo.releases import loaded_release

CITY_TEXTS = ("name", "country", "region", "founding", "description")


@transaction.atomic
def load(data):
    keys = {item.get("release") for item in data["partnership"]}
    keys |= {
        entry.get("release")
        for item in data["partnership"]
        for entry in item.get("events", [])
    }
    releases = {key: loaded_release(key) for key in keys - {None}}
    cities = {item["slug"]: city(item) for item in data["city"]}
    created = 0
    for item in data["partnership"]:
        partnership, new = Partnership.objects.get_or_create(
            partner=cities[item["partner"]],
            kind=item["kind"],
            signed_on=item["signed_on"],
            defaults={
                "status": item["status"],
                "status_since": item.get("status_since"),
                "areas": item["areas"],
                "languages": item["languages"],
                **translated("signed_at", item.get("signed_at", {})),
                **translated("summary", item.get("summary", {})),
            },
        )
        created += new
        if releases.get(item.get("release")):
            partnership.releases.add(releases[item["release"]])
        children(partnership, item, releases)
    lines = [f"Demo partner cities: {created} partnerships added."]
    if None in releases.values():
        lines.insert(0, "The seed release is missing: load the releases first.")
    return "\n".join(lines)


def city(item):
    defaults = {
        "calendar": item["calendar"],
        # Never a second home city: the database refuses one anyway.
        "is_home": item.get("is_home", False)
        and not City.objects.filter(is_home=True).exists(),
        "is_demo": item.get("is_demo", False),
        # TOML has no decimals: the figure is read as written.
        "latitude": Decimal(str(item["latitude"])) if "latitude" in item else None,
        "longitude": Decimal(str(item["longitude"])) if "longitude" in item else None,
    }
    for field in CITY_TEXTS:
        defaults.update(translated(field, item.get(field, {})))
    found, _created = City.objects.get_or_create(slug=item["slug"], defaults=defaults)
    return found


def children(partnership, item, releases):
    for position, person in enumerate(item.get("signatories", [])):
        Signatory.objects.get_or_create(
            partnership=partnership,
            name_ru=person["name"]["ru"],
            defaults={
                "position": position,
                **translated("name", person["name"]),
                **translated("office", person["office"]),
            },
        )
    for language, text in item.get("documents", {}).items():
        if partnership.documents.filter(language=language).exists():
            continue
        AgreementDocument.objects.create(
            partnership=partnership,
            language=language,
            file=ContentFile(
                text.encode(), name=f"demo-agreement-{partnership.pk}-{language}.txt"
            ),
        )
    for entry in item.get("events", []):
        release = releases.get(entry.get("release"))
        event, _created = TimelineEvent.objects.get_or_create(
            partnership=partnership,
            date=entry["date"],
            kind=entry["kind"],
            defaults={**translated("title", entry["title"]), "release": release},
        )
        if release and event.release is None:
            event.release = release
            event.save(update_fields=["release"])
