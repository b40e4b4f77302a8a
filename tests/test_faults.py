"""What readers and editors see when a part of the system fails.

The database away (503 page, then recovery by itself), Redis down or hanging
(pages still served), and a full disk or a bad file on upload (a clear admin
error, nothing half-saved).
"""

import errno
import io
import socket
import time
import uuid
from contextlib import contextmanager
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse
from django.utils import translation
from PIL import Image

from pressroom.models import PressRelease
from pressroom.shell.middleware import STORAGE_FAILURE
from tests import services
from tests.headers import assert_security_headers
from tests.pressroom.factories import make_release
from tests.production import HOST, deploy, production_env, run_script

LANGUAGES = ("ru", "fa", "en")
DEAD_PORT = "5999"  # nothing listens here


@contextmanager
def database_unreachable():
    """Point the default connection at a database that cannot be reached."""
    original = connections["default"]
    settings_dict = dict(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        settings_dict["PORT"] = DEAD_PORT
    dead = original.__class__(settings_dict, alias="default")
    connections["default"] = dead
    try:
        yield
    finally:
        dead.close()
        connections["default"] = original


@pytest.fixture(scope="module")
def server_dir(tmp_path_factory):
    return deploy(tmp_path_factory.mktemp("production"))


def assert_unavailable_page(response, language):
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    direction = "rtl" if language == "fa" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert '<meta name="robots" content="noindex">' in page
    for leak in ("Traceback", "OperationalError", "sqlite", "psycopg", "5999"):
        assert leak not in page
    admin = response.request["PATH_INFO"].startswith("/admin/")
    assert_security_headers(response, admin=admin)


@pytest.mark.parametrize("language", LANGUAGES)
def test_database_outage_answers_a_translated_503(client, db, language):
    release = make_release()
    pages = [
        f"/{language}/",
        f"/{language}/news/",
        release.get_absolute_url(language),
        f"/{language}/news/{1404 if language == 'fa' else 2025}/",
        f"/{language}/search/?q=Kazan",
        f"/{language}/news/feed/",
        f"/{language}/cities/",
    ]
    with database_unreachable():
        for path in pages:
            assert_unavailable_page(client.get(path), language)


def test_database_outage_on_the_admin_is_a_503_too(client, db):
    with database_unreachable():
        response = client.post(
            reverse("admin:login"), {"username": "editor", "password": "secret"}
        )
    assert_unavailable_page(response, "ru")


def test_the_site_recovers_when_the_database_returns(client, db):
    release = make_release()
    with database_unreachable():
        assert client.get("/en/news/").status_code == HTTPStatus.SERVICE_UNAVAILABLE
    response = client.get("/en/news/")
    assert response.status_code == HTTPStatus.OK
    assert release.title_en.encode() in response.content


def test_cached_pages_are_still_served_while_the_database_is_away(
    client, db, settings, tmp_path
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.DEBUG = False
    cache.clear()
    release = make_release()
    client.get("/ru/news/")
    client.raise_request_exception = False
    with database_unreachable():
        cached = client.get("/ru/news/")
        assert cached.status_code == HTTPStatus.OK
        assert cached["X-Page-Cache"] == "hit"
        assert release.title_ru.encode() in cached.content
        # Pages that need no database render; pages that do answer 503.
        assert client.get("/ru/about/").status_code == HTTPStatus.OK
        assert client.get("/robots.txt").status_code == HTTPStatus.OK
        unavailable = client.get("/ru/search/?q=Kazan")
        assert_unavailable_page(unavailable, "ru")
    cache.clear()


# Production: DEBUG off, the real WSGI handler (which closes broken connections
# between requests, as under gunicorn), the same process from outage to recovery.
WSGI_HELPERS = """
    import io, json, os, socket, sys, threading, wsgiref.util
    HOST = {host!r}

    def wsgi_get(app, path):
        environ = {{
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_HOST": HOST,
            "SERVER_NAME": HOST, "SERVER_PORT": "443", "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(), "QUERY_STRING": "",
        }}
        wsgiref.util.setup_testing_defaults(environ)
        found = {{}}

        def start_response(status, headers, exc_info=None):
            found["status"] = int(status.split()[0])
            found["headers"] = dict(headers)

        result = app(environ, start_response)
        try:
            body = b"".join(result).decode()
        finally:
            result.close()  # request_finished: Django drops broken connections
        return {{**found, "body": body[:3000]}}
"""


def test_production_outage_and_recovery_on_sqlite(server_dir, tmp_path):
    missing = tmp_path / "not-mounted-yet"
    script = (
        WSGI_HELPERS
        + """
    import django
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    app = WSGIHandler()
    steps = {{}}
    steps["down-ru"] = wsgi_get(app, "/ru/news/")
    steps["down-fa"] = wsgi_get(app, "/fa/")
    os.mkdir({missing!r})
    call_command("migrate", verbosity=0)
    steps["up"] = wsgi_get(app, "/ru/news/")
    print(json.dumps(steps))
    """
    )
    env = production_env(
        server_dir,
        DATABASE_URL=f"sqlite:///{missing}/db.sqlite3",
        DJANGO_PAGE_CACHE_SECONDS="0",
    )
    steps = run_script(script.format(host=HOST, missing=str(missing)), env)
    assert_production_outage(steps)
    assert steps["up"]["status"] == HTTPStatus.OK


def assert_production_outage(steps):
    for name, language, direction in (
        ("down-ru", "ru", "ltr"),
        ("down-fa", "fa", "rtl"),
    ):
        step = steps[name]
        assert step["status"] == HTTPStatus.SERVICE_UNAVAILABLE, step["body"]
        assert int(step["headers"]["Retry-After"]) > 0
        assert f'<html lang="{language}" dir="{direction}">' in step["body"]
        assert "Traceback" not in step["body"]
        assert "Error" not in step["body"]
        assert step["headers"]["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" in step["headers"]


def test_production_recovers_when_postgresql_comes_back(server_dir):
    """An established connection breaks, then PostgreSQL is reachable again.

    A small TCP relay stands between the site and PostgreSQL; stopping it cuts
    every open connection, as a database restart or a network fault would.
    """
    services.require(services.POSTGRESQL_PORT)
    import psycopg

    name = f"pressroom_faults_{uuid.uuid4().hex[:8]}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    script = (
        WSGI_HELPERS
        + """
    import time

    from tests.relay import Relay

    relay = Relay(("127.0.0.1", 5432))
    relay.start()
    os.environ["DATABASE_URL"] = (
        f"postgres://postgres@127.0.0.1:{{relay.port}}/{name}"
    )
    import django
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command
    from django.db import connection
    call_command("migrate", verbosity=0)
    app = WSGIHandler()
    steps = {{"before": wsgi_get(app, "/ru/news/")}}
    # A persistent connection (CONN_MAX_AGE) is open when the database goes.
    steps["persistent"] = connection.connection is not None
    relay.stop()
    # The news list just read is still served from the data kept for it (no
    # change can be saved meanwhile); a page that needs the database is a 503.
    steps["kept"] = wsgi_get(app, "/ru/news/")
    # (Not an archive year: which years have news is kept with the news list.)
    steps["down-ru"] = wsgi_get(app, "/ru/cities/")
    steps["down-fa"] = wsgi_get(app, "/fa/")
    relay.start()
    steps["up"] = wsgi_get(app, "/ru/news/")
    steps["up-again"] = wsgi_get(app, "/en/")
    connection.close()
    relay.stop()
    print(json.dumps(steps))
    """
    )
    env = production_env(server_dir, DJANGO_PAGE_CACHE_SECONDS="0")
    try:
        steps = run_script(script.format(host=HOST, name=name), env, timeout=180)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert steps["before"]["status"] == HTTPStatus.OK
    assert steps["persistent"]
    assert steps["kept"]["status"] == HTTPStatus.OK
    assert_production_outage(steps)
    assert steps["up"]["status"] == HTTPStatus.OK
    assert steps["up-again"]["status"] == HTTPStatus.OK


def redis_settings(settings, tmp_path, location):
    settings.REDIS_URL = location
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            # As config/settings.py sets them for REDIS_URL.
            "OPTIONS": {"socket_connect_timeout": 0.03, "socket_timeout": 0.03},
        },
    }
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def hanging_redis():
    """A port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def page_seconds(client, path, times=5):
    """The median time of a page (its templates compiled first)."""
    client.get(path)
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        response = client.get(path)
        spent.append(time.perf_counter() - started)
        assert response.status_code == HTTPStatus.OK
    return sorted(spent)[times // 2], response


@pytest.mark.parametrize("kind", ["refused", "hanging"])
def test_a_redis_that_is_down_or_hangs_costs_pages_milliseconds(
    client, db, settings, tmp_path, hanging_redis, kind, caplog
):
    """One short wait (the 30 ms socket timeout) on the first page, then the
    circuit breaker: no wait at all. Counted, not only timed: on a busy machine
    a thread woken after a timeout may wait its turn for tens of ms more."""
    from pressroom.shell.cache import shared_breaker

    release = make_release()
    paths = ("/ru/", "/fa/news/", release.get_absolute_url("en"), "/ru/news/")
    settings.PAGE_CACHE_SECONDS = 0
    normal = {path: page_seconds(client, path)[0] for path in paths}
    location = "redis://127.0.0.1:6390/0" if kind == "refused" else hanging_redis
    redis_settings(settings, tmp_path, location)
    import redis  # noqa: F401 (imported once per process, not per page)

    extra = []
    for path in paths:
        shared_breaker.until = 0.0  # closed, as in a process that never failed
        caches["pages"].clear()  # every page goes to Redis, or would
        caplog.clear()
        started = time.perf_counter()
        first = client.get(path)
        assert first.status_code == HTTPStatus.OK
        extra.append(time.perf_counter() - started - normal[path])
        waits = [r for r in caplog.records if r.message == "Shared cache unavailable"]
        assert len(waits) == 1, path  # one call failed; the others were skipped
        caches["pages"].clear()
        # The next pages do not wait at all: the breaker is open (and the
        # page, kept in this process's memory, is served from there).
        seconds, response = page_seconds(client, path)
        assert response.get("X-Page-Cache") == "hit"
        assert seconds < normal[path] + 0.05, (path, seconds, normal[path])
    # Never seconds: one short timeout, whatever the machine's load.
    assert max(extra) < 0.5, extra


def test_saving_content_works_while_redis_is_down(
    client, db, settings, tmp_path, caplog
):
    redis_settings(settings, tmp_path, "redis://127.0.0.1:6390/0")
    release = make_release()
    release.title_ru = "Сохранено без Redis"
    release.save()
    assert PressRelease.objects.get(pk=release.pk).title_ru == "Сохранено без Redis"
    assert "Сохранено без Redis".encode() in client.get("/ru/news/").content
    assert "Shared cache unavailable" in caplog.text


def test_production_pages_are_served_with_redis_down(server_dir, hanging_redis):
    """The real settings (REDIS_URL) with a Redis that refuses or hangs."""
    script = (
        WSGI_HELPERS
        + """
    import time
    import django
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    app = WSGIHandler()
    found = {{}}
    for path in ("/ru/", "/fa/news/", "/en/cities/", "/robots.txt"):
        wsgi_get(app, path)  # templates compiled, the page (not) cached
        started = time.monotonic()
        found[path] = {{**wsgi_get(app, path), "seconds": time.monotonic() - started}}
    print(json.dumps(found))
    """
    )
    for location in ("redis://127.0.0.1:6390/0", hanging_redis):
        env = production_env(server_dir, REDIS_URL=location)
        found = run_script(script.format(host=HOST), env)
        for path, page in found.items():
            assert page["status"] == HTTPStatus.OK, (location, path, page["body"])
            assert page["seconds"] < 1.5, (location, path)


class FullDiskStorage(FileSystemStorage):
    """Local storage on a disk with no space left (a test double of Django's)."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")


class FillingDiskStorage(FileSystemStorage):
    """The first file fits; the disk is full for the next (the renditions)."""

    saved = 0

    def _save(self, name, content):
        if FillingDiskStorage.saved:
            raise OSError(errno.ENOSPC, "No space left on device")
        FillingDiskStorage.saved += 1
        return super()._save(name, content)


class FormFields(HTMLParser):
    """The values a browser would submit from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self.in_form = False
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("method", "").lower() == "post":
            self.in_form = attributes.get("id", "").endswith("_form")
        if not self.in_form:
            return
        name = attributes.get("name")
        if not name or "__prefix__" in name:
            if tag == "option" and self.select:
                self.option(attributes)
            return
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("submit", "file", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data[name] = attributes.get("value", default)
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""
        elif tag == "select":
            self.select = {"name": name, "multiple": "multiple" in attributes}
            self.select["first"] = True

    def option(self, attributes):
        select = self.select
        value = attributes.get("value", "")
        if "selected" in attributes:
            self.data[select["name"]] = value
        elif select["first"] and not select["multiple"]:
            self.data.setdefault(select["name"], value)
        select["first"] = False

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def admin_form(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    fields = FormFields()
    fields.feed(response.content.decode())
    return fields.data


def jpeg(name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def superuser_client(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_superuser(
        "chief", "chief@example.org", "a-long-and-correct-password-81"
    )
    client.force_login(user)
    return client


def use_storage(settings, tmp_path, backend):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": f"{__name__}.{backend.__name__}",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


def release_form(client):
    data = admin_form(client, reverse("admin:pressroom_pressrelease_add"))
    data |= {
        "title_ru": "Снимок с места событий",
        "lead_ru": "Краткое содержание.",
        "body_ru": "<p>Текст.</p>",
        "image": jpeg(),
    }
    return data


def shows_storage_failure(response):
    """The admin form came back with the storage failure as its error."""
    with translation.override(response["Content-Language"]):
        reason = str(STORAGE_FAILURE)
    return reason in response.context["adminform"].form.non_field_errors()


@pytest.mark.parametrize("storage", [FullDiskStorage, FillingDiskStorage])
def test_a_full_disk_on_upload_is_a_clear_admin_error(
    superuser_client, settings, tmp_path, storage
):
    FillingDiskStorage.saved = 0
    use_storage(settings, tmp_path, storage)
    add = reverse("admin:pressroom_pressrelease_add")
    response = superuser_client.post(add, release_form(superuser_client))
    assert response.status_code == HTTPStatus.OK
    assert shows_storage_failure(response)
    page = response.content.decode()
    # What the editor typed is still in the form, ready to save again.
    assert 'value="Снимок с места событий"' in page
    assert "Краткое содержание." in page
    assert not PressRelease.objects.exists()


def test_a_full_disk_when_changing_a_release_keeps_the_old_version(
    superuser_client, settings, tmp_path
):
    release = make_release()
    use_storage(settings, tmp_path, FullDiskStorage)
    change = reverse("admin:pressroom_pressrelease_change", args=[release.pk])
    data = admin_form(superuser_client, change)
    data |= {"title_ru": "Новый заголовок", "image": jpeg()}
    response = superuser_client.post(change, data)
    assert response.status_code == HTTPStatus.OK
    assert shows_storage_failure(response)
    assert 'value="Новый заголовок"' in response.content.decode()
    release.refresh_from_db()
    assert release.title_ru != "Новый заголовок"
    assert not release.image


def test_a_full_disk_on_a_city_emblem_is_a_clear_admin_error(
    superuser_client, settings, tmp_path
):
    from cities.models import City

    use_storage(settings, tmp_path, FullDiskStorage)
    add = reverse("admin:cities_city_add")
    data = admin_form(superuser_client, add)
    data |= {
        "name_ru": "Исфахан",
        "name_en": "Isfahan",
        "slug": "isfahan",
        "country_ru": "Иран",
        "country_en": "Iran",
        "emblem": jpeg("emblem.jpg"),
    }
    response = superuser_client.post(add, data)
    assert response.status_code == HTTPStatus.OK
    assert shows_storage_failure(response)
    assert 'value="Исфахан"' in response.content.decode()
    assert not City.objects.filter(slug="isfahan").exists()


def test_a_file_that_is_not_an_image_is_refused_and_nothing_saved(
    superuser_client, settings, tmp_path
):
    use_storage(settings, tmp_path, FileSystemStorage)
    data = release_form(superuser_client)
    data["image"] = SimpleUploadedFile(
        "photo.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"
    )
    response = superuser_client.post(reverse("admin:pressroom_pressrelease_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors["image"]
    assert not PressRelease.objects.exists()
    assert not any(tmp_path.rglob("*.jpg"))


def test_an_upload_cut_short_is_refused_and_nothing_saved(
    superuser_client, settings, tmp_path
):
    use_storage(settings, tmp_path, FileSystemStorage)
    data = release_form(superuser_client)
    whole = data["image"].read()
    data["image"] = SimpleUploadedFile("photo.jpg", whole[: len(whole) // 3])
    response = superuser_client.post(reverse("admin:pressroom_pressrelease_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors
    assert not PressRelease.objects.exists()


def test_a_valid_upload_still_saves(superuser_client, settings, tmp_path):
    """The control: the same form with room on the disk is saved."""
    use_storage(settings, tmp_path, FileSystemStorage)
    add = reverse("admin:pressroom_pressrelease_add")
    response = superuser_client.post(add, release_form(superuser_client))
    assert response.status_code == HTTPStatus.FOUND, response.context and (
        response.context["adminform"].form.errors
    )
    release = PressRelease.objects.get()
    assert release.image
    assert release.image_renditions
