"""Preview links: a release that is not public, shown to someone without an
account (docs/publishing.md)."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from pressroom.models.releases import PressRelease


def default_preview_expiry():
    return timezone.now() + datetime.timedelta(days=7)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """An unguessable, expiring, revocable address showing one language of a
    release that is not public, to someone without an account (a partner city's
    press office). The token is not stored: it is derived from a stored random
    `seed` and SECRET_KEY (`token()`), so the release page can show the address
    again while the link is valid, and the database alone cannot give it away;
    it is looked up by its stored hash. Links made before seeds existed (no
    seed) keep working and are re-issued to be shown again.
    """

    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="preview_links",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    seed = models.CharField(max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_preview_expiry)
    revoked_at = models.DateTimeField(
        _("revoked"), null=True, blank=True, editable=False
    )
    last_used_at = models.DateTimeField(
        _("last opened"), null=True, blank=True, editable=False
    )
    use_count = models.PositiveIntegerField(
        _("times opened"), default=0, editable=False
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.release} [{self.language}]"

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def derive_token(seed):
        return salted_hmac(
            "pressroom.PreviewLink", seed, algorithm="sha256"
        ).hexdigest()

    def issue_token(self):
        """Give the link a new token (the old one stops working); return it."""
        self.seed = secrets.token_urlsafe(32)
        token = self.derive_token(self.seed)
        self.token_hash = self.hash_token(token)
        return token

    def token(self):
        """The link's token, or None when it cannot be derived again (made
        before seeds, or under another SECRET_KEY): then it is re-issued."""
        if not self.seed:
            return None
        token = self.derive_token(self.seed)
        return token if self.hash_token(token) == self.token_hash else None

    def url(self, token):
        with translation.override(self.language):
            return reverse("pressroom:preview", kwargs={"token": token})

    @property
    def state(self):
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "active"
