import email
import email.policy
import socket
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from pressroom import roles
from pressroom.shell import catalogs
from pressroom.shell.cache import shared_breaker
from pressroom.shell.freshness import clock
from tests import services


def pytest_sessionstart(session):
    """Compile the interface catalogs (locale/*.po to the gitignored .mo files)
    when missing or stale, before any test reads a translation: plain `pytest`
    on a fresh checkout sees translated pages, as `make test` does."""
    stale = [
        po
        for locale_dir in settings.LOCALE_PATHS
        for po in Path(locale_dir).glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        call_command("compile_translations", verbosity=0)
        # Setting Django up loaded Russian before these files existed, and the
        # catalog watch found none to watch: load them as a save would.
        catalogs.reload_languages(catalogs.catalog_files())
        catalogs.watch.reset()


@pytest.fixture(autouse=True)
def fresh_caches():
    """No page or figure (a list's total, say) kept by an earlier test outlives
    it, in memory or in Redis: its rows are rolled back, which records no
    change. Changes made in the test process are known to it at once; reading
    the record of changes made elsewhere is for the tests about that (the poll
    interval is long here, so no test's query count depends on when it falls)."""
    services.empty_caches()  # or one test's pages would be another's hits
    clock.tried = time.monotonic()
    shared_breaker.until = 0.0  # Redis not given up on by an earlier test


@pytest.fixture
def groups(db):
    """The groups the data migration makes: a test on the live server
    (tests/browser) empties every table, those rows included."""
    roles.ensure_groups()


class Inbox:
    """What a real SMTP server (aiosmtpd) received: parsed messages, in order."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]

    def wait_for(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on a free local port; Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()


def run_worker(worker_id="test-worker"):
    """Run every task that is due, as `manage.py worker --batch` does, here.

    Needs a database whose commits the worker sees (`transactional_db`).
    """
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def page_cache(db, settings):
    """The page cache on (the suite runs with it off)."""
    settings.PAGE_CACHE_SECONDS = 600
