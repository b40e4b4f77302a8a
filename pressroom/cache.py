"""The page cache for anonymous readers, and how long others may keep a page.

Public pages set no cookie and open no session, so one rendered page serves every
anonymous reader of that address (the language is in the address). Staff (a
session cookie), previews and anything that sets a cookie or says `private`
never come from or go into it.

For views:

- `add_cache_tags(response, *tags)` names what the page shows (the tags of
  `pressroom.page_tags` and the apps' own); `cache_tags(function)` does it for a
  view from `function(request, *args, **kwargs)`. A page that names nothing is
  outdated by any change of content (freshness.ANY): safe, if wasteful.
- Query parameters a view reads are declared, on a class-based view as
  `query_parameters = ("page", ...)`, on a function view with
  `@query_parameters(...)`. A request with any other parameter is sent to the
  address without it (301): the same page, and no new cache entry.

Every public answer says how long it may be kept (`Cache-Control`: public with a
short max-age for pages and redirects, `private, no-store` for staff, previews
and errors) and names its tags in `Cache-Tag` for a CDN's purge by tag.

Where pages are kept: each worker process keeps those it served lately in its
own memory (the "pages" cache); with Redis (`REDIS_URL`) the "default" cache
holds them for every app server, asked only when memory has no current copy,
with short timeouts and a circuit breaker (`Breaker`): a Redis that is down or
hangs costs a page a few milliseconds once, then nothing until it is retried.
A copy is current while none of its tags changed after it began to render
(pressroom/freshness.py) and its time is not up.
"""

import contextvars
import hashlib
import logging
import time
from functools import wraps
from http import HTTPStatus
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django.utils.encoding import escape_uri_path

from pressroom.freshness import ANY, clock

logger = logging.getLogger(__name__)

TAG_HEADER = "Cache-Tag"
PREFIX = "pages:"
# Never through the page cache: the back-office and files (whitenoise, media).
FILE_PATHS = ("/media/", "/static/")
UNCACHED_PATHS = ("/admin/", *FILE_PATHS)
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
# Figures derived from content (a list's total) are kept this long at most.
FIGURE_SECONDS = 3600
# While a page renders: when the oldest data it read from the caches was read
# from the database. A page is as old as that, not as its rendering: the data
# may be outdated by a change this process has not yet heard of.
_data_since = contextvars.ContextVar("page_data_since", default=None)


def invalidate_pages():
    """Outdate every page and what pages read (interface translations changed)."""
    from pressroom.freshness import EVERY_PAGE, record

    record([EVERY_PAGE])


def add_cache_tags(response, *tags):
    """Name what the page of `response` shows, for the page cache and CDNs."""
    named = [tag.strip() for tag in response.get(TAG_HEADER, "").split(",")]
    response[TAG_HEADER] = ", ".join(dict.fromkeys(filter(None, [*named, *tags])))
    return response


def cache_tags(function):
    """View decorator: tag each answer with `function(request, *args, **kwargs)`."""

    def decorator(view):
        @wraps(view)
        def tagged(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            return add_cache_tags(response, *function(request, *args, **kwargs))

        return tagged

    return decorator


def query_parameters(*names):
    """View decorator: the query parameters the view reads."""

    def decorator(view):
        view.query_parameters = names
        return view

    return decorator


def tags_of(response):
    tags = [tag.strip() for tag in response.get(TAG_HEADER, "").split(",")]
    return tuple(filter(None, tags)) or (ANY,)


class Breaker:
    """Stop asking a service that failed, for `pause` seconds, then try again.

    A Redis that hangs costs each call its socket timeout; without this, every
    page would wait on it once or twice.
    """

    def __init__(self, pause):
        self.pause, self.until = pause, 0.0

    def call(self, function, *args):
        if time.monotonic() < self.until:
            return None
        try:
            return function(*args)
        except Exception:  # the cache is an optimisation: never a failed page
            self.until = time.monotonic() + self.pause
            logger.warning("Shared cache unavailable", exc_info=True)
            return None


shared_breaker = Breaker(pause=5.0)


def _layers():
    """This process's memory, then the cache every app server shares (Redis)."""
    if settings.REDIS_URL:
        return caches["pages"], caches["default"]
    return caches["pages"], None


def _current(entry):
    return (
        entry is not None
        and time.time() < entry["until"]
        and not clock.outdates(entry["tags"], entry["rendered"])
    )


def lookup(key):
    """The current copy stored under `key`, or None."""
    local, shared = _layers()
    entry = local.get(key)
    if _current(entry):
        return entry
    if shared is not None:
        entry = shared_breaker.call(shared.get, key)
        if _current(entry):
            local.set(key, entry, entry["until"] - time.time())
            return entry
    return None


def keep(key, entry):
    seconds = entry["until"] - time.time()
    local, shared = _layers()
    local.set(key, entry, seconds)
    if shared is not None:
        shared_breaker.call(shared.set, key, entry, seconds)


def remembered(name, compute, tags, keep_if=None):
    """`compute()`, kept until one of `tags` changes (or an hour passes).

    What a page reads from the database, shared by the pages and processes that
    show it: a list's total (a count of up to 100,000 index entries), a page of
    cards, a release with its topics and related news. Kept when the page
    cache is off, as data derived from the content rather than copies of
    pages. `tags` may be a function of the value; `keep_if(value)`: whether
    this value may be kept (a draft may not: its changes are recorded nowhere).
    """
    key = f"{PREFIX}data:" + hashlib.md5(name.encode()).hexdigest()
    clock.sync()
    entry = lookup(key)
    if entry is not None:
        since = _data_since.get()
        if since is not None and entry["rendered"] < since:
            _data_since.set(entry["rendered"])
        return entry["value"]
    rendered = time.time()
    value = compute()
    if keep_if is None or keep_if(value):
        tags = tags(value) if callable(tags) else tags
        until = rendered + FIGURE_SECONDS
        entry = {"rendered": rendered, "until": until, "tags": tags, "value": value}
        keep(key, entry)
    return value


def _scheme(environ):
    """http or https, as Django's request.is_secure() decides it."""
    proxy = settings.SECURE_PROXY_SSL_HEADER
    if proxy and proxy[0] in environ:
        secure = environ[proxy[0]].split(",", 1)[0].strip() == proxy[1]
        return "https" if secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def is_public(environ, path_info):
    """An anonymous reader's GET or HEAD of a page (not the admin, not a file)."""
    return (
        environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not path_info.startswith(UNCACHED_PATHS)
        # Staff carry a session; a false alarm only means a slower answer.
        and settings.SESSION_COOKIE_NAME not in environ.get("HTTP_COOKIE", "")
    )


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
        or not is_public(environ, path_info)
        or len(environ.get("QUERY_STRING", "")) > MAX_QUERY
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
        # A preview is kept out by `private` and its noindex.
        and response.get("X-Robots-Tag", "").strip() != "noindex"
        # The key has no Accept-Language in it: a page that varies on it (the
        # root's redirect, a 404 outside the language prefixes) is not stored.
        and not has_vary_header(response, "Accept-Language")
    )


def http_caching(request, response):
    """Say how long the answer may be kept, by browsers and shared caches."""
    if request.path_info.startswith(FILE_PATHS):
        return response  # whitenoise and the media view say it themselves
    said = response.get("Cache-Control", "")
    if "private" in said or "no-store" in said:
        patch_cache_control(response, private=True, no_store=True)
    elif said:
        return response  # the view said it
    elif not is_public(request.META, request.path_info) or not (
        cacheable_response(response) or 300 <= response.status_code < 400
    ):
        patch_cache_control(response, private=True, no_store=True)
    else:
        seconds = settings.HTTP_CACHE_SECONDS
        patch_cache_control(
            response,
            public=True,
            max_age=seconds,
            s_maxage=seconds,
            stale_while_revalidate=seconds // 2,
        )
    return response


def store(key, rendered, response):
    # One chunk: a feed is written in ~900 small pieces.
    response.content = response.content
    if not response.has_header("ETag"):
        set_response_etag(response)
    entry = {
        "rendered": rendered,
        "until": rendered + settings.PAGE_CACHE_SECONDS,
        "tags": tags_of(response),
        "status": response.status_code,
        # Bytes and plain pairs, not the response object: unpickled on
        # every hit, and the WSGI front sends them as they are.
        "headers": [*response.items(), ("X-Page-Cache", "hit")],
        "etag": response["ETag"],
        "content": response.content,
    }
    keep(key, entry)
    response["X-Page-Cache"] = "miss"


def replay(entry, environ):
    """(status line, headers, body) of a cached page for this request."""
    header = environ.get("HTTP_IF_NONE_MATCH")
    tags = {tag.strip().removeprefix("W/") for tag in (header or "").split(",")}
    if header and ("*" in tags or entry["etag"].removeprefix("W/") in tags):
        headers = [
            (name, value)
            for name, value in entry["headers"]
            if name.lower() in NOT_MODIFIED_HEADERS or name == "X-Page-Cache"
        ]
        return "304 Not Modified", headers, b""
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else entry["content"]
    status = HTTPStatus(entry["status"])
    return f"{status.value} {status.phrase}", entry["headers"], body


OTHER_CONDITIONS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
)


class PageCacheApp:
    """WSGI front: a cached page is sent before Django makes a request object.

    A hit through Django costs ~3x a bare view (request and response objects,
    signals, middleware); here it costs a read of this process's memory.
    Anything unusual (a conditional request other than If-None-Match, no
    current copy, a process that has not read the record of changes lately)
    goes on to Django, where `PageCacheMiddleware` does the same job fully.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path_info = get_path_info(environ) or "/"  # as WSGIRequest makes it
        key = page_key(environ, get_script_name(environ), path_info)
        if (
            key is not None
            and clock.current()
            and not any(name in environ for name in OTHER_CONDITIONS)
        ):
            entry = lookup(key)
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
            return http_caching(request, self.get_response(request))
        clock.sync()
        entry = lookup(key)
        if entry is not None:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            return get_conditional_response(
                request, etag=entry["etag"], response=response
            )
        token = _data_since.set(time.time())  # before the view reads anything
        try:
            response = http_caching(request, self.get_response(request))
            rendered = _data_since.get()
        finally:
            _data_since.reset(token)
        if cacheable_response(response):
            store(key, rendered, response)
        return response

    def process_view(self, request, view, args, kwargs):
        """Send a request with parameters the view does not read to the address
        without them."""
        if not is_public(request.META, request.path_info) or not request.GET:
            return None
        known = getattr(view, "query_parameters", None)
        if known is None:
            known = getattr(getattr(view, "view_class", None), "query_parameters", ())
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        kept = [(name, value) for name, value in pairs if name in known]
        if len(kept) == len(pairs):
            return None
        query = f"?{urlencode(kept)}" if kept else ""
        return HttpResponsePermanentRedirect(escape_uri_path(request.path) + query)
