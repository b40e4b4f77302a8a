"""The press desk: officers, accreditation requests, each release's press contact."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pressroom import roles
from pressroom.desk.models import AccreditationRequest
from pressroom.desk.tasks import notify_applicant
from tests.conftest import run_worker
from tests.pressroom.factories import (
    make_event,
    make_officer,
    make_release,
    make_topic,
    make_user,
    visible_text,
)

REQUEST = {
    "name": "Ирина Петрова",
    "outlet": "Вечерняя Казань",
    "job_title": "корреспондент",
    "email": "irina@example.org",
    "phone": "+7 900 000-00-00",
    "kind": "permanent",
    "message": "",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_the_desk_lists_the_officers_named_in_the_language(client, language):
    topic = make_topic()
    officer = make_officer(topics=[topic])
    unnamed = make_officer(name_fa="", role_fa="", name_en="", role_en="")

    response = client.get(f"/{language}/press/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert getattr(officer, f"name_{language}") in html
    assert (unnamed.name_ru in html) == (language == "ru")
    assert getattr(topic, f"name_{language}") in html
    assert '<bdi dir="ltr">' in html and "tel:+78431112233" in html
    assert not response.cookies and "csrfmiddlewaretoken" not in html


@pytest.mark.django_db
def test_the_persian_desk_writes_numbers_in_persian_digits(client):
    make_officer(email="press.office@example.org")  # an address is not a number

    text = visible_text(client.get("/fa/press/"), skip_foreign=True)

    assert not re.search(r"[0-9]", text), re.findall(r".{20}[0-9].{20}", text)


@pytest.mark.django_db
def test_an_accreditation_request_is_stored_in_the_readers_language(client):
    event = make_event(accreditation_required=True)

    response = client.post(
        "/fa/press/", {**REQUEST, "kind": "event", "event": event.pk}
    )

    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    stored = AccreditationRequest.objects.get()
    assert (stored.language, stored.event, stored.status) == ("fa", event, "new")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"email": "not an address"},
        {"name": ""},
        {"kind": "forever"},
        {"kind": "event"},  # without the event
        {"kind": "event", "event": "999999"},
        {"message": "x" * 2001},
        {"email": "a@example.org\r\nBcc: b@example.org"},
    ],
)
def test_a_bad_request_is_refused_and_nothing_is_stored(client, change):
    response = client.post("/en/press/", {**REQUEST, **change})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not AccreditationRequest.objects.exists()


@pytest.mark.django_db
def test_an_event_that_needs_no_accreditation_cannot_be_chosen(client):
    open_event = make_event(accreditation_required=False)

    response = client.post(
        "/en/press/", {**REQUEST, "kind": "event", "event": open_event.pk}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.django_db
def test_a_flood_of_requests_is_held_at_the_limit(client):
    answers = [client.post("/en/press/", REQUEST).status_code for _ in range(7)]

    assert answers == [200] * 5 + [429] * 2
    assert AccreditationRequest.objects.count() == 5


@pytest.mark.django_db
def test_one_address_is_written_to_at_most_five_times_a_day_from_anywhere(client):
    """Each request mails its applicant: from many clients, a flood of requests
    in someone else's name would fill that inbox."""
    responses = [
        client.post(
            "/en/press/",
            {**REQUEST, "email": "Irina@Example.org" if n % 2 else "irina@example.org"},
            REMOTE_ADDR=f"203.0.113.{n}",
        )
        for n in range(7)
    ]

    assert [response.status_code for response in responses] == [200] * 5 + [429] * 2
    assert AccreditationRequest.objects.count() == 5
    assert "from this e-mail address today" in responses[-1].content.decode()
    assert responses[-1]["Retry-After"] == str(24 * 3600)


@pytest.mark.django_db
def test_a_robot_filling_the_hidden_field_stores_nothing(client):
    client.post("/en/press/", {**REQUEST, "website": "http://spam.example"})

    assert not AccreditationRequest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_applicant_is_told_of_each_change_once(client, smtp_inbox):
    roles.ensure_groups()
    client.post("/ru/press/", REQUEST)
    run_worker()
    (received,) = smtp_inbox.to("irina@example.org")
    assert "Ваша заявка на аккредитацию" in received["Subject"]

    editor = make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    accreditation = AccreditationRequest.objects.get()
    url = f"/admin/desk/accreditationrequest/{accreditation.pk}/change/"
    form = {"status": "approved", "reply": "Ждём вас в пресс-центре."}
    assert client.post(url, form).status_code == HTTPStatus.FOUND
    assert client.post(url, form).status_code == HTTPStatus.FOUND  # saved again, same
    notify_applicant.enqueue(accreditation.pk)  # and a retried task
    run_worker()

    assert len(smtp_inbox.to("irina@example.org")) == 2
    approved = smtp_inbox.to("irina@example.org")[1]
    assert "Ждём вас в пресс-центре." in approved.get_body(("plain",)).get_content()
    assert AccreditationRequest.objects.get().notified_status == "approved"


@pytest.mark.django_db
def test_translators_cannot_open_accreditation_requests(client, groups):
    translator = make_user(is_staff=True)
    translator.groups.add(Group.objects.get(name=roles.TRANSLATORS))
    client.force_login(translator)

    response = client.get("/admin/desk/accreditationrequest/")

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.django_db
def test_a_release_names_its_press_contact_under_the_text(client):
    officer = make_officer(email="anna@example.org")
    release = make_release(press_contact=officer)

    persian = client.get(release.get_absolute_url("fa")).content.decode()
    english = client.get(release.get_absolute_url("en")).content.decode()

    assert officer.name_fa in persian and officer.name_en in english
    contact = persian.split('class="press-contact"', 1)[1].split("</section>", 1)[0]
    assert (
        '<a href="mailto:anna@example.org"><bdi dir="ltr">anna@example.org</bdi></a>'
        in contact
    )
    assert '<bdi dir="ltr">+۷ (۸۴۳) ۱۱۱-۲۲-۳۳</bdi>' in contact
    # Under the text: after the body, before the topics and related news.
    assert persian.index('class="body"') < persian.index('class="press-contact"')


@pytest.mark.django_db
def test_a_release_without_a_contact_gives_the_press_services_own(client, settings):
    release = make_release()

    html = client.get(release.get_absolute_url("en")).content.decode()

    contact = html.split('class="press-contact"', 1)[1].split("</section>", 1)[0]
    assert settings.PRESS_CONTACT_EMAIL in contact


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "fa"])
def test_the_desk_and_subscribe_pages_run_a_fixed_number_of_queries(client, language):
    make_officer(topics=[make_topic()])
    make_event(accreditation_required=True)
    urls = [f"/{language}/press/", f"/{language}/subscribe/"]
    with_one = [queries(client, url) for url in urls]

    for _ in range(12):
        make_officer(topics=[make_topic(), make_topic()])
        make_event(accreditation_required=True)

    assert [queries(client, url) for url in urls] == with_one


@pytest.mark.django_db(transaction=True)
def test_two_editors_deciding_at_once_leave_one_decision_told_once(client, smtp_inbox):
    roles.ensure_groups()
    client.post("/en/press/", REQUEST)
    run_worker()
    smtp_inbox.messages.clear()
    accreditation = AccreditationRequest.objects.get()
    url = f"/admin/desk/accreditationrequest/{accreditation.pk}/change/"
    first, second = Client(), Client()
    for staff in (first, second):
        editor = make_user(is_staff=True)
        editor.groups.add(Group.objects.get(name=roles.EDITORS))
        staff.force_login(editor)
        assert staff.get(url).status_code == HTTPStatus.OK  # both have it open

    first.post(url, {"status": "approved", "reply": ""})
    second.post(url, {"status": "more_info", "reply": "Please send a letter."})
    run_worker()

    stored = AccreditationRequest.objects.get()
    assert (stored.status, stored.reply) == ("more_info", "Please send a letter.")
    (message,) = smtp_inbox.to("irina@example.org")
    assert "Please send a letter." in message.get_body(("plain",)).get_content()
    assert stored.notified_status == "more_info"


@pytest.mark.django_db(transaction=True)
def test_a_note_to_the_applicant_is_sent_once_not_with_every_later_change(
    client, smtp_inbox
):
    roles.ensure_groups()
    client.post("/ru/press/", REQUEST)
    run_worker()
    editor = make_user(is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    accreditation = AccreditationRequest.objects.get()
    url = f"/admin/desk/accreditationrequest/{accreditation.pk}/change/"
    note = "Пришлите, пожалуйста, копию редакционного удостоверения."

    client.post(url, {"status": "more_info", "reply": note})
    run_worker()
    client.post(url, {"status": "approved", "reply": note})  # the note left as it was
    run_worker()

    _received, asked, approved = smtp_inbox.to("irina@example.org")
    assert note in asked.get_body(("plain",)).get_content()
    assert note in asked.get_body(("html",)).get_content()
    assert note not in approved.get_body(("plain",)).get_content()
    assert note not in approved.get_body(("html",)).get_content()


@pytest.mark.django_db
def test_the_demo_releases_name_the_officer_who_covers_their_topics(
    client, settings, tmp_path
):
    from django.core.management import call_command

    from pressroom.demo.releases import loaded_release
    from pressroom.models import PressRelease

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", "releases", "journalists", verbosity=0)

    releases = PressRelease.objects.prefetch_related("topics")
    assert releases and all(release.press_contact for release in releases)
    for release in releases:
        assert set(release.topics.all()) & set(release.press_contact.topics.all())
    seed = loaded_release()
    html = client.get(seed.get_absolute_url("fa")).content.decode()
    contact = html.split('class="press-contact"', 1)[1].split("</section>", 1)[0]
    assert seed.press_contact.name_fa in contact

    # Loading again keeps what staff changed: a contact taken off stays off.
    PressRelease.objects.filter(pk=seed.pk).update(press_contact=None)
    call_command("load_demo", "releases", "journalists", verbosity=0)
    assert PressRelease.objects.get(pk=seed.pk).press_contact is None
