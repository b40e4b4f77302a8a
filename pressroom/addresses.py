"""Release addresses without a reverse() per release.

A list page links 20 releases and a sitemap page a thousand addresses; reverse()
inside translation.override() costs about 100 µs each, a tenth of a bare view. The
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
PK_MARK, SLUG_MARK = 918273645, "SLUG"


@lru_cache(maxsize=64)
def _detail_pattern(language, urlconf, script_prefix):
    with translation.override(language):
        path = reverse(
            "pressroom:detail",
            kwargs={"pk": PK_MARK, "slug": SLUG_MARK},
            urlconf=urlconf,
        )
    head, tail = path.split(f"{PK_MARK}-{SLUG_MARK}")
    return head, tail


def release_path(pk, slug, language):
    """The path of a release in a language, e.g. /ru/news/42-slug/."""
    return release_paths(language)(pk, slug)


def release_paths(language):
    """`release_path` for one language, for many releases (a sitemap page)."""
    head, tail = _detail_pattern(language, get_urlconf(), get_script_prefix())

    def path(pk, slug):
        if not SLUG.fullmatch(slug):
            with translation.override(language):
                return reverse("pressroom:detail", kwargs={"pk": pk, "slug": slug})
        return f"{head}{pk}-{quote_slug(slug)}{tail}"

    return path


@lru_cache(maxsize=64)
def _short_pattern(language, urlconf, script_prefix):
    with translation.override(language):
        path = reverse("pressroom:short", kwargs={"pk": PK_MARK}, urlconf=urlconf)
    return tuple(path.split(str(PK_MARK)))


def short_path(pk, language):
    """The short, slug-less address of a release: /ru/news/id42/."""
    head, tail = _short_pattern(language, get_urlconf(), get_script_prefix())
    return f"{head}{pk}{tail}"


@lru_cache(maxsize=64)
def _archive_patterns(language, urlconf, script_prefix):
    with translation.override(language):
        year = reverse("pressroom:archive-year", args=[PK_MARK], urlconf=urlconf)
        month = reverse(
            "pressroom:archive-month", args=[PK_MARK, "77"], urlconf=urlconf
        )
    return tuple(year.split(str(PK_MARK))), tuple(month.split(f"{PK_MARK}/77"))


def archive_path(year, month=None, language=None):
    """A year's or a month's archive, e.g. /fa/news/1404/01/ (the calendar is
    the caller's: the numbers are the language's own calendar's)."""
    language = language or translation.get_language()
    patterns = _archive_patterns(language, get_urlconf(), get_script_prefix())
    if month is None:
        head, tail = patterns[0]
        return f"{head}{int(year)}{tail}"
    head, tail = patterns[1]
    return f"{head}{int(year)}/{int(month):02d}{tail}"


def quote_slug(slug):
    """A `uslug` as reverse() quotes it: its ASCII characters are all safe, the
    others become their UTF-8 bytes percent-encoded (quote() goes byte by byte
    in Python: ~8 µs for a Cyrillic slug, on every card)."""
    return NON_ASCII.sub(_percent_encoded, slug)


def _percent_encoded(match):
    return "%" + match.group().encode().hex("%").upper()


SITE_PAGES = {
    "home": "pressroom:home",
    "list": "pressroom:list",
    "feed": "pressroom:feed",
    "search": "pressroom:search",
    "about": "pressroom:about",
    "cities": "cities:list",
}


@lru_cache(maxsize=64)
def _site_paths(language, urlconf, script_prefix):
    with translation.override(language):
        return {
            name: reverse(view, urlconf=urlconf) for name, view in SITE_PAGES.items()
        }


def site_paths():
    """The addresses every page's shell links to, in the current language."""
    return _site_paths(translation.get_language(), get_urlconf(), get_script_prefix())


@receiver(setting_changed)
def _forget_patterns(**kwargs):
    """A test that changes the URLconf or the languages gets addresses of its own."""
    _detail_pattern.cache_clear()
    _short_pattern.cache_clear()
    _archive_patterns.cache_clear()
    _site_paths.cache_clear()
