"""The partner-cities pages in a real browser: the SVG map, right-to-left, axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    LANGUAGES,
    assert_document_language,
    assert_no_axe_violations,
    box,
    open_page,
    screenshot,
)


def assert_map(page):
    """An inline SVG map: rendered, a named group of links to the cities."""
    svg = page.locator("main svg[role='group']").first
    expect(svg).to_be_visible()
    rect = box(svg)
    assert rect["width"] > 0
    assert rect["height"] > 0
    # Any name will do; what it says is for the cities app's own tests.
    expect(svg).to_have_accessible_name(re.compile(r"\S"))
    assert svg.locator("a").count() >= 1
    assert svg.locator("path").count() >= 5  # land and borders


def check_page(page, language, name):
    screenshot(page, f"cities-{name}-{language}")
    assert_document_language(page, language)
    expect(page.locator("main h1")).to_be_visible()
    assert_map(page)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_city_pages(page, demo_site, language):
    """The list of partner cities, then Isfahan's page, reached by its link."""
    open_page(page, f"{demo_site}/{language}/cities/")
    check_page(page, language, "list")

    with page.expect_navigation():
        page.locator("main a[href$='/cities/isfahan/']").first.click()
    assert page.url == f"{demo_site}/{language}/cities/isfahan/"
    check_page(page, language, "isfahan")
