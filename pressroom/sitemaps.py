from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.functional import cached_property

from pressroom.addresses import release_path
from pressroom.models import LANGUAGE_CODES, PressRelease, Topic


class SiteSitemap(Sitemap):
    """Addresses exactly as the pages' own canonical and hreflang links give them.

    They are on the configured site, never the request's host, and x-default is
    the Russian page: Django's default, the unprefixed address, redirects by
    Accept-Language, possibly to a language a release does not exist in.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[1]

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            links = {link["lang_code"]: link for link in url["alternates"]}
            default = links.get("x-default")
            if default:
                default["location"] = links[settings.LANGUAGE_CODE]["location"]
        return urls


class IdRangePaginator(Paginator):
    """Pages of `per_page` consecutive ids: any page costs the same, and neither
    the count nor a page loads the other releases."""

    @cached_property
    def num_pages(self):
        last = self.object_list.aggregate(last=Max("pk"))["last"] or 0
        return max(1, -(-last // self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        releases = self.object_list.filter(pk__gt=first, pk__lte=first + self.per_page)
        return self._get_page(releases.order_by("pk"), number, self)


class ReleaseSitemap(SiteSitemap):
    """Each release in exactly the languages it exists in, with hreflang links.

    Built for 100,000 releases: Django's i18n sitemap makes a Python list of
    every (release, language) pair for each page and for the index (20-30 s at
    100,000 releases on SQLite). Here a page is a range of ids, read as plain
    values, and each address is made from one reversed address per language.
    """

    # Addresses a page at most (every release may be in 3 languages): with
    # their hreflang links about 1.2 KB each, so a page is about 1.2 MB.
    limit = 1000

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

    @property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit // len(LANGUAGE_CODES))

    def get_latest_lastmod(self):
        # Not MAX(): with its conditions that reads every row (1.9 s at 100,000
        # on SQLite); in the index's order it stops at the first public one.
        return (
            self.items()
            .order_by("-updated_at")
            .values_list("updated_at", flat=True)
            .first()
        )

    def _urls(self, page, protocol, domain):
        site = f"{protocol}://{domain}"
        rows = self.paginator.page(page).object_list.values_list(
            "pk",
            "updated_at",
            *(f"in_{code}" for code in LANGUAGE_CODES),
            *(f"slug_{code}" for code in LANGUAGE_CODES),
        )
        count = len(LANGUAGE_CODES)
        urls, latest = [], None
        for pk, updated, *values in rows:
            flags, slugs = values[:count], values[count:]
            locations = {
                code: site + release_path(pk, slug or "news", code)
                for code, available, slug in zip(
                    LANGUAGE_CODES, flags, slugs, strict=True
                )
                if available
            }
            alternates = [
                {"location": location, "lang_code": code}
                for code, location in locations.items()
            ]
            if self.x_default and settings.LANGUAGE_CODE in locations:
                alternates.append(
                    {
                        "location": locations[settings.LANGUAGE_CODE],
                        "lang_code": "x-default",
                    }
                )
            for location in locations.values():
                urls.append(
                    {
                        "item": pk,
                        "location": location,
                        "lastmod": updated,
                        "changefreq": None,
                        "priority": "",
                        "alternates": alternates,
                    }
                )
            latest = updated if latest is None else max(latest, updated)
        if latest:
            self.latest_lastmod = latest
        return urls


class SectionSitemap(SiteSitemap):
    """The home, news and partner city pages, and each topic where it has a name."""

    def items(self):
        return ["pressroom:home", "pressroom:list", "cities:list", *Topic.objects.all()]

    def get_languages_for_item(self, item):
        if isinstance(item, Topic):
            return item.named_languages()
        return super().get_languages_for_item(item)

    def location(self, item):
        return item.get_absolute_url() if isinstance(item, Topic) else reverse(item)


sitemaps = {"releases": ReleaseSitemap, "sections": SectionSitemap}
