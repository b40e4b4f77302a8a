"""Who else has a change form open: on the form, by the heartbeat, on the list."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pressroom import presence, roles
from pressroom.calendars import format_date
from pressroom.models import Presence, PressRelease

from .admin_client import logged_in, make_member, open_form, save
from .factories import change_url, changelist_url, make_release, make_releases

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(groups):
    return {
        "editor": make_member(roles.EDITORS, username="editor"),
        "translator": make_member(roles.TRANSLATORS, username="translator"),
    }


def heartbeat_url(release):
    return reverse("admin:pressroom_pressrelease_presence", args=[release.pk])


def opened_at(user, release, hour, minute, days_ago=0):
    moment = timezone.localtime().replace(
        hour=hour, minute=minute, second=0, microsecond=0
    ) - datetime.timedelta(days=days_ago)
    Presence.objects.filter(user=user, object_id=str(release.pk)).update(
        opened_at=moment
    )


def presence_text(response):
    match = re.search(
        r'<span class="presence-text">([^<]*)</span>', response.content.decode()
    )
    return match.group(1)


def test_the_form_says_who_else_has_it_open_in_each_language(people):
    release = make_release()
    editor = logged_in(people["editor"], "ru")
    translator = logged_in(people["translator"], "fa")
    assert presence_text(editor.get(change_url(release))) == ""
    translator.get(change_url(release))
    opened_at(people["translator"], release, 10, 42)
    opened_at(people["editor"], release, 9, 5)

    assert presence_text(editor.get(change_url(release))) == (
        "Открыто также: translator, с 10:42"
    )
    assert presence_text(translator.get(change_url(release))) == (
        "همچنین باز است برای: editor، از ۹:۰۵"
    )
    english = logged_in(people["editor"], "en")
    assert presence_text(english.get(change_url(release))) == (
        "Also open: translator, since 10:42"
    )


def test_a_form_opened_on_another_day_gives_the_date_in_the_admins_calendar(people):
    release = make_release()
    logged_in(people["editor"], "ru").get(change_url(release))
    opened_at(people["editor"], release, 10, 42, days_ago=1)
    Presence.objects.update(seen_at=timezone.now())
    text = presence_text(logged_in(people["translator"], "fa").get(change_url(release)))
    yesterday = format_date(timezone.localtime() - datetime.timedelta(days=1), "fa")
    assert text == f"همچنین باز است برای: editor، از {yesterday}، ۱۰:۴۲"
    assert re.search("[0-9]", text) is None


def test_the_heartbeat_keeps_presence_and_says_who_else_is_there(people):
    release = make_release()
    editor = logged_in(people["editor"], "ru")
    translator = logged_in(people["translator"], "ru")
    editor.get(change_url(release))
    response = translator.post(heartbeat_url(release))
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert [other["user"] for other in data["others"]] == ["editor"]
    assert data["text"].startswith("Открыто также: editor, с ")

    # Leaving (the page's pagehide beacon) removes the editor.
    editor.post(heartbeat_url(release), {"leave": "1"})
    assert translator.post(heartbeat_url(release)).json() == {
        "text": "",
        "others": [],
    }


def test_someone_silent_past_the_timeout_is_gone(people):
    release = make_release()
    logged_in(people["editor"]).get(change_url(release))
    Presence.objects.update(seen_at=timezone.now() - presence.TIMEOUT)
    translator = logged_in(people["translator"])
    assert translator.post(heartbeat_url(release)).json()["others"] == []


def test_the_heartbeat_needs_staff_a_post_and_the_csrf_token(people):
    release = make_release()
    assert Client().post(heartbeat_url(release)).status_code == HTTPStatus.FOUND
    editor = logged_in(people["editor"])
    assert editor.get(heartbeat_url(release)).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(people["editor"])
    assert strict.post(heartbeat_url(release)).status_code == HTTPStatus.FORBIDDEN
    page = strict.get(change_url(release)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = strict.post(heartbeat_url(release), HTTP_X_CSRFTOKEN=token)
    assert response.status_code == HTTPStatus.OK


def test_the_heartbeat_of_a_missing_release_is_not_found(people):
    editor = logged_in(people["editor"])
    url = reverse("admin:pressroom_pressrelease_presence", args=[999999])
    assert editor.post(url).status_code == HTTPStatus.NOT_FOUND


def test_presence_never_blocks_a_save(people):
    release = make_release()
    translator = logged_in(people["translator"], "fa")
    translator.get(change_url(release))
    editor = logged_in(people["editor"])
    response = save(editor, release, open_form(editor, release), lead_ru="Новый лид.")
    assert response.status_code == HTTPStatus.FOUND
    assert PressRelease.objects.get(pk=release.pk).lead_ru == "Новый лид."


def test_the_list_marks_rows_open_elsewhere_in_one_query(people):
    releases = make_releases(6)
    editor = logged_in(people["editor"], "ru")
    translator = logged_in(people["translator"], "ru")
    translator.get(change_url(releases[0]))
    list_page = editor.get(changelist_url(PressRelease)).content.decode()
    marks = re.findall(r'class="presence-mark" src="[^"]+" title="([^"]+)"', list_page)
    assert marks == ["Сейчас открыт у: translator"]

    with CaptureQueriesContext(connection) as one_open:
        editor.get(changelist_url(PressRelease))
    for release in releases[1:]:
        translator.get(change_url(release))
    with CaptureQueriesContext(connection) as all_open:
        page = editor.get(changelist_url(PressRelease)).content.decode()
    assert page.count('class="presence-mark"') == len(releases)
    assert len(all_open) == len(one_open)
    presence_queries = [q for q in all_open if "pressroom_presence" in q["sql"]]
    assert len(presence_queries) == 1
