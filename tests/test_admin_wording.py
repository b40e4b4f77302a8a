"""The admin's words in Russian and Persian: the phrases the newsroom found
wrong, as staff now read them."""

import re
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from pressroom import roles
from pressroom.models import PressRelease
from tests.pressroom.admin_client import edit, logged_in, make_member
from tests.pressroom.factories import (
    add_url,
    changelist_url,
    make_release,
    make_topic,
    visible_text,
)

pytestmark = pytest.mark.django_db

LATIN_DIGIT = re.compile(r"[0-9]")


@pytest.fixture(autouse=True)
def groups(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    roles.ensure_groups()


def error_texts(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", item)
        for item in re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', html, re.S)
    ]


def test_the_recover_link_agrees_with_its_plural():
    client = logged_in(make_member(roles.PUBLISHERS), "ru")
    text = visible_text(client.get(changelist_url(PressRelease)))
    assert "Восстановить удалённые пресс-релизы" in text
    assert "удаленный пресс-релизы" not in text


def test_a_duplicate_slug_is_said_in_plain_russian():
    make_topic(slug="sport")
    client = logged_in(make_member(roles.PUBLISHERS), "ru")
    response = client.post(
        add_url(type(make_topic())),
        {"name_ru": "Спорт", "slug": "sport"},
    )
    assert response.status_code == HTTPStatus.OK
    errors = " ".join(error_texts(response))
    assert "с таким значением поля «Фрагмент адреса (slug)» уже существует" in errors
    assert "с таким Фрагмент" not in errors


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ru", "Ниже можно продолжить правку."),
        ("fa", "می‌توانید در پایین دوباره آن را ویرایش کنید."),
    ],
)
def test_a_saved_release_is_announced_with_matching_quotes(language, words):
    release = make_release()
    client = logged_in(make_member(roles.EDITORS), language)
    response = edit(client, release, _continue="1")
    assert response.status_code == HTTPStatus.FOUND
    (message,) = [
        re.sub(r"<[^>]+>", "", str(m)) for m in get_messages(response.wsgi_request)
    ]
    assert words in message
    assert f"«{release}»" in message
    assert "“" not in message and '"' not in message
    assert "میتوانید" not in message and "آنرا" not in message


def test_an_error_in_the_persian_admin_has_persian_digits():
    release = make_release()
    client = logged_in(make_member(roles.EDITORS), "fa")
    response = edit(client, release, title_ru="ж" * 300)
    assert response.status_code == HTTPStatus.OK
    errors = error_texts(response)
    assert any("۲۵۰" in error for error in errors), errors
    assert not any(LATIN_DIGIT.search(error) for error in errors), errors


def test_an_outdated_translation_is_called_so_in_persian():
    release = make_release()
    release.title_ru += " (исправлено)"
    release.save()
    client = logged_in(make_member(roles.TRANSLATORS), "fa")
    text = visible_text(client.get(changelist_url(PressRelease)))
    assert "نیازمند به‌روزرسانی" in text
    assert "قدیمی" not in text


def test_history_of_an_added_attachment_needs_no_gender():
    release = make_release()
    client = logged_in(make_member(roles.EDITORS), "ru")
    response = edit(
        client,
        release,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_ru": "Программа визита",
            "attachments-0-position": "0",
            "attachments-0-file": _pdf(),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    history = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    text = visible_text(client.get(history))
    assert "Добавлено: вложение «Программа визита»." in text
    assert "Добавлен " not in text


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "programme.pdf", b"%PDF-1.4\n" + b"x" * 3000, "application/pdf"
    )


def test_the_persian_admin_index_writes_recent_actions_with_its_half_space():
    client = logged_in(make_member(roles.EDITORS), "fa")
    text = visible_text(client.get(reverse("admin:index")))
    assert "فعالیت‌های اخیر" in text  # with ZWNJ (U+200C), not Django's «فعالیتهای»
    assert "فعالیتهای" not in text
