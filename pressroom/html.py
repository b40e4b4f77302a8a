"""The one allow-list for HTML that staff write in the admin.

The editor offers exactly these formats, and nh3 removes everything else before
the text is stored: scripts, event handlers, styles, `javascript:` links.
"""

import nh3

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False},
    "HardBreak": True,
    "History": True,
}

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "lang", "dir"}, "ol": {"start"}}


def _drop_empty(element, attribute, value):
    # The editor's link dialog writes title="" when its title box is left empty.
    return value if value.strip() else None


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_drop_empty,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize(value):
    """Clean HTML to the allow-list; an editor's empty paragraph becomes ''."""
    cleaned = _cleaner.clean(value or "").strip()
    return "" if cleaned in ("<p></p>", "<p><br></p>") else cleaned
