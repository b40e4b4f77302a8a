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
import os
import time
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    set_response_etag,
)

from pressroom.redis_cache import GenerationWatcher, RecentPages, ReusingRedisCache

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
PREFIX = "pages:"
NEVER = float("inf")


def _stamp():
    return Path(settings.PAGE_CACHE_STAMP)


def _shared():
    return bool(settings.REDIS_URL)


class SharedState:
    """This process's view of the shared cache: the generation Redis pushes to
    it, and the pages it served lately, kept in memory while they are fresh.

    With both, a cached page costs no round trip to Redis (one cost as much as
    a bare Django view); a page another process stored is fetched from Redis
    once, then served from memory until the generation moves on.
    """

    def __init__(self, backend):
        key = backend.make_and_validate_key(GENERATION_KEY)
        self.watcher = GenerationWatcher(backend._servers[0], key)
        self.recent = RecentPages(settings.LOCAL_CACHE_ENTRIES)


_states = {}


def _shared_state():
    """The state for the configured Redis and key prefix, in this process (a
    forked worker starts its own); None without Redis (ReusingRedisCache)."""
    backend = caches[DEFAULT_CACHE_ALIAS]  # `cache` is a proxy of it
    if not (_shared() and isinstance(backend, ReusingRedisCache)):
        return None
    identity = (tuple(backend._servers), backend.key_prefix, os.getpid())
    state = _states.get(identity)
    if state is None:
        # One at a time: settings changed (a test), or this is a new worker.
        for old in _states.values():
            old.watcher.stop()
        _states.clear()
        state = _states[identity] = SharedState(backend)
    return state


# An edit this process could not announce (Redis was down): announced at the
# next lookup, or pages cached before the outage would outlive the edit.
_unannounced = False


def invalidate_pages(**kwargs):
    """Make every cached page stale (content was saved, deleted or published)."""
    global _unannounced
    try:
        if _shared():
            generation = time.time_ns()
            cache.set(GENERATION_KEY, generation, None)
            state = _shared_state()
            if state:
                cache.publish(GENERATION_KEY, generation)
                # This process knows at once: its next page must not wait
                # for the message to come back.
                state.watcher.saw(generation)
        else:
            stamp = _stamp()
            stamp.parent.mkdir(parents=True, exist_ok=True)
            # The generation is its modification time, set to the nanosecond:
            # touch() takes the kernel's clock tick (~4 ms), and two saves
            # within one tick would leave one generation for both.
            stamp.touch()
            now = time.time_ns()
            os.utime(stamp, ns=(now, now))
    except Exception:  # the cache is an optimisation; a failure must not break saves
        _unannounced = True
        logger.warning("Could not invalidate the page cache", exc_info=True)
    else:
        _unannounced = False


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


# Never through the page cache: the back-office and files (whitenoise, media).
UNCACHED_PATHS = ("/admin/", "/media/", "/static/")
# Odd, huge query strings would only fill the cache with junk. (Paths are bounded
# by the URL patterns; a Cyrillic slug alone quotes to 700.)
MAX_QUERY = 256
# What a 304 keeps of the page's headers (RFC 9110 15.4.5; Django's list).
NOT_MODIFIED_HEADERS = {
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "last-modified",
    "vary",
}


def _scheme(environ):
    """http or https, as Django's request.is_secure() decides it."""
    proxy = settings.SECURE_PROXY_SSL_HEADER
    if proxy and proxy[0] in environ:
        secure = environ[proxy[0]].split(",", 1)[0].strip() == proxy[1]
        return "https" if secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def page_key(environ, script_name, path_info):
    """The cache key of a request, or None if it may not use the cache.

    From the request as it arrived (the WSGI environ) and its decoded address:
    Django replaces PATH_INFO in the environ with the decoded path, so each
    layer passes the address it has decoded the same way (`PageCacheApp` with
    Django's own functions, the middleware from the request). Everything a page
    may depend on is in the key: scheme, host and address. A host Django refuses
    is never stored under any key.
    """
    if (
        settings.PAGE_CACHE_SECONDS <= 0
        or environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
        or path_info.startswith(UNCACHED_PATHS)
        or len(environ.get("QUERY_STRING", "")) > MAX_QUERY
        # Staff carry a session; a false alarm only means a slower answer.
        or settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", "")
    ):
        return None
    parts = [
        _scheme(environ),
        environ.get("HTTP_HOST", ""),
        environ.get("SERVER_NAME", ""),
        environ.get("SERVER_PORT", ""),
        script_name,
        path_info,
        environ.get("QUERY_STRING", ""),
    ]
    if settings.USE_X_FORWARDED_HOST:
        parts.append(environ.get("HTTP_X_FORWARDED_HOST", ""))
    raw = "\n".join(parts).encode("utf-8", "backslashreplace")
    # Hashed: Cyrillic and Persian slugs quote to 300+ characters, past the
    # 250 that memcached accepts and Django warns about on every store.
    return PREFIX + hashlib.md5(raw, usedforsecurity=False).hexdigest()


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
        # The key has no Accept-Language in it: a page that varies on it (the
        # root's redirect, a 404 outside the language prefixes) is not stored.
        and not has_vary_header(response, "Accept-Language")
    )


def lookup(key):
    """The fresh entry stored under `key`, and the current generation.

    (None, None) when the cache is down: the page is then made as if uncached.
    """
    if _unannounced:
        invalidate_pages()
        if _unannounced:
            return None, None  # still down
    state = _shared_state()
    generation = state.watcher.generation if state else None
    if generation is not None:
        entry = state.recent.get(key)
        if _fresh(entry, generation):
            return entry, generation
    try:
        if generation is not None:
            entry = cache.get(key)
            if _fresh(entry, generation):
                state.recent.put(key, entry)
        elif _shared():
            found = cache.get_many([GENERATION_KEY, key])
            generation, entry = found.get(GENERATION_KEY, 0), found.get(key)
        else:
            generation, entry = _local_generation(), cache.get(key)
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return None, None
    if _fresh(entry, generation):
        return entry, generation
    return None, generation


def _fresh(entry, generation):
    return (
        entry is not None
        and entry["generation"] == generation
        and time.time() < entry["until"]
    )


# Figures derived from content (a list's total) are kept this long at most.
FIGURE_SECONDS = 3600


def remembered(name, compute):
    """`compute()`, kept until content changes or a scheduled release comes out.

    For figures that cost a scan whatever the page: a list's total is ~7 ms
    on SQLite and ~10 ms on PostgreSQL at 100,000 releases, more than the rest
    of the page, and every page of the list shares it. Like pages, they are
    made stale by the generation; unlike pages, they are kept when the page
    cache is off (`DJANGO_PAGE_CACHE_SECONDS=0`), as derived data of the
    content rather than copies of pages.
    """
    key = f"{PREFIX}figure:" + hashlib.md5(name.encode()).hexdigest()
    entry, generation = lookup(key)
    if entry is not None:
        return entry["value"]
    value = compute()
    if generation is not None:
        try:
            until = min(time.time() + FIGURE_SECONDS, next_scheduled_time())
            entry = {"generation": generation, "until": until, "value": value}
            keep(key, entry, FIGURE_SECONDS)
        except Exception:
            logger.warning("Could not store a figure in the cache", exc_info=True)
    return value


def keep(key, entry, seconds):
    """Store an entry in the cache, and with Redis in this process's memory
    too while its generation is the current one."""
    cache.set(key, entry, seconds)
    state = _shared_state()
    if state and state.watcher.generation == entry["generation"]:
        state.recent.put(key, entry)


def store(key, generation, response):
    if generation is None:
        return  # the cache was down a moment ago: don't wait on it again
    # One chunk: a feed is written in ~900 small pieces.
    response.content = response.content
    if not response.has_header("ETag"):
        set_response_etag(response)
    try:
        # Inside: a page that rendered without the database (about,
        # robots.txt) is still served while the database is away.
        until = min(time.time() + settings.PAGE_CACHE_SECONDS, next_scheduled_time())
        entry = {
            "generation": generation,
            "until": until,
            "status": response.status_code,
            # Bytes and plain pairs, not the response object: unpickled on
            # every hit, and the WSGI front sends them as they are.
            "headers": [*response.items(), ("X-Page-Cache", "hit")],
            "etag": response["ETag"],
            "content": response.content,
        }
        keep(key, entry, settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Could not store a page in the cache", exc_info=True)
    response["X-Page-Cache"] = "miss"


def not_modified(entry, environ):
    """Whether the reader's copy is current (If-None-Match, weak comparison)."""
    header = environ.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or entry["etag"].removeprefix("W/") in tags


def replay(entry, environ):
    """(status line, headers, body) of a cached page for this request."""
    if not_modified(entry, environ):
        headers = [
            (name, value)
            for name, value in entry["headers"]
            if name.lower() in NOT_MODIFIED_HEADERS or name == "X-Page-Cache"
        ]
        return "304 Not Modified", headers, b""
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else entry["content"]
    status = HTTPStatus(entry["status"])
    return f"{status.value} {status.phrase}", entry["headers"], body


def simple_conditions(environ):
    """Only If-None-Match, if anything: what the WSGI front answers itself."""
    return not any(
        name in environ
        for name in (
            "HTTP_IF_MATCH",
            "HTTP_IF_MODIFIED_SINCE",
            "HTTP_IF_UNMODIFIED_SINCE",
            "HTTP_IF_RANGE",
        )
    )


class PageCacheApp:
    """WSGI front: a cached page is sent before Django makes a request object.

    A hit through Django costs ~3x a bare view (request and response objects,
    signals, middleware); here it costs a cache read. Anything unusual (a
    conditional request other than If-None-Match, the cache down, no entry)
    goes on to Django, where `PageCacheMiddleware` does the same job fully.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path_info = get_path_info(environ) or "/"  # as WSGIRequest makes it
        key = page_key(environ, get_script_name(environ), path_info)
        if key is not None and simple_conditions(environ):
            entry, _generation = lookup(key)
            if entry is not None:
                status, headers, body = replay(entry, environ)
                start_response(status, headers)
                return [body]
        return self.application(environ, start_response)


class PageCacheMiddleware:
    """The first middleware: it stores pages as every other middleware left them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        script_name = request.META.get("SCRIPT_NAME", "")
        key = page_key(request.META, script_name, request.path_info)
        if key is None:
            return self.get_response(request)
        entry, generation = lookup(key)
        if entry is not None:
            return self.cached_response(request, entry)
        response = self.get_response(request)
        if cacheable_response(response):
            store(key, generation, response)
        return response

    def cached_response(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return get_conditional_response(request, etag=entry["etag"], response=response)
