"""The back office in a real browser, under the site's real CSP (not bypassed):

a press officer writes a release in Russian in the prose editor and previews it,
a translator adds the Persian text in right-to-left fields, a publisher publishes
it, and it appears on /fa/news/. Every step is screenshotted.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import editor_for, screenshot

TITLE_RU = "Делегация Исфахана посетит Казань"
LEAD_RU = "В мае в Казань приедет делегация города-побратима."
BODY_RU = "Программа визита включает встречи в мэрии."
TITLE_FA = "هیئت اصفهان از کازان دیدن می‌کند"
LEAD_FA = "در ماه مه هیئتی از شهر خواهرخوانده به کازان می‌آید."
BODY_FA = "برنامه سفر شامل دیدار در شهرداری است."


def save_and_continue(page):
    with page.expect_navigation():
        page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_write_translate_preview_publish(staff, session, live_server):
    from pressroom.models import PressRelease

    # 1. The press officer writes the release in Russian, without typing HTML.
    page = session("editor")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.fill("#id_title_ru", TITLE_RU)
    page.fill("#id_lead_ru", LEAD_RU)
    body = editor_for(page, "body_ru")
    body.click()
    page.keyboard.type(BODY_RU + " ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Важно.")
    page.keyboard.press("Control+b")
    page.keyboard.press("Enter")
    page.keyboard.type("Второй абзац.")
    # An editor has no publishing fields.
    expect(page.locator("select[name=status]")).to_have_count(0)
    screenshot(page, "backoffice-1-editor-writes")
    save_and_continue(page)
    release = PressRelease.objects.get(title_ru=TITLE_RU)
    assert release.status == PressRelease.Status.DRAFT
    assert "<strong>Важно.</strong>" in release.body_ru
    assert "<p>Второй абзац.</p>" in release.body_ru
    assert release.in_ru and not release.in_fa

    # 2. They preview it at its public address: the "not public" banner.
    page.goto(live_server.url + release.get_absolute_url("ru"))
    expect(page.locator(".banner-preview")).to_be_visible()
    expect(page.locator("h1")).to_have_text(TITLE_RU)
    screenshot(page, "backoffice-2-editor-previews")
    anonymous = session(None)
    response = anonymous.goto(live_server.url + release.get_absolute_url("ru"))
    assert response.status == 404

    # 3. A translator adds the Persian text, in right-to-left fields.
    page = session("translator", "en")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    # The Russian text is there, read-only.
    expect(page.locator("#id_title_ru")).to_have_count(0)
    expect(page.get_by_text(TITLE_RU).first).to_be_visible()
    page.select_option("#modeltranslation-main-switch", label="fa")
    title_fa = page.locator("#id_title_fa")
    expect(title_fa).to_be_visible()
    title_fa.fill(TITLE_FA)
    assert title_fa.evaluate("el => getComputedStyle(el).direction") == "rtl"
    lead_fa = page.locator("#id_lead_fa")
    lead_fa.fill(LEAD_FA)
    assert lead_fa.evaluate("el => getComputedStyle(el).direction") == "rtl"
    body_fa = editor_for(page, "body_fa")
    body_fa.click()
    page.keyboard.type(BODY_FA)
    assert body_fa.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # Right above the Persian field: the Russian source, read-only.
    source = page.locator(".form-row.field-title_ru .readonly")
    expect(source).to_have_text(TITLE_RU)
    assert source.evaluate(
        "el => el.getBoundingClientRect().bottom"
    ) <= title_fa.evaluate("el => el.getBoundingClientRect().top")
    expect(page.locator("select[name=status]")).to_have_count(0)
    screenshot(page, "backoffice-3-translator-persian")
    save_and_continue(page)
    release.refresh_from_db()
    assert release.title_fa == TITLE_FA
    assert release.in_fa
    assert release.translation_state("fa") == "complete"
    assert release.status == PressRelease.Status.DRAFT

    # 4. A publisher publishes it from the release page.
    page = session("publisher")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    screenshot(page, "backoffice-4-publisher-before")
    with page.expect_navigation():
        page.click("button.status-action-published")
    # The form's own submit: a confirmation page first (pressroom.admin.publishing).
    with page.expect_navigation():
        page.click("button[name=_publishing_confirmed]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.status == PressRelease.Status.PUBLISHED
    assert release.is_public
    screenshot(page, "backoffice-5-publisher-published")

    # 5. It is on the Persian news list, for everyone.
    reader = session(None, "fa")
    reader.goto(f"{live_server.url}/fa/news/")
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    expect(reader.get_by_text(TITLE_FA)).to_be_visible()
    screenshot(reader, "backoffice-6-fa-news")

    for person in (page, anonymous, reader):
        assert not person.csp_errors, person.csp_errors


def test_admin_in_persian_is_right_to_left_with_jalali_dates(
    staff, session, live_server
):
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="publisher").update(is_superuser=True)
    page = session("publisher", "fa")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    date = page.locator("#id_published_at_0")
    date.fill("2025-03-20")
    date.press("Tab")
    # docs/domain.md CAL-6: the last day of the leap year 1403.
    expect(page.locator(".jalali-hint[data-for=id_published_at_0]")).to_have_text(
        "۳۰ اسفند ۱۴۰۳"
    )
    # The Persian tab is the one shown to a Persian admin, and reads right to left.
    title_fa = page.locator("#id_title_fa")
    expect(title_fa).to_be_visible()
    assert title_fa.evaluate("el => getComputedStyle(el).direction") == "rtl"
    screenshot(page, "backoffice-7-admin-in-persian")
    assert not page.csp_errors, page.csp_errors


def test_tabs_switch_with_keyboard_and_mouse(staff, session, live_server):
    page = session("editor", "ru")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    ru, fa = page.locator("#id_title_ru"), page.locator("#id_title_fa")
    expect(ru).to_be_visible()
    expect(fa).to_be_hidden()
    page.click("a[href='#tab_id_title_fa']")
    expect(fa).to_be_visible()
    expect(ru).to_be_hidden()
    page.focus("a[href='#tab_id_title_fa']")
    page.keyboard.press("ArrowLeft")
    expect(ru).to_be_visible()
    tab = page.locator("a[href='#tab_id_title_ru']")
    expect(tab).to_have_attribute("aria-selected", "true")
    assert re.search("ui-tabs-active", tab.locator("..").get_attribute("class"))


def test_a_new_attachment_gets_language_tabs_for_its_title(staff, session, live_server):
    """A table has one header per column: the translated title once read
    "TITLE TITLE TITLE". Attachments are stacked, each title in language tabs."""
    page = session("editor", "ru")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    page.click("#attachments-group .add-row a")
    row = page.locator("#attachments-0")
    tabs = row.locator(".ui-tabs-nav li")
    expect(tabs).to_have_count(3)
    expect(row.locator("#id_attachments-0-title_ru")).to_be_visible()
    expect(row.locator("#id_attachments-0-title_fa")).to_be_hidden()
    row.locator("a[href='#tab_id_attachments-0-title_fa']").click()
    expect(row.locator("#id_attachments-0-title_fa")).to_be_visible()
    screenshot(page, "attachment-tabs")


def test_new_inline_rows_are_numbered_in_persian_digits(staff, session, live_server):
    page = session("editor", "fa")
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    add = page.locator("#attachments-group .add-row a")
    add.click()
    add.click()
    labels = page.locator(
        "#attachments-group .inline-related:not(.empty-form) .inline_label"
    )
    expect(labels).to_have_text(["#۱", "#۲"])
    page.locator("#attachments-0 .inline-deletelink").click()
    expect(labels).to_have_text(["#۱"])
    assert not page.csp_errors, page.csp_errors


@pytest.mark.parametrize(
    ("language", "address", "cancel"),
    [("ru", "Адрес (URL)", "Отмена"), ("fa", "نشانی (URL)", "انصراف")],
)
def test_the_prose_editors_link_dialog_speaks_the_admins_language(
    staff, session, live_server, language, address, cancel
):
    # django-prose-editor ships neither Russian nor Persian (locale/third_party).
    page = session("editor", language)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    body = editor_for(page, f"body_{language}")
    body.click()
    body.type("Казань" if language == "ru" else "اصفهان")
    body.press("Shift+Home")
    page.locator(
        f".prose-editor:has(textarea[name='body_{language}']) button[data-name='link']"
    ).click()
    dialog = page.locator("dialog[open]")
    expect(dialog).to_contain_text(address)
    expect(dialog.get_by_role("button", name=cancel)).to_be_visible()
    screenshot(page, f"backoffice-8-link-dialog-{language}")
    dialog.get_by_role("button", name=cancel).click()
    assert not page.csp_errors, page.csp_errors


@pytest.mark.parametrize(
    ("language", "bold", "heading", "heading_title"),
    [
        ("ru", "полужирный", "Заголовок 2", "заголовок 2"),
        ("fa", "پررنگ", "عنوان ۲", "عنوان ۲"),
    ],
)
def test_the_prose_editors_toolbar_speaks_the_admins_language(
    staff, session, live_server, language, bold, heading, heading_title
):
    # Its titles are English in its code (static/pressroom-admin/admin.js).
    page = session("editor", language)
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/add/")
    toolbar = page.locator(
        f".prose-editor:has(textarea[name='body_{language}']) .prose-menubar"
    )
    bold_button = toolbar.locator("button[data-name='bold']")
    expect(bold_button).to_have_attribute("title", bold)
    expect(bold_button).to_have_attribute("aria-label", bold)
    expect(
        toolbar.locator(".prose-menubar__option[data-name='heading2']")
    ).to_have_text(heading)

    # The block-type button is retitled as the cursor moves into a heading
    # ("## " starts one, as in Markdown).
    body = editor_for(page, f"body_{language}")
    body.click()
    body.type("## Казань")
    expect(toolbar.locator(".prose-menubar__selected button")).to_have_attribute(
        "title", heading_title
    )
    assert not toolbar.locator("[title='bold'], [title^='heading ']").count()
    assert not page.csp_errors, page.csp_errors


@pytest.mark.parametrize(
    ("username", "language"),
    [("editor", "ru"), ("translator", "fa"), ("editor", "fa"), ("translator", "ru")],
)
def test_the_release_list_fits_a_laptop_screen(
    staff, session, live_server, username, language
):
    """Every column in view at 1280 pixels, with the sidebar and the filters
    open, the last one (someone else has the release open) included."""
    import datetime

    from django.utils import timezone

    from pressroom import presence
    from tests.pressroom.factories import make_image, make_release, make_user

    make_release(
        languages=("ru",),
        title_ru="Программа«Казань—Исфахан—Стамбул—Ташкент—Алматы»2026–2028годы",
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    release = make_release(
        languages=("ru", "en"),
        image=make_image(size=(1300, 700)),
        title_ru="Исполнительный комитет муниципального образования города Казани "
        "и мэрия Исфахана подписали программу сотрудничества на 2026–2028 годы",
    )
    presence.record(make_user(username="колле_га_из_отдела_переводов"), release)
    presence.record(staff["publisher"], release)
    page = session(username, language)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    screenshot(page, f"backoffice-9-release-list-{username}-{language}")

    results = page.locator("#changelist .results")
    assert results.evaluate("el => el.scrollWidth <= el.clientWidth"), "columns cut off"
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), "the page scrolls sideways"
    languages = page.locator("td.field-languages").last
    expect(languages).to_be_in_viewport(ratio=1)
    expect(languages.locator(".translation-missing")).to_have_count(1)
    # The last column, its heading and its mark, whole and inside the list.
    for last in (
        page.locator("#result_list thead th").last,
        page.locator("#result_list .presence-mark").first,
    ):
        expect(last).to_be_in_viewport(ratio=1)
        inside = results.evaluate(
            """(list, last) => {
                const outer = list.getBoundingClientRect();
                const inner = last.getBoundingClientRect();
                return inner.left >= outer.left - 0.5
                    && inner.right <= outer.right + 0.5;
            }""",
            last.element_handle(),
        )
        assert inside, "the last column sticks out of the list"
    if username == "editor":
        # Ticking a row rewrites the counter: still in the admin's digits.
        page.locator("#result_list input.action-select").first.check()
        counter = page.locator(".actions .action-counter")
        expect(counter).to_have_text(
            re.compile(r"۱ از ۲") if language == "fa" else re.compile(r"1 из 2")
        )
