"""Load the demo press officers and events into a site that has none (idempotent)."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from pressroom.desk.models import PressOfficer
from pressroom.events.models import Event
from pressroom.models import Topic

DATA = Path(__file__).resolve().parents[2] / "desk" / "demo" / "journalists.json"


def at(today, day, clock):
    """`clock` ("11:00") `day` days from `today`, in the site's time zone."""
    hour, minute = map(int, clock.split(":"))
    moment = datetime.datetime.combine(
        today + datetime.timedelta(days=day), datetime.time(hour, minute)
    )
    return timezone.make_aware(moment)


class Command(BaseCommand):
    help = "Load the demo press officers and events (only into a site without any)."

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads(DATA.read_text(encoding="utf-8"))
        if not PressOfficer.objects.exists():
            topics = {topic.slug: topic for topic in Topic.objects.all()}
            for position, item in enumerate(data["officers"]):
                officer = PressOfficer(
                    phone=item["phone"], email=item["email"], position=position
                )
                for name in ("name", "role"):
                    for code, text in item[name].items():
                        setattr(officer, f"{name}_{code}", text)
                officer.save()
                officer.topics.set(
                    [topics[slug] for slug in item["topics"] if slug in topics]
                )
        if not Event.objects.exists():
            today = timezone.localdate()
            for item in data["events"]:
                event = Event(
                    starts_at=at(today, item["day"], item["start"]),
                    ends_at=item["end"] and at(today, item["day"], item["end"]),
                    accreditation_required=item["accreditation"],
                )
                for name in ("title", "place", "description"):
                    for code, text in item[name].items():
                        setattr(event, f"{name}_{code}", text)
                event.save()
        self.stdout.write("Demo press desk and events: loaded.")
