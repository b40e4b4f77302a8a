"""Bad input on the subscription pages: clear 4xx answers, nothing stored or sent."""

import time
from http import HTTPStatus

import pytest
from django.core import signing
from django_tasks_db.models import DBTaskResult

from pressroom.alerts import tokens
from pressroom.alerts.models import Subscription
from pressroom.alerts.tasks import send_confirmation
from tests.pressroom.factories import make_subscription

pytestmark = pytest.mark.django_db


def confirmations():
    return DBTaskResult.objects.filter(task_path=send_confirmation.module_path)


def post(client, email, ip="198.51.100.7", **data):
    return client.post(
        "/en/subscribe/",
        {"email": email, "language": "en", "scope": "all", **data},
        REMOTE_ADDR=ip,
    )


@pytest.mark.parametrize(
    "address",
    [
        "",
        "not-an-address",
        "two@@example.org",
        "reader@example.org\r\nBcc: victim@example.com",
        "reader@example.org,other@example.org",
        '"><script>alert(1)</script>@example.org',
        "a" * 250 + "@example.org",
        "reader@localhost",
    ],
)
def test_a_malformed_or_hostile_address_is_refused_with_400(client, address):
    response = post(client, address)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert b"<script>alert" not in response.content
    assert "no-store" in response["Cache-Control"]
    assert not confirmations().exists()
    assert not Subscription.objects.exists()


def test_choosing_nothing_to_receive_is_refused(client):
    response = post(client, "reader@example.org", scope="chosen")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not confirmations().exists()


def test_unknown_interests_and_languages_are_refused(client):
    for data in (
        {"scope": "chosen", "interests": ["topic:999999"]},
        {"language": "xx"},
    ):
        response = post(client, "reader@example.org", **data)
        assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not confirmations().exists()


def test_a_flood_from_one_client_is_held_at_the_limit(client):
    answers = [post(client, f"reader{n}@example.org").status_code for n in range(12)]

    assert answers[:10] == [HTTPStatus.OK] * 10
    assert answers[10:] == [HTTPStatus.TOO_MANY_REQUESTS] * 2
    assert confirmations().count() == 10
    # Another client is not held back.
    assert post(client, "else@example.org", ip="203.0.113.9").status_code == 200


def test_a_client_cannot_escape_the_limit_by_writing_its_own_forwarded_address(
    client, settings
):
    """Behind the balancer, X-Forwarded-For counts only on the balancer's own
    connections, as for sign-in lock-outs: anyone else could write any address."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    answers = [
        client.post(
            "/en/subscribe/",
            {"email": f"reader{n}@example.org", "language": "en", "scope": "all"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(12)
    ]

    assert answers[10:] == [HTTPStatus.TOO_MANY_REQUESTS] * 2
    # Through the balancer, each client is counted apart.
    through_balancer = client.post(
        "/en/subscribe/",
        {"email": "else@example.org", "language": "en", "scope": "all"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.50",
    )
    assert through_balancer.status_code == HTTPStatus.OK


def test_one_address_gets_at_most_three_confirmation_messages_a_day(client):
    answers = [
        post(client, "Target@Example.org", ip=f"203.0.113.{n}").status_code
        for n in range(5)
    ]

    assert answers == [200, 200, 200, 429, 429]
    assert confirmations().count() == 3


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(client):
    response = post(client, "robot@example.org", website="http://spam.example")

    assert response.status_code == HTTPStatus.OK
    assert not confirmations().exists()


def confirm_path(token, language="en"):
    return f"/{language}/subscribe/confirm/{token}/"


def test_a_tampered_confirmation_link_is_refused(client):
    token = tokens.confirmation_token("reader@example.org", "en", True, [])
    _payload, _sep, signature = token.partition(":")
    forged = signing.b64_encode(b'{"e":"victim@example.org","l":"en","a":true,"i":[]}')
    forged = f"{forged.decode()}:{signature}"
    cut = token[:-5]

    for bad in (forged, cut, "nonsense", "a" * 5000):
        assert client.post(confirm_path(bad)).status_code == HTTPStatus.BAD_REQUEST
    assert not Subscription.objects.exists()


def test_a_link_signed_for_another_purpose_is_refused(client):
    subscription = make_subscription()
    manage = tokens.subscription_token(subscription)
    other = signing.dumps({"e": "x@example.org"}, salt="something.else")

    for bad in (manage, other):
        assert client.post(confirm_path(bad)).status_code == HTTPStatus.BAD_REQUEST


def test_an_expired_confirmation_link_is_gone(client, settings):
    settings.ALERTS_CONFIRMATION_DAYS = 0
    token = tokens.confirmation_token("late@example.org", "en", True, [])
    time.sleep(1.1)

    response = client.post(confirm_path(token))

    assert response.status_code == HTTPStatus.GONE
    assert not Subscription.objects.exists()


def test_a_used_link_cannot_subscribe_again_after_unsubscribing(client):
    token = tokens.confirmation_token("reader@example.org", "en", True, [])
    assert client.post(confirm_path(token)).status_code == HTTPStatus.OK
    # Confirming twice is harmless and says so.
    assert client.post(confirm_path(token)).status_code == HTTPStatus.OK
    subscription = Subscription.objects.get()
    unsubscribe = (
        f"/en/subscribe/unsubscribe/{tokens.subscription_token(subscription)}/"
    )
    assert client.post(unsubscribe).status_code == HTTPStatus.OK

    replayed = client.post(confirm_path(token))

    assert replayed.status_code == HTTPStatus.GONE
    assert not Subscription.objects.exists()


def test_a_new_confirmation_replaces_the_choices_and_the_old_links(client):
    first = tokens.confirmation_token("reader@example.org", "en", True, [])
    client.post(confirm_path(first))
    old = tokens.subscription_token(Subscription.objects.get())
    second = tokens.confirmation_token("READER@example.org", "en", False, ["topic:1"])

    client.post(confirm_path(second))

    subscription = Subscription.objects.get()
    assert (subscription.everything, subscription.interests) == (False, ["topic:1"])
    assert client.get(f"/en/subscribe/manage/{old}/").status_code == HTTPStatus.GONE


@pytest.mark.parametrize("kind", ["manage", "unsubscribe"])
def test_bad_manage_and_unsubscribe_links_are_refused(client, kind):
    subscription = make_subscription()
    good = tokens.subscription_token(subscription)
    key, _sep, signature = good.partition(":")

    assert (
        client.get(f"/ru/subscribe/{kind}/{key}:{signature[::-1]}/").status_code == 400
    )
    assert client.get(f"/ru/subscribe/{kind}/{key}/").status_code == 400
    assert client.post(f"/ru/subscribe/{kind}/x/").status_code == 400
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_subscription_pages_answer_only_get_head_and_post(client):
    assert client.put("/ru/subscribe/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.delete("/ru/subscribe/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_pages_behind_signed_links_are_never_stored_indexed_or_referred(client):
    """They show a person's address, and their link is the credential."""
    subscription = make_subscription()
    own = tokens.subscription_token(subscription)
    confirm = tokens.confirmation_token("new@example.org", "fa", True, [])

    for path in (
        f"/fa/subscribe/confirm/{confirm}/",
        f"/ru/subscribe/manage/{own}/",
        f"/ru/subscribe/unsubscribe/{own}/",
    ):
        response = client.get(path)
        assert response.status_code == HTTPStatus.OK, path
        assert {"private", "no-store"} <= {
            part.strip() for part in response["Cache-Control"].split(",")
        }, path
        assert response["X-Robots-Tag"] == "noindex", path
        assert response["Referrer-Policy"] == "no-referrer", path
