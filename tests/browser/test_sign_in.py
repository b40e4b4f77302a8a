"""Two-step sign-in in a real browser, under the site's real CSP: a new officer
connects an authenticator app (the QR code must show), then signs in with a code
from it, with a recovery code, and is refused with a wrong code. In Persian and
Russian; every step is screenshotted and checked with axe-core."""

import base64
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations, box, screenshot

PASSWORD = "a-long-test-password-42"


@pytest.fixture
def officer(live_server, settings):
    from django.contrib.auth import get_user_model
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    settings.SECOND_FACTOR_REQUIRED = True
    return get_user_model().objects.create_user(
        "officer", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def new_page(browser, browser_context_args):
    contexts = []

    def open_in(language):
        context = browser.new_context(
            **{**browser_context_args, "bypass_csp": False, "locale": language}
        )
        contexts.append(context)
        return context.new_page()

    yield open_in
    for context in contexts:
        context.close()


def code_now(secret, steps_ahead=0):
    """What the authenticator app shows for `secret` (a base32 key)."""
    from django_otp.oath import totp

    return f"{totp(base64.b32decode(secret), t0=-30 * steps_ahead):06d}"


def sign_in_with_password(page, base):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def axe_clean(page):
    # The admin's own colour contrast is Django's; the rest must pass.
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["fa", "ru"])
def test_an_officer_connects_an_app_then_signs_in_with_codes(
    live_server, officer, new_page, language
):
    page = new_page(language)
    sign_in_with_password(page, live_server.url)
    expect(page).to_have_url(re.compile(r"/admin/second-factor/enrol/"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    qr = page.locator("img.second-factor-qr")
    expect(qr).to_be_visible()
    # The CSP let the QR code (a data: image) load.
    assert page.evaluate("img => img.naturalWidth", qr.element_handle()) > 100
    assert box(qr)["width"] >= 150
    secret = page.locator(".second-factor-secret").inner_text().replace(" ", "")
    axe_clean(page)
    screenshot(page, f"sign-in-enrol-{language}")

    # A wrong code connects nothing.
    page.fill("#id_code", "000000")
    page.click("#second-factor-form input[type=submit]")
    expect(page.locator(".errorlist")).to_be_visible()
    screenshot(page, f"sign-in-enrol-wrong-code-{language}")

    # Too soon after a wrong one: django-otp makes each wrong code cost a wait.
    page.fill("#id_code", code_now(secret))
    page.click("#second-factor-form input[type=submit]")
    expect(page.locator(".errorlist")).to_be_visible()
    screenshot(page, f"sign-in-enrol-wait-{language}")
    page.wait_for_timeout(2100)
    page.fill("#id_code", code_now(secret))
    page.click("#second-factor-form input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/second-factor/recovery-codes/"))
    codes = page.locator(".second-factor-codes code").all_inner_texts()
    assert len(codes) == 10
    axe_clean(page)
    screenshot(page, f"sign-in-recovery-codes-{language}")
    page.click("a.button.default")
    expect(page).to_have_url(f"{live_server.url}/admin/")

    # Signing in again: the app's code, after a wrong one.
    later = new_page(language)
    sign_in_with_password(later, live_server.url)
    expect(later).to_have_url(re.compile(r"/admin/second-factor/\?next="))
    axe_clean(later)
    screenshot(later, f"sign-in-verify-{language}")
    later.fill("#id_code", "123456")
    later.click("#second-factor-form input[type=submit]")
    expect(later.locator(".errorlist")).to_be_visible()
    later.goto(f"{live_server.url}/admin/")
    expect(later).to_have_url(re.compile(r"/admin/second-factor/"))
    later.wait_for_timeout(2100)  # the wait a wrong code costs
    later.fill("#id_code", code_now(secret, steps_ahead=1))
    later.click("#second-factor-form input[type=submit]")
    expect(later).to_have_url(f"{live_server.url}/admin/")

    # Without the phone: a recovery code, once.
    spare = new_page(language)
    sign_in_with_password(spare, live_server.url)
    spare.fill("#id_code", codes[0])
    spare.click("#second-factor-form input[type=submit]")
    expect(spare).to_have_url(f"{live_server.url}/admin/")
    again = new_page(language)
    sign_in_with_password(again, live_server.url)
    again.fill("#id_code", codes[0])
    again.click("#second-factor-form input[type=submit]")
    expect(again.locator(".errorlist")).to_be_visible()
