"""The page cache for anonymous readers, and how long others may keep a page.

A public page sets no cookie and opens no session, so one copy serves every
anonymous reader of its address (the language is in it). Views name what a page
shows (`add_cache_tags`, `@cache_tags`; untagged: freshness.ANY) and the query
parameters they read (`query_parameters`; any other is a 301 to the address
without it). Copies live in this process's memory ("pages"), then, with
`REDIS_URL`, in the cache every app server shares ("default"), behind short
timeouts and a circuit breaker. A copy is current while none of its tags changed
after it began to render (pressroom/shell/freshness.py) and its time is not up.
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
    parse_etags,
    patch_cache_control,
    set_response_etag,
)
from django.utils.encoding import escape_uri_path

from pressroom.shell.freshness import ANY, EVERY_PAGE, clock, record

logger = logging.getLogger(__name__)

TAG_HEADER = "Cache-Tag"
PREFIX = "pages:"
FILE_PATHS = ("/media/", "/static/")  # whitenoise and the media view say it
UNCACHED_PATHS = ("/admin/", *FILE_PATHS)
MAX_QUERY = 256  # longer query strings would only fill the cache with junk
# What a 304 keeps of the page's headers (RFC 9110 15.4.5).
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "date", "etag"}
NOT_MODIFIED_HEADERS |= {"expires", "last-modified", "vary", "x-page-cache"}
OTHER_CONDITIONS = ("HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE")
OTHER_CONDITIONS += ("HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE")
FIGURE_SECONDS = 3600  # what pages read is kept this long at most
CLAIM_SECONDS = 30  # a request that dies while computing a figure leaves it this long
# While a page renders: when the oldest data it took from the caches was read
# from the database. The page is as old as that: a change may have come since.
_data_since = contextvars.ContextVar("page_data_since", default=None)


def invalidate_pages():
    """Outdate every page and what pages read (interface translations changed)."""
    record([EVERY_PAGE])


def add_cache_tags(response, *tags):
    """Name what the page of `response` shows, for the page cache and CDNs."""
    named = response.get(TAG_HEADER, "").split(",")
    tags = [tag.strip() for tag in (*named, *tags)]
    response[TAG_HEADER] = ", ".join(dict.fromkeys(filter(None, tags)))
    return response


def tags_of(response):
    tags = (tag.strip() for tag in response.get(TAG_HEADER, "").split(","))
    return tuple(filter(None, tags)) or (ANY,)


def cache_tags(function):
    """View decorator: tag each answer with `function(request, *args, **kwargs)`."""

    def decorator(view):
        @wraps(view)
        def tagged(request, *args, **kwargs):
            tags = function(request, *args, **kwargs)
            return add_cache_tags(view(request, *args, **kwargs), *tags)

        return tagged

    return decorator


def query_parameters(*names):
    """View decorator: the query parameters the view reads."""

    def decorator(view):
        view.query_parameters = names
        return view

    return decorator


class Breaker:
    """Stop asking a service that failed for `pause` seconds: a hung Redis
    would otherwise cost every page its socket timeout."""

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


def _current(entry):
    return (
        entry is not None
        and time.time() < entry["until"]
        and not clock.outdates(entry["tags"], entry["rendered"])
    )


def lookup(key):
    """The current copy under `key` (memory, then Redis), or None."""
    entry = caches["pages"].get(key)
    if _current(entry):
        return entry
    if settings.REDIS_URL:
        entry = shared_breaker.call(caches["default"].get, key)
        if _current(entry):
            caches["pages"].set(key, entry, entry["until"] - time.time())
            return entry
    return None


def keep(key, entry):
    seconds = entry["until"] - time.time()
    caches["pages"].set(key, entry, seconds)
    if settings.REDIS_URL:
        shared_breaker.call(caches["default"].set, key, entry, seconds)


def remembered(name, compute, tags, keep_if=None):
    """`compute()`, kept until one of `tags` changes (or FIGURE_SECONDS pass):
    data pages read, kept even with the page cache off. `tags` may be a
    function of the value; `keep_if(value)` says whether it may be kept (a
    draft may not: its changes are recorded nowhere)."""
    key = data_key(name)
    clock.sync()
    entry = lookup(key)
    if entry is None:
        # While one request computes a figure again after a change, the others
        # take the outdated copy rather than all computing it at once (a costly
        # figure would hold every page that shows it). A page made with it is
        # as old as the copy, so the page cache keeps no such page as current.
        entry = caches["pages"].get(key)
        if entry is None:
            return compute_and_keep(key, compute, tags, keep_if)
        if caches["pages"].add(f"{key}:computing", True, timeout=CLAIM_SECONDS):
            try:
                return compute_and_keep(key, compute, tags, keep_if)
            finally:
                caches["pages"].delete(f"{key}:computing")
    return read(entry)


def data_key(name):
    return f"{PREFIX}data:" + hashlib.md5(name.encode()).hexdigest()


def read(entry):
    """A kept figure's value; the page being made is as old as it."""
    since = _data_since.get()
    if since is not None and entry["rendered"] < since:
        _data_since.set(entry["rendered"])
    return entry["value"]


def remembered_each(tags, compute):
    """{name: value} for each name of `tags` ({name: its tags}), each kept
    until its own tags change; those not kept are computed together:
    `compute(missing names)` -> {name: value} (one query for what changed,
    not one per name)."""
    found, missing = {}, []
    clock.sync()
    for name in tags:
        entry = lookup(data_key(name))
        if entry is None:
            missing.append(name)
        else:
            found[name] = read(entry)
    if missing:
        rendered = time.time()
        computed = compute(missing)
        for name in missing:
            keep_figure(data_key(name), rendered, tags[name], computed[name])
        found.update(computed)
    return found


def compute_and_keep(key, compute, tags, keep_if):
    rendered = time.time()
    value = compute()
    if keep_if is None or keep_if(value):
        keep_figure(key, rendered, tags(value) if callable(tags) else tags, value)
    return value


def keep_figure(key, rendered, tags, value):
    """Keep a figure read from the database at `rendered`."""
    until = rendered + FIGURE_SECONDS
    keep(key, {"rendered": rendered, "until": until, "tags": tags, "value": value})


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

    From the WSGI environ and the address as Django decodes it (each caller
    decodes it the same way). Everything a page may depend on is in the key.
    """
    query = environ.get("QUERY_STRING", "")
    if (
        settings.PAGE_CACHE_SECONDS <= 0
        or not is_public(environ, path_info)
        or len(query) > MAX_QUERY
    ):
        return None
    scheme = environ.get("wsgi.url_scheme", "http")
    proxy = settings.SECURE_PROXY_SSL_HEADER  # as request.is_secure() decides
    if proxy and proxy[0] in environ:
        secure = environ[proxy[0]].split(",", 1)[0].strip() == proxy[1]
        scheme = "https" if secure else "http"
    names = ["HTTP_HOST", "SERVER_NAME", "SERVER_PORT"]
    if settings.USE_X_FORWARDED_HOST:
        names.append("HTTP_X_FORWARDED_HOST")
    parts = [scheme, script_name, path_info, query]
    parts += [environ.get(name, "") for name in names]
    raw = "\n".join(parts).encode("utf-8", "backslashreplace")
    # Hashed: Cyrillic and Persian slugs quote past memcached's key length.
    return PREFIX + hashlib.md5(raw, usedforsecurity=False).hexdigest()


def cacheable_response(response):
    said = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in said
        and "no-store" not in said
        and response.get("X-Robots-Tag", "").strip() != "noindex"  # a preview
        # The key has no Accept-Language: pages that vary on it are not kept.
        and not has_vary_header(response, "Accept-Language")
    )


def http_caching(request, response):
    """Say how long the answer may be kept, by browsers and shared caches."""
    if request.path_info.startswith(FILE_PATHS):
        return response
    said = response.get("Cache-Control", "")
    public = is_public(request.META, request.path_info) and (
        cacheable_response(response) or 300 <= response.status_code < 400
    )
    if "private" in said or "no-store" in said or not (public or said):
        patch_cache_control(response, private=True, no_store=True)
    elif not said:
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
    response.content = response.content  # one chunk: a feed comes in many
    if not response.has_header("ETag"):
        set_response_etag(response)
    keep(
        key,
        {
            "rendered": rendered,
            "until": rendered + settings.PAGE_CACHE_SECONDS,
            "tags": tags_of(response),
            "status": response.status_code,
            # Plain pairs and bytes, as the WSGI front sends them.
            "headers": [*response.items(), ("X-Page-Cache", "hit")],
            "etag": response["ETag"],
            "content": response.content,
        },
    )
    response["X-Page-Cache"] = "miss"


class PageCacheApp:
    """WSGI front: a cached page is sent before Django makes a request object
    (through Django a hit costs several times a bare view). Anything unusual
    goes on to Django, where `PageCacheMiddleware` does the whole job."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = page_key(environ, get_script_name(environ), get_path_info(environ) or "/")
        conditions = any(name in environ for name in OTHER_CONDITIONS)
        entry = key and clock.current() and not conditions and lookup(key)
        if not entry:
            return self.application(environ, start_response)
        etags = parse_etags(environ.get("HTTP_IF_NONE_MATCH", ""))
        etags = {etag.removeprefix("W/") for etag in etags}
        if "*" in etags or entry["etag"].removeprefix("W/") in etags:
            headers = entry["headers"]
            kept = [(n, v) for n, v in headers if n.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", kept)
            return [b""]
        status = HTTPStatus(entry["status"])
        start_response(f"{status.value} {status.phrase}", entry["headers"])
        head = environ.get("REQUEST_METHOD") == "HEAD"
        return [b"" if head else entry["content"]]


class PageCacheMiddleware:
    """The first middleware: it stores pages as every other middleware left them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(
            request.META, request.META.get("SCRIPT_NAME", ""), request.path_info
        )
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
        """Send a request with parameters the view does not read to the
        address without them."""
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
