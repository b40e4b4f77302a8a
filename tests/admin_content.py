"""One of everything the admin shows, for the tests that walk or look at every
admin page: releases (published, draft, deleted) with a history, a topic, an
attachment, partner cities, an event, a press officer, an accreditation request,
a subscription and a sent alert."""

import reversion
from django.utils import timezone

from pressroom import roles
from pressroom.alerts.models import Delivery, Dispatch
from pressroom.desk.models import AccreditationRequest
from pressroom.models import PressRelease
from tests.cities import factories as city_factories
from tests.pressroom.factories import (
    make_attachment,
    make_event,
    make_image,
    make_officer,
    make_release,
    make_subscription,
    make_topic,
)


def make_content():
    """One of everything the admin shows, with a history to compare."""
    roles.ensure_groups()
    topic = make_topic()
    with reversion.create_revision():
        published = make_release(topics=[topic], image=make_image())
    make_attachment(published)
    with reversion.create_revision():
        published.title_ru += " (исправлено)"
        published.save()
    with reversion.create_revision():
        make_release(status=PressRelease.Status.DRAFT, published_at=None)
    with reversion.create_revision():
        gone = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    gone.delete()  # in the deleted releases' list
    home = city_factories.make_home()
    partner = city_factories.make_isfahan()
    partnership = city_factories.make_partnership(partner, releases=[published])
    city_factories.make_signatory(partnership)
    event = make_event(releases=[published])
    make_officer(topics=[topic])
    AccreditationRequest.objects.create(
        name="Иван Петров",
        outlet="Вечерняя Казань",
        email="ivan@example.org",
        language="ru",
        event=event,
    )
    subscription = make_subscription()
    dispatch = Dispatch.objects.create(release=published, language="ru", recipients=1)
    Delivery.objects.create(
        dispatch=dispatch,
        subscription=subscription,
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
    )
    return {
        "release": published,
        "home": home,
        "partnership": partnership,
        "event": event,
        "topic": topic,
    }
