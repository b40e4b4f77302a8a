"""The press desk: who answers journalists, and their accreditation requests."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pressroom.models import Topic


def translated_in(*names, language=None):
    """Rows with text in every one of `names` in `language` (NULL or "" is none)."""
    language = language or translation.get_language()
    condition = models.Q()
    for name in names:
        field = f"{name}_{language}"
        condition &= models.Q(**{f"{field}__isnull": False}) & ~models.Q(**{field: ""})
    return condition


class PressOfficerQuerySet(models.QuerySet):
    def available_in(self, language=None):
        """Officers with a name and a role in the language: only those are shown."""
        return self.filter(translated_in("name", "role", language=language))


class PressOfficer(models.Model):
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role"), max_length=200, help_text=_("E.g. “Head of the press service”.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("As people dial it, e.g. +7 (843) 000-00-00."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics covered"),
        blank=True,
        related_name="press_officers",
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the page.")
    )

    objects = PressOfficerQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("press officer")
        verbose_name_plural = _("press officers")

    def __str__(self):
        return self.name_ru or self.name or f"#{self.pk}"

    def get_absolute_url(self):
        return f"{reverse('desk:desk')}#officer-{self.pk}"


class AccreditationRequest(models.Model):
    """A journalist's request, stored as sent; staff decide and the applicant is
    told by e-mail of each change (`pressroom.desk.tasks`)."""

    class Status(models.TextChoices):
        NEW = "new", _("Received")
        MORE_INFO = "more_info", _("More information needed")
        APPROVED = "approved", _("Accredited")
        DECLINED = "declined", _("Declined")

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Permanent accreditation (for a year)")
        EVENT = "event", _("One event")

    name = models.CharField(_("full name"), max_length=150)
    outlet = models.CharField(_("media outlet"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    kind = models.CharField(
        _("accreditation"), max_length=10, choices=Kind, default=Kind.PERMANENT
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accreditation_requests",
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The applicant is written to in this language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.NEW
    )
    reply = models.TextField(
        _("note to the applicant"),
        blank=True,
        help_text=_(
            "Sent to the applicant with the next status change; write it in "
            "their language."
        ),
    )
    # The last status the applicant was told of: each change is told once.
    notified_status = models.CharField(
        _("applicant told of"), max_length=10, blank=True, editable=False
    )
    # The note as it was last sent: a note goes once, not again with every
    # later change that leaves it as it was.
    notified_reply = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("accreditation request")
        verbose_name_plural = _("accreditation requests")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.name} ({self.outlet})"
