"""Release addresses without a reverse() per release.

A list page links 20 releases and a sitemap page a thousand addresses; reverse()
inside translation.override() costs about 100 µs each, a tenth of a bare view. The
address pattern is reversed once per language (and URLconf and script prefix),
and each address is filled in, quoted exactly as reverse() quotes it.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

# What reverse() leaves unquoted in a path, so the addresses are the same.
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"
# The `uslug` converter's pattern (pressroom/urls.py); anything else goes through
# reverse(), which refuses it as it always did.
SLUG = re.compile(r"[-\w]+")
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
    if not SLUG.fullmatch(slug):
        with translation.override(language):
            return reverse("pressroom:detail", kwargs={"pk": pk, "slug": slug})
    head, tail = _detail_pattern(language, get_urlconf(), get_script_prefix())
    return f"{head}{pk}-{quote(slug, safe=PATH_SAFE)}{tail}"


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
