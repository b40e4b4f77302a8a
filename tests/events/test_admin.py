"""Events in the back-office: editors manage them, translators translate them,
and cities adds the partner city inline."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from pressroom import roles
from pressroom.events.models import Event
from tests.cities.factories import make_isfahan, make_partnership
from tests.pressroom.factories import make_event, make_user

pytestmark = pytest.mark.django_db


def member(group):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def management(response):
    """The management forms of the page's inlines, as the browser sends them."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data |= {form.add_prefix(name): form[name].value() for name in form.fields}
    return data


def test_an_editor_adds_an_event_with_its_partner_city(groups):
    editor = member(roles.EDITORS)
    partnership = make_partnership(partner=make_isfahan())
    page = editor.get("/admin/events/event/add/")
    assert page.status_code == HTTPStatus.OK
    data = management(page)
    prefix = next(key for key in data if key.endswith("TOTAL_FORMS")).rsplit("-", 1)[0]
    data |= {
        "title_ru": "Брифинг",
        "place_ru": "Ратуша",
        "title_fa": "نشست خبری",
        "place_fa": "تالار شهر",
        "starts_at_0": "2030-05-15",
        "starts_at_1": "10:00:00",
        "ends_at_0": "2030-05-15",
        "ends_at_1": "11:30:00",
        "accreditation_required": "on",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-partnership": str(partnership.pk),
    }

    response = editor.post("/admin/events/event/add/", data)

    assert response.status_code == HTTPStatus.FOUND, response.context and [
        response.context["adminform"].form.errors,
        [inline.formset.errors for inline in response.context["inline_admin_formsets"]],
    ]
    event = Event.objects.get()
    assert event.accreditation_required and event.title_fa == "نشست خبری"
    assert list(event.partnerships.all()) == [partnership]


def test_an_event_cannot_end_before_it_starts(groups):
    editor = member(roles.EDITORS)
    page = editor.get("/admin/events/event/add/")
    data = management(page) | {
        "title_ru": "Брифинг",
        "place_ru": "Ратуша",
        "starts_at_0": "2030-05-15",
        "starts_at_1": "10:00:00",
        "ends_at_0": "2030-05-15",
        "ends_at_1": "09:00:00",
    }

    response = editor.post("/admin/events/event/add/", data)

    assert response.status_code == HTTPStatus.OK
    assert not Event.objects.exists()


def test_a_translator_translates_an_event_and_changes_nothing_else(groups):
    start = datetime.datetime(2030, 5, 15, 10, tzinfo=datetime.UTC)
    event = make_event(languages=("ru",), starts_at=start, ends_at=None)
    make_partnership(partner=make_isfahan()).calendar_events.add(event)
    translator = member(roles.TRANSLATORS)
    url = f"/admin/events/event/{event.pk}/change/"
    page = translator.get(url)
    assert page.status_code == HTTPStatus.OK
    assert "starts_at" not in page.context["adminform"].form.fields
    assert translator.get("/admin/events/event/add/").status_code == 403

    data = management(page) | {
        "title_fa": "نشست خبری",
        "place_fa": "تالار شهر",
        "title_en": "Briefing",
        "place_en": "City Hall",
        "starts_at_0": "2031-01-01",  # not theirs: ignored
        "starts_at_1": "09:00:00",
    }
    response = translator.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    event.refresh_from_db()
    assert (event.title_fa, event.title_en) == ("نشست خبری", "Briefing")
    assert event.starts_at == start
    assert event.partnerships.count() == 1


def test_editors_and_translators_manage_press_officers_by_their_roles(groups):
    assert member(roles.EDITORS).get("/admin/desk/pressofficer/add/").status_code == 200
    translator = member(roles.TRANSLATORS)
    assert translator.get("/admin/desk/pressofficer/").status_code == 200
    assert translator.get("/admin/desk/pressofficer/add/").status_code == 403
