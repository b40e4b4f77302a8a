"""The history and the compare page read well in Russian and Persian."""

import re
from http import HTTPStatus

import pytest
import reversion
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from pressroom import roles
from pressroom.history import as_text, describe

from .admin_client import edit, logged_in, make_member
from .factories import change_url, make_release, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def groups(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    roles.ensure_groups()


@pytest.fixture
def edited_release():
    """A release a publisher saved twice in the admin: the Russian body and the
    withdrawal reason changed, then the Persian title."""
    publisher = logged_in(make_member(roles.PUBLISHERS))
    with reversion.create_revision():
        release = make_release()
    body = "<p>Первый абзац.</p><p>Второй абзац, " + "очень длинный. " * 40 + "</p>"
    response = edit(
        publisher,
        release,
        body_ru=body,
        withdrawal_reason_ru="Ошибка в дате",
    )
    assert response.status_code == HTTPStatus.FOUND
    response = edit(publisher, release, title_fa="عنوان تازه")
    assert response.status_code == HTTPStatus.FOUND
    return release


def history_url(release):
    return reverse("admin:pressroom_pressrelease_history", args=[release.pk])


def compare_url(release):
    first, *_, last = (
        Version.objects.get_for_object(release)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return f"{history_url(release)}compare/?version_id1={first}&version_id2={last}"


def test_a_change_message_is_put_into_the_readers_words():
    stored = '[{"changed": {"fields": ["Why it was withdrawn [ru]", "title [fa]"]}}]'
    with translation.override("en"):
        assert describe(stored) == (
            "Changed: why it was withdrawn in Russian and title in Persian."
        )
    with translation.override("ru"):
        assert describe(stored) == (
            "Изменено: причина отзыва на русском и заголовок на персидском."
        )
    assert describe("Made the home city.") == "Made the home city."
    assert as_text("<p>One &amp; two.</p><p>Three</p>") == "One & two.\nThree"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", "Изменено: текст на русском и причина отзыва на русском."),
        ("fa", "تغییر کرد: متن به روسی و دلیل پس گرفتن به روسی."),
    ],
)
def test_history_names_the_changed_fields_in_the_readers_language(
    edited_release, language, words
):
    reader = logged_in(make_member(roles.EDITORS), language)
    text = visible_text(reader.get(history_url(edited_release)))
    assert words in text
    assert "None" not in text
    assert "[ru]" not in text
    if language == "fa":
        # Times in the Persian admin's calendar and digits.
        assert re.search("[۰-۹]{4}، ساعت [۰-۹]", text)
        assert "دسامبر" not in text


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_compare_shows_rich_text_as_text_marked_with_its_language(
    edited_release, language
):
    reader = logged_in(make_member(roles.TRANSLATORS), language)
    response = reader.get(compare_url(edited_release))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    text = visible_text(response)
    assert "&lt;p&gt;" not in html and "<p>" not in text
    # The whole new paragraph, not cut off.
    assert html.count("очень длинный") == 40
    assert "None" not in text
    assert "Pressroom" not in text
    # Russian reads left to right, Persian right to left, whatever the admin.
    assert re.search(r'<div class="history-diff" lang="ru" dir="ltr">', html)
    assert re.search(r'<div class="history-diff" lang="fa" dir="rtl">', html)


def test_an_empty_value_is_a_dash_never_none(edited_release):
    reader = logged_in(make_member(roles.PUBLISHERS), "ru")
    # withdrawal_reason_ru was empty before the first save.
    html = reader.get(compare_url(edited_release)).content.decode()
    assert "<del>—</del>" in html
    assert "None" not in html


def test_the_change_form_marks_the_russian_source_for_a_persian_reader(
    edited_release,
):
    translator = logged_in(make_member(roles.TRANSLATORS), "fa")
    html = translator.get(change_url(edited_release)).content.decode()
    assert 'class="mt-source-body" lang="ru" dir="ltr"' in html
    assert re.search(
        r'<div class="readonly" lang="ru" dir="ltr">\s*Новости Казани', html
    )
