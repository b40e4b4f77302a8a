"""Release addresses without a reverse() per release.

A list page links many releases and a sitemap page many more addresses; reverse()
inside translation.override() for each would cost more than the rest of the view. The
address pattern is reversed once per language (and URLconf and script prefix),
and each address is filled in, quoted exactly as reverse() quotes it.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

# The `uslug` converter's pattern (pressroom/urls.py); anything else goes through
# reverse(), which refuses it as it always did.
SLUG = re.compile(r"[-\w]+")
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Stand-ins for a pattern's arguments, found again in the reversed address.
MARKS = (918273645, 8127364)


@lru_cache(maxsize=128)
def _pattern(name, count, language, urlconf, script_prefix):
    with translation.override(language):
        path = reverse(name, args=MARKS[:count], urlconf=urlconf)
    parts = []
    for mark in MARKS[:count]:
        head, path = path.split(str(mark), 1)
        parts.append(head)
    return (*parts, path)


def pattern(name, count, language):
    """The text of `name`'s address in `language` around its `count` arguments:
    reversed once, then filled in for every address of its kind."""
    return _pattern(name, count, language, get_urlconf(), get_script_prefix())


def release_path(pk, slug, language):
    """The path of a release in a language, e.g. /ru/news/42-slug/."""
    return release_paths(language)(pk, slug)


def release_paths(language):
    """`release_path` for one language, for many releases (a sitemap page)."""
    head, between, tail = pattern("pressroom:detail", 2, language)

    def path(pk, slug):
        if not SLUG.fullmatch(slug):
            with translation.override(language):
                return reverse("pressroom:detail", kwargs={"pk": pk, "slug": slug})
        return f"{head}{pk}{between}{quote_slug(slug)}{tail}"

    return path


def short_path(pk, language):
    """The short, slug-less address of a release: /ru/news/id42/."""
    head, tail = pattern("pressroom:short", 1, language)
    return f"{head}{pk}{tail}"


def archive_path(year, month=None, language=None):
    """A year's or a month's archive, e.g. /fa/news/1404/01/ (the calendar is
    the caller's: the numbers are the language's own calendar's)."""
    language = language or translation.get_language()
    if month is None:
        head, tail = pattern("pressroom:archive-year", 1, language)
        return f"{head}{int(year)}{tail}"
    head, between, tail = pattern("pressroom:archive-month", 2, language)
    return f"{head}{int(year)}{between}{int(month):02d}{tail}"


def quote_slug(slug):
    """A `uslug` as reverse() quotes it: its ASCII characters are all safe, the
    others become their UTF-8 bytes percent-encoded (quote() goes byte by byte
    in Python, a cost paid on every card)."""
    return NON_ASCII.sub(_percent_encoded, slug)


def _percent_encoded(match):
    return "%" + match.group().encode().hex("%").upper()


SITE_PAGES = {
    "home": "pressroom:home",
    "list": "pressroom:list",
    "feed": "pressroom:feed",
    "search": "pressroom:search",
    "about": "pressroom:about",
    "events": "events:list",
    "events_feed": "events:feed",
    "subscribe": "alerts:subscribe",
    "press": "desk:desk",
}


def register_site_page(name, view):
    """An app built on pressroom adds a page every page's shell links to (in its
    AppConfig.ready()): ``paths[name]`` in the templates is then its address."""
    SITE_PAGES[name] = view


def site_paths():
    """The addresses every page's shell links to, in the current language."""
    language = translation.get_language()
    return {name: pattern(view, 0, language)[0] for name, view in SITE_PAGES.items()}


@receiver(setting_changed)
def _forget_patterns(**kwargs):
    """A test that changes the URLconf or the languages gets addresses of its own."""
    _pattern.cache_clear()
