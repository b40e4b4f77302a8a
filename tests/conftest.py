import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from pressroom import roles
from pressroom.cache import invalidate_pages


@pytest.fixture(autouse=True)
def fresh_figures():
    """No figure remembered by an earlier test (a list's total, say) outlives it:
    its database rows are rolled back, which bumps no content generation."""
    if isinstance(cache, LocMemCache):  # never a shared Redis database
        cache.clear()
    invalidate_pages()


@pytest.fixture
def groups(db):
    """The groups the data migration makes: a test on the live server
    (tests/browser) empties every table, those rows included."""
    roles.ensure_groups()
