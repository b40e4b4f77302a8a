"""Uploads through the admin: bad files are clear form errors that keep what else
was typed; good files are stored under safe, unguessable names."""

import io
import re
import struct
import zlib
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pressroom import images
from pressroom.models import Attachment, PressRelease

from .admin_client import logged_in
from .factories import change_url, form_data, make_release, make_user

pytestmark = pytest.mark.django_db

SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+-[0-9a-f]{8}\.[a-z0-9]+$")


@pytest.fixture
def admin_client_ru(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return logged_in(make_user(is_staff=True, is_superuser=True))


def picture(fmt="JPEG", size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 92, 74)).save(buffer, fmt)
    return buffer.getvalue()


def png_header_only(width, height):
    """A small PNG file that claims width × height pixels (a decompression bomb)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_release(client, release, **changes):
    response = client.get(change_url(release))
    data = form_data(response)
    data.update(changes)
    return client.post(change_url(release), data)


def image_error(client, content, name="photo.jpg"):
    """Upload `content` as the release image; return (response, error codes)."""
    release = make_release(title_ru="Старый заголовок")
    response = post_release(
        client,
        release,
        title_ru="Заголовок, набранный вместе с картинкой",
        image=upload(name, content, "image/jpeg"),
    )
    assert response.status_code == HTTPStatus.OK, "the bad upload was accepted"
    form = response.context["adminform"].form
    # What else was typed is still in the form; nothing was saved.
    assert form["title_ru"].value() == "Заголовок, набранный вместе с картинкой"
    release.refresh_from_db()
    assert release.title_ru == "Старый заголовок"
    assert not release.image
    assert 'class="errornote"' in response.content.decode()
    return response, [error.code for error in form.errors.as_data()["image"]]


def test_a_text_file_posing_as_a_jpeg_is_refused(admin_client_ru):
    _response, codes = image_error(
        admin_client_ru, b"just some text, not a JPEG\n" * 20
    )
    assert codes == ["invalid_image"]


def test_an_oversized_image_is_refused(admin_client_ru):
    # A real JPEG, padded past the limit (readers' phones pay for every byte).
    content = picture() + b"\0" * (images.MAX_IMAGE_BYTES + 1)
    response, codes = image_error(admin_client_ru, content)
    assert codes == ["image_too_large"]
    assert "10" in response.content.decode()


def test_an_image_with_too_many_pixels_is_refused(admin_client_ru):
    # 8000 × 6000 = 48 Mpx: past our limit, below Pillow's own bomb threshold.
    _response, codes = image_error(
        admin_client_ru, png_header_only(8000, 6000), name="bomb.png"
    )
    assert codes == ["image_too_many_pixels"]


def test_a_decompression_bomb_is_refused(admin_client_ru):
    # 40000 × 40000 = 1.6 Gpx in a few hundred bytes.
    _response, codes = image_error(
        admin_client_ru, png_header_only(40000, 40000), name="bomb.png"
    )
    assert codes and set(codes) <= {"invalid_image", "image_too_many_pixels"}


def test_an_image_of_another_type_is_refused(admin_client_ru):
    _response, codes = image_error(admin_client_ru, picture("GIF"), name="anim.gif")
    assert codes == ["image_type"]


def test_a_good_image_is_stored_under_a_safe_name(admin_client_ru):
    release = make_release()
    response = post_release(
        admin_client_ru,
        release,
        image=upload("Фото Казани (1) <b>.JPG", picture(), "image/jpeg"),
    )
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    directory, _slash, name = release.image.name.rpartition("/")
    assert directory.startswith("releases/")
    assert SAFE_NAME.match(name), name
    assert name.endswith(".jpg")
    assert (release.image_width, release.image_height) == (64, 48)


def attachment_data(client, release, name, content):
    response = client.get(change_url(release))
    data = form_data(response)
    data.update(
        {
            "title_ru": "Заголовок, набранный вместе с файлом",
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_ru": "Соглашение",
            "attachments-0-position": "0",
            "attachments-0-file": upload(name, content),
        }
    )
    return data


def test_a_disallowed_attachment_type_is_refused(admin_client_ru):
    release = make_release(title_ru="Старый заголовок")
    for name in ("setup.exe", "page.html", "script.js", "no-extension"):
        data = attachment_data(admin_client_ru, release, name, b"MZ\x90\x00 binary")
        response = admin_client_ru.post(change_url(release), data)
        assert response.status_code == HTTPStatus.OK, name
        formset = response.context["inline_admin_formsets"][0].formset
        codes = [e.code for e in formset.forms[0].errors.as_data()["file"]]
        assert codes == ["attachment_type"], name
        assert (
            response.context["adminform"].form["title_ru"].value()
            == "Заголовок, набранный вместе с файлом"
        )
    assert not Attachment.objects.exists()
    release.refresh_from_db()
    assert release.title_ru == "Старый заголовок"


def test_an_oversized_attachment_is_refused(admin_client_ru, monkeypatch):
    # The real limit is 25 MB; a smaller one keeps the test quick.
    monkeypatch.setattr(images, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    release = make_release()
    data = attachment_data(
        admin_client_ru, release, "report.pdf", b"%PDF-1.4\n" + b"x" * (1024 * 1024)
    )
    response = admin_client_ru.post(change_url(release), data)
    assert response.status_code == HTTPStatus.OK
    formset = response.context["inline_admin_formsets"][0].formset
    codes = [e.code for e in formset.forms[0].errors.as_data()["file"]]
    assert codes == ["attachment_too_large"]
    assert not Attachment.objects.exists()


def test_a_good_attachment_is_stored_under_a_safe_name(admin_client_ru):
    release = make_release()
    data = attachment_data(
        admin_client_ru,
        release,
        "../../Отчёт за 2025 год.PDF",
        b"%PDF-1.4\n" + b"x" * 99,
    )
    response = admin_client_ru.post(change_url(release), data)
    assert response.status_code == HTTPStatus.FOUND
    attachment = PressRelease.objects.get(pk=release.pk).attachments.get()
    directory, _slash, name = attachment.file.name.rpartition("/")
    assert directory.startswith("attachments/")
    assert ".." not in attachment.file.name
    assert SAFE_NAME.match(name), name
    assert name.endswith(".pdf")
    assert attachment.size == 108
