"""Template side of the shell and the release pages: links, pictures, phrases.

Plain functions, registered in the Jinja2 environment (`config/jinja2.py`).
Phrases with plural forms or a context are made here, where makemessages finds
ngettext and pgettext, and handed to the templates whole.
"""

import json
import logging
from urllib.parse import quote

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.text import add_truncation_text
from django.utils.translation import get_language, gettext, ngettext, pgettext
from django.utils.translation import gettext as _
from jinja2 import pass_context
from markupsafe import Markup, escape

from pressroom.calendars import localize_digits
from pressroom.shell.alternates import absolute, page_alternates, switcher_links
from pressroom.shell.identity import site_name
from pressroom.shell.media import media_url
from pressroom.shell.po_files import has_markup, markup_problem

logger = logging.getLogger(__name__)


def interface_text(message):
    """The public pages' `_()`: a translation is text, escaped where it is shown.

    Only a msgid that holds markup itself is markup, and then its translation
    only if it holds no tag the msgid does not (else the msgid is shown).
    """
    translation = gettext(message)
    if not has_markup(message):
        return translation
    if markup_problem(message, translation):
        logger.warning("Translation with foreign markup not shown: %r", message)
        return Markup(message)
    return Markup(translation)


def fill(text, **values):
    """A translated text with its `%(name)s` placeholders filled in.

    The text is escaped unless it is markup already (`interface_text`); the
    values are escaped unless they are safe already (a `<time>` element), as
    `{% blocktranslate %}` does.
    """
    return (text if isinstance(text, Markup) else escape(text)) % values


@pass_context
def page_links(context):
    """Canonical URL, hreflang alternates and language switcher of the page.

    A view that knows which languages its content exists in puts `alternates`
    into the context (and, for the others, where the switcher leads in
    `switch_to`); any other page exists in every language.
    """
    request = context["request"]
    if "alternates" in context:
        alternates = context["alternates"]
    else:
        alternates = page_alternates(request)
    links = [
        {"hreflang": code, "href": absolute(url, request)}
        for code, url in alternates.items()
    ]
    if "ru" in alternates:
        links.append(
            {"hreflang": "x-default", "href": absolute(alternates["ru"], request)}
        )
    return {
        "canonical": context.get("canonical")
        or absolute(request.get_full_path(), request),
        "links": links,
        "switcher": switcher_links(alternates, context.get("switch_to")),
    }


def picture(release, sizes="(min-width: 60rem) 48rem, 100vw"):
    """The lead image's address and its renditions as a srcset."""
    renditions = release.image_renditions or []
    srcset = ", ".join(
        f"{media_url(item['name'])} {item['width']}w" for item in renditions
    )
    return {
        "src": media_url(release.image) if release.image else "",
        "srcset": srcset,
        "sizes": sizes,
    }


def thumbnail(card, sizes="(min-width: 40rem) 22rem, 100vw"):
    """A card's picture: its lead image's renditions, or None without one.
    (getattr: cards kept in the cache before they had pictures have none.)"""
    # A model instance loaded without its picture (a city's news): none, rather
    # than a query per card.
    deferred = getattr(card, "get_deferred_fields", None)
    if deferred is not None and "image" in deferred():
        return None
    if not getattr(card, "image", ""):
        return None
    image = picture(card, sizes)
    image.update(width=card.image_width, height=card.image_height)
    return image


@pass_context
def absolute_url(context, path):
    """An address on the site, as Open Graph needs it."""
    return absolute(path, context["request"])


@pass_context
def page_url(context, number):
    """The current address with another page number, other parameters kept."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


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


def truncate_words(text, count):
    """Django's truncatewords (" …" after `count` words), without the lazy
    Truncator object it makes for every card (a third of the filter's time)."""
    words = str(text).split()
    if len(words) <= count:
        return " ".join(words)
    return add_truncation_text(" ".join(words[:count]), " …")


def releases_count(count):
    """ "5 press releases", in the reader's plural form and digits."""
    text = ngettext("%(number)s press release", "%(number)s press releases", count)
    return text % {"number": localize_digits(count, get_language())}


def results_count(count):
    text = ngettext("%(number)s result", "%(number)s results", count)
    return text % {"number": localize_digits(count, get_language())}


def separator():
    """What goes between two items on a line (a date and a place): " · ", but
    "، " in Persian, where a dot beside Persian digits reads as a zero (۰)."""
    return pgettext("separator between items on a line", " · ")


def share_links(url, title):
    """Plain links that hand a release's address to a service or a mail program:
    no script of theirs on our pages, nothing told to anyone until the reader
    clicks."""
    address, text = quote(url, safe=""), quote(str(title), safe="")
    return [
        {
            "name": _("VK"),
            "url": f"https://vk.com/share.php?url={address}&title={text}",
        },
        {
            "name": "Telegram",
            "url": f"https://t.me/share/url?url={address}&text={text}",
        },
        {"name": "X", "url": f"https://x.com/intent/post?url={address}&text={text}"},
        {"name": _("E-mail"), "url": f"mailto:?subject={text}&body={address}"},
    ]


def list_separator():
    """What goes between the items of a list in running text: ", " or "، "."""
    return pgettext("list separator", ", ")


@pass_context
def release_json_ld(context, release, canonical, translations, show_media=True):
    """schema.org NewsArticle with its language and its translations."""
    request = context["request"]
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
            {"@type": "NewsArticle", "inLanguage": code, "url": absolute(url, request)}
            for code, url in translations.items()
            if code != get_language()
        ],
    }
    if release.image and show_media:
        data["image"] = absolute(media_url(release.image), request)
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    # Nothing in the data may close the script element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
