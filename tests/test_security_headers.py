"""Security headers, cookies, scripts and uploads on every kind of page.

These run under the test settings (DEBUG); `test_production_settings.py` repeats
the header checks under production settings, where HSTS and secure cookies apply.
"""

from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from axes.utils import reset as axes_reset
from django.urls import reverse

from pressroom.views import lists
from tests.cities.factories import make_partner_city
from tests.headers import assert_security_headers
from tests.pages import PASSWORD, page_urls
from tests.pressroom.factories import make_release, make_topic, make_user


@pytest.fixture
def site(db):
    make_partner_city()
    topic = make_topic(slug="culture")
    release = make_release(
        title_en="Kazan and Isfahan sign a memorandum", topics=[topic]
    )
    return page_urls(release, topic)


def test_every_page_type_carries_every_security_header(client, site):
    statuses = {}
    for name, path in site.items():
        response = client.get(path)
        statuses[name] = response.status_code
        assert_security_headers(response, admin=name.startswith("admin"))
    # The pages are real pages, not a run of identical error answers.
    assert statuses["release-fa"] == HTTPStatus.OK
    assert statuses["feed-en"] == HTTPStatus.OK
    assert statuses["sitemap"] == HTTPStatus.OK
    assert statuses["admin-login"] == HTTPStatus.OK
    assert statuses["cities-ru"] == HTTPStatus.OK
    assert statuses["city-fa"] == HTTPStatus.OK
    assert statuses["not-found-ru"] == HTTPStatus.NOT_FOUND
    assert statuses["root-redirect"] == HTTPStatus.FOUND


def test_the_server_error_page_carries_the_security_headers(
    client, site, settings, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(lists.HomeView, "get_context_data", broken)
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/fa/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert b'<html lang="fa" dir="rtl">' in response.content
    assert b"boom" not in response.content
    assert_security_headers(response)


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(client, site):
    for name, path in site.items():
        if name == "admin-login":
            continue
        response = client.get(path)
        assert not response.cookies, name
        vary = response.get("Vary", "").lower()
        assert "cookie" not in vary, name
    assert not client.cookies


def test_public_pages_carry_no_csrf_token(client, site):
    for name, path in site.items():
        if name != "admin-login":
            assert b"csrfmiddlewaretoken" not in client.get(path).content, name


class ScriptAudit(HTMLParser):
    """Every <script>, event-handler attribute and inline style on a page."""

    def __init__(self):
        super().__init__()
        self.scripts = []
        self.handlers = []
        self.javascript_urls = []
        self.styles = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "style" or "style" in attributes:
            self.styles.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if (value or "").strip().lower().startswith("javascript:"):
                self.javascript_urls.append((tag, name))


def test_public_html_has_no_inline_script(client, site):
    for name, path in site.items():
        response = client.get(path)
        if not response["Content-Type"].startswith("text/html"):
            continue
        audit = ScriptAudit()
        audit.feed(response.content.decode())
        for script in audit.scripts:
            if script.get("type") == "application/ld+json":
                continue
            source = script.get("src", "")
            assert source, f"inline script on {name}"
            assert source.startswith("/") and not source.startswith("//"), name
        assert not audit.handlers, name
        assert not audit.javascript_urls, name


def test_public_html_has_no_inline_style(client, site):
    """Public pages are under `style-src 'self'`: an inline style would be lost."""
    for name, path in site.items():
        response = client.get(path)
        if name.startswith("admin") or not response["Content-Type"].startswith(
            "text/html"
        ):
            continue
        audit = ScriptAudit()
        audit.feed(response.content.decode())
        assert not audit.styles, name


def test_admin_login_sets_an_httponly_csrf_cookie(client, db):
    response = client.get(reverse("admin:login"))
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_session_cookie_after_login_is_httponly(client, db):
    make_user(username="editor", password=PASSWORD, is_staff=True)
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response.cookies["sessionid"]["httponly"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fresh_axes(db):
    axes_reset()
    yield
    axes_reset()


def test_admin_login_locks_out_after_repeated_failures(client, settings, fresh_axes):
    make_user(username="editor", password=PASSWORD, is_staff=True)
    login = reverse("admin:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(login, {"username": "editor", "password": "guess"})
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS)
    response = client.post(login, {"username": "editor", "password": PASSWORD})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session
    # Another account from the same address can still sign in.
    make_user(username="other", password=PASSWORD, is_staff=True)
    response = client.post(login, {"username": "other", "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND


def test_admin_login_works_below_the_failure_limit(client, settings, fresh_axes):
    make_user(username="editor", password=PASSWORD, is_staff=True)
    login = reverse("admin:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(login, {"username": "editor", "password": "guess"})
    response = client.post(login, {"username": "editor", "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND


@pytest.fixture
def media_root(settings, tmp_path, db):
    """A folder of uploads that belong to no release (those are checked in
    tests/pressroom/test_media_access.py): public, like a city's emblem."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "uploads").mkdir()
    return tmp_path / "uploads"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", b"<!doctype html><script>alert(1)</script>"),
        ("page.htm", b"<html><script>alert(1)</script></html>"),
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        ("page.xhtml", b'<html xmlns="http://www.w3.org/1999/xhtml"></html>'),
        ("script.js", b"alert(1)"),
        ("noextension", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_uploaded_markup_is_never_served_as_a_page(client, media_root, name, content):
    (media_root / name).write_bytes(content)
    response = client.get(f"/media/uploads/{name}")
    assert response.status_code == HTTPStatus.OK
    content_type = response["Content-Type"]
    assert "html" not in content_type
    assert "svg" not in content_type
    assert "javascript" not in content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_uploaded_photo_is_served_inline(client, media_root):
    (media_root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    response = client.get("/media/uploads/photo.jpg")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/jpeg"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/../config/settings.py",
        "/media/%2e%2e/config/settings.py",
        "/media/uploads/../../manage.py",
        "/media/uploads/",
        "/media/missing.jpg",
    ],
)
def test_media_outside_the_uploads_or_missing_is_refused(client, media_root, path):
    response = client.get(path)
    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND)
    assert b"DJANGO_SECRET_KEY" not in response.content
