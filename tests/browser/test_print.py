"""A printed release is its article alone, with its address and date."""

import pytest

from tests.browser.conftest import open_page, seed_release_path

pytestmark = pytest.mark.browser

HIDDEN = (
    ".site-header",
    ".site-footer",
    ".breadcrumbs",
    ".share",
    ".press-contact",
    ".related",
    ".also-in",
)


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_a_printed_release_is_the_article_alone(page, demo_site, language):
    _pk, path = seed_release_path(language)
    open_page(page, f"{demo_site}{path}")
    page.emulate_media(media="print")

    for selector in HIDDEN:
        locator = page.locator(selector)
        if locator.count():
            assert not locator.first.is_visible(), selector
    assert page.locator("article.release h1").is_visible()
    assert page.locator("article.release .meta time").first.is_visible()
    address = page.locator(".print-address")
    assert address.is_visible()
    printed = address.evaluate("p => getComputedStyle(p, '::before').content")
    assert f"/{language}/news/id" in printed

    page.emulate_media(media="screen")
    assert not address.is_visible()
    # On screen the short link shows whole in its box, to be read or copied.
    box = page.locator("#short-link")
    assert box.evaluate("input => input.scrollWidth <= input.clientWidth")
    assert page.locator(".site-header").is_visible()
