"""Events and announcements: what is coming up, for journalists and citizens."""

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from pressroom.desk.models import translated_in
from pressroom.models import LANGUAGE_CODES, PressRelease
from pressroom.text import persian_letters

TRANSLATED_FIELDS = ("title", "place", "description")


class EventQuerySet(models.QuerySet):
    def available_in(self, language=None):
        """Events with a title and a place in the language: only those are shown."""
        return self.filter(translated_in("title", "place", language=language))

    def upcoming(self, now=None):
        """Not over yet: starting later, or going on now."""
        now = now or timezone.now()
        return self.filter(
            models.Q(ends_at__gte=now)
            | models.Q(ends_at__isnull=True, starts_at__gte=now)
        )

    def between(self, start, end):
        """Events on any day of [start, end): starting before its end, not over
        before its start."""
        return self.filter(starts_at__lt=end).filter(
            models.Q(ends_at__gte=start)
            | models.Q(ends_at__isnull=True, starts_at__gte=start)
        )


class Event(models.Model):
    title = models.CharField(_("title"), max_length=250)
    place = models.CharField(
        _("place"),
        max_length=250,
        help_text=_("Venue and address, as readers find it."),
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    accreditation_required = models.BooleanField(
        _("accreditation required"),
        default=False,
        help_text=_("Journalists must be accredited by the press service to attend."),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Kept on the calendar, marked as cancelled."),
    )
    releases = models.ManyToManyField(
        PressRelease,
        verbose_name=_("press releases"),
        blank=True,
        related_name="events",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at"], name="event_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title_ru or self.title or f"#{self.pk}"

    def save(self, *args, **kwargs):
        for name in TRANSLATED_FIELDS:
            value = getattr(self, f"{name}_fa", None)
            if value:
                setattr(self, f"{name}_fa", persian_letters(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("events:detail", kwargs={"pk": self.pk})

    def available_languages(self):
        return [
            code
            for code in LANGUAGE_CODES
            if getattr(self, f"title_{code}", None)
            and getattr(self, f"place_{code}", None)
        ]

    @property
    def is_over(self):
        return (self.ends_at or self.starts_at) < timezone.now()
