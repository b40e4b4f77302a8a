"""A partnership with a city, and its rows: signatories, agreement documents
and the events of its timeline."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cities.anniversaries import (
    merge_same_days,
    next_round_anniversary,
    round_anniversaries,
)
from cities.models.city import City
from cities.models.fields import (
    AGREEMENT_LANGUAGES,
    ChoiceListField,
    filled,
    language_name,
    localized,
)
from pressroom import images
from pressroom.calendars import GREGORIAN, JALALI
from pressroom.models import PressRelease


def document_upload_to(instance, filename):
    return f"cities/agreements/{images.safe_name(filename)}"


class PartnershipQuerySet(models.QuerySet):
    def for_page(self, language=None):
        """Partnerships with what their page shows in `language`, prefetched."""
        language = language or translation.get_language()
        return self.prefetch_related(
            Prefetch("signatories", queryset=Signatory.objects.available_in(language)),
            "documents",
            Prefetch(
                "events",
                queryset=TimelineEvent.objects.available_in(language).prefetch_related(
                    Prefetch("release", queryset=PressRelease.objects.listed(language))
                ),
            ),
        )


class Partnership(models.Model):
    class Kind(models.TextChoices):
        SISTER = "sister", _("Sister city")
        PARTNER = "partner", _("Partner city")
        COOPERATION = "cooperation", _("Cooperation agreement")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        ENDED = "ended", _("Ended")

    class Area(models.TextChoices):
        CULTURE = "culture", _("Culture")
        ECONOMY = "economy", _("Economy")
        TOURISM = "tourism", _("Tourism")
        EDUCATION = "education", _("Education")
        SPORT = "sport", _("Sport")
        HEALTH = "health", _("Health")
        SCIENCE = "science", _("Science")
        YOUTH = "youth", _("Youth")
        URBAN = "urban", _("Urban development")
        TRANSPORT = "transport", _("Transport")
        ENVIRONMENT = "environment", _("Environment")
        MEDIA = "media", _("Media")

    partner = models.ForeignKey(
        City,
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.SISTER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.ACTIVE
    )
    status_since = models.DateField(
        _("status since"),
        null=True,
        blank=True,
        help_text=_("When it was suspended or ended."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_at = models.CharField(
        _("signed at"), max_length=200, blank=True, help_text=_("The place.")
    )
    areas = ChoiceListField(_("areas of cooperation"), options=Area.choices)
    languages = ChoiceListField(
        _("languages of the agreement"), options=AGREEMENT_LANGUAGES
    )
    summary = models.TextField(_("summary"), blank=True)
    releases = models.ManyToManyField(
        "pressroom.PressRelease",
        verbose_name=_("press releases"),
        related_name="partnerships",
        blank=True,
    )
    # Events of the calendar (pressroom.events); `events` are the timeline's.
    calendar_events = models.ManyToManyField(
        "events.Event",
        verbose_name=_("events"),
        related_name="partnerships",
        blank=True,
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = [F("signed_on").desc(nulls_last=True), "-pk"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return f"{self.partner} ({self.get_kind_display()})"

    def get_absolute_url(self, language=None):
        return self.partner.get_absolute_url(language)

    def clean(self):
        errors = {}
        if self.partner_id and self.partner.is_home:
            errors["partner"] = _("The home city cannot be its own partner.")
        if self.status == self.Status.ACTIVE and self.status_since:
            errors["status_since"] = _(
                "Only a suspended or ended partnership has this date."
            )
        if self.status_since and self.signed_on and self.status_since < self.signed_on:
            errors["status_since"] = _("This date is before the signing.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_ended(self):
        return self.status == self.Status.ENDED

    def area_names(self):
        return [self.Area(value).label for value in self.areas if value in self.Area]

    def language_names(self):
        return [language_name(code) for code in self.languages]

    def anniversary_calendars(self, home=None):
        """The calendars of the two parties: the site works anniversaries out in
        each, since each side celebrates by its own."""
        found = {self.partner.calendar, (home or self.partner).calendar}
        return [calendar for calendar in (GREGORIAN, JALALI) if calendar in found]

    def anniversaries(self, home=None, today=None):
        """Round anniversaries of the signing: (past, upcoming).

        Past ones up to today (or to the end of the partnership); upcoming ones only
        while it is active: the next round one in each calendar.
        """
        if not self.signed_on:
            return [], []
        today = today or timezone.localdate()
        if self.is_ended and self.status_since:
            until = self.status_since
        else:
            # Today's anniversary is still coming up, not past.
            until = today - datetime.timedelta(days=1)
        calendar_list = self.anniversary_calendars(home)
        past = round_anniversaries(self.signed_on, calendar_list, until=until)
        upcoming = []
        if self.is_active:
            upcoming = [
                next_round_anniversary(self.signed_on, calendar, today)
                for calendar in calendar_list
            ]
        compared = len(calendar_list) > 1
        return (
            merge_same_days(past, compared=compared),
            merge_same_days(upcoming, compared=compared),
        )


class TranslatedTextQuerySet(models.QuerySet):
    text_field = "title"

    def available_in(self, language=None):
        """Rows with their text in `language`: pages never show another one's."""
        return self.filter(filled(localized(self.text_field, language)))


class SignatoryQuerySet(TranslatedTextQuerySet):
    text_field = "name"


class Signatory(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    name = models.CharField(_("name"), max_length=150)
    office = models.CharField(_("office"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name_ru or self.name

    def get_absolute_url(self):
        return self.partnership.get_absolute_url()


class AgreementDocument(models.Model):
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    language = models.CharField(
        _("language"), max_length=10, choices=AGREEMENT_LANGUAGES
    )
    file = models.FileField(_("file"), upload_to=document_upload_to)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Optional; without it the page says which language it is in."),
    )
    # Kept on save, so showing the size never asks the (possibly remote) storage.
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)

    class Meta:
        ordering = ["partnership_id", "language"]
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "language"],
                name="cities_one_document_per_language",
            ),
        ]

    def __str__(self):
        return self.title_ru or self.title or self.file.name

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def extension(self):
        name = self.file.name
        return name.rsplit(".", 1)[-1].upper() if "." in name else ""


class TimelineEvent(models.Model):
    class Kind(models.TextChoices):
        SIGNED = "signed", _("Signing")
        VISIT = "visit", _("Visit")
        PROGRAMME = "programme", _("Programme")
        ANNIVERSARY = "anniversary", _("Anniversary")
        OTHER = "other", _("Event")

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    release = models.ForeignKey(
        "pressroom.PressRelease",
        verbose_name=_("press release"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TranslatedTextQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return self.title_ru or self.title

    def get_absolute_url(self):
        return self.partnership.get_absolute_url()
