"""Files from upload to removal: written whole or not at all, checked by their
bytes, rebuilt when replaced, removed with what they belonged to."""

import io
import os
import resource
import signal
import zipfile
from contextlib import contextmanager
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from PIL import Image

from pressroom.models import Attachment, PressRelease
from pressroom.shell.middleware import STORAGE_FAILURE

from .factories import (
    change_url,
    form_data,
    make_attachment,
    make_image,
    make_release,
    make_user,
    photo,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def superuser():
    client = Client()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def stored(media):
    """Every file under the media folder, hidden ones included."""
    return sorted(
        str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()
    )


def post_change(client, obj, **changes):
    data = form_data(client.get(change_url(obj)))
    data.update(changes)
    return client.post(change_url(obj), data)


# Replacing and deleting


def test_replacing_the_photo_rebuilds_its_renditions_and_removes_the_old_files(
    superuser, media, django_capture_on_commit_callbacks
):
    release = make_release(image=make_image(size=(1300, 700)))
    old = [release.image.name, *(item["name"] for item in release.image_renditions)]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(superuser, release, image=photo(color=(200, 30, 30)))
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    base = os.path.splitext(release.image.name)[0]
    assert release.image_renditions
    assert all(item["name"].startswith(base) for item in release.image_renditions)
    files = stored(media)
    assert not set(old) & set(files), "the old photo or renditions are still there"
    assert release.image.name in files
    # Readers get the new photo in every size.
    html = Client().get(release.get_absolute_url("ru")).content.decode()
    for item in release.image_renditions:
        assert item["name"] in html
    for name in old:
        assert name not in html


def test_removing_the_photo_removes_its_renditions(
    superuser, media, django_capture_on_commit_callbacks
):
    release = make_release(image=make_image(size=(1300, 700)))
    with django_capture_on_commit_callbacks(execute=True):
        post_change(superuser, release, **{"image-clear": "on"})
    release.refresh_from_db()
    assert not release.image and release.image_renditions == []
    assert stored(media) == []


def test_deleting_an_attachment_removes_its_file(
    superuser, media, django_capture_on_commit_callbacks
):
    release = make_release()
    attachment = make_attachment(release)
    assert stored(media) == [attachment.file.name]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(superuser, release, **{"attachments-0-DELETE": "on"})
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.exists()
    assert stored(media) == []


def test_deleting_a_release_removes_every_file_of_it(
    superuser, media, django_capture_on_commit_callbacks
):
    release = make_release(
        image=make_image(size=(1300, 700)), status=PressRelease.Status.DRAFT
    )
    make_attachment(release)
    assert len(stored(media)) == 5
    delete = change_url(release).replace("/change/", "/delete/")
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser.post(delete, {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert stored(media) == []


# A full disk


@contextmanager
def disk_full_after(size):
    """Writes past `size` bytes fail as on a full disk (EFBIG), for real."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_an_upload_the_disk_cannot_hold_leaves_nothing_behind(superuser, media):
    release = make_release(title_ru="Старый заголовок")
    big = photo(size=(1200, 900), noise=True)
    assert big.size > 200_000
    with disk_full_after(100_000):
        response = post_change(
            superuser, release, title_ru="Новый заголовок", image=big
        )
    assert response.status_code == HTTPStatus.OK
    with translation.override("ru"):
        reason = str(STORAGE_FAILURE)
    form = response.context["adminform"].form
    assert reason in form.non_field_errors()
    # The only error: nothing wrong is said of the photo itself.
    assert list(form.errors) == ["__all__"], form.errors
    assert stored(media) == []
    release.refresh_from_db()
    assert release.title_ru == "Старый заголовок" and not release.image
    # Once there is room again, the same photo goes in.
    big.seek(0)
    response = post_change(superuser, release, image=big)
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.image and len(release.image_renditions) == 3


def test_files_stored_before_the_disk_filled_are_removed_too(superuser, media):
    """The photo fits, the document after it does not: neither stays."""
    release = make_release()
    data = form_data(superuser.get(change_url(release)))
    data |= {
        "image": photo(size=(600, 400)),
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title_ru": "Отчёт",
        "attachments-0-position": "0",
        "attachments-0-file": SimpleUploadedFile(
            "report.pdf", b"%PDF-1.4\n" + os.urandom(300_000)
        ),
    }
    with disk_full_after(200_000):
        response = superuser.post(change_url(release), data)
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["adminform"].form.errors) == ["__all__"]
    formset = response.context["inline_admin_formsets"][0].formset
    assert not any(formset.errors), formset.errors
    assert stored(media) == []
    assert not Attachment.objects.exists()


# Content by its bytes


def office_zip(kind="word"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{kind}/document.xml", "<document/>")
    return buffer.getvalue()


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    return buffer.getvalue()


HTML = b"<!doctype html><html><script>alert(document.cookie)</script></html>"


def attach(client, release, name, content):
    data = form_data(client.get(change_url(release)))
    data |= {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title_ru": "Документ",
        "attachments-0-position": "0",
        "attachments-0-file": SimpleUploadedFile(name, content, "application/pdf"),
    }
    return client.post(change_url(release), data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("statement.pdf", HTML),
        ("photo.png", HTML),
        ("photo.jpg", png()),
        ("agreement.docx", HTML),
        ("agreement.doc", b"%PDF-1.4\n"),
        ("notes.txt", HTML),
        ("table.csv", b"  <svg onload=alert(1)>"),
        ("archive.zip", b"MZ\x90\x00" + bytes(200)),
        ("notes.txt", b"MZ\x90\x00" + bytes(200)),
    ],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused(
    superuser, media, name, content
):
    release = make_release()
    response = attach(superuser, release, name, content)
    assert response.status_code == HTTPStatus.OK, name
    formset = response.context["inline_admin_formsets"][0].formset
    codes = [error.code for error in formset.forms[0].errors.as_data()["file"]]
    assert codes == ["attachment_content"], name
    assert not Attachment.objects.exists()
    assert stored(media) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("statement.pdf", b"%PDF-1.7\n" + bytes(100)),
        ("photo.png", png()),
        ("agreement.docx", office_zip()),
        ("table.xlsx", office_zip("xl")),
        ("notes.txt", "Пресс-служба, Казань\n".encode()),
        ("table.csv", "дата;число\n2025-04-01;12\n".encode("cp1251")),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}"),
    ],
)
def test_a_file_that_is_what_its_name_says_is_attached(superuser, media, name, content):
    release = make_release()
    response = attach(superuser, release, name, content)
    assert response.status_code == HTTPStatus.FOUND, name
    assert Attachment.objects.get().file.name.endswith(name.rsplit(".", 1)[1])
