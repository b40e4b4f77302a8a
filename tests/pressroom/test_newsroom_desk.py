"""The desk on the back-office's first page: each role's work, one link away,
at a fixed number of queries."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pressroom import roles
from pressroom.models import PressRelease

from .admin_client import edit, logged_in, make_member
from .factories import change_url, make_release, visible_text

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")
DRAFT = PressRelease.Status.DRAFT
PUBLISHED = PressRelease.Status.PUBLISHED
WITHDRAWN = PressRelease.Status.WITHDRAWN


@pytest.fixture(autouse=True)
def setup(settings, tmp_path, groups):
    settings.MEDIA_ROOT = tmp_path


def section(response, key):
    """The text of one section of the desk."""
    html = response.content.decode()
    start = html.index(f'class="module desk-section desk-{key}"')
    return html[start : html.index("</div>", start)]


def make_world(author, count=1):
    """`count` releases of every kind the desk shows."""
    now = timezone.now()
    made = {}
    for i in range(count):
        made.setdefault("mine", []).append(
            make_release(status=DRAFT, author=author, title_ru=f"Мой черновик {i}")
        )
        made.setdefault("ready", []).append(
            make_release(status=DRAFT, title_ru=f"Готов к выпуску {i}")
        )
        made.setdefault("untranslated", []).append(
            make_release(languages=("ru",), title_ru=f"Без перевода {i}")
        )
        made.setdefault("scheduled", []).append(
            make_release(
                title_ru=f"Выйдет скоро {i}",
                published_at=now + datetime.timedelta(days=2, minutes=i),
            )
        )
        made.setdefault("later", []).append(
            make_release(
                title_ru=f"Выйдет нескоро {i}",
                published_at=now + datetime.timedelta(days=20),
            )
        )
        made.setdefault("withdrawn", []).append(
            make_release(
                status=WITHDRAWN,
                title_ru=f"Отозван {i}",
                withdrawn_at=now - datetime.timedelta(days=1),
            )
        )
    return made


def test_an_editor_sees_their_drafts_and_what_comes_and_went():
    user = make_member(roles.EDITORS)
    other = make_member(roles.EDITORS)
    world = make_world(user)
    make_release(status=DRAFT, author=other, title_ru="Чужой черновик")
    response = logged_in(user).get(INDEX)
    assert response.status_code == HTTPStatus.OK
    drafts = section(response, "drafts")
    assert "Мой черновик 0" in drafts and "Чужой черновик" not in drafts
    assert change_url(world["mine"][0]) in drafts
    assert "Выйдет скоро 0" in section(response, "scheduled")
    assert "Выйдет нескоро" not in section(response, "scheduled")
    assert "Отозван 0" in section(response, "withdrawn")
    html = response.content.decode()
    assert "desk-awaiting" not in html and "desk-translations" not in html


def test_a_publisher_sees_what_awaits_publication():
    user = make_member(roles.PUBLISHERS)
    world = make_world(user)
    make_release(languages=("fa",), status=DRAFT, title_ru="", title_fa="فقط فارسی")
    response = logged_in(user).get(INDEX)
    awaiting = section(response, "awaiting")
    assert "Готов к выпуску 0" in awaiting
    assert change_url(world["ready"][0]) in awaiting
    assert "فقط فارسی" not in awaiting  # no Russian: not ready


def test_a_translator_sees_missing_and_outdated_translations():
    user = make_member(roles.TRANSLATORS)
    make_world(make_member(roles.EDITORS))
    outdated = make_release(title_ru="Старый заголовок", lead_ru="Старый лид.")
    outdated.title_ru = "Новый заголовок"
    outdated.save()
    response = logged_in(user).get(INDEX)
    tasks = section(response, "translations")
    assert "Без перевода 0" in tasks
    assert "Новый заголовок" in tasks
    assert "desk-drafts" not in response.content.decode()
    url = reverse(
        "admin:pressroom_pressrelease_source_changes", args=[outdated.pk, "fa"]
    )
    assert url in tasks


def test_the_outdated_link_shows_what_changed_in_the_russian_field_by_field():
    publisher = logged_in(make_member(roles.PUBLISHERS))
    release = make_release(title_ru="Казань и Исфахан", lead_ru="Подписано соглашение.")
    edit(publisher, release, title_fa="کازان و اصفهان")  # the translation is saved
    edit(publisher, release, title_ru="Казань и Шираз")  # then the Russian changes
    release.refresh_from_db()
    assert release.translation_state("fa") == "outdated"
    translator = logged_in(make_member(roles.TRANSLATORS), "fa")
    url = reverse(
        "admin:pressroom_pressrelease_source_changes", args=[release.pk, "fa"]
    )
    response = translator.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<del>Исфахан</del>" in html and "<ins>Шираз</ins>" in html
    assert "Подписано" not in html  # the lead did not change
    assert translator.get(url.replace("/fa/", "/xx/")).status_code == (
        HTTPStatus.NOT_FOUND
    )


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


@pytest.mark.parametrize("group", [roles.EDITORS, roles.PUBLISHERS, roles.TRANSLATORS])
def test_the_desk_costs_the_same_whatever_the_content(group):
    user = make_member(group)
    client = logged_in(user)
    count_queries(client)  # the session and permissions, once
    make_world(user, count=1)
    few = count_queries(client)
    make_world(user, count=12)
    many = count_queries(client)
    assert few == many
    # "More" leads to the list, filtered.
    assert "desk-more" in client.get(INDEX).content.decode()


def test_the_public_press_desk_is_another_page_and_still_there(client):
    assert client.get("/ru/press/").status_code == HTTPStatus.OK


def test_the_desk_speaks_persian():
    user = make_member(roles.PUBLISHERS)
    make_world(user)
    text = visible_text(logged_in(user, "fa").get(INDEX))
    assert "Needs attention" not in text


def translator_into(code):
    """A translator whose account is given one language."""
    user = make_member(roles.TRANSLATORS)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="pressroom", codename=f"translate_into_{code}"
        )
    )
    return user


def test_a_translator_given_one_language_sees_only_its_tasks():
    missing_both = make_release(languages=("ru",), title_ru="Нет ни одного перевода")
    make_release(languages=("ru", "fa"), title_ru="Нет только английского")
    persian_only = logged_in(translator_into("fa")).get(INDEX)
    tasks = section(persian_only, "translations")
    assert "Нет ни одного перевода" in tasks
    assert "Нет только английского" not in tasks
    assert (
        reverse("admin:pressroom_pressrelease_change", args=[missing_both.pk]) in tasks
    )
    english_only = section(logged_in(translator_into("en")).get(INDEX), "translations")
    assert "Нет только английского" in english_only
    # Without a language of their own, a translator works in all of them.
    everyone = section(
        logged_in(make_member(roles.TRANSLATORS)).get(INDEX), "translations"
    )
    assert "Нет ни одного перевода" in everyone
    assert "Нет только английского" in everyone


def test_a_translator_given_one_language_cannot_change_the_other():
    release = make_release(
        languages=("ru", "fa", "en"), title_fa="عنوان قدیم", title_en="Old title"
    )
    client = logged_in(translator_into("fa"), "fa")
    form = client.get(change_url(release)).context["adminform"].form
    assert "title_fa" in form.fields
    assert "title_en" not in form.fields
    response = edit(client, release, title_fa="عنوان تازه", title_en="Changed")
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert (release.title_fa, release.title_en) == ("عنوان تازه", "Old title")
