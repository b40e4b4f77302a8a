"""The worker's periodic sweep: what must happen though no request asks for it.

Safety nets and tidying (an alert whose scheduled time came while its task was
lost, a message to retry, old queue entries) are registered here by the apps
that own them and run every few minutes by one task that enqueues its own
successor. `manage.py worker` makes sure one is waiting when it starts; a
second one waiting by accident only runs the same idempotent jobs twice.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

EVERY = timedelta(minutes=5)
# Finished tasks are kept this long for the back-office, then removed.
KEEP_RESULTS = timedelta(days=14)

JOBS = {}


def register(job):
    """Run `job()` at every sweep (safe to repeat: one entry per function)."""
    JOBS[f"{job.__module__}.{job.__qualname__}"] = job
    return job


@task()
def sweep():
    """Run every registered job; then enqueue the next sweep."""
    try:
        for name, job in JOBS.items():
            try:
                job()
            except Exception:
                logger.exception("Periodic job %s failed", name)
    finally:
        schedule_sweep()


def schedule_sweep():
    """Make sure one sweep is waiting in the queue."""
    waiting = DBTaskResult.objects.filter(
        task_path=sweep.module_path, status=TaskResultStatus.READY
    )
    if not waiting.exists():
        sweep.using(run_after=timezone.now() + EVERY).enqueue()


@register
def forget_old_tasks():
    DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=timezone.now() - KEEP_RESULTS,
    ).delete()
