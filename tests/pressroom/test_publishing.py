"""The publishing state machine, and every path to it: the change form (status
field and buttons), bulk actions, restoring a version, recovering a deletion."""

import datetime
import re
from html import unescape
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from pressroom import publishing, roles
from pressroom.models import PressRelease

from .admin_client import errors_of, logged_in, make_member
from .factories import (
    ago,
    build_release,
    change_url,
    changelist_url,
    confirm_publishing,
    form_data,
    make_release,
)

pytestmark = pytest.mark.django_db

DRAFT = PressRelease.Status.DRAFT
PUBLISHED = PressRelease.Status.PUBLISHED
WITHDRAWN = PressRelease.Status.WITHDRAWN
REASONS = {
    "withdrawal_reason_ru": "Ошибка в цифрах",
    "withdrawal_reason_fa": "خطا در ارقام",
    "withdrawal_reason_en": "The figures were wrong",
}


@pytest.fixture(autouse=True)
def setup(settings, tmp_path, groups):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def publisher():
    return logged_in(make_member(roles.PUBLISHERS))


def stored(release):
    return PressRelease.objects.get(pk=release.pk)


def state(release):
    return publishing.release_state(stored(release), timezone.now())


def is_confirmation(response):
    return response.status_code == HTTPStatus.OK and (
        'name="_publishing_confirmed"' in response.content.decode()
    )


def local(moment):
    moment = timezone.localtime(moment)
    return {
        "published_at_0": moment.date().isoformat(),
        "published_at_1": moment.strftime("%H:%M:%S"),
    }


def submit(client, release, **changes):
    """Open the change form, change fields, submit it (a button: `_transition`)."""
    response = client.get(change_url(release))
    data = form_data(response)
    data.update(changes)
    return client.post(change_url(release), data)


# The machine itself, without a server


NOW = timezone.now()


@pytest.mark.parametrize(
    ("before", "target", "allowed"),
    [
        (before, target, (before, target) in publishing.TRANSITIONS)
        for before in publishing.STATES
        for target in publishing.STATES
        if before != target
    ],
)
def test_every_pair_of_states_is_allowed_or_refused_as_the_table_says(
    before, target, allowed
):
    release = build_release(
        published_at=NOW + datetime.timedelta(days=1)
        if target == publishing.SCHEDULED
        else NOW - datetime.timedelta(hours=1),
        **{f"withdrawal_reason_{code}": "x" for code in ("ru", "fa", "en")},
    )
    if allowed:
        change = publishing.plan(
            release, before=before, target=target, now=NOW, stored_time=None
        )
        assert change.after == target
        assert publishing.state_of(change.status, change.published_at, NOW) == target
        assert change.needs_confirmation
    else:
        with pytest.raises(publishing.Refused):
            publishing.plan(release, before=before, target=target, now=NOW)


def test_publishing_needs_the_russian_text_complete():
    release = build_release(languages=("fa", "en"))
    with pytest.raises(publishing.Refused) as refused:
        publishing.plan(release, before="draft", target="published", now=NOW)
    assert "status" in refused.value.errors


def test_withdrawal_needs_a_reason_in_each_published_language():
    release = build_release(languages=("ru", "fa"), withdrawal_reason_ru="Ошибка")
    with pytest.raises(publishing.Refused) as refused:
        publishing.plan(release, before="published", target="withdrawn", now=NOW)
    # Not English: the release is not published in it.
    assert set(refused.value.errors) == {"withdrawal_reason_fa"}


def test_a_time_far_in_the_past_is_a_warning_to_confirm_a_recent_one_is_not():
    old = build_release(published_at=datetime.datetime(2020, 3, 1, tzinfo=datetime.UTC))
    change = publishing.plan(old, before="draft", target="published", now=NOW)
    assert change.warnings
    recent = build_release(published_at=NOW - datetime.timedelta(hours=3))
    assert not publishing.plan(
        recent, before="draft", target="published", now=NOW
    ).warnings
    # Republishing keeps the time the release was public with: nothing to warn of.
    assert not publishing.plan(
        old,
        before="withdrawn",
        target="published",
        now=NOW,
        stored_time=old.published_at,
    ).warnings


def test_a_scheduled_release_published_now_takes_the_time_now():
    future = NOW + datetime.timedelta(days=2)
    release = build_release(published_at=future)
    change = publishing.plan(
        release, before="scheduled", target="published", now=NOW, stored_time=future
    )
    assert change.published_at == NOW


# The change form: one submit, a confirmation page, nothing typed lost


def test_publishing_from_the_form_asks_first_and_saves_the_edits_with_it(publisher):
    release = make_release(status=DRAFT, published_at=None)
    response = submit(
        publisher, release, status="published", lead_ru="Новый лид, набранный сейчас"
    )
    assert is_confirmation(response)
    page = response.content.decode()
    assert "Новый лид, набранный сейчас" in page  # carried as a hidden input
    assert stored(release).status == DRAFT  # nothing saved yet
    assert stored(release).lead_ru != "Новый лид, набранный сейчас"

    response = confirm_publishing(publisher, response)
    assert response.status_code == HTTPStatus.FOUND
    release = stored(release)
    assert release.status == PUBLISHED and release.is_public
    assert release.lead_ru == "Новый лид, набранный сейчас"
    assert Version.objects.get_for_object(release).count() == 1


def test_the_withdraw_button_keeps_the_typed_reason_and_lead(publisher):
    """The issue's case: reason and lead typed, then "Withdraw" pressed."""
    release = make_release(status=PUBLISHED)
    page = publisher.get(change_url(release)).content.decode()
    assert 'name="_transition" value="withdrawn"' in page
    assert 'form="pressrelease_form"' in page
    response = submit(
        publisher,
        release,
        _transition="withdrawn",
        lead_ru="Исправленный лид",
        **REASONS,
    )
    assert is_confirmation(response), errors_of(response)
    response = confirm_publishing(publisher, response)
    assert response.status_code == HTTPStatus.FOUND
    # Back on the form (a button keeps the person on the release).
    assert response.url == change_url(release)
    release = stored(release)
    assert release.status == WITHDRAWN and release.withdrawn_at
    assert release.lead_ru == "Исправленный лид"
    assert release.withdrawal_reason_fa == "خطا در ارقام"


def test_withdrawing_without_a_reason_in_a_published_language_is_refused(publisher):
    release = make_release(status=PUBLISHED)
    response = submit(
        publisher,
        release,
        _transition="withdrawn",
        lead_ru="Правка",
        withdrawal_reason_ru="Ошибка",
    )
    assert response.status_code == HTTPStatus.OK
    assert not is_confirmation(response)
    form = response.context["adminform"].form
    assert set(form.errors) == {"withdrawal_reason_fa", "withdrawal_reason_en"}
    assert form["lead_ru"].value() == "Правка"  # shown again, not lost
    assert stored(release).status == PUBLISHED


def test_a_2020_date_is_taken_only_when_confirmed(publisher):
    release = make_release(status=DRAFT, published_at=None)
    response = submit(
        publisher,
        release,
        status="published",
        **local(datetime.datetime(2020, 4, 9, 12, tzinfo=datetime.UTC)),
    )
    assert is_confirmation(response)
    assert response.context["plan"].warnings
    assert 'class="publishing-warning"' in response.content.decode()
    assert stored(release).status == DRAFT
    confirm_publishing(publisher, response)
    assert stored(release).published_at.year == 2020


def test_the_confirmation_of_another_time_does_not_count(publisher):
    release = make_release(status=DRAFT, published_at=None)
    moment = local(ago(days=400))
    data = form_data(publisher.get(change_url(release)))
    data.update(status="published", **moment)
    data["_publishing_confirmed"] = "draft>published@2001-01-01T00:00:00+00:00"
    assert is_confirmation(publisher.post(change_url(release), data))
    assert stored(release).status == DRAFT


def test_back_to_the_form_shows_everything_typed(publisher):
    release = make_release(status=DRAFT)
    response = submit(publisher, release, status="published", title_ru="Новый титул")
    assert is_confirmation(response)
    data = _carried(response)
    data["_publishing_back"] = "1"
    response = publisher.post(change_url(release), data)
    assert response.status_code == HTTPStatus.OK
    form = response.context["adminform"].form
    assert form["title_ru"].value() == "Новый титул"
    assert form["status"].value() == "published"
    assert stored(release).status == DRAFT


def _carried(response):
    data = {}
    for name, value in response.context["carried"]:
        data.setdefault(name, []).append(value)
    return data


def test_scheduling_from_the_form_needs_a_future_time(publisher):
    release = make_release(status=DRAFT, published_at=None)
    response = submit(publisher, release, status="scheduled")
    assert set(response.context["adminform"].form.errors) == {"published_at"}
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    response = submit(publisher, release, status="scheduled", **local(tomorrow))
    assert is_confirmation(response)
    confirm_publishing(publisher, response)
    assert state(release) == "scheduled"
    assert not stored(release).is_public
    # The form shows it as scheduled, with its next steps as buttons.
    page = publisher.get(change_url(release))
    assert page.context["adminform"].form["status"].value() == "scheduled"
    html = page.content.decode()
    assert 'value="published"' in html and 'name="_transition" value="draft"' in html


def test_a_future_time_with_published_chosen_is_refused(publisher):
    release = make_release(status=DRAFT, published_at=None)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    response = submit(publisher, release, status="published", **local(tomorrow))
    assert set(response.context["adminform"].form.errors) == {"published_at"}
    assert stored(release).status == DRAFT


def test_publish_now_button_on_a_scheduled_release(publisher):
    release = make_release(
        status=PUBLISHED, published_at=timezone.now() + datetime.timedelta(days=3)
    )
    response = submit(publisher, release, _transition="published")
    confirm_publishing(publisher, response)
    release = stored(release)
    assert release.is_public
    assert release.published_at <= timezone.now()


def test_the_form_refuses_a_draft_without_russian(publisher):
    release = make_release(languages=("fa",), status=DRAFT)
    response = submit(publisher, release, status="published")
    assert "status" in response.context["adminform"].form.errors
    assert stored(release).status == DRAFT


def test_a_draft_cannot_be_withdrawn(publisher):
    release = make_release(status=DRAFT)
    response = submit(publisher, release, status="withdrawn", **REASONS)
    assert "status" in response.context["adminform"].form.errors
    assert stored(release).status == DRAFT


def test_an_unknown_button_is_a_form_error_not_a_500(publisher):
    release = make_release(status=DRAFT)
    response = submit(publisher, release, _transition="gone")
    assert response.status_code == HTTPStatus.OK
    assert "status" in response.context["adminform"].form.errors


def test_an_edit_without_a_change_of_state_saves_at_once(publisher):
    release = make_release(status=PUBLISHED)
    response = submit(publisher, release, lead_ru="Опечатка исправлена")
    assert response.status_code == HTTPStatus.FOUND, errors_of(response)
    assert stored(release).lead_ru == "Опечатка исправлена"


def test_two_publishers_the_second_confirms_a_change_that_is_stale(publisher):
    """A confirmation names the state it starts from: if someone changed it in
    between, the page asks again instead of saving over their decision."""
    other = logged_in(make_member(roles.PUBLISHERS))
    release = make_release(status=PUBLISHED)
    mine = submit(publisher, release, _transition="draft", lead_ru="Моя правка")
    assert is_confirmation(mine)
    theirs = submit(other, release, _transition="withdrawn", **REASONS)
    confirm_publishing(other, theirs)
    assert stored(release).status == WITHDRAWN
    again = confirm_publishing(publisher, mine)
    assert is_confirmation(again)  # asked again: withdrawn → draft now
    assert "Моя правка" in again.content.decode()
    assert stored(release).status == WITHDRAWN
    confirm_publishing(publisher, again)
    assert stored(release).status == DRAFT
    assert stored(release).lead_ru == "Моя правка"


def test_adding_a_release_as_published_goes_through_the_same_rules(publisher):
    from .admin_client import release_add_data

    data = release_add_data(
        status="published", title_ru="Сразу", lead_ru="Лид", body_ru="<p>Текст</p>"
    )
    response = publisher.post(reverse("admin:pressroom_pressrelease_add"), data)
    assert is_confirmation(response)
    assert not PressRelease.objects.exists()
    confirm_publishing(publisher, response)
    assert PressRelease.objects.get().is_public


# The list: a column and a filter for every state


def test_the_list_shows_and_filters_scheduled_releases(publisher):
    scheduled = make_release(
        status=PUBLISHED,
        title_ru="Завтрашний",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    public = make_release(status=PUBLISHED, title_ru="Сегодняшний")
    response = publisher.get(changelist_url(PressRelease), {"state": "scheduled"})
    assert [r.pk for r in response.context["cl"].result_list] == [scheduled.pk]
    assert "publishing-scheduled" in response.content.decode()
    response = publisher.get(changelist_url(PressRelease), {"state": "published"})
    assert [r.pk for r in response.context["cl"].result_list] == [public.pk]


# Bulk actions: an intermediate page, the same rules


def run_action(client, action, *releases, **extra):
    return client.post(
        changelist_url(PressRelease),
        {
            "action": action,
            "_selected_action": [release.pk for release in releases],
            **extra,
        },
    )


def confirm_action(client, response):
    html = response.content.decode()
    data = {"post": "yes", "action": re.search(r'name="action" value="(\w+)"', html)[1]}
    data["_selected_action"] = re.findall(
        r'name="_selected_action" value="(\d+)"', html
    )
    data["confirmed"] = [
        unescape(key) for key in re.findall(r'name="confirmed" value="([^"]+)"', html)
    ]
    return client.post(changelist_url(PressRelease), data)


def test_bulk_publish_asks_then_publishes_and_reports_refusals(publisher):
    ready = make_release(status=DRAFT, published_at=None)
    no_russian = make_release(languages=("fa",), status=DRAFT, title_ru="")
    response = run_action(publisher, "publish", ready, no_russian)
    assert response.status_code == HTTPStatus.OK
    rows = {row["release"].pk: row for row in response.context["rows"]}
    assert rows[ready.pk]["plan"] and not rows[no_russian.pk]["plan"]
    assert rows[no_russian.pk]["refusals"]
    assert 'class="publishing-refused"' in response.content.decode()
    assert stored(ready).status == DRAFT
    confirm_action(publisher, response)
    assert stored(ready).is_public
    assert stored(no_russian).status == DRAFT
    assert Version.objects.get_for_object(ready).count() == 1


def test_bulk_publish_schedules_a_draft_with_a_future_time(publisher):
    release = make_release(
        status=DRAFT, published_at=timezone.now() + datetime.timedelta(days=2)
    )
    confirm_action(publisher, run_action(publisher, "publish", release))
    assert state(release) == "scheduled"


def test_bulk_withdraw_needs_the_reasons(publisher):
    with_reasons = make_release(status=PUBLISHED, **REASONS)
    without = make_release(status=PUBLISHED)
    response = run_action(publisher, "withdraw", with_reasons, without)
    confirm_action(publisher, response)
    assert stored(with_reasons).status == WITHDRAWN
    assert stored(without).status == PUBLISHED


def test_bulk_unpublish_and_republish(publisher):
    release = make_release(status=WITHDRAWN, **REASONS)
    confirm_action(publisher, run_action(publisher, "publish", release))
    assert stored(release).status == PUBLISHED
    confirm_action(publisher, run_action(publisher, "unpublish", release))
    assert stored(release).status == DRAFT


def test_bulk_action_without_the_confirmation_changes_nothing(publisher):
    release = make_release(status=DRAFT)
    run_action(publisher, "publish", release, post="yes")
    assert stored(release).status == DRAFT


# Restoring a version and recovering a deletion: the same rules


def revision_url(release, version):
    return reverse(
        "admin:pressroom_pressrelease_revision", args=[release.pk, version.pk]
    )


def test_restoring_a_published_version_of_a_draft_is_a_publication(publisher):
    release = make_release(status=DRAFT, published_at=None)
    confirm_publishing(publisher, submit(publisher, release, status="published"))
    published_version = Version.objects.get_for_object(release).first()
    confirm_publishing(publisher, submit(publisher, release, _transition="draft"))
    assert stored(release).status == DRAFT

    url = revision_url(release, published_version)
    response = publisher.post(url, form_data(publisher.get(url)))
    assert is_confirmation(response)
    assert stored(release).status == DRAFT  # rolled back until confirmed
    response = confirm_publishing(publisher, response)
    assert response.status_code == HTTPStatus.FOUND
    assert stored(release).status == PUBLISHED


def test_restoring_a_withdrawn_version_over_a_draft_is_refused(publisher):
    release = make_release(status=PUBLISHED, **REASONS)
    confirm_publishing(publisher, submit(publisher, release, _transition="withdrawn"))
    withdrawn_version = Version.objects.get_for_object(release).first()
    confirm_publishing(publisher, submit(publisher, release, _transition="draft"))

    url = revision_url(release, withdrawn_version)
    response = publisher.post(url, form_data(publisher.get(url)))
    assert response.status_code == HTTPStatus.OK
    assert not is_confirmation(response)
    assert "status" in response.context["adminform"].form.errors
    assert stored(release).status == DRAFT


def test_restoring_a_version_in_the_same_state_needs_no_confirmation(publisher):
    release = make_release(status=PUBLISHED)
    submit(publisher, release, lead_ru="Первый")
    first = Version.objects.get_for_object(release).first()
    submit(publisher, release, lead_ru="Второй")
    url = revision_url(release, first)
    response = publisher.post(url, form_data(publisher.get(url)))
    assert response.status_code == HTTPStatus.FOUND
    assert stored(release).lead_ru == "Первый"


def recover(client, release):
    pk = release.pk
    delete_url = reverse("admin:pressroom_pressrelease_delete", args=[pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == HTTPStatus.FOUND
    version = Version.objects.get_deleted(PressRelease).get(object_id=str(pk))
    url = reverse("admin:pressroom_pressrelease_recover", args=[version.pk])
    return client.post(url, form_data(client.get(url)))


def test_recovering_a_published_release_is_confirmed_as_a_publication(publisher):
    release = make_release(status=DRAFT, published_at=None)
    confirm_publishing(publisher, submit(publisher, release, status="published"))
    response = recover(publisher, release)
    assert is_confirmation(response)
    assert not PressRelease.objects.filter(pk=release.pk).exists()
    confirm_publishing(publisher, response)
    assert stored(release).is_public


def test_recovering_a_withdrawn_release_is_refused_until_made_a_draft(publisher):
    release = make_release(status=PUBLISHED, **REASONS)
    confirm_publishing(publisher, submit(publisher, release, _transition="withdrawn"))
    response = recover(publisher, release)
    assert "status" in response.context["adminform"].form.errors
    assert not PressRelease.objects.filter(pk=release.pk).exists()


# Every pair of states through every path: allowed ones land, others are refused


def in_state(state, **kwargs):
    """A release in `state`, with withdrawal reasons in every language."""
    now = timezone.now()
    fields = {
        "draft": {"status": DRAFT, "published_at": None},
        "scheduled": {
            "status": PUBLISHED,
            "published_at": now + datetime.timedelta(days=2),
        },
        "published": {
            "status": PUBLISHED,
            "published_at": now - datetime.timedelta(hours=1),
        },
        "withdrawn": {
            "status": WITHDRAWN,
            "published_at": now - datetime.timedelta(hours=5),
            "withdrawn_at": now - datetime.timedelta(hours=1),
        },
    }[state]
    return make_release(**{**fields, **REASONS, **kwargs})


def time_for(before, target):
    """What the form's time field gets for this step (nothing: as it is)."""
    if target == "scheduled":
        return local(timezone.now() + datetime.timedelta(days=3))
    return {}


PAIRS = [
    (before, target)
    for before in publishing.STATES
    for target in publishing.STATES
    if before != target
]


def check_outcome(response, client, release, before, target):
    if (before, target) in publishing.TRANSITIONS:
        assert is_confirmation(response), errors_of(response)
        assert state(release) == before  # nothing before the confirmation
        response = confirm_publishing(client, response)
        assert response.status_code == HTTPStatus.FOUND
        assert state(release) == target
    else:
        assert response.status_code == HTTPStatus.OK
        assert not is_confirmation(response)
        assert "status" in response.context["adminform"].form.errors
        assert state(release) == before


@pytest.mark.parametrize(("before", "target"), PAIRS)
def test_every_pair_through_the_status_field(publisher, before, target):
    release = in_state(before)
    response = submit(publisher, release, status=target, **time_for(before, target))
    check_outcome(response, publisher, release, before, target)


@pytest.mark.parametrize(("before", "target"), PAIRS)
def test_every_pair_through_a_button(publisher, before, target):
    release = in_state(before)
    response = submit(
        publisher, release, _transition=target, **time_for(before, target)
    )
    check_outcome(response, publisher, release, before, target)


@pytest.mark.parametrize(("before", "target"), PAIRS)
def test_every_pair_through_restoring_a_version(publisher, before, target):
    import reversion

    release = in_state(target)
    with reversion.create_revision():
        release.save()
    version = Version.objects.get_for_object(release).first()
    other = in_state(before)  # the state it is in now, written without a version
    PressRelease.objects.filter(pk=release.pk).update(
        status=other.status,
        published_at=other.published_at,
        withdrawn_at=other.withdrawn_at,
    )
    url = revision_url(release, version)
    response = publisher.post(url, form_data(publisher.get(url)))
    check_outcome(response, publisher, release, before, target)


@pytest.mark.parametrize("target", publishing.STATES)
def test_recovering_in_every_state_counts_from_draft(publisher, target):
    import reversion

    release = in_state(target)
    with reversion.create_revision():
        release.save()
    response = recover(publisher, release)
    if target == "draft":
        assert response.status_code == HTTPStatus.FOUND
        assert state(release) == "draft"
        return
    if ("draft", target) in publishing.TRANSITIONS:
        assert is_confirmation(response)
        confirm_publishing(publisher, response)
        assert state(release) == target
    else:
        assert "status" in response.context["adminform"].form.errors
        assert not PressRelease.objects.filter(pk=release.pk).exists()


ACTION_OF = {"published": "publish", "scheduled": "publish", "draft": "unpublish"}
ACTION_OF["withdrawn"] = "withdraw"


@pytest.mark.parametrize(("before", "target"), PAIRS)
def test_every_pair_through_a_bulk_action(publisher, before, target):
    """publish / unpublish / withdraw; "publish" schedules a draft whose time
    is in the future and publishes it otherwise."""
    if target == "scheduled" and before == "draft":
        release = in_state(
            before, published_at=timezone.now() + datetime.timedelta(days=2)
        )
    else:
        release = in_state(before)
    response = run_action(publisher, ACTION_OF[target], release)
    assert response.status_code == HTTPStatus.OK
    confirm_action(publisher, response)
    expected = target if (before, target) in publishing.TRANSITIONS else before
    if target == "scheduled" and (before, "published") in publishing.TRANSITIONS:
        # "Publish" on anything but a draft with a future time publishes it.
        expected = "published" if before != "draft" else "scheduled"
    assert state(release) == expected


# A file chosen in the same submit as a change of state


def test_a_photo_chosen_with_the_publication_is_kept_through_the_confirmation(
    publisher, settings
):
    from django.core.files.storage import default_storage

    from pressroom.admin import staged_uploads

    from .factories import make_image

    release = make_release(status=DRAFT, published_at=None)
    data = form_data(publisher.get(change_url(release)))
    data.update(status="published", image=make_image("kazan.jpg"))
    response = publisher.post(change_url(release), data)
    assert is_confirmation(response)
    assert "kazan.jpg" in response.content.decode()
    assert not stored(release).image
    # Not handed out to anyone meanwhile.
    note = response.context["carried"][-1]
    assert note[0] == staged_uploads.FIELD
    staged_name = staged_uploads.signing.loads(note[1], salt=staged_uploads.SALT)[
        "name"
    ]
    assert publisher.get(settings.MEDIA_URL + staged_name).status_code == (
        HTTPStatus.NOT_FOUND
    )

    response = confirm_publishing(publisher, response)
    assert response.status_code == HTTPStatus.FOUND
    release = stored(release)
    assert release.is_public
    assert release.image.name.endswith(".jpg")
    assert release.image_width == 640
    assert not default_storage.exists(staged_name)
    # The media view serves the public photo (so the 404 above was a refusal).
    photo = publisher.get(settings.MEDIA_URL + release.image.name)
    assert photo.status_code == HTTPStatus.OK


def test_a_forged_or_borrowed_staged_file_is_a_400(publisher):
    from pressroom.admin import staged_uploads

    release = make_release(status=DRAFT)
    data = form_data(publisher.get(change_url(release)))
    data[staged_uploads.FIELD] = "forged"
    assert publisher.post(change_url(release), data).status_code == (
        HTTPStatus.BAD_REQUEST
    )
    note = staged_uploads.signing.dumps(
        {
            "field": "image",
            "name": "releases/staged/x/upload",
            "filename": "a.jpg",
            "type": "image/jpeg",
            "user": -1,
        },
        salt=staged_uploads.SALT,
    )
    data[staged_uploads.FIELD] = note
    assert publisher.post(change_url(release), data).status_code == (
        HTTPStatus.BAD_REQUEST
    )


def test_bulk_publish_of_a_draft_dated_2020_says_so_before_it_is_confirmed(publisher):
    old = datetime.datetime(2020, 4, 9, 9, tzinfo=datetime.UTC)
    release = make_release(status=DRAFT, published_at=old)
    response = run_action(publisher, "publish", release)
    (row,) = response.context["rows"]
    assert row["plan"].warnings
    assert 'class="publishing-warning"' in response.content.decode()
    assert stored(release).status == DRAFT
    confirm_action(publisher, response)
    assert stored(release).is_public and stored(release).published_at == old
