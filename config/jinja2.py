"""The Jinja2 environment of the public pages (templates/site/).

Public pages are rendered by Jinja2 rather than Django's template engine: it
compiles a template to Python once, and renders a page in a fraction of the time
(many times faster than Django's engine for a release page's shell and article),
which is most of what an uncached page costs. The back-office keeps Django's
engine (`templates/backoffice/` and the apps' own admin templates): each engine
has a folder of its own, so neither finds the other's templates.

Strings: `{{ _("...") }}` is what Django's `makemessages` extracts from a template,
so every reader-visible string is written that way; placeholders are filled with
`|fill(name=value)`. A translation is text and is escaped where it is shown;
only a msgid with markup of its own is markup, and its translation may hold no
other tags (`pressroom.jinja2_helpers.pages.interface_text`). Values are
escaped unless already safe, as in `{% blocktranslate %}`. Plural and contextual
phrases are made in Python (`pressroom.jinja2_helpers.pages`), where
makemessages finds ngettext.
"""

import itertools

import jinja2
from django.template.defaultfilters import linebreaks_filter, truncatechars
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import (
    get_language,
    get_language_bidi,
    get_language_info,
    ngettext,
)

from cities import jinja2_helpers as cities
from pressroom.events import display as events
from pressroom.jinja2_helpers import calendars
from pressroom.jinja2_helpers import pages as pressroom
from pressroom.shell.context_processors import PHONE_PUNCTUATION
from pressroom.shell.media import media_url


def regroup(items, attribute):
    """(value, items) for each run of items with the same `attribute`, in order
    (Django's {% regroup %}; Jinja's groupby would sort them first)."""
    key = lambda item: getattr(item, attribute)  # noqa: E731
    return [(value, list(group)) for value, group in itertools.groupby(items, key)]


def environment(**options):
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], **options)
    # A translation is text, escaped as it is shown (pressroom.shell.catalogs).
    env.install_gettext_callables(pressroom.interface_text, ngettext, newstyle=False)
    env.globals.update(
        get_language=get_language,
        get_language_bidi=get_language_bidi,
        language_info=get_language_info,
        static=static,
        url=lambda name, *args, **kwargs: reverse(name, args=args, kwargs=kwargs),
        date_tag=calendars.date_tag,
        month_year_tag=calendars.month_year_tag,
        month_name=calendars.month_name,
        page_links=pressroom.page_links,
        page_url=pressroom.page_url,
        picture=pressroom.picture,
        thumbnail=pressroom.thumbnail,
        release_json_ld=pressroom.release_json_ld,
        releases_count=pressroom.releases_count,
        results_count=pressroom.results_count,
        list_separator=pressroom.list_separator,
        separator=pressroom.separator,
        share_links=pressroom.share_links,
        partnership_date=cities.partnership_date,
        both_calendars_date=cities.both_calendars_date,
        years_count=cities.years_count,
        event_when=events.event_when,
        event_time=events.event_time,
        day_number=events.day_number,
        local_day=events.local_day,
    )
    env.filters.update(
        absolute=pressroom.absolute_url,
        digits=calendars.digits,
        filesize=pressroom.filesize,
        fill=pressroom.fill,
        linebreaks=linebreaks_filter,
        media_url=media_url,
        phone_link=lambda number: number.translate(PHONE_PUNCTUATION),
        regroup=regroup,
        truncatechars=truncatechars,
        truncatewords=pressroom.truncate_words,
    )
    return env
