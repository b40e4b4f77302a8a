"""E-mail alerts: what publishing to many subscribers costs, and whom.

1. The publisher's request: the list's "publish" action (its confirming step),
   timed through Django's test client, on a site with no subscribers and again
   with N; the alerts add a task row to the save's transaction, whatever N is.
2. The worker: one release published to N subscribers; `manage.py worker
   --batch` runs as its own process and sends every message to a local SMTP
   server (aiosmtpd, accepting at once: a real relay is slower). Timed from the
   worker's start to the last message, and as the announce task's own run.

    .venv/bin/python bench/alerts.py --subscribers 10000 [--database-url URL] [--write]

On a scratch database (an SQLite file in bench/out/ by default, made anew each
run). `--write` replaces the "E-mail alerts" section of bench/RESULTS.md.
"""

import argparse
import datetime
import html
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HEADING = "## E-mail alerts"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import git_revision, replace_section  # noqa: E402


def environment(database_url, smtp_port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DJANGO_DEMO": "1",
        "DATABASE_URL": database_url,
        "DJANGO_PAGE_CACHE_SECONDS": "0",
        "DJANGO_PAGE_CACHE_STAMP": str(OUT / "pages-alerts"),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(smtp_port),
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    return env


def publish_times(client, count):
    """Milliseconds of `count` publish actions, each on a new draft."""
    from pressroom.models import PressRelease

    times = []
    for n in range(count):
        release = PressRelease(
            title_ru=f"Выпуск {n}", lead_ru="Анонс.", body_ru="<p>Текст.</p>"
        )
        release.save()
        action = {"action": "publish", "_selected_action": [release.pk]}
        # The list's action asks first, on a page naming each step to confirm.
        asked = client.post("/admin/pressroom/pressrelease/", action)
        confirmed = [
            html.unescape(value)
            for value in re.findall(r'name="confirmed" value="([^"]+)"', asked.text)
        ]
        assert confirmed, asked.status_code
        start = time.perf_counter()
        response = client.post(
            "/admin/pressroom/pressrelease/",
            {**action, "post": "yes", "confirmed": confirmed},
        )
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    return times


def add_subscribers(count):
    from django.utils import timezone

    from pressroom.alerts.models import Subscription

    Subscription.objects.bulk_create(
        (
            Subscription(
                email=f"reader{n}@example.org",
                language="ru",
                confirmation=f"{n:064d}",
                confirmed_at=timezone.now(),
            )
            for n in range(count)
        ),
        batch_size=2000,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10000)
    parser.add_argument("--publishes", type=int, default=5, help="per round")
    parser.add_argument("--database-url")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    from aiosmtpd.controller import Controller

    from tests.conftest import Inbox, free_port

    OUT.mkdir(exist_ok=True)
    database = OUT / "alerts.sqlite3"
    for path in OUT.glob("alerts.sqlite3*"):
        path.unlink()
    database_url = args.database_url or f"sqlite:///{database}"
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    env = environment(database_url, smtp.port)
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django_tasks_db.models import DBTaskResult

    from pressroom.alerts.models import Delivery, Subscription
    from pressroom.alerts.tasks import announce

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    publisher = get_user_model().objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(publisher)

    publish_times(client, 3)  # warm up: imports, compiled templates
    # Alternately without and with the subscribers, so that what else runs on
    # the machine weighs on both alike.
    without, with_subscribers = [], []
    for round_number in range(4):
        # Each round in the other order: the later half of a round runs on a
        # slightly bigger site.
        for subscribed in (False, True) if round_number % 2 else (True, False):
            Subscription.objects.all().delete()
            if subscribed:
                add_subscribers(args.subscribers)
            times = publish_times(client, args.publishes)
            (with_subscribers if subscribed else without).extend(times)

    # Only the last release goes out: the others' tasks are dropped.
    DBTaskResult.objects.all().delete()
    (times,) = [publish_times(client, 1)]
    started = time.perf_counter()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [*manage, "worker", "--batch", "--interval", "0", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    worker_seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (after.ru_utime - children.ru_utime) + (
        after.ru_stime - children.ru_stime
    )
    inbox.wait_for(args.subscribers, timeout=30)
    smtp.stop()
    task = DBTaskResult.objects.get(task_path=announce.module_path)
    task_seconds = (task.finished_at - task.started_at).total_seconds()
    sent = Delivery.objects.filter(status="sent").count()

    median_without = statistics.median(without)
    median_with = statistics.median(with_subscribers)
    vendor = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    load = os.getloadavg()[0]
    revision = git_revision()
    verdict = "met" if task_seconds < 60 and sent == args.subscribers else "**not met**"
    lines = [
        HEADING,
        "",
        f"Generated by `bench/alerts.py --subscribers {args.subscribers}` "
        f"({datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, revision "
        f"{revision}, {vendor}, {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load:.2f} before the worker). Target: one worker sends a "
        "release to 10,000 subscribers in under a minute; the publisher's request "
        "costs the same with or without subscribers.",
        "",
        "| what | figure |",
        "|---|--:|",
        f"| publish action, median of {len(without)}, no subscribers "
        f"| {median_without:.1f} ms |",
        f"| publish action, median of {len(with_subscribers)}, "
        f"{args.subscribers:,} subscribers | {median_with:.1f} ms |",
        f"| worker: announce task, {sent:,} messages sent | {task_seconds:.1f} s "
        f"({sent / task_seconds:,.0f} messages/s) |",
        f"| worker: process start to exit | {worker_seconds:.1f} s |",
        f"| worker: its processor time, start to exit | {worker_cpu:.1f} s |",
        f"| messages the SMTP server received | {len(inbox.messages):,} |",
        "",
        f"Verdict: {verdict}. The SMTP server is local and answers at once; a "
        "relay over the network adds its round trips to each message. On a busy "
        "machine the worker waits for a share of the processor: its processor "
        "time is what it needs on a quiet one.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    del times
    if args.write:
        replace_section(HEADING, report)


if __name__ == "__main__":
    main()
