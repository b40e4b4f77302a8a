"""Topics: how releases are grouped, each with a page in every language it is
named in."""

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pressroom.models.translated import LANGUAGE_CODES, field_in


class TopicQuerySet(models.QuerySet):
    def named_in(self, language=None):
        """Topics with a name in the language: only those are shown in it."""
        field = f"name_{language or translation.get_language()}"
        return self.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Latin letters; the same in every language."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name or self.name_ru or self.slug

    def get_absolute_url(self):
        return reverse("pressroom:topic", kwargs={"slug": self.slug})

    def named_languages(self):
        return [code for code in LANGUAGE_CODES if field_in(self, "name", code)]
