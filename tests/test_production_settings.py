"""Production settings, exercised in subprocesses with a production environment.

The test process itself runs the DEBUG settings, and settings are read once per
process, so each check here starts a fresh Python with DEBUG unset, a real secret
key and host list, a throw-away SQLite database and freshly collected static files.
"""

from http import HTTPStatus

import pytest

from tests.production import HOST, deploy, manage, production_env, run_script


@pytest.fixture(scope="module")
def server_dir(tmp_path_factory):
    return deploy(tmp_path_factory.mktemp("production"))


def test_check_deploy_reports_nothing(server_dir):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(server_dir)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_with_redis_and_postgresql_reports_nothing(server_dir):
    env = production_env(
        server_dir,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/pressroom",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "name", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_SITE_URL"]
)
def test_start_up_without_a_required_value_fails_clearly(tmp_path, name):
    result = manage("check", env=production_env(tmp_path, **{name: None}))
    assert result.returncode != 0
    assert f"{name} must be set when DJANGO_DEBUG is off" in result.stderr
    # One clear line, not a secret or a default silently used.
    assert "insecure" not in result.stderr


def test_a_site_url_that_is_no_address_stops_start_up(tmp_path):
    env = production_env(tmp_path, DJANGO_SITE_URL="press.example.org")
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SITE_URL must be an absolute address" in result.stderr


def test_a_trusted_proxy_that_is_no_address_stops_start_up(tmp_path):
    """Not at the first sign-in, as a server error on every attempt."""
    env = production_env(tmp_path, DJANGO_TRUSTED_PROXIES="10.0.0.0/24,balancer")
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr
    assert "'balancer'" in result.stderr


def test_check_deploy_warns_behind_a_proxy_without_its_address(server_dir):
    """Behind a balancer that nobody named, every client has its address: a
    stranger's five wrong passwords lock the account out for everyone."""
    env = production_env(server_dir, DJANGO_TRUSTED_PROXIES=None)
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stdout + result.stderr
    env = production_env(server_dir, DJANGO_TRUSTED_PROXIES=None)
    env["DJANGO_BEHIND_PROXY"] = "0"
    result = manage("check", "--deploy", "--fail-level", "ERROR", env=env)
    assert "DJANGO_TRUSTED_PROXIES" not in result.stdout + result.stderr


def test_production_runs_without_debug_and_with_secure_defaults(tmp_path):
    settings = run_script(
        """
        import django
        from django.conf import settings
        django.setup()
        print(__import__("json").dumps({
            "DEBUG": settings.DEBUG,
            "DEMO": settings.DEMO,
            "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
            "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
            "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
            "static": settings.STORAGES["staticfiles"]["BACKEND"],
            "cache": settings.CACHES["default"]["BACKEND"],
            "SECOND_FACTOR_REQUIRED": settings.SECOND_FACTOR_REQUIRED,
            "SESSION_COOKIE_AGE": settings.SESSION_COOKIE_AGE,
            "LOGIN_URL": settings.LOGIN_URL,
        }))
        """,
        production_env(tmp_path),
    )
    assert settings == {
        "DEBUG": False,
        "DEMO": False,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "SECOND_FACTOR_REQUIRED": True,
        "SESSION_COOKIE_AGE": 8 * 60 * 60,
        "LOGIN_URL": "admin:login",
    }


def test_the_demo_cannot_run_with_production_settings(tmp_path):
    result = manage("check", env=production_env(tmp_path, DJANGO_DEMO="1"))
    assert result.returncode != 0
    assert "DJANGO_DEMO=1" in result.stderr


def test_redis_url_gives_a_shared_cache_with_short_timeouts(tmp_path):
    cache = run_script(
        """
        import django
        from django.conf import settings
        django.setup()
        print(__import__("json").dumps(settings.CACHES["default"]))
        """,
        production_env(tmp_path, REDIS_URL="redis://cache.internal:6379/0"),
    )
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/0"
    # A Redis that hangs costs tens of milliseconds, never seconds.
    assert cache["OPTIONS"]["socket_timeout"] <= 0.05
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 0.05


FETCH_PAGES = """
    import json
    import django
    django.setup()
    from django.test import Client
    from tests.pressroom.factories import make_release, make_topic, make_user
    from tests.cities.factories import make_partner_city
    from tests.pages import PASSWORD, page_urls

    HOST = {host!r}
    make_partner_city()
    topic = make_topic(slug="culture")
    release = make_release(topics=[topic])
    pages = page_urls(release, topic)
    # A copy rendered within PAGE_CACHE_CLOCK_SKEW of a change is treated as
    # older than it (never served again): the first page fetched right after
    # the data was made would be one, on a fast enough machine.
    import time
    from django.conf import settings
    time.sleep(2 * settings.PAGE_CACHE_CLOCK_SKEW)

    def record(response):
        return {{
            "status": response.status_code,
            "headers": dict(response.headers),
            "cookies": {{
                name: {{
                    "secure": bool(morsel["secure"]),
                    "httponly": bool(morsel["httponly"]),
                    "samesite": morsel["samesite"],
                }}
                for name, morsel in response.cookies.items()
            }},
            "body": response.content.decode(errors="replace")[:20000],
        }}

    client = Client(HTTP_HOST=HOST)
    found = {{}}
    for name, path in pages.items():
        found[name] = record(client.get(path, secure=True))
        # The same page again: from the page cache where it is cacheable.
        found[name + " (again)"] = record(client.get(path, secure=True))
    found["plain-http"] = record(client.get(pages["home-ru"]))
    make_user(username="editor", password=PASSWORD, is_staff=True)
    staff = Client(HTTP_HOST=HOST)
    found["admin-login-form"] = record(staff.get("/admin/login/", secure=True))
    found["admin-login-post"] = record(
        staff.post(
            "/admin/login/?next=/admin/",
            {{"username": "editor", "password": PASSWORD}},
            secure=True,
        )
    )
    found["admin-index"] = record(staff.get("/admin/", secure=True))
    print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def production_pages(server_dir):
    """Every kind of page, fetched over HTTPS under production settings."""
    return run_script(FETCH_PAGES.format(host=HOST), production_env(server_dir))


def public(pages):
    return {
        name: page
        for name, page in pages.items()
        if not name.startswith(("admin", "plain-http"))
    }


def security_problems(name, page):
    headers = page["headers"]
    problems = []

    def expect(condition, what):
        if not condition:
            problems.append(f"{name}: {what}")

    hsts = dict(
        (part.strip().partition("=")[::2])
        for part in headers.get("Strict-Transport-Security", "").split(";")
    )
    expect(int(hsts.get("max-age") or 0) >= 31536000, "HSTS max-age")
    expect("includeSubDomains" in hsts and "preload" in hsts, "HSTS flags")
    csp = {
        directive.split()[0]: directive.split()[1:]
        for directive in headers.get("Content-Security-Policy", "").split(";")
        if directive.strip()
    }
    expect(csp.get("script-src") == ["'self'"], "CSP script-src")
    style = ["'self'", "'unsafe-inline'"] if name.startswith("admin") else ["'self'"]
    expect(csp.get("style-src") == style, "CSP style-src")
    expect("'unsafe-inline'" not in csp.get("default-src", []), "CSP default-src")
    expect(csp.get("object-src") == ["'none'"], "CSP object-src")
    expect(csp.get("frame-ancestors") == ["'none'"], "CSP frame-ancestors")
    expect(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
    expect(bool(headers.get("Referrer-Policy")), "Referrer-Policy")
    expect("camera=()" in headers.get("Permissions-Policy", ""), "Permissions-Policy")
    expect(headers.get("Cross-Origin-Opener-Policy") == "same-origin", "COOP")
    expect(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options")
    return problems


def test_every_page_type_carries_every_security_header(production_pages):
    problems = [
        problem
        for name, page in production_pages.items()
        if name != "plain-http"
        for problem in security_problems(name, page)
    ]
    assert not problems, "\n".join(problems)


def test_the_pages_fetched_are_the_real_pages(production_pages):
    statuses = {name: page["status"] for name, page in production_pages.items()}
    for name in ("home-ru", "release-fa", "list-en", "feed-ru", "sitemap", "robots"):
        assert statuses[name] == HTTPStatus.OK, name
    assert statuses["cities-fa"] == HTTPStatus.OK
    assert statuses["city-en"] == HTTPStatus.OK
    assert statuses["not-found-ru"] == HTTPStatus.NOT_FOUND
    assert statuses["admin-login-form"] == HTTPStatus.OK


def test_cacheable_pages_come_from_the_cache_the_second_time(production_pages):
    for name in ("home-ru", "list-fa", "release-en", "topic-ru", "cities-en"):
        assert production_pages[name + " (again)"]["headers"]["X-Page-Cache"] == "hit"


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(production_pages):
    for name, page in public(production_pages).items():
        assert not page["cookies"], name
        assert "cookie" not in page["headers"].get("Vary", "").lower(), name


def test_error_pages_show_no_debug_information(production_pages):
    for name in ("not-found-ru", "not-found-fa", "not-found"):
        body = production_pages[name]["body"]
        assert "Traceback" not in body
        assert "DEBUG = True" not in body
        assert "urlpatterns" not in body.lower()


def test_plain_http_is_redirected_to_https(production_pages):
    page = production_pages["plain-http"]
    assert page["status"] == HTTPStatus.MOVED_PERMANENTLY
    assert page["headers"]["Location"] == f"https://{HOST}/ru/"


def test_admin_cookies_are_secure_and_httponly(production_pages):
    csrf = production_pages["admin-login-form"]["cookies"]["csrftoken"]
    assert csrf == {"secure": True, "httponly": True, "samesite": "Lax"}
    login = production_pages["admin-login-post"]
    assert login["status"] == HTTPStatus.FOUND
    session = login["cookies"]["sessionid"]
    assert session == {"secure": True, "httponly": True, "samesite": "Lax"}
    # The password alone opens nothing: next comes the second factor.
    index = production_pages["admin-index"]
    assert index["status"] == HTTPStatus.FOUND
    assert index["headers"]["Location"].startswith("/admin/second-factor/")
