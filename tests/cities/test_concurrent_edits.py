"""Two people on the same partner city or partnership: nobody's work is lost."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from pressroom import roles
from tests.pressroom.admin_client import (
    carried,
    choices_of,
    history_fields,
    logged_in,
    make_member,
    open_form,
    save,
)
from tests.pressroom.factories import change_url

from .factories import make_city, make_document, make_partnership, make_signatory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("groups")]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def open_partnership(client, partnership):
    """The form's data; form_data() reads checkbox lists as one value."""
    data = open_form(client, partnership)
    if "areas" in data:
        data.update(areas=partnership.areas, languages=partnership.languages)
    return data


@pytest.fixture
def editor():
    return logged_in(make_member(roles.EDITORS, username="editor"))


@pytest.fixture
def translator():
    return logged_in(make_member(roles.TRANSLATORS, username="translator"), "fa")


def test_a_translator_opens_and_translates_a_city(translator):
    city = make_city(languages=("ru",))
    response = translator.get(change_url(city))
    assert response.status_code == HTTPStatus.OK
    data = open_form(translator, city)
    assert "slug" not in data  # read-only for them
    response = save(translator, city, data, name_fa="اصفهان", country_fa="ایران")
    assert response.status_code == HTTPStatus.FOUND
    city.refresh_from_db()
    assert (city.name_fa, city.country_fa) == ("اصفهان", "ایران")


def test_the_editors_city_save_keeps_the_persian_saved_meanwhile(editor, translator):
    city = make_city(languages=("ru",), name_ru="Исфахан")
    editor_form = open_form(editor, city)
    translator_form = open_form(translator, city)
    save(translator, city, translator_form, name_fa="اصفهان", region_fa="استان")
    response = save(editor, city, editor_form, name_ru="Исфахан (Иран)")
    assert response.status_code == HTTPStatus.FOUND
    city.refresh_from_db()
    assert city.name_ru == "Исфахан (Иран)"
    assert (city.name_fa, city.region_fa) == ("اصفهان", "استان")
    assert history_fields(city)[0] == ["Name [ru]"]


def test_a_city_name_changed_by_both_asks(editor, translator):
    city = make_city(name_fa="شهر")
    editor_form = open_form(editor, city)
    translator_form = open_form(translator, city)
    save(translator, city, translator_form, name_fa="شهر مترجم")
    response = save(editor, city, editor_form, name_fa="شهر ویراستار")
    assert response.status_code == HTTPStatus.CONFLICT
    choice = choices_of(response)["_choose:name_fa"]["theirs"]
    editor.post(change_url(city), {**carried(response), "_choose:name_fa": choice})
    city.refresh_from_db()
    assert city.name_fa == "شهر مترجم"


def test_partnership_rows_merge_signatory_by_signatory(editor, translator):
    partnership = make_partnership(summary_fa="")
    signatory = make_signatory(partnership, office_fa="")
    make_document(partnership)
    editor_form = open_partnership(editor, partnership)
    translator_form = open_partnership(translator, partnership)
    response = save(
        translator,
        partnership,
        translator_form,
        summary_fa="خلاصه توافق",
        **{"signatories-0-office_fa": "شهردار اصفهان"},
    )
    assert response.status_code == HTTPStatus.FOUND
    response = save(
        editor,
        partnership,
        editor_form,
        signed_at_ru="Дворец Чехель-Сотун",
        **{"signatories-0-name_ru": "Алиреза Гасемзаде"},
    )
    assert response.status_code == HTTPStatus.FOUND
    partnership.refresh_from_db()
    signatory.refresh_from_db()
    assert partnership.summary_fa == "خلاصه توافق"
    assert partnership.signed_at_ru == "Дворец Чехель-Сотун"
    assert signatory.office_fa == "شهردار اصفهان"
    assert signatory.name_ru == "Алиреза Гасемзаде"


def test_the_same_signatory_field_changed_by_both_asks(editor, translator):
    partnership = make_partnership()
    signatory = make_signatory(partnership, office_fa="")
    editor_form = open_partnership(editor, partnership)
    translator_form = open_partnership(translator, partnership)
    save(
        translator,
        partnership,
        translator_form,
        **{"signatories-0-office_fa": "شهردار"},
    )
    response = save(
        editor, partnership, editor_form, **{"signatories-0-office_fa": "استاندار"}
    )
    assert response.status_code == HTTPStatus.CONFLICT
    key = "_choose:signatories-0-office_fa"
    editor.post(
        change_url(partnership),
        {**carried(response), key: choices_of(response)[key]["mine"]},
    )
    signatory.refresh_from_db()
    assert signatory.office_fa == "استاندار"


@pytest.mark.parametrize("inline", ["signatories", "documents"])
def test_deleting_a_row_translated_meanwhile_asks(editor, translator, inline):
    partnership = make_partnership()
    rows = {
        "signatories": make_signatory(partnership, office_fa=""),
        "documents": make_document(partnership),
    }
    row = rows[inline]
    translated = {"signatories": "office_fa", "documents": "title_fa"}[inline]
    editor_form = open_partnership(editor, partnership)
    translator_form = open_partnership(translator, partnership)
    response = save(
        translator,
        partnership,
        translator_form,
        **{f"{inline}-0-{translated}": "ترجمه"},
    )
    assert response.status_code == HTTPStatus.FOUND
    response = save(editor, partnership, editor_form, **{f"{inline}-0-DELETE": "on"})
    assert response.status_code == HTTPStatus.CONFLICT
    assert "ترجمه" in response.content.decode()
    key = f"_choose:{inline}-changed-{row.pk}"
    response = editor.post(
        change_url(partnership),
        {**carried(response), key: choices_of(response)[key]["theirs"]},
    )
    assert response.status_code == HTTPStatus.FOUND
    row.refresh_from_db()
    assert getattr(row, translated) == "ترجمه"


def test_areas_chosen_by_both_are_named_on_the_choice_page(editor):
    partnership = make_partnership(areas=["culture"])
    other = logged_in(make_member(roles.EDITORS, username="other"))
    mine = open_partnership(editor, partnership)
    theirs = open_partnership(other, partnership)
    save(other, partnership, theirs, areas=["culture", "economy"])
    response = save(editor, partnership, mine, areas=["tourism"])
    assert response.status_code == HTTPStatus.CONFLICT
    page = response.content.decode()
    assert "Культура; Экономика" in page  # names, not a list's code
    assert "['" not in page
    key = "_choose:areas"
    editor.post(
        change_url(partnership),
        {**carried(response), key: choices_of(response)[key]["theirs"]},
    )
    partnership.refresh_from_db()
    assert partnership.areas == ["culture", "economy"]


def test_city_and_partnership_forms_and_lists_show_who_else_is_there(
    editor, translator
):
    city = make_city()
    partnership = make_partnership(partner=city)
    for obj in (city, partnership):
        translator.get(change_url(obj))
        page = editor.get(change_url(obj)).content.decode()
        assert "Открыто также: translator, с " in page
        model = type(obj)
        listing = editor.get(
            reverse(f"admin:cities_{model._meta.model_name}_changelist")
        ).content.decode()
        assert 'title="Сейчас открыт у: translator"' in listing
