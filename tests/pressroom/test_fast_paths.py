"""The site's quicker versions of Django's helpers give Django's answers."""

from urllib.parse import quote

import pytest
from django.template.defaultfilters import truncatewords
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from hypothesis import given
from hypothesis import strategies as st

from pressroom.jinja2_helpers.pages import truncate_words
from pressroom.shell.addresses import SLUG, archive_path, quote_slug


@given(st.from_regex(SLUG, fullmatch=True))
def test_slugs_are_quoted_as_reverse_quotes_them(slug):
    assert quote_slug(slug) == quote(slug, safe=RFC3986_SUBDELIMS + "/~:@")


@given(st.text(), st.integers(min_value=1, max_value=50))
def test_card_leads_are_cut_as_djangos_truncatewords_cuts_them(text, count):
    assert truncate_words(text, count) == truncatewords(text, count)


@pytest.mark.parametrize("language", ["ru", "fa", "en"])
@pytest.mark.parametrize(("year", "month"), [(2025, None), (2025, 4), (1404, 1)])
def test_archive_addresses_are_what_reverse_gives(language, year, month):
    with translation.override(language):
        if month is None:
            expected = reverse("pressroom:archive-year", args=[year])
        else:
            expected = reverse("pressroom:archive-month", args=[year, f"{month:02d}"])
        assert archive_path(year, month) == expected
        assert archive_path(year, month, language) == expected
