"""The servers some tests need beside the site: PostgreSQL and Redis on this host.

A developer without them sees those tests skipped; CI sets `REQUIRE_SERVICES=1`,
so there a missing server fails the run instead of passing it quietly (as
`REQUIRE_BROWSER=1` does for Chromium).
"""

import os
import socket

import pytest

POSTGRESQL_PORT = 5432
REDIS_PORT = 6379


def services_required():
    return os.environ.get("REQUIRE_SERVICES", "") not in ("", "0", "false", "no")


def reachable(port, host="127.0.0.1"):
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def unavailable(reason):
    """Skip the calling test, or fail it where the services are required."""
    if services_required():
        pytest.fail(f"REQUIRE_SERVICES is set, but {reason}", pytrace=False)
    pytest.skip(reason)


def require(*ports):
    """Go on only if every port in `ports` answers on 127.0.0.1."""
    names = {POSTGRESQL_PORT: "PostgreSQL", REDIS_PORT: "Redis"}
    missing = [
        f"{names.get(port, port)} (127.0.0.1:{port})"
        for port in ports
        if not reachable(port)
    ]
    if missing:
        unavailable(f"no {' or '.join(missing)}")


def empty_caches():
    """Forget every page and remembered figure: the local caches, and with
    REDIS_URL that Redis database (tests run with it get one of their own). Not
    through Django's backend: its socket timeout is too short for a FLUSHDB on
    a busy machine."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for alias in settings.CACHES:
        if isinstance(caches[alias], LocMemCache):
            caches[alias].clear()
    if settings.REDIS_URL:
        import redis

        redis.Redis.from_url(settings.REDIS_URL).flushdb()
