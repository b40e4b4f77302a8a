"""Publishing in a real Chromium: a status change made from the change form with
what was typed, through its confirmation page; the desk; axe on both, ru and fa.

Screenshots go to tests/browser/screenshots/ and, for a look by eye, to
/tmp/shots-publishing/ (SHOTS_DIR).
"""

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, screenshot

PASSWORD = "a-long-test-password-42"
SHOTS_DIR = Path(os.environ.get("PUBLISHING_SHOTS", "/tmp/shots-publishing"))


@pytest.fixture
def people(live_server, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import caches

    from pressroom import roles

    settings.MEDIA_ROOT = str(tmp_path)
    for cache in caches.all():
        cache.clear()
    roles.ensure_groups()
    users = {}
    for username, group in (
        ("editor", roles.EDITORS),
        ("translator", roles.TRANSLATORS),
        ("publisher", roles.PUBLISHERS),
    ):
        user = get_user_model().objects.create_user(
            username, password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


@pytest.fixture
def sign_in(browser, browser_context_args, live_server):
    contexts = []

    def open_as(username, language):
        context = browser.new_context(**browser_context_args, locale=language)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("input[type=submit]")
        expect(page.locator("#user-tools")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()


def shot(page, name):
    screenshot(page, name)
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS_DIR / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_publishing_from_the_form_with_a_confirmation_keeps_the_edit(
    people, sign_in, live_server, language
):
    from pressroom.models import PressRelease
    from tests.pressroom.factories import make_release

    release = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    page = sign_in("publisher", language)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    page.select_option("#modeltranslation-main-switch", label="ru")
    page.fill("#id_lead_ru", "Лид, исправленный перед публикацией.")
    # The button above the form submits the form: the lead goes with it.
    with page.expect_navigation():
        page.click("button.status-action-published")
    expect(page.locator("button[name=_publishing_confirmed]")).to_be_visible()
    assert PressRelease.objects.get(pk=release.pk).status == "draft"
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)
    shot(page, f"publishing-confirmation-{language}")

    # Back to the form: nothing typed is lost.
    with page.expect_navigation():
        page.click("button[name=_publishing_back]")
    page.select_option("#modeltranslation-main-switch", label="ru")
    expect(page.locator("#id_lead_ru")).to_have_value(
        "Лид, исправленный перед публикацией."
    )
    with page.expect_navigation():
        page.click("button.status-action-published")
    with page.expect_navigation():
        page.click("button[name=_publishing_confirmed]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.is_public
    assert release.lead_ru == "Лид, исправленный перед публикацией."
    expect(page.locator("button.status-action-withdrawn")).to_be_visible()


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_the_desk_in_each_role_passes_axe(people, sign_in, live_server, language):
    from django.utils import timezone

    from pressroom.models import PressRelease
    from tests.pressroom.factories import make_release

    now = timezone.now()
    make_release(
        status=PressRelease.Status.DRAFT,
        author=people["editor"],
        title_ru="Черновик о весеннем субботнике",
    )
    make_release(
        status=PressRelease.Status.DRAFT, title_ru="Готов: фестиваль «Сабантуй»"
    )
    make_release(languages=("ru",), title_ru="Ждёт перевода: новая линия метро")
    make_release(
        title_ru="Выйдет в пятницу: визит делегации Исфахана",
        published_at=now + datetime.timedelta(days=3),
    )
    make_release(
        status=PressRelease.Status.WITHDRAWN,
        title_ru="Отозван: неверные цифры бюджета",
        withdrawn_at=now - datetime.timedelta(days=2),
        withdrawal_reason_ru="Ошибка",
    )
    for role in ("editor", "publisher", "translator"):
        page = sign_in(role, language)
        page.goto(f"{live_server.url}/admin/")
        expect(page.locator(".newsroom-desk")).to_be_visible()
        assert_no_axe_violations(page)
        shot(page, f"desk-{role}-{language}")


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_what_changed_in_the_russian_and_the_bulk_page_pass_axe(
    people, sign_in, live_server, language
):
    import reversion

    from pressroom.models import PressRelease
    from tests.pressroom.factories import make_release

    release = make_release(
        title_ru="Казань и Исфахан", status=PressRelease.Status.DRAFT
    )
    with reversion.create_revision():
        release.save()
    release.title_ru = "Казань и Шираз"
    with reversion.create_revision():
        release.save()

    page = sign_in("translator", language)
    page.goto(f"{live_server.url}/admin/")
    with page.expect_navigation():
        page.click(".desk-translations .desk-tasks a[href*='source-changes/fa']")
    expect(page.locator(".source-diff ins")).to_have_text("Шираз")
    assert_no_axe_violations(page)
    shot(page, f"source-changes-{language}")

    page = sign_in("publisher", language)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    page.check(f"input[name=_selected_action][value='{release.pk}']")
    page.select_option("select[name=action]", "publish")
    with page.expect_navigation():
        page.click("button[name=index]")
    expect(page.locator(".publishing-bulk")).to_be_visible()
    assert_no_axe_violations(page)
    shot(page, f"bulk-publish-{language}")
    with page.expect_navigation():
        page.click(".publishing-confirmation .submit-row button.default")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert PressRelease.objects.get(pk=release.pk).is_public
