"""A subscriber's whole life, through the pages, a real worker and a real SMTP server.

Subscribe, confirm, receive on publication and at a scheduled time, exactly once
however often the task runs, unsubscribe in one click.
"""

import datetime
import re
import time
from http import HTTPStatus

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pressroom.alerts.models import Delivery, Dispatch, Subscription
from pressroom.alerts.tasks import announce, catch_up
from pressroom.models import PressRelease
from tests.conftest import run_worker
from tests.pressroom.factories import make_release, make_subscription, make_topic

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r"https?://\S+/(?:confirm|manage|unsubscribe)/[^\s/]+/")


def link_in(message, kind):
    text = message.get_body(("plain",)).get_content()
    return next(url for url in LINK.findall(text) if f"/{kind}/" in url)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def subscribe(client, email, language="ru", **data):
    return client.post(
        f"/{language}/subscribe/",
        {"email": email, "language": language, "scope": "all", **data},
    )


def confirm(client, smtp_inbox, address):
    (message,) = smtp_inbox.to(address)
    url = link_in(message, "confirm")
    response = client.post(path_of(url))
    assert response.status_code == HTTPStatus.OK
    return message


def test_a_subscription_is_stored_only_once_confirmed(client, smtp_inbox):
    response = subscribe(client, "Reader@Example.ORG", "fa")

    assert response.status_code == HTTPStatus.OK
    assert "private" in response["Cache-Control"]
    assert not Subscription.objects.exists()
    run_worker()
    (message,) = smtp_inbox.to("Reader@example.org")
    assert message["Content-Language"] == "fa"
    url = link_in(message, "confirm")
    assert "/fa/subscribe/confirm/" in url

    # Opening the link (a mail scanner does too) changes nothing; the button does.
    assert client.get(path_of(url)).status_code == HTTPStatus.OK
    assert not Subscription.objects.exists()
    assert client.post(path_of(url)).status_code == HTTPStatus.OK

    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language) == ("Reader@example.org", "fa")
    assert subscription.everything
    # The confirmation task keeps no address in the queue once done.
    assert "example.org" not in str(
        list(DBTaskResult.objects.values_list("args_kwargs", flat=True))
    )


def test_publishing_sends_each_subscriber_one_message_in_their_language(
    client, smtp_inbox
):
    for address, language in [("ru@example.org", "ru"), ("fa@example.org", "fa")]:
        subscribe(client, address, language)
    run_worker()
    confirm(client, smtp_inbox, "ru@example.org")
    confirm(client, smtp_inbox, "fa@example.org")
    smtp_inbox.messages.clear()

    published = timezone.make_aware(datetime.datetime(2025, 4, 9, 14, 5))
    release = make_release(status=PressRelease.Status.DRAFT, published_at=published)
    run_worker()
    assert smtp_inbox.messages == []  # a draft announces nothing
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    run_worker()

    (russian,) = smtp_inbox.to("ru@example.org")
    (persian,) = smtp_inbox.to("fa@example.org")
    assert russian["Subject"].strip() == release.title_ru
    assert persian["Subject"].strip() == release.title_fa
    text = persian.get_body(("plain",)).get_content()
    assert "چهارشنبه ۲۰ فروردین ۱۴۰۴، ساعت ۱۴:۰۵" in text  # the Jalali calendar
    assert "среда, 9 апреля 2025, 14:05" in russian.get_body(("plain",)).get_content()
    html = persian.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html and release.title_fa in html
    for message in (russian, persian):
        unsubscribe = link_in(message, "unsubscribe")
        assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link_in(message, "manage")
    assert Dispatch.objects.count() == 3  # ru, fa, en (no subscriber in en)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_a_scheduled_release_is_sent_when_its_time_comes(client, smtp_inbox):
    make_subscription(email="early@example.org")
    release = make_release(published_at=timezone.now() + datetime.timedelta(seconds=2))

    run_worker()
    assert smtp_inbox.messages == []
    time.sleep(2.2)
    run_worker()

    (message,) = smtp_inbox.to("early@example.org")
    assert message["Subject"].strip() == release.title_ru


def test_a_rescheduled_release_is_sent_at_its_new_time_only(client, smtp_inbox):
    make_subscription(email="patient@example.org")
    release = make_release(published_at=timezone.now() + datetime.timedelta(seconds=1))
    release.published_at = timezone.now() + datetime.timedelta(days=1)
    release.save()

    time.sleep(1.2)
    run_worker()  # the first task runs, finds the release not public yet

    assert smtp_inbox.messages == []
    assert not Dispatch.objects.exists()


def test_the_sweep_announces_a_release_whose_task_was_lost(client, smtp_inbox):
    make_subscription(email="safety@example.org")
    make_release()
    DBTaskResult.objects.all().delete()

    catch_up()
    catch_up()

    assert len(smtp_inbox.to("safety@example.org")) == 1


def test_running_the_announcement_again_sends_nothing_twice(client, smtp_inbox):
    for _ in range(3):
        make_subscription()
    release = make_release(languages=("ru",))
    run_worker()
    announce.enqueue(release.pk)
    announce.enqueue(release.pk)
    run_worker()
    catch_up()

    assert len(smtp_inbox.messages) == 3
    assert sorted(m["To"] for m in smtp_inbox.messages) == sorted(
        Subscription.objects.values_list("email", flat=True)
    )


def test_only_chosen_topics_reach_a_subscriber_who_chose(client, smtp_inbox):
    culture, sport = make_topic(), make_topic()
    subscribe(
        client,
        "culture@example.org",
        scope="chosen",
        interests=[f"topic:{culture.pk}"],
    )
    run_worker()
    confirm(client, smtp_inbox, "culture@example.org")
    smtp_inbox.messages.clear()

    make_release(topics=[sport])
    wanted = make_release(topics=[culture, sport])
    run_worker()

    (message,) = smtp_inbox.to("culture@example.org")
    assert message["Subject"].strip() == wanted.title_ru


def test_one_click_unsubscribe_ends_the_subscription(client, smtp_inbox):
    make_subscription(email="leaving@example.org")
    make_release()
    run_worker()
    (message,) = smtp_inbox.to("leaving@example.org")
    url = message["List-Unsubscribe"].strip().strip("<>")

    # What a mail program sends for RFC 8058's one-click unsubscribe.
    response = client.post(path_of(url), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == HTTPStatus.OK
    assert not Subscription.objects.filter(email="leaving@example.org").exists()
    # Sent again (a retrying mail program), it is still a kind 200.
    assert client.post(path_of(url)).status_code == HTTPStatus.OK

    make_release()
    run_worker()
    assert len(smtp_inbox.to("leaving@example.org")) == 1
    assert Delivery.objects.filter(status="sent").count() == 1


def test_managing_the_subscription_changes_what_arrives(client, smtp_inbox):
    topic = make_topic()
    make_subscription(email="choosy@example.org")
    make_release(languages=("ru",))
    run_worker()
    (message,) = smtp_inbox.to("choosy@example.org")
    manage = path_of(link_in(message, "manage"))

    assert client.get(manage).status_code == HTTPStatus.OK
    response = client.post(
        manage, {"scope": "chosen", "interests": [f"topic:{topic.pk}"]}
    )
    assert response.status_code == HTTPStatus.OK
    assert Subscription.objects.get().interests == [f"topic:{topic.pk}"]

    make_release(languages=("ru",))  # not on the topic
    run_worker()
    assert len(smtp_inbox.to("choosy@example.org")) == 1


def test_unsubscribed_before_sending_gets_nothing(client, smtp_inbox):
    subscription = make_subscription(email="quick@example.org")
    release = make_release(languages=("ru",))
    from pressroom.alerts.sending import announce_release

    announce_release(release.pk)
    subscription.delete()
    run_worker()

    assert smtp_inbox.messages == []
    assert Delivery.objects.get().status == "cancelled"


def test_a_long_lead_arrives_whole_with_every_subscribers_own_links(client, smtp_inbox):
    """A lead of one long paragraph: each line stays within SMTP's limit as it
    is, so nothing is re-encoded (quoted-printable would break the message's
    lines wherever they reach 76 characters, through the stand-ins of each
    subscriber's own links too)."""
    make_subscription(email="long@example.org")
    lead = " ".join(["Город продолжает программу благоустройства дворов."] * 40)
    make_release(languages=("ru",), lead_ru=lead)
    run_worker()

    (message,) = smtp_inbox.to("long@example.org")
    for kind in ("plain", "html"):
        part = message.get_body((kind,))
        assert part["Content-Transfer-Encoding"] == "8bit", kind
        assert " ".join(part.get_content().split()).count(lead) == 1, kind
    assert link_in(message, "manage") and link_in(message, "unsubscribe")
