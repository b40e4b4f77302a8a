"""Keyboard focus is visible everywhere: its ring has 3:1 contrast with what is
around it (WCAG 1.4.11), computed from the colours the browser applies."""

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

# The focus ring's colour and the colour behind the element, from the page's CSS.
COLOURS = """
(element) => {
  const style = getComputedStyle(element);
  let node = element.parentElement, behind = "rgba(0, 0, 0, 0)";
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") {
      behind = colour;
      break;
    }
    node = node.parentElement;
  }
  return {
    outline: style.outlineColor, width: style.outlineWidth,
    style: style.outlineStyle, behind,
  };
}
"""


def luminance(colour):
    red, green, blue = (
        int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]
    )

    def linear(channel):
        return (
            channel / 12.92
            if channel <= 0.03928
            else ((channel + 0.055) / 1.055) ** 2.4
        )

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_says():
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    # The amber ring on the header green: what readers could hardly see.
    assert contrast("rgb(138, 90, 0)", "rgb(11, 92, 74)") < 1.5


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_focus_ring_has_3_to_1_contrast_in_the_header_menu_and_page(
    page, demo_site, language
):
    open_page(page, f"{demo_site}/{language}/news/")
    selectors = (
        ".site-header .brand",
        ".header-search input",
        ".header-search button",
        ".lang-switcher a",
        ".site-nav a",
        "main a",
    )
    problems = []
    for selector in selectors:
        element = page.locator(selector).first
        element.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard: :focus-visible applies
        found = element.evaluate(COLOURS)
        ratio = contrast(found["outline"], found["behind"])
        if found["style"] == "none" or found["width"] == "0px" or ratio < 3:
            problems.append(f"{selector}: {found} ({ratio:.2f}:1)")
    assert problems == []
