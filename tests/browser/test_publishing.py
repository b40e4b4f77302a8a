"""Publishing in a real Chromium: a status change made from the change form with
what was typed, through its confirmation page; the desk; axe on both, ru and fa.

Screenshots go to tests/browser/screenshots/, for a look by eye.
"""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, screenshot


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_publishing_from_the_form_with_a_confirmation_keeps_the_edit(
    staff, session, live_server, language
):
    from pressroom.models import PressRelease
    from tests.pressroom.factories import make_release

    release = make_release(status=PressRelease.Status.DRAFT, published_at=None)
    page = session("publisher", language)
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
    screenshot(page, f"publishing-confirmation-{language}")

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
def test_the_desk_in_each_role_passes_axe(staff, session, live_server, language):
    from django.utils import timezone

    from pressroom.models import PressRelease
    from tests.pressroom.factories import make_release

    now = timezone.now()
    make_release(
        status=PressRelease.Status.DRAFT,
        author=staff["editor"],
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
        page = session(role, language)
        page.goto(f"{live_server.url}/admin/")
        expect(page.locator(".newsroom-desk")).to_be_visible()
        assert_no_axe_violations(page)
        screenshot(page, f"desk-{role}-{language}")


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_what_changed_in_the_russian_and_the_bulk_page_pass_axe(
    staff, session, live_server, language
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

    page = session("translator", language)
    page.goto(f"{live_server.url}/admin/")
    with page.expect_navigation():
        page.click(".desk-translations .desk-tasks a[href*='source-changes/fa']")
    expect(page.locator(".source-diff ins")).to_have_text("Шираз")
    assert_no_axe_violations(page)
    screenshot(page, f"source-changes-{language}")

    page = session("publisher", language)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    page.check(f"input[name=_selected_action][value='{release.pk}']")
    page.select_option("select[name=action]", "publish")
    with page.expect_navigation():
        page.click("button[name=index]")
    expect(page.locator(".publishing-bulk")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, f"bulk-publish-{language}")
    with page.expect_navigation():
        page.click(".publishing-confirmation .submit-row button.default")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert PressRelease.objects.get(pk=release.pk).is_public
