"""Addresses of the site's pages, one of each kind, for the tests that walk them all."""

from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("ru", "fa", "en")
PASSWORD = "a-long-and-correct-password-81"


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def page_urls(release, topic):
    """{page type: path} for one page of each kind, in each language."""
    pages = {}
    for language in LANGUAGES:
        year, month = 2025, 4
        if language == "fa":
            year, month = 1404, 1
        pages |= {
            f"home-{language}": url_in(language, "pressroom:home"),
            f"list-{language}": url_in(language, "pressroom:list"),
            f"list-topic-{language}": url_in(language, "pressroom:list")
            + f"?topic={topic.slug}",
            f"release-{language}": release.get_absolute_url(language),
            f"archive-year-{language}": url_in(
                language, "pressroom:archive-year", year=year
            ),
            f"archive-month-{language}": url_in(
                language, "pressroom:archive-month", year=year, month=month
            ),
            f"topic-{language}": url_in(language, "pressroom:topic", slug=topic.slug),
            f"search-{language}": url_in(language, "pressroom:search") + "?q=Kazan",
            f"about-{language}": url_in(language, "pressroom:about"),
            f"feed-{language}": url_in(language, "pressroom:feed"),
            f"topic-feed-{language}": url_in(
                language, "pressroom:topic-feed", slug=topic.slug
            ),
            f"cities-{language}": url_in(language, "cities:list"),
            f"not-found-{language}": f"/{language}/no-such-page/",
        }
        pages[f"city-{language}"] = url_in(language, "cities:detail", slug="isfahan")
    pages |= {
        "sitemap": reverse("sitemap"),
        "sitemap-releases": reverse("sitemap-section", args=["releases"]),
        "robots": reverse("robots"),
        "root-redirect": "/",
        "not-found": "/no-such-page/",
        "admin-login": reverse("admin:login"),
    }
    return pages


def news(language="ru"):
    with translation.override(language):
        return reverse("pressroom:list")


# One page of each public kind, in the calendar of its language: the archive of
# the month the test releases are published in, and a word they all contain.
ARCHIVE = {"ru": ("2025", "04"), "fa": ("1404", "01"), "en": ("2025", "04")}
WORD = {"ru": "казани", "fa": "کازان", "en": "kazan"}


def page_url(name, language, release):
    """The address of the public page `name` in `language`; `release` is one
    published in the archive's month, with the topic `culture`."""
    year, month = ARCHIVE[language]
    return {
        "home": f"/{language}/",
        "list": f"/{language}/news/",
        "list-topic": f"/{language}/news/?topic=culture",
        "topic": f"/{language}/topics/culture/",
        "archive-year": f"/{language}/news/{year}/",
        "archive-month": f"/{language}/news/{year}/{month}/",
        "release": release.get_absolute_url(language),
        "search": f"/{language}/search/?q={quote(WORD[language])}",
        "about": f"/{language}/about/",
        "feed": f"/{language}/news/feed/",
        "topic-feed": f"/{language}/topics/culture/feed/",
        "sitemap-index": "/sitemap.xml",
        "sitemap-releases": "/sitemap-releases.xml",
        "sitemap-sections": "/sitemap-sections.xml",
        "sitemap-archive": "/sitemap-archive.xml",
    }[name]
