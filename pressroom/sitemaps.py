from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from pressroom.models import PressRelease, Topic


class ReleaseSitemap(Sitemap):
    """Each release in exactly the languages it exists in, with hreflang links."""

    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return (
            PressRelease.objects.published()
            .filter(Q(in_ru=True) | Q(in_fa=True) | Q(in_en=True))
            .only(*self.fields)
        )

    fields = (
        "pk",
        "published_at",
        "updated_at",
        "in_ru",
        "in_fa",
        "in_en",
        "slug_ru",
        "slug_fa",
        "slug_en",
    )

    def get_languages_for_item(self, item):
        return item.available_languages()

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    """The pages that exist in every language: home, news, partner cities, topics."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["pressroom:home", "pressroom:list", "cities:list"] + [
            topic.get_absolute_url for topic in Topic.objects.only("slug")
        ]

    def location(self, item):
        return item() if callable(item) else reverse(item)


sitemaps = {"releases": ReleaseSitemap, "sections": SectionSitemap}
