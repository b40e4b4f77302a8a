"""The WSGI front of the page cache (config/wsgi.py, PageCacheApp in
pressroom.shell.cache).

Pages are stored by Django (the middleware) and replayed by the front before
Django runs; each test counts the requests that reached Django.
"""

import io
from http import HTTPStatus
from urllib.parse import unquote_to_bytes, urlsplit

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from config.wsgi import application as site_application
from pressroom.shell.cache import PageCacheApp
from tests.pages import news
from tests.pressroom.factories import make_release


class Reached:
    """Django's own WSGI handler, counting the requests it is given."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.count = 0

    def __call__(self, environ, start_response):
        self.count += 1
        return self.handler(environ, start_response)


@pytest.fixture(autouse=True)
def connections_kept_open():
    """As Django's test client does: Django's handler closes the database
    connection after each request, which would end the test's transaction
    (PostgreSQL)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def django_app():
    return Reached()


@pytest.fixture
def front(django_app):
    return PageCacheApp(django_app)


def wsgi_environ(path, method="GET", secure=False, **headers):
    """The environ a WSGI server makes: PATH_INFO is the decoded bytes as latin-1."""
    parts = urlsplit(path)
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(parts.path).decode("iso-8859-1"),
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "443" if secure else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **headers,
    }


def call(app, path, method="GET", **headers):
    """Status code, headers and body of one request through a WSGI app."""
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"] = int(status.split()[0])
        started["headers"] = dict(response_headers)

    chunks = app(wsgi_environ(path, method, **headers), start_response)
    body = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return started["status"], started["headers"], body


def test_a_page_django_stored_is_sent_by_the_front_as_it_was(
    front, django_app, page_cache
):
    make_release()
    status, stored_headers, stored = call(front, news())
    assert (status, stored_headers["X-Page-Cache"]) == (HTTPStatus.OK, "miss")
    status, headers, body = call(front, news())
    assert django_app.count == 1
    assert (status, headers["X-Page-Cache"], body) == (HTTPStatus.OK, "hit", stored)
    del stored_headers["X-Page-Cache"], headers["X-Page-Cache"]
    assert headers == stored_headers
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
        "ETag",
    ):
        assert headers[name]


def test_the_configured_wsgi_application_has_the_front(page_cache):
    make_release()
    call(site_application, news("fa"))
    status, headers, _body = call(site_application, news("fa"))
    assert (status, headers["X-Page-Cache"]) == (HTTPStatus.OK, "hit")


def test_head_gets_the_headers_without_the_body(front, django_app, page_cache):
    make_release()
    call(front, news())
    status, headers, body = call(front, news(), method="HEAD")
    assert (status, body, django_app.count) == (HTTPStatus.OK, b"", 1)
    assert int(headers["Content-Length"]) > 0


def test_a_current_copy_gets_304_from_the_front(front, django_app, page_cache):
    make_release()
    _status, headers, _body = call(front, news())
    etag = headers["ETag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        status, answer, body = call(front, news(), HTTP_IF_NONE_MATCH=header)
        assert (status, body) == (HTTPStatus.NOT_MODIFIED, b""), header
        assert answer["ETag"] == etag
        assert "Content-Security-Policy" not in answer
    status, _answer, _body = call(front, news(), HTTP_IF_NONE_MATCH='"other"')
    assert status == HTTPStatus.OK
    assert django_app.count == 1


def test_other_conditional_requests_go_to_django(front, django_app, page_cache):
    make_release()
    call(front, news())
    since = "Sat, 01 Jan 2000 00:00:00 GMT"
    status, _headers, _body = call(front, news(), HTTP_IF_MODIFIED_SINCE=since)
    assert (status, django_app.count) == (HTTPStatus.OK, 2)


def test_staff_with_a_session_never_get_the_cached_page(front, django_app, page_cache):
    make_release()
    call(front, news())
    status, headers, _body = call(front, news(), HTTP_COOKIE="sessionid=abc")
    assert django_app.count == 2
    assert status == HTTPStatus.OK
    assert "X-Page-Cache" not in headers


def test_a_page_stored_for_https_is_not_sent_over_http(front, django_app, page_cache):
    make_release()
    call(front, news(), secure=True)
    call(front, news(), secure=False)
    assert django_app.count == 2


def test_another_host_is_never_answered_from_the_cache(
    front, django_app, page_cache, settings
):
    settings.ALLOWED_HOSTS = ["testserver"]
    make_release()
    call(front, news())
    status, _headers, _body = call(front, news(), HTTP_HOST="evil.example")
    assert (status, django_app.count) == (HTTPStatus.BAD_REQUEST, 2)


def test_a_published_change_reaches_the_front_at_once(front, django_app, page_cache):
    release = make_release()
    call(front, news())
    release.title_ru = "Новый заголовок о мосте"
    release.save()
    _status, headers, body = call(front, news())
    assert django_app.count == 2
    assert headers["X-Page-Cache"] == "miss"
    assert "Новый заголовок о мосте".encode() in body


def test_with_the_cache_off_everything_goes_to_django(front, django_app, db):
    make_release()
    call(front, news())
    _status, headers, _body = call(front, news())
    assert django_app.count == 2
    assert "X-Page-Cache" not in headers


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_a_release_with_a_cyrillic_or_persian_address_is_sent_by_the_front(
    front, django_app, page_cache, language
):
    release = make_release()
    url = release.get_absolute_url(language)
    assert "%D" in url  # percent-encoded letters, decoded by the WSGI server
    call(front, url)
    status, headers, body = call(front, url)
    assert (status, headers["X-Page-Cache"], django_app.count) == (
        HTTPStatus.OK,
        "hit",
        1,
    )
    assert getattr(release, f"title_{language}").encode() in body
