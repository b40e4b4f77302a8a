"""Search in a real browser: the header's box on every page, results, filters in the
reader's calendar, no script needed; ru, fa and en, on a laptop and on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    assert_document_language,
    assert_no_axe_violations,
    box,
    open_page,
    screenshot,
)

# A word in another form than the demo's text has it, and the page it must find.
QUERIES = {
    "ru": ("Исфахана", "/ru/cities/isfahan/"),
    "fa": ("شهرداران اصفهان", None),
    "en": ("Esfahan", "/en/cities/isfahan/"),
}


def no_sideways_scroll(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_searching_from_the_header_of_any_page(browser, demo_site, language, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    context.route("**/*.js", lambda route: route.abort())  # no script needed
    page = context.new_page()
    open_page(page, f"{demo_site}/{language}/news/")
    query, first = QUERIES[language]
    box(page.locator("#header-q"))
    page.locator("#header-q").fill(query)
    with page.expect_navigation():
        page.locator(".header-search button").click()
    assert_document_language(page, language)
    expect(page.locator("#search-q")).to_have_value(query)
    results = page.locator("main .result")
    expect(results.first).to_be_visible()
    expect(results.first.locator("mark").first).to_be_visible()
    if first:
        assert results.first.locator("h2 a").get_attribute("href") == first
    no_sideways_scroll(page)
    width = "1280" if viewport == DESKTOP else "390"
    screenshot(page, f"search-{language}-{width}")
    assert_no_axe_violations(page)
    context.close()


def test_persian_filters_take_a_jalali_range_in_persian_digits(page, demo_site):
    open_page(page, f"{demo_site}/fa/search/?q=کازان")
    page.locator(".search-filters summary").click()
    page.locator("#search-since").fill("۱۴۰۴/۰۱/۰۱")
    page.locator("#search-until").fill("۱۴۰۴/۰۱/۳۱")
    page.locator("#search-order").select_option("newest")
    with page.expect_navigation():
        page.locator("main .search-form button").click()
    assert "since=" in page.url and "order=newest" in page.url
    # Dates keep to one line: no-break spaces between their words.
    dates = [
        date.replace("\u00a0", " ")
        for date in page.locator("main .result time").all_inner_texts()
    ]
    assert dates and all("فروردین ۱۴۰۴" in date for date in dates), dates
    screenshot(page, "search-fa-filters")
    assert_no_axe_violations(page)


def test_no_results_offers_another_language(page, demo_site):
    open_page(page, f"{demo_site}/en/search/?q=листва")
    offer = page.locator("main .elsewhere a")
    expect(offer).to_have_count(1)
    with page.expect_navigation():
        offer.click()
    assert_document_language(page, "ru")
    expect(page.locator("main .result").first).to_be_visible()
