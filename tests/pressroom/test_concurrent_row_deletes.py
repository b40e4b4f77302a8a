"""Deleting an inline row someone else changed after the form was opened: the
save stops with the choice page; nobody's edit is lost without a word."""

from http import HTTPStatus

import pytest

from pressroom.models import Attachment, PressRelease

from .admin_client import carried, choices_of, open_form, save
from .factories import change_url, make_attachment, make_release

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def deleted_after_a_change(people):
    """The editor deletes the attachment the translator translated meanwhile
    (and fixes the release's title in the same save): the choice page."""
    release = make_release(title_ru="Визит делегации")
    attachment = make_attachment(release, title_ru="Программа визита", title_fa="")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    response = save(
        people["translator"],
        release,
        translator_form,
        **{"attachments-0-title_fa": "برنامه سفر"},
    )
    assert response.status_code == HTTPStatus.FOUND
    response = save(
        people["editor"],
        release,
        editor_form,
        title_ru="Визит делегации Исфахана",
        **{"attachments-0-DELETE": "on"},
    )
    return release, attachment, response


def test_the_deletion_stops_at_the_choice_page(deleted_after_a_change):
    release, attachment, response = deleted_after_a_change
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "Тем временем изменено другим человеком" in page
    assert "Всё равно удалить" in page
    assert "برنامه سفر" in page  # what the other person saved, shown
    key = f"_choose:attachments-changed-{attachment.pk}"
    assert set(choices_of(response)[key]) == {"mine", "theirs"}
    # Nothing is saved yet: the row and its translation are there.
    attachment.refresh_from_db()
    assert attachment.title_fa == "برنامه سفر"
    assert PressRelease.objects.get(pk=release.pk).title_ru == "Визит делегации"


def test_keeping_the_row_keeps_the_other_persons_edit(people, deleted_after_a_change):
    release, attachment, response = deleted_after_a_change
    key = f"_choose:attachments-changed-{attachment.pk}"
    response = people["editor"].post(
        change_url(release),
        {**carried(response), key: choices_of(response)[key]["theirs"]},
    )
    assert response.status_code == HTTPStatus.FOUND
    attachment.refresh_from_db()
    assert attachment.title_fa == "برنامه سفر"
    assert attachment.title_ru == "Программа визита"
    assert (
        PressRelease.objects.get(pk=release.pk).title_ru == "Визит делегации Исфахана"
    )


def test_deleting_anyway_deletes_it(people, deleted_after_a_change):
    release, attachment, response = deleted_after_a_change
    key = f"_choose:attachments-changed-{attachment.pk}"
    response = people["editor"].post(
        change_url(release),
        {**carried(response), key: choices_of(response)[key]["mine"]},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert (
        PressRelease.objects.get(pk=release.pk).title_ru == "Визит делегации Исфахана"
    )


def test_a_row_changed_again_after_the_choice_asks_again(
    people, deleted_after_a_change
):
    release, attachment, response = deleted_after_a_change
    key = f"_choose:attachments-changed-{attachment.pk}"
    Attachment.objects.filter(pk=attachment.pk).update(title_en="Visit programme")
    response = people["editor"].post(
        change_url(release),
        {**carried(response), key: choices_of(response)[key]["mine"]},
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert "Visit programme" in response.content.decode()
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_deleting_a_row_nobody_changed_needs_no_choice(people):
    release = make_release()
    attachment = make_attachment(release)
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(people["translator"], release, translator_form, lead_fa="خلاصه تازه.")
    response = save(
        people["editor"], release, editor_form, **{"attachments-0-DELETE": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert PressRelease.objects.get(pk=release.pk).lead_fa == "خلاصه تازه."
