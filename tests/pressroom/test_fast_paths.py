"""The site's quicker versions of Django's helpers give Django's answers."""

from urllib.parse import quote

from django.template.defaultfilters import truncatewords
from django.utils.http import RFC3986_SUBDELIMS
from hypothesis import given
from hypothesis import strategies as st

from pressroom.addresses import SLUG, quote_slug
from pressroom.templatetags.pressroom import truncate_words


@given(st.from_regex(SLUG, fullmatch=True))
def test_slugs_are_quoted_as_reverse_quotes_them(slug):
    assert quote_slug(slug) == quote(slug, safe=RFC3986_SUBDELIMS + "/~:@")


@given(st.text(), st.integers(min_value=1, max_value=50))
def test_card_leads_are_cut_as_djangos_truncatewords_cuts_them(text, count):
    assert truncate_words(text, count) == truncatewords(text, count)
