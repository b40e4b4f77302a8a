"""Load the demo topics, and the demo releases into a site that has none yet."""

import io
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from pressroom.demo_content import RELEASES, SEED_KEY, TOPICS
from pressroom.models import PressRelease, Topic

FIELDS = ("title", "lead", "body", "dateline")
IMAGE_TEXT = {
    "image_alt": {
        "ru": "Схематичный рисунок: купола и арка на зелёном фоне",
        "fa": "طرحی ساده: گنبدها و طاق بر زمینهٔ سبز",
        "en": "A simple drawing: domes and an arch on a green background",
    },
    "image_caption": {
        "ru": "Иллюстрация к демонстрационному сайту",
        "fa": "تصویرسازی برای وب‌گاه نمایشی",
        "en": "An illustration for the demo site",
    },
    "image_credit": {
        "ru": "Рисунок: демо-данные",
        "fa": "تصویر: دادهٔ نمایشی",
        "en": "Drawing: demo data",
    },
}


def demo_picture(seed):
    """A drawn picture, so renditions and srcset have something to show."""
    picture = Image.new("RGB", (1200, 675), (11, 92, 74))
    draw = ImageDraw.Draw(picture)
    shade = (20 + seed * 7) % 200
    for index in range(5):
        left = 110 + index * 200
        draw.ellipse((left, 285, left + 150, 435), fill=(232, 177, shade))
        draw.rectangle((left, 360, left + 150, 600), fill=(245, 240, 225))
        draw.rectangle((left + 52, 450, left + 98, 600), fill=(7, 61, 49))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return ContentFile(buffer.getvalue(), name=f"demo-{seed}.jpg")


class Command(BaseCommand):
    help = "Load the demo topics and press releases (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        topics = {}
        for item in TOPICS:
            names = {f"name_{code}": name for code, name in item["name"].items()}
            topics[item["slug"]], _created = Topic.objects.update_or_create(
                slug=item["slug"], defaults=names
            )
        if PressRelease.objects.exists():
            # Only into a site without releases: matching demo releases by a
            # field would add again one an editor has since retitled or deleted.
            self.stdout.write("Demo content: the site has press releases; none added.")
            return
        created = 0
        for index, item in enumerate(RELEASES):
            release = PressRelease(
                status=PressRelease.Status.PUBLISHED,
                published_at=datetime.fromisoformat(item["published_at"]),
                featured=item.get("featured", False),
            )
            for code in ("ru", "fa", "en"):
                for name in FIELDS:
                    setattr(release, f"{name}_{code}", item.get(code, {}).get(name, ""))
            if item["key"] == SEED_KEY or index % 6 == 1:
                release.image = demo_picture(index)
                for name, texts in IMAGE_TEXT.items():
                    for code, text in texts.items():
                        if code in item:
                            setattr(release, f"{name}_{code}", text)
            release.save()
            release.topics.set(topics[slug] for slug in item["topics"])
            created += 1
        self.stdout.write(f"Demo content: {created} press releases added.")
