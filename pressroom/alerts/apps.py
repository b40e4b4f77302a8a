from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """E-mail alerts: subscriptions, and one message per release and language."""

    name = "pressroom.alerts"
    label = "alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        from django_tasks.signals import task_finished

        from pressroom.alerts import models, publication, tasks
        from pressroom.models import PressRelease
        from pressroom.shell import freshness, periodic

        # Subscriptions and their mail show on no public page.
        for model in (
            models.Subscription,
            models.UsedConfirmation,
            models.Dispatch,
            models.Delivery,
        ):
            freshness.register(model, None)

        # Every path that changes a release saves it (the form, the buttons and
        # actions, restoring a version): the one place that sees them all.
        pre_save.connect(
            publication.remember_before,
            sender=PressRelease,
            dispatch_uid="alerts-before",
        )
        post_save.connect(
            publication.schedule_after,
            sender=PressRelease,
            dispatch_uid="alerts-after",
        )
        periodic.register(tasks.catch_up)
        task_finished.connect(
            tasks.forget_confirmation_address, dispatch_uid="alerts-forget"
        )
