"""The site's shell keeps these: the page cache's record of changes, who has an
admin form open, and the interface catalogs edited in Rosetta."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageChange(models.Model):
    """What a saved change outdated on the public pages (cache tags), and when:
    the page cache's durable record (pressroom/shell/freshness.py)."""

    at = models.DateTimeField(db_index=True)
    tags = models.TextField()

    class Meta:
        ordering = ["at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S}: {self.tags}"


class Presence(models.Model):
    """Who has an admin change form open now (pressroom/presence.py): a row per
    person and object, refreshed by the form's heartbeat."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("user")
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE
    )
    object_id = models.CharField(max_length=64)
    opened_at = models.DateTimeField(_("opened"))
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        ordering = ["opened_at"]
        verbose_name = _("open form")
        verbose_name_plural = _("open forms")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="presence_once"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "seen_at"], name="presence_seen")
        ]

    def __str__(self):
        return f"{self.user} {self.content_type_id}:{self.object_id}"


class InterfaceCatalog(models.Model):
    """The last saved text of an interface catalog (a `.po` file in `locale/`),
    edited in Rosetta: how the other app servers get it (`pressroom.shell.catalogs`)."""

    catalog = models.CharField(max_length=200, unique=True)
    content = models.TextField()
    saved_at = models.DateTimeField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    def __str__(self):
        return self.catalog
