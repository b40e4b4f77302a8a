"""The demo's press officers and events (``journalists.toml``)."""

import datetime

from django.db import transaction
from django.utils import timezone

from pressroom.demo import translated
from pressroom.desk.models import PressOfficer
from pressroom.events.models import Event
from pressroom.models import PressRelease, Topic


def at(today, day, clock):
    """`clock` ("11:00") `day` days from `today`, in the site's time zone."""
    moment = datetime.datetime.combine(
        today + datetime.timedelta(days=day), datetime.time.fromisoformat(clock)
    )
    return timezone.make_aware(moment)


def name_press_contacts():
    """Give each release without a press contact the first officer who covers
    one of its topics: done once, with the officers, so a contact staff change
    or take off later stays as they left it."""
    officers = list(PressOfficer.objects.prefetch_related("topics"))
    covered = [(officer, set(officer.topics.all())) for officer in officers]
    releases = PressRelease.objects.filter(press_contact__isnull=True)
    for release in releases.prefetch_related("topics"):
        topics = set(release.topics.all())
        officer = next((who for who, own in covered if own & topics), None)
        if officer is not None:
            release.press_contact = officer
            # Saved, not updated in bulk: the release's cached pages follow.
            release.save(update_fields=["press_contact"])


@transaction.atomic
def load(data):
    """Officers into a site without any, events likewise: neither has a natural
    key, so a site that has some keeps what staff made of them."""
    if not PressOfficer.objects.exists():
        topics = {topic.slug: topic for topic in Topic.objects.all()}
        for position, item in enumerate(data["officer"]):
            officer = PressOfficer.objects.create(
                phone=item["phone"],
                email=item["email"],
                position=position,
                **translated("name", item["name"]),
                **translated("role", item["role"]),
            )
            officer.topics.set(
                [topics[slug] for slug in item["topics"] if slug in topics]
            )
        name_press_contacts()
    if not Event.objects.exists():
        today = timezone.localdate()
        for item in data["event"]:
            Event.objects.create(
                starts_at=at(today, item["day"], item["start"]),
                ends_at=at(today, item["day"], item["end"]) if "end" in item else None,
                accreditation_required=item["accreditation"],
                **translated("title", item["title"]),
                **translated("place", item["place"]),
                **translated("description", item["description"]),
            )
    return "Demo press desk and events: loaded."
