import time

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from pressroom import roles
from pressroom.cache import shared_breaker
from pressroom.freshness import clock


@pytest.fixture(autouse=True)
def fresh_caches():
    """No page or figure (a list's total, say) kept by an earlier test outlives
    it: its rows are rolled back, which records no change. Changes made in the
    test process are known to it at once; reading the record of changes made
    elsewhere is for the tests about that (the poll interval is long here, so
    no test's query count depends on when it falls)."""
    for alias in settings.CACHES:
        if isinstance(caches[alias], LocMemCache):  # never a shared Redis
            caches[alias].clear()
    clock.tried = time.monotonic()
    shared_breaker.until = 0.0  # Redis not given up on by an earlier test


@pytest.fixture
def groups(db):
    """The groups the data migration makes: a test on the live server
    (tests/browser) empties every table, those rows included."""
    roles.ensure_groups()
