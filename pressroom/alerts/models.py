"""Subscriptions to e-mail alerts, and what was sent to whom.

A subscription exists only once confirmed: before that, the address lives in
the signed confirmation link alone (`pressroom.alerts.tokens`). Each release
is announced once per language (`Dispatch`, unique), to each subscriber once
(`Delivery`, unique): the database, not the timing of workers, makes sure
nobody gets the same alert twice.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from pressroom.models import PressRelease


def new_key():
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    everything = models.BooleanField(
        _("all press releases"),
        default=True,
        help_text=_("Otherwise only those on the chosen topics and partner cities."),
    )
    # Keys of `pressroom.alerts.interests` ("topic:3", "city:7"): what else
    # than everything the subscriber chose. Matched in Python, the same on
    # every database.
    interests = models.JSONField(_("interests"), default=list, blank=True)
    # Signs the links to manage and to unsubscribe; a new one on every
    # confirmation, so older links stop working.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    # The confirmation link that made it (a digest): used again, it is refused.
    confirmation = models.CharField(max_length=64, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"))
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "language", name="alerts_one_subscription_per_language"
            )
        ]
        indexes = [models.Index(fields=["language"], name="alerts_subscription_lang")]

    def __str__(self):
        return f"{self.email} [{self.language}]"


class UsedConfirmation(models.Model):
    """A confirmation link used already, by digest alone (no address), kept
    until it would have expired anyway: it cannot subscribe anyone again after
    they unsubscribed."""

    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("used confirmation link")
        verbose_name_plural = _("used confirmation links")

    def __str__(self):
        return self.digest[:12]


class Dispatch(models.Model):
    """The alert of one release in one language, made once."""

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="dispatches",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("announced"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts sent")
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language"], name="alerts_one_dispatch_per_language"
            )
        ]

    def __str__(self):
        return f"{self.release} [{self.language}]"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # A worker stopped while this message was on its way: it may or may not
        # have left, and it is not sent again (twice is worse than once late).
        UNKNOWN = "unknown", _("Interrupted")
        CANCELLED = "cancelled", _("Unsubscribed before sending")

    dispatch = models.ForeignKey(
        Dispatch,
        verbose_name=_("alert"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # Kept when the subscriber leaves, for the sending figures.
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING
    )
    # The batch of the worker sending it (`pressroom.alerts.sending`).
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "subscription"], name="alerts_one_delivery_each"
            )
        ]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(status="pending"),
                name="alerts_delivery_pending",
            ),
            models.Index(fields=["claim"], name="alerts_delivery_claim"),
            models.Index(fields=["dispatch", "status"], name="alerts_delivery_status"),
        ]

    def __str__(self):
        return f"{self.dispatch} → {self.subscription_id or '—'}"
