"""Never stale after an outage: two app servers (gunicorn) on PostgreSQL and
Redis; Redis is unreachable while a publisher unpublishes a release, the
workers restart, Redis comes back: within seconds neither server serves it.

The change is recorded in PostgreSQL with the release itself
(pressroom/shell/freshness.py), so neither Redis's old copies nor a restart can
hide it. Redis is reached through a relay that the test stops and starts.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests import services
from tests.relay import Relay

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def run(script, env):
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


@pytest.fixture
def database():
    services.require(services.POSTGRESQL_PORT, services.REDIS_PORT)
    import psycopg

    name = f"pressroom_outage_{uuid.uuid4().hex[:8]}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield f"postgres://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def servers(database, tmp_path):
    """Two gunicorn masters, one worker each, behind nothing: two addresses."""
    redis = Relay(("127.0.0.1", 6379))
    redis.start()
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_"))
        and name not in ("DATABASE_URL", "REDIS_URL")
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SITE_URL": f"http://{HOST}",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_BEHIND_PROXY": "0",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_CACHE_PREFIX": f"outage-{uuid.uuid4().hex}",
        "DATABASE_URL": database,
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/5",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "PYTHONPATH": str(ROOT),
    }
    for command in (["migrate"], ["collectstatic"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    ports, masters = [free_port(), free_port()], []
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi"]
    for port in ports:
        masters.append(
            subprocess.Popen(
                [*gunicorn, "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while not services.reachable(port):
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield {"env": env, "ports": ports, "masters": masters, "redis": redis}
    finally:
        for master in masters:
            master.terminate()
            master.wait(timeout=30)
        redis.stop()


RELEASE = """
from tests.pressroom.factories import make_release
release = make_release(title_en="Kazan opens a new bridge")
print(release.get_absolute_url("en"))
"""
UNPUBLISH = """
from pressroom.models import PressRelease
release = PressRelease.objects.get()
release.status = PressRelease.Status.DRAFT
release.save()
"""


def shows_release(port, url):
    status, _headers, _body = get(port, url)
    _status, _headers, news = get(port, "/en/news/")
    return status == 200 or "Kazan opens a new bridge" in news


def test_no_server_serves_an_unpublished_release_after_a_redis_outage(servers):
    env, ports, redis = servers["env"], servers["ports"], servers["redis"]
    url = run(RELEASE, env)
    for port in ports:
        for _visit in range(3):
            status, headers, _body = get(port, url)
            assert status == 200
            get(port, "/en/news/")
        assert headers["X-Page-Cache"] == "hit"
        assert "Kazan opens a new bridge" in get(port, "/en/news/")[2]

    redis.stop()  # Redis unreachable while the publisher unpublishes
    run(UNPUBLISH, env)
    for master in servers["masters"]:
        master.send_signal(signal.SIGHUP)  # a worker restart (gunicorn reload)
    time.sleep(3)
    redis.start()  # Redis is back, with the copies made before the change
    back = time.monotonic()

    stale = dict.fromkeys(ports, True)
    while any(stale.values()) and time.monotonic() - back < 5:
        for port in ports:
            stale[port] = shows_release(port, url)
        time.sleep(0.1)
    assert not any(stale.values()), stale
    for port in ports:  # and it stays so
        assert get(port, url)[0] == 404
        assert "Kazan opens a new bridge" not in get(port, "/en/news/")[2]
