"""Two people on one release, each in their own Chromium context: an editor in
Russian and a translator in Persian, under the site's real CSP.

Both open the form before either saves (the scenario that lost work). They see
each other on the form (the heartbeat) and on the list; then either both saves
keep everything, or the second person gets the choice page, in their language,
without a single typed character lost. Screenshots go to tests/browser/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, editor_for, screenshot

TITLE_RU = "Казань принимает делегацию Исфахана"
TITLE_FA = "کازان میزبان هیئت اصفهان است"
LEAD_FA = "هیئتی از شهر خواهرخوانده به کازان می‌آید."
BODY_FA = "برنامه سفر شامل دیدار در شهرداری است."


@pytest.fixture(autouse=True)
def quick_heartbeat(monkeypatch):
    """A beat a second, so the test sees the other person arrive."""
    from pressroom import presence

    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 1)


def change_form(page, live_server, release):
    page.goto(f"{live_server.url}/admin/pressroom/pressrelease/{release.pk}/change/")
    expect(page.locator("input[name=_opened]")).to_have_count(1)


def show_language_tab(page, code):
    page.select_option("#modeltranslation-main-switch", label=code)


def submit(page):
    with page.expect_navigation():
        page.click("input[name=_continue]")


def save_choices(page):
    with page.expect_navigation():
        page.click(".conflict input[type=submit]")


def test_the_editors_typo_fix_keeps_the_translators_persian(
    staff,
    session,
    live_server,
):
    from tests.pressroom.factories import make_release

    release = make_release(languages=("ru",), title_ru=TITLE_RU + "а")
    editor = session("editor", "ru")
    change_form(editor, live_server, release)
    translator = session("translator", "fa")
    change_form(translator, live_server, release)

    # Each sees the other, in their own language and calendar.
    expect(translator.locator("#presence")).to_be_visible()
    expect(translator.locator(".presence-text")).to_have_text(
        re.compile(r"^همچنین باز است برای: editor، از [۰-۹]{1,2}:[۰-۹]{2}$")
    )
    expect(editor.locator(".presence-text")).to_have_text(
        re.compile(r"^Открыто также: translator, с \d{1,2}:\d{2}$")
    )
    screenshot(editor, "presence-ru-editor-form")
    screenshot(translator, "presence-fa-translator-form")
    for person in (editor, translator):
        assert_no_axe_violations(person, context="#presence")

    # The translator adds the Persian and saves.
    show_language_tab(translator, "fa")
    translator.fill("#id_title_fa", TITLE_FA)
    translator.fill("#id_lead_fa", LEAD_FA)
    editor_for(translator, "body_fa").click()
    translator.keyboard.type(BODY_FA)
    submit(translator)
    expect(translator.locator(".messagelist .success")).to_be_visible()

    # The editor, whose form still shows no Persian, fixes the Russian title.
    editor.fill("#id_title_ru", TITLE_RU)
    submit(editor)
    expect(editor.locator(".messagelist .success")).to_be_visible()

    release.refresh_from_db()
    assert release.title_ru == TITLE_RU
    assert release.title_fa == TITLE_FA
    assert release.lead_fa == LEAD_FA
    assert BODY_FA in release.body_fa
    assert release.in_fa
    # The editor's form now shows the Persian too.
    show_language_tab(editor, "fa")
    expect(editor.locator("#id_title_fa")).to_have_value(TITLE_FA)

    # The list marks the release the translator still has open.
    editor.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    mark = editor.locator(".presence-mark")
    expect(mark).to_have_count(1)
    expect(mark).to_have_attribute("title", "Сейчас открыт у: translator")
    screenshot(editor, "presence-ru-release-list")
    assert_no_axe_violations(editor, context="td.field-open_now")
    translator.goto(f"{live_server.url}/admin/pressroom/pressrelease/")
    expect(translator.locator(".presence-mark")).to_have_count(0)
    for person in (editor, translator):
        assert not person.csp_errors, person.csp_errors
        # No heartbeat may reach the server while the test database is emptied.
        person.context.close()


def test_both_change_the_persian_title_and_each_chooses_in_their_language(
    staff,
    session,
    live_server,
):
    from tests.pressroom.factories import make_release

    release = make_release(title_fa="عنوان نخست")

    # Round 1: the translator saves first; the editor gets the page in Russian.
    editor = session("editor", "ru")
    change_form(editor, live_server, release)
    translator = session("translator", "fa")
    change_form(translator, live_server, release)
    show_language_tab(translator, "fa")
    translator.fill("#id_title_fa", "عنوان مترجم")
    submit(translator)
    expect(translator.locator(".messagelist .success")).to_be_visible()

    show_language_tab(editor, "fa")
    editor.fill("#id_title_fa", "عنوان ویراستار")
    show_language_tab(editor, "ru")
    editor.fill("#id_lead_ru", "Лид, исправленный редактором.")
    submit(editor)
    expect(editor.locator("h1")).to_have_text("Кто-то сохранил изменения раньше вас")
    expect(editor.locator("#mine-value-1")).to_have_text("عنوان ویراستار")
    expect(editor.locator("#theirs-value-1")).to_have_text("عنوان مترجم")
    assert_no_axe_violations(editor)
    screenshot(editor, "conflict-ru-editor")
    release.refresh_from_db()
    assert release.title_fa == "عنوان مترجم"  # nothing saved before the choice
    editor.check("#mine-1")
    save_choices(editor)
    expect(editor.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.title_fa == "عنوان ویراستار"
    assert release.lead_ru == "Лид, исправленный редактором."

    # Round 2: the editor saves first; the translator gets the page in Persian.
    change_form(translator, live_server, release)
    change_form(editor, live_server, release)
    show_language_tab(editor, "fa")
    editor.fill("#id_title_fa", "عنوان ویراستار دوم")
    submit(editor)
    show_language_tab(translator, "fa")
    translator.fill("#id_title_fa", "عنوان مترجم دوم")
    translator.fill("#id_lead_fa", "خلاصه‌ای که مترجم نوشت.")
    submit(translator)
    expect(translator.locator("html")).to_have_attribute("dir", "rtl")
    expect(translator.locator("h1")).to_have_text(
        "کس دیگری در این فاصله تغییراتی را ذخیره کرد"
    )
    assert_no_axe_violations(translator)
    screenshot(translator, "conflict-fa-translator")
    translator.check("#theirs-1")
    save_choices(translator)
    expect(translator.locator(".messagelist .success")).to_be_visible()
    release.refresh_from_db()
    assert release.title_fa == "عنوان ویراستار دوم"
    assert release.lead_fa == "خلاصه‌ای که مترجم نوشت."
    for person in (editor, translator):
        assert not person.csp_errors, person.csp_errors
        # No heartbeat may reach the server while the test database is emptied.
        person.context.close()
