"""The page cache for anonymous readers.

Public pages set no cookie and open no session, so one rendered page serves every
anonymous reader of that address (the language is in the address). Staff (who
carry a session cookie), previews and anything that sets a cookie or says
`private` never come from or go into it.

Freshness: every cached page records the content *generation* it was made from and
the time of the next scheduled publication. Saving or deleting any content bumps
the generation (signals in `apps.py`), and a page made before a scheduled release
came out is dropped once its time has come, with no cron. The generation lives in
the shared cache when Redis is configured, otherwise in a stamp file that every
worker process on the machine sees.

A cache that is down (Redis unreachable) costs speed, never a page.
"""

import hashlib
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.cache import set_response_etag

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
PREFIX = "pages:"
NEVER = float("inf")


def _stamp():
    return Path(settings.PAGE_CACHE_STAMP)


def _shared():
    return bool(settings.REDIS_URL)


def invalidate_pages(**kwargs):
    """Make every cached page stale (content was saved, deleted or published)."""
    try:
        if _shared():
            cache.set(GENERATION_KEY, time.time_ns(), None)
        else:
            stamp = _stamp()
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()  # the generation is its modification time
    except Exception:  # the cache is an optimisation; a failure must not break saves
        logger.warning("Could not invalidate the page cache", exc_info=True)


def invalidate_after_commit():
    """Invalidate now and once more when the current transaction commits.

    Again after the commit: a reader rendering in between would otherwise cache
    the old content under the new generation.
    """
    invalidate_pages()
    if connection.in_atomic_block and not any(
        callback is invalidate_pages
        for _ids, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(invalidate_pages, robust=True)


def _local_generation():
    try:
        return _stamp().stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def next_scheduled_time():
    """When the next scheduled release comes out (epoch seconds), or never."""
    from pressroom.models import PressRelease

    upcoming = (
        PressRelease.objects.filter(
            status=PressRelease.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else NEVER


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/media/", "/static/"))
        # Odd, huge query strings would only fill the cache with junk. (Paths
        # are bounded by the URL patterns; a Cyrillic slug alone quotes to 700.)
        and len(request.META.get("QUERY_STRING", "")) <= 256
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        # Sitemaps carry Django's "X-Robots-Tag: noindex..." and are the most
        # expensive pages of all (seconds at 100,000 releases): they are cached.
        # A preview is kept out by its session cookie and `private`.
        and response.get("X-Robots-Tag", "").strip() != "noindex"
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = f"{PREFIX}{request.get_host()}{request.get_full_path()}"
        if len(key) > 200:
            # Cyrillic and Persian slugs quote to 300+ characters: past 250 every
            # store warned (CacheKeyWarning), each a new entry in the warnings
            # registry, a leak, and memcached would refuse the key.
            digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()
            key = f"{PREFIX}md5:{digest}"
        generation, entry = self.lookup(key)
        if entry and entry["generation"] == generation and time.time() < entry["until"]:
            response = entry["response"]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(response):
            self.store(key, generation, response)
        return response

    def lookup(self, key):
        try:
            if _shared():
                found = cache.get_many([GENERATION_KEY, key])
                return found.get(GENERATION_KEY, 0), found.get(key)
            return _local_generation(), cache.get(key)
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            return None, None

    def store(self, key, generation, response):
        if generation is None:
            return  # the cache was down a moment ago: don't wait on it again
        response["X-Page-Cache"] = "miss"
        # One chunk: a feed is written in ~900 small pieces, and every hit would
        # unpickle them all and send each in its own write (warm feed ~0.1 of a
        # bare view at 100,000 releases).
        response.content = response.content
        # Computed once here, so a 304 on a cached page costs no hashing.
        set_response_etag(response)
        try:
            # Inside: a page that rendered without the database (about,
            # robots.txt) is still served while the database is away.
            until = min(
                time.time() + settings.PAGE_CACHE_SECONDS, next_scheduled_time()
            )
            cache.set(
                key,
                {"generation": generation, "until": until, "response": response},
                settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Could not store a page in the cache", exc_info=True)
