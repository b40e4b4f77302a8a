"""The back office through its HTTP views: editing in three languages, the list,
sanitizing, history (undo an edit, recover a deletion) and the admin's own language.

Role-by-role permissions are in test_roles.py, uploads in test_uploads.py, preview
links in test_admin_previews.py, Jalali dates in test_admin_jalali.py; the helpers
they share are in admin_client.py.
"""

import datetime
import json
import re
from html import unescape
from http import HTTPStatus
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from reversion.models import Version

from pressroom import roles
from pressroom.models import Attachment, PressRelease, Topic

from .admin_client import edit, errors_of, logged_in, make_member, release_add_data
from .factories import (
    add_url,
    change_url,
    changelist_url,
    confirm_publishing,
    form_data,
    make_attachment,
    make_release,
    make_releases,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


# The admin's own settings for these tests


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def editor(groups):
    return logged_in(make_member(roles.EDITORS))


@pytest.fixture
def publisher(groups):
    return logged_in(make_member(roles.PUBLISHERS))


@pytest.fixture
def translator(groups):
    return logged_in(make_member(roles.TRANSLATORS))


@pytest.fixture
def superuser(db):
    return logged_in(make_user(is_staff=True, is_superuser=True))


# Editing


def test_release_form_has_language_tabs_with_russian_first(superuser):
    release = make_release()
    html = superuser.get(change_url(release)).content.decode()
    positions = [html.index(f'name="title_{code}"') for code in ("ru", "fa", "en")]
    assert positions == sorted(positions)
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    # The tabs' jQuery UI stand-in comes from our origin, not a CDN.
    assert "/static/pressroom-admin/tabs.js" in html
    assert "googleapis" not in html


@pytest.mark.parametrize("model", ["release", "topic", "attachment"])
def test_persian_inputs_are_right_to_left_in_every_translated_model(superuser, model):
    release = make_release()
    make_attachment(release)
    topic = make_topic()
    obj, name = {
        "release": (release, "title_fa"),
        "topic": (topic, "name_fa"),
        "attachment": (release, "attachments-0-title_fa"),
    }[model]
    html = superuser.get(change_url(obj)).content.decode()
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html).group(0)
    assert "mt-bidi" in tag
    assert 'dir="rtl"' in tag
    assert 'lang="fa"' in tag
    assert "/static/pressroom-admin/admin.css" in html


def test_admin_css_makes_mt_bidi_right_to_left():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("pressroom-admin/admin.css")).read_text(encoding="utf-8")
    rule = re.search(r"\.mt-bidi,[^{]*\{([^}]*)\}", css).group(1)
    assert "direction: rtl" in rule


def test_persian_body_editor_is_right_to_left(superuser):
    release = make_release()
    html = superuser.get(change_url(release)).content.decode()
    tag = re.search(r'<textarea[^>]*name="body_fa"[^>]*>', html).group(0)
    assert 'dir="rtl"' in tag
    assert "data-django-prose-editor" in tag
    assert "/static/pressroom-admin/admin.js" in html


def test_translator_sees_russian_source_beside_each_translated_field(superuser):
    release = make_release(
        title_ru="Казань и Исфахан",
        body_ru="<p>Текст <strong>важный</strong></p>",
    )
    response = superuser.get(change_url(release))
    form = response.context["adminform"].form
    for code in ("fa", "en"):
        assert "Казань и Исфахан" in form.fields[f"title_{code}"].help_text
        assert "<strong>важный</strong>" in form.fields[f"body_{code}"].help_text
    # Not beside the Russian field itself.
    assert "Казань и Исфахан" not in str(form.fields["title_ru"].help_text)


def test_russian_source_in_help_text_is_escaped(superuser):
    release = make_release(title_ru="<img src=x onerror=alert(1)>")
    html = superuser.get(change_url(release)).content.decode()
    assert "<img src=x onerror" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_prose_editor_import_map_is_allowed_by_csp_hash(superuser):
    release = make_release()
    response = superuser.get(change_url(release))
    html = response.content.decode()
    assert '<script type="importmap"' in html
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src
    assert "'sha256-" in script_src
    assert "'unsafe-inline'" not in script_src


def test_saved_body_is_sanitized(superuser):
    release = make_release()
    dirty = (
        "<h2>Заголовок</h2><script>alert(1)</script>"
        '<p onclick="steal()" style="color:red">Текст '
        '<a href="javascript:alert(1)">ссылка</a> '
        '<a href="https://kzn.ru/" onmouseover="x()">сайт</a>'
        '<img src=x onerror="alert(2)"></p>'
        '<ul><li><em>пункт</em></li></ul><blockquote style="x">цитата</blockquote>'
    )
    response = edit(superuser, release, body_ru=dirty)
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    body = PressRelease.objects.get(pk=release.pk).body_ru
    for forbidden in ("<script", "alert(", "onclick", "onmouseover", "onerror"):
        assert forbidden not in body
    assert "javascript:" not in body
    assert "style=" not in body
    assert "<img" not in body
    # What staff may write survives.
    for kept in ("<h2>Заголовок</h2>", "<em>пункт</em>", "<blockquote>цитата"):
        assert kept in body
    assert 'href="https://kzn.ru/"' in body


def test_persian_letters_are_normalised_on_save(superuser):
    release = make_release()
    response = edit(
        superuser,
        release,
        title_fa="كازان و اصفهان علي",
        lead_fa="يك خبر",
    )
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    release.refresh_from_db()
    assert release.title_fa == "کازان و اصفهان علی"
    assert release.lead_fa == "یک خبر"
    assert "\u064a" not in release.title_fa + release.lead_fa
    assert "\u0643" not in release.title_fa + release.lead_fa


def test_zero_width_non_joiner_survives_the_admin(superuser):
    release = make_release()
    edit(superuser, release, title_fa="امضای توافق\u200cنامه")
    release.refresh_from_db()
    assert release.title_fa == "امضای توافق\u200cنامه"


# Translation state


def test_russian_edit_makes_persian_outdated_until_persian_is_saved(superuser):
    release = make_release()
    assert release.translation_state("fa") == "complete"

    edit(superuser, release, lead_ru="Новый лид после перевода.")
    release.refresh_from_db()
    assert release.translation_state("fa") == "outdated"
    assert release.translation_state("en") == "outdated"
    listing = superuser.get(changelist_url(PressRelease)).content.decode()
    assert "translation-outdated" in listing

    response = edit(superuser, release, lead_fa="خلاصهٔ تازه پس از تغییر متن روسی.")
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    release.refresh_from_db()
    assert release.translation_state("fa") == "complete"
    assert release.translation_state("en") == "outdated"


def test_an_outdated_translation_can_be_confirmed_without_retyping(superuser):
    release = make_release()
    edit(superuser, release, title_ru="Исправлена опечатка")
    release.refresh_from_db()
    assert release.translation_state("en") == "outdated"
    response = superuser.get(change_url(release))
    assert "confirm_en" in response.context["adminform"].form.fields
    data = form_data(response)
    data["confirm_en"] = "on"
    superuser.post(change_url(release), data)
    release.refresh_from_db()
    assert release.translation_state("en") == "complete"
    assert release.translation_state("fa") == "outdated"


def test_confirm_boxes_are_shown_only_for_outdated_translations(superuser):
    release = make_release()
    response = superuser.get(change_url(release))
    rendered = response.content.decode()
    assert 'name="confirm_fa"' not in rendered
    assert 'name="confirm_en"' not in rendered


# The release list


def test_list_shows_each_languages_state_in_one_column(superuser):
    make_release(languages=("ru",), title_ru="Только по-русски")
    release = make_release(title_ru="Переведено")
    release.lead_ru = "Изменено после перевода"
    release.save()
    response = superuser.get(changelist_url(PressRelease))
    html = response.content.decode()
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    row_ru_only = next(row for row in rows if "Только по-русски" in row)
    assert row_ru_only.count("translation-complete") == 1
    assert row_ru_only.count("translation-missing") == 2
    row_changed = next(row for row in rows if "Переведено" in row)
    assert row_changed.count("translation-complete") == 1
    assert row_changed.count("translation-outdated") == 2
    # After the checkbox: title, photo, state, time (both calendars), languages,
    # and the mark of a release someone has open now (pressroom/admin/concurrency.py).
    headers = re.findall(
        r'<th scope="col" class="[^"]*?(action-checkbox-column|column-\S+?)[ "]', html
    )
    assert headers == [
        "action-checkbox-column",
        "column-__str__",
        "column-list_thumbnail",
        "column-state",
        "column-publication_time",
        "column-languages",
        "column-open_now",
    ]


def test_list_shows_the_publication_time_in_both_calendars_and_sorts_by_it(superuser):
    published = datetime.datetime(2025, 4, 9, 9, 0, tzinfo=datetime.UTC)
    make_release(published_at=published)
    # `o` counts the columns from 0, the checkbox first: 4 is the time.
    html = superuser.get(changelist_url(PressRelease), {"o": "4"}).content.decode()

    assert "9 апреля 2025 г. 12:00" in html  # Moscow time
    assert (
        '<span class="jalali-date" lang="fa" dir="rtl">۲۰ فروردین ۱۴۰۴</span>' in html
    )
    assert "column-publication_time sorted ascending" in html


def test_a_new_draft_comes_first_in_the_list(superuser):
    make_releases(3)
    draft = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    make_releases(2)

    response = superuser.get(changelist_url(PressRelease))

    assert next(iter(response.context["cl"].result_list)) == draft
    assert 'class="sortable column-publication_time sorted descending"' in (
        response.content.decode()
    )


def test_list_links_to_the_site_in_each_available_language(superuser):
    release = make_release(languages=("ru", "fa"))
    html = superuser.get(changelist_url(PressRelease)).content.decode()
    assert f'href="{release.get_absolute_url("ru")}"' in html
    assert f'href="{release.get_absolute_url("fa")}"' in html
    assert "/en/news/" not in html


def listed(client, **params):
    response = client.get(changelist_url(PressRelease), params)
    assert response.status_code == HTTPStatus.OK
    return {release.pk for release in response.context["cl"].queryset}


def test_list_filters(superuser):
    topic = make_topic()
    complete = make_release(topics=[topic])
    russian_only = make_release(languages=("ru",))
    outdated = make_release()
    outdated.title_ru = "Новый заголовок"
    outdated.save()
    draft = make_release(status=PressRelease.Status.DRAFT, languages=("ru", "fa"))

    assert listed(superuser, status="draft") == {draft.pk}
    assert listed(superuser, topic=topic.pk) == {complete.pk}
    assert listed(superuser, needs_fa="yes") == {russian_only.pk, outdated.pk}
    assert listed(superuser, needs_en="yes") == {russian_only.pk, outdated.pk, draft.pk}
    assert listed(superuser, needs_fa="no") == {complete.pk, draft.pk}
    assert listed(superuser, outdated="any") == {outdated.pk}
    assert listed(superuser, outdated="fa") == {outdated.pk}


def test_list_search_finds_every_language_and_normalised_persian(superuser):
    ru = make_release(languages=("ru",), title_ru="Ёлка на площади Тысячелетия")
    fa = make_release(languages=("fa",), title_fa="کتاب علی", status="draft")
    en = make_release(languages=("en",), title_en="Isfahan delegation")
    assert listed(superuser, q="Тысячелетия") == {ru.pk}
    assert listed(superuser, q="delegation") == {en.pk}
    assert listed(superuser, q="علی") == {fa.pk}
    # Arabic letters typed by the searcher still find the Persian text.
    assert fa.pk in listed(superuser, q="كتاب علي")


def test_list_has_a_date_hierarchy_on_publication_time(superuser):
    make_release()
    response = superuser.get(changelist_url(PressRelease))
    assert response.context["cl"].date_hierarchy == "published_at"
    assert '<nav class="toplinks">' in response.content.decode()


# Duplicate slugs


def test_duplicate_topic_slug_is_a_form_error(superuser):
    make_topic(slug="culture")
    response = superuser.post(
        add_url(Topic), {"name_ru": "Культура", "name_en": "Culture", "slug": "culture"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "slug" in response.context["adminform"].form.errors
    assert Topic.objects.filter(slug="culture").count() == 1
    # What else was typed is kept.
    assert response.context["adminform"].form["name_ru"].value() == "Культура"


def test_duplicate_release_slugs_are_allowed_the_id_decides(superuser):
    """A release's slug is decorative: the number in its address finds it."""
    first = make_release(slug_ru="vstrecha", title_ru="Встреча")
    response = superuser.post(
        add_url(PressRelease),
        release_add_data(
            title_ru="Встреча",
            slug_ru="vstrecha",
            lead_ru="Лид",
            body_ru="<p>Текст</p>",
        ),
    )
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    second = PressRelease.objects.exclude(pk=first.pk).get(slug_ru="vstrecha")
    assert first.get_absolute_url("ru") != second.get_absolute_url("ru")


# History: every change kept, undone from the admin


def test_an_edit_is_undone_from_the_history(publisher):
    release = make_release()
    make_attachment(release, title_ru="Приложение")
    edit(publisher, release, title_ru="Первая правка")
    edit(publisher, release, title_ru="Ошибочная правка", lead_ru="Испорченный лид")
    release.refresh_from_db()
    assert release.title_ru == "Ошибочная правка"

    history = publisher.get(
        reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    )
    assert history.status_code == HTTPStatus.OK
    versions = Version.objects.get_for_object(release).order_by("pk")
    assert versions.count() == 2
    good = versions.first()
    assert f"/history/{good.pk}/" in history.content.decode()

    # The compare view shows what changed between the two versions.
    compare = publisher.get(
        reverse("admin:pressroom_pressrelease_compare", args=[release.pk]),
        {"version_id1": versions.first().pk, "version_id2": versions.last().pk},
    )
    assert compare.status_code == HTTPStatus.OK
    assert "Испорченный лид" in compare.content.decode()

    revision_url = reverse(
        "admin:pressroom_pressrelease_revision", args=[release.pk, good.pk]
    )
    response = publisher.get(revision_url)
    assert response.status_code == HTTPStatus.OK
    # Looking at an old version changes nothing.
    release.refresh_from_db()
    assert release.title_ru == "Ошибочная правка"

    response = publisher.post(revision_url, form_data(response))
    assert response.status_code == HTTPStatus.FOUND
    release.refresh_from_db()
    assert release.title_ru == "Первая правка"
    assert release.lead_ru != "Испорченный лид"
    assert release.attachments.get().title_ru == "Приложение"
    # The restore is itself a new version.
    assert Version.objects.get_for_object(release).count() == 3


def test_a_deleted_release_is_recovered_with_its_attachments(publisher):
    release = make_release(title_ru="Удалят по ошибке")
    make_attachment(release, title_ru="Документ")
    edit(publisher, release, lead_ru="Последний лид")
    pk = release.pk

    delete_url = reverse("admin:pressroom_pressrelease_delete", args=[pk])
    response = publisher.post(delete_url, {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert not PressRelease.objects.filter(pk=pk).exists()
    assert not Attachment.objects.filter(release_id=pk).exists()

    recover_list = publisher.get(reverse("admin:pressroom_pressrelease_recoverlist"))
    assert "Удалят по ошибке" in recover_list.content.decode()
    version = Version.objects.get_deleted(PressRelease).get(object_id=str(pk))
    recover_url = reverse("admin:pressroom_pressrelease_recover", args=[version.pk])
    response = publisher.get(recover_url)
    assert response.status_code == HTTPStatus.OK
    response = publisher.post(recover_url, form_data(response))
    # It comes back published: a change of state, confirmed first.
    response = confirm_publishing(publisher, response)
    assert response.status_code == HTTPStatus.FOUND

    release = PressRelease.objects.get(pk=pk)
    assert release.title_ru == "Удалят по ошибке"
    assert release.lead_ru == "Последний лид"
    assert release.attachments.get().title_ru == "Документ"


def test_topic_changes_are_kept_and_can_be_undone(superuser):
    topic = make_topic(name_ru="Культура")
    edit(superuser, topic, name_ru="Спорт")
    edit(superuser, topic, name_ru="Опечатка")
    first = Version.objects.get_for_object(topic).order_by("pk").first()
    url = reverse("admin:pressroom_topic_revision", args=[topic.pk, first.pk])
    superuser.post(url, form_data(superuser.get(url)))
    topic.refresh_from_db()
    assert topic.name_ru == "Спорт"


# The admin in three languages


@pytest.mark.parametrize(
    ("language", "direction"), [("ru", "ltr"), ("fa", "rtl"), ("en", "ltr")]
)
def test_admin_speaks_the_browser_language(superuser, language, direction):
    superuser.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    for url in ("/admin/", changelist_url(PressRelease), add_url(PressRelease)):
        response = superuser.get(url)
        assert response.status_code == HTTPStatus.OK
        assert f'<html lang="{language}" dir="{direction}"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "section"),
    [("ru", "Защита входа"), ("fa", "محافظت از ورود"), ("en", "Sign-in protection")],
)
def test_the_admin_names_every_section_in_its_language(superuser, language, section):
    """django-axes has no name of its own: the sidebar said "Axes" in every language."""
    superuser.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    html = superuser.get("/admin/").content.decode()

    captions = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>(.*?)</a>', html)
    assert section in captions
    assert "Axes" not in captions
    # Each app's own name still: a second AppConfig in an apps.py would hide it.
    assert str(apps.get_app_config("pressroom").verbose_name) in captions


def test_persian_admin_shows_no_russian_where_django_lacks_persian(superuser):
    """Django's Persian catalogs lack strings its Russian ones have; ours fill them."""
    superuser.defaults["HTTP_ACCEPT_LANGUAGE"] = "fa"

    refused = edit(superuser, make_release(), status="no-such-status").content.decode()
    # The date picker's catalog, as JavaScript (non-ASCII letters escaped).
    calendar = superuser.get(reverse("admin:jsi18n")).content.decode()

    assert "لطفاً خطای زیر را اصلاح کنید." in refused
    assert "Пожалуйста" not in refused
    assert f'"Sunday": {json.dumps("یکشنبه")}' in calendar


def test_persian_actions_name_the_plural_once(superuser):
    """Django's Persian says «حذف بیانیه‌های مطبوعاتی های انتخاب شده»."""
    superuser.defaults["HTTP_ACCEPT_LANGUAGE"] = "fa"
    make_release()  # The actions are offered only when there is something to act on.
    html = superuser.get(changelist_url(PressRelease)).content.decode()

    assert "حذف بیانیه‌های مطبوعاتی انتخاب‌شده" in html
    assert "مطبوعاتی های" not in html


def test_russian_add_another_agrees_with_any_inline(superuser):
    """Django's Russian says «Добавить еще один Вложение» (masculine, any model)."""
    html = superuser.get(add_url(PressRelease)).content.decode()
    formsets = [
        json.loads(unescape(data))
        for data in re.findall(r'data-inline-formset="([^"]*)"', html)
    ]

    assert {formset["options"]["addText"] for formset in formsets} >= {
        "Добавить ещё: Вложение"
    }


def test_admin_is_not_language_prefixed():
    assert reverse("admin:index") == "/admin/"
