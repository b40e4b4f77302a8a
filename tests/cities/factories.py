"""Plain helpers that make partner-city test data; every default can be overridden.

As in `tests/pressroom/factories.py`, each language's default text is written in
that language only (Persian in Persian letters and digits), so a scan of a page
finds only what the site itself put there.
"""

import datetime
import itertools

from django.core.files.base import ContentFile

from cities.models import (
    AgreementDocument,
    City,
    Partnership,
    Signatory,
    TimelineEvent,
)
from pressroom.calendars import GREGORIAN, JALALI, fa_digits

_numbers = itertools.count(1)

SIGNED_ON = datetime.date(2025, 4, 9)


def texts(field, n, ru, fa, en, languages=("ru", "fa", "en")):
    values = {"ru": ru, "fa": fa, "en": en}
    return {
        f"{field}_{code}": values[code].format(n=fa_digits(n) if code == "fa" else n)
        for code in languages
    }


def make_city(languages=("ru", "fa", "en"), **kwargs):
    n = next(_numbers)
    kwargs.setdefault("slug", f"city-{n}")
    kwargs.setdefault("calendar", GREGORIAN)
    for field, value in {
        **texts("name", n, "Город {n}", "شهر {n}", "Town {n}", languages),
        **texts("country", n, "Страна", "کشور", "Country", languages),
    }.items():
        kwargs.setdefault(field, value)
    return City.objects.create(**kwargs)


def make_home(**kwargs):
    kwargs.setdefault("slug", "kazan")
    kwargs.setdefault("name_ru", "Казань")
    kwargs.setdefault("name_fa", "کازان")
    kwargs.setdefault("name_en", "Kazan")
    kwargs.setdefault("is_home", True)
    kwargs.setdefault("latitude", "55.7963")
    kwargs.setdefault("longitude", "49.1088")
    return make_city(**kwargs)


def make_isfahan(**kwargs):
    kwargs.setdefault("slug", "isfahan")
    kwargs.setdefault("name_ru", "Исфахан")
    kwargs.setdefault("name_fa", "اصفهان")
    kwargs.setdefault("name_en", "Isfahan")
    kwargs.setdefault("country_ru", "Иран")
    kwargs.setdefault("country_fa", "ایران")
    kwargs.setdefault("country_en", "Iran")
    kwargs.setdefault("calendar", JALALI)
    kwargs.setdefault("latitude", "32.6539")
    kwargs.setdefault("longitude", "51.6660")
    return make_city(**kwargs)


def make_partnership(partner=None, releases=(), **kwargs):
    kwargs.setdefault("kind", Partnership.Kind.SISTER)
    kwargs.setdefault("status", Partnership.Status.ACTIVE)
    kwargs.setdefault("signed_on", SIGNED_ON)
    kwargs.setdefault("areas", ["culture", "economy", "tourism"])
    kwargs.setdefault("languages", ["ru", "fa", "en"])
    kwargs.setdefault("signed_at_ru", "Дворец")
    kwargs.setdefault("signed_at_fa", "کاخ")
    kwargs.setdefault("signed_at_en", "The palace")
    partnership = Partnership.objects.create(partner=partner or make_city(), **kwargs)
    if releases:
        partnership.releases.set(releases)
    return partnership


def make_signatory(partnership, **kwargs):
    n = next(_numbers)
    for field, value in {
        **texts("name", n, "Подписант {n}", "امضاکننده {n}", "Signatory {n}"),
        **texts("office", n, "Мэр", "شهردار", "Mayor"),
    }.items():
        kwargs.setdefault(field, value)
    return Signatory.objects.create(partnership=partnership, **kwargs)


def make_document(partnership, **kwargs):
    kwargs.setdefault("language", "ru")
    kwargs.setdefault(
        "file", ContentFile(b"%PDF-1.4\n" + b"x" * 3000, name="agreement.pdf")
    )
    return AgreementDocument.objects.create(partnership=partnership, **kwargs)


def make_event(partnership, **kwargs):
    n = next(_numbers)
    kwargs.setdefault("date", SIGNED_ON)
    kwargs.setdefault("kind", TimelineEvent.Kind.VISIT)
    for field, value in texts(
        "title", n, "Визит {n}", "دیدار {n}", "Visit {n}"
    ).items():
        kwargs.setdefault(field, value)
    return TimelineEvent.objects.create(partnership=partnership, **kwargs)


def make_partner_city(slug="isfahan", name_en="Isfahan"):
    """A partner city named in every language, with one partnership."""
    from cities.models import City, Partnership

    city = City.objects.create(
        slug=slug,
        name_ru="Исфахан",
        name_fa="اصفهان",
        name_en=name_en,
        country_ru="Иран",
        country_fa="ایران",
        country_en="Iran",
    )
    Partnership.objects.create(partner=city)
    return city
