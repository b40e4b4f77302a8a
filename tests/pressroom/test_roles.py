"""Roles through the admin's HTTP views: what editors, publishers and translators
may see, change, publish and delete, and what each is refused."""

import io
import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from reversion.models import Version

from pressroom import roles
from pressroom.models import PressRelease, Topic

from .admin_client import edit, errors_of, logged_in, make_member, release_add_data
from .factories import (
    add_url,
    change_url,
    changelist_url,
    form_data,
    make_attachment,
    make_release,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db

DRAFT = PressRelease.Status.DRAFT
PUBLISHED = PressRelease.Status.PUBLISHED
WITHDRAWN = PressRelease.Status.WITHDRAWN


@pytest.fixture(autouse=True)
def groups(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    roles.ensure_groups()


@pytest.fixture
def editor():
    return logged_in(make_member(roles.EDITORS))


@pytest.fixture
def publisher():
    return logged_in(make_member(roles.PUBLISHERS))


@pytest.fixture
def translator():
    return logged_in(make_member(roles.TRANSLATORS))


def inputs(response):
    """Names of the editable inputs of an admin page."""
    html = response.content.decode()
    return set(re.findall(r'<(?:input|textarea|select)[^>]*\sname="([^"]+)"', html))


def run_action(client, action, *releases, **extra):
    return client.post(
        changelist_url(PressRelease),
        {
            "action": action,
            "_selected_action": [release.pk for release in releases],
            **extra,
        },
    )


def available_actions(client):
    form = client.get(changelist_url(PressRelease)).context["action_form"]
    return set(dict(form.fields["action"].choices)) if form else set()


def status_of(release):
    return PressRelease.objects.get(pk=release.pk).status


# The groups


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_migration_makes_the_three_groups_with_historical_models():
    Group.objects.all().delete()
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(("pressroom", "0003_roles"))
    roles.ensure_groups(state.apps)
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.EDITORS,
        roles.PUBLISHERS,
        roles.TRANSLATORS,
    }
    assert roles.PUBLISH in group_permissions(roles.PUBLISHERS)
    assert roles.PUBLISH not in group_permissions(roles.EDITORS)
    assert roles.PUBLISH not in group_permissions(roles.TRANSLATORS)


def test_group_permissions():
    editors = group_permissions(roles.EDITORS)
    publishers = group_permissions(roles.PUBLISHERS)
    translators = group_permissions(roles.TRANSLATORS)
    assert {
        "pressroom.add_pressrelease",
        "pressroom.change_pressrelease",
        "pressroom.add_attachment",
    } <= editors
    assert "pressroom.delete_topic" not in editors
    assert {
        "pressroom.publish_pressrelease",
        "pressroom.delete_pressrelease",
        "pressroom.delete_topic",
        "pressroom.add_previewlink",
    } <= publishers
    assert translators == {
        perm
        for perm in translators
        if perm.split(".")[1].startswith(("change_", "view_"))
    }
    assert "pressroom.change_pressrelease" in translators


def test_ensure_groups_is_idempotent_and_keeps_what_an_operator_added():
    extra = Permission.objects.get(codename="view_user")
    Group.objects.get(name=roles.EDITORS).permissions.add(extra)
    before = group_permissions(roles.EDITORS)
    roles.ensure_groups()
    assert Group.objects.filter(name=roles.EDITORS).count() == 1
    assert group_permissions(roles.EDITORS) == before


def test_only_translators_and_superusers_edit_interface_strings():
    assert roles.can_translate_interface(make_member(roles.TRANSLATORS))
    assert roles.can_translate_interface(make_user(is_staff=True, is_superuser=True))
    assert not roles.can_translate_interface(make_member(roles.EDITORS))
    assert not roles.can_translate_interface(make_member(roles.PUBLISHERS))
    assert not roles.can_translate_interface(
        make_member(roles.TRANSLATORS, is_active=False)
    )
    from django.contrib.auth.models import AnonymousUser

    assert not roles.can_translate_interface(AnonymousUser())


def test_rosetta_opens_for_translators_only(translator, editor):
    url = reverse("rosetta-file-list", kwargs={"po_filter": "project"})
    assert translator.get(url).status_code == HTTPStatus.OK
    response = editor.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert "login" in response["Location"]


# Editors


def test_editor_writes_a_draft_and_is_its_author(editor):
    response = editor.get(add_url(PressRelease))
    assert response.status_code == HTTPStatus.OK
    assert "status" not in inputs(response)
    assert "published_at_0" not in inputs(response)
    response = editor.post(
        add_url(PressRelease),
        release_add_data(
            title_ru="Черновик редактора",
            lead_ru="Лид",
            body_ru="<p>Текст</p>",
            # Not in the form for an editor: ignored.
            status="published",
            published_at_0="2025-04-09",
            published_at_1="12:00:00",
        ),
    )
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    release = PressRelease.objects.get(title_ru="Черновик редактора")
    assert release.status == DRAFT
    assert release.published_at is None
    assert release.author.groups.filter(name=roles.EDITORS).exists()


def test_editor_saving_a_release_cannot_make_it_published(editor):
    release = make_release(status=DRAFT)
    response = editor.get(change_url(release))
    assert "status" not in inputs(response)
    assert "title_ru" in inputs(response)
    data = form_data(response)
    data.update(status="published", featured="on", title_ru="Правка редактора")
    response = editor.post(change_url(release), data)
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    release.refresh_from_db()
    assert release.title_ru == "Правка редактора"
    assert release.status == DRAFT
    assert not release.featured


def test_editor_has_no_publish_action_button_or_status_field(editor):
    release = make_release(status=DRAFT)
    assert not {"publish", "unpublish", "withdraw"} & available_actions(editor)
    response = editor.get(change_url(release))
    assert 'name="_transition"' not in response.content.decode()
    run_action(editor, "publish", release)
    run_action(editor, "publish", release, post="yes")
    assert status_of(release) == DRAFT
    # A forged button press changes nothing: the form has no status for them.
    data = form_data(response)
    data["_transition"] = "published"
    data["_publishing_confirmed"] = "draft>published@-"
    assert editor.post(change_url(release), data).status_code == HTTPStatus.FOUND
    assert status_of(release) == DRAFT


def test_editor_deletes_drafts_but_not_published_releases(editor):
    draft = make_release(status=DRAFT)
    published = make_release(status=PUBLISHED)
    withdrawn = make_release(status=WITHDRAWN)
    for release in (published, withdrawn):
        url = reverse("admin:pressroom_pressrelease_delete", args=[release.pk])
        assert editor.get(url).status_code == HTTPStatus.FORBIDDEN
        assert editor.post(url, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
        page = editor.get(change_url(release)).content.decode()
        assert 'class="deletelink"' not in page
    # The bulk action refuses when a published release is among the selected.
    editor.post(
        changelist_url(PressRelease),
        {
            "action": "delete_selected",
            "_selected_action": [draft.pk, published.pk],
            "post": "yes",
        },
    )
    assert PressRelease.objects.filter(pk__in=[draft.pk, published.pk]).count() == 2
    url = reverse("admin:pressroom_pressrelease_delete", args=[draft.pk])
    assert editor.post(url, {"post": "yes"}).status_code == HTTPStatus.FOUND
    assert not PressRelease.objects.filter(pk=draft.pk).exists()


def test_editor_cannot_restore_versions_but_hands_out_preview_links(editor):
    release = make_release(status=DRAFT)
    edit(editor, release, title_ru="Правка")
    version = Version.objects.get_for_object(release).first()
    url = reverse(
        "admin:pressroom_pressrelease_revision", args=[release.pk, version.pk]
    )
    assert editor.get(url).status_code == HTTPStatus.FORBIDDEN
    recover = reverse("admin:pressroom_pressrelease_recoverlist")
    assert editor.get(recover).status_code == HTTPStatus.FORBIDDEN
    # The history itself and the comparison are open to them.
    history = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    assert editor.get(history).status_code == HTTPStatus.OK
    assert "preview_links-TOTAL_FORMS" in inputs(editor.get(change_url(release)))


def test_editor_adds_topics_but_does_not_delete_them(editor):
    response = editor.post(
        add_url(Topic), {"name_ru": "Спорт", "name_en": "Sport", "slug": "sport"}
    )
    assert response.status_code == HTTPStatus.FOUND
    topic = Topic.objects.get(slug="sport")
    url = reverse("admin:pressroom_topic_delete", args=[topic.pk])
    assert editor.get(url).status_code == HTTPStatus.FORBIDDEN


# Publishers


def test_publisher_deletes_published_releases_and_topics(publisher):
    release = make_release(status=PUBLISHED)
    url = reverse("admin:pressroom_pressrelease_delete", args=[release.pk])
    assert publisher.post(url, {"post": "yes"}).status_code == HTTPStatus.FOUND
    assert not PressRelease.objects.filter(pk=release.pk).exists()
    topic = make_topic()
    url = reverse("admin:pressroom_topic_delete", args=[topic.pk])
    assert publisher.post(url, {"post": "yes"}).status_code == HTTPStatus.FOUND


# Translators


def test_translator_sees_russian_read_only_and_edits_only_translations(translator):
    release = make_release(status=DRAFT)
    make_attachment(release)
    response = translator.get(change_url(release))
    assert response.status_code == HTTPStatus.OK
    names = inputs(response)
    for field in ("title", "lead", "body", "dateline", "image_caption"):
        assert f"{field}_fa" in names
        assert f"{field}_en" in names
        assert f"{field}_ru" not in names
    for field in ("status", "published_at_0", "featured", "topics", "image", "author"):
        assert field not in names
    assert "attachments-0-title_fa" in names
    assert "attachments-0-title_ru" not in names
    assert "attachments-0-file" not in names
    assert "attachments-0-DELETE" not in names
    html = response.content.decode()
    # The Russian text is on the page, read-only, the body as formatted text.
    assert release.title_ru in html
    assert "Текст пресс-релиза о жизни города." in html
    assert 'class="deletelink"' not in html


def test_translator_saves_persian_and_nothing_else(translator):
    release = make_release(status=DRAFT, languages=("ru",))
    response = translator.get(change_url(release))
    data = form_data(response)
    data.update(
        title_fa="کازان و اصفهان",
        lead_fa="خلاصه",
        body_fa="<p>متن</p>",
        # Tampering: none of these are in the translator's form.
        title_ru="Подмена",
        status="published",
        published_at_0="2025-04-09",
        published_at_1="12:00:00",
    )
    response = translator.post(change_url(release), data)
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    release.refresh_from_db()
    assert release.title_fa == "کازان و اصفهان"
    assert release.in_fa
    assert release.title_ru != "Подмена"
    assert release.status == DRAFT
    assert release.published_at is not None  # as the factory made it, untouched


def test_translator_trying_to_publish_is_refused(translator):
    release = make_release(status=DRAFT)
    assert not {"publish", "unpublish", "withdraw", "delete_selected"} & (
        available_actions(translator)
    )
    run_action(translator, "publish", release, post="yes")
    assert status_of(release) == DRAFT


def test_translator_cannot_add_or_delete(translator):
    release = make_release(status=DRAFT)
    topic = make_topic()
    assert translator.get(add_url(PressRelease)).status_code == HTTPStatus.FORBIDDEN
    assert translator.get(add_url(Topic)).status_code == HTTPStatus.FORBIDDEN
    for url in (
        reverse("admin:pressroom_pressrelease_delete", args=[release.pk]),
        reverse("admin:pressroom_topic_delete", args=[topic.pk]),
    ):
        assert translator.post(url, {"post": "yes"}).status_code == (
            HTTPStatus.FORBIDDEN
        )
    assert PressRelease.objects.filter(pk=release.pk).exists()
    listing = translator.get(changelist_url(PressRelease)).content.decode()
    assert 'class="addlink"' not in listing


def test_translator_translates_topic_names_only(translator):
    topic = make_topic(slug="culture", name_ru="Культура", name_fa="")
    response = translator.get(change_url(topic))
    assert {"name_fa", "name_en"} <= inputs(response)
    assert "name_ru" not in inputs(response)
    assert "slug" not in inputs(response)
    data = form_data(response)
    data.update(name_fa="فرهنگ", slug="hacked", name_ru="Подмена")
    response = translator.post(change_url(topic), data)
    assert response.status_code == HTTPStatus.FOUND
    topic.refresh_from_db()
    assert (topic.name_fa, topic.slug, topic.name_ru) == (
        "فرهنگ",
        "culture",
        "Культура",
    )


def test_translator_cannot_restore_versions(translator):
    release = make_release(status=DRAFT)
    edit(translator, release, title_fa="ترجمه")
    version = Version.objects.get_for_object(release).first()
    url = reverse(
        "admin:pressroom_pressrelease_revision", args=[release.pk, version.pk]
    )
    assert translator.get(url).status_code == HTTPStatus.FORBIDDEN


# Everyone else


def test_staff_without_a_group_and_anonymous_visitors_are_kept_out(client):
    release = make_release()
    response = client.get(change_url(release))
    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]
    nobody = logged_in(make_user(is_staff=True))
    assert nobody.get(change_url(release)).status_code == HTTPStatus.FORBIDDEN


def test_demo_accounts_exist_for_each_role(settings):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEBUG = True
    settings.DEMO = True
    output = io.StringIO()
    call_command("demo_account", stdout=output)
    assert "editor, publisher, translator" in output.getvalue()
    users = get_user_model().objects
    for username, group in (
        ("editor", roles.EDITORS),
        ("publisher", roles.PUBLISHERS),
        ("translator", roles.TRANSLATORS),
    ):
        user = users.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert user.check_password("kazan-demo-2025")
    assert users.get(username="demo").is_superuser
