"""The same page in the other languages: switcher links, hreflang and og:locale.

A view that knows which languages its content exists in puts `alternates`
({language: path}) into its context; every other page exists in all languages,
at its own path under each language's prefix. Where a page has no version in a
language, the view may name in `switch_to` ({language: path}) where the language
switcher leads instead: the "not available" page of that very item, or the
nearest page that exists (a list's first page). The switcher never drops a
reader on a home page they did not ask for.
"""

from functools import lru_cache

from django.conf import settings
from django.http import QueryDict
from django.urls import get_script_prefix
from django.utils import translation

OG_LOCALES = {"ru": "ru_RU", "fa": "fa_IR", "en": "en_US"}


def language_urls():
    return [code for code, _name in settings.LANGUAGES]


def absolute(path, request):
    """An absolute URL: on the configured site (DJANGO_SITE_URL) when there is one,
    otherwise on the host and port the request came to (a local run on any port).

    The page cache keys pages on the host, so a page made for one host is never
    served to another.
    """
    if "://" in path:
        return path  # already absolute: media on a bucket's own domain
    if settings.SITE_URL:
        return f"{settings.SITE_URL}{path}"
    return request.build_absolute_uri(path)


def alternates_for(release):
    return {
        language: release.get_absolute_url(language)
        for language in release.available_languages()
    }


def page_alternates(request):
    """This page in every language: its address under each language's prefix.

    No URL pattern of the site is translated, so this is what Django's
    `translate_url()` gives, without resolving and reversing the address
    three times (a fifth of a small page's time).
    """
    path = request.get_full_path()
    current = translation.get_language()
    prefix = f"{get_script_prefix()}{current}/"
    if not path.startswith(prefix):
        return {}
    rest = path[len(prefix) :]
    other_rest = without_page_number(rest)
    return {
        code: f"{get_script_prefix()}{code}/{rest if code == current else other_rest}"
        for code in language_urls()
    }


def without_page_number(rest):
    """A list's address without `page`: each language has its own number of
    pages, so page 5 of the Russian news may not exist in Persian; the first
    page always does."""
    path, mark, query = rest.partition("?")
    if not mark or "page" not in query:
        return rest
    parameters = QueryDict(query, mutable=True)
    parameters.pop("page", None)
    query = parameters.urlencode()
    return f"{path}?{query}" if query else path


@lru_cache(maxsize=8)
def _languages(current):
    return [
        {
            "code": code,
            "name": str(info["name_local"]),
            "bidi": info["bidi"],
            "current": code == current,
        }
        for code in language_urls()
        for info in [translation.get_language_info(code)]
    ]


def switcher_links(alternates, switch_to=None):
    """Each language once, in its own name, linking to this page where it exists,
    else where the view says (`switch_to`), else to that language's home."""
    prefix = get_script_prefix()
    switch_to = switch_to or {}
    return [
        {
            **language,
            "url": alternates.get(language["code"])
            or switch_to.get(language["code"])
            or f"{prefix}{language['code']}/",
        }
        for language in _languages(translation.get_language())
    ]
