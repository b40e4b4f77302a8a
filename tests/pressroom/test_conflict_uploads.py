"""Files chosen in a save that stops at the conflict page are kept: saved with
the person's choices, never to be chosen again."""

from http import HTTPStatus

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from pressroom import roles
from pressroom.admin import staged_uploads
from pressroom.models import Attachment, PressRelease

from .admin_client import carried, choices_of, logged_in, make_member, open_form, save
from .factories import change_url, make_release, photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def people(groups):
    return {
        name: logged_in(make_member(roles.EDITORS, username=name))
        for name in ("editor", "colleague")
    }


def test_a_new_lead_image_and_attachment_survive_the_conflict_page(people):
    release = make_release(lead_ru="Вводка.")
    editor_form = open_form(people["editor"], release)
    colleague_form = open_form(people["colleague"], release)
    save(people["colleague"], release, colleague_form, lead_ru="Вводка коллеги.")

    response = save(
        people["editor"],
        release,
        editor_form,
        lead_ru="Вводка редактора.",
        image=photo(size=(1300, 700), name="delegation.jpg"),
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_ru": "Программа визита",
            "attachments-0-position": "0",
            "attachments-0-file": SimpleUploadedFile(
                "programme.pdf", b"%PDF-1.4\n" + b"x" * 3000, "application/pdf"
            ),
        },
    )
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "delegation.jpg" in page and "programme.pdf" in page
    assert not PressRelease.objects.get(pk=release.pk).image
    back = carried(response)
    assert len(back[staged_uploads.FIELD]) == 2

    key = "_choose:lead_ru"
    response = people["editor"].post(
        change_url(release), {**back, key: choices_of(response)[key]["mine"]}
    )
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.lead_ru == "Вводка редактора."
    assert release.image and default_storage.exists(release.image.name)
    assert release.image_renditions
    attachment = Attachment.objects.get(release=release)
    assert attachment.title_ru == "Программа визита"
    assert default_storage.open(attachment.file.name).read().startswith(b"%PDF")
    # The stored copies went once saved where they belong.
    assert staged_files() == []


def staged_files(folder=staged_uploads.ROOT):
    if not default_storage.exists(folder):
        return []
    folders, files = default_storage.listdir(folder)
    found = [f"{folder}/{name}" for name in files]
    for name in folders:
        found += staged_files(f"{folder}/{name}")
    return found


def test_someone_elses_note_is_refused(people):
    release = make_release(lead_ru="Вводка.")
    editor_form = open_form(people["editor"], release)
    colleague_form = open_form(people["colleague"], release)
    save(people["colleague"], release, colleague_form, lead_ru="Вводка коллеги.")
    response = save(
        people["editor"],
        release,
        editor_form,
        lead_ru="Моя вводка.",
        image=photo(size=(1300, 700), name="delegation.jpg"),
    )
    assert response.status_code == HTTPStatus.CONFLICT
    back = carried(response)
    # The colleague posts the editor's note: a 400, and no file of theirs.
    response = people["colleague"].post(change_url(release), back)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not PressRelease.objects.get(pk=release.pk).image
