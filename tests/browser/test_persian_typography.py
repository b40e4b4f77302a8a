"""Persian pages in Vazirmatn, with headings set tighter than the text."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


def test_persian_pages_use_vazirmatn_and_tight_headings(page, demo_site):
    open_page(page, f"{demo_site}/fa/news/")
    page.evaluate("document.fonts.ready")

    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'اخبار')")
    used = page.evaluate(
        """() => [...document.fonts].filter(f => f.family.includes('Vazirmatn'))
                 .map(f => f.status)"""
    )
    assert "loaded" in used
    heading = page.locator("h1").first.evaluate(
        """h => ({size: parseFloat(getComputedStyle(h).fontSize),
                 line: parseFloat(getComputedStyle(h).lineHeight)})"""
    )
    # A 35 px headline on 51 px lines, not the body's 1.85.
    assert heading["line"] <= 1.5 * heading["size"]
    body = page.locator("main p").first.evaluate(
        """p => parseFloat(getComputedStyle(p).lineHeight)
               / parseFloat(getComputedStyle(p).fontSize)"""
    )
    assert body >= 1.8
