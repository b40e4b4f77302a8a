"""A city: the home city (the press service's own) and the partner cities."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cities.models.fields import filled, localized
from pressroom import images
from pressroom.calendars import CALENDAR_CHOICES, GREGORIAN
from pressroom.models import LANGUAGE_CODES


class CityQuerySet(models.QuerySet):
    def available_in(self, language=None):
        """Cities a reader of `language` may see: named in it, country too."""
        return self.filter(
            filled(localized("name", language)), filled(localized("country", language))
        )

    def partners(self):
        """Cities with at least one partnership, whatever its status."""
        # Imported here: the partnerships module imports this one for its key.
        from cities.models.partnerships import Partnership

        return self.filter(Exists(Partnership.objects.filter(partner=OuterRef("pk"))))

    def home(self):
        """The home city (the press service's own), or None."""
        return self.filter(is_home=True).first()


def emblem_upload_to(instance, filename):
    return f"cities/emblems/{images.safe_name(filename, 'emblem')}"


class City(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters; the same in every language."),
    )
    country = models.CharField(_("country"), max_length=100)
    region = models.CharField(_("region"), max_length=150, blank=True)
    description = models.TextField(_("short description"), blank=True)
    founding = models.CharField(
        _("founded"),
        max_length=150,
        blank=True,
        help_text=_('Free text: "1005", "one of the oldest cities in the world".'),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Degrees, north positive. Leave empty to keep it off the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees, east positive."),
    )
    emblem = models.ImageField(
        _("emblem"),
        upload_to=emblem_upload_to,
        blank=True,
        width_field="emblem_width",
        height_field="emblem_height",
    )
    emblem_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    emblem_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    calendar = models.CharField(
        _("calendar"),
        max_length=10,
        choices=CALENDAR_CHOICES,
        default=GREGORIAN,
        help_text=_(
            "The calendar its people use: dates concerning it are shown in it too."
        ),
    )
    is_home = models.BooleanField(
        _("home city"),
        default=False,
        help_text=_("The press service's own city; there is exactly one."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("A fictional city of the demo site; marked as such on its page."),
    )

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"],
                condition=Q(is_home=True),
                name="cities_one_home_city",
                violation_error_message=_("There is already a home city."),
            ),
        ]

    def __str__(self):
        return self.name_ru or self.name or self.slug

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        with translation.override(language):
            return reverse("cities:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.pk and not self.is_home:
            was_home = type(self).objects.filter(pk=self.pk, is_home=True).exists()
            if was_home:
                # Otherwise the site would be left without a home city.
                raise ValidationError(
                    {
                        "is_home": _(
                            "There must be a home city: make another city the "
                            "home city instead (an action in the list of cities)."
                        )
                    }
                )

    def available_languages(self):
        return [
            code
            for code in LANGUAGE_CODES
            if getattr(self, f"name_{code}", None)
            and getattr(self, f"country_{code}", None)
        ]

    def partnerships_ended(self):
        """Whether every partnership with the city has ended (prefetch-friendly)."""
        partnerships = self.partnerships.all()
        return bool(partnerships) and all(item.is_ended for item in partnerships)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
