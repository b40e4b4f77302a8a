"""Every admin page each role opens, in Russian and Persian, in a real Chromium
at 1280 pixels: axe-core finds nothing, the object tools cover no title, the
release list needs no sideways scrolling; a change form warns before its
unsaved changes are left behind. Screenshots of the change form, the history
compare and the list in each language."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from reversion.models import Version

from tests.browser.conftest import format_violations, screenshot

PASSWORD = "a-long-test-password-42"
ROLES = ("editor", "publisher", "translator")


@pytest.fixture
def content(live_server, settings, tmp_path):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.cache import caches

    from pressroom import roles
    from tests.admin_content import make_content

    settings.MEDIA_ROOT = str(tmp_path)
    for cache in caches.all():
        cache.clear()
    made = make_content()
    groups = {
        "editor": roles.EDITORS,
        "publisher": roles.PUBLISHERS,
        "translator": roles.TRANSLATORS,
    }
    for username, group in groups.items():
        user = get_user_model().objects.create_user(
            username, password=PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
    return made


def signed_in(browser, browser_context_args, live_server, username, language):
    context = browser.new_context(**{**browser_context_args, "locale": language})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    return page


def pages_of(role, made):
    release = made["release"]
    versions = Version.objects.get_for_object(release).order_by("pk")
    first, *_, last = versions.values_list("pk", flat=True)
    history = reverse("admin:pressroom_pressrelease_history", args=[release.pk])
    pages = {
        "index": reverse("admin:index"),
        "list": reverse("admin:pressroom_pressrelease_changelist"),
        "change": reverse("admin:pressroom_pressrelease_change", args=[release.pk]),
        "history": history,
        "compare": f"{history}compare/?version_id1={first}&version_id2={last}",
        "partnership": reverse(
            "admin:cities_partnership_change", args=[made["partnership"].pk]
        ),
        "city": reverse("admin:cities_city_change", args=[made["home"].pk]),
        "event": reverse("admin:events_event_change", args=[made["event"].pk]),
        "topics": reverse("admin:pressroom_topic_changelist"),
    }
    if role != "translator":
        pages["add"] = reverse("admin:pressroom_pressrelease_add")
        pages["partnership-add"] = reverse("admin:cities_partnership_add")
    if role == "publisher":
        pages["recover"] = reverse("admin:pressroom_pressrelease_recoverlist")
    return pages


def check_layout(page, name):
    """Nothing in the object tools lies over the page's headings."""
    overlaps = page.evaluate(
        """() => {
          const tools = [...document.querySelectorAll('.object-tools li')];
          const heads = [...document.querySelectorAll('#content h1, #content h2')];
          const cross = (a, b) => !(a.right <= b.left || b.right <= a.left ||
                                    a.bottom <= b.top || b.bottom <= a.top);
          const found = [];
          for (const tool of tools) for (const head of heads) {
            if (cross(tool.getBoundingClientRect(), head.getBoundingClientRect()))
              found.push(tool.textContent.trim() + ' over ' + head.textContent.trim());
          }
          return found;
        }"""
    )
    assert not overlaps, f"{name}: {overlaps}"


@pytest.mark.parametrize("language", ["ru", "fa"])
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_of_a_role_has_no_axe_violation_and_no_overlap(
    content, browser, browser_context_args, live_server, role, language
):
    from tests.browser.conftest import axe_violations

    page = signed_in(browser, browser_context_args, live_server, role, language)
    found = []
    for name, path in pages_of(role, content).items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        page.wait_for_load_state("load")
        # Widgets named once drawn (a11y.js runs after load).
        page.wait_for_timeout(100)
        expect(page.locator("html")).to_have_attribute("lang", language)
        check_layout(page, name)
        violations = axe_violations(page)
        if violations:
            found.append(f"{name} {path}:\n{format_violations(violations)}")
        if name in ("list", "change", "compare"):
            screenshot(page, f"backoffice-{role}-{language}-{name}")
        if name == "list":
            results = page.locator("#changelist .results")
            assert results.evaluate("el => el.scrollWidth <= el.clientWidth"), (
                "the release list scrolls sideways"
            )
    if role == "translator":
        page.goto(f"{live_server.url}/admin/rosetta/")
        for name in ("rosetta-files", "rosetta-form"):
            violations = axe_violations(page)
            if violations:
                found.append(f"{name} {page.url}:\n{format_violations(violations)}")
            if name == "rosetta-files":
                page.locator("#content a[href*='/files/']").first.click()
                page.wait_for_load_state("load")
    assert not found, "\n\n".join(found)


def test_the_compare_page_shows_russian_left_to_right_in_the_persian_admin(
    content, browser, browser_context_args, live_server
):
    page = signed_in(browser, browser_context_args, live_server, "translator", "fa")
    page.goto(live_server.url + pages_of("translator", content)["compare"])
    diff = page.locator(".history-diff[lang='ru']").first
    expect(diff).to_have_attribute("dir", "ltr")
    assert diff.evaluate("el => getComputedStyle(el).direction") == "ltr"
    expect(page.locator(".breadcrumbs")).not_to_contain_text("Pressroom")
    expect(page.locator("#content")).not_to_contain_text("None")


def test_leaving_a_change_form_with_unsaved_changes_asks_first(
    content, browser, browser_context_args, live_server
):
    page = signed_in(browser, browser_context_args, live_server, "editor", "ru")
    change = live_server.url + pages_of("editor", content)["change"]
    page.goto(change)
    editor = page.locator(".field-body_ru [contenteditable=true]")
    expect(editor).to_have_attribute("spellcheck", "true")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    # Leaving untouched: no question.
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_load_state("load")
    assert dialogs == []
    page.goto(change)
    page.fill("#id_title_ru", "Новый заголовок")
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url == change
    expect(page.locator("#id_title_ru")).to_have_value("Новый заголовок")
    # Saving is not leaving.
    with page.expect_navigation():
        page.click("input[name='_continue']")
    assert dialogs == ["beforeunload"]
    expect(page.locator("#id_title_ru")).to_have_value("Новый заголовок")
