"""The back-office for cities and partnerships: pages, home-city action, versions."""

import io
import re
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.test import Client, RequestFactory
from PIL import Image
from reversion.models import Version

from cities.admin import AgreementDocumentForm, SignatoryInline, TimelineEventInline
from cities.models import AgreementDocument, City, Partnership

from .factories import (
    make_city,
    make_document,
    make_event,
    make_home,
    make_partnership,
    make_signatory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("groups")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", password="x" * 20)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    # The admin speaks the browser's language: English, the source strings.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_admin_pages_open(admin_client):
    home = make_home()
    partnership = make_partnership()
    make_signatory(partnership)
    make_document(partnership)
    make_event(partnership)

    for url in [
        "/admin/cities/city/",
        "/admin/cities/city/add/",
        f"/admin/cities/city/{home.pk}/change/",
        f"/admin/cities/city/{home.pk}/history/",
        "/admin/cities/partnership/",
        "/admin/cities/partnership/add/",
        f"/admin/cities/partnership/{partnership.pk}/change/",
    ]:
        assert admin_client.get(url).status_code == HTTPStatus.OK, url


def test_city_form_has_a_field_per_language(admin_client):
    html = admin_client.get("/admin/cities/city/add/").content.decode()

    for language in ("ru", "fa", "en"):
        assert f'name="name_{language}"' in html
        assert f'name="description_{language}"' in html


def test_partnership_form_picks_areas_and_languages_with_checkboxes(admin_client):
    html = admin_client.get("/admin/cities/partnership/add/").content.decode()

    assert 'type="checkbox" name="areas" value="culture"' in html
    assert 'type="checkbox" name="languages" value="fa"' in html
    for prefix in ("signatories", "documents", "events"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_make_home_moves_the_mark_and_keeps_versions(admin_client):
    old = make_home()
    new = make_city()

    response = admin_client.post(
        "/admin/cities/city/",
        {"action": "make_home", "_selected_action": [new.pk]},
    )

    assert response.status_code == HTTPStatus.FOUND
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.is_home, new.is_home) == (False, True)
    assert Version.objects.get_for_object(new).count() == 1
    assert Version.objects.get_for_object(old).count() == 1


def test_the_home_city_cannot_be_deleted(admin_client):
    home = make_home()

    response = admin_client.get(f"/admin/cities/city/{home.pk}/delete/")

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_saving_a_partnership_in_the_admin_keeps_a_version(admin_client):
    partner = make_city()
    data = {
        "partner": partner.pk,
        "kind": Partnership.Kind.SISTER,
        "status": Partnership.Status.ACTIVE,
        "signed_on": "2025-04-09",
        "signed_at_ru": "Исфахан",
        "areas": ["culture", "tourism"],
        "languages": ["ru", "fa"],
    }
    for prefix in ("signatories", "documents", "events"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "signatories-TOTAL_FORMS": "1",
        "signatories-0-name_ru": "Ильсур Метшин",
        "signatories-0-office_ru": "Мэр Казани",
        "signatories-0-position": "0",
    }

    response = admin_client.post("/admin/cities/partnership/add/", data)

    assert response.status_code == HTTPStatus.FOUND, response.context[
        "adminform"
    ].form.errors
    partnership = Partnership.objects.get()
    assert partnership.areas == ["culture", "tourism"]
    assert partnership.signatories.get().name_ru == "Ильсур Метшин"
    assert Version.objects.get_for_object(partnership).count() == 1


def test_the_admin_refuses_a_second_home_city(admin_client):
    make_home()
    data = {
        "name_ru": "Другой",
        "country_ru": "Страна",
        "slug": "other",
        "calendar": "gregorian",
        "is_home": "on",
    }

    response = admin_client.post("/admin/cities/city/add/", data)

    assert response.status_code == HTTPStatus.OK
    assert "There is already a home city." in response.content.decode()
    assert City.objects.count() == 1


def test_an_emblem_that_is_not_an_image_is_refused_and_the_rest_is_kept(
    admin_client, media
):
    data = {
        "name_ru": "Новый город",
        "country_ru": "Страна",
        "slug": "new-town",
        "calendar": "gregorian",
        "emblem": SimpleUploadedFile("emblem.jpg", b"just text, no picture"),
    }

    response = admin_client.post("/admin/cities/city/add/", data)

    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert form.errors["emblem"]
    assert form["name_ru"].value() == "Новый город"
    assert not City.objects.exists()


def test_an_agreement_document_of_a_disallowed_type_is_refused(media):
    # Built the way the admin's inline builds it.
    form_class = modelform_factory(
        AgreementDocument, form=AgreementDocumentForm, fields=["language", "file"]
    )
    form = form_class(
        data={"language": "ru", "title_ru": "Соглашение"},
        files={"file": SimpleUploadedFile("agreement.exe", b"MZ")},
    )

    assert not form.is_valid()
    assert "file" in form.errors


def test_uploaded_city_files_get_safe_names(media):
    city = make_city(emblem=SimpleUploadedFile("герб <b>.png", tiny_png()))

    assert city.emblem.name.startswith("cities/emblems/")
    assert city.emblem.name.isascii()
    assert "<" not in city.emblem.name


def tiny_png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def staff_in(group):
    user = get_user_model().objects.create_user(
        f"{group.lower()}-user", password="x" * 20, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_the_groups_have_their_cities_permissions():
    editors = Group.objects.get(name="Editors").permissions
    translators = Group.objects.get(name="Translators").permissions

    assert editors.filter(codename="change_partnership").exists()
    assert editors.filter(codename="add_city").exists()
    assert translators.filter(codename="change_city").exists()
    assert not translators.filter(codename="add_partnership").exists()


@pytest.mark.parametrize("inline", [SignatoryInline, TimelineEventInline])
def test_editors_edit_a_partnerships_rows_translators_only_translate(inline):
    partnership = make_partnership()
    rows = inline(Partnership, admin.site)
    editor = request_by(staff_in("Editors"))
    translator = request_by(staff_in("Translators"))

    assert rows.has_add_permission(editor, partnership)
    assert rows.has_delete_permission(editor, partnership)
    assert rows.has_change_permission(translator, partnership)
    assert not rows.has_add_permission(translator, partnership)
    assert not rows.has_delete_permission(translator, partnership)


def test_an_editor_adds_a_signatory_in_the_admin(client):
    partnership = make_partnership(signed_at_fa="", summary_fa="")
    client.force_login(
        staff_in("Editors"), backend="django.contrib.auth.backends.ModelBackend"
    )
    data = {
        "partner": partnership.partner.pk,
        "kind": partnership.kind,
        "status": partnership.status,
        "signed_on": "2025-04-09",
        "areas": partnership.areas,
        "languages": partnership.languages,
        "signed_at_ru": partnership.signed_at_ru,
    }
    for prefix in ("signatories", "documents", "events"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    data |= {
        "signatories-TOTAL_FORMS": "1",
        "signatories-0-name_ru": "Али Касемзаде",
        "signatories-0-position": "1",
    }

    response = client.post(f"/admin/cities/partnership/{partnership.pk}/change/", data)

    assert response.status_code == HTTPStatus.FOUND
    assert partnership.signatories.get().name_ru == "Али Касемзаде"


@pytest.mark.parametrize(
    ("admin_language", "persian"), [("ru", "Персидский"), ("en", "Persian")]
)
def test_the_agreement_language_checkboxes_are_named_in_the_admins_language(
    admin_user, admin_language, persian
):
    client = Client(HTTP_ACCEPT_LANGUAGE=admin_language)
    client.force_login(admin_user)
    html = client.get("/admin/cities/partnership/add/").content.decode()

    label = re.search(
        r'<label for="id_languages_\d+"><input type="checkbox" name="languages" '
        r'value="fa"[^>]*>\s*(.*?)</label>',
        html,
    )
    assert label.group(1).strip() == persian
