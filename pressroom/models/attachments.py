"""A release's attached files (documents, images) in the order staff give them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pressroom import images
from pressroom.models.releases import PressRelease


class Attachment(models.Model):
    release = models.ForeignKey(
        PressRelease,
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=images.attachment_upload_to)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.file.name

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    @property
    def extension(self):
        return (
            self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
        )
