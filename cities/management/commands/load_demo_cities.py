"""Load the demo partner cities once; running it again adds nothing.

Kazan and Isfahan say only what the seed story says (plus their coordinates).
Everything else is a made-up "Demo town", marked as demo data on every page, so
an ended partnership, a suspended one and a published agreement text can be seen.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from cities.models import AgreementDocument, City, Partnership, Signatory, TimelineEvent
from pressroom.calendars import GREGORIAN, JALALI
from pressroom.demo_content import RELEASES
from pressroom.models import PressRelease

CITIES = [
    {
        "slug": "kazan",
        "is_home": True,
        "calendar": GREGORIAN,
        "latitude": Decimal("55.7963"),
        "longitude": Decimal("49.1088"),
        "name": {"ru": "Казань", "fa": "کازان", "en": "Kazan"},
        "country": {"ru": "Россия", "fa": "روسیه", "en": "Russia"},
        "founding": {
            "ru": "Около тысячи лет назад",
            "fa": "حدود هزار سال پیش",
            "en": "About a thousand years ago",
        },
        "description": {
            "ru": "Важный экономический, политический и культурный центр страны, "
            "где проходят различные мероприятия высокого уровня.",
            "fa": "مرکز مهم اقتصادی، سیاسی و فرهنگی کشور که رویدادهای گوناگونی در "
            "سطح عالی در آن برگزار می‌شود.",
            "en": "An important economic, political and cultural centre of the "
            "country, where various high-level events are held.",
        },
    },
    {
        "slug": "isfahan",
        "calendar": JALALI,
        "latitude": Decimal("32.6539"),
        "longitude": Decimal("51.6660"),
        "name": {"ru": "Исфахан", "fa": "اصفهان", "en": "Isfahan"},
        "country": {"ru": "Иран", "fa": "ایران", "en": "Iran"},
        # No founding date: "one of the oldest cities" is in its description.
        "founding": {"ru": "", "fa": "", "en": ""},
        "description": {
            "ru": "Один из древнейших городов мира, с множеством исторических "
            "объектов и памятников культуры; развивается как туристический центр.",
            "fa": "یکی از کهن‌ترین شهرهای جهان، با آثار تاریخی و بناهای فرهنگی "
            "فراوان، که به‌عنوان مرکز گردشگری در حال توسعه است.",
            "en": "One of the oldest cities in the world, with many historical "
            "sites and cultural monuments, developing as a tourist centre.",
        },
    },
    {
        "slug": "demo-town",
        "is_demo": True,
        "calendar": GREGORIAN,
        "name": {"ru": "Демо-город", "fa": "شهر نمایشی", "en": "Demo town"},
        "country": {"ru": "Демо", "fa": "نمایشی", "en": "Demo"},
        "region": {
            "ru": "Демо-область",
            "fa": "استان نمایشی",
            "en": "Demo region",
        },
        "founding": {"ru": "Демо-данные", "fa": "دادهٔ نمایشی", "en": "Demo data"},
        "description": {
            "ru": "Вымышленный город демонстрационного сайта.",
            "fa": "شهری خیالی برای وب‌گاه نمایشی.",
            "en": "A made-up town of the demo site.",
        },
    },
    {
        "slug": "second-demo-town",
        "is_demo": True,
        "calendar": JALALI,
        "name": {
            "ru": "Второй демо-город",
            "fa": "شهر نمایشی دوم",
            "en": "Second demo town",
        },
        "country": {"ru": "Демо", "fa": "نمایشی", "en": "Demo"},
        "description": {
            "ru": "Ещё один вымышленный город демонстрационного сайта.",
            "fa": "شهر خیالی دیگری برای وب‌گاه نمایشی.",
            "en": "Another made-up town of the demo site.",
        },
    },
]

SEED_SIGNED_ON = datetime.date(2025, 4, 9)

PARTNERSHIPS = [
    {
        "partner": "isfahan",
        "kind": Partnership.Kind.SISTER,
        "status": Partnership.Status.ACTIVE,
        "signed_on": SEED_SIGNED_ON,
        "areas": ["culture", "economy", "tourism"],
        "languages": ["ru", "fa", "en"],
        "seed_release": True,
        "signed_at": {
            "ru": "Исфахан, дворец Чехель Сотун",
            "fa": "اصفهان، کاخ چهلستون",
            "en": "Isfahan, Chehel Sotoun Palace",
        },
        "summary": {
            "ru": "Стороны договорились о всестороннем развитии связей в сфере "
            "культуры, экономики и туризма. Соглашение подписано на русском, "
            "персидском и английском языках.",
            "fa": "دو طرف بر توسعه همه‌جانبه روابط در حوزه‌های فرهنگی، اقتصادی و "
            "گردشگری توافق کردند. توافق‌نامه به زبان‌های روسی، فارسی و انگلیسی "
            "امضا شد.",
            "en": "The parties agreed on the comprehensive development of relations "
            "in culture, the economy and tourism. The agreement was signed in "
            "Russian, Persian and English.",
        },
        "signatories": [
            {
                "name": {
                    "ru": "Ильсур Метшин",
                    "fa": "ایلسور متشین",
                    "en": "Ilsur Metshin",
                },
                "office": {
                    "ru": "мэр Казани",
                    "fa": "شهردار کازان",
                    "en": "Mayor of Kazan",
                },
            },
            {
                "name": {
                    "ru": "Али Касемзаде",
                    "fa": "علی قاسم‌زاده",
                    "en": "Ali Ghasemzadeh",
                },
                "office": {
                    "ru": "мэр Исфахана",
                    "fa": "شهردار اصفهان",
                    "en": "Mayor of Isfahan",
                },
            },
        ],
        "events": [
            {
                "date": SEED_SIGNED_ON,
                "kind": TimelineEvent.Kind.SIGNED,
                "seed_release": True,
                "title": {
                    "ru": "Соглашение о побратимских отношениях подписано во дворце "
                    "Чехель Сотун",
                    "fa": "توافق‌نامه خواهرخواندگی در کاخ چهلستون امضا شد",
                    "en": "Sister-city agreement signed at the Chehel Sotoun Palace",
                },
            },
        ],
    },
    {
        "partner": "demo-town",
        "kind": Partnership.Kind.PARTNER,
        "status": Partnership.Status.ENDED,
        "status_since": datetime.date(2020, 12, 31),
        "signed_on": datetime.date(2012, 5, 15),
        "areas": ["education", "sport", "youth"],
        "languages": ["ru", "en"],
        "signed_at": {"ru": "Демо-город", "fa": "شهر نمایشی", "en": "Demo town"},
        "summary": {
            "ru": "Демо-данные: вымышленное соглашение, срок которого истёк.",
            "fa": "دادهٔ نمایشی: توافق‌نامه‌ای خیالی که مدت آن به پایان رسیده است.",
            "en": "Demo data: a made-up agreement that has ended.",
        },
        "signatories": [
            {
                "name": {
                    "ru": "Демо-подписант",
                    "fa": "امضاکنندهٔ نمایشی",
                    "en": "Demo signatory",
                },
                "office": {
                    "ru": "Демо-должность",
                    "fa": "سمت نمایشی",
                    "en": "Demo office",
                },
            },
        ],
        "documents": {
            "ru": "Демо-данные: это не настоящий текст соглашения.\n",
            "en": "Demo data: this is not a real agreement.\n",
        },
        "events": [
            {
                "date": datetime.date(2012, 5, 15),
                "kind": TimelineEvent.Kind.SIGNED,
                "title": {
                    "ru": "Демо: соглашение подписано",
                    "fa": "نمایشی: توافق‌نامه امضا شد",
                    "en": "Demo: agreement signed",
                },
            },
            {
                "date": datetime.date(2016, 9, 1),
                "kind": TimelineEvent.Kind.PROGRAMME,
                "title": {
                    "ru": "Демо: программа обмена школьниками",
                    "fa": "نمایشی: برنامه تبادل دانش‌آموزان",
                    "en": "Demo: school exchange programme",
                },
            },
            {
                "date": datetime.date(2020, 12, 31),
                "kind": TimelineEvent.Kind.OTHER,
                "title": {
                    "ru": "Демо: срок соглашения истёк",
                    "fa": "نمایشی: مدت توافق‌نامه به پایان رسید",
                    "en": "Demo: the agreement ended",
                },
            },
        ],
    },
    {
        "partner": "second-demo-town",
        "kind": Partnership.Kind.COOPERATION,
        "status": Partnership.Status.SUSPENDED,
        "status_since": datetime.date(2024, 3, 1),
        "signed_on": datetime.date(2019, 10, 2),
        "areas": ["health", "science"],
        "languages": ["ru", "fa"],
        "summary": {
            "ru": "Демо-данные: вымышленное соглашение о сотрудничестве, "
            "приостановленное; его текст на сайте не опубликован.",
            "fa": "دادهٔ نمایشی: توافق‌نامه همکاری خیالی که به حالت تعلیق درآمده "
            "است؛ متن آن در این وب‌گاه منتشر نشده است.",
            "en": "Demo data: a made-up cooperation agreement, suspended; its text "
            "is not published on the site.",
        },
    },
]

LANGUAGES = ("ru", "fa", "en")


def translated(field, texts):
    return {f"{field}_{code}": texts.get(code, "") for code in LANGUAGES}


def seed_release():
    """The one real story's release, if pressroom's load_demo has run."""
    title = RELEASES[0]["ru"]["title"]
    return PressRelease.objects.filter(title_ru=title).first()


class Command(BaseCommand):
    help = "Load the demo partner cities (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        release = seed_release()
        cities = {item["slug"]: self.city(item) for item in CITIES}
        created = 0
        for item in PARTNERSHIPS:
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
            if release and item.get("seed_release"):
                partnership.releases.add(release)
            self.children(partnership, item, release)
        if release is None:
            self.stdout.write("The seed release is missing: run load_demo first.")
        self.stdout.write(f"Demo partner cities: {created} partnerships added.")

    def city(self, item):
        texts = {
            field: item.get(field, {})
            for field in ("name", "country", "region", "founding", "description")
        }
        defaults = {
            "calendar": item["calendar"],
            # Never a second home city: the database refuses one anyway.
            "is_home": item.get("is_home", False)
            and not City.objects.filter(is_home=True).exists(),
            "is_demo": item.get("is_demo", False),
            "latitude": item.get("latitude"),
            "longitude": item.get("longitude"),
        }
        for field, values in texts.items():
            defaults.update(translated(field, values))
        city, _created = City.objects.get_or_create(
            slug=item["slug"], defaults=defaults
        )
        return city

    def children(self, partnership, item, release):
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
                    text.encode(),
                    name=f"demo-agreement-{partnership.pk}-{language}.txt",
                ),
            )
        for event in item.get("events", []):
            TimelineEvent.objects.update_or_create(
                partnership=partnership,
                date=event["date"],
                kind=event["kind"],
                defaults={
                    **translated("title", event["title"]),
                    "release": release if event.get("seed_release") else None,
                },
            )
