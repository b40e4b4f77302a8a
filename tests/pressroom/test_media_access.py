"""Who may download a release's photo, its renditions and its documents: anyone
once it is public, staff (or a preview link's holder) before, nobody once the
file belongs to no release."""

import datetime
import re
import time
from http import HTTPStatus
from urllib.parse import unquote, urlencode

import pytest
from django.test import Client
from django.utils import timezone

from pressroom.models import PressRelease, PreviewLink
from pressroom.shell.media import signature

from .factories import ago, make_attachment, make_image, make_release, make_staff

pytestmark = pytest.mark.django_db

PUBLIC_CACHING = "public, max-age=31536000, immutable"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "http://testserver"


def release_with_files(**kwargs):
    release = make_release(image=make_image(size=(1300, 700)), **kwargs)
    attachment = make_attachment(release)
    return release, attachment


def files_of(release, attachment):
    """The address of every file of the release."""
    names = [release.image.name, attachment.file.name]
    names += [item["name"] for item in release.image_renditions]
    assert len(names) >= 4  # the image, its renditions, the document
    return [f"/media/{name}" for name in names]


def staff_client():
    client = Client()
    client.force_login(make_staff())
    return client


def test_a_published_releases_files_are_public_and_cached_long(client):
    release, attachment = release_with_files()
    for url in files_of(release, attachment):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert response["Cache-Control"] == PUBLIC_CACHING


@pytest.mark.parametrize(
    "state",
    [
        {"status": PressRelease.Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
        {"status": PressRelease.Status.WITHDRAWN, "published_at": ago(days=2)},
    ],
    ids=["draft", "scheduled", "withdrawn"],
)
def test_files_of_a_release_that_is_not_public_are_for_staff_only(client, state):
    release, attachment = release_with_files(**state)
    staff = staff_client()
    for url in files_of(release, attachment):
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url
        response = staff.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert response["Cache-Control"] == "private, no-store"


def test_publishing_makes_the_files_public(client):
    release, attachment = release_with_files(status=PressRelease.Status.DRAFT)
    url = f"/media/{attachment.file.name}"
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    assert client.get(url).status_code == HTTPStatus.OK


def test_a_deleted_attachment_is_gone_at_once(client):
    _release, attachment = release_with_files()
    url = f"/media/{attachment.file.name}"
    assert client.get(url).status_code == HTTPStatus.OK
    attachment.delete()
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_a_withdrawn_releases_page_no_longer_shows_its_files(client):
    release, attachment = release_with_files(
        status=PressRelease.Status.WITHDRAWN, withdrawal_reason_en="Wrong figures."
    )
    html = client.get(release.get_absolute_url("en")).content.decode()
    assert "Wrong figures." in html
    assert release.image.name not in html
    assert attachment.file.name not in html
    staff_html = staff_client().get(release.get_absolute_url("en")).content.decode()
    assert attachment.file.name in staff_html


def preview_page(release, language="en", **link):
    preview = PreviewLink(release=release, language=language, **link)
    token = preview.issue_token()
    preview.save()
    return Client().get(preview.url(token)).content.decode()


def media_addresses(html):
    return sorted(
        {
            unquote(url).replace("&amp;", "&").replace("\\u0026", "&")
            for url in re.findall(r"/media/[^\s\"',]+", html)
        }
    )


def test_a_preview_links_page_carries_working_addresses_of_its_files(client):
    release, attachment = release_with_files(status=PressRelease.Status.DRAFT)
    addresses = media_addresses(preview_page(release))
    assert any(attachment.file.name in url for url in addresses)
    assert any(release.image.name in url for url in addresses)
    for url in addresses:
        assert "grant=" in url
        assert client.get(url).status_code == HTTPStatus.OK, url
        bare = url.split("?")[0]
        assert client.get(bare).status_code == HTTPStatus.NOT_FOUND, bare


def test_a_preview_grant_opens_only_its_own_file_and_only_until_it_expires(client):
    release, attachment = release_with_files(status=PressRelease.Status.DRAFT)
    _other, other_attachment = release_with_files(status=PressRelease.Status.DRAFT)
    addresses = media_addresses(preview_page(release))
    document = next(url for url in addresses if attachment.file.name in url)
    query = document.split("?")[1]
    # The same grant on another draft's file.
    assert client.get(f"/media/{other_attachment.file.name}?{query}").status_code == 404
    # A grant edited to last longer.
    until = int(re.search(r"until=(\d+)", query).group(1))
    longer = query.replace(f"until={until}", f"until={until + 86400}")
    assert client.get(f"{document.split('?')[0]}?{longer}").status_code == 404
    # A grant that was genuine, once: its time has passed.
    name = attachment.file.name
    until = int(time.time()) - 5
    expired = urlencode({"until": until, "grant": signature(name, until)})
    assert client.get(f"/media/{name}?{expired}").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["releases/2025/04/no-such-photo-1a2b3c4d.jpg", "attachments/2025/04/x.pdf"],
)
def test_a_release_file_that_no_release_has_is_not_found(client, tmp_path, path):
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_bytes(b"%PDF-1.4\n")
    assert client.get(f"/media/{path}").status_code == HTTPStatus.NOT_FOUND
