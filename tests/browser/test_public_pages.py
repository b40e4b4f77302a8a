"""The public pages in a real browser: languages, right-to-left, switcher, axe-core.

One page per test; every page visited is screenshotted into tests/browser/screenshots/.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    DIRECTION,
    PHONE,
    assert_document_language,
    assert_no_axe_violations,
    assert_stylesheet_loaded,
    box,
    open_page,
    screenshot,
    seed_release_path,
)

# The seed release (pressroom/demo/releases.toml): the Kazan–Isfahan agreement.
SEED_TITLE = {
    "ru": "Казань и Исфахан стали городами-побратимами",
    "fa": "کازان و اصفهان خواهرخوانده شدند",
    "en": "Kazan and Isfahan become sister cities",
}
# A word each language's demo releases contain, for the search page.
SEARCH_WORD = {"ru": "Исфахан", "fa": "اصفهان", "en": "Isfahan"}
# The featured release's title is in the page's language (no fallback to ru).
SCRIPT = {
    "ru": re.compile("^[^\u0600-\u06ff]*[а-яё][^\u0600-\u06ff]*$", re.I),
    "fa": re.compile("^[^а-яё]*[\u0600-\u06ff][^а-яё]*$", re.I),
    "en": re.compile("^[^\u0600-\u06ffа-яё]*[a-z][^\u0600-\u06ffа-яё]*$", re.I),
}
PERSIAN_DIGIT = re.compile("[\u06f0-\u06f9]")
ASCII_DIGIT = re.compile("[0-9]")


def switch_language(page, language):
    """Click the language switcher's link to `language`; wait for the new page."""
    with page.expect_navigation():
        page.locator(f".lang-switcher a[hreflang='{language}']").click()
    assert_document_language(page, language)


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_home_page(page, demo_site, language):
    open_page(page, f"{demo_site}/{language}/")
    screenshot(page, f"home-{language}")
    assert_document_language(page, language)
    assert_stylesheet_loaded(page)

    assert page.title().strip()
    expect(page.locator(".site-header .brand")).to_be_visible()
    expect(page.locator(".brand-name")).to_have_text(re.compile(r"\S"))
    featured = page.locator(".featured-title")
    expect(featured).to_be_visible()
    expect(featured).to_have_text(SCRIPT[language])

    # The header mirrors: the brand at the start of the line, the switcher at its end.
    brand = box(page.locator(".site-header .brand"))
    switcher = box(page.locator(".lang-switcher"))
    if DIRECTION[language] == "rtl":
        assert brand["x"] > switcher["x"] + switcher["width"] - 1, (
            f"on /fa/ the brand {brand} should be right of the switcher {switcher}"
        )
    else:
        assert brand["x"] + brand["width"] < switcher["x"] + 1, (
            f"the brand {brand} should be left of the switcher {switcher}"
        )

    if language == "fa":
        date = page.locator(".featured .meta").inner_text()
        assert PERSIAN_DIGIT.search(date), f"no Persian digits in {date!r}"
        assert not ASCII_DIGIT.search(date), f"Latin digits in {date!r}"

    assert_no_axe_violations(page)


def test_news_list_language_switcher(page, demo_site):
    open_page(page, f"{demo_site}/ru/news/")
    assert_document_language(page, "ru")
    expect(page.locator(".card").first).to_be_visible()
    screenshot(page, "news-ru")
    assert_no_axe_violations(page)

    switch_language(page, "fa")
    assert page.url == f"{demo_site}/fa/news/"
    expect(page.locator(".card").first).to_be_visible()
    screenshot(page, "news-fa")
    assert_no_axe_violations(page)

    switch_language(page, "en")
    assert page.url == f"{demo_site}/en/news/"


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
def test_release_page(page, demo_site, language):
    release_id, path = seed_release_path("ru")
    open_page(page, demo_site + path)
    if language != "ru":
        switch_language(page, language)
        assert re.search(rf"/{language}/news/{release_id}-[^/]+/$", page.url), (
            f"the switcher led from release {release_id} to {page.url}"
        )
    page.wait_for_load_state("load")
    screenshot(page, f"release-{language}")
    assert_document_language(page, language)

    article = page.locator("article.release")
    headline = article.locator("h1")
    expect(headline).to_contain_text(SEED_TITLE[language])
    image = article.locator(".lead-figure img")
    lead = article.locator(".lead")
    body = article.locator(".body")
    for element in (headline, lead, image, body):
        expect(element).to_be_visible()

    # Reading order, top to bottom: headline, lead, picture, body.
    tops = [box(element)["y"] for element in (headline, lead, image, body)]
    assert tops == sorted(tops), f"headline, lead, image, body at y={tops}"
    assert box(headline)["y"] + box(headline)["height"] <= box(lead)["y"] + 1
    assert box(lead)["y"] + box(lead)["height"] <= box(image)["y"] + 1
    assert box(image)["y"] + box(image)["height"] <= box(body)["y"] + 1

    assert image.evaluate("img => img.complete && img.naturalWidth") > 0, (
        "the lead image did not load"
    )
    srcset = image.get_attribute("srcset") or ""
    assert re.search(r"\s\d+w\b", srcset), f"no width descriptors in {srcset!r}"
    assert image.get_attribute("alt"), "the lead image has no text alternative"

    if language == "fa":
        assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
        date = article.locator(".release-header .meta").inner_text()
        assert PERSIAN_DIGIT.search(date), f"no Persian digits in {date!r}"
        assert not ASCII_DIGIT.search(date), f"Latin digits in {date!r}"

    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_search_results(page, demo_site, language):
    word = SEARCH_WORD[language]
    open_page(page, f"{demo_site}/{language}/search/?q={word}")
    screenshot(page, f"search-{language}")
    assert_document_language(page, language)
    expect(page.locator("#search-q")).to_have_value(word)
    results = page.locator("main .card")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text(word)
    assert_no_axe_violations(page)


@pytest.mark.browser_context_args(viewport=PHONE)
def test_persian_release_on_a_phone(page, demo_site):
    """Most readers use a phone: nothing sticks out sideways on the RTL page."""
    _release_id, path = seed_release_path("fa")
    open_page(page, demo_site + path)
    page.wait_for_load_state("load")
    screenshot(page, "release-fa-phone")
    assert_document_language(page, "fa")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    for selector in (".site-header .brand", ".lang-switcher", "article.release h1"):
        rect = box(page.locator(selector))
        assert rect["x"] >= 0, f"{selector} starts off-screen: {rect}"
        assert rect["x"] + rect["width"] <= PHONE["width"] + 1, (
            f"{selector} ends off-screen: {rect}"
        )
    image = box(page.locator("article.release .lead-figure img"))
    assert image["width"] <= PHONE["width"]
