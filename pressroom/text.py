"""Text normalisation shared by storage, slugs and search.

The rules are in docs/domain.md (Persian; Russian and English).

Search text is normalised the same way when it is stored and when it is asked, so
"كتاب علي" finds "کتاب علی", "توافقنامه" finds "توافق‌نامه" and "елка" finds "Ёлка".
"""

import re
import unicodedata

from django.utils.text import slugify

# Arabic letters that Arabic keyboards and Word put into Persian text.
PERSIAN_LETTERS = str.maketrans(
    {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}
)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_ARABIC_LETTERS = re.compile("[\u064a\u0649\u0643]")
_EASTERN_DIGITS = re.compile("[۰-۹٠-٩]")
# Tatweel, harakat and the superscript alef carry no meaning for search.
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")
_SPACES = re.compile(r"\s+")
_TAGS = re.compile(r"<[^>]*>")


def persian_letters(text):
    """Write ی and ک for the Arabic ي ى and ك (stored Persian text, slugs)."""
    return text.translate(PERSIAN_LETTERS) if text else text


def search_normalize(text):
    """Fold text into the form both the search index and the query use."""
    text = unicodedata.normalize("NFKC", text or "")
    # str.translate() looks up every character (of a release's whole text, for
    # each search result's snippet): only where there is something to fold.
    if _ARABIC_LETTERS.search(text):
        text = text.translate(PERSIAN_LETTERS)
    text = _MARKS.sub("", text).replace("\u200c", "")
    if _EASTERN_DIGITS.search(text):
        text = text.translate(_DIGITS)
    # After casefold: Russian readers type е for ё.
    text = text.casefold().replace("ё", "е")
    return _SPACES.sub(" ", text).strip()


def plain_text(html):
    """Strip tags from sanitized HTML for search text, snippets and feeds."""
    from html import unescape

    return _SPACES.sub(" ", unescape(_TAGS.sub(" ", html or ""))).strip()


def make_slug(title, fallback, max_length=120):
    """A Unicode slug from a title, never empty (docs/domain.md, Addresses)."""
    slug = slugify(persian_letters(title or ""), allow_unicode=True)[:max_length]
    return slug.strip("-") or fallback
