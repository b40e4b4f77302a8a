"""The subscriber list and sending status: publishers only; CSV for the press office."""

import csv
import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from pressroom import roles
from pressroom.alerts.models import Delivery, Subscription
from pressroom.alerts.sending import announce_release
from tests.pressroom.admin_client import logged_in
from tests.pressroom.factories import (
    make_release,
    make_subscription,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/alerts/subscription/",
    "/admin/alerts/dispatch/",
    "/admin/alerts/delivery/",
]


def member(group):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("group", [roles.EDITORS, roles.TRANSLATORS])
def test_only_publishers_see_who_subscribed(client, groups, group):
    make_subscription(email="secret@example.org")
    client.force_login(member(group))

    for url in PAGES:
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
    assert b"secret@example.org" not in client.get("/admin/").content


def test_publishers_see_subscribers_and_how_sending_went(client, groups):
    make_subscription(email="one@example.org")
    make_subscription(email="two@example.org", everything=False, interests=["topic:1"])
    release = make_release(languages=("ru",))
    announce_release(release.pk)
    Delivery.objects.filter(subscription__email="one@example.org").update(status="sent")
    client.force_login(member(roles.PUBLISHERS))

    for url in PAGES:
        assert client.get(url).status_code == HTTPStatus.OK, url
    listing = client.get("/admin/alerts/dispatch/").content.decode()
    assert release.title_ru in listing
    assert client.get("/admin/alerts/subscription/add/").status_code == 403


def test_the_csv_export_reads_in_a_spreadsheet_and_runs_no_formula(client, groups):
    topic = make_topic(name_ru="Культура")
    make_subscription(email="reader@example.org", language="fa")
    make_subscription(
        email="=cmd@example.org", everything=False, interests=[f"topic:{topic.pk}"]
    )
    client.force_login(member(roles.PUBLISHERS))

    response = client.post(
        "/admin/alerts/subscription/",
        {
            "action": "export_csv",
            "_selected_action": list(Subscription.objects.values_list("pk", flat=True)),
        },
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3
    emails = {row[0] for row in rows[1:]}
    assert emails == {"reader@example.org", "'=cmd@example.org"}
    assert any("Культура" in row[2] for row in rows[1:])


def test_a_publisher_can_remove_a_subscriber(client, groups):
    subscription = make_subscription()
    client.force_login(member(roles.PUBLISHERS))

    client.post(
        f"/admin/alerts/subscription/{subscription.pk}/delete/", {"post": "yes"}
    )

    assert not Subscription.objects.exists()


def cells(html, *names):
    """The text of each cell of the list's first row in the columns `names`."""
    return [
        re.search(rf'<td class="field-{name}[^"]*">(.*?)</td>', html, re.S)[1].strip()
        for name in names
    ]


@pytest.mark.parametrize(
    ("language", "figures"),
    [("fa", ["۲", "۱", "۱", "۰"]), ("ru", ["2", "1", "1", "0"])],
)
def test_the_sending_figures_are_in_the_admins_digits(groups, language, figures):
    make_subscription()
    make_subscription()
    release = make_release(languages=("ru",))
    announce_release(release.pk)
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(
        status="sent", attempts=1
    )
    client = logged_in(member(roles.PUBLISHERS), language)

    dispatches = client.get("/admin/alerts/dispatch/").content.decode()
    assert cells(dispatches, "recipients", "sent", "waiting", "failed") == figures
    deliveries = client.get("/admin/alerts/delivery/?status=sent").content.decode()
    assert cells(deliveries, "attempts") == [figures[1]]
