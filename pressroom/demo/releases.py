"""The demo's topics and press releases (``releases.toml``)."""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from pressroom.demo import read, text, translated
from pressroom.models import PressRelease, Topic

FIELDS = ("title", "lead", "body", "dateline")
# Which releases carry the drawn picture: the first (the one real story, which
# leads the home page) and a few others, so lists show cards with and without one.
PICTURE_EVERY = 6
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


def loaded_release(key=None):
    """The loaded release of ``releases.toml`` with this key (by default the
    first: the one real story), or None.

    A release has no key of its own in the database: it is found by the Russian
    title the data gives it (an editor who retitles it unlinks it from the demo).
    """
    items = read("releases")["release"]
    item = next((item for item in items if key in (None, item["key"])), None)
    if item is None:
        raise ValueError(f"releases.toml has no release {key!r}")
    return PressRelease.objects.filter(title_ru=item["ru"]["title"]).first()


@transaction.atomic
def load(data):
    topics = {}
    for item in data["topic"]:
        topics[item["slug"]], _created = Topic.objects.get_or_create(
            slug=item["slug"], defaults=translated("name", item["name"])
        )
    if PressRelease.objects.exists():
        # Only into a site without releases: matching demo releases by a field
        # would add again one an editor has since retitled or deleted.
        return "Demo content: the site has press releases; none added."
    for index, item in enumerate(data["release"]):
        release = PressRelease(
            status=PressRelease.Status.PUBLISHED,
            published_at=item["published_at"],
            featured=item.get("featured", False),
        )
        for code in ("ru", "fa", "en"):
            texts = item.get(code, {})
            for name in FIELDS:
                setattr(release, f"{name}_{code}", text(texts.get(name, "")))
        if index == 0 or index % PICTURE_EVERY == 1:
            release.image = demo_picture(index)
            for name, texts in IMAGE_TEXT.items():
                for code, caption in texts.items():
                    if code in item:
                        setattr(release, f"{name}_{code}", caption)
        release.save()
        release.topics.set(topics[slug] for slug in item["topics"])
    return f"Demo content: {len(data['release'])} press releases added."
