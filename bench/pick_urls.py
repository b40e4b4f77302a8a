"""Print (JSON) real public addresses of the dataset in DATABASE_URL.

Used by run.py and soak.py: a release that exists in Russian, a month that has
releases, a search word that finds some, the deepest news page that exists.
"""

import json
import os
import random
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from pressroom import calendars  # noqa: E402
from pressroom.models import PressRelease, Topic  # noqa: E402
from pressroom.search import Search, clean_query  # noqa: E402
from pressroom.shell.addresses import archive_path  # noqa: E402
from pressroom.shell.listing import PAGE_SIZE  # noqa: E402

SEARCH_WORDS = {"ru": "универсиада", "fa": "اصفهان", "en": "Universiade"}
LIST_PAGE = 5000


def month_url(release, language):
    with translation.override(language):
        calendar = calendars.calendar_for(language)
        year, month = calendars.month_of(
            calendars.local_date(release.published_at), calendar
        )
        return archive_path(year, month)


def main_urls():
    language = "ru"
    listed = PressRelease.objects.listed(language)
    count = listed.count()
    pages = max(1, -(-count // PAGE_SIZE))
    # A release a year or so old, as readers follow links to older news too.
    release = listed.order_by("-published_at")[min(count - 1, 5000)]
    with translation.override(language):
        found = Search(clean_query(SEARCH_WORDS[language], language)).count()
    return {
        "releases": count,
        "list_pages": pages,
        "search_hits": found,
        "urls": {
            "home": f"/{language}/",
            "news list, page 1": f"/{language}/news/",
            f"news list, page {min(LIST_PAGE, pages):,}": (
                f"/{language}/news/?page={min(LIST_PAGE, pages)}"
            ),
            "archive month": month_url(release, language),
            "release": release.get_absolute_url(language),
            "search": f"/{language}/search/?q={quote(SEARCH_WORDS[language])}",
            "feed": f"/{language}/news/feed/",
            "sitemap page": "/sitemap-releases.xml?p=2",
        },
    }


def soak_urls():
    """A mix of public addresses in the three languages (all answer 2xx or 3xx)."""
    rng = random.Random(11)
    paths = []
    top = PressRelease.objects.listed("ru").order_by("-pk").values_list("pk")[:1]
    newest = top[0][0] if top else 1
    for language in ("ru", "fa", "en"):
        listed = PressRelease.objects.listed(language)
        count = listed.count()
        pages = max(1, -(-count // PAGE_SIZE))
        paths += [f"/{language}/", f"/{language}/news/", f"/{language}/news/feed/"]
        paths += [f"/{language}/news/?page={rng.randint(2, pages)}" for _ in range(8)]
        ids = {rng.randint(1, newest) for _ in range(60)}
        releases = listed.filter(pk__in=ids)[:40]
        for release in releases:
            paths.append(release.get_absolute_url(language))
        for release in releases[:8]:
            paths.append(month_url(release, language))
        # An old or wrong slug: a 301 to the canonical address.
        paths += [
            f"/{language}/news/{release.pk}-old-slug/" for release in releases[:3]
        ]
        paths.append(f"/{language}/search/?q={quote(SEARCH_WORDS[language])}")
        for topic in Topic.objects.all()[:4]:
            with translation.override(language):
                paths.append(topic.get_absolute_url())
        paths.append(f"/{language}/cities/")
        paths.append(f"/{language}/about/")
    paths += ["/sitemap.xml", "/sitemap-sections.xml", "/robots.txt"]
    paths += ["/sitemap-releases.xml?p=2", "/"]
    rng.shuffle(paths)
    return {"urls": paths}


def newsroom_urls():
    """The newsroom day's addresses: readers' (newest first, for a Zipf draw)
    and crawlers' (every release page, archive month and sitemap page)."""
    from pressroom.sitemaps import IdRangePaginator, ReleaseSitemap

    readers, crawlers = [], []
    newest = PressRelease.objects.listed("ru").order_by("-published_at")[:500]
    for release in newest:
        for language in release.available_languages():
            readers.append(release.get_absolute_url(language))
    for language in ("ru", "fa", "en"):
        readers[:0] = [f"/{language}/", f"/{language}/news/"]
        readers += [f"/{language}/news/feed/", f"/{language}/news/?page=2"]
        for topic in Topic.objects.all():
            with translation.override(language):
                readers.append(topic.get_absolute_url())
        months = set()
        calendar = calendars.calendar_for(language)
        listed = PressRelease.objects.listed(language)
        for pk, slug, published in listed.values_list(
            "pk", f"slug_{language}", "published_at"
        ).iterator():
            release = PressRelease(pk=pk, **{f"slug_{language}": slug})
            crawlers.append(release.get_absolute_url(language))
            months.add(calendars.month_of(calendars.local_date(published), calendar))
        with translation.override(language):
            crawlers += [archive_path(year, month) for year, month in sorted(months)]
    pages = ReleaseSitemap().paginator.num_pages
    assert isinstance(ReleaseSitemap().paginator, IdRangePaginator)
    crawlers += [f"/sitemap-releases.xml?p={page}" for page in range(1, pages + 1)]
    return {"readers": readers, "crawlers": crawlers}


def lighthouse_urls():
    """The demo's pages for Lighthouse: home, news, the seed release, Isfahan."""
    from pressroom.demo.releases import loaded_release

    release = loaded_release()
    urls = {}
    for language in ("ru", "fa"):
        urls[f"home ({language})"] = f"/{language}/"
        urls[f"news list ({language})"] = f"/{language}/news/"
        urls[f"release ({language})"] = release.get_absolute_url(language)
        urls[f"partner city ({language})"] = f"/{language}/cities/isfahan/"
    return {"urls": urls}


if __name__ == "__main__":
    if "--soak" in sys.argv:
        print(json.dumps(soak_urls()))
    elif "--newsroom" in sys.argv:
        print(json.dumps(newsroom_urls()))
    elif "--lighthouse" in sys.argv:
        print(json.dumps(lighthouse_urls()))
    else:
        print(json.dumps(main_urls()))
