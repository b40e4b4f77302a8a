"""Restoring a version after the lead image was replaced never points at files
that are gone: the release keeps the image it has, and the page says so."""

from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from reversion.models import Version

from pressroom import roles
from pressroom.models import PressRelease

from .admin_client import logged_in, make_member
from .factories import change_url, confirm_publishing, form_data, make_release, photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def publisher(groups):
    return logged_in(make_member(roles.PUBLISHERS, username="publisher"))


def submit(client, release, **changes):
    data = form_data(client.get(change_url(release)))
    data.update(changes)
    response = client.post(change_url(release), data)
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    return Version.objects.get_for_object(release).first()


def all_stored(release):
    names = [release.image.name, *(item["name"] for item in release.image_renditions)]
    return all(default_storage.exists(name) for name in names)


@pytest.fixture
def replaced(publisher, django_capture_on_commit_callbacks):
    """A release saved with a green photo, then a red one (the green's files go)."""
    release = make_release(status=PressRelease.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        green = submit(
            publisher,
            release,
            image=photo(size=(1300, 700), color=(11, 92, 74)),
            lead_ru="Первый",
        )
        green_name = release.image.name
        submit(
            publisher,
            release,
            image=photo(size=(1300, 700), color=(200, 30, 30)),
            lead_ru="Второй",
        )
    assert not default_storage.exists(green_name)
    return release, green


def test_restoring_keeps_the_current_image_and_says_so(
    publisher, replaced, django_capture_on_commit_callbacks
):
    release, green = replaced
    red = (release.image.name, release.image_renditions)
    url = reverse("admin:pressroom_pressrelease_revision", args=[release.pk, green.pk])
    page = publisher.get(url)
    assert page.status_code == HTTPStatus.OK
    assert "сохраняет изображение" in page.content.decode()
    assert red[1][0]["name"] in page.content.decode()  # the preview shows it
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher.post(url, form_data(page))
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.lead_ru == "Первый"  # the version's text is back
    assert (release.image.name, release.image_renditions) == red
    assert all_stored(release)
    html = publisher.get(release.get_absolute_url("ru")).content.decode()
    assert red[1][0]["name"] in html


def test_recovering_a_release_whose_image_is_gone_recovers_it_without_one(
    publisher, replaced, django_capture_on_commit_callbacks
):
    release, _green = replaced
    pk = release.pk
    with django_capture_on_commit_callbacks(execute=True):
        delete_url = reverse("admin:pressroom_pressrelease_delete", args=[pk])
        assert publisher.post(delete_url, {"post": "yes"}).status_code == 302
    version = Version.objects.get_deleted(PressRelease).get(object_id=str(pk))
    url = reverse("admin:pressroom_pressrelease_recover", args=[version.pk])
    page = publisher.get(url)
    assert "без изображения" in page.content.decode()
    # Recovering a published release is a publication: confirmed first.
    response = confirm_publishing(publisher, publisher.post(url, form_data(page)))
    assert response.status_code == HTTPStatus.FOUND
    release = PressRelease.objects.get(pk=pk)
    assert not release.image and release.image_renditions == []


def test_a_version_whose_image_is_there_gets_its_renditions_again(
    publisher, django_capture_on_commit_callbacks
):
    release = make_release(status=PressRelease.Status.PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(
            publisher,
            release,
            image=photo(size=(1300, 700), color=(11, 92, 74)),
            lead_ru="Первый",
        )
    for item in release.image_renditions:
        default_storage.delete(item["name"])
    submit(publisher, release, lead_ru="Второй")
    url = reverse("admin:pressroom_pressrelease_revision", args=[release.pk, first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = publisher.post(url, form_data(publisher.get(url)))
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.lead_ru == "Первый"
    assert release.image_renditions and all_stored(release)
