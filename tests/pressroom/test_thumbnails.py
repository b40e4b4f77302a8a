"""Thumbnails of the lead image and image attachments in the admin."""

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pressroom import roles
from pressroom.models import PressRelease

from .admin_client import logged_in, make_member
from .factories import (
    change_url,
    changelist_url,
    make_attachment,
    make_image,
    make_release,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def groups(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    roles.ensure_groups()


def thumbnails(html, kind):
    return re.findall(
        rf'<img src="([^"]+)"[^>]*class="thumbnail thumbnail-{kind}"', html
    )


@pytest.mark.parametrize("role", [roles.EDITORS, roles.TRANSLATORS])
def test_the_change_form_shows_the_lead_image_and_image_attachments(role):
    release = make_release(image=make_image(size=(1300, 700)))
    make_attachment(release, file=make_image("scheme.png"))
    make_attachment(release)  # a PDF: no picture
    client = logged_in(make_member(role))
    html = client.get(change_url(release)).content.decode()
    smallest = min(release.image_renditions, key=lambda item: item["width"])
    assert thumbnails(html, "form") == [f"/media/{smallest['name']}"]
    attached = thumbnails(html, "attachment")
    assert len(attached) == 1 and attached[0].endswith(".png")


def test_the_list_shows_each_lead_image_with_a_constant_number_of_queries():
    client = logged_in(make_member(roles.PUBLISHERS))
    make_release(image=make_image())

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(changelist_url(PressRelease))
        assert response.status_code == HTTPStatus.OK
        return len(queries), response.content.decode()

    count()  # the first reads the content types, which Django keeps afterwards
    few, html = count()
    assert len(thumbnails(html, "list")) == 1
    for _number in range(5):
        make_release(image=make_image())
    make_release()  # no image: a dash
    many, html = count()
    assert len(thumbnails(html, "list")) == 6
    assert many == few
