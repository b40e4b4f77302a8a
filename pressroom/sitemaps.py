"""The sitemap: an index of sections, each paged, every address with hreflang links.

Django's sitemap framework with templates of our own (templates/sitemap.xml and
sitemap_index.xml, rendered by Jinja2) and a release section built for 100,000
releases: a page is a range of ids read by one query, each address is
filled into one reversed pattern per language, and a page holds a few hundred
addresses, so it is as cheap to make as any page of the site.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from markupsafe import Markup, escape

from pressroom.archive import Archive
from pressroom.calendars import local_date, local_day_start
from pressroom.models import LANGUAGE_CODES, PressRelease, Topic
from pressroom.shell import page_tags
from pressroom.shell.addresses import release_paths
from pressroom.shell.cache import remembered
from pressroom.shell.listing import Query


def in_sitemap(now):
    """Releases public now in at least one language."""
    return PressRelease.objects.published(now).filter(
        Q(in_ru=True) | Q(in_fa=True) | Q(in_en=True)
    )


PAGE_ROWS = Query(
    lambda now, first, last: (
        in_sitemap(now)
        .filter(pk__gt=first, pk__lte=last)
        .order_by("pk")
        .values_list(
            "pk",
            "updated_at",
            *(f"in_{code}" for code in LANGUAGE_CODES),
            *(f"slug_{code}" for code in LANGUAGE_CODES),
        )
    )
)
LAST_ID = Query(
    lambda now: in_sitemap(now).order_by("-pk").values_list("pk", flat=True)
)
# Not MAX(): with its conditions that reads every row (1.9 s at 100,000 on
# SQLite); in the index's order it stops at the first public one.
LATEST_EDIT = Query(
    lambda now: (
        in_sitemap(now).order_by("-updated_at").values_list("updated_at", flat=True)
    )
)


# A release's address in the sitemap, its values escaped already.
URL = "<url><loc>{location}</loc><lastmod>{day}</lastmod>{links}</url>"
LINK = '<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>'


class SiteSitemap(Sitemap):
    """Addresses exactly as the pages' own canonical and hreflang links give them.

    They are on the configured site (the request's host when none is configured,
    as on a local run), and x-default is
    the Russian page: Django's default, the unprefixed address, redirects by
    Accept-Language, possibly to a language a release does not exist in.
    """

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[0]
        return super().get_protocol(protocol)

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return settings.SITE_URL.split("://", 1)[1]
        return super().get_domain(site)

    def get_urls(self, page=1, site=None, protocol=None):
        """x-default is the default language's page, as each page's own links say
        (Django's is the unprefixed address, a redirect by Accept-Language)."""
        urls = super().get_urls(page, site, protocol)
        for url in urls:
            links = {link["lang_code"]: link for link in url.get("alternates", [])}
            default = links.pop("x-default", None)
            if default is None:
                continue
            if settings.LANGUAGE_CODE in links:
                default["location"] = links[settings.LANGUAGE_CODE]["location"]
            else:
                url["alternates"].remove(default)
        return urls


class IdRangePaginator(Paginator):
    """Pages of `per_page` consecutive ids: any page costs the same, and neither
    the count nor a page loads the other releases."""

    @cached_property
    def num_pages(self):
        last = remembered(
            "sitemap:last-id",
            lambda: next(iter(LAST_ID(timezone.now(), limit=1)), 0),
            ["sitemap"],
        )
        return max(1, -(-last // self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        return Page([], number, self)


class ReleaseSitemap(SiteSitemap):
    """Each release in exactly the languages it exists in, with hreflang links."""

    # Addresses a page at most (every release may be in 3 languages), with
    # their hreflang links about 1.2 KB each: ~150 KB, a page any server and
    # crawler handles like an ordinary page; 100,000 releases make ~2,000.
    limit = 150

    @property
    def paginator(self):
        return IdRangePaginator([], self.limit // len(LANGUAGE_CODES))

    def get_latest_lastmod(self):
        """The day of the latest edit, as each address gives its own (a day)."""
        latest = remembered(
            "sitemap:latest-edit",
            lambda: next(iter(LATEST_EDIT(timezone.now(), limit=1)), None),
            ["sitemap"],
        )
        return latest and local_day_start(local_date(latest))

    def get_urls(self, page=1, site=None, protocol=None):
        """The page's addresses as one piece of XML, remembered until one of its
        releases changes: a crawler's page then costs what a cached page does."""
        site = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        paginator = self.paginator
        paginator.validate_number(page)  # a page beyond the last is a 404
        number = int(page)
        xml, latest = remembered(
            f"sitemap:{number}:{site}",
            lambda: page_xml(site, number, paginator.per_page),
            [page_tags.sitemap_page(number)],
        )
        if latest:
            self.latest_lastmod = latest
        return [{"xml": Markup(xml)}] if xml else []


def page_xml(site, number, per_page):
    """(XML of the release sitemap's page `number`, its latest edit). Each
    release's hreflang links, a page's larger part, are made once for all its
    languages."""
    first = (number - 1) * per_page
    count = len(LANGUAGE_CODES)
    paths = [release_paths(code) for code in LANGUAGE_CODES]
    parts, latest = [], None
    for pk, updated, *values in PAGE_ROWS(timezone.now(), first, first + per_page):
        flags, slugs = values[:count], values[count:]
        locations = {
            code: escape(site + path(pk, slug or "news"))
            for code, available, slug, path in zip(
                LANGUAGE_CODES, flags, slugs, paths, strict=True
            )
            if available
        }
        if settings.LANGUAGE_CODE in locations:
            locations["x-default"] = locations[settings.LANGUAGE_CODE]
        links = "".join(
            LINK.format(code=code, location=location)
            for code, location in locations.items()
        )
        day = local_date(updated).isoformat()
        parts.extend(
            URL.format(location=location, day=day, links=links)
            for code, location in locations.items()
            if code != "x-default"
        )
        latest = updated if latest is None else max(latest, updated)
    return "".join(parts), latest


# The section pages (URL names) of the sections sitemap; an app built on
# pressroom adds its own with `register_section()` in its AppConfig.ready().
SECTIONS = ["pressroom:home", "pressroom:list", "events:list", "desk:desk"]


def register_section(view):
    if view not in SECTIONS:
        SECTIONS.append(view)


class SectionSitemap(SiteSitemap):
    """The home, news, events and press desk pages, those the apps built on
    pressroom register (the partner towns), and each topic where it has a name."""

    def items(self):
        return [*SECTIONS, *Topic.objects.all()]

    def get_languages_for_item(self, item):
        if isinstance(item, Topic):
            return item.named_languages()
        return super().get_languages_for_item(item)

    def location(self, item):
        return item.get_absolute_url() if isinstance(item, Topic) else reverse(item)


class ArchiveSitemap(SiteSitemap):
    """Every year and month with news, in each language's own calendar (so
    without hreflang: a Persian month is no Russian month)."""

    i18n = False
    alternates = False
    x_default = False

    def items(self):
        return [path for code in LANGUAGE_CODES for path in Archive(code).paths()]

    def location(self, item):
        return item


sitemaps = {
    "releases": ReleaseSitemap,
    "sections": SectionSitemap,
    "archive": ArchiveSitemap,
}
