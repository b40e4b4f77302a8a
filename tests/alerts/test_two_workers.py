"""Two workers, as two processes, on one database: every subscriber gets one message.

The workers are real `manage.py worker` processes on a database of their own
(a scratch PostgreSQL database when the suite runs on PostgreSQL, an SQLite file
otherwise), sending to a real SMTP server that answers slowly enough for both
to be sending at the same time. The release's task is enqueued three times over,
as retries and a second app server would.
"""

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Inbox, free_port

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 400


class SlowInbox(Inbox):
    async def handle_DATA(self, server, session, envelope):
        import asyncio

        await asyncio.sleep(0.003)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def scratch_database(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path}/workers.sqlite3"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'pressroom'}_workers"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, env, timeout=180):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


SETUP = textwrap.dedent(
    f"""
    from pressroom.alerts.models import Subscription
    from pressroom.alerts.tasks import announce
    from pressroom.models import PressRelease
    from django.utils import timezone

    Subscription.objects.bulk_create(
        Subscription(email=f"reader{{n}}@example.org", language="ru",
                     confirmation=f"{{n:064d}}", confirmed_at=timezone.now())
        for n in range({SUBSCRIBERS})
    )
    release = PressRelease(
        title_ru="Заголовок", lead_ru="Анонс", body_ru="<p>Текст</p>",
        status="published", published_at=timezone.now(),
    )
    release.save()  # enqueues its announcement
    announce.enqueue(release.pk)  # a retry
    announce.enqueue(release.pk)  # and another app server
    """
)
REPORT = textwrap.dedent(
    """
    import json
    from django_tasks_db.models import DBTaskResult
    from pressroom.alerts.models import Delivery, Dispatch
    print(json.dumps({
        "dispatches": Dispatch.objects.count(),
        "statuses": sorted(set(Delivery.objects.values_list("status", flat=True))),
        "deliveries": Delivery.objects.count(),
        "sent_by_task": sorted(
            (result.worker_ids[0], result.return_value)
            for result in DBTaskResult.objects.filter(task_path__endswith=".announce")
        ),
    }))
    """
)


def test_two_workers_send_each_subscriber_exactly_one_message(
    tmp_path, scratch_database
):
    inbox = SlowInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DJANGO_DEMO": "1",
        "DATABASE_URL": scratch_database,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(controller.port),
        "DJANGO_PAGE_CACHE_STAMP": str(tmp_path / "pages"),
    }
    try:
        manage("migrate", "--no-input", "-v0", env=env)
        manage("shell", "-v0", "-c", SETUP, env=env)
        workers = [
            subprocess.Popen(
                [sys.executable, "manage.py", "worker", "--batch", "--interval", "0",
                 "--worker-id", name],
                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True,
            )
            for name in ("worker-a", "worker-b")
        ]  # fmt: skip
        outputs = [worker.communicate(timeout=180)[0] for worker in workers]
        assert [worker.returncode for worker in workers] == [0, 0], outputs
        report = json.loads(manage("shell", "-v0", "-c", REPORT, env=env).stdout)
        time.sleep(0.2)  # the last message's DATA is answered before it is stored
    finally:
        controller.stop()

    recipients = [message["To"] for message in inbox.messages]
    assert len(recipients) == SUBSCRIBERS
    assert len(set(recipients)) == SUBSCRIBERS
    assert report["dispatches"] == 1
    assert report["deliveries"] == SUBSCRIBERS
    assert report["statuses"] == ["sent"]
    sent = report["sent_by_task"]
    assert sum(count for _worker, count in sent) == SUBSCRIBERS
    # Both were sending at once: each sent part of the list.
    assert {worker for worker, count in sent if count} == {"worker-a", "worker-b"}, sent
