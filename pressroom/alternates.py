"""The same page in the other languages: switcher links, hreflang and og:locale.

A view that knows which languages its content exists in puts `alternates`
({language: path}) into its context; every other page exists in all languages,
at its own path under each language's prefix.
"""

from functools import lru_cache

from django.conf import settings
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
    prefix = f"{get_script_prefix()}{translation.get_language()}/"
    if not path.startswith(prefix):
        return {}
    rest = path[len(prefix) :]
    return {code: f"{get_script_prefix()}{code}/{rest}" for code in language_urls()}


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


def switcher_links(alternates):
    """Each language once, in its own name, linking to this page where it exists."""
    prefix = get_script_prefix()
    return [
        {
            **language,
            "url": alternates.get(language["code"]) or f"{prefix}{language['code']}/",
        }
        for language in _languages(translation.get_language())
    ]
