"""Two people on the same release: nobody's work is lost.

Each test opens the form as two people before either saves (the scenario that
lost work), saves one after the other, and checks the database.
"""

import json
from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from pressroom import roles
from pressroom.models import Attachment, PressRelease, Topic

from .admin_client import (
    carried,
    choices_of,
    history_fields,
    logged_in,
    make_member,
    open_form,
    save,
)
from .factories import (
    change_url,
    confirm_publishing,
    make_attachment,
    make_release,
    make_topic,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_editors_save_keeps_the_persian_the_translator_saved_meanwhile(people):
    release = make_release(languages=("ru",), title_ru="Казань принимает гостей")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)

    response = save(
        people["translator"],
        release,
        translator_form,
        title_fa="کازان میزبان مهمانان است",
        lead_fa="خلاصه خبر.",
        body_fa="<p>متن خبر.</p>",
        slug_fa="kazan-mizban",
    )
    assert response.status_code == HTTPStatus.FOUND
    response = save(
        people["editor"], release, editor_form, title_ru="Казань принимает гостей!"
    )
    assert response.status_code == HTTPStatus.FOUND

    release.refresh_from_db()
    assert release.title_ru == "Казань принимает гостей!"
    assert release.title_fa == "کازان میزبان مهمانان است"
    assert release.lead_fa == "خلاصه خبر."
    assert release.body_fa == "<p>متن خبر.</p>"
    assert release.slug_fa == "kazan-mizban"
    # The history names what each person changed, nothing the merge kept.
    editor_fields, translator_fields = history_fields(release)[:2]
    assert editor_fields == ["Title [ru]"]
    assert set(translator_fields) == {
        "Title [fa]",
        "Lead [fa]",
        "Body [fa]",
        "Slug [fa]",
    }
    # Each version holds both people's work.
    latest = Version.objects.get_for_object(release).first()
    assert latest.field_dict["title_fa"] == "کازان میزبان مهمانان است"
    assert latest.revision.user.username == "editor"


def test_a_save_with_no_one_else_in_between_changes_only_what_was_typed(people):
    release = make_release()
    data = open_form(people["editor"], release)
    save(people["editor"], release, data, lead_ru="Новое краткое содержание.")
    release.refresh_from_db()
    assert release.lead_ru == "Новое краткое содержание."
    assert history_fields(release)[0] == ["Lead [ru]"]


def test_the_same_field_changed_by_both_asks_which_value_to_keep(people):
    release = make_release(title_fa="عنوان اول")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(people["translator"], release, translator_form, title_fa="عنوان مترجم")

    response = save(
        people["editor"],
        release,
        editor_form,
        title_fa="عنوان ویراستار",
        lead_ru="Правка редактора в лиде.",
    )
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "عنوان ویراستار" in page and "عنوان مترجم" in page
    assert "Пока вы редактировали" in page  # in the editor's language
    release.refresh_from_db()
    assert release.title_fa == "عنوان مترجم"  # nothing saved yet
    assert release.lead_ru != "Правка редактора в лиде."
    # Nor in the history: no version holds what was not saved.
    assert not any(
        version.field_dict["lead_ru"] == "Правка редактора в лиде."
        for version in Version.objects.get_for_object(release)
    )

    # The page sends back everything typed, with the choice.
    data = carried(response)
    assert data["lead_ru"] == ["Правка редактора в лиде."]
    choice = choices_of(response)["_choose:title_fa"]["mine"]
    response = people["editor"].post(
        change_url(release), {**data, "_choose:title_fa": choice}
    )
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.title_fa == "عنوان ویراستار"
    assert release.lead_ru == "Правка редактора в лиде."


def test_choosing_the_other_value_keeps_it_and_saves_the_rest(people):
    release = make_release(title_fa="عنوان اول")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(people["translator"], release, translator_form, title_fa="عنوان مترجم")
    response = save(
        people["editor"],
        release,
        editor_form,
        title_fa="عنوان ویراستار",
        lead_ru="Лид.",
    )
    choice = choices_of(response)["_choose:title_fa"]["theirs"]
    people["editor"].post(
        change_url(release), {**carried(response), "_choose:title_fa": choice}
    )
    release.refresh_from_db()
    assert release.title_fa == "عنوان مترجم"
    assert release.lead_ru == "Лид."
    assert history_fields(release)[0] == ["Lead [ru]"]


def test_a_choice_made_against_an_older_value_asks_again(people):
    release = make_release(title_fa="عنوان اول")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(people["translator"], release, translator_form, title_fa="عنوان دوم")
    conflict = save(people["editor"], release, editor_form, title_fa="عنوان ویراستار")
    # The translator changes it again while the editor reads the choice page.
    save(
        people["translator"],
        release,
        open_form(people["translator"], release),
        title_fa="عنوان سوم",
    )
    choice = choices_of(conflict)["_choose:title_fa"]["mine"]
    response = people["editor"].post(
        change_url(release), {**carried(conflict), "_choose:title_fa": choice}
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert "عنوان سوم" in response.content.decode()
    release.refresh_from_db()
    assert release.title_fa == "عنوان سوم"


def test_topics_chosen_meanwhile_stay(people):
    first, second = make_topic(), make_topic()
    release = make_release(topics=[first])
    editor_form = open_form(people["editor"], release)
    publisher_form = open_form(people["publisher"], release)
    save(
        people["publisher"],
        release,
        publisher_form,
        topics=[str(first.pk), str(second.pk)],
    )
    save(people["editor"], release, editor_form, dateline_ru="Казань, Кремль")
    release.refresh_from_db()
    assert set(release.topics.all()) == {first, second}
    assert release.dateline_ru == "Казань, Кремль"
    assert Topic.objects.count() == 2


def test_attachments_merge_row_by_row(people):
    release = make_release()
    attachment = make_attachment(release, title_ru="Программа", title_fa="")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    response = save(
        people["translator"],
        release,
        translator_form,
        **{"attachments-0-title_fa": "برنامه"},
    )
    assert response.status_code == HTTPStatus.FOUND
    response = save(
        people["editor"],
        release,
        editor_form,
        **{"attachments-0-title_ru": "Программа визита"},
    )
    assert response.status_code == HTTPStatus.FOUND
    attachment.refresh_from_db()
    assert attachment.title_ru == "Программа визита"
    assert attachment.title_fa == "برنامه"
    message = json.loads(
        LogEntry.objects.filter(object_id=str(release.pk)).latest("pk").change_message
    )
    assert message == [
        {
            "changed": {
                "name": "attachment",
                "object": str(attachment),
                "fields": ["Title [ru]"],
            }
        }
    ]


def test_the_same_attachment_title_changed_by_both_asks(people):
    release = make_release()
    attachment = make_attachment(release, title_fa="")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(
        people["translator"],
        release,
        translator_form,
        **{"attachments-0-title_fa": "برنامه مترجم"},
    )
    response = save(
        people["editor"],
        release,
        editor_form,
        **{"attachments-0-title_fa": "برنامه ویراستار"},
    )
    assert response.status_code == HTTPStatus.CONFLICT
    choice = choices_of(response)["_choose:attachments-0-title_fa"]["mine"]
    people["editor"].post(
        change_url(release),
        {**carried(response), "_choose:attachments-0-title_fa": choice},
    )
    attachment.refresh_from_db()
    assert attachment.title_fa == "برنامه ویراستار"


def test_a_damaged_snapshot_is_a_bad_request_that_saves_nothing(people):
    release = make_release()
    data = open_form(people["editor"], release)
    response = save(people["editor"], release, data, _opened="forged", title_ru="X")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    release.refresh_from_db()
    assert release.title_ru != "X"


def test_a_snapshot_of_another_release_is_refused(people):
    release, other = make_release(), make_release()
    data = open_form(people["editor"], other)
    response = save(people["editor"], release, data, title_ru="X")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert PressRelease.objects.filter(title_ru="X").count() == 0


def test_a_row_deleted_meanwhile_stays_deleted_and_the_next_keeps_its_edit(people):
    release = make_release()
    first = make_attachment(release, title_ru="Первое", title_fa="", position=0)
    second = make_attachment(release, title_ru="Второе", title_fa="", position=1)
    translator_form = open_form(people["translator"], release)
    editor_form = open_form(people["editor"], release)
    response = save(
        people["editor"], release, editor_form, **{"attachments-0-DELETE": "on"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.filter(pk=first.pk).exists()

    response = save(
        people["translator"],
        release,
        translator_form,
        lead_fa="خلاصه تازه.",
        **{"attachments-1-title_fa": "دومی"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.filter(pk=first.pk).exists()
    second.refresh_from_db()
    assert second.title_fa == "دومی"
    assert PressRelease.objects.get(pk=release.pk).lead_fa == "خلاصه تازه."


def test_typing_into_a_row_deleted_meanwhile_shows_what_was_typed(people):
    release = make_release()
    attachment = make_attachment(release, title_ru="Программа", title_fa="")
    translator_form = open_form(people["translator"], release)
    editor_form = open_form(people["editor"], release)
    save(people["editor"], release, editor_form, **{"attachments-0-DELETE": "on"})

    response = save(
        people["translator"],
        release,
        translator_form,
        lead_fa="خلاصه تازه.",
        **{"attachments-0-title_fa": "برنامه سفر"},
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert "برنامه سفر" in response.content.decode()
    key = f"_choose:attachments-deleted-{attachment.pk}"
    choice = choices_of(response)[key]
    assert list(choice) == ["theirs"]  # a deleted row is not brought back
    response = people["translator"].post(
        change_url(release), {**carried(response), key: choice["theirs"]}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert PressRelease.objects.get(pk=release.pk).lead_fa == "خلاصه تازه."


def test_a_release_published_meanwhile_stays_published_after_a_typo_fix(people):
    release = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    other_publisher = logged_in(make_member(roles.PUBLISHERS, username="chief"))
    form = open_form(people["publisher"], release)
    # The other publisher publishes from the form, through its confirmation.
    asked = save(
        other_publisher,
        release,
        open_form(other_publisher, release),
        status="published",
    )
    response = confirm_publishing(other_publisher, asked)
    assert response.status_code == HTTPStatus.FOUND
    response = save(people["publisher"], release, form, lead_ru="Исправлена опечатка.")
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.published_at is not None
    assert release.lead_ru == "Исправлена опечатка."


def test_a_body_conflict_shows_both_texts_formatted_and_sanitized(people):
    release = make_release(body_fa="<p>متن اول</p>")
    editor_form = open_form(people["editor"], release)
    translator_form = open_form(people["translator"], release)
    save(
        people["translator"],
        release,
        translator_form,
        body_fa="<p>متن <strong>مترجم</strong></p>",
    )
    response = save(
        people["editor"],
        release,
        editor_form,
        body_fa='<p>متن ویراستار</p><script>alert("x")</script>',
    )
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "<p>متن <strong>مترجم</strong></p>" in page
    assert "<p>متن ویراستار</p>" in page
    # Shown sanitized; carried back escaped, as typed.
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
