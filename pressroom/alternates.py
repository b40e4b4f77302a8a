"""The same page in the other languages: switcher links, hreflang and og:locale.

A view that knows which languages its content exists in puts `alternates`
({language: path}) into its context; every other page exists in all languages and
gets its alternates from `translate_url`.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

OG_LOCALES = {"ru": "ru_RU", "fa": "fa_IR", "en": "en_US"}


def language_urls():
    return [code for code, _name in settings.LANGUAGES]


def absolute(path):
    """An absolute URL on the configured site, never taken from the Host header."""
    if "://" in path:
        return path  # already absolute: media on a bucket's own domain
    return f"{settings.SITE_URL}{path}"


def alternates_for(release):
    return {
        language: release.get_absolute_url(language)
        for language in release.available_languages()
    }


def page_alternates(request):
    path = request.get_full_path()
    return {language: translate_url(path, language) for language in language_urls()}


def switcher_links(alternates):
    """Each language once, in its own name, linking to this page where it exists."""
    links = []
    current = translation.get_language()
    for code in language_urls():
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": alternates.get(code) or f"/{code}/",
                "current": code == current,
            }
        )
    return links
