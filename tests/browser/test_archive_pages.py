"""The archive reached from the news list, in the reader's calendar, in a real
browser: the navigator's links, the year and month pages, axe-core on each."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_document_language,
    assert_no_axe_violations,
    open_page,
    screenshot,
)

pytestmark = pytest.mark.browser

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_from_the_news_list_to_a_year_and_a_month(page, demo_site, language):
    open_page(page, f"{demo_site}/{language}/news/")
    navigator = page.locator("nav.archive-nav")
    expect(navigator).to_be_visible()
    year = navigator.locator(".archive-years a").first
    if language == "fa":
        assert year.inner_text()[0] in PERSIAN_DIGITS
    assert_no_axe_violations(page)

    with page.expect_navigation():
        year.click()
    assert_document_language(page, language)
    expect(page.locator("main h1")).to_be_visible()
    screenshot(page, f"archive-year-{language}")
    assert_no_axe_violations(page)

    with page.expect_navigation():
        page.locator(".archive-months a").first.click()
    expect(page.locator(".cards .card").first).to_be_visible()
    expect(page.locator("nav.breadcrumbs")).to_be_visible()
    screenshot(page, f"archive-month-{language}")
    assert_no_axe_violations(page)


def test_the_not_available_page_passes_axe(page, demo_site):
    from tests.pressroom.factories import make_release

    release = make_release(languages=("ru",))
    open_page(page, f"{demo_site}{release.get_absolute_url('ru')}")
    with page.expect_navigation():
        page.locator(".lang-switcher a[hreflang='fa']").click()
    assert page.url.endswith(release.get_absolute_url("fa"))
    expect(page.locator("ul.offers a[hreflang='ru']")).to_be_visible()
    assert_no_axe_violations(page)
