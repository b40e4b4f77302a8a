"""The cache tags of pressroom's pages, and what a change of its models outdates.

| tag | pages |
|---|---|
| `release:<id>` | the release's pages in every language (and its short address) |
| `news:<lang>` | home, the news list, the feed, the oldest and newest archive pages |
| `search:<lang>` | search results |
| `topics:<lang>` | pages with the topics menu (news list, topic pages) |
| `topic:<id>:<lang>` | the topic's page and feed; its releases' pages (related) |
| `month:<lang>:<y>-<m>`, `year:<lang>:<y>` | archive pages, in its calendar |
| `sitemap`, `sitemap:<page>` | sitemap index and sections; a release sitemap page |
| `site` | pages that show no content (about, robots.txt) |

The faces below say which of these a release, topic or attachment shows on
(pressroom/shell/freshness.py); other apps register their own in their ready().
"""

from pressroom import calendars
from pressroom.models import (
    LANGUAGE_CODES,
    TRANSLATED_FIELDS,
    Attachment,
    InterfaceCatalog,
    PageChange,
    Presence,
    PressRelease,
    PreviewLink,
    SearchDocument,
    Topic,
    field_in,
)
from pressroom.shell import freshness

# A release's fields every language's page shows.
SHARED_FIELDS = (
    "status",
    "published_at",
    "featured",
    "image_width",
    "image_height",
    "image_renditions",
    "revised_at",
    "withdrawn_at",
)
CARD_FIELDS = ("title", "slug", "lead", "dateline", "image_alt", "image_caption")
# The release sitemap's pages: consecutive ids, as pressroom.sitemaps pages them.
SITEMAP_IDS = 50


def release(pk):
    return f"release:{pk}"


def news(language):
    return f"news:{language}"


def topic(pk, language):
    return f"topic:{pk}:{language}"


def month(language, year, number=None):
    if number is None:
        return f"year:{language}:{year}"
    return f"month:{language}:{year}-{number:02d}"


def sitemap_page(number):
    return f"sitemap:{number}"


def is_reachable(item, now):
    statuses = (PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN)
    return (
        item.status in statuses
        and item.published_at is not None
        and item.published_at <= now
    )


def cards(item, now):
    """{language: what a card of the release shows} where it is listed at `now`."""
    if not is_reachable(item, now) or item.status != PressRelease.Status.PUBLISHED:
        return {}
    # To the second, as pages show it: a form's round trip drops microseconds.
    published = item.published_at.replace(microsecond=0)
    shared = (published, item.featured, item.image.name, item.revised_at)
    return {
        language: (shared, *(field_in(item, name, language) for name in CARD_FIELDS))
        for language in LANGUAGE_CODES
        if item.is_available_in(language)
    }


def release_face(item, now):
    if not is_reachable(item, now):
        return {}
    languages = item.available_languages()
    topics = sorted(item.topics.values_list("pk", flat=True))
    texts = [
        tuple(field_in(item, name, language) for name in TRANSLATED_FIELDS)
        for language in languages
    ]
    shared = [getattr(item, name) for name in SHARED_FIELDS]
    shared[1] = item.published_at.replace(microsecond=0)  # as on the page
    face = {release(item.pk): (item.image.name, shared, topics, languages, texts)}
    for language, card in cards(item, now).items():
        calendar = calendars.calendar_for(language)
        year, number = calendars.month_of(
            calendars.local_date(item.published_at), calendar
        )
        face[news(language)] = card
        face[f"search:{language}"] = (card, field_in(item, "body", language))
        face[month(language, year, number)] = card
        face[month(language, year)] = number
        face.update({topic(each, language): card for each in topics})
    if face.keys() - {release(item.pk)}:  # in the sitemap: listed somewhere
        # The sitemap gives the day of the last change (and the index the
        # latest): a save later that day changes neither.
        day = calendars.local_date(item.updated_at)
        entry = (languages, [item.slug_in(code) for code in languages], day)
        face[sitemap_page((item.pk - 1) // SITEMAP_IDS + 1)] = entry
        face["sitemap"] = day
    return face


def release_due(item):
    """A scheduled release's pages change when its time comes."""
    if item.status == PressRelease.Status.PUBLISHED:
        return item.published_at
    return None


def topic_face(item, now):
    face = {"sitemap": (item.slug, item.named_languages())}
    for language in item.named_languages():
        shown = (item.slug, field_in(item, "name", language))
        face[f"topics:{language}"] = shown
        face[topic(item.pk, language)] = shown
    return face


def attachment_face(item, now):
    if not is_reachable(item.release, now):
        return {}
    return {release(item.release_id): (item.title, item.file.name, item.position)}


def register():
    freshness.register(PressRelease, release_face, due=release_due)
    freshness.register(Topic, topic_face)
    freshness.register(Attachment, attachment_face)
    # Records and derived data: what they change is recorded by what made them
    # (a release's search documents by the release, a catalog's pages by its
    # saving, pressroom.shell.catalogs); who has a form open shows on no page.
    for model in (PreviewLink, PageChange, SearchDocument, InterfaceCatalog, Presence):
        freshness.register(model, None)


def archive(language, here, previous, following, *, months=True):
    """The tags of an archive page: its month (or year) and every one from the
    neighbour it links back to through the one it links on to (a release there
    may change those links), or the whole list where that is open or far.

    `here`, `previous`, `following`: (year, month) pairs, or years with
    `months=False`; a neighbour is None where there is none.
    """

    def index(value):
        return value[0] * 12 + value[1] - 1 if months else value

    def name(number):
        if months:
            return month(language, number // 12, number % 12 + 1)
        return month(language, number)

    if previous is None or following is None:
        return [name(index(here)), news(language)]
    first, last = index(previous), index(following)
    if last - first > 48:
        return [name(index(here)), news(language)]
    return [name(number) for number in range(first, last + 1)]
