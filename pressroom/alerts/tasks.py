"""The worker's side of e-mail alerts (django-tasks, run by `manage.py worker`)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from pressroom.alerts import sending
from pressroom.alerts.messages import confirmation_message
from pressroom.alerts.models import Dispatch, UsedConfirmation
from pressroom.models import PressRelease

# How far back the sweep looks for releases that reached their time unannounced.
CATCH_UP_WINDOW = timedelta(days=2)


@task()
def announce(release_id):
    """Announce a release that is public now (or was scheduled to be by now)."""
    sending.announce_release(release_id)
    return sending.send_pending()


@task()
def send_confirmation(email, language, url, summary):
    """Ask an address to confirm a subscription (nothing is stored before that)."""
    confirmation_message(email, language, url, summary).send()


def catch_up():
    """The sweep's job: announce what no task did, send what waits, tidy up.

    Every release public in a language within CATCH_UP_WINDOW and not announced
    in it is announced now: one whose scheduled time came while its task was
    lost, or one published by a bulk update that saved nothing.
    """
    now = timezone.now()
    recent = PressRelease.objects.published(now).filter(
        published_at__gte=now - CATCH_UP_WINDOW
    )
    for release in recent.only("pk", "in_ru", "in_fa", "in_en"):
        announced = set(
            Dispatch.objects.filter(release=release).values_list("language", flat=True)
        )
        if set(release.available_languages()) - announced:
            sending.announce_release(release.pk, now)
    sending.send_pending(now)
    UsedConfirmation.objects.filter(expires_at__lt=now).delete()


def forget_confirmation_address(sender, task_result, **kwargs):
    """task_finished: a confirmation, sent or not, leaves no address in the queue."""
    if task_result.task.module_path != send_confirmation.module_path:
        return
    DBTaskResult.objects.filter(pk=task_result.id).update(
        args_kwargs={"args": [], "kwargs": {}}, traceback=""
    )
