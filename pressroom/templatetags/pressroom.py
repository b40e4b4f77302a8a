import json

from django import template
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pressroom.alternates import (
    absolute,
    page_alternates,
    switcher_links,
)
from pressroom.calendars import localize_digits
from pressroom.identity import site_name

register = template.Library()


def _alternates(context):
    if "alternates" in context:
        return context["alternates"]
    # Once a page: the switcher and the head links both need them.
    request = context["request"]
    if not hasattr(request, "page_alternates"):
        request.page_alternates = page_alternates(request)
    return request.page_alternates


@register.inclusion_tag("includes/_language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": switcher_links(_alternates(context))}


@register.inclusion_tag("includes/_head_links.html", takes_context=True)
def head_links(context):
    """Canonical URL and hreflang alternates for the languages the page exists in."""
    alternates = _alternates(context)
    request = context["request"]
    canonical = context.get("canonical") or absolute(request.get_full_path())
    links = [
        {"hreflang": code, "href": absolute(url)} for code, url in alternates.items()
    ]
    if "ru" in alternates:
        links.append({"hreflang": "x-default", "href": absolute(alternates["ru"])})
    return {"canonical": canonical, "links": links}


@register.inclusion_tag("includes/_picture.html")
def release_image(release, sizes="(min-width: 60rem) 48rem, 100vw", eager=False):
    """A lead image with its renditions as srcset; lazy unless it is on top."""
    renditions = release.image_renditions or []
    srcset = ", ".join(
        f"{default_storage.url(item['name'])} {item['width']}w" for item in renditions
    )
    return {
        "release": release,
        "src": release.image.url if release.image else "",
        "srcset": srcset,
        "sizes": sizes,
        "eager": eager,
    }


@register.filter(name="absolute")
def absolute_url(path):
    """An address on the configured site, as Open Graph needs it."""
    return absolute(path)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with another page number, other parameters kept."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.filter
def filesize(size):
    """A file size for readers: kilobytes or megabytes, in their digits."""
    language = get_language()
    if size >= 1024 * 1024:
        number = f"{size / (1024 * 1024):.1f}"
        if language == "fa":
            number = number.replace(".", "\u066b")
        return _("{size} MB").format(size=localize_digits(number, language))
    number = str(max(1, round(size / 1024)))
    return _("{size} KB").format(size=localize_digits(number, language))


@register.simple_tag
def release_json_ld(release, canonical, translations):
    """schema.org NewsArticle with its language and its translations."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title,
        "description": release.lead,
        "inLanguage": get_language(),
        "mainEntityOfPage": canonical,
        "datePublished": release.published_at.isoformat()
        if release.published_at
        else None,
        "dateModified": (release.revised_at or release.published_at).isoformat()
        if release.published_at
        else None,
        "publisher": {"@type": "GovernmentOrganization", "name": site_name()},
        "workTranslation": [
            {"@type": "NewsArticle", "inLanguage": code, "url": absolute(url)}
            for code, url in translations.items()
            if code != get_language()
        ],
    }
    if release.image:
        data["image"] = absolute(release.image.url)
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    # Nothing in the data may close the script element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
